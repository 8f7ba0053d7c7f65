// One place that turns whatever an SDK call threw into a classified, secret-free ApiError.
import { AuditError } from '../errors.js';
import type { Redactor } from './redact.js';

/** How an API call failed, as the inventory's gaps record it. */
export const GAP_KINDS = ['denied', 'throttled', 'server', 'timeout', 'network', 'malformed', 'not-activated', 'invalid', 'other'] as const;

export type GapKind = (typeof GAP_KINDS)[number];

export interface CallSite {
  /** the product, as the RAM namespace and the call statistics name it (ecs, ims, sts, ...) */
  service: string;
  region: string | null;
  action: string;
}

export class ApiError extends AuditError {
  readonly site: CallSite;
  readonly kind: GapKind;
  readonly apiCode: string;
  readonly statusCode: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    site: CallSite,
    details: {
      kind: GapKind;
      apiCode: string;
      message: string;
      statusCode?: number;
      requestId?: string;
      retryAfterMs?: number;
    },
  ) {
    const where = site.region ? ` in ${site.region}` : '';
    super('AUDIT_API', `${site.service}:${site.action}${where} failed: ${details.apiCode}: ${details.message}`);
    this.site = site;
    this.kind = details.kind;
    this.apiCode = details.apiCode;
    this.statusCode = details.statusCode;
    this.requestId = details.requestId;
    this.retryAfterMs = details.retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

const RETRYABLE_KINDS: ReadonlySet<GapKind> = new Set<GapKind>(['throttled', 'server', 'timeout', 'network', 'malformed']);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/**
 * Access-denied codes: Alibaba answers a missing permission with 403 and one of these (Forbidden.RAM,
 * NoPermission, Forbidden.NoPermission, AccessDenied, NotAuthorized, ...), with an AccessDeniedDetail on the
 * gateways that give one. Other 403 codes (ECS's InvalidParams, a disabled key's InvalidAccessKeyId...) are
 * refusals of the request, not of the caller's permissions.
 */
const DENIED_CODES = /^(Forbidden|NoPermission|NotAuthorized|AccessDenied|Unauthorized)/i;

function kindOf(code: string, statusCode: number | undefined, name: string, hasDeniedDetail: boolean): GapKind {
  if (/throttl/i.test(code) || statusCode === 429) return 'throttled';
  if (name === 'RequestTimeoutError' || /timeout/i.test(code)) return 'timeout';
  if (NETWORK_CODES.has(code)) return 'network';
  if (name === 'SyntaxError' || /is mismatch/.test(code)) return 'malformed';
  if (statusCode !== undefined && statusCode >= 500) return 'server';
  // before "denied": a service that is not activated may answer 403 or NoPermission.NotActivated; Security
  // Center's FreeVersionNotPermit means the edition bought does not include the feature
  if (/NotActivat|NotOpen|NotBuy|ServiceNotEnabled|NotApplied|NoCertification|FreeVersionNotPermit/i.test(code)) return 'not-activated';
  if (DENIED_CODES.test(code) || (statusCode === 403 && hasDeniedDetail)) return 'denied';
  if (statusCode !== undefined && statusCode >= 400) return 'invalid';
  return 'other';
}

interface SdkErrorShape {
  name?: string;
  code?: unknown;
  statusCode?: unknown;
  requestId?: unknown;
  retryAfter?: unknown;
  message?: unknown;
  data?: { Message?: unknown; message?: unknown; AccessDeniedDetail?: unknown } | undefined;
  accessDeniedDetail?: unknown;
}

const isPresent = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(typeof value === 'object' && Object.keys(value).length === 0);

/** Classify an SDK (or socket, or model parsing) failure. The message is redacted. */
export function toApiError(error: unknown, site: CallSite, redactor: Redactor): ApiError {
  if (error instanceof ApiError) return error;
  const shape: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
  const name = typeof shape.name === 'string' ? shape.name : '';
  const statusCode = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  const rawMessage = typeof shape.message === 'string' ? shape.message : String(error);
  const mismatch = /type of .* is mismatch/.test(rawMessage);
  const apiCode =
    typeof shape.code === 'string' && shape.code !== ''
      ? shape.code
      : mismatch
        ? 'ResponseShapeMismatch'
        : name === 'SyntaxError'
          ? 'MalformedResponse'
          : name || 'UnknownError';
  const hasDeniedDetail = isPresent(shape.accessDeniedDetail) || isPresent(shape.data?.AccessDeniedDetail);
  const kind = mismatch ? 'malformed' : kindOf(apiCode, statusCode, name, hasDeniedDetail);
  const serverMessage = typeof shape.data?.Message === 'string' ? shape.data.Message : undefined;
  const message = redactor.text(serverMessage ?? rawMessage.replace(/^code: \d+, /, ''));
  return new ApiError(site, {
    kind,
    apiCode,
    // a 403 that is not a denial must not read as a permission problem
    message: statusCode === 403 && kind === 'invalid' ? `${message} (the request was refused as invalid: not a missing permission)` : message,
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(typeof shape.requestId === 'string' ? { requestId: shape.requestId } : {}),
    ...(typeof shape.retryAfter === 'number' ? { retryAfterMs: shape.retryAfter } : {}),
  });
}
