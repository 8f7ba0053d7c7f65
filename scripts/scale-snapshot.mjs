// Writes the bench's synthetic account at a given scale as an inventory snapshot, for measuring the CLI's
// peak RSS with `scan --from-snapshot` (scripts/measure-rss.sh). Needs `npm run build` first.
//   node scripts/scale-snapshot.mjs SCALE OUT.json
import { writeFile } from 'node:fs/promises';
import { pino } from 'pino';
import { parseEndpointUrl } from '../dist/cloud/clients.js';
import { Redactor } from '../dist/cloud/redact.js';
import { defineAccount, startEmulator } from '../dist/emulator/index.js';
import { generateAccount, scaledSize } from '../dist/bench/generate.js';
import { serializeSnapshot } from '../dist/inventory/snapshot.js';
import { collectLive } from '../dist/scan/collect.js';

const [scale = '1', out = 'scale.snapshot.json'] = process.argv.slice(2);
const key = { accessKeyId: 'LTAIscalesnapshot01', accessKeySecret: 'scale-snapshot-secret-not-real' };
const account = defineAccount(generateAccount(scaledSize(Number(scale)), 42), `synthetic account at scale ${scale}`);
const emulator = await startEmulator({ account, credentials: [key] });
try {
  const { inventory, stats } = await collectLive({
    credentials: { kind: 'static', ...key },
    endpoint: parseEndpointUrl(emulator.url),
    // the emulator has no budgets: start fast
    limits: { initialRate: 1000, maxRate: 10_000, maxConcurrency: 64, maxShare: 1 },
    redactor: new Redactor(),
    logger: pino({ level: 'silent' }),
  });
  await writeFile(out, serializeSnapshot(inventory));
  console.log(`${out}: ${stats.calls} calls, ${Object.entries(inventory.resources).map(([t, r]) => `${t} ${r.length}`).join(', ')}`);
} finally {
  await emulator.close();
}
