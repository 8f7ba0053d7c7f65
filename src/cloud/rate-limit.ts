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
  /** calls in flight across every budget at once (default: no cap beyond the budgets' own) */
  overall?: number;
}

/**
 * Alibaba publishes its API rate limits per API in the console's quota pages, not in the API metadata;
 * the limits seen for the read APIs an auditor calls are on the order of 100 per second per action (per
 * region for regional APIs). The defaults stay under that with a margin: burst + rate <= 95 in any second,
 * and a regional product shares one budget across its actions, so no single action can exceed it.
 * A global budget is one action for the whole account (a call per user): its rate, not its concurrency,
 * must be the limit, so 64 in flight keep 90 per second going while a call takes up to 700 ms, as calls
 * do while every region's first pages are read (10 let it fall to 30 per second then). A regional budget
 * has twenty siblings running beside it.
 */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  regional: { concurrency: 10, requestsPerSecond: 90, burst: 5 },
  global: { concurrency: 64, requestsPerSecond: 90, burst: 5 },
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

/**
 * The sends of the last second, timed when they really go out. The bucket's reservations keep their times
 * only while the event loop does: after a stall every overdue caller wakes at once, and a server counting
 * its own one-second windows then sees more than the rate (measured: 113 sends in one second from a 90 per
 * second budget, answered with Throttling.User). The window holds such callers back.
 */
export class SendWindow {
  private readonly sent: number[] = [];
  private readonly limit: number;
  private readonly clock: Clock;

  constructor(perSecond: number, clock: Clock = performance.now.bind(performance)) {
    this.limit = Math.max(1, Math.ceil(perSecond));
    this.clock = clock;
  }

  /** 0 when a send may go out now (it is counted); else the milliseconds to wait before asking again. */
  admit(): number {
    const now = this.clock();
    while (this.sent.length > 0 && this.sent[0]! <= now - 1000) this.sent.shift();
    if (this.sent.length < this.limit) {
      this.sent.push(now);
      return 0;
    }
    return this.sent[0]! + 1000 - now;
  }
}

interface Budget {
  slots: LimitFunction;
  bucket: TokenBucket;
  window: SendWindow;
}

/** The budgets of one scan, created on first use. */
export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();
  private readonly policy: RateLimitPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: Clock | undefined;
  private readonly overall: LimitFunction | undefined;

  constructor(policy: RateLimitPolicy, sleep: (ms: number) => Promise<void>, clock?: Clock) {
    this.policy = policy;
    this.sleep = sleep;
    this.clock = clock;
    this.overall = policy.overall === undefined ? undefined : pLimit(policy.overall);
  }

  /** Run one request inside its budget: wait for a slot (and an overall one), then for a token and room in the window, then send. */
  run<T>(site: CallSite, request: () => Promise<T>): Promise<T> {
    const budget = this.budgetFor(site);
    const send = async () => {
      const wait = budget.bucket.reserve();
      if (wait > 0) await this.sleep(wait);
      for (let late = budget.window.admit(); late > 0; late = budget.window.admit()) await this.sleep(late);
      return request();
    };
    const overall = this.overall;
    return budget.slots(overall ? () => overall(send) : send);
  }

  private budgetFor(site: CallSite): Budget {
    const regional = site.region !== null;
    const key = regional ? `${site.service}/${site.region}` : `${site.service}:${site.action}`;
    let budget = this.budgets.get(key);
    if (!budget) {
      const limit = regional ? this.policy.regional : this.policy.global;
      budget = {
        slots: pLimit(limit.concurrency),
        bucket: new TokenBucket(limit.requestsPerSecond, limit.burst, this.clock),
        window: new SendWindow(limit.requestsPerSecond, this.clock),
      };
      this.budgets.set(key, budget);
    }
    return budget;
  }
}
