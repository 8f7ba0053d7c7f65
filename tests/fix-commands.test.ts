// Remediation as code: every `aliyun` call a bundled rule's `fix` names is an action of Alibaba's OpenAPI
// metadata with only that action's parameters (and all its required ones), every failing demo finding whose
// rule has a fix renders with real values, and `alicloud-audit fix` prints them from a saved inventory.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixCommand } from '../src/cli/fix-command.js';
import { loadAccountModel } from '../src/emulator/index.js';
import { fixTargets, renderFix, type FixTarget } from '../src/engine/fix.js';
import { BUNDLED_RULES_DIR, loadRules, type Rule } from '../src/engine/index.js';
import { serializeSnapshot } from '../src/inventory/snapshot.js';
import type { Inventory } from '../src/inventory/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { meta, REFERENCE_DIR, referencePath } from './helpers/reference.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const rules: Rule[] = await loadRules([BUNDLED_RULES_DIR]);
const withCli = rules.filter((rule) => (rule.fix?.cli.length ?? 0) > 0);

/** CLI product code (lower case) -> metadata file, by the `info.product` each file declares */
function metadataFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(referencePath('openapi-meta')).filter((file) => file.endsWith('.api-docs.json'))) {
    const file = name.replace(/\.api-docs\.json$/, '');
    const { info } = JSON.parse(readFileSync(referencePath('openapi-meta', name), 'utf8')) as { info: { product: string } };
    files.set(info.product.toLowerCase(), file);
  }
  return files;
}

describe.skipIf(REFERENCE_DIR === undefined)('fix commands against the OpenAPI metadata (../shared/reference)', () => {
  it('cover the rules whose fix is one API call', () => {
    expect(withCli.length).toBeGreaterThan(0);
  });

  it.each(withCli.map((rule) => [rule.id, rule] as const))('%s names real actions and parameters', (_id, rule) => {
    const files = metadataFiles();
    for (const { product, action, params } of rule.fix!.cli) {
      const file = files.get(product);
      expect(file, `${rule.file}: no OpenAPI metadata for product "${product}" (have: ${[...files.keys()].join(', ')})`).toBeDefined();
      const api = meta(file!).apis[action];
      expect(api, `${rule.file}: ${file} has no action ${action}`).toBeDefined();
      const known = (api!.parameters ?? []).map((parameter) => parameter.name);
      // a list parameter is passed as Name.1, Name.2 ...
      const given = Object.keys(params).map((name) => name.replace(/\.\d+$/, ''));
      expect(given.filter((name) => !known.includes(name)), `${rule.file}: ${action} has no such parameter (it has ${known.join(', ')})`).toEqual([]);
      const required = (api!.parameters ?? []).filter((parameter) => parameter.schema?.['required'] === true).map((parameter) => parameter.name);
      expect(required.filter((name) => !given.includes(name)), `${rule.file}: ${action} requires these`).toEqual([]);
    }
  });
});
if (REFERENCE_DIR === undefined) {
  it.skip('fix commands: ../shared/reference/openapi-meta is absent in this checkout, so their actions and parameters are not checked', () => {});
}

/** the demo's dates are written relative to this scan time (as in tests/rules-demo.test.ts) */
const SCANNED_AT = new Date('2026-11-15T00:00:00Z');
let inventory: Inventory;
let failing: FixTarget[];

beforeAll(async () => {
  ({ inventory } = await scanThroughEmulator(await loadAccountModel(DEMO_ACCOUNT_FILE), { now: SCANNED_AT }));
  failing = [...fixTargets(inventory, rules, SCANNED_AT)].filter(({ rule, finding }) => rule.fix && finding.status === 'fail');
});

describe('fix of the demo findings', () => {
  it('renders every failing finding whose rule has a fix with no unresolved field', () => {
    expect(failing.length).toBeGreaterThan(0);
    const unresolved = failing.flatMap(({ rule, finding, view }) =>
      renderFix(rule.fix!, view, rule.params, SCANNED_AT).unresolved.map((field) => `${rule.id} ${finding.resource.id}: ${field}`),
    );
    expect(unresolved).toEqual([]);
    // a fix whose `each` selects no element would print nothing for a failure
    const silent = failing.filter(({ rule, view }) => rule.fix!.cli.length > 0 && renderFix(rule.fix!, view, rule.params, SCANNED_AT).cli.length === 0);
    expect(silent.map(({ rule, finding }) => `${rule.id} ${finding.resource.id}`)).toEqual([]);
  });

  it('makes one call per list element the rule faults (each)', () => {
    const target = failing.find(({ rule }) => rule.id === 'ram-access-key-unused');
    expect(target).toBeDefined();
    const { cli } = renderFix(target!.rule.fix!, target!.view, target!.rule.params, SCANNED_AT);
    for (const line of cli) expect(line).toMatch(new RegExp(`^aliyun ram UpdateAccessKey --UserName ${target!.finding.resource.id} --UserAccessKeyId LTAI\\w+ --Status Inactive$`));
  });

  it('fills the commands with the resource ids', () => {
    const target = failing.find(({ rule }) => rule.id === 'ecs-instance-metadata-hardened');
    expect(target).toBeDefined();
    const { cli, terraform } = renderFix(target!.rule.fix!, target!.view, target!.rule.params, SCANNED_AT);
    const { id, region } = target!.finding.resource;
    expect(cli).toEqual([`aliyun ecs ModifyInstanceMetadataOptions --RegionId ${region} --InstanceId ${id} --HttpEndpoint enabled --HttpTokens required`]);
    expect(terraform).toContain('http_tokens   = "required"');
  });
});

