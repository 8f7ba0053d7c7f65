// Aligned text columns under a header row: the listings of `history`, `diff` and `rules list`.
import { plain } from '../outputs/table.js';

export function renderColumns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // cloud-side text (resource ids, titles) could carry escape sequences that rewrite the user's terminal
  const lines = [header, ...rows.map((cells) => cells.map(plain))];
  const widths = header.map((_, column) => lines.reduce((width, cells) => Math.max(width, cells[column]?.length ?? 0), 0));
  return lines.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}
