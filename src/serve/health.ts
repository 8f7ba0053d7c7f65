// /healthz: healthy while the last completed scan (or, before the first one, the service start) is recent enough.
// A service whose scans keep failing turns unhealthy once no scan has completed for `maxAgeMs`.
import type { RunState } from './metrics.js';

export interface HealthReport {
  healthy: boolean;
  body: {
    status: 'ok' | 'stale';
    running: boolean;
    lastSuccessAt: string | null;
    lastRun: { outcome: string; at: string; durationMs: number } | null;
    nextRunAt: string | null;
    skippedRuns: number;
    maxAgeSeconds: number;
  };
}

export interface HealthInput {
  state: RunState;
  serviceStartedAt: Date;
  nextRun: Date | null;
  maxAgeMs: number;
  now: Date;
}

export function assessHealth({ state, serviceStartedAt, nextRun, maxAgeMs, now }: HealthInput): HealthReport {
  const since = state.lastSuccess ?? serviceStartedAt;
  const healthy = now.getTime() - since.getTime() <= maxAgeMs;
  return {
    healthy,
    body: {
      status: healthy ? 'ok' : 'stale',
      running: state.running,
      lastSuccessAt: state.lastSuccess?.toISOString() ?? null,
      lastRun: state.lastRun && { ...state.lastRun, at: state.lastRun.at.toISOString() },
      nextRunAt: nextRun?.toISOString() ?? null,
      skippedRuns: state.skipped.schedule + state.skipped['run-now'],
      maxAgeSeconds: Math.round(maxAgeMs / 1000),
    },
  };
}
