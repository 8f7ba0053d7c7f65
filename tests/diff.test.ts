// `diff`: what changed for each finding between two completed scans, named by rule and resource, as a table,
// JSON or CSV, and OCSF events with their lifecycle; written atomically like every other output.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../src/findings/types.js';
import { diffScans, type FindingChange } from '../src/store/diff.js';
import { recordScan } from '../src/store/record.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import type { AuditStore } from '../src/store/store.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { freshBoxPerTest, STORE_KINDS } from './helpers/stores.js';
import { finding, REGION, report } from './store-fixtures.js';

const never = new AbortController().signal;
const OTHER_REGION = 'cn-shanghai';
const rule = 'ecs-sg-ssh-open';
const at = (resourceId: string, status: Finding['status'], extra: Partial<Finding> = {}) => finding(rule, resourceId, status, extra);
const elsewhere = (resourceId: string, status: Finding['status']) =>
  at(resourceId, status, { id: `${rule}:${OTHER_REGION}:${resourceId}`, resource: { id: resourceId, type: 'ecs.security-group', region: OTHER_REGION } });

/** Three scans: the oldest only sets up a reopened failure; the diff is of the last two. */
const SCANS: Array<{ findings: Finding[]; regions: string[] }> = [
  { findings: [at('sg-reopen', 'fail')], regions: [REGION, OTHER_REGION] },
  {
    regions: [REGION, OTHER_REGION],
    findings: [
      at('sg-reopen', 'pass'),
      at('sg-new', 'pass'),
      at('sg-fixed', 'fail'),
      at('sg-broke', 'pass'),
      at('sg-cleared', 'error', { reason: 'denied' }),
      at('sg-worse', 'fail'),
      at('sg-muted', 'fail'),
      elsewhere('sg-unseen', 'fail'),
      at('sg-error-gone', 'error', { reason: 'denied' }),
      at('sg-same', 'fail'),
      at('sg-pass-gone', 'pass'),
      at('sg-fail-gone', 'fail'),
    ],
  },
  {
    // OTHER_REGION is not scanned this time: sg-unseen is not assessed, neither passing nor failing
    regions: [REGION],
    findings: [
      at('sg-reopen', 'fail'),
      at('sg-new', 'fail'),
      at('sg-fixed', 'pass'),
      at('sg-broke', 'error', { reason: 'throttled' }),
      at('sg-cleared', 'pass'),
      at('sg-worse', 'fail', { severity: 'critical' }),
      at('sg-muted', 'muted', { mutedStatus: 'fail', reason: 'accepted risk' }),
      at('sg-same', 'fail'),
      at('sg-quiet', 'pass'),
    ],
  },
];

async function recordAll(store: AuditStore): Promise<string[]> {
  let clock = Date.parse('2026-11-01T00:00:00.000Z');
  const ids: string[] = [];
  for (const scan of SCANS) {
    clock += 3_600_000;
    const recorded = await recordScan(store, async ({ scanId }) => report({ id: scanId, findings: scan.findings, regions: scan.regions, finishedAt: new Date(clock).toISOString() }), never);
    ids.push(recorded.report.scan.id);
  }
  return ids;
}

const EXPECTED: Array<[resource: string, change: FindingChange['change'], from: string, to: string]> = [
  ['sg-new', 'new-failure', 'pass/high', 'fail/high'],
  ['sg-reopen', 'reopened', 'pass/high', 'fail/high'],
  ['sg-broke', 'new-error', 'pass/high', 'error/high'],
  ['sg-worse', 'severity-change', 'fail/high', 'fail/critical'],
  ['sg-muted', 'status-change', 'fail/high', 'muted/high'],
  ['sg-unseen', 'not-assessed', 'fail/high', '-'],
  ['sg-cleared', 'error-cleared', 'error/high', 'pass/high'],
  ['sg-error-gone', 'error-cleared', 'error/high', '-'],
  ['sg-fail-gone', 'fixed', 'fail/high', '-'],
  ['sg-fixed', 'fixed', 'fail/high', 'pass/high'],
];
const state = (value: FindingChange['from']) => (value ? `${value.status}/${value.severity}` : '-');

describe.each(STORE_KINDS)('diffScans changes, $name store', (kind) => {
  const box = freshBoxPerTest(kind);
  let store: AuditStore;
  beforeEach(async () => {
    store = await box().open();
  });

  it('names each changed finding by rule and resource with its status and severity before and after', async () => {
    const [, base, target] = await recordAll(store);
    const diff = await diffScans(store);
    expect([diff.base?.id, diff.target.id]).toEqual([base, target]);
    expect(diff.changes.map((change) => [change.resource.id, change.change, state(change.from), state(change.to)])).toEqual(EXPECTED);
    expect(diff.changes[0]).toMatchObject({ ruleId: rule, severity: 'high', resource: { id: 'sg-new', type: 'ecs.security-group', region: REGION } });
    expect(diff.changes.find((change) => change.resource.id === 'sg-unseen')?.resource.region).toBe(OTHER_REGION);
  });
});

