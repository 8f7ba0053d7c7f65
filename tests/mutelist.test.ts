import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../src/errors.js';
import { EXIT_CODES, exitCodeFor } from '../src/findings/exit-status.js';
import { summarize } from '../src/findings/report.js';
import { applyMutelist, loadMutelist, parseMutelist } from '../src/findings/mutelist.js';
import type { Report, Severity } from '../src/findings/types.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
const NOW = new Date('2026-11-29T04:00:00Z');
const SSH = 'ecs-sg-ssh-open-internet:cn-hangzhou:sg-bp1fg655nh68xyz9i';
const RDP = 'ecs-sg-rdp-open-internet:cn-shanghai:sg-uf6dev0000rdp0001';
const PASS_SSH = 'ecs-sg-ssh-open-internet:cn-hangzhou:sg-bp1internal00001';
const TRAIL_ERROR = 'actiontrail-multi-region:global:audit-trail';
const MFA = 'ram-user-mfa:global:alice';
const LEGACY = 'ecs-instance-keypair-login:cn-shanghai:i-uf6legacy000000001';
const NACL = 'vpc-nacl-risky-ports:cn-shanghai:nacl-uf6acl000000001';
const PASSWORD_POLICY = 'ram-password-policy-length:global:1234567890123456';

function mutedIds(yaml: string, now = NOW): string[] {
  const { report } = applyMutelist(sample, parseMutelist(yaml, 'mute.yaml'), now);
  return report.findings.filter((f) => f.status === 'muted').map((f) => f.id);
}

describe('mutelist matching', () => {
  it.each([
    { name: 'exact rule', entry: 'rule: ecs-sg-rdp-open-internet', muted: [RDP] },
    { name: 'rule glob mutes fails and passes', entry: 'rule: ecs-sg-*', muted: [SSH, RDP, PASS_SSH] },
    { name: 'rule + resource glob', entry: 'rule: "ecs-sg-*"\n    resource: sg-bp1f*', muted: [SSH] },
    { name: '? matches one character', entry: 'rule: ecs-sg-???-open-internet\n    region: cn-shanghai', muted: [RDP] },
    { name: 'region glob', entry: 'rule: "*"\n    region: cn-sh*', muted: [RDP, LEGACY, NACL] },
    { name: 'global resources match region "global"', entry: 'rule: ram-*\n    region: global', muted: [MFA, PASSWORD_POLICY] },
    { name: 'tags must all match', entry: 'rule: "*"\n    tags: { env: prod, team: w* }', muted: [SSH] },
    { name: 'a tag the resource lacks never matches', entry: 'rule: "*"\n    tags: { owner: "*" }', muted: [] },
    { name: 'patterns are anchored', entry: 'rule: sg-ssh', muted: [] },
    { name: 'dots are literal', entry: 'rule: ecs.sg.ssh.open.internet', muted: [] },
    { name: 'an error is never muted', entry: 'rule: actiontrail-*', muted: [] },
  ])('$name', ({ entry, muted }) => {
    // the fixture's already-muted finding keeps its mute only if this list mutes it again
    expect(mutedIds(`mutes:\n  - ${entry}\n    reason: accepted risk\n`).sort()).toEqual([...muted].sort());
  });

  it('keeps the original status and the reason, and recounts summary and duties', () => {
    const list = parseMutelist('mutes:\n  - rule: ecs-sg-ssh-open-internet\n    reason: bastion host, SEC-7\n', 'm.yaml');
    const { report, warnings } = applyMutelist(sample, list, NOW);
    expect(warnings).toEqual([]);
    expect(report.findings.find((f) => f.id === SSH)).toMatchObject({ status: 'muted', mutedStatus: 'fail', reason: 'bastion host, SEC-7' });
    expect(report.findings.find((f) => f.id === PASS_SSH)).toMatchObject({ status: 'muted', mutedStatus: 'pass' });
    expect(report.findings.find((f) => f.id === TRAIL_ERROR)).toMatchObject({ status: 'error' });
    // the fixture's LEGACY mute is not in this list: it is a fail again, without the old reason
    const legacy = report.findings.find((f) => f.id === LEGACY)!;
    expect(legacy.status).toBe('fail');
    expect(legacy).not.toHaveProperty('reason');
    expect(legacy).not.toHaveProperty('mutedStatus');
    expect(report.summary.byStatus).toEqual({ pass: 2, fail: 8, error: 2, muted: 2 });
    expect(report.summary.failBySeverity.high).toBe(2);
    expect(report.coverage.duties.find((d) => d.duty === 'security-groups')!.counts).toEqual({ pass: 0, fail: 1, error: 0, muted: 2 });
    expect(sample.findings.find((f) => f.id === SSH)!.status).toBe('fail');
  });
});

