// One scan: an inventory (collected live, or loaded from a snapshot), the rules evaluated on it, and the
// report. The CLI, the demo and the scheduled service all come through here.
import { randomUUID } from 'node:crypto';
import { buildReport, evaluate, type Rule } from '../engine/index.js';
import type { Report, ScanInfo } from '../findings/types.js';
import type { Inventory } from '../inventory/types.js';
import { TOOL_VERSION } from '../version.js';

export interface ScanInput {
  inventory: Inventory;
  source: ScanInfo['source'];
  startedAt: Date;
  apiCalls: number;
}

export interface EvaluationOptions {
  rules: Rule[];
  /** the time ages are measured against: the collection time for a snapshot, now for a live scan */
  now?: Date;
  params?: Record<string, Record<string, unknown>>;
  clock?: () => Date;
  /** the id the history store gave the scan (`recordScan`); default a random UUID */
  scanId?: string;
}

export function evaluateScan(input: ScanInput, options: EvaluationOptions): Report {
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? new Date(input.inventory.collectedAt);
  const findings = evaluate(input.inventory, options.rules, { now, ...(options.params ? { params: options.params } : {}) });
  return buildReport({
    scan: {
      id: options.scanId ?? randomUUID(),
      startedAt: input.startedAt.toISOString(),
      finishedAt: clock().toISOString(),
      accountId: input.inventory.accountId,
      regions: input.inventory.regions,
      source: input.source,
      toolVersion: TOOL_VERSION,
      apiCalls: input.apiCalls,
    },
    inventory: input.inventory,
    rules: options.rules,
    findings,
  });
}
