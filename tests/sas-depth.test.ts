// Security Center in depth (CIS 8.3-8.8, 2.9): the settings each site answers, the webshell scan's scope per
// asset, an edition without a feature (FreeVersionNotPermit: a fact that fails) and a denied call (a field
// gap whose findings are errors, never passes). Scanned through the emulator like a live account, and
// against nock for the answers the emulator does not give (group scopes, malformed switches).
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountModel, defineAccount, type AccountModelInput } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import type { Finding } from '../src/findings/types.js';
import type { Inventory } from '../src/inventory/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { collectSas } from '../src/services/sas/collector.js';
import { collectorContext } from './helpers/context.js';
import { alibabaError, mockAlibaba, NOCK_ENDPOINT, type Answer } from './helpers/nock-alibaba.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const NOW = new Date('2026-11-15T00:00:00Z');
const DEPTH_RULES = [
  'sas-virus-blocking',
  'sas-asset-webshell-scan',
  'sas-high-risk-notifications',
  'sas-config-assessment-authorized',
  'sas-vulnerability-scan',
  'sas-asset-fingerprints',
  'sas-log-analysis',
];
/** the settings calls and the feature each fills */
const SETTINGS: Record<string, string> = {
  DescribeSuspiciousOverallConfig: 'virusBlocking',
  DescribeNoticeConfig: 'notifications',
  DescribeUserBaselineAuthorization: 'configAssessmentAuthorized',
  DescribeVulConfig: 'vulnerabilityScan',
  DescribePropertyScheduleConfig: 'fingerprintSchedules',
  DescribeLogMeta: 'logAnalysis',
};

let rules: Rule[];
let demo: AccountModelInput;

beforeAll(async () => {
  rules = (await loadRules([BUNDLED_RULES_DIR])).filter((rule) => DEPTH_RULES.includes(rule.id));
  expect(rules.map((rule) => rule.id).sort()).toEqual([...DEPTH_RULES].sort());
  demo = (await loadAccountModel(DEMO_ACCOUNT_FILE)) as AccountModelInput;
});

const findingsOf = (inventory: Inventory): Finding[] => evaluate(inventory, rules, { now: NOW });
const statusesByRule = (findings: Finding[]) => {
  const statuses: Record<string, string[]> = {};
  for (const finding of findings) statuses[finding.ruleId] = [...new Set([...(statuses[finding.ruleId] ?? []), finding.status])].sort();
  return statuses;
};

