// The demo accounts exercise the whole catalogue: across the demo, the compliant demo and the no-SSO demo,
// scanned through the emulator like a live account, every rule both fails and passes somewhere, and the demo
// has no error.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAccountModel } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import { DUTY_IDS } from '../src/findings/duties.js';
import { buildReport } from '../src/findings/report.js';
import type { Finding } from '../src/findings/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

/** the demo's dates are written relative to this scan time */
const SCANNED_AT = new Date('2026-11-15T00:00:00Z');
const COMPLIANT_FILE = fileURLToPath(new URL('../fixtures/demo/account-compliant.json', import.meta.url));
const NO_SSO_FILE = fileURLToPath(new URL('../fixtures/demo/account-no-sso.json', import.meta.url));

let rules: Rule[];
const findings: Record<'demo' | 'compliant' | 'noSso', Finding[]> = { demo: [], compliant: [], noSso: [] };

async function scan(file: string): Promise<Finding[]> {
  const { inventory } = await scanThroughEmulator(await loadAccountModel(file), { now: SCANNED_AT });
  return evaluate(inventory, rules, { now: SCANNED_AT });
}

beforeAll(async () => {
  rules = await loadRules([BUNDLED_RULES_DIR]);
  findings.demo = await scan(DEMO_ACCOUNT_FILE);
  findings.compliant = await scan(COMPLIANT_FILE);
  findings.noSso = await scan(NO_SSO_FILE);
});

const statusesOf = (ruleId: string) =>
  new Set([...findings.demo, ...findings.compliant, ...findings.noSso].filter((finding) => finding.ruleId === ruleId).map((finding) => finding.status));

describe('demo accounts', () => {
  it('make every rule fail somewhere', () => {
    expect(rules.filter((rule) => !statusesOf(rule.id).has('fail')).map((rule) => rule.id)).toEqual([]);
  });

  it('make every rule pass somewhere', () => {
    expect(rules.filter((rule) => !statusesOf(rule.id).has('pass')).map((rule) => rule.id)).toEqual([]);
  });

  it('leave no rule in error in the demo', () => {
    const errors = findings.demo.filter((finding) => finding.status === 'error');
    expect(errors.map((finding) => `${finding.ruleId} ${finding.resource.id}: ${finding.reason}`)).toEqual([]);
  });

  it('show every duty in the coverage matrix, assessed where a rule exists', () => {
    const report = buildReport({
      scan: { id: 'demo', startedAt: SCANNED_AT.toISOString(), finishedAt: SCANNED_AT.toISOString(), accountId: 'demo', regions: [], source: 'demo', toolVersion: 'test', apiCalls: 0 },
      inventory: { schemaVersion: 1, accountId: 'demo', collectedAt: SCANNED_AT.toISOString(), regions: [], resources: {} as never, gaps: [] },
      rules,
      findings: findings.demo,
    });
    expect(report.coverage.duties.map((entry) => entry.duty)).toEqual(DUTY_IDS);
    for (const entry of report.coverage.duties) {
      if (entry.rules.length > 0) expect(entry.state, entry.duty).toBe('assessed');
      else expect(entry.note, entry.duty).toMatch(/^Not assessed: needs/);
    }
  });
});
