// The three paging styles of Alibaba's RPC APIs, with their quirks: a page size above the cap is
// silently capped (the trap collectors must avoid), a page past the end is empty while TotalCount
// still counts everything, and a token or marker is opaque.
import { invalidParameter } from './api-error.js';
import type { Params } from './params.js';

export interface PageSizeRule {
  /** the documented maximum; larger requests are silently capped */
  max: number;
  default: number;
  /** smaller MaxResults are silently raised to this (ECS DescribeInstances/DescribeDisks: 10) */
  minMaxResults?: number;
  /** PageSize cap when it differs from the MaxResults cap (ECS DescribeSecurityGroups: 50 vs 100) */
  maxPageSize?: number;
}

export type Paging =
  /** PageNumber / PageSize */
  | ({ style: 'page-number'; totalsAsStrings?: boolean } & PageSizeRule)
  /** NextToken / MaxResults only */
  | ({ style: 'next-token' } & PageSizeRule)
  /** ECS APIs that take either: NextToken mode as soon as NextToken or MaxResults is sent */
  | ({ style: 'page-number-or-next-token' } & PageSizeRule)
  /** Marker / MaxItems / IsTruncated (RAM, IMS) */
  | ({ style: 'marker' } & PageSizeRule)
  /** Security Center: CurrentPage / PageSize, or NextToken / PageSize with UseNextToken=true (then no TotalCount) */
  | ({ style: 'current-page-or-next-token' } & PageSizeRule);

export interface Page<T> {
  items: T[];
  /** the paging fields of the response body */
  fields: Record<string, unknown>;
}

const TOKEN_PREFIX = 'emu1.';

function encodeToken(offset: number): string {
  return TOKEN_PREFIX + Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The offset a token or marker stands for; 0 without one. */
function decodeToken(name: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const decoded = token.startsWith(TOKEN_PREFIX)
    ? Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString()
    : '';
  const match = /^offset:(\d+)$/.exec(decoded);
  if (!match) throw invalidParameter(name, token);
  return Number(match[1]);
}

/** `size` items from `offset`, with the token of the rest (undefined on the last page). */
function sliceFrom<T>(items: readonly T[], offset: number, size: number): { items: T[]; next: string | undefined } {
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return { items: slice, next: end < items.length ? encodeToken(end) : undefined };
}

function pageSize(params: Params, name: 'PageSize' | 'MaxResults' | 'MaxItems', rule: PageSizeRule): number {
  const requested = params.int(name);
  if (requested === undefined) return rule.default;
  if (requested < 1) throw invalidParameter(name, String(requested));
  const max = name === 'PageSize' ? (rule.maxPageSize ?? rule.max) : rule.max;
  const min = name === 'MaxResults' ? (rule.minMaxResults ?? 1) : 1;
  return Math.min(max, Math.max(min, requested));
}

export function paginate<T>(items: readonly T[], params: Params, paging: Paging): Page<T> {
  switch (paging.style) {
    case 'page-number':
      return byPageNumber(items, params, paging, paging.totalsAsStrings === true);
    case 'next-token': {
      const page = byToken(items, params, paging);
      return { items: page.items, fields: { NextToken: page.next ?? '' } };
    }
    case 'page-number-or-next-token': {
      if (params.get('NextToken') === undefined && params.get('MaxResults') === undefined) {
        const page = byPageNumber(items, params, paging, false);
        return { items: page.items, fields: { ...page.fields, NextToken: page.next ?? '' } };
      }
      const page = byToken(items, params, paging);
      return {
        items: page.items,
        fields: { NextToken: page.next ?? '', PageNumber: Math.floor(page.offset / page.size) + 1, PageSize: page.size, TotalCount: items.length },
      };
    }
    case 'current-page-or-next-token': {
      const size = pageSize(params, 'PageSize', paging);
      if (params.bool('UseNextToken') === true) {
        const page = sliceFrom(items, decodeToken('NextToken', params.get('NextToken')), size);
        return { items: page.items, fields: { PageSize: size, Count: page.items.length, NextToken: page.next ?? '' } };
      }
      const current = params.int('CurrentPage') ?? 1;
      if (current < 1) throw invalidParameter('CurrentPage', String(current));
      const slice = items.slice((current - 1) * size, current * size);
      return { items: slice, fields: { CurrentPage: current, PageSize: size, Count: slice.length, TotalCount: items.length } };
    }
    case 'marker': {
      const offset = decodeToken('Marker', params.get('Marker'));
      const page = sliceFrom(items, offset, pageSize(params, 'MaxItems', paging));
      return { items: page.items, fields: page.next === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: page.next } };
    }
  }
}

/** A PageNumber page; `next` is the NextToken of the rest, for the ECS APIs that also answer one. */
function byPageNumber<T>(items: readonly T[], params: Params, rule: PageSizeRule, asStrings: boolean): Page<T> & { next: string | undefined } {
  const number = params.int('PageNumber') ?? 1;
  if (number < 1) throw invalidParameter('PageNumber', String(number));
  const size = pageSize(params, 'PageSize', rule);
  const page = sliceFrom(items, (number - 1) * size, size);
  const fields = { PageNumber: number, PageSize: size, TotalCount: items.length };
  return {
    ...page,
    fields: asStrings ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) : fields,
  };
}

function byToken<T>(items: readonly T[], params: Params, rule: PageSizeRule) {
  const offset = decodeToken('NextToken', params.get('NextToken'));
  const size = pageSize(params, 'MaxResults', rule);
  return { ...sliceFrom(items, offset, size), offset, size };
}

/** A token-paged slice of arbitrary text rows (IMS GetCredentialReport). */
export function tokenPage<T>(items: readonly T[], token: string | undefined, size: number) {
  return sliceFrom(items, decodeToken('NextToken', token), size);
}
