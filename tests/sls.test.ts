// Log Service: the ROA protocol (the LOG signature checked, the project in the host, SLS's error body), the
// collector paging over projects, logstores and alerts, "not activated" as a fact and a denied call as a gap.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, startEmulator, type AccountModelInput, type EmulatorCredential, type RunningEmulator } from '../src/emulator/index.js';
import { logStringToSign } from '../src/emulator/roa/log-gateway.js';
import { inventorySchema } from '../src/inventory/schema.js';
import { collectSls } from '../src/services/sls/collector.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules } from '../src/engine/index.js';
import { collectorContext } from './helpers/context.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';

const ROOT: EmulatorCredential = { accessKeyId: 'LTAI5tRootSlsKey0001', accessKeySecret: 'root-secret-sls' };
const pad = (i: number) => String(i).padStart(4, '0');

/** 501 projects in cn-hangzhou (two pages at 500), one of them with 501 logstores (two pages at 500) and 201 alerts (two at 200). */
function largeAccount(extra: Partial<AccountModelInput> = {}): AccountModelInput {
  return {
    accountId: '1234567890123456',
    regions: {
      'cn-hangzhou': {
        slsProjects: [
          {
            projectName: 'big-project',
            logstores: Array.from({ length: 501 }, (_, i) => ({ logstoreName: `store-${pad(i)}`, ttl: i === 7 ? 3650 : 30 })),
            alerts: Array.from({ length: 201 }, (_, i) => ({
              name: `alert-${pad(i)}`,
              status: i % 2 === 0 ? ('ENABLED' as const) : ('DISABLED' as const),
              configuration: { queryList: [{ query: 'event.eventName: CreateRole', store: 'store-0000' }] },
            })),
          },
          ...Array.from({ length: 500 }, (_, i) => ({ projectName: `project-${pad(i)}` })),
        ],
      },
      'cn-shanghai': {},
    },
    ...extra,
  };
}

const build = (ctx: ReturnType<typeof collectorContext>) => {
  const inventory = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-12-01T00:00:00Z', regions: ctx.regions });
  expect(inventorySchema.safeParse(inventory).error).toBeUndefined();
  return inventory;
};

