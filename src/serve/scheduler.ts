// Runs the scan job on its schedule and on demand, one run at a time: a run that comes due while another is
// still going is skipped and reported, never queued or overlapped. Shutdown stops taking work, lets the running
// scan finish within a grace period, then aborts it through its AbortSignal.
import type { Report } from '../findings/types.js';
import type { TickSource } from './cron.js';

/** The whole pipeline of one run (scan, store, outputs); it must give up when `signal` aborts. */
export type ScanJob = (signal: AbortSignal) => Promise<Report>;

export type Trigger = 'schedule' | 'run-now';

export type SchedulerEvent =
  | { type: 'started'; trigger: Trigger; at: Date }
  | { type: 'skipped'; trigger: Trigger; at: Date }
  | { type: 'completed'; trigger: Trigger; at: Date; durationMs: number; report: Report }
  /** failed: the job threw on its own; aborted: it threw after shutdown aborted it */
  | { type: 'failed' | 'aborted'; trigger: Trigger; at: Date; durationMs: number; error: unknown };

export interface SchedulerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SchedulerOptions {
  job: ScanJob;
  ticks: TickSource;
  /** how long shutdown waits for the running scan before aborting it */
  graceMs: number;
  /** how long shutdown then waits for the aborted scan to give up (default 10 s) */
  abortWaitMs?: number;
  logger: SchedulerLogger;
  onEvent?: (event: SchedulerEvent) => void;
  now?: () => Date;
}

/** started / skipped (one is running) / stopped (shutting down). */
export type TriggerResult = 'started' | 'skipped' | 'stopped';

/**
 * idle: nothing was running. finished: the running scan ended within the grace period. aborted: it was aborted
 * and gave up. abandoned: it ignored the abort; the caller exits anyway and the store aborts the scan on next open.
 */
export type ShutdownOutcome = 'idle' | 'finished' | 'aborted' | 'abandoned';

export class ShutdownAbort extends Error {
  constructor(graceMs: number) {
    super(`the service is shutting down and the scan did not finish within the ${graceMs} ms grace period`);
    this.name = 'ShutdownAbort';
  }
}

interface Run {
  controller: AbortController;
  settled: Promise<void>;
}

function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

export class Scheduler {
  private readonly options: SchedulerOptions;
  private readonly now: () => Date;
  private current: Run | undefined;
  private stopping = false;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Begin running on the schedule. */
  start(): void {
    this.options.ticks.start(() => this.trigger('schedule'));
  }

  runNow(): TriggerResult {
    return this.trigger('run-now');
  }

  nextRun(): Date | null {
    return this.options.ticks.nextRuns(1)[0] ?? null;
  }

  /** Resolves once no scan is running. */
  async idle(): Promise<void> {
    await this.current?.settled;
  }

  private emit(event: SchedulerEvent): void {
    this.options.onEvent?.(event);
  }

  private trigger(trigger: Trigger): TriggerResult {
    if (this.stopping) return 'stopped';
    const at = this.now();
    if (this.current) {
      this.options.logger.warn({ trigger }, 'a scan is still running: this run is skipped');
      this.emit({ type: 'skipped', trigger, at });
      return 'skipped';
    }
    const controller = new AbortController();
    this.emit({ type: 'started', trigger, at });
    this.options.logger.info({ trigger }, 'scan started');
    const settled = this.execute(trigger, at, controller).finally(() => {
      this.current = undefined;
    });
    this.current = { controller, settled };
    return 'started';
  }

  private async execute(trigger: Trigger, at: Date, controller: AbortController): Promise<void> {
    const durationMs = () => this.now().getTime() - at.getTime();
    try {
      // inside an async function, a job that throws synchronously is still a failed run, not a service crash
      const report = await this.options.job(controller.signal);
      this.options.logger.info({ trigger, scanId: report.scan.id, durationMs: durationMs() }, 'scan completed');
      this.emit({ type: 'completed', trigger, at: this.now(), durationMs: durationMs(), report });
    } catch (error) {
      const type = controller.signal.aborted ? 'aborted' : 'failed';
      this.options.logger.error({ trigger, err: error, durationMs: durationMs() }, `scan ${type}`);
      this.emit({ type, trigger, at: this.now(), durationMs: durationMs(), error });
    }
  }

  /** Stop taking work; let the running scan finish within the grace period, then abort it. */
  async shutdown(): Promise<ShutdownOutcome> {
    this.stopping = true;
    this.options.ticks.stop();
    const run = this.current;
    if (!run) return 'idle';
    if (await within(run.settled, this.options.graceMs)) return 'finished';
    this.options.logger.warn({ graceMs: this.options.graceMs }, 'grace period over: aborting the running scan');
    run.controller.abort(new ShutdownAbort(this.options.graceMs));
    return (await within(run.settled, this.options.abortWaitMs ?? 10_000)) ? 'aborted' : 'abandoned';
  }
}
