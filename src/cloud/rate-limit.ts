// Request budgets that learn. Alibaba meters calls per account, per action and, for regional products, per
// region, and tells the client none of the numbers: they differ by action and by account, and Quota Center
// raises them. So every budget key (product, action, region) gets one controller, shared by all calls of
// that key, that finds its budget the way TCP finds a path's capacity and as the AWS SDKs' "adaptive" retry
// mode does: start low, raise the rate with every call answered (slow start), and on a throttling answer take
// the calls the server accepted in the second before as the budget, cut below it and climb back along a
// CUBIC curve: quickly up to the budget, slowly across it, then faster, to find a budget that was raised or
// freed. A throttling answer's x-acs-retry-after holds back every call of the key, not just the one retried.
import type { CallSite } from './api-error.js';

export interface RateLimitPolicy {
  /** requests per second a budget starts at, before anything is learned about it */
  initialRate: number;
  /** the most requests per second any one budget is sent, whatever it allows (--requests-per-second) */
  maxRate: number;
  /** the most calls in flight per budget (--concurrency); the learned rate x latency sets it below that */
  maxConcurrency: number;
  /** the share of each learned budget the audit may use (--max-api-share): 0 < share <= 1 */
  maxShare: number;
}

/**
 * A start that a budget shared with the account's own automation hardly notices; slow start leaves it
 * within a second while calls are answered. The ceiling is a guard against a runaway, not a limit.
 */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = { initialRate: 10, maxRate: 1000, maxConcurrency: 100, maxShare: 1 };

export type Clock = () => number;

/** How one call ended, as far as its budget is concerned. */
export type CallOutcome =
  /** the server answered without throttling (an error answer included): the budget took it */
  | { kind: 'answered' }
  | { kind: 'throttled'; retryAfterMs?: number | undefined }
  /** no answer (network, timeout): says nothing about the budget */
  | { kind: 'lost' };

/** The multiplicative cut: the rate right after a throttling answer, as a share of the learned budget. */
export const CUT = 0.95;
/** Seconds from a cut back up to the learned budget (CUBIC's K). */
export const RECOVERY_S = 6;
/** How far above the learned budget the probe is RECOVERY_S after reaching it; then slow start resumes. */
export const PROBE = 0.3;
/** Slow start: requests per second added for each call answered, so the rate grows e (2.7) times a second. */
export const SLOW_START_GAIN = 1;
/** The most of a learned budget one throttling answer keeps (see settle). */
const KEEP = 0.7;
/** A budget is never driven below this (requests per second). */
const MIN_RATE = 1;
/** Sends the pacing lets out at once after a late wake-up (timers fire late; the lost time is made up). */
const BURST = 3;

function checkPolicy(policy: RateLimitPolicy): void {
  if (!(policy.initialRate > 0) || !(policy.maxRate > 0) || !(policy.maxConcurrency >= 1) || !(policy.maxShare > 0 && policy.maxShare <= 1)) {
    throw new RangeError(`a rate limit needs rates > 0, concurrency >= 1 and 0 < share <= 1 (got ${JSON.stringify(policy)})`);
  }
}

/** The send window: a second and a millisecond, so that no rounding of either clock puts one more in a server's second. */
const WINDOW_MS = 1001;

interface Send {
  at: number;
  /** other calls of the budget were waiting when it went out: the rate, not the work, was the limit */
  backlog: boolean;
  throttled: boolean;
}

/**
 * The learning part of one budget: a pure state machine over an injected clock (milliseconds). It says how
 * long the next send must wait and how many calls may be in flight, and is told when each call went out
 * and how it ended.
 */
export class BudgetController {
  private readonly policy: RateLimitPolicy;
  /** requests per second in slow start */
  private rate: number;
  private slowStart = true;
  /** the budget learned: the calls the server accepted in the second before the last throttling answer */
  private learned: number | undefined;
  private cutAt = Number.NEGATIVE_INFINITY;
  /** when the call that caused the last cut went out */
  private eventAt = Number.NEGATIVE_INFINITY;
  /** the theoretical time of the next send (GCRA pacing) */
  private nextAt = Number.NEGATIVE_INFINITY;
  /** the sends of the last two seconds, oldest first */
  private readonly sends: Send[] = [];
  private blockedUntil = Number.NEGATIVE_INFINITY;
  /** seconds from send to answer: up at once with a slower answer, down slowly; a second until the first */
  private latencyS = 1;

  constructor(policy: RateLimitPolicy) {
    checkPolicy(policy);
    this.policy = policy;
    this.rate = Math.min(policy.initialRate, policy.maxRate);
  }

  /** The budget learned so far, in requests per second (undefined before the first throttling answer). */
  get budget(): number | undefined {
    return this.learned;
  }