describe('mutelist expiry', () => {
  const entry = (expires: string) => `mutes:\n  - rule: ecs-sg-rdp-open-internet\n    reason: migration window\n    expires: ${expires}\n`;

  it.each([
    { name: 'a date mutes through the end of that UTC day', expires: '2026-11-29', now: '2026-11-29T23:59:59Z', muted: true },
    { name: 'a date ends at the next UTC midnight', expires: '2026-11-29', now: '2026-11-30T00:00:00Z', muted: false },
    { name: 'a past date', expires: '2025-01-01', now: '2026-11-29T04:00:00Z', muted: false },
    { name: 'a timestamp ends at that instant', expires: '2026-11-29T04:00:00+08:00', now: '2026-11-28T20:00:00Z', muted: false },
    { name: 'a future timestamp', expires: '2026-11-29T05:00:00Z', now: '2026-11-29T04:00:00Z', muted: true },
  ])('$name', ({ expires, now, muted }) => {
    const { report, warnings } = applyMutelist(sample, parseMutelist(entry(expires), 'mute.yaml'), new Date(now));
    expect(report.findings.find((f) => f.id === RDP)!.status).toBe(muted ? 'muted' : 'fail');
    expect(warnings).toEqual(
      muted ? [] : [`mute.yaml:2: the mute for rule "ecs-sg-rdp-open-internet" expired on ${expires} and no longer applies; renew or remove it.`],
    );
  });
});

describe('mutelist validation', () => {
  it.each([
    { name: 'YAML syntax', text: 'mutes:\n  - rule: [a\n', message: /^bad\.yaml:\d+: / },
    { name: 'missing reason', text: 'mutes:\n  - rule: a\n    reason: x\n  - rule: b\n    reason: ""\n', message: 'bad.yaml:5: mutes.1.reason: a mute needs a reason' },
    { name: 'missing rule', text: 'mutes:\n  - reason: x\n', message: 'bad.yaml:2: mutes.0.rule: is required' },
    { name: 'a typo in a key', text: 'mutes:\n  - rule: a\n    reason: b\n    resouce: i-1\n', message: /^bad\.yaml:4: mutes\.0\.resouce: Unrecognized key/ },
    { name: 'a bad date', text: 'mutes:\n  - rule: a\n    reason: b\n    expires: 31/12/2026\n', message: 'bad.yaml:4: mutes.0.expires: expected a date (YYYY-MM-DD) or an ISO timestamp with a zone (2027-03-31T00:00:00Z)' },
    { name: 'an impossible date', text: 'mutes:\n  - rule: a\n    reason: b\n    expires: 2026-02-30\n', message: /^bad\.yaml:4: mutes\.0\.expires/ },
    { name: 'no mutes key', text: 'rules: []\n', message: /^bad\.yaml:1: / },
  ])('reports $name with file and line', ({ text, message }) => {
    let error: unknown;
    try {
      parseMutelist(text, 'bad.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).code).toBe('AUDIT_CONFIG');
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  });

  it('records each entry line and loads from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-mute-'));
    const file = join(dir, 'mutelist.yaml');
    await writeFile(file, '# accepted risks\nmutes:\n  - rule: a\n    reason: x\n\n  - rule: b\n    reason: y\n');
    const list = await loadMutelist(file);
    expect(list.entries.map((e) => [e.rule, e.line])).toEqual([['a', 3], ['b', 6]]);
    await expect(loadMutelist(join(dir, 'absent.yaml'))).rejects.toThrow(/absent\.yaml: cannot read the mutelist/);
  });
});

describe('exitCodeFor', () => {
  // the cases edit findings; the exit code is read from the counts, so they are recounted
  const counted = (report: Report): Report => ({ ...report, summary: summarize(report.findings) });
  const complete = (report: Report): Report => ({
    ...report,
    scan: { ...report.scan, incomplete: false },
    findings: report.findings.filter((f) => f.status !== 'error'),
  });
  const onlyStatus = (status: 'pass' | 'muted'): Report => ({
    ...complete(sample),
    findings: complete(sample).findings.map((f) => (f.status === 'fail' ? { ...f, status, mutedStatus: 'fail', reason: 'r' } : f)),
  });

  it.each<{ name: string; report: Report; failOn?: Severity; code: number }>([
    { name: 'a complete scan without threshold', report: complete(sample), code: EXIT_CODES.ok },
    { name: 'a fail at the threshold', report: complete(sample), failOn: 'critical', code: EXIT_CODES.failing },
    { name: 'a fail above the threshold', report: complete(sample), failOn: 'info', code: EXIT_CODES.failing },
    { name: 'muted fails do not count', report: onlyStatus('muted'), failOn: 'info', code: EXIT_CODES.ok },
    { name: 'an incomplete scan', report: sample, code: EXIT_CODES.incomplete },
    { name: 'failing wins over incomplete', report: sample, failOn: 'high', code: EXIT_CODES.failing },
    {
      name: 'error findings make it incomplete even when the scan says complete',
      report: { ...complete(sample), findings: sample.findings.filter((f) => f.status !== 'fail') },
      failOn: 'low',
      code: EXIT_CODES.incomplete,
    },
  ])('$name -> $code', ({ report, failOn, code }) => {
    expect(exitCodeFor(counted(report), failOn)).toBe(code);
  });

  it('counts only severities at or above the threshold', () => {
    const lowOnly: Report = { ...complete(sample), findings: complete(sample).findings.filter((f) => f.status !== 'fail' || f.severity === 'low') };
    expect(exitCodeFor(counted(lowOnly), 'medium')).toBe(EXIT_CODES.ok);
    expect(exitCodeFor(counted(lowOnly), 'low')).toBe(EXIT_CODES.failing);
  });
});
