// Limiter behaviour the benchmark depends on: the overall in-flight cap of its sequential reference
// (budgets that would run side by side wait for one another), and the send window that keeps a budget
// under its rate in every second even when overdue callers all wake at once after an event-loop stall.
import { describe, expect, it } from 'vitest';
import type { CallSite } from '../src/cloud/api-error.js';
import { RateLimiter, SendWindow, type RateLimitPolicy } from '../src/cloud/rate-limit.js';

const wide = { concurrency: 10, requestsPerSecond: 1e9, burst: 10 };

const sites: CallSite[] = [
  { service: 'ecs', region: 'cn-hangzhou', action: 'DescribeInstances' },
  { service: 'ecs', region: 'cn-beijing', action: 'DescribeInstances' },
  { service: 'vpc', region: 'cn-hangzhou', action: 'DescribeVpcs' },
  { service: 'ram', region: null, action: 'GetLoginProfile' },
  { service: 'ram', region: null, action: 'ListAccessKeys' },
];

async function peakInFlight(policy: RateLimitPolicy): Promise<number> {
  const limiter = new RateLimiter(policy, async () => {});
  let inFlight = 0;
  let peak = 0;
  await Promise.all(
    sites.flatMap((site) =>
      Array.from({ length: 4 }, () =>
        limiter.run(site, async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
        }),
      ),
    ),
  );
  return peak;
}

describe('RateLimiter overall cap', () => {
  it.each([
    { name: 'without it, every budget runs at once', overall: undefined, peak: 20 },
    { name: 'one call in flight in the whole scan', overall: 1, peak: 1 },
    { name: 'a cap of three across budgets', overall: 3, peak: 3 },
  ])('$name', async ({ overall, peak }) => {
    const policy: RateLimitPolicy = { regional: wide, global: wide, ...(overall === undefined ? {} : { overall }) };
    expect(await peakInFlight(policy)).toBe(peak);
  });
});

describe('SendWindow', () => {
  it('admits the rate in any one second and says how long the next send must wait', () => {
    let now = 0;
    const window = new SendWindow(3, () => now);
    expect([window.admit(), window.admit(), window.admit(), window.admit()]).toEqual([0, 0, 0, 1000]);
    now = 999;
    expect(window.admit()).toBe(1);
    now = 1000;
    expect([window.admit(), window.admit(), window.admit(), window.admit()]).toEqual([0, 0, 0, 1000]);
  });

  it('rounds a fractional rate up and admits at least one send a second', () => {
    let now = 0;
    const admitted = (perSecond: number) => {
      const window = new SendWindow(perSecond, () => now);
      let count = 0;
      while (window.admit() === 0) count++;
      return count;
    };
    expect([admitted(12.5), admitted(0.2)]).toEqual([13, 1]);
  });

  it('spreads callers that all wake late over the following seconds', async () => {
    // the bucket let 20 calls go at once (a stall held them), the window lets 5 a second through
    let now = 0;
    const limiter = new RateLimiter(
      { regional: { concurrency: 100, requestsPerSecond: 5, burst: 20 }, global: wide },
      async (ms) => {
        now += ms;
      },
      () => now,
    );
    const sent: number[] = [];
    const site: CallSite = { service: 'ecs', region: 'cn-hangzhou', action: 'DescribeDisks' };
    await Promise.all(Array.from({ length: 20 }, () => limiter.run(site, async () => void sent.push(now))));
    const perSecond = new Map<number, number>();
    for (const time of sent) perSecond.set(Math.floor(time / 1000), (perSecond.get(Math.floor(time / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
  });
});
