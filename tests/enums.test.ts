// The enum table (data/enums.yaml): every literal a collector or a bundled rule compares against is listed
// with its source, and every value the table takes from the official metadata is written there. The
// method (which comparisons are scanned, how a field is located) is described at the top of the table.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { meta, REFERENCE_DIR, type MetaSchema } from './helpers/reference.js';

const ROOT = path.resolve(import.meta.dirname, '..');

interface EnumEntry {
  id: string;
  values: (string | number | boolean)[];
  meta?: { file: string; api: string; field: string };
  doc?: string;
  code?: string[];
  rules?: string[];
  ci?: boolean;
}

const table = parse(readFileSync(path.join(ROOT, 'data/enums.yaml'), 'utf8')) as { enums: EnumEntry[]; notEnums: Record<string, string> };

const same = (entry: EnumEntry, literal: string) =>
  entry.values.some((value) => (entry.ci ? String(value).toLowerCase() === literal.toLowerCase() : String(value) === literal));

/** `=== 'X'` / `!== 'X'` in the services' collectors and evaluators, by file (typeof checks excluded). */
function codeLiterals(): { file: string; line: number; literal: string }[] {
  const found: { file: string; line: number; literal: string }[] = [];
  for (const name of readdirSync(path.join(ROOT, 'src/services'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'))) {
    const file = `src/services/${name.split(path.sep).join('/')}`;
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        for (const match of text.matchAll(/[!=]==\s*'([^']*)'/g)) {
          const literal = match[1]!;
          // `typeof value === 'string'` compares a JavaScript type, not an API value
          if (literal !== '' && !/typeof\s+\S+\s*$/.test(text.slice(0, match.index))) found.push({ file, line: index + 1, literal });
        }
      });
  }
  return found;
}

/** String values of the `eq` / `ne` / `in` comparisons of every bundled rule, parameter lists resolved. */
function ruleLiterals(): { rule: string; literal: string }[] {
  const found: { rule: string; literal: string }[] = [];
  const walkDir = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walkDir(path.join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [path.join(dir, entry.name)] : [],
    );
  for (const file of walkDir(path.join(ROOT, 'rules'))) {
    const rule = parse(readFileSync(file, 'utf8')) as { id: string; params?: Record<string, unknown>; examples?: unknown };
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== 'object' || node === null) return;
      const object = node as Record<string, unknown>;
      if (typeof object.op === 'string' && ['eq', 'ne', 'in'].includes(object.op)) {
        const value = object.value;
        const param = typeof value === 'object' && value !== null ? (value as { param?: string }).param : undefined;
        const values = param !== undefined ? rule.params?.[param] : value;
        for (const literal of [values].flat()) if (typeof literal === 'string') found.push({ rule: rule.id, literal });
      }
      for (const [key, child] of Object.entries(object)) if (key !== 'examples' && key !== 'params') visit(child);
    };
    visit(rule);
  }
  return found;
}

/** A field of the metadata: `Outer.Item[].Field` in the 200 response, or `param:Name[].Field` in a request parameter. */
function metaField(source: NonNullable<EnumEntry['meta']>): MetaSchema | undefined {
  const api = meta(source.file).apis[source.api];
  const [first, ...rest] = source.field.replace(/^param:/, '').split('.');
  const isParam = source.field.startsWith('param:');
  const list = (part: string) => part.endsWith('[]');
  const name = (part: string) => (list(part) ? part.slice(0, -2) : part);
  let schema = isParam
    ? api?.parameters?.find((parameter) => parameter.name === name(first!))?.schema
    : api?.responses?.['200']?.schema?.properties?.[name(first!)];
  if (list(first!)) schema = schema?.items;
  for (const part of rest) {
    schema = schema?.properties?.[name(part)];
    if (list(part)) schema = schema?.items;
  }
  return schema;
}

describe('the enum table', () => {
  it('lists every literal a collector or a rule evaluator compares against, for that file', () => {
    const unlisted = codeLiterals()
      .filter(({ literal }) => !Object.hasOwn(table.notEnums, literal))
      .filter(({ file, literal }) => !table.enums.some((entry) => entry.code?.includes(file) && same(entry, literal)))
      .map(({ file, line, literal }) => `${file}:${line} '${literal}'`);
    expect(unlisted).toEqual([]);
  });

  it('lists every literal a bundled rule compares against, for that rule', () => {
    const literals = ruleLiterals();
    expect(literals.length).toBeGreaterThan(20);
    const unlisted = literals
      .filter(({ rule, literal }) => !table.enums.some((entry) => entry.rules?.includes(rule) && same(entry, literal)))
      .map(({ rule, literal }) => `${rule}: ${literal}`);
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it('gives every entry a source: a metadata field or a public document', () => {
    expect(table.enums.filter((entry) => !entry.meta && !entry.doc).map((entry) => entry.id)).toEqual([]);
  });

  it.skipIf(REFERENCE_DIR === undefined)('takes each metadata value from that field of the official metadata', () => {
    const wrong: string[] = [];
    for (const entry of table.enums.filter((candidate) => candidate.meta)) {
      const field = metaField(entry.meta!);
      if (!field) {
        wrong.push(`${entry.id}: ${entry.meta!.api} ${entry.meta!.field} is not in ${entry.meta!.file}`);
        continue;
      }
      const text = [field.description ?? '', ...(field.enum ?? [])].join('\n');
      for (const value of entry.values) {
        const word = String(value).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        if (!new RegExp(`(?<![A-Za-z0-9])${word}(?![A-Za-z0-9])`).test(text)) wrong.push(`${entry.id}: ${value} is not in ${entry.meta!.api} ${entry.meta!.field}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('catches a literal the table does not have', () => {
    // the table is keyed by file: a literal listed for another file does not count
    const entry = table.enums.find((candidate) => candidate.id === 'ims-credential-report-state')!;
    expect(same(entry, 'COMPLETED')).toBe(true);
    expect(same(entry, 'COMPLETE')).toBe(false);
  });
});