describe('Security Center settings through the emulator', () => {
  it("reads the demo's settings on each site, and each depth rule fails there", async () => {
    const { inventory } = await scanThroughEmulator(defineAccount(demo), { now: NOW });
    expect(inventory.gaps).toEqual([]);
    const settings = inventory.resources['sas.settings'];
    expect(settings.map((site) => [site.id, site.regions]).sort()).toEqual([
      ['ap-southeast-1', ['ap-southeast-1']],
      ['cn-shanghai', ['cn-hangzhou', 'cn-shanghai']],
    ]);
    const shanghai = settings.find((site) => site.id === 'cn-shanghai');
    expect(shanghai).toMatchObject({
      virusBlocking: 'off',
      configAssessmentAuthorized: false,
      // the Anti-virus edition: no fingerprints; no log analysis storage bought
      fingerprintSchedules: null,
      logAnalysis: null,
      notInEdition: ['asset-fingerprints', 'log-analysis'],
    });
    // scanMode, imageVulClean and yum are settings, not scans
    expect(shanghai?.vulnerabilityScan?.map((scan) => `${scan.type}:${scan.config}`)).toEqual(['cve:on', 'sys:on', 'cms:off', 'app:off', 'emg:on']);
    expect(shanghai?.notifications?.find((notice) => notice.project === 'yundun_sas_ak_leakage')).toEqual({
      project: 'yundun_sas_ak_leakage',
      route: 0,
      timeLimit: 0,
    });
    const webshell = Object.fromEntries(inventory.resources['sas.asset'].map((asset) => [asset.id, asset.webshellScan]));
    expect(webshell).toMatchObject({ 'i-bp1web01a7k3m9': 'on', 'i-uf6app01e3g7j': 'on', 'i-bp1db01c6q1r5': 'off' });

    const statuses = statusesByRule(findingsOf(inventory));
    expect(statuses['sas-asset-webshell-scan']).toEqual(['fail', 'pass']);
    for (const id of DEPTH_RULES.filter((rule) => rule !== 'sas-asset-webshell-scan')) expect(statuses[id], id).toEqual(['fail']);
  });

  it('answers FreeVersionNotPermit on the Free edition: the features are facts that fail, not gaps', async () => {
    const { inventory, calls } = await scanThroughEmulator(defineAccount({ ...demo, securityCenter: null }), { now: NOW });
    const refused = new Set(calls.filter((call) => call.product === 'yundun-sas' && call.status === 400).map((call) => call.action));
    expect([...refused].sort()).toEqual(['DescribeCommonTargetResultList', 'DescribeLogMeta', 'DescribePropertyScheduleConfig', 'DescribeSuspiciousOverallConfig']);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['sas.settings'].find((site) => site.id === 'cn-shanghai')).toMatchObject({
      virusBlocking: 'not-in-edition',
      fingerprintSchedules: null,
      logAnalysis: null,
      notInEdition: ['asset-fingerprints', 'log-analysis', 'virus-blocking'],
    });
    expect(new Set(inventory.resources['sas.asset'].map((asset) => asset.webshellScan))).toEqual(new Set(['not-in-edition']));
    const findings = findingsOf(inventory).filter((finding) => ['sas-virus-blocking', 'sas-asset-webshell-scan', 'sas-asset-fingerprints', 'sas-log-analysis'].includes(finding.ruleId));
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((finding) => finding.status))).toEqual(new Set(['fail']));
  });

  it('passes every depth rule on the compliant demo', async () => {
    const compliant = await loadAccountModel(new URL('../fixtures/demo/account-compliant.json', import.meta.url).pathname);
    const { inventory } = await scanThroughEmulator(compliant, { now: NOW });
    const statuses = statusesByRule(findingsOf(inventory));
    for (const id of DEPTH_RULES) expect(statuses[id], id).toEqual(['pass']);
  });

  it('turns each denied settings call into a field gap whose findings are errors, never passes', async () => {
    const denied = [...Object.keys(SETTINGS), 'DescribeCommonTargetResultList'].map((action) => `yundun-sas:${action}`);
    const { inventory } = await scanThroughEmulator(defineAccount({ ...demo, deniedActions: denied }), { now: NOW });
    const gaps = inventory.gaps.filter((gap) => gap.region === 'cn-shanghai');
    expect(gaps.map((gap) => [gap.action, gap.kind, gap.resourceTypes, gap.fields]).sort()).toEqual(
      [
        ['DescribeCommonTargetResultList', 'denied', ['sas.asset'], ['webshellScan']],
        ...Object.entries(SETTINGS).map(([action, field]) => [action, 'denied', ['sas.settings'], [field]]),
      ].sort(),
    );
    // the record is there, with the unknown fields left out
    expect(Object.keys(inventory.resources['sas.settings'].find((site) => site.id === 'cn-shanghai') ?? {}).sort()).toEqual(['id', 'notInEdition', 'regions']);
    const findings = findingsOf(inventory);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((finding) => finding.status))).toEqual(new Set(['error']));
  });
});

