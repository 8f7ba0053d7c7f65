// Log Service: the ROA protocol (the LOG signature checked, the project in the host, SLS's error body), the
// collector paging over projects, logstores and alerts, "not activated" as a fact and a denied call as a gap.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, startEmulator, type AccountModelInput, type EmulatorCredential, type RunningEmulator } from '../src/emulator/index.js';
import { logStringToSign } from '../src/emulator/roa/log-gateway.js';
import { inventorySchema } from '../src/inventory/schema.js';
import { collectSls } from '../src/services/sls/collector.js';
import { collectorContext } from './helpers/context.js';

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

describe('Log Service', () => {
  let large: RunningEmulator;

  beforeAll(async () => {
    large = await startEmulator({ account: defineAccount(largeAccount()), credentials: [ROOT] });
  });
  afterAll(async () => {
    await large.close();
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
