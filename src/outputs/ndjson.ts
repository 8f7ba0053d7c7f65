// One finding per line for log shippers. Each line carries the scan context a shipper cannot see.
import type { Finding, ScanInfo } from '../findings/types.js';
import { renderByWriter, type Format } from './format.js';

/**
 * A line: the finding's JSON with `accountId`, `scanId`, `scannedAt` after its own keys. Built without a
 * `{ ...finding, ... }` record: an object spread per finding leaves garbage V8 promotes to the old generation
 * (hundreds of MB over a large report before a full collection).
 */
export function ndjsonLineWriter(scan: ScanInfo): (finding: Finding) => string {
  const context = JSON.stringify({ accountId: scan.accountId, scanId: scan.id, scannedAt: scan.finishedAt }).slice(1);
  return (finding) => `${JSON.stringify(finding).slice(0, -1)},${context}`;
}

const open: NonNullable<Format['open']> = (out, head) => {
  const line = ndjsonLineWriter(head.scan);
  return {
    finding(finding) {
      out.write(line(finding));
      out.write('\n');
    },
    end: () => undefined,
  };
};

export const ndjson: Format = {
  extension: 'ndjson',
  mediaType: 'application/x-ndjson',
  open,
  render: renderByWriter(open),
};
