// Every output format, in one literal registry: `--format` accepts exactly these keys.
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { ndjson } from './ndjson.js';
import { ocsf } from './ocsf.js';
import { table } from './table.js';

export const formats = { json, ndjson, ocsf, csv, table, html } as const;
export type FormatName = keyof typeof formats;

export const FORMAT_NAMES = Object.keys(formats) as FormatName[];

/** The file a format writes into `--output-dir`, e.g. `alicloud-audit-1234567890123456-20261129T040000Z.ocsf.json`. */
export function defaultFileName(format: FormatName, accountId: string, finishedAt: string): string {
  const stamp = finishedAt.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  // both parts come from the report; keep them from steering the path
  const safe = (part: string): string => part.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `alicloud-audit-${safe(accountId)}-${safe(stamp)}.${formats[format].extension}`;
}
