import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ApiCaller } from '../src/cloud/api-caller.js';
import { ApiError, type CallSite } from '../src/cloud/api-error.js';
import { paginate, type PageRequest, type PageResult } from '../src/cloud/paginate.js';
import { Redactor } from '../src/cloud/redact.js';

const site: CallSite = { service: 'ecs', region: 'cn-hangzhou', action: 'DescribeThings' };
const caller = () => new ApiCaller({ redactor: new Redactor(), logger: pino({ level: 'silent' }), sleep: async () => {} });
const numbers = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

/** A server that answers PageNumber requests, silently capping the page size as Alibaba does. */
function pageNumberServer(total: number, serverCap: number, requests: PageRequest[]) {
  return async (request: PageRequest): Promise<PageResult<number>> => {
    requests.push(request);
    const size = Math.min(request.size ?? 10, serverCap);
    const start = ((request.pageNumber ?? 1) - 1) * size;
    return { items: numbers(start, Math.max(0, Math.min(size, total - start))), totalCount: total };
  };
}

describe('paginate', () => {
  it('follows NextToken until the token is empty', async () => {
    const requests: PageRequest[] = [];
    const pages: Record<string, PageResult<number>> = {
      first: { items: [1, 2], next: 't2' },
      t2: { items: [3, 4], next: 't3' },
      t3: { items: [5], next: '' },
    };
    const items = await paginate(caller(), site, { style: 'nextToken', cap: 2 }, async (request) => {
      requests.push(request);
      return pages[request.token ?? 'first'] as PageResult<number>;
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(requests.map((request) => request.token)).toEqual([undefined, 't2', 't3']);
    expect(requests.every((request) => request.size === 2)).toBe(true);
  });

  it('asks PageNumber APIs at their cap and reads every page up to TotalCount', async () => {
    const requests: PageRequest[] = [];
    const items = await paginate(caller(), site, { style: 'pageNumber', cap: 50 }, pageNumberServer(123, 50, requests));
    expect(items).toEqual(numbers(0, 123));
    expect(requests.map((request) => [request.pageNumber, request.size])).toEqual([
      [1, 50],
      [2, 50],
      [3, 50],
    ]);
  });

  it('does not truncate when the server caps below the asked size', async () => {
    // a collector asking 100 from a 50-capped API must still read all 123 items
    const items = await paginate(caller(), site, { style: 'pageNumber', cap: 100 }, pageNumberServer(123, 50, []));
    expect(items).toHaveLength(123);
  });

  it('fails instead of looping on an empty page with TotalCount left over', async () => {
    let calls = 0;
    const result = paginate(caller(), site, { style: 'pageNumber', cap: 50 }, async ({ pageNumber }) => {
      calls++;
      return { items: pageNumber === 1 ? numbers(0, 50) : [], totalCount: 80 };
    });
    await expect(result).rejects.toMatchObject({ apiCode: 'PagingInconsistent', kind: 'malformed' });
    expect(calls).toBe(2);
  });

  it('follows Marker while IsTruncated and fails on a truncated page without a Marker', async () => {
    const markers: Array<string | undefined> = [];
    const items = await paginate(caller(), site, { style: 'marker', cap: 1000 }, async ({ token }) => {
      markers.push(token);
      return token === undefined ? { items: ['a'], isTruncated: true, next: 'm1' } : { items: ['b'], isTruncated: false, next: '' };
    });
    expect(items).toEqual(['a', 'b']);
    expect(markers).toEqual([undefined, 'm1']);

    const broken = paginate(caller(), site, { style: 'marker', cap: 1000 }, async () => ({ items: ['a'], isTruncated: true, next: '' }));
    await expect(broken).rejects.toBeInstanceOf(ApiError);
  });

  it('fails when a NextToken comes back twice', async () => {
    const result = paginate(caller(), site, { style: 'nextToken', cap: 100 }, async () => ({ items: [1], next: 'same' }));
    await expect(result).rejects.toMatchObject({ apiCode: 'PagingInconsistent' });
  });
});
