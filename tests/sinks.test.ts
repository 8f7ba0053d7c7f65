import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { EXIT_CODES, exitCodeFor } from '../src/findings/exit-status.js';
import type { Report } from '../src/findings/types.js';
import { backoffDelay } from '../src/outputs/sinks/http-batch-sink.js';
import { DEFAULT_RETRY } from '../src/outputs/sinks/sink.js';
import { deliverToSink } from '../src/outputs/sinks/deliver.js';
import type { Sink, SinkOptions, SinkSummary } from '../src/outputs/sinks/sink.js';
import { createSink, parseSinkSpec } from '../src/outputs/sinks/sinks.js';
import { defaultSpoolDir } from '../src/outputs/sinks/spool.js';
import { defaultStorePath } from '../src/paths.js';
import { SPLUNK_HEC_TOKEN_ENV } from '../src/outputs/sinks/splunk-hec.js';
import { WEBHOOK_TOKEN_ENV } from '../src/outputs/sinks/webhook.js';
import { runCli } from './helpers/cli.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
const TOKEN = 'hec-secret-0f1e2d3c4b5a';
const FAST = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 2_000 };

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  lines: any[];
}

/** A real HTTP receiver on loopback that answers `fail(n)` (a status, or undefined for 200) to request n. */
async function startReceiver(fail: (request: number) => number | undefined) {
  const accepted: Received[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const status = fail(++requests);
      if (status !== undefined) {
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end('{"text":"Server is busy","code":9}');
        return;
      }
      accepted.push({ path: req.url ?? '', headers: req.headers, lines: body.split('\n').filter(Boolean).map((l) => JSON.parse(l)) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"text":"Success","code":0}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  servers.push(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    requests: () => requests,
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** One scan as the CLI drives a sink. */
const run = (sink: Sink, report: Report): Promise<SinkSummary> => deliverToSink(sink, report);

const scanOf = (id: string): Report => ({ ...sample, scan: { ...sample.scan, id } });
const keysOf = (report: Report) => report.findings.map((f) => `${report.scan.id}/${f.id}`);

async function options(extra: Partial<SinkOptions> = {}): Promise<SinkOptions> {
  return { spoolDir: await mkdtemp(join(tmpdir(), 'aa-spool-')), retry: FAST, batchSize: 5, env: { [SPLUNK_HEC_TOKEN_ENV]: TOKEN }, ...extra };
}

describe('splunk-hec sink', () => {
  it('spools everything while HEC is down and delivers each finding exactly once after it recovers', async () => {
    let down = true;
    const hec = await startReceiver(() => (down ? 503 : undefined));
    const opts = await options();
    const first = scanOf('scan-1');
    const second = scanOf('scan-2');

    const outage = await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), opts), first);
    expect(outage).toMatchObject({ sink: 'splunk-hec', delivered: 0, spooled: first.findings.length });
    expect(outage.errors).toEqual([expect.stringMatching(/^splunk-hec http:\/\/127\.0\.0\.1:\d+\/services\/collector\/event: HTTP 503 .*after 3 attempt\(s\)$/)]);
    // the first batch is retried; the later ones go straight to the spool, in order
    expect(hec.requests()).toBe(FAST.attempts);
    const spoolDirs = await readdir(opts.spoolDir!);
    const files = await readdir(join(opts.spoolDir!, spoolDirs[0]!));
    expect(files).toHaveLength(3);
    for (const file of files) {
      const path = join(opts.spoolDir!, spoolDirs[0]!, file);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readFile(path, 'utf8')).not.toContain(TOKEN);
    }

    down = false;
    const recovered = await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), opts), second);
    expect(recovered).toMatchObject({ delivered: first.findings.length + second.findings.length, spooled: 0, errors: [] });
    expect(await readdir(join(opts.spoolDir!, spoolDirs[0]!))).toEqual([]);

    const events = hec.accepted.flatMap((request) => request.lines);
    const arrived = events.map((e) => `${e.event.metadata.correlation_uid}/${e.event.finding_info.uid}`);
    // spooled findings first, every finding once
    expect(arrived).toEqual([...keysOf(first), ...keysOf(second)]);
  });

  it('speaks the HEC wire format', async () => {
    const hec = await startReceiver(() => undefined);
    await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), await options()), sample);
    const [request] = hec.accepted;
    expect(request?.path).toBe('/services/collector/event');
    expect(request?.headers.authorization).toBe(`Splunk ${TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const envelope = request!.lines[0];
    expect(envelope).toMatchObject({ source: 'alicloud-audit', sourcetype: 'alicloud-audit:ocsf:compliance_finding' });
    expect(envelope.time).toBe(Date.parse(sample.scan.finishedAt) / 1000);
    expect(envelope.event.time).toBe(Date.parse(sample.scan.finishedAt));
    expect(envelope.event.class_uid).toBe(2003);
    expect(hec.accepted).toHaveLength(Math.ceil(sample.findings.length / 5));
  });

  it('carries the lifecycle of a stored scan: Create for new, Update for still failing, Close for fixed', async () => {
    const [newOne, stillFailing, gone] = sample.findings.filter((finding) => finding.status === 'fail');
    const entry = (finding: Report['findings'][number], kind: 'new' | 'unchanged' | 'resolved') => ({
      findingId: finding.id,
      kind,
      previous: kind === 'new' ? null : ('fail' as const),
      seen: kind !== 'new',
      failing: kind !== 'resolved',
      firstSeen: sample.scan.finishedAt,
      lastSeen: sample.scan.finishedAt,
      ...(kind === 'resolved' ? { lastReported: finding } : {}),
    });
    const report: Report = {
      ...sample,
      findings: [newOne!, stillFailing!],
      delta: { baseScanId: 'previous', counts: { new: 1, resolved: 1, reopened: 0, unchanged: 1 }, entries: [entry(newOne!, 'new'), entry(stillFailing!, 'unchanged'), entry(gone!, 'resolved')] },
    };
    const activities = async (changesOnly: boolean) => {
      const hec = await startReceiver(() => undefined);
      await deliverToSink(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), await options()), report, { changesOnly });
      return Object.fromEntries(hec.accepted.flatMap((request) => request.lines).map((line) => [line.event.finding_info.uid, line.event.activity_id]));
    };
    expect(await activities(false)).toEqual({ [newOne!.id]: 1, [stillFailing!.id]: 2, [gone!.id]: 3 });
    expect(await activities(true)).toEqual({ [newOne!.id]: 1, [gone!.id]: 3 });
  });

  it('keeps an explicit endpoint path', async () => {
    const hec = await startReceiver(() => undefined);
    await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}/services/collector/event/1.0`), await options()), sample);
    expect(hec.accepted[0]?.path).toBe('/services/collector/event/1.0');
  });

  it('retries transient failures within the run and spools nothing', async () => {
    const hec = await startReceiver((n) => (n <= 2 ? 503 : undefined));
    const summary = await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), await options()), sample);
    expect(summary).toMatchObject({ delivered: sample.findings.length, spooled: 0, errors: [] });
    expect(hec.accepted.flatMap((r) => r.lines).map((e) => e.event.finding_info.uid)).toEqual(sample.findings.map((f) => f.id));
  });

  it('does not retry a rejected token, spools the batch and keeps the token out of the error', async () => {
    const hec = await startReceiver(() => 403);
    const summary = await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), await options()), sample);
    expect(hec.requests()).toBe(1);
    expect(summary.spooled).toBe(sample.findings.length);
    expect(summary.errors).toEqual([expect.stringContaining('HTTP 403')]);
    expect(JSON.stringify(summary)).not.toContain(TOKEN);
  });

  it('spools when nothing listens', async () => {
    const hec = await startReceiver(() => undefined);
    servers.pop()!.close();
    await new Promise((done) => setTimeout(done, 20));
    const summary = await run(createSink(parseSinkSpec(`splunk-hec=${hec.url}`), await options()), sample);
    expect(summary).toMatchObject({ delivered: 0, spooled: sample.findings.length });
    expect(summary.errors[0]).toMatch(/ECONNREFUSED/);
  });

  it('needs a token from the environment', () => {
    expect(() => createSink(parseSinkSpec('splunk-hec=https://splunk.example.com:8088'), { env: {} })).toThrow(
      new UsageError(`--sink splunk-hec needs a HEC token: set ${SPLUNK_HEC_TOKEN_ENV}.`),
    );
  });
});

