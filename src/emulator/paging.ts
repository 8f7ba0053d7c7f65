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

function decodeToken(name: string, token: string): number {
  const decoded = token.startsWith(TOKEN_PREFIX)
    ? Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString()
    : '';
  const match = /^offset:(\d+)$/.exec(decoded);
  if (!match) throw invalidParameter(name, token);
  return Number(match[1]);
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
      return { items: page.items, fields: { NextToken: page.next } };
    }
    case 'page-number-or-next-token': {
      if (params.get('NextToken') === undefined && params.get('MaxResults') === undefined) {
        const page = byPageNumber(items, params, paging, false);
        const offset = ((page.fields.PageNumber as number) - 1) * (page.fields.PageSize as number);
        const end = offset + page.items.length;
        return { items: page.items, fields: { ...page.fields, NextToken: end < items.length ? encodeToken(end) : '' } };
      }
      const page = byToken(items, params, paging);
      return {
        items: page.items,
        fields: { NextToken: page.next, PageNumber: Math.floor(page.offset / page.size) + 1, PageSize: page.size, TotalCount: items.length },
      };
    }
    case 'current-page-or-next-token': {
      const size = pageSize(params, 'PageSize', paging);
      if (params.bool('UseNextToken') === true) {
        const token = params.get('NextToken');
        const offset = token === undefined ? 0 : decodeToken('NextToken', token);
        const slice = items.slice(offset, offset + size);
        const end = offset + slice.length;
        return { items: slice, fields: { PageSize: size, Count: slice.length, NextToken: end < items.length ? encodeToken(end) : '' } };
      }
      const current = params.int('CurrentPage') ?? 1;
      if (current < 1) throw invalidParameter('CurrentPage', String(current));
      const slice = items.slice((current - 1) * size, current * size);
      return { items: slice, fields: { CurrentPage: current, PageSize: size, Count: slice.length, TotalCount: items.length } };
    }
    case 'marker': {
      const marker = params.get('Marker');
      const offset = marker === undefined ? 0 : decodeToken('Marker', marker);
      const size = pageSize(params, 'MaxItems', paging);
      const slice = items.slice(offset, offset + size);
      const end = offset + slice.length;
      return {
        items: slice,
        fields: end < items.length ? { IsTruncated: true, Marker: encodeToken(end) } : { IsTruncated: false },
      };
    }
  }
}

function byPageNumber<T>(items: readonly T[], params: Params, rule: PageSizeRule, asStrings: boolean): Page<T> {
  const number = params.int('PageNumber') ?? 1;
  if (number < 1) throw invalidParameter('PageNumber', String(number));
  const size = pageSize(params, 'PageSize', rule);
  const offset = (number - 1) * size;
  const fields = { PageNumber: number, PageSize: size, TotalCount: items.length };
  return {
    items: items.slice(offset, offset + size),
    fields: asStrings ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) : fields,
  };
}

function byToken<T>(items: readonly T[], params: Params, rule: PageSizeRule) {
  const token = params.get('NextToken');
  const offset = token === undefined ? 0 : decodeToken('NextToken', token);
  const size = pageSize(params, 'MaxResults', rule);
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return { items: slice, offset, size, next: end < items.length ? encodeToken(end) : '' };
}

/** A token-paged slice of arbitrary text rows (IMS GetCredentialReport). */
export function tokenPage<T>(items: readonly T[], token: string | undefined, size: number) {
  const offset = token === undefined ? 0 : decodeToken('NextToken', token);
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return { items: slice, next: end < items.length ? encodeToken(end) : undefined };
}
