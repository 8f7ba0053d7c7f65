// The scheduled job end to end, through the built CLI against the emulator: two scans of an account whose state
// changes in between (a port opened, another closed, a key rotated) give the deltas and the OCSF lifecycle;
// `serve` runs on a one-second schedule, skips overlapping runs, serves /healthz and /metrics and stops on
// SIGTERM; a `serve` killed with SIGKILL mid-scan and restarted leaves a consistent history.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AjvModule from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, loadAccountModel, startEmulator, type AccountModel, type RunningEmulator } from '../src/emulator/index.js';
import type { Report } from '../src/findings/types.js';
import type { OcsfComplianceFinding } from '../src/outputs/ocsf.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { KILLED_REASON, SqliteStore } from '../src/store/sqlite-store.js';
import { CLI, cleanEnv, runCli } from './helpers/cli.js';

const KEY = { accessKeyId: 'LTAIservee2e00000001', accessKeySecret: 'serve-e2e-secret-00000001' };
const env = cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret });
const ocsfDir = resolve(process.cwd(), '../shared/reference/ocsf-1.8.0');
let dir: string;
let before: AccountModel;
let after: AccountModel;

type Permission = Record<string, string>;
type Group = { SecurityGroupId: string; Permissions: Permission[] };

/** The demo account after a week: SSH opened to the world on one group, closed on another, bob's key rotated. */
function changedAccount(model: AccountModel): AccountModel {
  const raw = JSON.parse(readFileSync(DEMO_ACCOUNT_FILE, 'utf8')) as {
    regions: Record<string, { securityGroups: Group[] }>;
    ram: { users: Array<{ UserName: string; AccessKeys: Array<Record<string, string>> }> };
  };
  const groups = raw.regions['cn-hangzhou']!.securityGroups;
  const group = (id: string) => groups.find((candidate) => candidate.SecurityGroupId === id)!;
  group('sg-bp1corp5r8t1').Permissions.find((rule) => rule.PortRange === '22/22')!.SourceCidrIp = '0.0.0.0/0';
  group('sg-bp1sshworld4k7').Permissions = group('sg-bp1sshworld4k7').Permissions.filter((rule) => rule.PortRange !== '22/22');
  raw.ram.users.find((user) => user.UserName === 'bob')!.AccessKeys = [
    { AccessKeyId: 'LTAI5tBobNewKey9zQ1aB', CreateDate: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z') },
  ];
  expect(model.accountId).toBeTruthy();
  return defineAccount(raw as never, 'changed demo account');
}

/** An emulator for `account`, answering every call after `delayMs`. */
function emulate(account: AccountModel, delayMs = 0): Promise<RunningEmulator> {
  return startEmulator({
    account,
    credentials: [KEY],
    ...(delayMs > 0 ? { intercept: () => new Promise<undefined>((done) => setTimeout(() => done(undefined), delayMs)) } : {}),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-serve-e2e-'));
  before = await loadAccountModel(DEMO_ACCOUNT_FILE);
  after = changedAccount(before);
});

describe('scan --store: deltas between two scans', () => {
  it('reports new, resolved and unchanged findings in the JSON report, the OCSF lifecycle and diff', async () => {
    const store = join(dir, 'deltas.db');
    const scan = async (account: AccountModel, name: string) => {
      const emulator = await emulate(account);
      try {
        const files = { json: join(dir, `${name}.json`), ocsf: join(dir, `${name}.ocsf.json`) };
        const result = await runCli(
          ['scan', '--endpoint-url', emulator.url, '--store', store, '--format', 'json', '--format', 'ocsf', '--output', files.json, '--output', files.ocsf],
          { env },
        );
        expect([0, 3], result.stderr).toContain(result.code);
        return {
          report: JSON.parse(readFileSync(files.json, 'utf8')) as Report,
          events: JSON.parse(readFileSync(files.ocsf, 'utf8')) as OcsfComplianceFinding[],
        };
      } finally {
        await emulator.close();
      }
    };
    const first = await scan(before, 'first');
    const second = await scan(after, 'second');

    const reportSchema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validateReport = ajv.compile(reportSchema);
    expect(validateReport(second.report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(first.report.delta).toMatchObject({ baseScanId: null, counts: { resolved: 0, reopened: 0 } });
    const delta = second.report.delta!;
    expect(delta.baseScanId).toBe(first.report.scan.id);
    const reported = new Map(second.report.findings.map((finding) => [finding.id, finding]));
    const kindOf = (rule: string, resource: string) =>
      delta.entries.find((entry) => {
        const finding = reported.get(entry.findingId) ?? entry.lastReported;
        return finding?.ruleId === rule && finding.resource.id === resource;
      })?.kind;
    expect(kindOf('ecs-sg-ssh-internet', 'sg-bp1corp5r8t1')).toBe('new');
    expect(kindOf('ecs-sg-ssh-internet', 'sg-bp1sshworld4k7')).toBe('resolved');
    expect(kindOf('ram-access-key-rotated', 'bob')).toBe('resolved');
    expect(kindOf('ecs-sg-ssh-internet', 'sg-bp1lower6w9y2')).toBe('unchanged');
    expect(delta.counts.new).toBe(delta.entries.filter((entry) => entry.kind === 'new').length);

    // the OCSF lifecycle: Create for new, Update for still failing, Close + Resolved for fixed
    const event = (rule: string, resource: string) =>
      second.events.find(
        (candidate) => candidate.finding_info.analytic.uid === rule && (candidate.resources[0]?.uid_alt ?? candidate.resources[0]?.uid) === resource,
      )!;
    expect(event('ecs-sg-ssh-internet', 'sg-bp1corp5r8t1')).toMatchObject({ activity_id: 1, type_uid: 200301, status: 'New' });
    const stillOpen = event('ecs-sg-ssh-internet', 'sg-bp1lower6w9y2');
    expect(stillOpen).toMatchObject({ activity_id: 2, activity_name: 'Update', type_uid: 200302 });
    expect(stillOpen.finding_info.first_seen_time).toBe(Date.parse(first.report.scan.finishedAt));
    expect(stillOpen.finding_info.last_seen_time).toBe(Date.parse(second.report.scan.finishedAt));
    expect(event('ecs-sg-ssh-internet', 'sg-bp1sshworld4k7')).toMatchObject({ activity_id: 3, activity_name: 'Close', status_id: 4, status: 'Resolved' });
    expect(first.events.every((candidate) => candidate.activity_id === 1)).toBe(true);

    if (existsSync(ocsfDir)) {
      const schema = JSON.parse(readFileSync(join(ocsfDir, 'compliance_finding.schema.json'), 'utf8')) as object;
      const validate = new AjvModule.default({ strict: false, allErrors: true }).compile(schema);
      for (const candidate of second.events) expect(validate(candidate), JSON.stringify(validate.errors)).toBe(true);
    }

    const history = await runCli(['history', '--store', store], { env: cleanEnv() });
    expect(history.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[1])).toEqual(['completed', 'completed']);
    const diff = await runCli(['diff', '--store', store], { env: cleanEnv() });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(new RegExp(`against ${first.report.scan.id} \\(.*: ${delta.counts.new} new-failure\\b`));
    // the line names the change, the rule and the resource
    expect(diff.stdout).toMatch(/^fixed +\S+ +ecs-sg-ssh-internet +ecs\.security-group +sg-bp1sshworld4k7 +\S+ +fail\/\S+ +/m);
  }, 90_000);
});

interface Service {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
}

/** `serve` as a real process; its URL comes from the `service started` log line. */
function serve(args: string[]): Service {
  const child = spawn(process.execPath, [CLI, 'serve', '--metrics-address', '127.0.0.1:0', '--log-level', 'info', ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const url = new Promise<string>((resolveUrl, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /"url":"(http:[^"]+)".*"msg":"service started"/.exec(log);
      if (match) resolveUrl(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before starting: ${log}`)));
  });
  url.catch(() => undefined);
  return { child, url, exited: new Promise((done) => child.on('exit', (code) => done(code))) };
}

async function metric(url: string, series: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

describe('serve', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    // each call answered after 150 ms: a scan takes longer than the one-second schedule
    emulator = await emulate(before, 150);
  });
  afterAll(async () => emulator.close());

  it('scans on a one-second schedule, skips overlapping runs, serves health and metrics, and stops on SIGTERM', async () => {
    const store = join(dir, 'serve.db');
    const service = serve(['--schedule', '* * * * * *', '--store', store, '--endpoint-url', emulator.url]);
    const url = await service.url;
    await expect.poll(() => metric(url, 'alicloud_audit_scans_total{outcome="completed"}'), { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    expect(await metric(url, 'alicloud_audit_scans_skipped_total{trigger="schedule"}')).toBeGreaterThan(0);

    const text = await (await fetch(`${url}/metrics`)).text();
    for (const line of text.trim().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{([a-z_]+="[^"]*",?)+\})? [-+0-9.eInf]+)$/);
    }
    expect(await metric(url, 'alicloud_audit_api_calls_total{product="ecs"}')).toBeGreaterThan(0);
    expect(await metric(url, 'alicloud_audit_last_success_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', lastSuccessAt: expect.any(String) });

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    const history = SqliteStore.open(store);
    try {
      const scans = await history.listScans();
      expect(scans.filter((scan) => scan.state === 'completed').length).toBeGreaterThanOrEqual(2);
      expect(scans.every((scan) => scan.state !== 'running')).toBe(true);
    } finally {
      await history.close();
    }
  }, 90_000);

  it('killed with SIGKILL mid-scan and restarted, keeps a history that deltas can trust', async () => {
    const store = join(dir, 'killed.db');
    const slow = await emulate(before, 2000);
    try {
      const first = serve(['--schedule', '0 0 1 1 *', '--run-now', '--store', store, '--endpoint-url', slow.url]);
      await first.url;
      await expect
        .poll(async () => metric(await first.url, 'alicloud_audit_scan_running'), { timeout: 10_000, interval: 100 })
        .toBe(1);
      first.child.kill('SIGKILL');
      await first.exited;
    } finally {
      await slow.close();
    }

    const second = serve(['--schedule', '0 0 1 1 *', '--run-now', '--store', store, '--endpoint-url', emulator.url]);
    const url = await second.url;
    await expect.poll(() => metric(url, 'alicloud_audit_scans_total{outcome="completed"}'), { timeout: 40_000, interval: 250 }).toBe(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const history = SqliteStore.open(store);
    try {
      const scans = await history.listScans();
      expect(scans.map((scan) => scan.state).sort()).toEqual(['aborted', 'completed']);
      expect(scans.find((scan) => scan.state === 'aborted')).toMatchObject({ abortReason: KILLED_REASON, summary: null });
      const diff = await runCli(['diff', '--store', store], { env: cleanEnv() });
      expect(diff.stderr).toContain(`the history has 1 completed scan(s) of account ${before.accountId}; a diff needs two`);
      expect(diff.code).toBe(2);
    } finally {
      await history.close();
    }
  }, 90_000);
});
