// Loads rule files `<dir>/<service>/<rule-id>.yaml`: YAML (with `<<` merge keys, so examples can share a
// base record), one zod schema, then naming: `id` must equal the file name and `service` the folder.
// Any problem is a RuleLoadError that names the file and the line.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { lineOfPath } from '../yaml-source.js';
import { RuleLoadError } from './errors.js';
import { ruleFileSchema, ruleIssues, type Rule, type RuleIssue } from './rule-schema.js';

/** The rules shipped with the package (works from src/ under vitest and from dist/ once built). */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export async function loadRules(dirs: string[]): Promise<Rule[]> {
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of await ruleFiles(dir)) {
      const rule = await loadRuleFile(file);
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
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export async function loadRuleFile(file: string): Promise<Rule> {
  const shown = displayPath(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter, merge: true, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? null;
    throw new RuleLoadError('RULE_YAML_SYNTAX', shown, line, syntax.message.split('\n')[0]!);
  }
  const parsed = ruleFileSchema.safeParse(doc.toJS());
  const issues: RuleIssue[] = parsed.success
    ? ruleIssues(parsed.data)
    : parsed.error.issues.map((issue) => ({
        path: issue.path,
        message: issue.message,
        // an unknown key is best shown on its own line
        ...(issue.code === 'unrecognized_keys' ? { lineAt: [...issue.path, issue.keys[0]!] } : {}),
      }));
  const [issue, ...more] = issues;
  if (issue) {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    const extra = more.length > 0 ? ` (and ${more.length} more issue${more.length > 1 ? 's' : ''})` : '';
    const line = lineOf(doc, lineCounter, issue.lineAt ?? issue.path);
    throw new RuleLoadError('RULE_SCHEMA', shown, line, `${where}${issue.message}${extra}`);
  }
  if (!parsed.success) throw new Error('unreachable: a failed parse always has issues');
  const rule = parsed.data;
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
