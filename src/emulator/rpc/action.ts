// What an RPC action is to the emulator: a function from the request's parameters to the response body.
import type { AccountIndex, RegionIndex } from '../account-index.js';
import type { Caller, CredentialStore } from '../credentials.js';
import { wrap, type ApiObject } from '../fill.js';
import { paginate, type Paging } from '../paging.js';
import type { Params } from '../params.js';
import type { EmulatorState } from '../protocol.js';

export interface ActionContext {
  params: Params;
  account: AccountIndex;
  accounts: ReadonlyMap<string, AccountIndex>;
  caller: Caller;
  credentials: CredentialStore;
  state: EmulatorState;
  now: Date;
}

export type ActionSpec =
  /** RegionId is required and must name a region of the account */
  | { scope: 'regional'; handle: (context: ActionContext, region: RegionIndex) => ApiObject }
  | { scope: 'global'; handle: (context: ActionContext) => ApiObject };

export type ActionTable = Readonly<Record<string, ActionSpec>>;

export const regional = (handle: (context: ActionContext, region: RegionIndex) => ApiObject): ActionSpec => ({
  scope: 'regional',
  handle,
});

export const global = (handle: (context: ActionContext) => ApiObject): ActionSpec => ({ scope: 'global', handle });

/** One page of a list response: the paging fields plus `{ Outer: { Inner: items } }`. */
export function listPage(
  items: readonly ApiObject[],
  params: Params,
  paging: Paging,
  outer: string,
  inner: string,
): ApiObject {
  const page = paginate(items, params, paging);
  return { ...page.fields, ...wrap(outer, inner, page.items) };
}

/** Keeps the items whose `field` is one of `wanted`; no filter when `wanted` is undefined. */
export function whereIn(items: readonly ApiObject[], field: string, wanted: readonly string[] | undefined): readonly ApiObject[] {
  if (wanted === undefined) return items;
  const set = new Set(wanted);
  return items.filter((item) => set.has(item[field] as string));
}

/** Keeps the items whose `field` equals `value`; no filter when `value` is undefined. */
export function whereEq(items: readonly ApiObject[], field: string, value: string | undefined): readonly ApiObject[] {
  return value === undefined ? items : items.filter((item) => item[field] === value);
}
