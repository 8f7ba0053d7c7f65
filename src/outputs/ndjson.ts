// One finding per line for log shippers. Each line carries the scan context a shipper cannot see.
import type { Finding, Report, ScanInfo } from '../findings/types.js';
import type { Format } from './format.js';

export type NdjsonRecord = Finding & { accountId: string; scanId: string; scannedAt: string };

export function toNdjsonRecord(finding: Finding, scan: ScanInfo): NdjsonRecord {
  return { ...finding, accountId: scan.accountId, scanId: scan.id, scannedAt: scan.finishedAt };
}

export const ndjson: Format = {
  extension: 'ndjson',
  mediaType: 'application/x-ndjson',
  render: (report: Report) =>
    report.findings.map((finding) => `${JSON.stringify(toNdjsonRecord(finding, report.scan))}\n`).join(''),
};