describe('fix of a security group port rule', () => {
  const ssh = rules.find((rule) => rule.id === 'ecs-sg-ssh-internet')!;
  const rule = (id: string, fields: Record<string, unknown>) => ({
    id, direction: 'ingress', policy: 'Accept', priority: 1, ipProtocol: 'TCP', portRange: '22/22', sourceCidrIp: null, ipv6SourceCidrIp: null, ...fields,
  });

  it('revokes each Accept that opens the port to the internet, and nothing else', () => {
    const group = {
      id: 'sg-web',
      region: 'cn-hangzhou',
      rules: [
        rule('sgr-v4', { sourceCidrIp: '0.0.0.0/0', portRange: '1/1024' }),
        rule('sgr-v6', { ipv6SourceCidrIp: '::/0', ipProtocol: 'ALL', portRange: '-1/-1' }),
        rule('sgr-office', { sourceCidrIp: '203.0.113.0/24' }),
        rule('sgr-web', { sourceCidrIp: '0.0.0.0/0', portRange: '443/443' }),
        rule('sgr-drop', { sourceCidrIp: '0.0.0.0/0', policy: 'Drop' }),
      ],
    };
    expect(renderFix(ssh.fix!, group, ssh.params, SCANNED_AT)).toEqual({
      cli: ['sgr-v4', 'sgr-v6'].map((id) => `aliyun ecs RevokeSecurityGroup --RegionId cn-hangzhou --SecurityGroupId sg-web --SecurityGroupRuleId.1 ${id}`),
      unresolved: [],
    });
  });

  it('names a rule it cannot read instead of leaving it out silently', () => {
    const group = { id: 'sg-web', region: 'cn-hangzhou', rules: [rule('sgr-bad', { sourceCidrIp: '0.0.0.0/0', portRange: 'x' })] };
    expect(renderFix(ssh.fix!, group, ssh.params, SCANNED_AT).unresolved).toEqual(['rules[0]']);
  });
});

describe('alicloud-audit fix', () => {
  const run = async (...args: string[]): Promise<string> => {
    let out = '';
    await fixCommand({ out: (text) => void (out += text) }).parseAsync(args, { from: 'user' });
    return out;
  };
  let snapshot: string;
  beforeAll(() => {
    snapshot = path.join(mkdtempSync(path.join(tmpdir(), 'fix-')), 'inventory.json');
    writeFileSync(snapshot, serializeSnapshot(inventory));
  });

  it('prints the CLI commands of a failing finding, and its Terraform with --format terraform', async () => {
    const target = failing.find(({ rule }) => rule.id === 'ecs-instance-metadata-hardened')!;
    const cli = await run(target.finding.id, '--from-snapshot', snapshot);
    expect(cli).toContain(`aliyun ecs ModifyInstanceMetadataOptions --RegionId ${target.finding.resource.region} --InstanceId ${target.finding.resource.id}`);
    expect(cli).toContain('not run by alicloud-audit');
    expect(await run(target.finding.id, '--from-snapshot', snapshot, '--format', 'terraform')).toContain('resource "alicloud_instance"');
  });

  it('says so for a passing finding, a rule without a fix, and an unknown id (usage errors: exit 2)', async () => {
    const all = [...fixTargets(inventory, rules, SCANNED_AT)];
    const passing = all.find(({ rule, finding }) => rule.fix && finding.status === 'pass')!;
    await expect(run(passing.finding.id, '--from-snapshot', snapshot)).rejects.toThrow(/is pass, not fail: nothing to fix/);
    const noFix = all.find(({ rule, finding }) => !rule.fix && finding.status === 'fail')!;
    await expect(run(noFix.finding.id, '--from-snapshot', snapshot)).rejects.toThrow(/has no cli fix for this finding; its remediation/);
    await expect(run('0123456789abcdef0123456789abcdef', '--from-snapshot', snapshot)).rejects.toThrow(/no finding 0123456789abcdef/);
  });
});
