// Peak RSS of the whole CLI process in a live scan of the bench's synthetic account, as a user runs it: the
// emulator in this process, the CLI a child of its own measured by /usr/bin/time, with the JSON report, OCSF
// and NDJSON written. Needs `npm run build` first.
//   node scripts/measure-live.mjs SCALE OUTDIR [extra scan flags]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineAccount, startEmulator } from '../dist/emulator/index.js';
import { generateAccount, scaledSize } from '../dist/bench/generate.js';

const [scale = '1', out = 'measure-out', ...extra] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const key = { accessKeyId: 'LTAImeasurelive0001', accessKeySecret: 'measure-live-secret-not-real' };
const account = defineAccount(generateAccount(scaledSize(Number(scale)), 42), `synthetic account at scale ${scale}`);
const emulator = await startEmulator({ account, credentials: [key] });
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
const args = ['-v', process.execPath, cli, 'scan', '--endpoint-url', emulator.url,
  '--format', 'json', '--output', join(out, 'a.json'), '--format', 'ocsf', '--output', join(out, 'b.ocsf.json'),
  '--format', 'ndjson', '--output', join(out, 'c.ndjson'), ...extra];
const child = spawn('/usr/bin/time', args, {
  env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret },
  stdio: ['ignore', 'inherit', 'pipe'],
});
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));
const code = await new Promise((resolve) => child.on('exit', resolve));
await emulator.close();
for (const line of stderr.split('\n')) if (/Maximum resident|Elapsed|Exit status|alicloud-audit/.test(line)) console.log(line.trim());
process.exitCode = code;
