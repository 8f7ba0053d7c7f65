// Request budgets shaped like Alibaba's: a regional API is metered per account and region, a global one
// (RAM, IMS, STS) per account and action. Each budget caps calls in flight and requests per second, so a
// large account is read as fast as its budgets allow and never faster, and every budget runs at once.
import pLimit, { type LimitFunction } from 'p-limit';
import type { CallSite } from './api-error.js';

export interface RateLimit {
  /** calls in flight at once */
  concurrency: number;
  /** sustained requests per second; a burst of `burst` may go out at once after an idle spell */
  requestsPerSecond: number;
  burst: number;
}

export interface RateLimitPolicy {
  /** regional APIs (ECS, VPC, ActionTrail, ...): one budget per product per region */
  regional: RateLimit;
  /** global APIs (RAM, IMS, STS): one budget per action, as Alibaba meters them */
  global: RateLimit;
}

/**
 * Alibaba publishes its API rate limits per API in the console's quota pages, not in the API metadata;
 * the limits seen for the read APIs an auditor calls are on the order of 100 per second per action (per
 * region for regional APIs). The defaults stay under that with a margin: burst + rate <= 95 in any second,
 * and a regional product shares one budget across its actions, so no single action can exceed it.
 */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  regional: { concurrency: 10, requestsPerSecond: 90, burst: 5 },
  global: { concurrency: 10, requestsPerSecond: 90, burst: 5 },
};

export type Clock = () => number;

/**
 * A token bucket that hands out reservations: each `reserve()` takes a token, possibly going into debt,
 * and says how long the caller must wait for it. Waiters are served in order at exactly the rate.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly rate: number;
  private readonly burst: number;
  private readonly clock: Clock;

  constructor(requestsPerSecond: number, burst: number, clock: Clock = performance.now.bind(performance)) {
    if (!(requestsPerSecond > 0) || !(burst >= 1)) {
      throw new RangeError(`a rate limit needs requestsPerSecond > 0 and burst >= 1 (got ${requestsPerSecond} and ${burst})`);
    }
    this.rate = requestsPerSecond / 1000;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock();
  }

  /** Take one token; the milliseconds to wait before using it (0 when one was at hand). */
  reserve(): number {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : -this.tokens / this.rate;
  }
}

interface Budget {
  slots: LimitFunction;
  bucket: TokenBucket;
}

/** The budgets of one scan, created on first use. */
export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();
  private readonly policy: RateLimitPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: Clock | undefined;

  constructor(policy: RateLimitPolicy, sleep: (ms: number) => Promise<void>, clock?: Clock) {
    this.policy = policy;
    this.sleep = sleep;
    this.clock = clock;
  }

  /** Run one request inside its budget: wait for a slot, then for a token, then send. */
  run<T>(site: CallSite, request: () => Promise<T>): Promise<T> {
    const budget = this.budgetFor(site);
    return budget.slots(async () => {
      const wait = budget.bucket.reserve();
      if (wait > 0) await this.sleep(wait);
      return request();
    });
  }

  private budgetFor(site: CallSite): Budget {
    const regional = site.region !== null;
    const key = regional ? `${site.service}/${site.region}` : `${site.service}:${site.action}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      const limit = regional ? this.policy.regional : this.policy.global;
      budget = { slots: pLimit(limit.concurrency), bucket: new TokenBucket(limit.requestsPerSecond, limit.burst, this.clock) };
      this.budgets.set(key, budget);
    }
    return budget;
  }
}
