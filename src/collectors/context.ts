// What every collector is given, and the one way it lists a resource: page through the API at its cap,
// and when the API cannot be read, record a gap for exactly the collections it leaves incomplete.
import type { Logger } from 'pino';
import type * as $dara from '@darabonba/typescript';
import type { ApiCaller } from '../cloud/api-caller.js';
import { ApiError, type CallSite } from '../cloud/api-error.js';
import type { CloudClients } from '../cloud/clients.js';
import { paginate, type PageRequest, type PageResult, type PagingStyle } from '../cloud/paginate.js';
import type { InventoryBuilder } from '../inventory/builder.js';
import type { ResourceMap, ResourceType } from '../inventory/types.js';

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
  site: CallSite;
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
  site: CallSite;
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

function recordGap(ctx: CollectorContext, spec: Omit<CallSpec, 'absentWhen'>, error: ApiError): void {
  ctx.inventory.addGap(error.toGap(spec.affects, spec.resourceId, spec.fields));
  ctx.logger.warn({ action: spec.site.action, region: spec.site.region, code: error.apiCode, kind: error.kind }, error.message);
}

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
