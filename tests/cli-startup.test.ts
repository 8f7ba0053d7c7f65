// `--help`, `--version` and `help` start without loading any command: no SDK, no emulator, no config schema
// (issue 9 §3, issue 10 "Startup"). What a process loads is recorded by a loader hook rather than timed. The
// command list they print is the one the commands themselves declare.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands.js';
import { CLI, cleanEnv } from './helpers/cli.js';

const HOOK = fileURLToPath(new URL('./helpers/record-imports.mjs', import.meta.url));

function loadedBy(args: string[]): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'startup-')), 'loaded.txt');
  const run = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args], { env: cleanEnv({ RECORD_IMPORTS_TO: file }), encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(file, 'utf8').trim().split('\n');
}

const HEAVY = [/\/node_modules\/@alicloud\//, /\/node_modules\/@darabonba\//, /\/dist\/emulator\//, /\/dist\/config\//, /\/dist\/engine\//, /\/dist\/scan\//];

describe('startup', () => {
  for (const args of [['--help'], ['--version'], ['help']]) {
    it(`${args.join(' ')} loads no command, SDK or emulator`, () => {
      const loaded = loadedBy(args);
      expect(loaded.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
      expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
      expect(loaded.filter((url) => /-command\.js$/.test(url))).toEqual([]);
    });
  }

  it('loads the one command it runs', () => {
    const loaded = loadedBy(['policy']).filter((url) => /-command\.js$/.test(url));
    expect(loaded.map((url) => url.slice(url.lastIndexOf('/') + 1))).toEqual(['policy-command.js']);
  });

  it('lists each command as the command itself declares it', async () => {
    const help = new Help();
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name()).toBe(entry.name);
      expect(help.subcommandTerm(command)).toBe(entry.term);
    }
  });
});