  /** Requests per second the budget may be sent now. */
  allowedRate(now: number): number {
    let rate = this.rate;
    if (!this.slowStart && this.learned !== undefined) {
      rate = this.curve(now);
      // with a share below 1 the audit stays under its share of what it measured and never probes above it
      if (this.policy.maxShare < 1) rate = Math.min(rate, this.policy.maxShare * this.learned);
    }
    return Math.max(MIN_RATE, Math.min(this.policy.maxRate, rate));
  }

  /**
   * CUBIC, scaled to the budget: CUT x budget at the cut, concave up to the budget in RECOVERY_S, flat
   * around it, then convex above it, PROBE x budget above it RECOVERY_S later.
   */
  private curve(now: number): number {
    const t = (now - this.cutAt) / 1000 / RECOVERY_S;
    const learned = this.learned ?? this.rate;
    return t < 1 ? learned * (1 - (1 - CUT) * (1 - t) ** 3) : learned * (1 + PROBE * (t - 1) ** 3);
  }

  /** Calls in flight that keep the allowed rate going at the latency seen, twice over for latency spikes. */
  concurrency(now: number): number {
    return Math.min(this.policy.maxConcurrency, Math.ceil(this.allowedRate(now) * this.latencyS * 2) + 2);
  }

  /** 0 when a call may be sent now; else the milliseconds to wait before asking again. */
  delay(now: number): number {
    this.forget(now);
    const rate = this.allowedRate(now);
    const interval = 1000 / rate;
    const paced = this.nextAt - (BURST - 1) * interval - now;
    // at most the rate in any one second, counted when calls go out, as the server counts its windows
    const limit = Math.max(1, Math.floor(rate));
    const recent = this.sends.filter((send) => send.at > now - WINDOW_MS);
    const windowed = recent.length >= limit ? recent[recent.length - limit]!.at + WINDOW_MS - now : 0;
    return Math.max(0, this.blockedUntil - now, paced, windowed);
  }

  /** A call goes out now, with `backlog` when other calls wait behind it; the handle is given back to `settle`. */
  sent(now: number, backlog: boolean): Send {
    const interval = 1000 / this.allowedRate(now);
    this.nextAt = Math.max(this.nextAt, now - (BURST - 1) * interval) + interval;
    const send = { at: now, backlog, throttled: false };
    this.sends.push(send);
    return send;
  }

  settle(send: Send, outcome: CallOutcome, now: number): void {
    if (outcome.kind === 'lost') return;
    // a stall (GC, a busy event loop) makes every answer late at once: in-flight room must follow at once
    const latency = (now - send.at) / 1000;
    this.latencyS = latency > this.latencyS ? latency : 0.9 * this.latencyS + 0.1 * latency;
    if (outcome.kind === 'answered') {
      if (!this.slowStart && this.policy.maxShare === 1 && now - this.cutAt > 2 * RECOVERY_S * 1000) {
        // so long above the budget learned without a throttle: the budget was raised (or freed); find it
        this.rate = this.curve(now);
        this.slowStart = true;
      }
      if (this.slowStart) this.rate = Math.min(this.policy.maxRate, this.rate + SLOW_START_GAIN);
      return;
    }
    send.throttled = true;
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > 0) this.blockedUntil = Math.max(this.blockedUntil, now + outcome.retryAfterMs);
    if (send.at <= this.cutAt) {
      // the same congestion event, no second cut; but a call counted as accepted in the budget was not
      if (this.learned !== undefined && send.at > this.eventAt - 1000 && send.at < this.eventAt) this.learned = Math.max(MIN_RATE, this.learned - 1);
      return;
    }
    const before = this.sends.filter((other) => other.at > send.at - 1000 && other.at < send.at);
    // calls sent one by one, with none waiting for the rate, did not exhaust the budget: someone else did
    // (the account's own automation, say), and the calls accepted say nothing about its size; the call's
    // own backoff answers it
    if (!send.backlog && !before.some((other) => other.backlog)) return;
    // calls still in flight count as accepted until their answers say otherwise. One answer takes at most
    // 1 - KEEP off what was learned before: a busy client or server can squeeze calls sent over more than
    // a second into one of the server's seconds, and a budget that really is smaller is found in a few
    // more answers
    const accepted = before.filter((other) => !other.throttled).length;
    this.learned = Math.max(MIN_RATE, accepted, KEEP * (this.learned ?? 0));
    this.slowStart = false;
    this.cutAt = now;
    this.eventAt = send.at;
  }

  private forget(now: number): void {
    while (this.sends.length > 0 && this.sends[0]!.at <= now - 2000) this.sends.shift();
  }
}

/** A call's place in its budget: given when it may go out, settled when it has ended. */
export interface Permit {
  settle(outcome: CallOutcome): void;
}

/**
 * Calls in flight across every budget. A call is timed when its budget lets it out, but it reaches the wire
 * only when the process has built and signed it: with hundreds of budgets letting out their first calls at
 * once, a busy process sends them seconds after their time, and the server sees calls timed a second apart
 * arrive together. Holding the rest in their budgets keeps each call's time close to its sending (64 calls
 * are a few hundred milliseconds of CPU at most). Freed slots go in turn to a lone call (a listing's next
 * page, a poll: a chain that other work waits on, in the order they came) and to the budget with the most time
 * of work ahead of it (its waiting calls over its rate): the slowest budgets, which set the scan's floor, first.
 */