describe('alicloud-audit diff', () => {
  let dir: string;
  let storeFile: string;
  let ids: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-diff-'));
    storeFile = join(dir, 'history.db');
    const store = await SqliteStore.open(storeFile);
    try {
      ids = await recordAll(store);
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const diff = (...args: string[]) => runCli(['diff', '--store', storeFile, ...args], { env: cleanEnv() });

  it('prints a table: change, severity, rule, resource type, id and region, before and after', async () => {
    const result = await diff();
    expect(result.code, result.stderr).toBe(0);
    const [head, columns, ...rows] = result.stdout.trimEnd().split('\n');
    expect(head).toBe(
      `scan ${ids[2]} (2026-11-01T03:00:00.000Z) against ${ids[1]} (2026-11-01T02:00:00.000Z), account 1234567890123456: ` +
        '1 new-failure, 1 reopened, 1 new-error, 1 severity-change, 1 status-change, 1 not-assessed, 2 error-cleared, 2 fixed',
    );
    expect(columns?.split(/\s+/)).toEqual(['CHANGE', 'SEVERITY', 'RULE', 'TYPE', 'RESOURCE', 'REGION', 'WAS', 'NOW', 'TITLE']);
    expect(rows.map((row) => row.split(/\s+/).slice(0, 8))).toEqual(
      EXPECTED.map(([resource, change, from, to]) => [
        change,
        change === 'severity-change' ? 'critical' : 'high',
        rule,
        'ecs.security-group',
        resource,
        resource === 'sg-unseen' ? OTHER_REGION : REGION,
        from,
        to,
      ]),
    );
    expect(rows[0]).toMatch(/ {2}ecs-sg-ssh-open on sg-new$/);
  });

  it('writes the changes as JSON and CSV', async () => {
    const json = await diff(ids[0] as string, ids[1] as string, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { base: { id: string }; target: { id: string }; counts: Record<string, number>; changes: FindingChange[] };
    expect([parsed.base.id, parsed.target.id]).toEqual([ids[0], ids[1]]);
    // from the first scan to the second: sg-reopen passes now; the rest appeared (only the errors and failures say so)
    expect(parsed.changes.find((change) => change.resource.id === 'sg-reopen')).toMatchObject({
      change: 'fixed',
      ruleId: rule,
      resource: { id: 'sg-reopen', type: 'ecs.security-group', region: REGION },
      from: { status: 'fail', severity: 'high' },
      to: { status: 'pass', severity: 'high' },
    });
    expect(parsed.counts['new-failure']).toBe(6);

    const csv = await diff('--format', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('change,severity,rule_id,resource_type,resource_id,region,from_status,from_severity,to_status,to_severity,title,finding_id');
    expect(lines[1]).toBe(`new-failure,high,${rule},ecs.security-group,sg-new,${REGION},pass,high,fail,high,${rule} on sg-new,${rule}:${REGION}:sg-new`);
    expect(lines).toContain(`fixed,high,${rule},ecs.security-group,sg-fail-gone,${REGION},fail,high,,,${rule} on sg-fail-gone,${rule}:${REGION}:sg-fail-gone`);
  });

  it('writes each --output atomically, 0600, and OCSF events with their lifecycle', async () => {
    const out = join(dir, 'out');
    const files = { table: join(out, 'changes.txt'), ocsf: join(out, 'events.ocsf.json') };
    const result = await diff('--format', 'table', '--format', 'ocsf', '--output', files.table, '--output', files.ocsf);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(files.table, 'utf8')).toMatch(/^new-failure +high +ecs-sg-ssh-open +ecs\.security-group +sg-new /m);
    expect(statSync(files.table).mode & 0o777).toBe(0o600);
    const events = JSON.parse(readFileSync(files.ocsf, 'utf8')) as Array<{ activity_name: string; resources: Array<{ uid?: string; uid_alt?: string }> }>;
    const activity = (resource: string) => events.find((event) => event.resources.some((r) => (r.uid_alt ?? r.uid) === resource))?.activity_name;
    expect([activity('sg-new'), activity('sg-same'), activity('sg-fixed')]).toEqual(['Create', 'Update', 'Close']);
    expect(readdirSync(out).sort()).toEqual(['changes.txt', 'events.ocsf.json']);
  });

  it('names the files of --output-dir apart from the scan reports', async () => {
    const out = join(dir, 'by-dir');
    const result = await diff('--format', 'json', '--format', 'ocsf', '--output-dir', out);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'alicloud-audit-1234567890123456-20261101T030000Z.ocsf.json',
      'alicloud-audit-diff-1234567890123456-20261101T030000Z.json',
    ]);
  });

  it('refuses a format diff does not write, and an --output under a file: one sentence, exit 2, nothing written', async () => {
    const html = await diff('--format', 'html');
    expect(html.code).toBe(2);
    expect(html.stderr).toBe('alicloud-audit: --format: diff writes table, json, csv, ocsf, not html\n');
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const target = join(blocker, 'changes.json');
    const result = await diff('--output', target);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`alicloud-audit: --output ${target}: ${blocker} is a file, not a folder.\n`);
    expect(existsSync(target)).toBe(false);
  });
});
