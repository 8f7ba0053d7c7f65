// Scan scope: the filters select rules, the rules decide the collectors, and the emulator's call log proves
// that a narrower scope makes a narrower set of API calls (a scan of --services ram calls no ECS API, not even
// DescribeRegions).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectorsFor, selectRules } from '../src/scan/scope.js';
import { BUNDLED_RULES_DIR, loadRules, type Rule } from '../src/engine/index.js';
import { loadAccountModel, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import type { Report } from '../src/findings/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { cleanEnv, runCli } from './helpers/cli.js';

const KEY = { accessKeyId: 'LTAIscopetest000001', accessKeySecret: 'scope-test-secret-00000001' };
let rules: Rule[];
let emulator: RunningEmulator;

beforeAll(async () => {
  rules = await loadRules([BUNDLED_RULES_DIR]);
  emulator = await startEmulator({ account: await loadAccountModel(DEMO_ACCOUNT_FILE), credentials: [KEY] });
});
afterAll(async () => emulator.close());

describe('selectRules', () => {
  const ids = (scope: Parameters<typeof selectRules>[1]) => selectRules(rules, scope).map((rule) => rule.id);

  it('filters by service, id or glob, exclusion, duty and CIS control', () => {
    expect(ids({ services: ['kms'] })).toEqual(['kms-key-rotation']);
    expect(ids({ rules: ['ram-password-policy-*'] })).toHaveLength(8);
    expect(ids({ rules: ['ram-password-policy-*'], excludeRules: ['*-length', 'ram-password-policy-reuse'] })).toHaveLength(6);
    expect(ids({ cisControls: ['4.3'] })).toEqual(['ecs-sg-ssh-internet']);
    expect(new Set(selectRules(rules, { duties: ['security-groups'] }).map((rule) => rule.duty))).toEqual(new Set(['security-groups']));
  });

  it('--severity keeps the rules whose failures can reach it, severityWhen included', () => {
    const critical = selectRules(rules, { severity: 'critical' });
    expect(critical.length).toBeGreaterThan(0);
    for (const rule of critical) expect([rule.severity, ...rule.severityWhen.map((entry) => entry.severity)]).toContain('critical');
    expect(critical.some((rule) => rule.severity !== 'critical')).toBe(true);
    expect(selectRules(rules, { severity: 'info' })).toHaveLength(rules.length);
  });

  it('refuses names that match nothing, with the nearest one, and a scope with no rule', () => {
    expect(() => selectRules(rules, { services: ['ecss'] })).toThrow('--services: unknown ecss (did you mean ecs?)');
    // two letters swapped are one edit: ram, not kms (two substitutions)
    expect(() => selectRules(rules, { services: ['rma'] })).toThrow('--services: unknown rma (did you mean ram?)');
    expect(() => selectRules(rules, { rules: ['ram-root-mfaa'] })).toThrow('--rules: no rule matches ram-root-mfaa (did you mean ram-root-mfa?)');
    expect(() => selectRules(rules, { duties: ['security-group'] })).toThrow('(did you mean security-groups?)');
    expect(() => selectRules(rules, { services: ['kms'], severity: 'critical' })).toThrow('the scope selects no rule');
  });

  it('collects the sources of the derived fields a rule names, and only those', () => {
    expect(collectorsFor(selectRules(rules, { services: ['ram'] }))).toEqual(['ram']);
    expect(collectorsFor(selectRules(rules, { rules: ['ecs-instance-security-center-agent'] })).sort()).toEqual(['ecs', 'sas']);
    expect(collectorsFor(selectRules(rules, { rules: ['actiontrail-multi-region-trail'] })).sort()).toEqual(['actiontrail', 'ram']);
    expect(collectorsFor(selectRules(rules, { rules: ['ecs-disk-customer-key'] })).sort()).toEqual(['ecs', 'kms']);
  });
});

describe('a scan follows its scope', () => {
  const env = () => cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret });
  const scan = async (...args: string[]) => {
    const result = await runCli(['scan', '--endpoint-url', emulator.url, '--format', 'json', ...args], { env: env() });
    expect([0, 3], result.stderr).toContain(result.code);
    return JSON.parse(result.stdout) as Report;
  };
  const products = () => new Set(emulator.calls.map((call) => call.product));
  beforeEach(() => {
    emulator.calls.length = 0;
  });

  it('--services ram calls RAM, IMS and STS only: no ECS API, not even DescribeRegions', async () => {
    const report = await scan('--services', 'ram');
    expect(products()).toEqual(new Set(['sts', 'ram', 'ims']));
    expect(emulator.calls.some((call) => call.action === 'DescribeRegions')).toBe(false);
    expect(report.scan.regions).toEqual([]);
    expect(new Set(report.findings.map((finding) => finding.service))).toEqual(new Set(['ram']));
    expect(report.findings.length).toBeGreaterThan(10);
  });

  it('--rules ecs-disk-* calls ECS and KMS (the customer key of a disk), nothing of RAM, VPC or Security Center', async () => {
    const report = await scan('--rules', 'ecs-disk-*');
    expect(products()).toEqual(new Set(['sts', 'ecs', 'kms']));
    expect(new Set(report.findings.map((finding) => finding.ruleId))).toEqual(new Set(['ecs-disk-auto-snapshot-policy', 'ecs-disk-customer-key', 'ecs-disk-encrypted']));
  });

  it('a full scan calls every product: the narrower sets above are the scope, not a broken emulator', async () => {
    await scan();
    expect(products()).toEqual(new Set(['sts', 'ram', 'ims', 'ecs', 'vpc', 'actiontrail', 'yundun-sas', 'kms', 'yundun-waf', 'cloudsso', 'eiam', 'yundun-cert', 'slb', 'alb', 'yundun-cloudfirewall', 'yundun-ddos', 'yundun-antiddosbag', 'yundun-ddoscoo', 'log']));
  });

  it('--status fail,error: the outputs carry only those, the exit status still sees every fail', async () => {
    const result = await runCli(['scan', '--endpoint-url', emulator.url, '--format', 'json', '--status', 'fail,error', '--fail-on', 'high'], { env: env() });
    const report = JSON.parse(result.stdout) as Report;
    expect(new Set(report.findings.map((finding) => finding.status))).toEqual(new Set(['fail']));
    expect(report.summary.byStatus.pass).toBe(0);
    expect(report.summary.total).toBe(report.findings.length);
    expect(result.code).toBe(1);
  });
});
