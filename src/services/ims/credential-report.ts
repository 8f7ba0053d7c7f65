// The IMS credential report: generated asynchronously, read as base64 CSV pages, one row per user plus
// `<root>` for the account itself.
import { $Ims } from '../../cloud/sdk.js';
import type { ResourceType } from '../index.js';
import { ApiError } from '../../cloud/api-error.js';
import { callOrGap, globalSiteOf, listOrGap, toGap, type CollectorContext } from '../context.js';
import type { RootFacts } from './records.js';

export type CredentialReportRow = Record<string, string>;

const ROOT_USERS = new Set(['<root>', '<root_account>', 'root']);
const KEY_SLOTS = ['access_key_1', 'access_key_2', 'additional_access_key_1', 'additional_access_key_2', 'additional_access_key_3'];

/** Decode and parse the report's pages; the header comes on the first page only. */
export function parseCredentialReport(base64Pages: string[]): CredentialReportRow[] {
  const lines = base64Pages
    .map((page) => Buffer.from(page, 'base64').toString('utf8'))
    .join('\n')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  if (header === undefined) return [];
  const columns = splitCsvLine(header);
  return rows.map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

/** The report's values contain no quotes or commas in practice, but quoted cells are honoured anyway. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

/** "N/A", "-", "" and "no_information" mean there is no date. */
function date(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === 'N/A' || value === '-' || /^no_information$/i.test(value)) return null;
  return value;
}

const truthy = (value: string | undefined) => value?.toLowerCase() === 'true';

/** The access keys a row reports: at most two, plus the `additional_access_key_N` columns. */
export function reportedKeys(row: CredentialReportRow): RootFacts['accessKeys'] {
  return KEY_SLOTS.filter((slot) => truthy(row[`${slot}_exist`])).map((slot) => ({
    active: truthy(row[`${slot}_active`]),
    lastRotatedAt: date(row[`${slot}_last_rotated`]),
    lastUsedAt: date(row[`${slot}_last_used`]),
  }));
}

export function rootFactsFrom(rows: CredentialReportRow[]): RootFacts | undefined {
  const row = rows.find((candidate) => ROOT_USERS.has(candidate.user ?? ''));
  if (!row) return undefined;
  return {
    createdAt: date(row.user_creation_time),
    lastLoginAt: date(row.user_last_logon),
    mfaActive: truthy(row.mfa_active),
    accessKeys: reportedKeys(row),
  };
}

const ims = globalSiteOf('ims');

const REPORT_POLL_MS = 1000;
/** GetCredentialReport MaxItems: 1-3501, default 3501 (ims_2019-08-15.api-docs.json, GetCredentialReport MaxItems) */
const REPORT_PAGE_CAP = 3501;
const REPORT_POLL_ATTEMPTS = 30;
export const REPORT_GAP = { affects: ['account'] as ResourceType[], fields: ['root'] };

export interface CredentialReport {
  rows: CredentialReportRow[];
  /** epoch ms of the report's GeneratedTime; NaN when the answer has none */
  generatedAt: number;
}

/**
 * The IMS credential report is generated asynchronously: ask for it, wait until it is complete, read it.
 * A failure is a gap on the root facts (users fall back to per-user calls).
 */
export async function readCredentialReport(ctx: CollectorContext): Promise<CredentialReport | undefined> {
  const client = ctx.clients.ims();
  const gapSpec = { ...REPORT_GAP, resourceId: ctx.accountId };
  const site = ims('GenerateCredentialReport');
  for (let attempt = 1; ; attempt++) {
    const generated = await callOrGap(ctx, { ...gapSpec, site }, async () => (await client.generateCredentialReportWithOptions(ctx.runtime)).body);
    if (!generated) return undefined;
    // State: STARTED / INPROGRESS / COMPLETED (data/enums.yaml: ims GenerateCredentialReport State)
    if (generated.state === 'COMPLETED') break;
    if (attempt === REPORT_POLL_ATTEMPTS) {
      const error = new ApiError(site, {
        kind: 'timeout',
        apiCode: 'CredentialReportNotReady',
        message: `the credential report was still ${generated.state ?? 'not complete'} after ${REPORT_POLL_ATTEMPTS} polls`,
      });
      ctx.inventory.addGap(toGap(error, { ...gapSpec, site }));
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, REPORT_POLL_MS));
  }
  let generatedAt = NaN;
  const pages = await listOrGap(ctx, {
    ...gapSpec,
    site: ims('GetCredentialReport'),
    paging: { style: 'nextToken', cap: REPORT_PAGE_CAP },
    fetch: async ({ token, size }) => {
      const { body } = await client.getCredentialReportWithOptions(
        new $Ims.GetCredentialReportRequest({ nextToken: token, maxItems: String(size) }),
        ctx.runtime,
      );
      generatedAt = Date.parse(body?.generatedTime ?? '');
      const truncated = String(body?.isTruncated) === 'true';
      return { items: [body?.content ?? ''], next: truncated ? (body?.nextToken ?? '') : null };
    },
  });
  return pages && { rows: parseCredentialReport(pages), generatedAt };
}
