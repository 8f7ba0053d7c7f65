import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ApiCaller } from '../src/cloud/api-caller.js';
import type { CallSite } from '../src/cloud/api-error.js';
import { Redactor } from '../src/cloud/redact.js';

const site: CallSite = { service: 'ecs', region: 'cn-hangzhou', action: 'DescribeInstances' };

function sdkError(fields: { code: string; statusCode?: number; retryAfter?: number; message?: string; name?: string }) {
  return Object.assign(new Error(fields.message ?? `code: ${fields.statusCode}, ${fields.code}`), fields);
}

function newCaller(sleeps: number[], redactor = new Redactor()) {
  // the backoff's sleeps are recorded and move the rate limiter's clock; its own waits are not recorded
  let now = 0;
  return new ApiCaller({
    redactor,
    logger: pino({ level: 'silent' }),
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxElapsedMs: 60_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    pacing: {
      sleep: async (ms) => {
        now += ms;
      },
      clock: () => now,
    },
    random: () => 0.5,
  });
}

describe('ApiCaller', () => {
  it.each([
    { name: 'throttling', error: sdkError({ code: 'Throttling.User', statusCode: 400 }) },
    { name: '5xx', error: sdkError({ code: 'InternalError', statusCode: 503 }) },
    { name: 'connection reset', error: sdkError({ code: 'ECONNRESET' }) },
    { name: 'timeout', error: sdkError({ code: 'RequestTimeout', name: 'RequestTimeoutError' }) },
  ])('retries $name and then succeeds', async ({ error }) => {
    const sleeps: number[] = [];
    let attempts = 0;
    const result = await newCaller(sleeps).call(site, async () => {
      attempts++;
      if (attempts < 3) throw error;
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toBe(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it.each([
    { name: 'access denied', error: sdkError({ code: 'Forbidden.RAM', statusCode: 403 }), kind: 'denied' },
    { name: 'not found', error: sdkError({ code: 'InvalidRegionId.NotFound', statusCode: 404 }), kind: 'invalid' },
    { name: 'invalid parameter', error: sdkError({ code: 'InvalidParameter', statusCode: 400 }), kind: 'invalid' },
  ])('does not retry $name', async ({ error, kind }) => {
    const sleeps: number[] = [];
    let attempts = 0;
    const call = newCaller(sleeps).call(site, async () => {
      attempts++;
      throw error;
    });
    await expect(call).rejects.toMatchObject({ kind, apiCode: error.code });
    expect(attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('throws an absent answer as it came, without counting it as a failure', async () => {
    const caller = newCaller([]);
    const call = caller.call(site, async () => {
      throw sdkError({ code: 'EntityNotExist.User.MFADevice', statusCode: 404 });
    }, ['EntityNotExist.User.MFADevice']);
    await expect(call).rejects.toMatchObject({ apiCode: 'EntityNotExist.User.MFADevice' });
    expect(caller.stats).toMatchObject({ calls: 1, failures: 0 });
    expect(caller.stats.byAction['ecs:DescribeInstances']).toEqual({ calls: 1, retries: 0, failures: 0 });
  });

  it('honours x-acs-retry-after and gives up after the attempt budget', async () => {
    const sleeps: number[] = [];
    const caller = newCaller(sleeps);
    const call = caller.call(site, async () => {
      throw sdkError({ code: 'Throttling', statusCode: 400, retryAfter: 700 });
    });
    await expect(call).rejects.toMatchObject({ kind: 'throttled' });
    expect(sleeps).toEqual([700, 700, 700]);
    expect(caller.stats.byAction['ecs:DescribeInstances']).toEqual({ calls: 4, retries: 3, failures: 1 });
  });

  it('turns a typed model mismatch into a malformed-response error', async () => {
    const call = newCaller([]).call(site, async () => {
      throw new Error('type of Instances is mismatch');
    });
    await expect(call).rejects.toMatchObject({ kind: 'malformed', apiCode: 'ResponseShapeMismatch' });
  });

  it('keeps secrets and signed URLs out of error messages', async () => {
    const redactor = new Redactor();
    redactor.add('SuperSecretValue123', 'StsTokenValue456789');
    const message =
      'connect failed: https://ecs.aliyuncs.com/?AccessKeyId=LTAI123&SecurityToken=StsTokenValue456789&Signature=abc%3D&Action=X secret SuperSecretValue123';
    const call = newCaller([], redactor).call(site, async () => {
      throw sdkError({ code: 'InvalidParameter', statusCode: 400, message });
    });
    const error = await call.catch((caught: Error) => caught);
    expect(error.message).not.toMatch(/SuperSecretValue123|StsTokenValue456789|LTAI123|abc%3D/);
    expect(error.message).toContain('[REDACTED]');
  });
});
