// The cron schedule of the service (croner: time zone aware, no dependencies), behind the small TickSource
// interface the scheduler drives, so tests can tick by hand.
import { Cron } from 'croner';
import { UsageError } from '../errors.js';

export interface TickSource {
  start(onTick: () => void): void;
  stop(): void;
  /** the next `count` due times, soonest first */
  nextRuns(count: number): Date[];
}

/**
 * A cron schedule: five fields (minute precision) or six (seconds first), e.g. `0 *\/6 * * *`, in `timezone`
 * (an IANA name, default the host's). Throws UsageError for a pattern or time zone croner cannot use.
 */
export function cronTicks(pattern: string, timezone?: string): TickSource {
  let job: Cron;
  try {
    job = new Cron(pattern, { paused: true, ...(timezone ? { timezone } : {}) });
    job.nextRun();
  } catch (cause) {
    throw new UsageError(
      `schedule ${JSON.stringify(pattern)}${timezone ? ` in time zone ${timezone}` : ''}: ${(cause as Error).message}`,
      { cause },
    );
  }
  return {
    start(onTick) {
      job.schedule(() => onTick());
      job.resume();
    },
    stop: () => job.stop(),
    nextRuns: (count) => job.nextRuns(count),
  };
}

/** The longest wait between two of the next `count` due times: the gap /healthz must tolerate. */
export function longestGapMs(ticks: TickSource, count = 16): number {
  const runs = ticks.nextRuns(count).map((date) => date.getTime());
  let longest = 0;
  for (let i = 1; i < runs.length; i++) longest = Math.max(longest, (runs[i] as number) - (runs[i - 1] as number));
  return longest;
}
