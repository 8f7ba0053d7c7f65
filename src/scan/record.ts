// The record stage: a run stored in the history (aborted there when it fails), given its delta against the
// previous scan, and followed by the store's retention.
import type { StreamedReport } from '../findings/types.js';
import { recordScan, type StoredScan } from '../store/record.js';
import { reportDelta } from '../store/report-delta.js';
import type { AuditStore } from '../store/store.js';
import type { AuditPlan } from './plan.js';

export async function recordStage(plan: AuditPlan, store: AuditStore, scan: StoredScan, signal: AbortSignal | undefined): Promise<StreamedReport> {
  const recorded = await recordScan(store, scan, signal ?? new AbortController().signal);
  const retention = plan.config.store?.retention;
  if (retention) {
    const { deleted } = await store.applyRetention(retention);
    if (deleted > 0) plan.logger.info({ deleted }, 'retention: old scans deleted');
  }
  return { ...recorded.report, delta: reportDelta(recorded.diff) };
}
