// Collection under injected faults: transient faults change nothing in the inventory or the findings;
// faults that do not clear, and denied APIs, become `error` findings with a clear code, never a pass.
import VpcMod, * as $Vpc from '@alicloud/vpc20160428';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCaller, type RetryPolicy } from '../src/cloud/api-caller.js';
import { cjsDefault } from '../src/cloud/cjs.js';
import { createCredential } from '../src/cloud/credentials.js';
import type { RateLimitPolicy } from '../src/cloud/rate-limit.js';
import { Redactor } from '../src/cloud/redact.js';
import { injectFaults, type FaultOptions } from '../src/emulator/faults.js';
import { defineAccount, loadAccountModel, startEmulator, type AccountModel } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, loadRules, type Rule } from '../src/engine/index.js';
import type { Report } from '../src/findings/types.js';
import type { Inventory } from '../src/inventory/types.js';
import { DEMO_ACCOUNT_FILE } from '../src/paths.js';
import { evaluateScan } from '../src/scan/run-scan.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';

const Vpc = cjsDefault(VpcMod);
const KEY = { accessKeyId: 'LTAIfaulttest00001', accessKeySecret: 'fault-test-secret-0000001' };
/** many quick attempts: a 25 % fault rate must clear well within them */
const FAST_RETRY: RetryPolicy = { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 20, maxElapsedMs: 20_000 };
const NO_RETRY_WAIT: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxElapsedMs: 5_000 };
const EVALUATED_AT = new Date('2026-11-15T00:00:00Z');
const logger = pino({ level: 'silent' });

let demo: AccountModel;
let rules: Rule[];

beforeAll(async () => {
  demo = await loadAccountModel(DEMO_ACCOUNT_FILE);
  rules = await loadRules([BUNDLED_RULES_DIR]);
});

interface ScanResult {
  inventory: Inventory;
  report: Report;
  injected: ReturnType<typeof injectFaults>['injected'] | undefined;
  calls: Array<{ action: string; region: string | null }>;
  retries: number;
}

async function scan(options: { faults?: FaultOptions; model?: AccountModel; retry?: RetryPolicy; limits?: RateLimitPolicy } = {}): Promise<ScanResult> {
  const injector = options.faults ? injectFaults(options.faults) : undefined;
  const { inventory, stats, calls } = await scanThroughEmulator(options.model ?? demo, {
    retry: options.retry ?? FAST_RETRY,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(injector ? { hooks: injector.hooks } : {}),
  });
  const report = evaluateScan({ inventory, source: 'live', startedAt: EVALUATED_AT, apiCalls: stats.calls }, { rules, now: EVALUATED_AT });
  return { inventory, report, injected: injector?.injected, calls, retries: stats.retries };
}

/** The inventory minus its time; gaps in a stable order and without the per-call request id. */
const comparable = ({ collectedAt: _collectedAt, gaps, ...rest }: Inventory) => ({
  ...rest,
  gaps: gaps.map(({ requestId: _requestId, ...gap }) => gap).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
});
const outcomes = (report: Report) =>
  Object.fromEntries(report.findings.map((finding) => [finding.id, { status: finding.status, evidence: finding.evidence }]));

