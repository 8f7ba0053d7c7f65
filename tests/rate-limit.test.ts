// The learning budgets, in virtual time against an API whose budget the client is not told: the controller
// converges on it, cuts on a throttling answer, honours x-acs-retry-after, shares what it learned among
// every call of a key (and only that key), keeps to --max-api-share, and keeps enough calls in flight for
// its rate. Every figure is exact for the inputs: no real time is measured.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ApiCaller } from '../src/cloud/api-caller.js';
import type { CallSite } from '../src/cloud/api-error.js';
import { Redactor } from '../src/cloud/redact.js';
import { BudgetController, CUT, DEFAULT_RATE_LIMITS, MAX_IN_FLIGHT, RECOVERY_S, RateLimiter, SLOW_START_GAIN, budgetKey, type RateLimitPolicy } from '../src/cloud/rate-limit.js';
import { HiddenBudget, VirtualTime } from './helpers/virtual-time.js';

const site: CallSite = { service: 'ram', region: null, action: 'GetLoginProfile' };

function callerIn(time: VirtualTime, limits: RateLimitPolicy = DEFAULT_RATE_LIMITS) {
  return new ApiCaller({
    redactor: new Redactor(),
    logger: pino({ level: 'silent' }),
    limits,
    retry: { maxAttempts: 20, baseDelayMs: 250, maxDelayMs: 10_000, maxElapsedMs: 3_600_000 },
    sleep: time.sleep,
    random: () => 0.5,
    pacing: time,
  });
}

async function drive(time: VirtualTime, caller: ApiCaller, api: HiddenBudget, calls: number, at: CallSite = site) {
  await time.run(Promise.all(Array.from({ length: calls }, () => caller.call(at, api.call))));
}

describe('a budget the client is not told', () => {
  it.each([20, 45, 90, 180])('converges on %i per second: near the floor, few throttled, the budget learned', async (perSecond) => {
    const time = new VirtualTime();
    const api = new HiddenBudget(time, perSecond);
    const caller = callerIn(time);
    const calls = 40 * perSecond;
    await drive(time, caller, api, calls);
    const floorMs = (calls / perSecond) * 1000;
    expect(time.now).toBeLessThanOrEqual(1.1 * floorMs);
    expect(api.throttled / api.calls).toBeLessThanOrEqual(0.02);
    expect(caller.stats.calls).toBe(api.calls);
    const learned = caller.learnedBudgets()[budgetKey(site)]!;
    expect(learned).toBeGreaterThanOrEqual(0.9 * perSecond);
    expect(learned).toBeLessThanOrEqual(perSecond);
  });

  it('finds a budget raised while it runs (Quota Center), and one lowered', async () => {
    const time = new VirtualTime();
    const api = new HiddenBudget(time, 30);
    const caller = callerIn(time);
    const work = Promise.all(Array.from({ length: 3000 }, () => caller.call(site, api.call)));
    const change = time.sleep(20_000).then(async () => {
      api.perSecond = 120;
      await time.sleep(20_000);
      api.perSecond = 60;
    });
    await time.run(Promise.all([work, change]));
    const perSecond = (second: number) => api.arrivals.filter((at) => at >= second * 1000 && at < (second + 1) * 1000).length;
    // within two recovery periods of the raise it sends at the new budget; within seconds of the cut, at the lower one
    const deadline = 20 + 2 * RECOVERY_S + 2;
    expect(perSecond(deadline)).toBeGreaterThanOrEqual(110);
    expect(perSecond(42)).toBeLessThanOrEqual(61);
    expect(caller.learnedBudgets()[budgetKey(site)]).toBeGreaterThanOrEqual(55);
    // a caller that stayed at 30 would need 100 s
    expect(time.now).toBeLessThan(60_000);
    expect(api.throttled / api.calls).toBeLessThanOrEqual(0.02);
  });
});

