// Builds the official SDK clients, one per product and region, all sharing one credential. With an
// endpoint override every product talks to that one URL (the server tells them apart by the
// x-acs-version / x-acs-action headers); without one each SDK picks Alibaba's own endpoint.
// Each SDK is loaded when its first client is built (sdk.ts): a scan of one product loads one.
import type { $OpenApiUtil } from '@alicloud/openapi-core';
import type * as DaraSdk from '@darabonba/typescript';
import { EndpointError } from '../errors.js';
import type { AuditCredential } from './credentials.js';
import { releaseReadTimers } from './read-timers.js';
import { $dara, $Ecs, $Ims, $OpenApi, $Ram, $Sts, $Vpc } from './sdk.js';
import { DEFAULT_TIMEOUTS, type ClientTimeouts } from './timeouts.js';

export { DEFAULT_TIMEOUTS, type ClientTimeouts } from './timeouts.js';

export type EcsClient = InstanceType<typeof $Ecs.default>;
export type VpcClient = InstanceType<typeof $Vpc.default>;
export type RamClient = InstanceType<typeof $Ram.default>;
export type ImsClient = InstanceType<typeof $Ims.default>;
export type StsClient = InstanceType<typeof $Sts.default>;
export type GenericClient = InstanceType<typeof $OpenApi.default>;

export interface EndpointOverride {
  /** host[:port], as the SDK Config wants it */
  host: string;
  protocol: 'http' | 'https';
}

/** The URL as it may be printed: a password in it is replaced. */
function shownUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:\s]*):[^/@\s]*@/i, '$1:[REDACTED]@');
}

/** Parse `--endpoint-url` / ALIBABA_CLOUD_ENDPOINT_URL; `source` names where the value came from in errors. */
export function parseEndpointUrl(value: string, source = '--endpoint-url'): EndpointOverride {
  const shown = shownUrl(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EndpointError(`${source}: "${shown}" is not a URL (expected http://HOST[:PORT] or https://HOST[:PORT])`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EndpointError(`${source}: "${shown}" must use http or https`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username || url.password) {
    throw new EndpointError(`${source}: "${shown}" must be a bare scheme://host[:port] with no path, query or user`);
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}

export class CloudClients {
  private readonly cache = new Map<string, unknown>();
  private readonly credential: AuditCredential;
  private readonly endpoint: EndpointOverride | undefined;
  private readonly timeouts: ClientTimeouts;

  constructor(options: { credential: AuditCredential; endpoint?: EndpointOverride; timeouts?: ClientTimeouts }) {
    this.credential = options.credential;
    this.endpoint = options.endpoint;
    this.timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    releaseReadTimers();
  }

  /** the protocol every request uses; generic callApi Params need it */
  get protocol(): 'http' | 'https' {
    return this.endpoint?.protocol ?? 'https';
  }

  ecs(region: string): EcsClient {
    return this.cached(`ecs/${region}`, () => new $Ecs.default(this.config(region)));
  }

  vpc(region: string): VpcClient {
    return this.cached(`vpc/${region}`, () => new $Vpc.default(this.config(region)));
  }

  ram(): RamClient {
    return this.cached('ram', () => new $Ram.default(this.config('cn-hangzhou')));
  }

  ims(): ImsClient {
    return this.cached('ims', () => new $Ims.default(this.config('cn-hangzhou')));
  }

  sts(): StsClient {
    return this.cached('sts', () => new $Sts.default(this.config('cn-hangzhou')));
  }

  /**
   * A product SDK's client that this class does not name (a service folder's own SDK, see sdk.ts `lazily`),
   * one per product and region.
   */
  sdk<Client>(product: string, region: string, create: (config: $OpenApiUtil.Config) => Client): Client {
    return this.cached(`${product}/${region}`, () => create(this.config(region)));
  }

  /** openapi-core's generic client for a product with no SDK package: `host` is the product's endpoint in `region`. */
  generic(host: string, region: string): GenericClient {
    return this.cached(`${host}/${region}`, () => new $OpenApi.default(this.config(region, host)));
  }

  private config(regionId: string, defaultEndpoint?: string): $OpenApiUtil.Config {
    const endpoint = this.endpoint?.host ?? defaultEndpoint;
    return new $OpenApi.$OpenApiUtil.Config({
      credential: this.credential,
      regionId,
      ...(endpoint === undefined ? {} : { endpoint }),
      protocol: this.protocol,
      connectTimeout: this.timeouts.connectMs,
      readTimeout: this.timeouts.readMs,
      userAgent: 'alicloud-audit',
    });
  }

  private cached<T>(key: string, create: () => T): T {
    let client = this.cache.get(key) as T | undefined;
    if (client === undefined) {
      client = create();
      this.cache.set(key, client);
    }
    return client;
  }
}

/** Per-call runtime options: the SDK's own retry stays off (ApiCaller retries), timeouts as configured. */
export function runtimeOptions(timeouts: ClientTimeouts = DEFAULT_TIMEOUTS): DaraSdk.RuntimeOptions {
  return new $dara.RuntimeOptions({
    autoretry: false,
    connectTimeout: timeouts.connectMs,
    readTimeout: timeouts.readMs,
  });
}

/** The Params of an RPC action called through openapi-core's generic callApi. */
export function rpcParams(action: string, version: string, protocol: 'http' | 'https'): $OpenApiUtil.Params {
  return new $OpenApi.$OpenApiUtil.Params({
    action,
    version,
    protocol,
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
}

/** A product SDK as sdk.ts gives it: its client class on `.default`, required when first read. */
export interface LazySdk {
  readonly default: unknown;
}

/**
 * Load these SDKs now: a collection does so before its first call, so that loading them (a few hundred
 * milliseconds) is not spent on the way to the budgets that set its pace.
 */
export function preloadSdks(sdks: Iterable<LazySdk>): void {
  for (const sdk of sdks) void sdk.default;
}

/** The SDKs the scan itself calls before any collector: STS (the credential check) and ECS (the regions). */
export const SCAN_SDKS = { sts: $Sts, ecs: $Ecs } as const;
