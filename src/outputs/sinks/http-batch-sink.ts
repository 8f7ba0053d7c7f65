// What the Splunk HEC and webhook sinks share: findings encoded one record per line, posted in batches,
// retried with jittered exponential backoff, and spooled to disk when the receiver stays unavailable.
// Spooled batches go out first on the next run; once a batch fails, later batches of the run are spooled
// without trying, so the receiver sees them in order and a down SIEM does not stall the scan per batch.
// Delivery is at least once: a receiver that accepted a batch but whose answer was lost gets it again.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Finding, ReportHead } from '../../findings/types.js';
import { DEFAULT_RETRY } from './sink.js';
import type { RetryPolicy, Sink, SinkOptions } from './sink.js';
import { defaultSpoolDir, Spool } from './spool.js';

export interface HttpBatchSinkConfig {
  name: string;
  url: URL;
  /** credentials included: never logged, never spooled */
  headers: Readonly<Record<string, string>>;
  encode(finding: Finding, report: ReportHead): string;
}

type Outcome = { ok: true } | { ok: false; retryable: boolean; message: string; retryAfterMs?: number };

const DEFAULT_BATCH_SIZE = 100;
const MAX_ERROR_BODY = 200;

/** The URL without credentials or query, for messages. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function retryAfterMs(header: string | null): number | undefined {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfter?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.min(policy.maxDelayMs, retryAfter ?? Math.random() * ceiling);
}

export function createHttpBatchSink(config: HttpBatchSinkConfig, options: SinkOptions = {}): Sink {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const spool = new Spool(
    join(options.spoolDir ?? defaultSpoolDir(options.env), `${config.name}-${createHash('sha256').update(config.url.href).digest('hex').slice(0, 12)}`),
  );
  const target = `${config.name} ${displayUrl(config.url)}`;
  const summary = { sink: config.name, delivered: 0, spoolDir: spool.dir, errors: [] as string[] };
  let blocked = false;
  let drained: Promise<void> | undefined;

  async function post(body: string): Promise<Outcome> {
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: config.headers,
        body,
        signal: AbortSignal.timeout(retry.timeoutMs),
      });
      if (response.ok) {
        await response.body?.cancel();
        return { ok: true };
      }
      const text = (await response.text()).slice(0, MAX_ERROR_BODY).trim();
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
      return {
        ok: false,
        retryable,
        message: `HTTP ${response.status}${text ? ` ${text}` : ''}`,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      };
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      return { ok: false, retryable: true, message: cause?.message ?? (error as Error).message };
    }
  }

  /** true when the receiver accepted the batch; otherwise records why in the summary. */
  async function deliver(body: string): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await post(body);
      if (outcome.ok) return true;
      if (!outcome.retryable || attempt + 1 >= retry.attempts) {
        summary.errors.push(`${target}: ${outcome.message} after ${attempt + 1} attempt(s)`);
        return false;
      }
      await sleep(backoffDelay(retry, attempt, outcome.retryAfterMs));
    }
  }

  const recordCount = (body: string): number => body.split('\n').filter(Boolean).length;

  async function drainSpool(): Promise<void> {
    for (const file of await spool.list()) {
      const body = await spool.read(file);
      if (!(await deliver(body))) {
        blocked = true;
        return;
      }
      await spool.remove(file);
      summary.delivered += recordCount(body);
    }
  }

  const drainOnce = (): Promise<void> => (drained ??= drainSpool());

  return {
    name: config.name,
    onScanStart: drainOnce,
    async onFindings(findings, report) {
      await drainOnce();
      const send = async (body: string) => {
        if (!blocked && (await deliver(body))) {
          summary.delivered += recordCount(body);
          return;
        }
        blocked = true;
        await spool.add(body);
      };
      let batch: string[] = [];
      for (const finding of findings) {
        batch.push(`${config.encode(finding, report)}\n`);
        if (batch.length < batchSize) continue;
        await send(batch.join(''));
        batch = [];
      }
      if (batch.length > 0) await send(batch.join(''));
    },
    async onScanEnd() {
      let waiting = 0;
      for (const file of await spool.list()) waiting += recordCount(await spool.read(file));
      return { ...summary, spooled: waiting, errors: [...summary.errors] };
    },
  };
}
