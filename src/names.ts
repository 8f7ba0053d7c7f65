// Matching names the user typed against the names that exist: the globs of the mutelist and the scope flags
// (`*` any run of characters, `?` one character), and the "did you mean" of a name that matches nothing.
import editDistance from 'damerau-levenshtein';

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${body}$`, 's');
}

/**
 * " (did you mean x?)" when a known name is a few edits away, else "". A swap of two letters is one edit
 * (Damerau), so `rma` is nearer `ram` than `kms`.
 */
export function didYouMean(name: string, known: readonly string[]): string {
  let nearest: { name: string; steps: number } | undefined;
  for (const candidate of known) {
    const { steps } = editDistance(name, candidate);
    if (nearest === undefined || steps < nearest.steps) nearest = { name: candidate, steps };
  }
  return nearest !== undefined && nearest.steps <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean ${nearest.name}?)` : '';
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
