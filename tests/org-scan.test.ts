// scan --org: the members of a resource directory, each scanned as the org role assumed in it, against an
// emulator that answers for the management account and 30 members (different sizes, one without the role,
// one with a sold-out region), through the CLI as a user runs it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ROLE } from '../src/config/schema.js';
import { defineAccount, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import type { OrgReport } from '../src/findings/org-report.js';
import type { Report } from '../src/findings/types.js';
import { selectMembers, type OrgMember } from '../src/scan/org-members.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { DIRECTORY, KEY, MANAGEMENT, orgFixture, trustingManagement } from './helpers/org-emulator.js';
import { freshBoxPerTest, STORE_KINDS } from './helpers/stores.js';

const org = orgFixture(30);
const MEMBERS = org.members;
const NO_ROLE = org.noRole;
const SOLD_OUT = org.soldOut!;
const member = org.member;
const management = org.management;

let emulator: RunningEmulator;
const dirs: string[] = [];
const outputDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alicloud-audit-org-'));
  dirs.push(dir);
  return dir;
};
const env = (url = emulator.url) =>
  cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret, ALIBABA_CLOUD_ENDPOINT_URL: url });
const orgReportIn = (dir: string): OrgReport =>
  JSON.parse(readFileSync(path.join(dir, readdirSync(dir).find((name) => name.startsWith('alicloud-audit-org-'))!), 'utf8')) as OrgReport;
const reportOf = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;

