// One scan: an inventory (collected live, or loaded from a snapshot), the rules evaluated on it, and the
// report. The CLI, the demo and the scheduled service all come through here.
import { randomUUID } from 'node:crypto';
import { evaluateFindings, type Rule } from '../engine/index.js';
import { ComplianceTally } from '../findings/compliance.js';
import { buildReportHead, ReportTally } from '../findings/report.js';
import type { Finding, Report, ScanInfo, StreamedReport } from '../findings/types.js';
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
  /** applied to each finding as it is made (the mutelist); must give the same answer every time */
  transform?: (finding: Finding) => Finding;
}

/**
 * The report of a scan with its findings streamed: they are evaluated once to count them for the head (summary,
 * coverage, incomplete), and again each time `findings` is read, so no one holds them all. Evaluation is
 * deterministic and a small part of a scan's time (a second at full scale), memory is what a large account
 * runs out of.
 */
export function evaluateScanStream(input: ScanInput, options: EvaluationOptions): StreamedReport {
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? new Date(input.inventory.collectedAt);
  const settings = { now, ...(options.params ? { params: options.params } : {}) };
  const { transform } = options;
  const findings: Iterable<Finding> = {
    *[Symbol.iterator]() {
      for (const finding of evaluateFindings(input.inventory, options.rules, settings)) yield transform ? transform(finding) : finding;
    },
  };
  const tally = new ReportTally();
  const compliance = new ComplianceTally();
  for (const finding of findings) {
    tally.add(finding);
    compliance.add(finding);
  }
  const head = buildReportHead({
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
    tally,
  });
  return { ...head, compliance: compliance.view(options.rules), findings };
}

/** The report with every finding in one array, for callers that need them all at once. */
export function evaluateScan(input: ScanInput, options: EvaluationOptions): Report {
  const report = evaluateScanStream(input, options);
  return { ...report, findings: [...report.findings] };
}
