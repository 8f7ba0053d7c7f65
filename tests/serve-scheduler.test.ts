import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../src/findings/types.js';
import { cronTicks, longestGapMs, type TickSource } from '../src/serve/cron.js';
import { ServiceMetrics } from '../src/serve/metrics.js';
import { Scheduler, ShutdownAbort, type SchedulerEvent, type SchedulerOptions } from '../src/serve/scheduler.js';
import { handleShutdownSignals, type ShutdownSignal } from '../src/serve/signals.js';
import { isChange, lifecycleOf } from '../src/findings/lifecycle.js';
import { recordScan, type RecordedScan } from '../src/store/record.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import { UsageError } from '../src/errors.js';
import { finding, report } from './store-fixtures.js';

/** Ticks fired by the test, the "fake clock" of the schedule. */
function manualTicks() {
  let onTick: (() => void) | undefined;
  let stopped = false;
  const source: TickSource = {
    start: (fn) => {
      onTick = fn;
    },
    stop: () => {
      stopped = true;
    },
    nextRuns: () => [new Date('2026-11-29T06:00:00.000Z')],
  };
  return { source, tick: () => onTick?.(), stopped: () => stopped };
}

/** A scan the test finishes by hand; it records its signal and, when `abortable`, gives up on abort. */
function controlledJob({ abortable = false } = {}) {
  const runs: { signal: AbortSignal; finish: (report: Report) => void }[] = [];
  const job = (signal: AbortSignal) =>
    new Promise<Report>((resolve, reject) => {
      runs.push({ signal, finish: resolve });
      if (abortable) signal.addEventListener('abort', () => reject(signal.reason as Error));
    });
  return { job, runs };
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const done = report({ id: 'scan', findings: [] });

function scheduler(overrides: Partial<SchedulerOptions> & Pick<SchedulerOptions, 'job'>) {
  const ticks = manualTicks();
  const events: SchedulerEvent[] = [];
  const metrics = new ServiceMetrics();
  const instance = new Scheduler({
    ticks: ticks.source,
    graceMs: 50,
    abortWaitMs: 50,
    logger: silent,
    onEvent: (event) => {
      events.push(event);
      metrics.record(event);
    },
    ...overrides,
  });
  instance.start();
  return { instance, ticks, events, metrics, types: () => events.map((event) => event.type) };
}

describe('Scheduler', () => {
  it('runs on a tick and skips ticks that come while a scan runs', async () => {
    const { job, runs } = controlledJob();
    const { instance, ticks, types, metrics } = scheduler({ job });
    ticks.tick();
    expect(instance.running).toBe(true);
    ticks.tick();
    ticks.tick();
    expect(runs).toHaveLength(1);
    runs[0]?.finish(done);
    await instance.idle();
    ticks.tick();
    expect(runs).toHaveLength(2);
    expect(types()).toEqual(['started', 'skipped', 'skipped', 'completed', 'started']);
    expect(metrics.state.skipped).toEqual({ schedule: 2, 'run-now': 0 });
  });

  it('runs now when idle and skips run-now while a scan runs', async () => {
    const { job, runs } = controlledJob();
    const { instance, ticks, events } = scheduler({ job });
    expect(instance.runNow()).toBe('started');
    expect(instance.runNow()).toBe('skipped');
    ticks.tick();
    runs[0]?.finish(done);
    await instance.idle();
    expect(events.map((event) => `${event.type}:${event.trigger}`)).toEqual([
      'started:run-now',
      'skipped:run-now',
      'skipped:schedule',
      'completed:run-now',
    ]);
  });

  it('survives a failing scan and runs the next one', async () => {
    let calls = 0;
    const { instance, types } = scheduler({
      job: async () => {
        calls++;
        if (calls === 1) throw new Error('denied');
        return done;
      },
    });
    instance.runNow();
    await instance.idle();
    instance.runNow();
    await instance.idle();
    expect(types()).toEqual(['started', 'failed', 'started', 'completed']);
  });

  it('counts a job that throws synchronously as a failed run', async () => {
    const { instance, types } = scheduler({
      job: () => {
        throw new Error('bad config');
      },
    });
    expect(instance.runNow()).toBe('started');
    await instance.idle();
    expect(types()).toEqual(['started', 'failed']);
  });

  describe('shutdown', () => {
    it('is idle without a scan, stops the ticks and takes no more work', async () => {
      const { job, runs } = controlledJob();
      const { instance, ticks } = scheduler({ job });
      expect(await instance.shutdown()).toBe('idle');
      expect(ticks.stopped()).toBe(true);
      expect(instance.runNow()).toBe('stopped');
      ticks.tick();
      expect(runs).toHaveLength(0);
    });

    it('lets a scan finish within the grace period', async () => {
      const { job, runs } = controlledJob();
      const { instance, types } = scheduler({ job, graceMs: 1000 });
      instance.runNow();
      const outcome = instance.shutdown();
      setTimeout(() => runs[0]?.finish(done), 20);
      expect(await outcome).toBe('finished');
      expect(runs[0]?.signal.aborted).toBe(false);
      expect(types()).toEqual(['started', 'completed']);
    });

    it('aborts a scan that outlives the grace period', async () => {
      const { job, runs } = controlledJob({ abortable: true });
      const { instance, types } = scheduler({ job });
      instance.runNow();
      expect(await instance.shutdown()).toBe('aborted');
      expect(runs[0]?.signal.reason).toBeInstanceOf(ShutdownAbort);
      expect(types()).toEqual(['started', 'aborted']);
    });

    it('gives up on a scan that ignores the abort', async () => {
      const { job } = controlledJob();
      const { instance } = scheduler({ job });
      instance.runNow();
      expect(await instance.shutdown()).toBe('abandoned');
    });
  });
});

describe('shutdown signals', () => {
  it('shut down on the first signal and force on the second', async () => {
    const listeners = new Map<ShutdownSignal, () => void>();
    const target = {
      on: (signal: ShutdownSignal, listener: () => void) => listeners.set(signal, listener),
      off: (signal: ShutdownSignal) => listeners.delete(signal),
    };
    const { job, runs } = controlledJob();
    const { instance } = scheduler({ job, graceMs: 1000 });
    instance.runNow();
    const stopped: string[] = [];
    const forced: string[] = [];
    const dispose = handleShutdownSignals(
      instance,
      silent,
      { onStopped: (outcome) => void stopped.push(outcome), onForced: (signal) => void forced.push(signal) },
      target,
    );
    listeners.get('SIGTERM')?.();
    expect(instance.runNow()).toBe('stopped');
    listeners.get('SIGINT')?.();
    expect(forced).toEqual(['SIGINT']);
    runs[0]?.finish(done);
    await instance.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toEqual(['finished']);
    dispose();
    expect(listeners.size).toBe(0);
  });
});

describe('cron schedule', () => {
  it.each([
    { pattern: 'every day', timezone: undefined, error: /schedule "every day"/ },
    { pattern: '0 */6 * * *', timezone: 'Mars/Olympus', error: /in time zone Mars\/Olympus/ },
  ])('rejects $pattern $timezone', ({ pattern, timezone, error }) => {
    expect(() => cronTicks(pattern, timezone)).toThrow(UsageError);
    expect(() => cronTicks(pattern, timezone)).toThrow(error);
  });

  it('follows the time zone and measures the longest gap', () => {
    const ticks = cronTicks('0 9 * * 1-5', 'Asia/Shanghai');
    const [next] = ticks.nextRuns(1);
    // 09:00 in Shanghai is 01:00 UTC
    expect(next?.getUTCHours()).toBe(1);
    // Friday 09:00 to Monday 09:00
    expect(longestGapMs(ticks)).toBe(3 * 86_400_000);
  });

  let running: Scheduler | undefined;
  afterEach(async () => {
    await running?.shutdown();
  });

  it('drives scans on a one-second schedule and skips the overlap', async () => {
    const events: SchedulerEvent[] = [];
    running = new Scheduler({
      ticks: cronTicks('* * * * * *'),
      graceMs: 2000,
      logger: silent,
      onEvent: (event) => events.push(event),
      // each scan takes 1.5 s, so of two consecutive ticks one finds it running
      job: () => new Promise((resolve) => setTimeout(() => resolve(done), 1500)),
    });
    running.start();
    await new Promise((resolve) => setTimeout(resolve, 3300));
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'started').length).toBeGreaterThanOrEqual(1);
    expect(types).toContain('skipped');
    expect(types).toContain('completed');
    // never two at once: every start after the first follows a completion
    let inFlight = 0;
    for (const type of types) {
      if (type === 'started') inFlight++;
      if (type === 'completed') inFlight--;
      expect(inFlight).toBeLessThanOrEqual(1);
    }
  });
});

