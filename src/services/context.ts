// What every collector is given, and the one way it lists a resource: page through the API at its cap,
// and when the API cannot be read, record a gap for exactly the collections it leaves incomplete.
import type { Logger } from 'pino';
import type * as $dara from '@darabonba/typescript';
import type { ApiCaller } from '../cloud/api-caller.js';
import { ApiError, type CallSite } from '../cloud/api-error.js';
import type { CloudClients } from '../cloud/clients.js';
import { paginate, type PageRequest, type PageResult, type PagingStyle } from '../cloud/paginate.js';
import type { InventoryBuilder } from '../inventory/builder.js';
import type { CollectionGap, ResourceMap, ResourceType } from '../inventory/types.js';
import { ramActionOf, type Service } from './index.js';

/** A call of one of our services: the gaps it records name the service. */
export interface ServiceSite extends CallSite {
  service: Service;
}

/** The call site of `action` in `region` of one service. */
export const siteOf =
  (service: Service) =>
  (region: string, action: string): ServiceSite => ({ service, region, action });

/** The call site of `action` of a service with global APIs. */
export const globalSiteOf =
  (service: Service) =>
  (action: string): ServiceSite => ({ service, region: null, action });

export interface CollectorContext {
  clients: CloudClients;
  caller: ApiCaller;
  runtime: $dara.RuntimeOptions;
  logger: Logger;
  accountId: string;
  regions: string[];
  inventory: InventoryBuilder;
  /** told as each service finishes a region (regional services) */
  progress?: CollectionProgress;
}

export interface CollectionProgress {
  regionDone(service: string, region: string): void;
  serviceDone(service: string): void;
}

export interface ListSpec<T> {
  site: ServiceSite;
  /** the collections that stay incomplete when this listing fails */
  affects: ResourceType[];
  /** set when the listing is the detail of one resource */
  resourceId?: string;
  /** set when the listing only fills these fields of records that exist anyway */
  fields?: string[];
  paging: PagingStyle;
  fetch: (request: PageRequest) => Promise<PageResult<T>>;
}

/** A listing whose items each become one inventory record of `type`. */
export interface RecordListSpec<T, K extends ResourceType> extends Omit<ListSpec<T>, 'affects'> {
  type: K;
  normalize: (item: T) => ResourceMap[K];
}

/** List every item into records of one type, or record the gap that leaves that collection incomplete. */
export async function collectList<T, K extends ResourceType>(ctx: CollectorContext, spec: RecordListSpec<T, K>): Promise<void> {
  // normalized page by page: the SDK objects of a page are not kept until the last page
  const records = await listOrGap(ctx, { ...spec, affects: [spec.type] }, spec.normalize);
  if (records) ctx.inventory.add(spec.type, records);
}

/**
 * List every item (mapped page by page with `map`), or record a gap and return undefined. Anything but an
 * API failure is a bug and propagates.
 */
export async function listOrGap<T, U = T>(ctx: CollectorContext, spec: ListSpec<T>, map?: (item: T) => U): Promise<U[] | undefined> {
  try {
    return await paginate(ctx.caller, spec.site, spec.paging, spec.fetch, map);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    recordGap(ctx, spec, error);
    return undefined;
  }
}

export interface CallSpec {
  site: ServiceSite;
  affects: ResourceType[];
  resourceId?: string;
  fields?: string[];
  /** error codes that answer "there is none" (e.g. RAM's 404 EntityNotExist.User.LoginProfile): a fact, not a gap */
  absentWhen?: readonly string[];
}

/** One call that is not a listing: the answer, null when the API says there is none, undefined on a gap. */
export async function callOrGap<T>(ctx: CollectorContext, spec: CallSpec, request: () => Promise<T>): Promise<T | null | undefined> {
  try {
    return await ctx.caller.call(spec.site, request, spec.absentWhen);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (spec.absentWhen?.includes(error.apiCode)) return null;
    recordGap(ctx, spec, error);
    return undefined;
  }
}

export type GapSpec = Omit<CallSpec, 'absentWhen'>;

function recordGap(ctx: CollectorContext, spec: GapSpec, error: ApiError): void {
  ctx.inventory.addGap(toGap(error, spec));
  ctx.logger.warn({ action: spec.site.action, region: spec.site.region, code: error.apiCode, kind: error.kind }, error.message);
}

/** The gap a failed call leaves: the collections (or, with `fields`, the fields) of `spec` it left unknown. */
export function toGap(error: ApiError, spec: GapSpec): CollectionGap {
  return {
    service: spec.site.service,
    region: error.site.region,
    action: error.site.action,
    ramAction: ramActionOf(error.site),
    resourceTypes: spec.affects,
    ...(spec.resourceId === undefined ? {} : { resourceId: spec.resourceId }),
    ...(spec.fields === undefined ? {} : { fields: spec.fields }),
    kind: error.kind,
    code: error.apiCode,
    message: error.message,
    ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
  };
}

/** What an SDK request model calls the paging parameters of each style (ECS, VPC, RAM and IMS agree). */
export type SdkPageParams = { maxResults?: number; nextToken?: string } & { pageNumber?: number; pageSize?: number } & {
  marker?: string;
  maxItems?: number;
};

