// VPN Gateway against the emulator, with the real VPC SDK: every page of gateways, IPsec connections and
// SSL-VPN servers at the API's cap of 50, single- and dual-tunnel settings, a denied listing turned into
// error findings (never a pass), and the pre-shared keys the API answers in clear kept out of everything.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as $Vpc from '@alicloud/vpc20160428';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, loadAccountModel, PRODUCTS, startEmulator, type AccountModel, type AccountModelInput, type RunningEmulator } from '../src/emulator/index.js';
import { joinRpcVersions, regionalHost, rpcProduct, type RpcProduct } from '../src/emulator/rpc/protocol.js';
import { vpnActions } from '../src/emulator/services/vpn/handlers.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import { inventorySchema } from '../src/inventory/schema.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { collectVpn } from '../src/services/vpn/collector.js';
import { clientConfig, runtime, Vpc } from './emulator-helpers.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { collectorContext, TEST_KEY } from './helpers/context.js';

const REGION = 'cn-hangzhou';
const PSK = 'PlantedPsk-5d1e7c9a3b';
const TUNNEL_PSK = 'PlantedTunnelPsk-8f2b6a0c4e';
const BGP_AUTH_KEY = 'PlantedBgpAuthKey-1a9c7e3f';
const SECRETS = [PSK, TUNNEL_PSK, BGP_AUTH_KEY];

/** 120 connections on 60 gateways, each gateway with an SSL-VPN server: three pages of each listing at 50. */
function largeAccount(deniedActions: string[] = []): AccountModel {
  const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(3, '0'));
  const model: AccountModelInput = {
    accountId: '1234567890123456',
    regions: {
      [REGION]: {
        vpcs: [{ VpcId: 'vpc-bp1big' }],
        vpnGateways: n(60).map((i) => ({ VpnGatewayId: `vpn-bp1big${i}`, VpcId: 'vpc-bp1big', SslVpn: 'enable' as const })),
        vpnConnections: n(120).map((i) => ({
          VpnConnectionId: `vco-bp1big${i}`,
          VpnGatewayId: `vpn-bp1big${String(Number(i) % 60).padStart(3, '0')}`,
          IkeConfig: { IkeVersion: 'ikev2', IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14', Psk: PSK },
        })),
        sslVpnServers: n(60).map((i) => ({ SslVpnServerId: `vss-bp1big${i}`, VpnGatewayId: `vpn-bp1big${i}` })),
      },
    },
    deniedActions,
  };
  return defineAccount(model);
}

async function collect(emulator: RunningEmulator, regions = [REGION]) {
  const ctx = collectorContext(emulator.url, regions);
  await collectVpn(ctx);
  const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-15T00:00:00Z', regions: ctx.regions });
  expect(inventorySchema.safeParse(inventory).error).toBeUndefined();
  return inventory;
}

let rules: Rule[];
beforeAll(async () => {
  rules = (await loadRules([BUNDLED_RULES_DIR])).filter((rule) => rule.service === 'vpn');
});

describe('the VPC product', () => {
  it('answers VPC and VPN Gateway actions as one product of 2016-04-28, under the vpc RAM name', () => {
    const vpc = PRODUCTS.filter((product): product is RpcProduct => 'version' in product && product.version === '2016-04-28');
    expect(vpc.map((product) => product.name)).toEqual(['vpc']);
    expect(Object.keys(vpc[0]!.actions)).toEqual(expect.arrayContaining(['DescribeVpcs', 'DescribeVpnGateways', 'DescribeVpnConnections', 'DescribeSslVpnServers']));
  });

  it('refuses two folders answering the same action of one version', () => {
    const twice = () => rpcProduct({ version: '2016-04-28', name: 'vpc', actions: vpnActions, deniedCode: 'Forbidden.RAM', host: regionalHost('vpc') });
    expect(() => joinRpcVersions([twice(), twice()])).toThrow(/DescribeVpnGateways/);
  });
});

