// paginate's per-page mapping: items are mapped as each page arrives, and a mapping failure is a bug that
// propagates as it is, never retried or turned into an API error (which would become a collection gap).
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ApiCaller } from '../src/cloud/api-caller.js';
import { ApiError, type CallSite } from '../src/cloud/api-error.js';
import { paginate, type PageResult, type PagingStyle } from '../src/cloud/paginate.js';
import { Redactor } from '../src/cloud/redact.js';

const site: CallSite = { service: 'ecs', region: 'cn-hangzhou', action: 'DescribeThings' };
const caller = () => new ApiCaller({ redactor: new Redactor(), logger: pino({ level: 'silent' }), sleep: async () => {} });

const pages: Record<string, PageResult<number>> = {
  first: { items: [1, 2], next: 't2', totalCount: 5, isTruncated: true },
  t2: { items: [3, 4], next: 't3', totalCount: 5, isTruncated: true },
  t3: { items: [5], next: '', totalCount: 5, isTruncated: false },
};
const byPageNumber = ['first', 't2', 't3'];

describe('paginate with a map', () => {
  it.each<PagingStyle>([
    { style: 'nextToken', cap: 2 },
    { style: 'marker', cap: 2 },
    { style: 'pageNumber', cap: 2 },
  ])('$style: maps every item, page by page, before the next page is asked for', async (paging) => {
    const log: string[] = [];
    const items = await paginate(
      caller(),
      site,
      paging,
      async (request) => {
        const key = paging.style === 'pageNumber' ? byPageNumber[(request.pageNumber ?? 1) - 1]! : (request.token ?? 'first');
        log.push(`fetch ${key}`);
        return pages[key]!;
      },
      (item) => {
        log.push(`map ${item}`);
        return `item-${item}`;
      },
    );
    expect(items).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
    expect(log).toEqual(['fetch first', 'map 1', 'map 2', 'fetch t2', 'map 3', 'map 4', 'fetch t3', 'map 5']);
  });

  it('lets a mapping error through untouched, after one call', async () => {
    const bug = new TypeError('normalize cannot read this item');
    const api = caller();
    const listing = paginate(api, site, { style: 'none' }, async () => ({ items: [1] }), () => {
      throw bug;
    });
    await expect(listing).rejects.toBe(bug);
    await expect(listing).rejects.not.toBeInstanceOf(ApiError);
    expect(api.stats.calls).toBe(1);
    expect(api.stats.retries).toBe(0);
  });
});
