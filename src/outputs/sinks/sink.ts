// The one interface every sink implements: optional async hooks the CLI and the scheduled service call in
// order (onScanStart before collecting, onFindings with the final, muted findings, onScanEnd at the end).
import type { Finding, ReportHead, ScanInfo } from '../../findings/types.js';

export interface SinkSummary {
  sink: string;
  /** records (findings) accepted by the receiver in this run, spooled ones from earlier runs included */
  delivered: number;
  /** records waiting in the spool for the next run (earlier runs' included) */
  spooled: number;
  spoolDir: string;
  /** why delivery failed, without credentials */
  errors: string[];
}

export interface Sink {
  readonly name: string;
  onScanStart?(scan: ScanInfo): Promise<void>;
  /** the findings to send (read once, as they are produced), and the report they come from (its scan and its delta) */
  onFindings?(findings: Iterable<Finding>, report: ReportHead): Promise<void>;
  onScanEnd?(report: ReportHead): Promise<SinkSummary>;
}

export interface RetryPolicy {
  /** tries per batch, the first included */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** per request */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 15_000 };

export interface SinkOptions {
  /** where undeliverable batches wait; default `defaultSpoolDir()` */
  spoolDir?: string;
  retry?: Partial<RetryPolicy>;
  /** findings per request; default 100 */
  batchSize?: number;
  /** where tokens are read from; default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}
