import { it } from 'vitest';
import { loadAccountModel, startEmulator } from '../src/emulator/index.js';
import { collectCas } from '../src/services/cas/collector.js';
import { collectSlb } from '../src/services/slb/collector.js';
import { collectAlb } from '../src/services/alb/collector.js';
import { collectorContext, TEST_KEY } from './helpers/context.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';

it('smoke', async () => {
  const model = await loadAccountModel(DEMO_ACCOUNT_FILE, { asOf: new Date('2026-11-15T00:00:00Z') });
  const emulator = await startEmulator({ account: model, credentials: [TEST_KEY] });
  const ctx = collectorContext(emulator.url, ['cn-hangzhou', 'cn-shanghai']);
  await collectCas(ctx); await collectSlb(ctx); await collectAlb(ctx);
  const inv = ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-15T00:00:00Z', regions: ctx.regions });
  console.log(JSON.stringify({ gaps: inv.gaps, cas: inv.resources['cas.certificate'], slb: inv.resources['slb.listener'], sc: inv.resources['slb.server-certificate'], alb: inv.resources['alb.listener'] }, null, 1));
  console.log(emulator.calls.map((c) => `${c.action} ${c.region} ${c.status}`).join('\n'));
  await emulator.close();
});