describe('webhook sink', () => {
  it('posts NDJSON batches, recovers from an outage across runs, and loses nothing', async () => {
    // run 1: requests 1-2 fail (batch 1 exhausts 2 attempts); run 2: the first drain attempt fails, then all pass
    const hook = await startReceiver((n) => (n <= 2 || n === 3 ? 503 : undefined));
    const opts = await options({ retry: { ...FAST, attempts: 2 }, env: { [WEBHOOK_TOKEN_ENV]: 'hook-token-123456' } });
    const first = scanOf('scan-1');
    const second = scanOf('scan-2');
    const outage = await run(createSink(parseSinkSpec(`webhook=${hook.url}/ingest`), opts), first);
    expect(outage).toMatchObject({ delivered: 0, spooled: first.findings.length });
    const recovered = await run(createSink(parseSinkSpec(`webhook=${hook.url}/ingest`), opts), second);
    expect(recovered).toMatchObject({ delivered: first.findings.length + second.findings.length, spooled: 0, errors: [] });

    const [request] = hook.accepted;
    expect(request?.path).toBe('/ingest');
    expect(request?.headers['content-type']).toBe('application/x-ndjson');
    expect(request?.headers.authorization).toBe('Bearer hook-token-123456');
    const arrived = hook.accepted.flatMap((r) => r.lines).map((line) => `${line.scanId}/${line.id}`);
    expect(arrived).toEqual([...keysOf(first), ...keysOf(second)]);
  });
});

