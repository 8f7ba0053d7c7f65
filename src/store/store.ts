// The history store: every scan and every finding result per scan, behind an interface small enough that a
// server database can be added beside SQLite without touching the scan or the deltas.
import { AuditError } from '../errors.js';
import type { CollectionGap } from '../inventory/types.js';
import type { DutyCoverage, Finding, ReportHead, ReportSummary, ScanInfo, StreamedReport } from '../findings/types.js';

/**
 * running: begun, findings not committed yet. completed: the report and every finding were committed in one
 * transaction. aborted: the scan failed, was cancelled, or its process died; it has no findings and deltas
 * never use it.
 */
export const SCAN_STATES = ['running', 'completed', 'aborted'] as const;
export type ScanState = (typeof SCAN_STATES)[number];

/** What a completed scan assessed: deltas need it to tell "fixed" from "not looked at this time". */
export interface ScanCoverage {
  regions: string[];
  /** every rule that ran in the scan */
  rules: string[];
  gaps: CollectionGap[];
  duties: DutyCoverage[];
}

export interface ScanRecord {
  id: string;
  state: ScanState;
  startedAt: string;
  /** set once the scan is completed or aborted */
  finishedAt: string | null;
  /** the fields below come from the report, so they are null until the scan is completed */
  accountId: string | null;
  source: ScanInfo['source'] | null;
  toolVersion: string | null;
  apiCalls: number | null;
  incomplete: boolean | null;
  summary: ReportSummary | null;
  coverage: ScanCoverage | null;
  /** why an aborted scan was aborted */
  abortReason: string | null;
}

/** A completed scan: the only kind deltas compare. */
export type CompletedScanRecord = ScanRecord & {
  state: 'completed';
  finishedAt: string;
  accountId: string;
  summary: ReportSummary;
  coverage: ScanCoverage;
};

export interface BeginScanInit {
  /** defaults to a random UUID; the scan must then report this id as `report.scan.id` */
  id?: string;
  /** ISO timestamp; defaults to now */
  startedAt?: string;
}

export interface RetentionPolicy {
  /** keep the newest N completed scans */
  keepScans?: number;
  /** keep scans started within the last D days */
  keepDays?: number;
}

export interface ListScansQuery {
  state?: ScanState;
  /** newest first; defaults to every scan */
  limit?: number;
}

export interface AuditStore {
  /** Record a scan as running and return its id. */
  beginScan(init?: BeginScanInit): Promise<string>;
  /** Store the report and every finding (read once, as they are produced) and mark the scan completed, all in one transaction. */
  completeScan(scanId: string, report: StreamedReport): Promise<void>;
  /** Mark a running scan aborted; a scan that is not running is left as it is. */
  abortScan(scanId: string, reason: string): Promise<void>;
  /** Newest first. */
  listScans(query?: ListScansQuery): Promise<ScanRecord[]>;
  getScan(scanId: string): Promise<ScanRecord | undefined>;
  /** The findings of a completed scan; empty for a running or aborted one. */
  findingsFor(scanId: string): Promise<Finding[]>;
  /** The newest n completed scans, newest first. */
  lastCompleted(n: number): Promise<CompletedScanRecord[]>;
  /**
   * Delete completed and aborted scans beyond the policy (both limits apply when both are set). Running scans
   * and the newest completed scan are always kept, so the next delta still has its baseline.
   */
  applyRetention(policy: RetentionPolicy): Promise<{ deleted: number }>;
  close(): Promise<void>;
}

export function isCompleted(scan: ScanRecord): scan is CompletedScanRecord {
  return scan.state === 'completed';
}

export function scanCoverage(report: StreamedReport): ScanCoverage {
  return coverageOf(report, [...report.findings].map((finding) => finding.ruleId));
}

/** The coverage of a report whose findings came from `findingRules` (a rule may report without a duty listing it). */
export function coverageOf(report: ReportHead, findingRules: Iterable<string>): ScanCoverage {
  const rules = new Set(report.coverage.duties.flatMap((duty) => duty.rules));
  for (const rule of findingRules) rules.add(rule);
  return {
    regions: report.scan.regions,
    rules: [...rules].sort(),
    gaps: report.coverage.gaps,
    duties: report.coverage.duties,
  };
}

/**
 * The store cannot be used as asked. `AUDIT_CONFIG`: the database at the configured path cannot be opened or was
 * written by a newer version. `AUDIT_INTERNAL`: a scan's lifecycle was driven out of order (a bug, or a race
 * with another process that aborted a stale scan).
 */
export class StoreError extends AuditError {
  constructor(code: 'AUDIT_CONFIG' | 'AUDIT_INTERNAL', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