const PAGE_PARAMS: Record<PagingStyle['style'], (token?: string, pageNumber?: number, size?: number) => SdkPageParams> = {
  nextToken: (token, _pageNumber, size) => ({ maxResults: size, nextToken: token }),
  pageNumber: (_token, pageNumber, size) => ({ pageNumber, pageSize: size }),
  marker: (token, _pageNumber, size) => ({ marker: token, maxItems: size }),
  none: () => ({}),
};

/** The paging fields of an SDK answer; PageNumber APIs of VPC give TotalCount as a string. */
interface SdkPagedBody {
  nextToken?: string;
  totalCount?: number | string;
  marker?: string;
  isTruncated?: boolean;
}

/** A listing declared for an SDK client: the one call per page and where its items are. */
export interface SdkListing<Body, Item> {
  paging: PagingStyle;
  /** one page: the SDK call, given the paging parameters of the listing's style */
  page: (params: SdkPageParams) => Promise<{ body?: Body }>;
  items: (body: Body) => Item[] | undefined;
}

/** The paging and `fetch` of a declared SDK listing: paging parameters in, items and the paging answer out. */
export function sdkListing<Body extends SdkPagedBody, Item>(listing: SdkListing<Body, Item>): Pick<ListSpec<Item>, 'paging' | 'fetch'> {
  const fetch: ListSpec<Item>['fetch'] = async ({ token, pageNumber, size }) => {
    const style = listing.paging.style;
    const { body } = await listing.page(PAGE_PARAMS[style](token, pageNumber, size));
    const items = (body && listing.items(body)) ?? [];
    switch (style) {
      case 'nextToken':
        return { items, next: body?.nextToken ?? null };
      case 'pageNumber':
        return { items, totalCount: count(body?.totalCount) };
      case 'marker':
        return { items, next: body?.marker ?? null, isTruncated: body?.isTruncated === true };
      case 'none':
        return { items };
    }
  };
  return { paging: listing.paging, fetch };
}

/**
 * A listing of a service's SDK client, declared: the collections it leaves incomplete when it fails, its
 * paging style and cap, the request (the SDK call, given the paging parameters and, for a regional API,
 * the RegionId) and where its items are.
 */
export interface SdkList<Client, Body, Item> extends Omit<ListSpec<Item>, 'site' | 'paging' | 'fetch'> {
  paging: PagingStyle;
  page: (client: Client, request: SdkPageParams & { regionId?: string }, runtime: $dara.RuntimeOptions) => Promise<{ body?: Body }>;
  items: (body: Body) => Item[] | undefined;
}

/** A declared listing whose items each become one record of `type`. */
export interface SdkRecordList<Client, Body, Item, K extends ResourceType> extends Omit<SdkList<Client, Body, Item>, 'affects'> {
  normalize: (item: Item, region: string) => ResourceMap[K];
}

/**
 * The declared SDK listings of one service, whose client is made per region (null: a global API). `list`
 * lists (or records the gap); `records` is the collector step of a regional listing that yields records.
 */
export function sdkLists<Client, Region extends string | null>(service: Service, clientOf: (clients: CloudClients, region: Region) => Client) {
  const spec = <Body extends SdkPagedBody, Item>(ctx: CollectorContext, region: Region, action: string, list: SdkList<Client, Body, Item>): ListSpec<Item> => {
    const { paging, page, items, ...gap } = list;
    const client = clientOf(ctx.clients, region);
    return {
      ...gap,
      site: { service, region, action },
      ...sdkListing({ paging, items, page: (params) => page(client, region === null ? params : { regionId: region, ...params }, ctx.runtime) }),
    };
  };
  return {
    list: <Body extends SdkPagedBody, Item, U = Item>(
      ctx: CollectorContext,
      region: Region,
      action: string,
      list: SdkList<Client, Body, Item>,
      map?: (item: Item) => U,
    ): Promise<U[] | undefined> => listOrGap(ctx, spec(ctx, region, action, list), map),
    records:
      <Body extends SdkPagedBody, Item, K extends ResourceType>(type: K, action: string, list: SdkRecordList<Client, Body, Item, K>) =>
      (ctx: CollectorContext, region: Region & string): Promise<void> =>
        collectList(ctx, { type, ...spec(ctx, region, action, { ...list, affects: [type] }), normalize: (item) => list.normalize(item, region) }),
  };
}

const count = (value: string | number | undefined): number | undefined => (value === undefined || value === '' ? undefined : Number(value));

/** Run a collector step for each region at once; the API budgets are per region. */
export async function forEachRegion(ctx: CollectorContext, service: string, step: (region: string) => Promise<void>): Promise<void> {
  await Promise.all(
    ctx.regions.map(async (region) => {
      await step(region);
      ctx.progress?.regionDone(service, region);
    }),
  );
}

export function tagsOf(tags: Array<{ key?: string; value?: string; tagKey?: string; tagValue?: string }> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const tag of tags ?? []) {
    const key = tag.tagKey ?? tag.key;
    if (key !== undefined) result[key] = tag.tagValue ?? tag.value ?? '';
  }
  return result;
}

/** Present strings only: the API's "" and "null" placeholders mean absent. */
export function optional(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' || value === 'null' ? null : value;
}
