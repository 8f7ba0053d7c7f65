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

/**
 * Generic (callApi) products: no SDK package on openapi-core exists for them (KMS's package sits on the
 * old RPC client). Security Center is called per site, with the site's region (see securityCenterSite).
 */
const GENERIC_ENDPOINTS = {
  actiontrail: (region: string) => `actiontrail.${region}.aliyuncs.com`,
  kms: (region: string) => `kms.${region}.aliyuncs.com`,
  sas: (site: string) => `tds.${site}.aliyuncs.com`,
} as const;

export type SecurityCenterSite = 'cn-shanghai' | 'ap-southeast-1';

/**
 * The Security Center site that serves a region. sas_2018-12-03.api-docs.json `endpoints` maps every cn-*
 * region (cn-hongkong and the finance regions included) to tds.cn-shanghai.aliyuncs.com and every other
 * region to tds.ap-southeast-1.aliyuncs.com.
 */
export function securityCenterSite(region: string): SecurityCenterSite {
  return region.startsWith('cn-') ? 'cn-shanghai' : 'ap-southeast-1';
}

export type GenericProduct = keyof typeof GENERIC_ENDPOINTS;

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

  generic(product: GenericProduct, region: string): GenericClient {
    return this.cached(`${product}/${region}`, () => new $OpenApi.default(this.config(region, GENERIC_ENDPOINTS[product](region))));
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

const SDKS = { ecs: $Ecs, vpc: $Vpc, ram: $Ram, ims: $Ims, sts: $Sts } as const;
export type SdkProduct = keyof typeof SDKS;

/**
 * Load these products' SDKs now: a collection does so before its first call, so that loading them (a few
 * hundred milliseconds) is not spent on the way to the budgets that set its pace.
 */
export function preloadSdks(products: Iterable<SdkProduct>): void {
  for (const product of products) void SDKS[product].default;
}
