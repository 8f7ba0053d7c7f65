// The compliance view on the demo, against the CIS table of rules/README.md: the 85 controls of CIS 2.0.0, the
// automated ones with the rules the README names, every other one manual or not covered.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_RULES_DIR, loadRules } from '../src/engine/index.js';
import type { Report } from '../src/findings/types.js';
import { runCli } from './helpers/cli.js';

let readmeTable: Map<string, string[]>;
let report: Report;

beforeAll(async () => {
  const readme = await readFile(new URL('../rules/README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## CIS Alibaba Cloud Foundations Benchmark 2.0.0 controls used'));
  readmeTable = new Map(
    [...section.matchAll(/^\| (\d+\.\d+) \| .* \| ([a-z0-9, ()-]+?) \|$/gm)].map((match) => [
      match[1] as string,
      (match[2] as string).replace(/\([^)]*\)/g, '').split(',').map((id) => id.trim()).filter(Boolean).sort(),
    ]),
  );
  const result = await runCli(['scan', '--demo', '--format', 'json']);
  report = JSON.parse(result.stdout) as Report;
});

describe('compliance view of the demo', () => {
  it('lists the 85 controls, mapped exactly as rules/README.md says', () => {
    const view = report.compliance;
    expect(view?.controls).toHaveLength(85);
    // sections 1-4 and 8 (58 controls) less 2.2-2.5; OSS, RDS and ACK (sections 5-7) are not collected yet
    expect(readmeTable.size).toBe(54);
    for (const control of view?.controls ?? []) {
      const expected = readmeTable.get(control.control);
      if (expected) {
        expect([control.control, [...control.rules].sort()]).toEqual([control.control, expected]);
        expect(['pass', 'fail', 'error']).toContain(control.status);
      } else {
        expect([control.control, control.rules]).toEqual([control.control, []]);
        expect(['manual', 'not-covered']).toContain(control.status);
        expect(control.note).toBeTruthy();
      }
    }
    const totals = view?.totals;
    expect((totals?.pass ?? 0) + (totals?.fail ?? 0) + (totals?.error ?? 0)).toBe(54);
  });

  it('counts each control from its findings: a failing finding fails it', () => {
    for (const control of report.compliance?.controls ?? []) {
      const findings = report.findings.filter((finding) => finding.compliance.some((ref) => ref.control === control.control));
      expect(control.counts.fail).toBe(findings.filter((finding) => finding.status === 'fail').length);
      if (control.counts.fail > 0) expect(control.status).toBe('fail');
    }
  });

  it('the bundled rules map no control outside the catalogue', async () => {
    const ids = new Set(report.compliance?.controls.map((control) => control.control));
    for (const rule of await loadRules([BUNDLED_RULES_DIR])) for (const entry of rule.cis) expect(ids).toContain(entry.control);
  });
});