describe('transient faults', () => {
  let baseline: ScanResult;
  beforeAll(async () => {
    baseline = await scan();
  });

  it('leave the inventory and the findings exactly as a fault-free run has them', async () => {
    const faulty = await scan({
      faults: { seed: 7, throttleRate: 0.2, serverErrorRate: 0.05, malformedRate: 0.02, htmlRate: 0.02, retryAfterMs: 5, latencyMs: 1 },
    });
    // the faults really happened, and were retried away
    expect(faulty.injected).toMatchObject({
      throttle: expect.any(Number),
      server: expect.any(Number),
    });
    for (const kind of ['throttle', 'server', 'malformed', 'html'] as const) expect(faulty.injected?.[kind]).toBeGreaterThan(0);
    expect(faulty.retries).toBeGreaterThanOrEqual(faulty.injected!.throttle + faulty.injected!.server);
    expect(baseline.report.findings.length).toBeGreaterThan(50);
    expect(comparable(faulty.inventory)).toEqual(comparable(baseline.inventory));
    expect(outcomes(faulty.report)).toEqual(outcomes(baseline.report));
  });

  it('per-action QPS caps throttle a caller that ignores them, and the result is still exact', async () => {
    // starts far above the caps: the first second of every budget is throttled until it has learned
    const greedy: RateLimitPolicy = { initialRate: 1000, maxRate: 1000, maxConcurrency: 50, maxShare: 1 };
    // backoff long enough for a one-second window to pass
    const patient: RetryPolicy = { maxAttempts: 20, baseDelayMs: 50, maxDelayMs: 500, maxElapsedMs: 20_000 };
    const capped = await scan({ faults: { qpsCap: () => 5, latencyMs: 2 }, limits: greedy, retry: patient });
    expect(capped.injected?.qps).toBeGreaterThan(0);
    expect(comparable(capped.inventory)).toEqual(comparable(baseline.inventory));
  });

  it('a caller whose budgets sit under the caps is never throttled', async () => {
    const polite: RateLimitPolicy = { initialRate: 20, maxRate: 20, maxConcurrency: 4, maxShare: 1 };
    const capped = await scan({ faults: { qpsCap: () => 25, latencyMs: 2 }, limits: polite });
    expect(capped.injected?.qps).toBe(0);
    expect(comparable(capped.inventory)).toEqual(comparable(baseline.inventory));
  });

  it('the bulk MFA listing and the per-user calls agree on every user', async () => {
    const perUser = await scan({ model: defineAccount({ ...demo, deniedActions: ['ims:ListVirtualMFADevices'] }) });
    expect(perUser.calls.filter((call) => call.action === 'GetUserMFAInfo').length).toBe(demo.ram.users.length);
    expect(baseline.calls.filter((call) => call.action === 'GetUserMFAInfo').length).toBeLessThan(demo.ram.users.length);
    expect(comparable(perUser.inventory)).toEqual(comparable(baseline.inventory));
  });
});

