// One run of a plan, the stages in order: collect (src/scan/inventory.ts), evaluate with the mutelist applied to
// each finding (run-scan.ts, mute.ts), and with a store, record (record.ts). The command then delivers the
// report (deliver.ts).
import type { CallStats } from '../cloud/api-caller.js';
import type { StreamedReport } from '../findings/types.js';
import { serializeSnapshot } from '../inventory/snapshot.js';
import { writeOutputAtomic } from '../outputs/write-atomic.js';
import type { AuditStore } from '../store/store.js';
import { collectInventory, type OnAccount } from './inventory.js';
import { muteStage } from './mute.js';
import type { AuditPlan } from './plan.js';
import { recordStage } from './record.js';
import { evaluateScanStream } from './run-scan.js';

export interface AuditRun {
  /** with `delta` when recorded in a store; its findings are evaluated again each time they are read */
  report: StreamedReport;
  /** the API calls of a live or demo collection */
  stats: CallStats | undefined;
}

/** Rejects as soon as `signal` aborts: a collection cannot be cut short, but the run must give up. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function scanOnce(plan: AuditPlan, scanId: string | undefined, signal: AbortSignal | undefined, onAccount?: OnAccount): Promise<AuditRun> {
  const { input, stats } = await unlessAborted(collectInventory(plan, signal, onAccount), signal);
  if (plan.snapshotOut !== undefined) await writeOutputAtomic(plan.snapshotOut, serializeSnapshot(input.inventory));
  const transform = muteStage(plan, new Date());
  const report = evaluateScanStream(input, {
    rules: plan.rules,
    params: plan.config.ruleParams,
    ...(scanId ? { scanId } : {}),
    ...(transform ? { transform } : {}),
  });
  return { report, stats };
}

/** One run; with a store, recorded there, given its delta, and followed by retention. */
export async function runAudit(plan: AuditPlan, store: AuditStore | undefined, signal?: AbortSignal): Promise<AuditRun> {
  if (!store) return scanOnce(plan, undefined, signal);
  let stats: CallStats | undefined;
  const report = await recordStage(
    plan,
    store,
    async (context) => {
      const run = await scanOnce(plan, context.scanId, context.signal, context.claimAccount);
      stats = run.stats;
      return run.report;
    },
    signal,
  );
  return { report, stats };
}
