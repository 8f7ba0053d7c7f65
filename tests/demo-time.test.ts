// The demo's dates move with the clock: scanned a year later, every age-based finding reads the same.
import { describe, expect, it } from 'vitest';
import { loadAccountModel } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules } from '../src/engine/index.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

async function statuses(asOf: Date): Promise<Map<string, string>> {
  const { inventory } = await scanThroughEmulator(await loadAccountModel(DEMO_ACCOUNT_FILE, { asOf }), { now: asOf });
  const findings = evaluate(inventory, await loadRules([BUNDLED_RULES_DIR]), { now: asOf });
  // the end-of-life table is the real calendar: whether an OS is still supported does change with time
  return new Map(findings.filter((finding) => finding.ruleId !== 'ecs-instance-os-supported').map((finding) => [finding.id, finding.status]));
}

describe('demo account time', () => {
  it('moves every date with asOf, so a later scan finds the same', async () => {
    const atReference = await statuses(new Date('2026-11-15T00:00:00Z'));
    const yearLater = await statuses(new Date('2027-11-20T06:00:00Z'));
    expect(atReference.size).toBeGreaterThan(50);
    expect(Object.fromEntries(yearLater)).toEqual(Object.fromEntries(atReference));
  });

  it('keeps the written dates without asOf', async () => {
    const model = await loadAccountModel(DEMO_ACCOUNT_FILE);
    const shifted = await loadAccountModel(DEMO_ACCOUNT_FILE, { asOf: new Date('2026-11-16T00:00:00Z') });
    expect(JSON.stringify(shifted)).not.toEqual(JSON.stringify(model));
    expect(JSON.stringify(model)).toContain('2026-07-15T08:30:00Z');
    expect(JSON.stringify(shifted)).toContain('2026-07-16T08:30:00Z');
  });
});