describe('Security Center settings against nock', () => {
  const ok = (body: Record<string, unknown>): Answer => [200, { RequestId: 'r', ...body }];
  const asset = (index: number, groupId: number) => ({
    Uuid: `uuid-${index}`,
    InstanceId: `i-${index}`,
    InstanceName: `web-${index}`,
    RegionId: 'cn-hangzhou',
    ClientStatus: 'online',
    GroupId: groupId,
  });
  const answers = (webshell: Record<string, unknown>, virus = 'on') => ({
    DescribeVersionConfig: () => ok({ Version: 3 }),
    DescribeCloudCenterInstances: () => ok({ Instances: [asset(1, 10), asset(2, 20)], PageInfo: { NextToken: '' } }),
    DescribeVulList: () => ok({ VulRecords: [], NextToken: '' }),
    DescribeCommonTargetResultList: () => ok({ TargetConfig: { Type: 'webshell_timescan', ...webshell } }),
    DescribeSuspiciousOverallConfig: () => ok({ OverallConfig: { Type: 'auto_breaking', Config: virus } }),
    DescribeNoticeConfig: () => ok({ NoticeConfigList: [{ Project: 'sas_vulnerability', Route: '6', TimeLimit: 1 }] }),
    DescribeUserBaselineAuthorization: () => ok({ UserBaselineAuthorization: { Status: 0 } }),
    DescribeVulConfig: () => ok({ TargetConfigs: [{ Type: 'cve', Config: 'ON' }, { Type: 'yum', Config: 'on' }] }),
    DescribePropertyScheduleConfig: (query: Record<string, string>) => ok({ Config: query.Type === 'scheduler_cron_period' ? '0' : '12' }),
    DescribeLogMeta: () => ok({ LogMetaList: [{ LogStore: 'aegis-log-login', Category: 'host', Status: 'Enabled' }] }),
  });
  const collect = async () => {
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou']);
    await collectSas(ctx);
    return ctx.inventory.build({ accountId: ctx.accountId, collectedAt: NOW.toISOString(), regions: ctx.regions });
  };

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('reads a group scope with Flag del as every group but those listed, and each fingerprint type once', async () => {
    const calls = mockAlibaba(answers({ Flag: 'del', TargetType: 'groupId', TargetList: ['20'] }));
    const inventory = await collect();
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['sas.asset'].map((a) => [a.id, a.webshellScan])).toEqual([
      ['i-1', 'on'],
      ['i-2', 'off'],
    ]);
    const [settings] = inventory.resources['sas.settings'];
    expect(settings).toMatchObject({
      notifications: [{ project: 'sas_vulnerability', route: 6, timeLimit: 1 }],
      configAssessmentAuthorized: false,
      vulnerabilityScan: [{ type: 'cve', config: 'on' }],
      logAnalysis: [{ logStore: 'aegis-log-login', category: 'host', status: 'enabled' }],
      notInEdition: [],
    });
    expect(settings?.fingerprintSchedules?.find((schedule) => schedule.type === 'scheduler_cron_period')).toEqual({ type: 'scheduler_cron_period', hours: 0 });
    expect(calls.filter((call) => call.action === 'DescribePropertyScheduleConfig')).toHaveLength(9);
    expect(calls.find((call) => call.action === 'DescribeSuspiciousOverallConfig')?.query.Type).toBe('auto_breaking');
  });

  it('reads a uuid scope with Flag add as the listed assets only', async () => {
    mockAlibaba(answers({ Flag: 'add', TargetType: 'uuid', TargetList: ['uuid-2'] }));
    const inventory = await collect();
    expect(inventory.resources['sas.asset'].map((a) => [a.id, a.webshellScan])).toEqual([
      ['i-1', 'off'],
      ['i-2', 'on'],
    ]);
  });

  it('takes a switch that is neither on nor off, or a scope it cannot read, as malformed: a gap, not a value', async () => {
    mockAlibaba(answers({ Flag: 'maybe', TargetType: 'uuid', TargetList: [] }, 'paused'));
    const inventory = await collect();
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.fields]).sort()).toEqual([
      ['DescribeCommonTargetResultList', 'malformed', ['webshellScan']],
      ['DescribeSuspiciousOverallConfig', 'malformed', ['virusBlocking']],
    ]);
    expect(inventory.resources['sas.settings'][0]?.virusBlocking).toBeUndefined();
    expect(inventory.resources['sas.asset'].every((a) => a.webshellScan === undefined)).toBe(true);
  });

  it('keeps a throttled-to-exhaustion or server error as a gap too', async () => {
    mockAlibaba({ ...answers({ Flag: 'add', TargetType: 'uuid', TargetList: [] }), DescribeNoticeConfig: () => alibabaError(500, 'InternalError') });
    const inventory = await collect();
    expect(inventory.gaps.map((gap) => [gap.action, gap.kind, gap.fields])).toEqual([['DescribeNoticeConfig', 'server', ['notifications']]]);
  });
});
