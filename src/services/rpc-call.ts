// One RPC action through openapi-core's generic callApi, for products with no SDK package on openapi-core
// (ActionTrail, Security Center, KMS): same signing, errors and timeouts as the product clients, raw PascalCase JSON back.
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { rpcParams } from '../cloud/clients.js';
import type { CollectorContext } from './context.js';

export interface RpcCall {
  /** the product's endpoint for `region` (its metadata's `endpoints`), used unless the endpoint is overridden */
  host: string;
  version: string;
  /** the endpoint's region */
  region: string;
  /** the RegionId parameter; null for actions whose metadata lists none (e.g. sas DescribeVersionConfig) */
  regionId: string | null;
  action: string;
  query?: Record<string, string | undefined>;
}

/** An answer missing what it must carry: toApiError classifies it as malformed, like the SDKs' own JSON failures. */
export function malformedAnswer(message: string): SyntaxError {
  return new SyntaxError(message);
}

export async function callRpc<T>(ctx: Pick<CollectorContext, 'clients' | 'runtime'>, call: RpcCall): Promise<T> {
  const query = Object.fromEntries(
    Object.entries({ ...(call.regionId === null ? {} : { RegionId: call.regionId }), ...call.query }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const response = (await ctx.clients.generic(call.host, call.region).callApi(
    rpcParams(call.action, call.version, ctx.clients.protocol),
    new $OpenApiUtil.OpenApiRequest({ query }),
    ctx.runtime,
  )) as { body?: unknown };
  if (typeof response.body !== 'object' || response.body === null) {
    throw malformedAnswer(`${call.action} answered with a body that is not a JSON object`);
  }
  return response.body as T;
}