describe('parseSinkSpec', () => {
  it.each([
    { spec: 'splunk-hec', message: /expects NAME=URL.*known sinks: splunk-hec, webhook/ },
    { spec: '=https://x', message: /expects NAME=URL/ },
    { spec: 'kafka=https://x', message: /unknown sink "kafka"; known sinks: splunk-hec, webhook/ },
    { spec: 'webhook=not a url', message: /webhook: the URL is not valid/ },
    { spec: 'webhook=ftp://host/x', message: /must be http or https, not ftp/ },
    { spec: 'webhook=https://user:hunter2secret@host/x', message: /do not put credentials in the URL/ },
  ])('rejects $spec', ({ spec, message }) => {
    const attempt = () => parseSinkSpec(spec);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('parses a name and URL', () => {
    const spec = parseSinkSpec('webhook=https://hooks.example.com/audit?x=1');
    expect(spec.name).toBe('webhook');
    expect(spec.url.href).toBe('https://hooks.example.com/audit?x=1');
  });
});

describe('spool and backoff', () => {
  it('defaults the spool under the user state directory', () => {
    expect(defaultSpoolDir({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/alicloud-audit/spool');
    expect(defaultSpoolDir({})).toMatch(/\.local\/state\/alicloud-audit\/spool$/);
  });

  it('keeps the default history beside the spool, in the same state directory', () => {
    expect(defaultStorePath({ XDG_STATE_HOME: '/var/state' })).toBe('/var/state/alicloud-audit/history.db');
    expect(dirname(defaultStorePath({}))).toBe(dirname(defaultSpoolDir({})));
  });

  it('grows the backoff ceiling exponentially up to the maximum, and honours Retry-After', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const delay = backoffDelay(DEFAULT_RETRY, attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** attempt));
    }
    expect(backoffDelay(DEFAULT_RETRY, 0, 2_000)).toBe(2_000);
    expect(backoffDelay(DEFAULT_RETRY, 0, 600_000)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});

describe('scan --fail-on-undelivered', { timeout: 60_000 }, () => {
  /** A demo scan whose webhook answers 503 to everything: every finding ends in the spool. */
  async function scanWithOutage(extra: string[]) {
    const hook = await startReceiver(() => 503);
    const spoolDir = await mkdtemp(join(tmpdir(), 'aa-undelivered-'));
    const result = await runCli(['scan', '--demo', '--format', 'json', '--sink', `webhook=${hook.url}/ingest`, '--spool-dir', spoolDir, ...extra]);
    const spooled = (await readdir(spoolDir, { recursive: true })).filter((name) => name.endsWith('.batch'));
    return { ...result, spooled, requests: hook.requests() };
  }

  it('exits 5 when a sink spooled what it could not deliver', async () => {
    const outage = await scanWithOutage(['--fail-on-undelivered']);
    expect(outage.requests).toBeGreaterThan(0);
    expect(outage.spooled.length).toBeGreaterThan(0);
    expect(outage.stderr).toMatch(/HTTP 503/);
    expect(outage.code).toBe(EXIT_CODES.undelivered);
    expect((JSON.parse(outage.stdout) as Report).findings.length).toBeGreaterThan(0);
  });

  it('takes failOnUndelivered from the config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-undelivered-config-'));
    await writeFile(join(dir, 'config.yaml'), 'failOnUndelivered: true\n');
    expect((await scanWithOutage(['--config', join(dir, 'config.yaml')])).code).toBe(EXIT_CODES.undelivered);
  });

  it('without it, exits as the findings say', async () => {
    const outage = await scanWithOutage([]);
    expect(outage.spooled.length).toBeGreaterThan(0);
    expect(outage.code).toBe(exitCodeFor(JSON.parse(outage.stdout) as Report));
    expect(outage.code).not.toBe(EXIT_CODES.undelivered);
  });

  it('yields to a failure at --fail-on and wins over an incomplete scan', () => {
    const report = (failBySeverity: Partial<Report['summary']['failBySeverity']>, incomplete: boolean) => ({
      scan: { ...sample.scan, incomplete },
      summary: { ...sample.summary, byStatus: { ...sample.summary.byStatus, error: 0 }, failBySeverity: { ...sample.summary.failBySeverity, critical: 0, high: 0, medium: 0, low: 0, info: 0, ...failBySeverity } },
    });
    expect(exitCodeFor(report({ high: 1 }, true), 'high', true)).toBe(EXIT_CODES.failing);
    expect(exitCodeFor(report({}, true), 'high', true)).toBe(EXIT_CODES.undelivered);
    expect(exitCodeFor(report({}, true), 'high', false)).toBe(EXIT_CODES.incomplete);
    expect(exitCodeFor(report({}, false), undefined, true)).toBe(EXIT_CODES.undelivered);
    expect(exitCodeFor(report({}, false), undefined, false)).toBe(EXIT_CODES.ok);
  });
});
