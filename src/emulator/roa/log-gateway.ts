// Log Service's ROA gateway: the host `<project>.<region>.log.aliyuncs.com` (or `<region>.log.aliyuncs.com`
// for account-level calls), its own request signature and its error body `{ errorCode, errorMessage }`.
//
// The signature is Log Service's v1, as @alicloud/gateway-sls (dist/client.js getSignature,
// buildCanonicalizedHeaders, buildCanonicalizedResource) computes it for the SDK:
//   Authorization: LOG <AccessKeyId>:base64(HMAC-SHA256(secret, stringToSign)) (HMAC-SHA1 when
//   x-log-signaturemethod is hmac-sha1), stringToSign = METHOD \n Content-MD5 \n Content-Type \n Date \n
//   then each x-log-* and x-acs-* header `name:value\n` in name order, then the path with the query's
//   `?k=v&...` in key order (values not encoded).
// Error codes and messages: https://www.alibabacloud.com/help/en/sls/developer-reference/error-codes (common
// error codes: 401 SignatureNotMatch, 401 Unauthorized for an unknown AccessKeyId or an invalid or expired
// security token, 400 RequestTimeExpired past 15 minutes of skew, 400 InvalidHost); a RAM denial is 401
// Unauthorized "denied by sts or ram, action: log:<Action>, resource: acs:log:..." (the same page's
// troubleshooting entries, and aliyun-log-ruby-sdk's test of ListProject).
import { createHmac } from 'node:crypto';
import { ApiError } from '../api-error.js';
import type { CredentialStore } from '../credentials.js';
import type { EmulatorRequest } from '../protocol.js';
import { safeEqual } from '../signature.js';
import type { RoaGateway, RoaHost } from './protocol.js';

const HOST = /^(?:([a-z0-9][a-z0-9-]*[a-z0-9])\.)?([a-z]{2,}-[a-z0-9-]+)\.log\.aliyuncs\.com(?::\d+)?$/;
const MAX_SKEW_MS = 15 * 60 * 1000;

const header = (request: EmulatorRequest, name: string) => request.headers[name]?.[0];

const unauthorized = (message: string) => new ApiError(401, 'Unauthorized', message);

function hostOf(request: EmulatorRequest): RoaHost | undefined {
  const match = HOST.exec(header(request, 'host') ?? '');
  return match ? { region: match[2]!, resource: match[1] ?? null } : undefined;
}

/** The string Log Service signs (v1). */
export function logStringToSign(request: Pick<EmulatorRequest, 'method' | 'headers' | 'query'> & { path: string }): string {
  const signedHeaders = Object.keys(request.headers)
    .filter((name) => name.includes('x-log-') || name.includes('x-acs-'))
    .sort()
    .map((name) => `${name}:${request.headers[name]![0]}\n`)
    .join('');
  const query = [...request.query.keys()].sort().map((key) => `${key}=${request.query.get(key)}`);
  const resource = `${request.path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  const first = (name: string) => request.headers[name]?.[0] ?? '';
  return `${request.method}\n${first('content-md5')}\n${first('content-type')}\n${first('date')}\n${signedHeaders}${resource}`;
}

function authenticate(request: EmulatorRequest, credentials: CredentialStore, now: number) {
  const [, accessKeyId, signature] = /^LOG ([^:\s]+):(\S+)$/.exec(header(request, 'authorization') ?? '') ?? [];
  if (accessKeyId === undefined || signature === undefined) {
    throw new ApiError(400, 'ParameterInvalid', 'Http extend authorization : authorization pair is invalid.');
  }
  const date = header(request, 'date');
  if (date === undefined) throw new ApiError(400, 'MissingDate', 'Date does not exist in http header.');
  const sent = Date.parse(date);
  if (Number.isNaN(sent)) throw new ApiError(400, 'InvalidDateFormat', `Date ${date} must follow RFC822.`);
  if (Math.abs(now - sent) > MAX_SKEW_MS) {
    throw new ApiError(400, 'RequestTimeExpired', `Request time ${date} has been expired while server time is ${new Date(now).toUTCString()}.`);
  }
  const key = credentials.signingKey(accessKeyId);
  if (key === 'inactive') throw unauthorized(`AccessKeyId is disabled: ${accessKeyId}`);
  if (!key) throw unauthorized(`AccessKeyId not found: ${accessKeyId}`);
  const algorithm = header(request, 'x-log-signaturemethod') === 'hmac-sha256' ? 'sha256' : 'sha1';
  const stringToSign = logStringToSign({ ...request, path: decodeURIComponent(request.url.pathname) });
  const expected = createHmac(algorithm, key.secret).update(stringToSign).digest('base64');
  if (!safeEqual(expected, signature)) throw new ApiError(401, 'SignatureNotMatch', `Signature ${signature} not matched.`);
  const token = key.tokenProblem(header(request, 'x-acs-security-token'), now);
  if (token === 'expired') throw unauthorized('The security token you provided has expired.');
  if (token === 'malformed') throw unauthorized('The security token you provided is invalid.');
  return key.caller;
}

export const LOG_GATEWAY: RoaGateway = {
  host: hostOf,
  authenticate,
  denied: (ramAction, accountId) => unauthorized(`denied by sts or ram, action: ${ramAction}, resource: acs:log:*:${accountId}:*`),
  routeNotFound: (request) => new ApiError(404, 'RequestURINotFound', `The request URI ${request.url.pathname} is not found.`),
  regionNotFound: (request) => new ApiError(400, 'InvalidHost', `Host header ${header(request, 'host') ?? ''} is invalid.`),
  errorBody: (error) => ({ errorCode: error.code, errorMessage: error.message }),
  requestIdHeader: 'x-log-requestid',
};
