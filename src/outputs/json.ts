// The report contract itself (schema/report.schema.json), byte for byte `JSON.stringify(report, null, 2)`, written
// as findings pass: the head around a findings array that is filled in finding by finding.
import type { ReportHead } from '../findings/types.js';
import { indentedJson, renderByWriter, type Format } from './format.js';

const PLACEHOLDER = '\u0000findings\u0000';

/** The pretty-printed report before and after its findings array (the head's key order, findings after coverage). */
function around(head: ReportHead): [before: string, after: string] {
  // a whole report may come as the head: its own findings are not the head's
  const { schemaVersion, scan, summary, coverage, findings: _own, ...rest } = head as ReportHead & { findings?: unknown };
  const text = JSON.stringify({ schemaVersion, scan, summary, coverage, findings: PLACEHOLDER, ...rest }, null, 2);
  // a top-level key: its line cannot be inside a string value (they have no raw newline)
  const key = `\n  "findings": ${JSON.stringify(PLACEHOLDER)}`;
  const at = text.indexOf(key);
  return [`${text.slice(0, at)}\n  "findings": `, text.slice(at + key.length)];
}

const open: NonNullable<Format['open']> = (out, head) => {
  const [before, after] = around(head);
  let count = 0;
  out.write(before);
  return {
    finding(finding) {
      out.write(`${count++ === 0 ? '[\n' : ',\n'}${indentedJson(finding, 2)}`);
    },
    end() {
      out.write(`${count === 0 ? '[]' : '\n  ]'}${after}\n`);
    },
  };
};

export const json: Format = {
  extension: 'json',
  mediaType: 'application/json',
  open,
  render: renderByWriter(open),
};