describe('VPN Gateway collector', () => {
  let large: RunningEmulator;
  let demo: RunningEmulator;
  /** the paging parameters of each listing call the large account answered */
  const pages: Array<{ action: string; page: string | undefined; size: string | undefined }> = [];
  beforeAll(async () => {
    large = await startEmulator({
      account: largeAccount(),
      credentials: [TEST_KEY],
      intercept: (call) => {
        pages.push({ action: call.action, page: call.params.get('PageNumber'), size: call.params.get('PageSize') });
        return undefined;
      },
    });
    demo = await startEmulator({ account: await loadAccountModel(DEMO_ACCOUNT_FILE), credentials: [TEST_KEY] });
  });
  afterAll(async () => {
    await Promise.all([large.close(), demo.close()]);
  });

  it('reads every page of each listing at the cap of 50 (PageSize 1~50 in vpc_2016-04-28.api-docs.json)', async () => {
    const inventory = await collect(large);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['vpn.gateway']).toHaveLength(60);
    expect(inventory.resources['vpn.connection']).toHaveLength(120);
    expect(inventory.resources['vpn.ssl-server']).toHaveLength(60);
    const of = (action: string) => pages.filter((call) => call.action === action).map(({ page, size }) => `${page}/${size}`);
    expect(of('DescribeVpnConnections')).toEqual(['1/50', '2/50', '3/50']);
    expect(of('DescribeVpnGateways')).toEqual(['1/50', '2/50']);
    expect(of('DescribeSslVpnServers')).toEqual(['1/50', '2/50']);
  });

  it('answers a page of 10 by default, as PageSize defaults to 10, with the total', async () => {
    const client = new Vpc(clientConfig(large, TEST_KEY));
    const { body } = await client.describeVpnConnectionsWithOptions(new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION }), runtime());
    expect(body?.vpnConnections?.vpnConnection).toHaveLength(10);
    expect(body?.totalCount).toBe(120);
  });

  it('gives a single-tunnel connection one tunnel of its own settings, a dual-tunnel one each of its tunnels', async () => {
    const inventory = await collect(demo);
    const connections = inventory.resources['vpn.connection'];
    expect(connections.find((c) => c.id === 'vco-bp1branch2m6q')).toEqual({
      id: 'vco-bp1branch2m6q',
      region: REGION,
      name: 'to-branch-legacy',
      vpnGatewayId: 'vpn-bp1office5k8m2',
      customerGatewayId: 'cgw-bp1branch8p3',
      attachType: 'VPNGW',
      dualTunnel: false,
      tunnels: [
        {
          id: null,
          role: null,
          status: 'ike_sa_not_established',
          ike: { version: 'ikev1', mode: 'aggressive', encAlg: '3des', authAlg: 'md5', pfs: 'group2' },
          ipsec: { encAlg: 'des', authAlg: 'sha1', pfs: 'disabled' },
        },
      ],
      healthCheck: { status: 'failed' },
    });
    const hq = connections.find((c) => c.id === 'vco-bp1hq7n3k9x2')!;
    expect(hq.dualTunnel).toBe(true);
    expect(hq.tunnels.map((tunnel) => [tunnel.id, tunnel.role, tunnel.status, tunnel.ike.encAlg, tunnel.ipsec.pfs])).toEqual([
      ['tun-bp1hqmaster4a', 'master', 'ipsec_sa_established', 'aes256', 'group14'],
      ['tun-bp1hqslave7b', 'slave', 'ipsec_sa_established', 'aes256', 'group14'],
    ]);
    expect(inventory.resources['vpn.gateway'].find((g) => g.id === 'vpn-bp1office5k8m2')).toMatchObject({ ipsecEnabled: true, sslEnabled: true, status: 'active' });
    expect(inventory.resources['vpn.ssl-server'].find((s) => s.id === 'vss-bp1remote4t6w')).toMatchObject({ cipher: 'none', compress: true, proto: 'UDP', port: 1194 });
  });

  it('makes each VPN rule fail and pass on the demo account', async () => {
    const findings = evaluate(await collect(demo, [REGION, 'cn-shanghai']), rules, { now: new Date('2026-11-15T00:00:00Z') });
    for (const rule of rules) {
      const statuses = new Set(findings.filter((finding) => finding.ruleId === rule.id).map((finding) => finding.status));
      expect([rule.id, [...statuses].sort()]).toEqual([rule.id, ['fail', 'pass']]);
    }
  });
});

