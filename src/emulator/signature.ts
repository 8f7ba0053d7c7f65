// Recomputes the two request signatures the Alibaba SDKs produce, exactly as
// @alicloud/openapi-core builds them (utils.js getAuthorization / getRPCSignature):
// ACS3-HMAC-SHA256 (the default, Authorization header) and the legacy v1 HMAC-SHA1 query signature.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding as Alibaba applies it (encodeURIComponent plus !'()*). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Compares two secrets-derived strings without leaking where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface Acs3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex` */
export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  const match = /^(ACS3-[A-Z0-9-]+) Credential=([^,]+),SignedHeaders=([^,]*),Signature=([0-9a-f]+)$/.exec(header.trim());
  if (!match) return undefined;
  return { algorithm: match[1]!, accessKeyId: match[2]!, signedHeaders: match[3]!.split(';').filter(Boolean), signature: match[4]! };
}

export interface Acs3Request {
  method: string;
  path: string;
  query: ReadonlyMap<string, string>;
  /** lower-case header name -> every value received */
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function acs3Signature(request: Acs3Request, secret: string): string {
  const canonicalUri = request.path.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const canonicalQuery = [...request.query.keys()]
    .sort()
    .map((key) => `${key}=${percentEncode(request.query.get(key)!)}`)
    .join('&');
  const canonicalHeaders = request.signedHeaders
    .map((name) => `${name}:${[...(request.headers[name] ?? [])].map((v) => v.trim()).sort().join(',')}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    request.signedHeaders.join(';'),
    request.payloadHash,
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

/** v1 RPC signature over every parameter but `Signature` itself. */
export function rpcV1Signature(params: ReadonlyMap<string, string>, method: string, secret: string): string {
  const canonical = [...params.keys()]
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params.get(key)!)}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