describe('BudgetController', () => {
  const policy = DEFAULT_RATE_LIMITS;

  it('starts at the initial rate and grows with every answer (slow start)', () => {
    const controller = new BudgetController(policy);
    expect(controller.allowedRate(0)).toBe(10);
    for (let index = 0; index < 5; index++) controller.settle(controller.sent(index, true), { kind: 'answered' }, index + 30);
    expect(controller.allowedRate(100)).toBe(10 + 5 * SLOW_START_GAIN);
  });

  it('on a throttling answer takes the calls accepted in the second before as the budget, and cuts below it once', () => {
    const controller = new BudgetController(policy);
    const sends = Array.from({ length: 40 }, (_, index) => controller.sent(index * 20, true));
    for (const send of sends.slice(0, 30)) controller.settle(send, { kind: 'answered' }, send.at + 30);
    // calls 30 to 39 are throttled: 30 were accepted in the second before the first of them
    controller.settle(sends[30]!, { kind: 'throttled' }, 630);
    expect(controller.budget).toBe(30);
    expect(controller.allowedRate(630)).toBeCloseTo(CUT * 30);
    // the others were sent before the cut: the same event, no second cut
    for (const send of sends.slice(31)) controller.settle(send, { kind: 'throttled' }, 640);
    expect(controller.budget).toBe(30);
    expect(controller.allowedRate(640)).toBeCloseTo(CUT * 30, 1);
  });

  it('climbs back to the budget, then probes above it', () => {
    const controller = new BudgetController(policy);
    const sends = Array.from({ length: 51 }, (_, index) => controller.sent(index * 10, true));
    for (const send of sends.slice(0, 50)) controller.settle(send, { kind: 'answered' }, send.at + 30);
    controller.settle(sends[50]!, { kind: 'throttled' }, 1000);
    const rates = [0, 3000, 6000, 9000, 12_000].map((after) => controller.allowedRate(1000 + after));
    expect(rates[0]).toBeCloseTo(47.5);
    expect(rates[2]).toBeCloseTo(50);
    expect(rates[1]! > rates[0]! && rates[1]! < 50).toBe(true);
    expect(rates[3]! > 50 && rates[4]! > rates[3]!).toBe(true);
  });

  it('takes at most 30 % off a learned budget for one throttling answer (a stall squeezed the calls together)', () => {
    const controller = new BudgetController(policy);
    const sends = Array.from({ length: 51 }, (_, index) => controller.sent(index * 10, true));
    for (const send of sends.slice(0, 50)) controller.settle(send, { kind: 'answered' }, send.at + 30);
    controller.settle(sends[50]!, { kind: 'throttled' }, 1000);
    expect(controller.budget).toBe(50);
    // ten seconds on, five calls in a second and a throttle
    const late = Array.from({ length: 6 }, (_, index) => controller.sent(11_000 + index * 100, true));
    for (const send of late.slice(0, 5)) controller.settle(send, { kind: 'answered' }, send.at + 30);
    controller.settle(late[5]!, { kind: 'throttled' }, 11_600);
    expect(controller.budget).toBe(35);
  });

  it('does not learn from a throttle that calls sent one at a time could not have caused', () => {
    const controller = new BudgetController(policy);
    controller.settle(controller.sent(0, false), { kind: 'answered' }, 30);
    controller.settle(controller.sent(30, false), { kind: 'throttled' }, 60);
    expect(controller.budget).toBeUndefined();
    expect(controller.allowedRate(60)).toBe(10 + SLOW_START_GAIN);
  });

  it('keeps enough calls in flight for the rate at the latency seen, under the cap', () => {
    const controller = new BudgetController({ ...policy, initialRate: 30, maxRate: 30, maxConcurrency: 40 });
    for (let index = 0; index < 10; index++) controller.settle(controller.sent(index, true), { kind: 'answered' }, index + 500);
    // 30 per second at about half a second a call: 15 in flight keep the rate; twice that leaves room for spikes
    expect(controller.allowedRate(600)).toBe(30);
    expect(controller.concurrency(600)).toBeGreaterThanOrEqual(15);
    expect(controller.concurrency(600)).toBeLessThanOrEqual(40);
    expect(new BudgetController({ ...policy, maxConcurrency: 3 }).concurrency(0)).toBe(3);
  });

  it.each([
    { name: 'a share of 0', change: { maxShare: 0 } },
    { name: 'a share above 1', change: { maxShare: 1.5 } },
    { name: 'a zero rate', change: { maxRate: 0 } },
    { name: 'no call in flight', change: { maxConcurrency: 0 } },
  ])('rejects $name', ({ change }) => {
    expect(() => new BudgetController({ ...policy, ...change })).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it('honours x-acs-retry-after for every call of the key', async () => {
    const time = new VirtualTime();
    const api = new HiddenBudget(time, 20, { retryAfterMs: 2000 });
    const caller = callerIn(time);
    await drive(time, caller, api, 200);
    // after the first throttling answer (at its arrival + 30 ms), nothing of the key arrives for 2 s
    const throttledAt = api.arrivals.find((_, index) => index >= 20)!;
    const firstAnswer = throttledAt + 30;
    expect(api.arrivals.filter((at) => at > firstAnswer && at < firstAnswer + 2000)).toEqual([]);
    expect(api.throttled).toBeGreaterThan(0);
  });

  it('shares what one call learned with every call of its key, and with no other key', async () => {
    const time = new VirtualTime();
    const hangzhou = new HiddenBudget(time, 25);
    const shanghai = new HiddenBudget(time, 1000);
    const caller = callerIn(time);
    const at = (region: string): CallSite => ({ service: 'ecs', region, action: 'DescribeSecurityGroupAttribute' });
    await time.run(
      Promise.all([
        // two collectors' worth of calls on one key: one budget between them
        ...Array.from({ length: 300 }, () => caller.call(at('cn-hangzhou'), hangzhou.call)),
        ...Array.from({ length: 300 }, () => caller.call(at('cn-hangzhou'), hangzhou.call)),
        ...Array.from({ length: 300 }, () => caller.call(at('cn-shanghai'), shanghai.call)),
      ]),
    );
    const learned = caller.learnedBudgets();
    expect(learned['ecs:DescribeSecurityGroupAttribute@cn-hangzhou']).toBe(25);
    expect(learned['ecs:DescribeSecurityGroupAttribute@cn-shanghai']).toBeUndefined();
    expect(shanghai.throttled).toBe(0);
    // the two collectors' calls together keep to the one budget (its probe above it aside)
    expect(hangzhou.peakPerSecond(hangzhou.firstThrottledAt! + 1000)).toBeLessThanOrEqual(26);
    expect(hangzhou.throttled / hangzhou.calls).toBeLessThanOrEqual(0.02);
  });

  it.each([0.5, 0.2])('with --max-api-share %f uses no more of a learned budget', async (share) => {
    const time = new VirtualTime();
    const api = new HiddenBudget(time, 100);
    const caller = callerIn(time, { ...DEFAULT_RATE_LIMITS, maxShare: share });
    await drive(time, caller, api, 1500);
    expect(caller.learnedBudgets()[budgetKey(site)]).toBeGreaterThan(90);
    // from a second after the budget was learned, every second stays within the share
    expect(api.peakPerSecond(api.firstThrottledAt! + 1000)).toBeLessThanOrEqual(Math.floor(share * 100));
    expect(api.throttled).toBeLessThanOrEqual(10);
  });

  it('keeps to --requests-per-second and --concurrency as ceilings', async () => {
    const time = new VirtualTime();
    const api = new HiddenBudget(time, 1000, { latencyMs: 200 });
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, maxRate: 40, maxConcurrency: 4 }, time.sleep, time.clock);
    let inFlight = 0;
    let peak = 0;
    const one = async () => {
      const permit = await limiter.acquire(site);
      peak = Math.max(peak, ++inFlight);
      await api.call();
      inFlight--;
      permit.settle({ kind: 'answered' });
    };
    await time.run(Promise.all(Array.from({ length: 200 }, one)));
    expect(peak).toBe(4);
    // 4 in flight at 200 ms: 20 per second, under the 40 allowed
    expect(api.peakPerSecond()).toBeLessThanOrEqual(21);
  });

  it('keeps at most MAX_IN_FLIGHT calls out across budgets; freed slots go in turn to lone calls and to backlogs', async () => {
    const time = new VirtualTime();
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, initialRate: 1000 }, time.sleep, time.clock);
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const one = (at: CallSite) => async () => {
      const permit = await limiter.acquire(at);
      order.push(at.region ?? at.action);
      peak = Math.max(peak, ++inFlight);
      await time.sleep(100);
      inFlight--;
      permit.settle({ kind: 'answered' });
    };
    // a hundred small regional budgets flood in first; the big global one queued behind them
    const small = Array.from({ length: 100 }, (_, index) => one({ service: 'ecs', region: `r${index}`, action: 'DescribeVpcs' }));
    const big = Array.from({ length: 400 }, () => one(site));
    await time.run(Promise.all([...small.map((run) => run()), ...big.map((run) => run())]));
    expect(peak).toBe(MAX_IN_FLIGHT);
    // freed slots go in turn to a lone call (here the small budgets' first pages) and to the big budget, which
    // a first-come gate would serve only after the 36 small ones
    expect(order.indexOf('GetLoginProfile')).toBeLessThanOrEqual(MAX_IN_FLIGHT + 1);
    expect(order.slice(MAX_IN_FLIGHT, MAX_IN_FLIGHT + 20).filter((name) => name === 'GetLoginProfile').length).toBeGreaterThanOrEqual(3);
  });

  it('gives a freed slot to the budget with the most work ahead, before one that came first', async () => {
    const time = new VirtualTime();
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, initialRate: 1000 }, time.sleep, time.clock);
    const order: string[] = [];
    const one = (at: CallSite) => async () => {
      const permit = await limiter.acquire(at);
      order.push(at.region ?? at.action);
      await time.sleep(100);
      permit.settle({ kind: 'answered' });
    };
    // 64 regional budgets of 3 calls each take every slot, then one of 400 calls queues behind them
    const small = Array.from({ length: MAX_IN_FLIGHT }, (_, index) => ({ service: 'ecs', region: `r${index}`, action: 'DescribeVpcs' }) as CallSite);
    const runs = [...small.flatMap((at) => [one(at), one(at), one(at)]), ...Array.from({ length: 400 }, () => one(site))];
    await time.run(Promise.all(runs.map((run) => run())));
    expect(order.indexOf('GetLoginProfile')).toBe(MAX_IN_FLIGHT);
  });

  it('keys budgets per product, action and region', () => {
    expect(budgetKey({ service: 'ecs', region: 'cn-hangzhou', action: 'DescribeDisks' })).toBe('ecs:DescribeDisks@cn-hangzhou');
    expect(budgetKey({ service: 'ram', region: null, action: 'ListUsers' })).toBe('ram:ListUsers');
  });
});