describe('scheduled scans recorded in the store', () => {
  // the account between scans: SSH opened on sg-1, the access key of alice rotated
  const states = [
    [finding('ecs-sg-ssh-open', 'sg-1', 'pass'), finding('ram-ak-rotated', 'alice', 'fail')],
    [finding('ecs-sg-ssh-open', 'sg-1', 'fail'), finding('ram-ak-rotated', 'alice', 'pass')],
  ];

  it('gives each run its delta and OCSF lifecycle, and aborts the run shutdown cuts off', async () => {
    const store = SqliteStore.open(':memory:');
    const recorded: RecordedScan[] = [];
    let scanCount = 0;
    const { job } = controlledJob({ abortable: true });
    const { instance, ticks, types } = scheduler({
      job: async (signal) => {
        const state = states[scanCount++];
        const result = await recordScan(
          store,
          ({ scanId, signal: scanSignal }) =>
            state
              ? Promise.resolve(
                  report({ id: scanId, findings: state, finishedAt: new Date(Date.UTC(2026, 10, 29, scanCount)).toISOString() }),
                )
              : job(scanSignal),
          signal,
        );
        recorded.push(result);
        return result.report;
      },
    });
    for (let i = 0; i < 2; i++) {
      ticks.tick();
      await instance.idle();
    }
    const second = recorded[1] as RecordedScan;
    const byRule = Object.fromEntries(second.diff.delta.entries.map((entry) => [entry.finding.ruleId, entry]));
    expect(byRule['ecs-sg-ssh-open']).toMatchObject({ kind: 'new', failing: true });
    expect(byRule['ram-ak-rotated']).toMatchObject({ kind: 'resolved', failing: false });
    expect(lifecycleOf(byRule['ecs-sg-ssh-open']!)).toMatchObject({ activityId: 1, activityName: 'Create' });
    expect(lifecycleOf(byRule['ram-ak-rotated']!)).toMatchObject({
      activityId: 3,
      activityName: 'Close',
      status: { id: 4, name: 'Resolved' },
    });
    expect(second.diff.delta.entries.filter(isChange)).toHaveLength(2);

    // a third run hangs until shutdown aborts it
    ticks.tick();
    expect(await instance.shutdown()).toBe('aborted');
    expect(types()).toEqual(['started', 'completed', 'started', 'completed', 'started', 'aborted']);
    const [last] = await store.listScans({ limit: 1 });
    expect(last).toMatchObject({ state: 'aborted', abortReason: expect.stringMatching(/^cancelled: the service is shutting down/) });
    await store.close();
  });
});
