import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutiesCommand } from '../src/cli/duties-command.js';
import { DUTIES } from '../src/findings/duties.js';
import type { DutyCoverage } from '../src/findings/types.js';

async function run(args: string[]): Promise<string[]> {
  let text = '';
  await dutiesCommand({ out: (chunk) => void (text += chunk) }).parseAsync(args, { from: 'user' });
  return text.trimEnd().split('\n');
}

describe('duties command', () => {
  it('without a report lists every duty with the rules that assess it or the note', async () => {
    const [header, ...rows] = await run([]);
    expect(header).toBe('duty\tgroup\tstate\trules\trules / note');
    expect(rows.map((row) => row.split('\t')[0])).toEqual(DUTIES.map((duty) => duty.id));
    expect(rows.find((row) => row.startsWith('security-groups\t'))).toMatch(/\thas-rules\t.*ecs-sg-ssh-internet/);
    expect(rows.find((row) => row.startsWith('waf\t'))).toMatch(/\thas-rules\t.*waf-web-instance-protected/);
  });

  it('with a report prints its states and counts', async () => {
    const duty: DutyCoverage = {
      duty: 'kms',
      title: 'Keys managed in KMS',
      group: 'Data',
      state: 'partial',
      rules: ['kms-key-rotation'],
      counts: { pass: 1, fail: 2, error: 1, muted: 0 },
    };
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'duties-')), 'report.json');
    await writeFile(file, JSON.stringify({ coverage: { duties: [duty], gaps: [] } }));
    expect(await run(['--report', file])).toEqual([
      'duty\tgroup\tstate\trules\tcounts / note',
      'kms\tData\tpartial\tkms-key-rotation\tpass=1 fail=2 error=1 muted=0',
    ]);
  });

  it('refuses a file that is not a report', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'duties-')), 'other.json');
    await writeFile(file, '{"findings": []}');
    await expect(run(['--report', file])).rejects.toThrow(/not an alicloud-audit JSON report/);
  });
});
