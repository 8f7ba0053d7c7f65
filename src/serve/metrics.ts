// What the service knows about its runs, fed by scheduler events: the Prometheus series of /metrics and the
// state /healthz judges.
import { SEVERITIES, STATUSES, type Report } from '../findings/types.js';
import type { MetricFamily } from './prometheus-text.js';
import type { SchedulerEvent, Trigger } from './scheduler.js';

export interface ApiCallCounts {
  calls: number;
  errors: number;
}

/** Cumulative API calls and errors per product since the service started, from the cloud client's accounting. */
export interface ApiMetricsSource {
  byProduct(): ReadonlyMap<string, ApiCallCounts>;
}

/** An ApiMetricsSource the service adds each scan's call accounting to. */
export class ApiCallTotals implements ApiMetricsSource {
  private readonly totals = new Map<string, ApiCallCounts>();

  add(product: string, counts: ApiCallCounts): void {
    const total = this.totals.get(product) ?? { calls: 0, errors: 0 };
    this.totals.set(product, { calls: total.calls + counts.calls, errors: total.errors + counts.errors });
  }

  byProduct(): ReadonlyMap<string, ApiCallCounts> {
    return this.totals;
  }
}

/** Seconds; scans of a small account take seconds, of a large one many minutes. */
export const DURATION_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600] as const;

type Outcome = 'completed' | 'failed' | 'aborted';

export interface RunState {
  running: boolean;
  lastRun: { outcome: Outcome; at: Date; durationMs: number } | null;
  lastSuccess: Date | null;
  lastReport: Report | null;
  skipped: Record<Trigger, number>;
}

export class ServiceMetrics {
  private readonly api: ApiMetricsSource | undefined;
  private readonly outcomes: Record<Outcome, number> = { completed: 0, failed: 0, aborted: 0 };
  private readonly durationCounts = new Array<number>(DURATION_BUCKETS.length + 1).fill(0);
  private durationSum = 0;
  readonly state: RunState = {
    running: false,
    lastRun: null,
    lastSuccess: null,
    lastReport: null,
    skipped: { schedule: 0, 'run-now': 0 },
  };

  constructor(api?: ApiMetricsSource) {
    this.api = api;
  }

  /** Pass as the scheduler's onEvent. */
  record(event: SchedulerEvent): void {
    switch (event.type) {
      case 'started':
        this.state.running = true;
        return;
      case 'skipped':
        this.state.skipped[event.trigger]++;
        return;
      case 'completed':
        this.state.lastSuccess = event.at;
        this.state.lastReport = event.report;
        break;
      case 'failed':
      case 'aborted':
        break;
    }
    this.state.running = false;
    this.state.lastRun = { outcome: event.type, at: event.at, durationMs: event.durationMs };
    this.outcomes[event.type]++;
    const seconds = event.durationMs / 1000;
    const bucket = DURATION_BUCKETS.findIndex((bound) => seconds <= bound);
    this.durationCounts[bucket === -1 ? DURATION_BUCKETS.length : bucket]!++;
    this.durationSum += seconds;
  }

  families(): MetricFamily[] {
    const { state } = this;
    const api = [...(this.api?.byProduct() ?? new Map<string, ApiCallCounts>())].sort(([a], [b]) => a.localeCompare(b));
    return [
      {
        name: 'alicloud_audit_scan_duration_seconds',
        help: 'Duration of finished scans, whatever their outcome.',
        type: 'histogram',
        histogram: { buckets: DURATION_BUCKETS, counts: this.durationCounts, sum: this.durationSum },
      },
      {
        name: 'alicloud_audit_scans_total',
        help: 'Finished scans by outcome.',
        type: 'counter',
        samples: Object.entries(this.outcomes).map(([outcome, value]) => ({ labels: { outcome }, value })),
      },
      {
        name: 'alicloud_audit_scans_skipped_total',
        help: 'Runs skipped because a scan was still running.',
        type: 'counter',
        samples: Object.entries(state.skipped).map(([trigger, value]) => ({ labels: { trigger }, value })),
      },
      {
        name: 'alicloud_audit_scan_running',
        help: '1 while a scan is running.',
        type: 'gauge',
        samples: [{ value: state.running ? 1 : 0 }],
      },
      {
        name: 'alicloud_audit_last_success_timestamp_seconds',
        help: 'When the last scan completed, in Unix seconds; absent until one has.',
        type: 'gauge',
        samples: state.lastSuccess ? [{ value: state.lastSuccess.getTime() / 1000 }] : [],
      },
      {
        name: 'alicloud_audit_findings',
        help: 'Findings of the last completed scan by severity and status.',
        type: 'gauge',
        samples: findingSamples(state.lastReport),
      },
      {
        name: 'alicloud_audit_api_calls_total',
        help: 'Alibaba Cloud API calls by product, retries included.',
        type: 'counter',
        samples: api.map(([product, counts]) => ({ labels: { product }, value: counts.calls })),
      },
      {
        name: 'alicloud_audit_api_errors_total',
        help: 'Alibaba Cloud API calls that failed for good, by product.',
        type: 'counter',
        samples: api.map(([product, counts]) => ({ labels: { product }, value: counts.errors })),
      },
    ];
  }
}

function findingSamples(report: Report | null) {
  if (!report) return [];
  const counts = new Map<string, number>();
  for (const finding of report.findings) {
    const key = `${finding.severity}/${finding.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // every combination, zeros included, so a series drops to 0 instead of vanishing when fixed
  return SEVERITIES.flatMap((severity) =>
    STATUSES.map((status) => ({ labels: { severity, status }, value: counts.get(`${severity}/${status}`) ?? 0 })),
  );
}
