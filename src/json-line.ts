// Where JSON.parse stopped, as a 1-based line: the only detail of a broken JSON file that is safe to print
// (V8's own message quotes the text around the error, which in a credentials file is a secret).

/** Line (1-based) of a character offset. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The line of a JSON.parse SyntaxError; the last line when the text ended too early. */
export function jsonErrorLine(text: string, error: SyntaxError): number {
  const lineColumn = /line (\d+) column \d+/.exec(error.message);
  if (lineColumn?.[1]) return Number(lineColumn[1]);
  const position = /at position (\d+)/.exec(error.message);
  return position?.[1] ? lineAt(text, Number(position[1])) : lineAt(text.trimEnd(), text.trimEnd().length);
}