describe('faults that do not clear', () => {
  it('a denied API makes its rules error, none pass, and the coverage says what was not assessed', async () => {
    const result = await scan({ model: defineAccount({ ...demo, deniedActions: ['ecs:DescribeDisks'] }) });
    const diskFindings = result.report.findings.filter((finding) => finding.resource.type === 'ecs.disk');
    expect(diskFindings.length).toBeGreaterThan(0);
    expect(diskFindings.every((finding) => finding.status === 'error')).toBe(true);
    expect(diskFindings[0]?.reason).toMatch(/DescribeDisks/);
    const diskGaps = result.report.coverage.gaps.filter((gap) => gap.action === 'DescribeDisks');
    expect(diskGaps.sort((a, b) => String(a.region).localeCompare(String(b.region)))).toEqual(
      Object.keys(demo.regions).sort().map((region) =>
        expect.objectContaining({ region, ramAction: 'ecs:DescribeDisks', kind: 'denied', code: 'Forbidden.RAM', resourceTypes: ['ecs.disk'] }),
      ),
    );
    expect(result.report.scan.incomplete).toBe(true);
    expect(result.report.coverage.duties.find((duty) => duty.duty === 'disk-encryption')?.state).not.toBe('assessed');
  });

  it.each([
    { name: 'a malformed JSON body', faults: { malformedRate: 1 }, kind: 'malformed', code: 'MalformedResponse' },
    { name: 'an HTML error page', faults: { htmlRate: 1 }, kind: 'malformed', code: 'MalformedResponse' },
    { name: 'throttling that never clears', faults: { throttleRate: 1, retryAfterMs: 1 }, kind: 'throttled', code: expect.stringMatching(/^Throttling/) },
  ])('$name exhausts the retries into an error with a clear code', async ({ faults, kind, code }) => {
    const result = await scan({ faults: { ...faults, applies: (call) => call.action === 'DescribeVpcs' }, retry: NO_RETRY_WAIT });
    const vpcCalls = result.calls.filter((call) => call.action === 'DescribeVpcs');
    expect(vpcCalls).toHaveLength(Object.keys(demo.regions).length * NO_RETRY_WAIT.maxAttempts);
    const gaps = result.inventory.gaps.filter((gap) => gap.action === 'DescribeVpcs');
    expect(gaps).toHaveLength(Object.keys(demo.regions).length);
    for (const gap of gaps) expect(gap).toMatchObject({ kind, code, ramAction: 'vpc:DescribeVpcs', resourceTypes: ['vpc.vpc'] });
    const vpcFindings = result.report.findings.filter((finding) => finding.resource.type === 'vpc.vpc');
    expect(vpcFindings.length).toBeGreaterThan(0);
    expect(vpcFindings.every((finding) => finding.status === 'error')).toBe(true);
  });

  it('an empty page with TotalCount left over stops at once with a gap, never loops', async () => {
    const result = await scan({ faults: { emptyPageRate: 1, applies: (call) => call.action === 'DescribeVpcs' } });
    expect(result.injected?.['empty-page']).toBeGreaterThan(0);
    const regionsWithVpcs = Object.entries(demo.regions).filter(([, region]) => region.vpcs.length > 0).map(([id]) => id);
    expect(result.calls.filter((call) => call.action === 'DescribeVpcs')).toHaveLength(Object.keys(demo.regions).length);
    expect(result.inventory.gaps.filter((gap) => gap.action === 'DescribeVpcs').map((gap) => [gap.region, gap.code]).sort()).toEqual(
      regionsWithVpcs.map((region) => [region, 'PagingInconsistent']).sort(),
    );
  });
});

describe('a call that gets no answer', () => {
  const timeouts = { connectTimeout: 2_000, readTimeout: 150 };
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let held = 0;
  let holdFirst = 0;

  beforeAll(async () => {
    const injector = injectFaults({ timeoutRate: 1, timeoutMs: 5_000, applies: (call) => call.action === 'DescribeVpcs' && held++ < holdFirst });
    emulator = await startEmulator({ account: demo, credentials: [KEY], ...injector.hooks });
  });
  afterAll(async () => {
    await emulator.close();
  });

  function describeVpcs(caller: ApiCaller) {
    const client = new Vpc(
      new $OpenApiUtil.Config({ credential: createCredential({ kind: 'static', ...KEY }), endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http', ...timeouts }),
    );
    return caller.call({ service: 'vpc', region: 'cn-hangzhou', action: 'DescribeVpcs' }, () =>
      client.describeVpcsWithOptions(new $Vpc.DescribeVpcsRequest({ regionId: 'cn-hangzhou' }), new $dara.RuntimeOptions(timeouts)),
    );
  }

  it('times out, is retried, and the retry answers', async () => {
    held = 0;
    holdFirst = 1;
    const caller = new ApiCaller({ redactor: new Redactor(), logger, retry: NO_RETRY_WAIT });
    const response = await describeVpcs(caller);
    expect(response.body?.vpcs?.vpc?.length).toBe(demo.regions['cn-hangzhou']?.vpcs.length);
    expect(caller.stats.byAction['vpc:DescribeVpcs']).toEqual({ calls: 2, retries: 1, failures: 0 });
  });

  it('times out on every attempt into a timeout error', async () => {
    held = 0;
    holdFirst = Infinity;
    const caller = new ApiCaller({ redactor: new Redactor(), logger, retry: NO_RETRY_WAIT });
    await expect(describeVpcs(caller)).rejects.toMatchObject({ kind: 'timeout' });
    expect(caller.stats.byAction['vpc:DescribeVpcs']).toEqual({ calls: 3, retries: 2, failures: 1 });
  });
});
