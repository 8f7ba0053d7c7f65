// The ROA (REST) style of Log Service, ACK and other products: the operation is named by the HTTP method and
// a path template (`/logstores/{logstore}`), its parameters come from the path, the query and the host, and
// the answer is the JSON body itself. What differs between ROA gateways (what the host names, the signature,
// the error body and the denied error) is the product's RoaGateway; this module routes and answers.
import type { AccountIndex, RegionIndex } from '../account-index.js';
import type { ApiError } from '../api-error.js';
import type { Caller, CredentialStore } from '../credentials.js';
import type { ApiObject } from '../fill.js';
import { Params } from '../params.js';
import type { CallName, EmulatedProduct, EmulatorRequest, EmulatorState } from '../protocol.js';

/** What the request's host names: its region and, on gateways with resource hosts, the resource (SLS: the project). */
export interface RoaHost {
  region: string;
  resource: string | null;
}

export interface RoaContext {
  request: EmulatorRequest;
  host: RoaHost;
  /** the `{name}` segments of the path template */
  path: ReadonlyMap<string, string>;
  query: Params;
  account: AccountIndex;
  caller: Caller;
  credentials: CredentialStore;
  state: EmulatorState;
  now: Date;
}

export type RoaRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** the path template, `{name}` for one segment */
  path: string;
  action: string;
} & (
  | /** the host must name a region of the account */ { scope: 'regional'; handle: (context: RoaContext, region: RegionIndex) => ApiObject }
  | { scope: 'global'; handle: (context: RoaContext) => ApiObject }
);

/** How one ROA gateway reads its requests and writes its errors. */
export interface RoaGateway {
  /** what the Host header names; undefined when the host is not this gateway's */
  host(request: EmulatorRequest): RoaHost | undefined;
  authenticate(request: EmulatorRequest, credentials: CredentialStore, now: number): Caller;
  denied(ramAction: string, accountId: string, caller: Caller): ApiError;
  /** no route for the method and path */
  routeNotFound(request: EmulatorRequest): ApiError;
  /** the host names a region the account does not have */
  regionNotFound(request: EmulatorRequest): ApiError;
  errorBody(error: ApiError, requestId: string): ApiObject;
  /** the response header that carries the request id */
  requestIdHeader: string;
}

export interface RoaProductSpec {
  /** the RAM service prefix (Log Service: log) */
  name: string;
  version: string;
  gateway: RoaGateway;
  routes: readonly RoaRoute[];
}

interface Matched {
  route: RoaRoute;
  path: Map<string, string>;
}

/** A path template as a regular expression with one group per `{name}` segment. */
function compile(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), names };
}

export function roaProduct(spec: RoaProductSpec): EmulatedProduct {
  const { name, version, gateway } = spec;
  const routes = spec.routes.map((route) => ({ route, ...compile(route.path) }));

  const match = (request: EmulatorRequest): Matched | undefined => {
    for (const { route, pattern, names } of routes) {
      if (route.method !== request.method) continue;
      const found = pattern.exec(request.url.pathname);
      if (found) return { route, path: new Map(names.map((key, index) => [key, decodeURIComponent(found[index + 1]!)])) };
    }
    return undefined;
  };

  return {
    name,
    claims: (request) => gateway.host(request) !== undefined,
    callName: (request): CallName => ({ version, action: match(request)?.route.action ?? '', region: gateway.host(request)?.region ?? null }),
    operation: () => (context) => {
      const { request, account } = context;
      const matched = match(request);
      if (!matched) throw gateway.routeNotFound(request);
      const roa: RoaContext = { ...context, host: gateway.host(request)!, path: matched.path, query: new Params(request.query) };
      const { route } = matched;
      if (route.scope === 'global') return route.handle(roa);
      const region = account.regions.get(roa.host.region);
      if (!region) throw gateway.regionNotFound(request);
      return route.handle(roa, region);
    },
    authenticate: (request, credentials, now) => gateway.authenticate(request, credentials, now),
    denied: (ramAction, accountId, caller) => gateway.denied(ramAction, accountId, caller),
    reply: (result, requestId) => ({ status: 200, body: result, headers: { [gateway.requestIdHeader]: requestId } }),
    errorReply: (error, requestId) => ({ status: error.status, body: gateway.errorBody(error, requestId), headers: { [gateway.requestIdHeader]: requestId } }),
  };
}
