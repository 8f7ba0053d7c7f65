// Message templates: `{{path}}` placeholders read the record view (and `$params.x`, `$fn.<name>`). A
// placeholder that does not resolve is reported so the example harness can fail on it.
import { resolvePath } from './path.js';

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

/**
 * Renders `template` against `layers` read as one object merged left to right (a later layer's key wins),
 * without building that object: a placeholder's first segment picks the layer it is read from.
 */
export function renderTemplate(template: string, ...layers: Array<Record<string, unknown>>): { text: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const text = template.replace(PLACEHOLDER, (_match, path: string) => {
    const head = path.split('.', 1)[0]!;
    const layer = layers.findLast((candidate) => Object.hasOwn(candidate, head)) ?? {};
    const resolved = resolvePath({ value: layer, gaps: [], prefix: '' }, path);
    if (resolved.known) return display(resolved.value);
    unresolved.push(path);
    return `<unknown ${path}>`;
  });
  return { text, unresolved };
}

function display(value: unknown): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(display).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