/** A GET of `sentPath` to the emulator, signed for `path` as Log Service's v1 signature signs it with `secret`. */
async function signedGet(
  emulator: RunningEmulator,
  host: string,
  path: string,
  secret: string,
  extra: Record<string, string> = {},
  sentPath = path,
): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    host,
    date: new Date().toUTCString(),
    'x-log-apiversion': '0.6.0',
    'x-log-bodyrawsize': '0',
    'x-log-signaturemethod': 'hmac-sha256',
    ...extra,
  };
  const url = new URL(path, 'http://sls');
  const stringToSign = logStringToSign({
    method: 'GET',
    path: url.pathname,
    query: new Map(url.searchParams),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
  });
  headers.authorization = `LOG ${ROOT.accessKeyId}:${createHmac('sha256', secret).update(stringToSign).digest('base64')}`;
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.url}${sentPath}`, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Log Service', () => {
  let large: RunningEmulator;

  beforeAll(async () => {
    large = await startEmulator({ account: defineAccount(largeAccount()), credentials: [ROOT] });
  });
  afterAll(async () => {
    await large.close();
  });

  describe('the ROA gateway', () => {
    const host = 'big-project.cn-hangzhou.log.aliyuncs.com';

    it('answers a request signed with the key, the project named by the host', async () => {
      const answer = await signedGet(large, host, '/logstores?offset=0&size=2', ROOT.accessKeySecret);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ count: 2, total: 501, logstores: ['store-0000', 'store-0001'] });
      expect(typeof answer.headers['x-log-requestid']).toBe('string');
    });

    it('rejects a wrong signature with 401 SignatureNotMatch in the SLS error body', async () => {
      const answer = await signedGet(large, host, '/logstores', 'not-the-secret');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ errorCode: 'SignatureNotMatch', errorMessage: expect.stringMatching(/^Signature \S+ not matched\.$/) });
    });

    it('rejects a signature over other parameters than those sent', async () => {
      const tampered = await signedGet(large, host, '/logstores?size=2', ROOT.accessKeySecret, {}, '/logstores?size=500');
      expect(tampered).toMatchObject({ status: 401, body: { errorCode: 'SignatureNotMatch' } });
    });

    it('answers an unknown project with 404 ProjectNotExist and an unknown route with 404', async () => {
      const missing = await signedGet(large, 'nope-project.cn-hangzhou.log.aliyuncs.com', '/logstores', ROOT.accessKeySecret);
      expect(missing).toMatchObject({ status: 404, body: { errorCode: 'ProjectNotExist' } });
      const route = await signedGet(large, host, '/no-such-thing', ROOT.accessKeySecret);
      expect(route.status).toBe(404);
    });

    it('refuses a request dated more than 15 minutes away', async () => {
      const stale = await signedGet(large, host, '/logstores', ROOT.accessKeySecret, { date: new Date(Date.now() - 16 * 60_000).toUTCString() });
      expect(stale).toMatchObject({ status: 400, body: { errorCode: 'RequestTimeExpired' } });
    });
  });

  it('collects every project, logstore and alert across pages', async () => {
    const ctx = collectorContext(large.url, ['cn-hangzhou', 'cn-shanghai'], ROOT);
    await collectSls(ctx);
    const inventory = build(ctx);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['sls.service']).toEqual([{ id: ctx.accountId, region: 'cn-shanghai', enabled: true, status: 'Opened' }]);
    expect(inventory.resources['sls.project']).toHaveLength(501);
    expect(inventory.resources['sls.logstore']).toHaveLength(501);
    expect(inventory.resources['sls.alert']).toHaveLength(201);
  });
});

describe('Log Service with STS credentials', () => {
  const SESSION = { accessKeyId: 'STS.NUslsSession0001', accessKeySecret: 'sts-secret-sls', securityToken: 'CAISslsToken0001' };

  it('signs the security token into the request; a wrong token is refused', async () => {
    const emulator = await startEmulator({ account: defineAccount(largeAccount()), credentials: [SESSION] });
    try {
      const good = collectorContext(emulator.url, ['cn-shanghai'], SESSION);
      await collectSls(good);
      expect(build(good).gaps).toEqual([]);
      const forgedSession = { ...SESSION, securityToken: 'CAISforged' };
      const forged = collectorContext(emulator.url, ['cn-shanghai'], forgedSession);
      await collectSls(forged);
      expect(build(forged).gaps).toEqual([
        expect.objectContaining({ action: 'GetSlsService', code: 'Unauthorized', message: expect.stringContaining('security token') }),
        expect.objectContaining({ action: 'ListProject', code: 'Unauthorized' }),
      ]);
    } finally {
      await emulator.close();
    }
  });
});

describe('Log Service not activated, or denied', () => {
  it('records an account without Log Service as a fact, with no listing and no gap', async () => {
    const emulator = await startEmulator({ account: defineAccount({ accountId: '1234567890123456', regions: { 'cn-hangzhou': {}, 'cn-shanghai': {} } }), credentials: [ROOT] });
    try {
      const ctx = collectorContext(emulator.url, ['cn-hangzhou'], ROOT);
      await collectSls(ctx);
      const inventory = build(ctx);
      expect(inventory.gaps).toEqual([]);
      expect(inventory.resources['sls.service']).toEqual([{ id: ctx.accountId, region: 'cn-shanghai', enabled: false, status: 'NotExist' }]);
      expect(inventory.resources['sls.project']).toEqual([]);
      expect(emulator.calls.map((call) => call.action)).toEqual(['GetSlsService']);
    } finally {
      await emulator.close();
    }
  });
});

describe('Log Service alert rules through a scan', () => {
  /** A trail delivering to project audit, whose logstore has an enabled alert on RAM policy changes. */
  const account = (deniedActions: string[]) =>
    defineAccount({
      accountId: '1234567890123456',
      regions: {
        'cn-hangzhou': {
          slsProjects: [
            {
              projectName: 'audit',
              logstores: [{ logstoreName: 'actiontrail_audit-trail', ttl: 365 }],
              alerts: [
                {
                  name: 'ram-changes',
                  configuration: {
                    queryList: [
                      { query: 'event.serviceName: Ram and (event.eventName: CreatePolicy or event.eventName: DeletePolicy)', store: 'actiontrail_audit-trail' },
                    ],
                  },
                },
              ],
            },
          ],
        },
        'cn-shanghai': {},
      },
      trails: [
        {
          Name: 'audit-trail',
          HomeRegion: 'cn-hangzhou',
          TrailRegion: 'All',
          EventRW: 'All',
          Status: 'Enable',
          SlsProjectArn: 'acs:log:cn-hangzhou:1234567890123456:project/audit',
          SlsWriteRoleArn: 'acs:ram::1234567890123456:role/aliyunserviceroleforactiontrail',
        },
      ],
      deniedActions,
    });
  const statuses = async (deniedActions: string[]) => {
    const rules = (await loadRules([BUNDLED_RULES_DIR])).filter((rule) => rule.service === 'sls');
    const { inventory } = await scanThroughEmulator(account(deniedActions));
    const findings = evaluate(inventory, rules, { now: new Date() });
    return { inventory, status: (ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.status) };
  };

  it('passes the class the enabled alert watches and fails the others', async () => {
    const { status } = await statuses([]);
    expect(status('sls-alert-ram-role-changes')).toEqual(['pass']);
    expect(status('sls-alert-security-group-changes')).toEqual(['fail']);
    expect(status('sls-trail-logstore-retention')).toEqual(['pass']);
  });

  it('turns a denied ListAlerts into a gap and error findings, never a pass', async () => {
    const { inventory, status } = await statuses(['log:ListAlerts']);
    expect(inventory.gaps).toEqual([
      expect.objectContaining({ service: 'sls', action: 'ListAlerts', ramAction: 'log:ListAlerts', kind: 'denied', code: 'Unauthorized', statusCode: 401 }),
    ]);
    for (const rule of ['sls-alert-ram-role-changes', 'sls-alert-security-group-changes', 'sls-alert-root-account-usage']) {
      expect(status(rule), rule).toEqual(['error']);
    }
    expect(status('sls-trail-logstore-retention')).toEqual(['pass']);
  });

  it('turns a denied GetLogStore into error findings for that logstore', async () => {
    const { inventory, status } = await statuses(['log:GetLogStore']);
    expect(inventory.gaps).toEqual([
      expect.objectContaining({ action: 'GetLogStore', kind: 'denied', resourceId: 'audit/actiontrail_audit-trail', fields: ['ttl', 'hotTtl'] }),
    ]);
    expect(status('sls-logstore-retention')).toEqual(['error']);
    expect(status('sls-trail-logstore-retention')).toEqual(['error']);
  });
});
