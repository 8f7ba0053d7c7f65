// A YAML file read with its line numbers kept, so a schema error can point at the line that caused it.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { InputFileError } from './errors.js';

export interface YamlSource {
  file: string;
  /** the document as plain data; an empty file is an empty mapping */
  data: unknown;
  /** 1-based line of the node at `path`, or of its nearest enclosing node when it is absent */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** 1-based line of the key that names `path` (a mapping's value may start on the next line), else `lineOf` */
  keyLineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A syntax error is an AUDIT_CONFIG InputFileError: the config and the mutelist read through here. */
export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const [yamlError] = doc.errors;
  if (yamlError) throw new InputFileError('AUDIT_CONFIG', file, lineAt(yamlError.pos[0]), yamlError.message);
  return {
    file,
    data: doc.contents === null ? {} : doc.toJS(),
    lineOf: (path) => lineOfPath(doc, lineCounter, path),
    keyLineOf: (path) => {
      const parent = path.length === 0 ? undefined : path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1)) : undefined;
      const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      return start === undefined ? lineOfPath(doc, lineCounter, path) : lineCounter.linePos(start).line;
    },
  };
}

/** 1-based line of the deepest node on `path` that has a place in the text (merged keys have none). */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
