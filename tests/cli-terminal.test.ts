// On a terminal the scan is never silent: it says what it is doing before the rules load, then counts the
// collection, and leaves no status text behind. Run under a pseudo-terminal (util-linux `script`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv } from './helpers/cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const CLEAR = '\r\u001b[2K';

describe.skipIf(!hasScript)('scan on a terminal', () => {
  it('shows a status line first, then the collection, and clears both before its summary', () => {
    const output = join(mkdtempSync(join(tmpdir(), 'terminal-')), 'report.json');
    const command = `${process.execPath} ${CLI} scan --demo --format json --output ${output}`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { env: cleanEnv({ NO_COLOR: '1' }), encoding: 'utf8' });
    expect(run.status).toBe(0);
    const screen = run.stdout;
    const preparing = screen.indexOf(`${CLEAR}preparing: config, rules, output targets ...`);
    const connecting = screen.indexOf(`${CLEAR}connecting: credentials, account, regions ...`);
    expect(preparing).toBe(0);
    expect(connecting).toBeGreaterThan(preparing);
    // what follows the last clear is the summary alone
    const summary = screen.slice(screen.lastIndexOf(CLEAR) + CLEAR.length);
    expect(summary).toMatch(/^alicloud-audit: account 5012884630217745 \(demo\)/);
    expect(summary).not.toMatch(/preparing|connecting|API calls \|/);
  });
});