describe('VPN Gateway absent', () => {
  // no activation to ask about: a VPN gateway is bought one by one, and an account without any gets empty lists
  it('gives an account without VPN gateways no records, no gaps and no findings (nothing passes)', async () => {
    const emulator = await startEmulator({ account: defineAccount({ accountId: '1234567890123456', regions: { [REGION]: {} } }), credentials: [TEST_KEY] });
    try {
      const inventory = await collect(emulator);
      expect(inventory.gaps).toEqual([]);
      expect([inventory.resources['vpn.gateway'], inventory.resources['vpn.connection'], inventory.resources['vpn.ssl-server']]).toEqual([[], [], []]);
      expect(evaluate(inventory, rules, { now: new Date('2026-11-15T00:00:00Z') })).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});

describe('VPN Gateway settings not answered', () => {
  it('leave them unknown: the IKE rules give error, never pass', async () => {
    const account = defineAccount({
      accountId: '1234567890123456',
      regions: {
        [REGION]: {
          vpcs: [{ VpcId: 'vpc-bp1one' }],
          vpnGateways: [{ VpnGatewayId: 'vpn-bp1one', VpcId: 'vpc-bp1one' }],
          vpnConnections: [{ VpnConnectionId: 'vco-bp1bare', VpnGatewayId: 'vpn-bp1one', IkeConfig: null }],
        },
      },
    });
    const emulator = await startEmulator({ account, credentials: [TEST_KEY] });
    try {
      const [connection] = (await collect(emulator)).resources['vpn.connection'];
      expect(connection!.tunnels[0]!.ike).toEqual({});
      const findings = evaluate(await collect(emulator), rules, { now: new Date('2026-11-15T00:00:00Z') });
      const status = (ruleId: string) => findings.find((finding) => finding.ruleId === ruleId)?.status;
      expect([status('vpn-ike-strong-algorithms'), status('vpn-ike-no-aggressive-mode')]).toEqual(['error', 'error']);
    } finally {
      await emulator.close();
    }
  });
});

describe('VPN Gateway denied', () => {
  it('records the gap under its vpc: RAM action, and the rules of that collection give error, never pass', async () => {
    const emulator = await startEmulator({
      account: largeAccount(['vpc:DescribeVpnConnections', 'vpc:DescribeSslVpnServers']),
      credentials: [TEST_KEY],
    });
    try {
      const inventory = await collect(emulator);
      expect(inventory.gaps.map((gap) => [gap.action, gap.ramAction, gap.kind, gap.code, gap.resourceTypes])).toEqual([
        ['DescribeSslVpnServers', 'vpc:DescribeSslVpnServers', 'denied', 'Forbidden.RAM', ['vpn.ssl-server']],
        ['DescribeVpnConnections', 'vpc:DescribeVpnConnections', 'denied', 'Forbidden.RAM', ['vpn.connection']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
      // the gateways were not denied: still read in full
      expect(inventory.resources['vpn.gateway']).toHaveLength(60);
      const findings = evaluate(inventory, rules, { now: new Date('2026-11-15T00:00:00Z') });
      for (const rule of rules) {
        const own = findings.filter((finding) => finding.ruleId === rule.id);
        expect(own.length, rule.id).toBeGreaterThan(0);
        expect(own.filter((finding) => finding.status !== 'error').map((finding) => `${rule.id} ${finding.status}`)).toEqual([]);
      }
    } finally {
      await emulator.close();
    }
  });
});

describe('VPN pre-shared keys', () => {
  let emulator: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    const demo = await loadAccountModel(DEMO_ACCOUNT_FILE);
    const regions = structuredClone(demo.regions) as Record<string, Record<string, unknown>>;
    const hangzhou = regions[REGION]! as { vpnConnections: Array<Record<string, unknown>> };
    const [hq, branch] = hangzhou.vpnConnections as [Record<string, any>, Record<string, any>];
    hq.TunnelOptionsSpecification[0].TunnelIkeConfig.Psk = TUNNEL_PSK;
    branch.IkeConfig.Psk = PSK;
    branch.VpnBgpConfig = { AuthKey: BGP_AUTH_KEY };
    emulator = await startEmulator({ account: defineAccount({ ...demo, regions } as AccountModelInput), credentials: [TEST_KEY] });
    dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-vpn-'));
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('are answered by the API in clear', async () => {
    const client = new Vpc(clientConfig(emulator, TEST_KEY));
    const { body } = await client.describeVpnConnectionsWithOptions(new $Vpc.DescribeVpnConnectionsRequest({ regionId: REGION }), runtime());
    const text = JSON.stringify(body);
    for (const secret of SECRETS) expect(text).toContain(secret);
  });

  it('reach no record, log line, output format or snapshot of a scan', async () => {
    const outputs = join(dir, 'outputs');
    const snapshot = join(dir, 'inventory.json');
    const formats = ['json', 'ndjson', 'ocsf', 'csv', 'table', 'html'].flatMap((format) => ['--format', format]);
    const result = await runCli(['scan', '--log-level', 'trace', ...formats, '--output-dir', outputs, '--snapshot-out', snapshot], {
      env: cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEY.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEY.accessKeySecret, ALIBABA_CLOUD_ENDPOINT_URL: emulator.url }),
    });
    expect(emulator.calls.some((call) => call.action === 'DescribeVpnConnections')).toBe(true);
    const entries = await readdir(outputs, { withFileTypes: true, recursive: true });
    const files = [...entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)), snapshot];
    expect(files.length).toBeGreaterThanOrEqual(7);
    const texts = [result.stdout, result.stderr, ...(await Promise.all(files.map((file) => readFile(file, 'utf8'))))];
    // the scan did read the connections whose keys it must leave out
    expect(await readFile(snapshot, 'utf8')).toContain('vco-bp1branch2m6q');
    for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
  }, 60_000);
});
