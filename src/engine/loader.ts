// Loads rule files `<dir>/<service>/<rule-id>.yaml`: YAML (with `<<` merge keys), one zod schema, then
// naming: `id` must equal the file name and `service` the folder. Examples are completed from the example
// base records beside the service folders, `<rules folder>/_bases/<resource-type>.yaml` (a rules folder
// without one states whole records). Any problem is a RuleLoadError that names the file and the line.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { recordSchemas } from '../inventory/schema.js';
import { RESOURCE_TYPES, type ResourceType } from '../inventory/types.js';
import { lineOfPath } from '../yaml-source.js';
import { RuleLoadError } from './errors.js';
import { completeExamples, partSchema, type ExampleBases } from './examples.js';
import { ruleFileSchema, ruleIssues, type Rule, type RuleIssue } from './rule-schema.js';

/** The folder of example base records inside a rules folder; it holds no rules. */
export const BASES_DIR = '_bases';

const baseFileSchema = z.strictObject({
  /** the typical record, complete: every field of the type */
  record: z.record(z.string(), z.unknown()),
  parts: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

/** The rules shipped with the package (works from src/ under vitest and from dist/ once built). */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export async function loadRules(dirs: string[]): Promise<Rule[]> {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  const bases = new Map<string, Promise<ExampleBases>>();
  for (const dir of dirs) {
    for (const file of await ruleFiles(dir)) {
      // `dir` may be the rules folder or one service folder of it (`rules test rules/ecs`)
      const root = basesRoot(file);
      if (!bases.has(root)) bases.set(root, loadBases(root));
      const rule = await loadRuleFile(file, await bases.get(root)!);
      const earlier = seen.get(rule.id);
      if (earlier !== undefined) {
        throw new RuleLoadError('RULE_DUPLICATE_ID', rule.file, null, `rule id "${rule.id}" is already defined in ${earlier}`);
      }
      seen.set(rule.id, rule.file);
      rules.push(rule);
    }
  }
  return rules;
}

async function ruleFiles(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new RuleLoadError('RULE_DIR_MISSING', displayPath(dir), null, 'rules directory not found');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && !path.relative(dir, entry.parentPath).split(path.sep).includes(BASES_DIR))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The rules folder of a rule file: the one that holds its service folder (and the `_bases/` folder). */
function basesRoot(file: string): string {
  return path.dirname(path.dirname(file));
}

/** The example base records of a rules folder, each checked to be a valid record of its type. */
export async function loadBases(dir: string): Promise<ExampleBases> {
  const folder = path.join(dir, BASES_DIR);
  const names = await readdir(folder).catch(() => [] as string[]);
  const bases: ExampleBases = {};
  for (const name of names.filter((entry) => /\.ya?ml$/.test(entry)).sort()) {
    const file = path.join(folder, name);
    const shown = displayPath(file);
    const type = name.replace(/\.ya?ml$/, '') as ResourceType;
    if (!RESOURCE_TYPES.includes(type)) {
      throw new RuleLoadError('RULE_NAMING', shown, null, `"${type}" is not a resource type (expected one of ${RESOURCE_TYPES.join('|')})`);
    }
    const { doc, lineCounter } = await parseYaml(file);
    const parsed = baseFileSchema.safeParse(doc.toJS());
    const issues: RuleIssue[] = parsed.success ? [] : zodIssues(parsed.error);
    if (parsed.success) {
      const { record, parts } = parsed.data;
      for (const issue of recordSchemas[type].safeParse(record).error?.issues ?? []) issues.push({ path: ['record', ...issue.path], message: issue.message });
      for (const [at, part] of Object.entries(parts)) {
        const schema = partSchema(type, at);
        if (!schema) issues.push({ path: ['parts', at], message: `no nested record "${at}" in ${type}` });
        for (const issue of schema?.safeParse(part).error?.issues ?? []) issues.push({ path: ['parts', at, ...issue.path], message: issue.message });
      }
      bases[type] = parsed.data;
    }
    if (issues.length > 0) throw schemaError(issues, shown, doc, lineCounter);
  }
  return bases;
}

async function parseYaml(file: string): Promise<{ doc: Document; lineCounter: LineCounter }> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter, merge: true, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? null;
    throw new RuleLoadError('RULE_YAML_SYNTAX', displayPath(file), line, syntax.message.split('\n')[0]!);
  }
  return { doc, lineCounter };
}

function zodIssues(error: z.ZodError): RuleIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path,
    message: issue.message,
    // an unknown key is best shown on its own line
    ...(issue.code === 'unrecognized_keys' ? { lineAt: [...issue.path, issue.keys[0]!] } : {}),
  }));
}

/** The first of `issues` (there is one at least) as a RuleLoadError at its line. */
function schemaError(issues: RuleIssue[], shown: string, doc: Document, lineCounter: LineCounter): RuleLoadError {
  const [issue, ...more] = issues as [RuleIssue, ...RuleIssue[]];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const extra = more.length > 0 ? ` (and ${more.length} more issue${more.length > 1 ? 's' : ''})` : '';
  const line = lineOf(doc, lineCounter, issue.lineAt ?? issue.path);
  return new RuleLoadError('RULE_SCHEMA', shown, line, `${where}${issue.message}${extra}`);
}

/** One rule file; `bases` defaults to those of its rules folder. */
export async function loadRuleFile(file: string, bases?: ExampleBases): Promise<Rule> {
  const shown = displayPath(file);
  const { doc, lineCounter } = await parseYaml(file);
  const parsed = ruleFileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw schemaError(zodIssues(parsed.error), shown, doc, lineCounter);
  const completed = completeExamples(parsed.data, bases ?? (await loadBases(basesRoot(file))));
  const issues = [...completed.issues, ...ruleIssues(completed.rule)];
  if (issues.length > 0) throw schemaError(issues, shown, doc, lineCounter);
  const rule = completed.rule;
  const expectedId = path.basename(file).replace(/\.ya?ml$/, '');
  if (rule.id !== expectedId) {
    throw new RuleLoadError('RULE_NAMING', shown, lineOf(doc, lineCounter, ['id']), `id "${rule.id}" must equal the file name "${expectedId}"`);
  }
  const folder = path.basename(path.dirname(file));
  if (rule.service !== folder) {
    throw new RuleLoadError('RULE_NAMING', shown, lineOf(doc, lineCounter, ['service']), `service "${rule.service}" must equal the folder name "${folder}"`);
  }
  return { ...rule, file: shown };
}

/** The line of `at` in the document, or the file's first line. */
function lineOf(doc: Document, lineCounter: LineCounter, at: readonly PropertyKey[]): number {
  return lineOfPath(doc, lineCounter, at) ?? 1;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
