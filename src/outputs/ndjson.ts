// One finding per line for log shippers. Each line carries the scan context a shipper cannot see.
import type { Finding, ScanInfo } from '../findings/types.js';
import { renderByWriter, type Format } from './format.js';

export type NdjsonRecord = Finding & { accountId: string; scanId: string; scannedAt: string };

export function toNdjsonRecord(finding: Finding, scan: ScanInfo): NdjsonRecord {
  return { ...finding, accountId: scan.accountId, scanId: scan.id, scannedAt: scan.finishedAt };
}

const open: NonNullable<Format['open']> = (out, head) => ({
  finding: (finding) => out.write(`${JSON.stringify(toNdjsonRecord(finding, head.scan))}\n`),
  end: () => undefined,
});

export const ndjson: Format = {
  extension: 'ndjson',
  mediaType: 'application/x-ndjson',
  open,
  render: renderByWriter(open),
};
