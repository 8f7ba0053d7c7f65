import { afterEach, describe, expect, it } from 'vitest';
import { assessHealth } from '../src/serve/health.js';
import { startServiceHttp, type ServiceHttp } from '../src/serve/http.js';
import { ApiCallTotals, ServiceMetrics } from '../src/serve/metrics.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheusText } from '../src/serve/prometheus-text.js';
import { finding, report } from './store-fixtures.js';

// The exposition format, line by line: https://prometheus.io/docs/instrumenting/exposition_formats/
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const LABELS = `\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})(?:,[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})*\\}`;
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]Inf|NaN)';
const SAMPLE = new RegExp(`^(${NAME})(${LABELS})? (${VALUE})(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP (${NAME}) .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

interface Parsed {
  types: Map<string, string>;
  samples: { name: string; labels: string; value: number }[];
}

/** Parse strictly: every line must be HELP, TYPE or a sample of a family declared before it. */
function parsePrometheus(text: string): Parsed {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const samples: Parsed['samples'] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const type = TYPE.exec(line);
    if (type) {
      expect(types.has(type[1] as string), `TYPE repeated: ${line}`).toBe(false);
      types.set(type[1] as string, type[2] as string);
      continue;
    }
    if (HELP.test(line)) continue;
    const sample = SAMPLE.exec(line);
    expect(sample, `not a Prometheus line: ${JSON.stringify(line)}`).not.toBeNull();
    const name = sample?.[1] as string;
    const family = [...types.keys()].find(
      (declared) =>
        declared === name ||
        (types.get(declared) === 'histogram' && [`${declared}_bucket`, `${declared}_sum`, `${declared}_count`].includes(name)),
    );
    expect(family, `sample before its TYPE: ${line}`).toBeDefined();
    if (types.get(family as string) === 'counter') expect(family?.endsWith('_total')).toBe(true);
    samples.push({ name, labels: sample?.[2] ?? '', value: Number(sample?.[3]?.replace('Inf', 'Infinity')) });
  }
  return { types, samples };
}

const value = (parsed: Parsed, name: string, labels = '') =>
  parsed.samples.find((sample) => sample.name === name && sample.labels === labels)?.value;

function busyMetrics() {
  const api = new ApiCallTotals();
  api.add('ecs', { calls: 40, errors: 2 });
  api.add('ram', { calls: 7, errors: 0 });
  api.add('ecs', { calls: 10, errors: 1 });
  const metrics = new ServiceMetrics(api);
  const at = new Date('2026-11-29T04:00:00.000Z');
  const scan = report({
    id: 's1',
    findings: [
      finding('r1', 'sg-1', 'fail'),
      finding('r1', 'sg-2', 'fail'),
      finding('r1', 'sg-3', 'pass', { severity: 'low' }),
      finding('r2', 'sg-1', 'error', { severity: 'critical' }),
    ],
  });
  metrics.record({ type: 'started', trigger: 'schedule', at });
  metrics.record({ type: 'skipped', trigger: 'schedule', at });
  metrics.record({ type: 'completed', trigger: 'schedule', at, durationMs: 42_000, report: scan });
  metrics.record({ type: 'started', trigger: 'run-now', at });
  metrics.record({ type: 'failed', trigger: 'run-now', at, durationMs: 4_000_000, error: new Error('x') });
  return metrics;
}

describe('/metrics text', () => {
  it('parses as Prometheus text with the expected series', () => {
    const parsed = parsePrometheus(renderPrometheusText(busyMetrics().families()));
    expect(parsed.types.get('alicloud_audit_scan_duration_seconds')).toBe('histogram');
    expect(value(parsed, 'alicloud_audit_scan_duration_seconds_bucket', '{le="30"}')).toBe(0);
    expect(value(parsed, 'alicloud_audit_scan_duration_seconds_bucket', '{le="60"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_scan_duration_seconds_bucket', '{le="3600"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_scan_duration_seconds_bucket', '{le="+Inf"}')).toBe(2);
    expect(value(parsed, 'alicloud_audit_scan_duration_seconds_count')).toBe(2);
    expect(value(parsed, 'alicloud_audit_scan_duration_seconds_sum')).toBe(4042);
    expect(value(parsed, 'alicloud_audit_scans_total', '{outcome="completed"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_scans_total', '{outcome="failed"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_scans_skipped_total', '{trigger="schedule"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_scan_running')).toBe(0);
    expect(value(parsed, 'alicloud_audit_last_success_timestamp_seconds')).toBe(Date.parse('2026-11-29T04:00:00Z') / 1000);
    expect(value(parsed, 'alicloud_audit_findings', '{severity="high",status="fail"}')).toBe(2);
    expect(value(parsed, 'alicloud_audit_findings', '{severity="low",status="pass"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_findings', '{severity="critical",status="error"}')).toBe(1);
    expect(value(parsed, 'alicloud_audit_findings', '{severity="medium",status="fail"}')).toBe(0);
    expect(value(parsed, 'alicloud_audit_api_calls_total', '{product="ecs"}')).toBe(50);
    expect(value(parsed, 'alicloud_audit_api_errors_total', '{product="ecs"}')).toBe(3);
    expect(value(parsed, 'alicloud_audit_api_calls_total', '{product="ram"}')).toBe(7);
  });

  it('parses before any scan, with no last-success sample', () => {
    const parsed = parsePrometheus(renderPrometheusText(new ServiceMetrics().families()));
    expect(value(parsed, 'alicloud_audit_last_success_timestamp_seconds')).toBeUndefined();
    expect(parsed.samples.some((sample) => sample.name === 'alicloud_audit_findings')).toBe(false);
  });

  it('escapes label values and help text', () => {
    const text = renderPrometheusText([
      { name: 'x_total', help: 'a\\b\nc', type: 'counter', samples: [{ labels: { product: 'a"b\\c\nd' }, value: 1 }] },
    ]);
    expect(text).toBe('# HELP x_total a\\\\b\\nc\n# TYPE x_total counter\nx_total{product="a\\"b\\\\c\\nd"} 1\n');
    parsePrometheus(text);
  });
});

describe('health', () => {
  const state = () => new ServiceMetrics().state;
  const start = new Date('2026-11-29T00:00:00.000Z');
  const hours = (n: number) => new Date(start.getTime() + n * 3_600_000);

  it.each([
    { name: 'healthy before any scan, within the max age', lastSuccess: null, now: hours(5), healthy: true },
    { name: 'stale when no scan ever completed', lastSuccess: null, now: hours(13), healthy: false },
    { name: 'healthy after a recent success', lastSuccess: hours(10), now: hours(20), healthy: true },
    { name: 'stale when the last success is too old', lastSuccess: hours(1), now: hours(20), healthy: false },
  ])('$name', ({ lastSuccess, now, healthy }) => {
    const s = { ...state(), lastSuccess };
    const health = assessHealth({ state: s, serviceStartedAt: start, nextRun: null, maxAgeMs: 12 * 3_600_000, now });
    expect(health.healthy).toBe(healthy);
    expect(health.body.status).toBe(healthy ? 'ok' : 'stale');
  });
});

describe('service HTTP', () => {
  let http: ServiceHttp | undefined;
  afterEach(async () => {
    await http?.close();
    http = undefined;
  });

  async function serve(healthy: boolean) {
    const metrics = busyMetrics();
    http = await startServiceHttp(
      {
        health: () =>
          assessHealth({
            state: metrics.state,
            serviceStartedAt: new Date(),
            nextRun: new Date('2026-11-29T06:00:00.000Z'),
            maxAgeMs: healthy ? Number.MAX_SAFE_INTEGER : 0,
            now: new Date(),
          }),
        metrics: () => renderPrometheusText(metrics.families()),
      },
      { port: 0 },
    );
    return http.url;
  }

  it('binds loopback by default and serves Prometheus text on /metrics', async () => {
    const url = await serve(true);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PROMETHEUS_CONTENT_TYPE);
    parsePrometheus(await response.text());
  });

  it.each([
    { healthy: true, status: 200 },
    { healthy: false, status: 503 },
  ])('answers /healthz with $status when healthy is $healthy', async ({ healthy, status }) => {
    const response = await fetch(`${await serve(healthy)}/healthz`);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({
      status: healthy ? 'ok' : 'stale',
      lastRun: { outcome: 'failed' },
      nextRunAt: '2026-11-29T06:00:00.000Z',
      skippedRuns: 1,
    });
  });

  it.each([
    { path: '/nope', method: 'GET', status: 404 },
    { path: '/metrics', method: 'POST', status: 405 },
  ])('answers $method $path with $status', async ({ path, method, status }) => {
    const response = await fetch(`${await serve(true)}${path}`, { method });
    expect(response.status).toBe(status);
  });

  it('reports a port in use as a usage error', async () => {
    const url = await serve(true);
    const port = Number(new URL(url).port);
    await expect(startServiceHttp({ health: () => { throw new Error('unused'); }, metrics: () => '' }, { port })).rejects.toThrow(
      /cannot listen on 127.0.0.1:\d+/,
    );
  });
});
