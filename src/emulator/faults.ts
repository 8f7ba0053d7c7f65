// Fault injection for the emulator: the failures a collector meets on Alibaba's real endpoints, at chosen
// rates, deterministic for a seed. Each call is rolled from a hash of the seed, the request (action, region,
// parameters) and how many times that same request came before, so a retried request gets a fresh roll and
// a run gives the same faults whatever the interleaving of concurrent calls.
// A denied action is not a fault here: list it in the account model's `deniedActions`.
import { ApiError } from './api-error.js';
import type { ApiObject } from './fill.js';
import type { EmulatorReply, Intercepted, InterceptedCall, StartEmulatorOptions } from './server.js';

export interface FaultOptions {
  seed?: number;
  /** share of calls answered with throttling (Throttling.User 400 or Throttling 503, sometimes with x-acs-retry-after) */
  throttleRate?: number;
  /** the x-acs-retry-after value of throttling answers that carry it, in milliseconds */
  retryAfterMs?: number;
  /** share of calls answered with a 5xx JSON error */
  serverErrorRate?: number;
  /** share of calls that get no answer within `timeoutMs` */
  timeoutRate?: number;
  timeoutMs?: number;
  /** share of calls answered 200 with a truncated JSON body */
  malformedRate?: number;
  /** share of calls answered with a gateway's 502 HTML page */
  htmlRate?: number;
  /** share of PageNumber pages answered empty while TotalCount still counts everything */
  emptyPageRate?: number;
  /** added to every call, in milliseconds */
  latencyMs?: number;
  /** requests per second allowed per action (and region, for regional calls); beyond it: Throttling.User */
  qpsCap?: (call: InterceptedCall) => number | undefined;
  /** limit the rate-based faults to some calls (default: every call) */
  applies?: (call: InterceptedCall) => boolean;
}

export type FaultKind = 'throttle' | 'qps' | 'server' | 'timeout' | 'malformed' | 'html' | 'empty-page';

export interface FaultInjector {
  /** spread into startEmulator's options */
  hooks: Pick<StartEmulatorOptions, 'intercept' | 'rewrite'>;
  /** faults injected so far, by kind */
  injected: Record<FaultKind, number>;
}

/** Request parameters that change on every attempt (signing) and must not change the roll. */
const SIGNING_PARAMS = new Set(['Signature', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'Timestamp', 'AccessKeyId', 'SecurityToken', 'Format']);

/** FNV-1a, 32 bits, with murmur3's finalizer so the last characters reach the high bits; mapped to [0, 1). */
export function roll(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

/** The action and region a call is metered under. */
function siteKey(call: InterceptedCall): string {
  return `${call.product}:${call.action}@${call.region ?? 'global'}`;
}

function requestKey(call: InterceptedCall): string {
  const params = [...call.params].filter(([name]) => !SIGNING_PARAMS.has(name)).sort(([a], [b]) => a.localeCompare(b));
  return `${siteKey(call)}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

function delay(ms: number): Promise<void> {
  // unref'd: a call held for a timeout never keeps the process alive
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** An error the product answers in its own shape (RPC's Code/Message body, Log Service's errorCode/errorMessage). */
function errorReply(status: number, code: string, message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(status, code, message, {}, headers);
}

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';

/** Sliding one-second windows of accepted calls, per action and region. */
class QpsMeter {
  private readonly windows = new Map<string, number[]>();

  /** Count the call if it fits under the cap; false when the cap is reached. */
  admit(key: string, cap: number, now: number): boolean {
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = []));
    while (window.length > 0 && window[0]! <= now - 1000) window.shift();
    if (window.length >= cap) return false;
    window.push(now);
    return true;
  }
}

/** An empty page in place of a PageNumber page: every list emptied, TotalCount kept. */
function emptied(body: ApiObject): ApiObject {
  const emptyLists = (value: unknown): unknown => {
    if (Array.isArray(value)) return [];
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, emptyLists(inner)]));
  };
  return emptyLists(body) as ApiObject;
}

export function injectFaults(options: FaultOptions): FaultInjector {
  const seed = options.seed ?? 1;
  const seen = new Map<string, number>();
  const meter = new QpsMeter();
  const injected: Record<FaultKind, number> = { throttle: 0, qps: 0, server: 0, timeout: 0, malformed: 0, html: 0, 'empty-page': 0 };
  const applies = options.applies ?? (() => true);
  // the rate-based faults share [0, 1): throttle first, then 5xx, timeout, malformed, html
  const bands: Array<[FaultKind, number]> = [
    ['throttle', options.throttleRate ?? 0],
    ['server', options.serverErrorRate ?? 0],
    ['timeout', options.timeoutRate ?? 0],
    ['malformed', options.malformedRate ?? 0],
    ['html', options.htmlRate ?? 0],
  ];
  if (bands.reduce((sum, [, rate]) => sum + rate, 0) > 1) throw new RangeError('fault rates add up to more than 1');

  /** The n-th roll of this request: a fresh one for every attempt. */
  function rollFor(call: InterceptedCall, salt: string): number {
    const key = requestKey(call);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return roll(`${seed}|${salt}|${key}|${count}`);
  }

  const retryAfter = { 'x-acs-retry-after': String(options.retryAfterMs ?? 50) };

  function faultReply(kind: FaultKind, call: InterceptedCall, variant: number): EmulatorReply | ApiError | 'hold' {
    switch (kind) {
      case 'throttle':
        return variant < 0.5
          ? errorReply(400, 'Throttling.User', 'Request was denied due to user flow control.', variant < 0.25 ? retryAfter : undefined)
          : errorReply(503, 'Throttling', 'Request was denied due to request throttling.', variant > 0.75 ? retryAfter : undefined);
      case 'server':
        return variant < 0.5
          ? errorReply(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.')
          : errorReply(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
      case 'timeout':
        return 'hold';
      case 'malformed':
        return { status: 200, body: `{"RequestId":"${call.requestId}","TotalCount":3,"Items":{"Item":[{"Id":` };
      case 'html':
        return { status: 502, body: HTML_502, headers: { 'content-type': 'text/html' } };
      case 'qps':
      case 'empty-page':
        throw new Error(`${kind} is not a rate-band fault`);
    }
  }

  async function intercept(call: InterceptedCall): Promise<Intercepted> {
    const cap = options.qpsCap?.(call);
    const admitted = cap === undefined || meter.admit(siteKey(call), cap, performance.now());
    if (options.latencyMs) await delay(options.latencyMs);
    if (!admitted) {
      injected.qps++;
      return errorReply(400, 'Throttling.User', 'Request was denied due to user flow control.');
    }
    if (!applies(call)) return undefined;
    const value = rollFor(call, 'fault');
    let floor = 0;
    for (const [kind, rate] of bands) {
      if (value < floor + rate) {
        injected[kind]++;
        const reply = faultReply(kind, call, (value - floor) / rate);
        if (reply !== 'hold') return reply;
        await delay(options.timeoutMs ?? 60_000);
        return undefined;
      }
      floor += rate;
    }
    return undefined;
  }

  function rewrite(call: InterceptedCall, reply: EmulatorReply): EmulatorReply {
    const rate = options.emptyPageRate ?? 0;
    const { body } = reply;
    const paged = typeof body === 'object' && 'TotalCount' in body && call.params.has('PageNumber');
    if (rate === 0 || !paged || !applies(call)) return reply;
    if (rollFor(call, 'empty-page') >= rate) return reply;
    injected['empty-page']++;
    return { ...reply, body: emptied(body) };
  }

  return { hooks: { intercept, rewrite }, injected };
}
