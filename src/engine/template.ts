// Message templates: `{{path}}` placeholders read the record view (and `$params.x`, `$fn.<name>`). A
// placeholder that does not resolve is reported so the example harness can fail on it.
import { knownValueAt } from './path.js';

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

interface CompiledTemplate {
  /** literal text around the placeholders: one more than `paths` */
  literals: string[];
  paths: Array<{ path: string; head: string }>;
}

/** A rule has two messages rendered for each of its findings: each is parsed once. */
const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let result = compiled.get(template);
  if (!result) {
    result = { literals: [], paths: [] };
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      result.literals.push(template.slice(last, match.index));
      result.paths.push({ path: match[1]!, head: match[1]!.split('.', 1)[0]! });
      last = match.index + match[0].length;
    }
    result.literals.push(template.slice(last));
    compiled.set(template, result);
  }
  return result;
}

/** shared by every message without unresolved placeholders; frozen so that no caller can fill it */
const NONE = Object.freeze([]) as unknown as string[];

/**
 * Renders `template` against the record `view` and `extra`, whose fields are computed only when a
 * placeholder reads them (`$fn` builds an object from the evidence): `{{$fn.x}}` reads `extra.$fn()`.
 */
export function renderTemplate(
  template: string,
  view: Record<string, unknown>,
  extra: Record<string, () => unknown> = {},
): { text: string; unresolved: string[] } {
  const { literals, paths } = compile(template);
  let unresolved = NONE;
  // joined, not concatenated: the text is kept in a finding, and a join is one flat string where `+=`
  // leaves a tree of string fragments
  const parts = [literals[0]!];
  paths.forEach(({ path, head }, index) => {
    const context = Object.hasOwn(extra, head) ? { [head]: extra[head]!() } : view;
    const value = knownValueAt(context, path);
    if (value !== undefined) parts.push(display(value));
    else {
      if (unresolved === NONE) unresolved = [];
      unresolved.push(path);
      parts.push(`<unknown ${path}>`);
    }
    parts.push(literals[index + 1]!);
  });
  return { text: parts.join(''), unresolved };
}

function display(value: unknown): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(display).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