export const MAX_IN_FLIGHT = 64;

class Gate {
  private inFlight = 0;
  private readonly queued = new Map<Budget, () => void>();
  private loneTurn = true;

  /** A slot now, or false. */
  tryTake(): boolean {
    if (this.inFlight >= MAX_IN_FLIGHT) return false;
    this.inFlight++;
    return true;
  }

  /** Wait for a slot; it is handed over already taken. */
  queue(budget: Budget): Promise<void> {
    return new Promise((resolve) => this.queued.set(budget, resolve));
  }

  release(now: number): void {
    // lone calls and backlogs take turns, so neither a flood of first pages nor a long backlog stalls the other
    let lone: Budget | undefined;
    let backlog: Budget | undefined;
    for (const budget of this.queued.keys()) {
      if (budget.lone()) lone ??= budget;
      else if (!backlog || budget.workAhead(now) > backlog.workAhead(now)) backlog = budget;
    }
    const next = (this.loneTurn ? lone : backlog) ?? lone ?? backlog;
    this.loneTurn = next !== lone;
    if (!next) {
      this.inFlight--;
      return;
    }
    const resolve = this.queued.get(next)!;
    this.queued.delete(next);
    resolve();
  }
}

/** One budget: its controller and the calls waiting for it, let out in order. */
class Budget {
  readonly controller: BudgetController;
  private readonly waiting: Array<(permit: Permit) => void> = [];
  private inFlight = 0;
  private pumping = false;
  private wake: (() => void) | undefined;
  private readonly gate: Gate;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: Clock;

  constructor(policy: RateLimitPolicy, gate: Gate, sleep: (ms: number) => Promise<void>, clock: Clock) {
    this.controller = new BudgetController(policy);
    this.gate = gate;
    this.sleep = sleep;
    this.clock = clock;
  }

  /** One call waiting and none in flight: a listing's next page or a poll, a chain that other work waits on. */
  lone(): boolean {
    return this.waiting.length === 1 && this.inFlight === 0;
  }

  /** Seconds the waiting calls need at the budget's rate. */
  workAhead(now: number): number {
    return this.waiting.length / this.controller.allowedRate(now);
  }

  acquire(): Promise<Permit> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        if (this.inFlight >= this.controller.concurrency(this.clock())) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        const wait = this.controller.delay(this.clock());
        if (wait > 0) {
          await this.sleep(wait);
          continue;
        }
        if (!this.gate.tryTake()) {
          await this.gate.queue(this);
          // the slot came later: the rate (or a retry-after) may now say wait
          if (this.controller.delay(this.clock()) > 0) {
            this.gate.release(this.clock());
            continue;
          }
        }
        this.send();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Let the first waiting call out; it holds a slot of the gate. */
  private send(): void {
    const send = this.controller.sent(this.clock(), this.waiting.length > 1);
    this.inFlight++;
    let settled = false;
    this.waiting.shift()!({
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        this.inFlight--;
        this.controller.settle(send, outcome, this.clock());
        this.gate.release(this.clock());
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
      },
    });
  }
}

/** The budgets of one scan, one per product, action and region (no region for global products), created on first use. */
export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();
  private readonly gate = new Gate();
  private readonly policy: RateLimitPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: Clock;

  constructor(policy: RateLimitPolicy, sleep: (ms: number) => Promise<void>, clock: Clock = performance.now.bind(performance)) {
    checkPolicy(policy);
    this.policy = policy;
    this.sleep = sleep;
    this.clock = clock;
  }

  /** Wait until the call's budget lets it out; settle the permit when the call has ended. */
  acquire(site: CallSite): Promise<Permit> {
    return this.budgetFor(site).acquire();
  }

  /** What the site's budget has learned so far (requests per second; undefined: never throttled). */
  learnedFor(site: CallSite): number | undefined {
    return this.budgets.get(budgetKey(site))?.controller.budget;
  }

  /** What each budget has learned so far: key -> requests per second (undefined: never throttled). */
  learned(): Record<string, number | undefined> {
    return Object.fromEntries([...this.budgets].map(([key, budget]) => [key, budget.controller.budget]));
  }

  private budgetFor(site: CallSite): Budget {
    const key = budgetKey(site);
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new Budget(this.policy, this.gate, this.sleep, this.clock);
      this.budgets.set(key, budget);
    }
    return budget;
  }
}

/** `ecs:DescribeInstances@cn-hangzhou`, `ram:GetLoginProfile`: the unit Alibaba meters. */
export function budgetKey(site: CallSite): string {
  return `${site.service}:${site.action}${site.region === null ? '' : `@${site.region}`}`;
}
