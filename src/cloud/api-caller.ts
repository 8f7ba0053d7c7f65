// Every API call of every collector goes through ApiCaller.call: request budgets that learn each API's
// rate limit (rate-limit.ts), retries with jittered exponential backoff for what is transient, classification and
// redaction of errors, and call accounting. Collectors never retry or catch on their own.
import type { Logger } from 'pino';
import { ApiError, toApiError, type CallSite } from './api-error.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, budgetKey, type CallOutcome, type Clock, type RateLimitPolicy } from './rate-limit.js';
import type { Redactor } from './redact.js';

export interface RetryPolicy {
  /** attempts in all, the first included */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** no new attempt starts after this much time on one call */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 10_000, maxElapsedMs: 90_000 };

export interface CallStats {
  calls: number;
  retries: number;
  failures: number;
  byAction: Record<string, { calls: number; retries: number; failures: number }>;
  /** retries by the error code that caused them (an API code, or a network code such as ECONNRESET) */
  retriesByCode: Record<string, number>;
}

export interface ApiCallerOptions {
  redactor: Redactor;
  logger: Logger;
  retry?: RetryPolicy;
  limits?: RateLimitPolicy;
  /** injectable for tests: the backoff between attempts */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** injectable for tests: the rate limiter's waits and clock (milliseconds) */
  pacing?: { sleep: (ms: number) => Promise<void>; clock: Clock };
  /** stops the collection: no new attempt starts once it is aborted */
  signal?: AbortSignal;
}

/** A call that got no answer tells its budget nothing; any other answer but throttling was within it. */
function outcomeOf(error: ApiError): CallOutcome {
  if (error.kind === 'throttled') return { kind: 'throttled', retryAfterMs: error.retryAfterMs };
  return error.kind === 'network' || error.kind === 'timeout' ? { kind: 'lost' } : { kind: 'answered' };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ApiCaller {
  readonly stats: CallStats = { calls: 0, retries: 0, failures: 0, byAction: {}, retriesByCode: {} };
  private readonly limiter: RateLimiter;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly options: ApiCallerOptions;

  constructor(options: ApiCallerOptions) {
    this.options = options;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? defaultSleep;
    this.limiter = new RateLimiter(options.limits ?? DEFAULT_RATE_LIMITS, options.pacing?.sleep ?? defaultSleep, options.pacing?.clock);
    this.random = options.random ?? Math.random;
  }

  /** Run one API request with limits and retries; throws a classified ApiError. */
  /**
   * `absentWhen`: error codes that answer "there is none" (RAM's 404 for a user without MFA): thrown like any
   * error, but a fact, so not counted as a failure in the stats and metrics.
   */
  async call<T>(site: CallSite, request: () => Promise<T>, absentWhen: readonly string[] = []): Promise<T> {
    const started = Date.now();
    const counter = this.counterFor(site);
    for (let attempt = 1; ; attempt++) {
      this.options.signal?.throwIfAborted();
      this.stats.calls++;
      counter.calls++;
      this.options.logger.trace({ site, attempt }, 'api call');
      const permit = await this.limiter.acquire(site);
      try {
        const result = await request();
        permit.settle({ kind: 'answered' });
        return result;
      } catch (raw) {
        const error = toApiError(raw, site, this.options.redactor);
        const learned = this.limiter.learnedFor(site);
        permit.settle(outcomeOf(error));
        const relearned = this.limiter.learnedFor(site);
        if (relearned !== learned) this.options.logger.debug({ budget: budgetKey(site), perSecond: relearned }, 'api budget learned');
        const elapsed = Date.now() - started;
        const delay = this.backoff(attempt, error);
        if (absentWhen.includes(error.apiCode)) throw error;
        if (!error.retryable || attempt >= this.retry.maxAttempts || elapsed + delay > this.retry.maxElapsedMs) {
          this.stats.failures++;
          counter.failures++;
          this.options.logger.debug({ site, code: error.apiCode, kind: error.kind, attempt }, 'api call failed');
          throw error;
        }
        this.stats.retries++;
        counter.retries++;
        this.stats.retriesByCode[error.apiCode] = (this.stats.retriesByCode[error.apiCode] ?? 0) + 1;
        this.options.logger.debug({ site, code: error.apiCode, attempt, delay }, 'api call retried');
        await this.sleep(delay);
      }
    }
  }

  /** What each budget has learned (key -> requests per second; undefined: never throttled). */
  learnedBudgets(): Record<string, number | undefined> {
    return this.limiter.learned();
  }

  private backoff(attempt: number, error: ApiError): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    // full jitter spreads retries of many concurrent callers; the server's own hint is a floor
    const jittered = Math.round(this.random() * ceiling);
    return Math.max(jittered, error.retryAfterMs ?? 0);
  }

  private counterFor(site: CallSite) {
    const key = `${site.service}:${site.action}`;
    return (this.stats.byAction[key] ??= { calls: 0, retries: 0, failures: 0 });
  }
}
