// Matching names the user typed against the names that exist: the globs of the mutelist and the scope flags
// (`*` any run of characters, `?` one character), and the "did you mean" of a name that matches nothing.
import { closest, distance } from 'fastest-levenshtein';

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${body}$`, 's');
}

/** " (did you mean x?)" when a known name is a few edits away, else "". */
export function didYouMean(name: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const nearest = closest(name, [...known]);
  return distance(name, nearest) <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean ${nearest}?)` : '';
}

/** Whether a text is a valid regular expression. */
export function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