beforeAll(async () => {
  emulator = await startEmulator({ ...org.accounts(), credentials: [KEY] });
});
afterAll(async () => {
  await emulator.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('scan --org', () => {
  let dir: string;
  let org: OrgReport;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = outputDir();
    result = await runCli(['scan', '--org', '--output-dir', dir, '--format', 'json'], { env: env() });
    org = orgReportIn(dir);
  }, 120_000);

  it('scans every member once as the org role, and the management account as itself', () => {
    const assumed = emulator.calls.filter((call) => call.action === 'AssumeRole');
    // one AssumeRole per member; the management account is scanned with the credentials themselves
    expect(assumed).toHaveLength(MEMBERS.length);
    const scanned = org.accounts.filter((account) => account.status === 'scanned');
    expect(scanned.map((account) => account.accountId).sort()).toEqual([MANAGEMENT, ...MEMBERS.filter((id) => id !== NO_ROLE)].sort());
    for (const account of scanned) {
      expect(account.files).toHaveLength(1);
      expect(reportOf(account.files[0]!).scan.accountId).toBe(account.accountId);
    }
  });

  it('makes the member whose role cannot be assumed an error entry, and the run incomplete (exit 3)', () => {
    const failed = org.accounts.filter((account) => account.status === 'error');
    expect(failed).toEqual([expect.objectContaining({ accountId: NO_ROLE, error: expect.stringContaining('EntityNotExist.Role') })]);
    expect(org).toMatchObject({ incomplete: true, summary: { accounts: 31, scanned: 30, notScanned: 1 } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`account ${NO_ROLE} (member-6): not scanned: AssumeRole of acs:ram::${NO_ROLE}:role/${DEFAULT_ORG_ROLE} failed`);
    expect(result.stderr).toMatch(new RegExp(`organisation ${DIRECTORY}: 30 of 31 account\\(s\\) scanned, 1 not scanned`));
  });

  it('totals the accounts per status and per duty', () => {
    const scanned = org.accounts.flatMap((account) => (account.status === 'scanned' ? [account] : []));
    expect(org.summary.byStatus.fail).toBe(scanned.reduce((sum, account) => sum + account.summary.byStatus.fail, 0));
    expect(org.summary.byStatus.fail).toBeGreaterThan(0);
    const ram = org.duties.find((duty) => duty.duty === 'ram')!;
    expect(ram.failingAccounts.length).toBeGreaterThan(0);
    expect(ram.failingAccounts.every((id) => scanned.some((account) => account.accountId === id))).toBe(true);
  });

  it("gives each member the findings of a single-account scan of it through the role", async () => {
    for (const id of [MEMBERS[0]!, SOLD_OUT]) {
      const single = await runCli(['scan', '--format', 'json', '--role-arn', `acs:ram::${id}:role/${DEFAULT_ORG_ROLE}`], { env: env() });
      const entry = org.accounts.find((account) => account.accountId === id);
      if (entry?.status !== 'scanned') throw new Error(`${id} was not scanned`);
      const ids = (report: Report) => report.findings.map((finding) => `${finding.id} ${finding.status}`).sort();
      expect(ids(reportOf(entry.files[0]!))).toEqual(ids(JSON.parse(single.stdout) as Report));
    }
  }, 60_000);
});

describe('policy --org', () => {
  it('grants the management account the member listing and the org role, and each member role the scan policy', async () => {
    const printed = JSON.parse((await runCli(['policy', '--org', '--management-account', MANAGEMENT])).stdout);
    const single = JSON.parse((await runCli(['policy'])).stdout);
    const listing = emulator.calls.filter((call) => call.product === 'resourcemanager').map((call) => `resourcemanager:${call.action}`);
    expect(listing.length).toBeGreaterThan(0);
    const granted = printed.managementAccount.Statement.flatMap((statement: { Action: string[] }) => statement.Action);
    expect(granted).toEqual(expect.arrayContaining([...new Set(listing), 'sts:AssumeRole', ...single.Statement[0].Action]));
    expect(printed.managementAccount.Statement).toContainEqual({ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: `acs:ram::*:role/${DEFAULT_ORG_ROLE}` });
    expect(printed.memberRole).toEqual({ roleName: DEFAULT_ORG_ROLE, trustPolicy: trustingManagement, policy: single });
  });
});

describe('scan --org narrowed', () => {
  it('--accounts and --folders keep those members; --exclude-accounts drops some', async () => {
    const dir = outputDir();
    const result = await runCli(
      ['scan', '--org', '--output-dir', dir, '--folders', 'fd-web01', '--exclude-accounts', MEMBERS[10]!, '--accounts', [MEMBERS[10], MEMBERS[12], MEMBERS[3]].join(',')],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    // member 3 is in prod, not in prod/web; member 10 is excluded
    expect(orgReportIn(dir).accounts.map((account) => account.accountId)).toEqual([MEMBERS[12]]);
  }, 60_000);

  it('--format html writes the organisation page beside the JSON, linking each account\'s own page', async () => {
    const dir = outputDir();
    const result = await runCli(['scan', '--org', '--output-dir', dir, '--format', 'json', '--format', 'html', '--accounts', [MEMBERS[0], NO_ROLE].join(',')], { env: env() });
    expect(result.code, result.stderr).toBe(3);
    const [page, json] = readdirSync(dir).filter((name) => name.startsWith('alicloud-audit-org-')).sort();
    expect([page, json].map((name) => path.extname(name!))).toEqual(['.html', '.json']);
    const org = JSON.parse(readFileSync(path.join(dir, json!), 'utf8')) as OrgReport;
    const own = org.accounts.flatMap((account) => (account.status === 'scanned' ? account.files.filter((file) => file.endsWith('.html')) : []));
    expect(own.map((file) => path.dirname(file))).toEqual([dir]);
    const html = readFileSync(path.join(dir, page!), 'utf8');
    expect([...html.matchAll(/href="\.\/([^"]+)"/g)].map((m) => m[1])).toEqual(own.map((file) => path.basename(file)));
    expect(html).toContain(`data-account="${NO_ROLE}" data-status="error"`);
    expect(result.stderr).toContain(path.join(dir, page!));
  }, 60_000);

  it('refuses an account the directory does not have, with the nearest one, exit 2 and no report', async () => {
    const dir = outputDir();
    const result = await runCli(['scan', '--org', '--output-dir', dir, '--accounts', '5890000000001099'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--accounts: 5890000000001099 is not a member of the organisation (did you mean');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses --accounts without --org, and --org without --output-dir', async () => {
    const without = await runCli(['scan', '--accounts', MEMBERS[0]!], { env: env() });
    expect(without).toMatchObject({ code: 2, stderr: expect.stringContaining('--accounts needs --org') });
    const noDir = await runCli(['scan', '--org'], { env: env() });
    expect(noDir).toMatchObject({ code: 2, stderr: expect.stringContaining('--org writes one report per account: give --output-dir') });
  });
});

describe.each(STORE_KINDS)('scan --org --store on $name', (kind) => {
  const box = freshBoxPerTest(kind);

  it('records each account in the shared history, and a second run gives each account its delta', async () => {
    const store = box().location;
    const accounts = [MANAGEMENT, MEMBERS[1]!, MEMBERS[2]!].join(',');
    const runs: OrgReport[] = [];
    for (let run = 0; run < 2; run++) {
      const dir = outputDir();
      const result = await runCli(['scan', '--org', '--output-dir', dir, '--accounts', accounts, '--store', store], { env: env() });
      expect(result.code, result.stderr).toBe(0);
      runs.push(orgReportIn(dir));
    }
    for (const account of runs[1]!.accounts) {
      if (account.status !== 'scanned') throw new Error(`${account.accountId} was not scanned`);
      const first = runs[0]!.accounts.find((entry) => entry.accountId === account.accountId);
      // the delta of each account is against that account's own earlier scan, never another member's
      expect(reportOf(account.files[0]!).delta).toMatchObject({ baseScanId: first?.status === 'scanned' ? first.scanId : 'missing' });
    }
    const history = await runCli(['history', '--store', store, '--json'], { env: env() });
    expect(JSON.parse(history.stdout)).toHaveLength(6);
  }, 60_000);
});

describe('the member listing', () => {
  it('follows ListAccounts over pages of 100 (its documented cap)', async () => {
    const listed = Array.from({ length: 150 }, (_, i) => String(5890000000002000 + i));
    const paged = await startEmulator({ account: defineAccount(management(listed)), members: [defineAccount(member(MEMBERS[0]!, 0))], credentials: [KEY] });
    try {
      const dir = outputDir();
      const result = await runCli(['scan', '--org', '--output-dir', dir, '--accounts', listed[149]!, '--regions', 'cn-hangzhou'], { env: env(paged.url) });
      // the last member listed is found on page 2, and has no model here: its role cannot be assumed
      expect(result.code).toBe(3);
      expect(paged.calls.filter((call) => call.action === 'ListAccounts')).toHaveLength(2);
      expect(orgReportIn(dir).accounts).toEqual([expect.objectContaining({ accountId: listed[149], status: 'error' })]);
    } finally {
      await paged.close();
    }
  }, 60_000);

  it('says so when the account manages no resource directory', async () => {
    const plain = await startEmulator({ account: defineAccount(member(MEMBERS[0]!, 0)), credentials: [KEY] });
    try {
      const result = await runCli(['scan', '--org', '--output-dir', outputDir()], { env: env(plain.url) });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--org: account ${MEMBERS[0]} has no resource directory (EntityNotExists.ResourceDirectory)`);
    } finally {
      await plain.close();
    }
  });

  it('selects by account, exclusion and folder path (a folder includes the folders below it)', () => {
    const members: OrgMember[] = [
      { accountId: '1', displayName: 'a', folderId: 'fd-a', path: 'rd-x/r-x/fd-a/1', type: 'ResourceAccount' },
      { accountId: '2', displayName: 'b', folderId: 'fd-b', path: 'rd-x/r-x/fd-a/fd-b/2', type: 'ResourceAccount' },
      { accountId: '3', displayName: 'c', folderId: 'r-x', path: 'rd-x/r-x/3', type: 'CloudAccount' },
    ];
    const ids = (settings: Parameters<typeof selectMembers>[1]) => selectMembers(members, settings).map((m) => m.accountId);
    const base = { enabled: true, role: DEFAULT_ORG_ROLE };
    expect(ids(base)).toEqual(['1', '2', '3']);
    expect(ids({ ...base, folders: ['fd-a'] })).toEqual(['1', '2']);
    expect(ids({ ...base, folders: ['fd-b'] })).toEqual(['2']);
    expect(ids({ ...base, excludeAccounts: ['2'] })).toEqual(['1', '3']);
    expect(() => ids({ ...base, folders: ['fd-zz'] })).toThrow('--folders: no member is in fd-zz');
  });
});
