// RFC 4180 CSV, one row per finding, for spreadsheets.
import type { Finding, ReportHead } from '../findings/types.js';
import { renderByWriter, type Format } from './format.js';

const COLUMNS: ReadonlyArray<readonly [header: string, value: (finding: Finding, report: ReportHead) => string]> = [
  ['finding_id', (f) => f.id],
  ['account_id', (_f, r) => r.scan.accountId],
  ['status', (f) => f.status],
  ['muted_status', (f) => f.mutedStatus ?? ''],
  ['severity', (f) => f.severity],
  ['duty', (f) => f.duty],
  ['service', (f) => f.service],
  ['rule_id', (f) => f.ruleId],
  ['title', (f) => f.title],
  ['resource_type', (f) => f.resource.type],
  ['resource_id', (f) => f.resource.id],
  ['resource_name', (f) => f.resource.name ?? ''],
  ['region', (f) => f.resource.region],
  ['compliance', (f) => f.compliance.map((c) => `${c.framework} ${c.version} ${c.control}`).join('; ')],
  ['evidence', (f) => f.evidence],
  ['remediation', (f) => f.remediation],
  ['reason', (f) => f.reason ?? ''],
];

// A cell starting with one of these is run as a formula by spreadsheet apps (CSV injection); evidence
// copies cloud-side text, so such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

const open: NonNullable<Format['open']> = (out, head) => {
  out.write(row(COLUMNS.map(([header]) => header)));
  return {
    finding: (finding) => out.write(row(COLUMNS.map(([, value]) => value(finding, head)))),
    end: () => undefined,
  };
};

export const csv: Format = {
  extension: 'csv',
  mediaType: 'text/csv',
  open,
  render: renderByWriter(open),
};
