// The request budgets: a token bucket that keeps any window under burst + rate, budgets keyed per product
// and region for regional APIs and per action for global ones, and a concurrency cap.
import { describe, expect, it } from 'vitest';
import type { CallSite } from '../src/cloud/api-error.js';
import { RateLimiter, TokenBucket, type RateLimitPolicy } from '../src/cloud/rate-limit.js';

/** A clock that only moves when the limiter sleeps. */
function virtualTime() {
  let now = 0;
  const sent: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    sent,
    mark: () => sent.push(now),
  };
}

const policy = (regional: number, global: number, concurrency = 100): RateLimitPolicy => ({
  regional: { concurrency, requestsPerSecond: regional, burst: 1 },
  global: { concurrency, requestsPerSecond: global, burst: 1 },
});

describe('TokenBucket', () => {
  it('hands out the burst at once, then one token per 1/rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0]);
    expect(bucket.reserve()).toBeCloseTo(100);
    expect(bucket.reserve()).toBeCloseTo(200);
    now = 1000;
    // the debt is paid and the bucket refilled, but never beyond the burst
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve(), bucket.reserve()].map(Math.round)).toEqual([0, 0, 0, 100]);
  });

  it.each([
    { name: 'a zero rate', rate: 0, burst: 1 },
    { name: 'a burst below one', rate: 5, burst: 0 },
  ])('rejects $name', ({ rate, burst }) => {
    expect(() => new TokenBucket(rate, burst)).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  const ecs = (region: string, action: string): CallSite => ({ service: 'ecs', region, action });
  const ram = (action: string): CallSite => ({ service: 'ram', region: null, action });

  it.each([
    { name: 'actions of one regional product in one region share a budget', sites: [ecs('cn-hangzhou', 'DescribeDisks'), ecs('cn-hangzhou', 'DescribeInstances')], last: 900 },
    { name: 'regions have budgets of their own', sites: [ecs('cn-hangzhou', 'DescribeDisks'), ecs('cn-shanghai', 'DescribeDisks')], last: 400 },
    { name: 'global actions have budgets of their own', sites: [ram('GetLoginProfile'), ram('ListAccessKeys')], last: 400 },
    { name: 'one global action is one budget', sites: [ram('GetLoginProfile'), ram('GetLoginProfile')], last: 900 },
  ])('$name', async ({ sites, last }) => {
    const time = virtualTime();
    const limiter = new RateLimiter(policy(10, 10), time.sleep, time.clock);
    await Promise.all(Array.from({ length: 10 }, (_, index) => limiter.run(sites[index % 2]!, async () => time.mark())));
    expect(Math.round(Math.max(...time.sent))).toBe(last);
  });

  it('keeps no more calls in flight than the concurrency allows', async () => {
    const limiter = new RateLimiter(policy(1e9, 1e9, 3), async () => {});
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run({ service: 'vpc', region: 'cn-hangzhou', action: 'DescribeVpcs' }, async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});
