// `alicloud-audit serve` put together: the schedule, the metrics fed by scheduler events, the HTTP endpoints and
// the shutdown signals. The CLI passes the job (scan + store + outputs) and the parsed config.
import { cronTicks, longestGapMs } from './cron.js';
import { assessHealth } from './health.js';
import { startServiceHttp, type ServiceHttpOptions } from './http.js';
import { ServiceMetrics, type ApiMetricsSource } from './metrics.js';
import { renderPrometheusText } from './prometheus-text.js';
import { Scheduler, type ScanJob, type SchedulerLogger, type ShutdownOutcome } from './scheduler.js';
import { handleShutdownSignals, type SignalTarget } from './signals.js';

export interface ServiceOptions {
  job: ScanJob;
  /** cron pattern, e.g. `0 *\/6 * * *` */
  schedule: string;
  timezone?: string;
  /** run one scan at start, besides the schedule */
  runNow?: boolean;
  graceMs: number;
  http: ServiceHttpOptions;
  /** /healthz turns 503 when no scan completed for this long; default twice the longest gap of the schedule */
  healthMaxAgeMs?: number;
  api?: ApiMetricsSource;
  logger: SchedulerLogger;
  /** where SIGTERM / SIGINT come from (default the process); the service exits through `exit` */
  signals?: SignalTarget;
  exit?: (code: number) => void;
}

export interface RunningService {
  url: string;
  scheduler: Scheduler;
  metrics: ServiceMetrics;
  /** what a signal does: stop the scheduler, close the HTTP server */
  stop(): Promise<ShutdownOutcome>;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const ticks = cronTicks(options.schedule, options.timezone);
  const maxAgeMs = options.healthMaxAgeMs ?? 2 * longestGapMs(ticks);
  const metrics = new ServiceMetrics(options.api);
  const scheduler = new Scheduler({
    job: options.job,
    ticks,
    graceMs: options.graceMs,
    logger: options.logger,
    onEvent: (event) => metrics.record(event),
  });
  const startedAt = new Date();
  const http = await startServiceHttp(
    {
      health: () =>
        assessHealth({ state: metrics.state, serviceStartedAt: startedAt, nextRun: scheduler.nextRun(), maxAgeMs, now: new Date() }),
      metrics: () => renderPrometheusText(metrics.families()),
    },
    options.http,
  );
  const stop = async () => {
    const outcome = await scheduler.shutdown();
    await http.close();
    return outcome;
  };
  const exit = options.exit ?? ((code: number) => process.exit(code));
  handleShutdownSignals(
    scheduler,
    options.logger,
    { onStopped: () => http.close().finally(() => exit(0)), onForced: () => exit(130) },
    options.signals,
  );
  scheduler.start();
  if (options.runNow) scheduler.runNow();
  options.logger.info({ url: http.url, schedule: options.schedule, nextRun: scheduler.nextRun() }, 'service started');
  return { url: http.url, scheduler, metrics, stop };
}
