// One scan recorded in the store: begun as running, completed with its findings in one transaction, or aborted
// with a reason when it throws or is cancelled; then its delta against the history.
import type { StreamedReport } from '../findings/types.js';
import { deltaForScan, type ScanDiff } from './diff.js';
import type { AuditStore } from './store.js';

export interface StoredScanContext {
  /** the scan must report this id as `report.scan.id` */
  scanId: string;
  signal: AbortSignal;
}

export type StoredScan<R extends StreamedReport = StreamedReport> = (context: StoredScanContext) => Promise<R>;

export interface RecordedScan<R extends StreamedReport = StreamedReport> {
  report: R;
  diff: ScanDiff;
}

function abortReason(error: unknown, signal: AbortSignal): string {
  const message = error instanceof Error ? error.message : String(error);
  return signal.aborted ? `cancelled: ${message}` : `failed: ${message}`;
}

export async function recordScan<R extends StreamedReport>(store: AuditStore, scan: StoredScan<R>, signal: AbortSignal): Promise<RecordedScan<R>> {
  const scanId = await store.beginScan();
  let report: R;
  try {
    report = await scan({ scanId, signal });
    await store.completeScan(scanId, report);
  } catch (error) {
    await store.abortScan(scanId, abortReason(error, signal));
    throw error;
  }
  return { report, diff: await deltaForScan(store, scanId) };
}
