// A clock that moves only from timer to timer: `sleep` registers a timer, `run` lets every promise chain
// settle, then jumps to the earliest timer. Rate-limit tests run minutes of calls in milliseconds, and the
// same inputs always give the same sends at the same times.
export class VirtualTime {
  now = 0;
  private readonly timers: Array<{ at: number; order: number; resolve: () => void }> = [];
  private order = 0;

  readonly clock = (): number => this.now;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.now + Math.max(0, ms), order: this.order++, resolve });
    });

  /** Advance time until `work` has settled; its result. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const settled = work.then(
      () => (done = true),
      () => (done = true),
    );
    for (;;) {
      // every chain of promises runs to its next timer before time moves
      await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
      if (this.timers.length === 0) throw new Error('virtual time: nothing is waiting on a timer, but the work is not done');
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const timer = this.timers.shift()!;
      this.now = Math.max(this.now, timer.at);
      timer.resolve();
    }
    await settled;
    return work;
  }
}

/**
 * An API with a budget it does not tell: at most `perSecond` calls accepted in any one-second window (counted
 * on arrival, as Alibaba's flow control does), the rest answered Throttling.User (HTTP 400) after the same
 * latency. Its `perSecond` may be changed while calls run.
 */
export class HiddenBudget {
  calls = 0;
  throttled = 0;
  /** arrival of the first call throttled */
  firstThrottledAt: number | undefined;
  /** arrival times of every call */
  readonly arrivals: number[] = [];
  private readonly accepted: number[] = [];
  perSecond: number;
  private readonly time: VirtualTime;
  private readonly latencyMs: number;
  private readonly retryAfterMs: number | undefined;

  constructor(time: VirtualTime, perSecond: number, options: { latencyMs?: number; retryAfterMs?: number } = {}) {
    this.time = time;
    this.perSecond = perSecond;
    this.latencyMs = options.latencyMs ?? 30;
    this.retryAfterMs = options.retryAfterMs;
  }

  readonly call = async (): Promise<string> => {
    const arrival = this.time.now;
    this.calls++;
    this.arrivals.push(arrival);
    while (this.accepted.length > 0 && this.accepted[0]! <= arrival - 1000) this.accepted.shift();
    const ok = this.accepted.length < this.perSecond;
    if (ok) this.accepted.push(arrival);
    await this.time.sleep(this.latencyMs);
    if (ok) return 'ok';
    this.throttled++;
    this.firstThrottledAt ??= arrival;
    throw Object.assign(new Error('code: 400, Request was denied due to user flow control.'), {
      code: 'Throttling.User',
      statusCode: 400,
      ...(this.retryAfterMs === undefined ? {} : { retryAfter: this.retryAfterMs }),
    });
  };

  /** The most calls that arrived in any one-second window from `from` on. */
  peakPerSecond(from = 0): number {
    const times = this.arrivals.filter((at) => at >= from);
    let peak = 0;
    for (let start = 0, end = 0; end < times.length; end++) {
      while (times[start]! <= times[end]! - 1000) start++;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }
}
