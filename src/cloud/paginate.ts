// The three paging styles of Alibaba Cloud APIs, each asked at its documented page cap. Every page is one
// ApiCaller call. A listing either returns every item or throws: an inconsistent answer (a repeated token,
// an empty page while TotalCount says more) is an error, never a silent truncation or an endless loop.
import type { ApiCaller } from './api-caller.js';
import { ApiError, type CallSite } from './api-error.js';

export type PagingStyle =
  | { style: 'nextToken'; cap: number }
  | { style: 'pageNumber'; cap: number }
  | { style: 'marker'; cap: number }
  | { style: 'none' };

export interface PageRequest {
  /** NextToken or Marker of the page to fetch; undefined for the first page */
  token?: string;
  /** 1-based, for PageNumber APIs */
  pageNumber?: number;
  /** the page size to ask for: the API's cap */
  size?: number;
}

export interface PageResult<T> {
  items: T[];
  /** NextToken / Marker of the next page; empty or absent on the last page */
  next?: string | null;
  /** PageNumber APIs: the total across pages */
  totalCount?: number;
  /** Marker APIs */
  isTruncated?: boolean;
}

const MAX_PAGES = 100_000;

function inconsistent(site: CallSite, message: string): ApiError {
  return new ApiError(site, { kind: 'malformed', apiCode: 'PagingInconsistent', message });
}

/**
 * Every item of a listing. With `map`, each page's items are mapped as the page arrives (outside the
 * retried call, so a mapping bug is never taken for an API failure), and the raw SDK objects of a page
 * are garbage as soon as the next one is asked for, rather than kept until the last page.
 */
export async function paginate<T, U = T>(
  caller: ApiCaller,
  site: CallSite,
  paging: PagingStyle,
  fetchPage: (request: PageRequest) => Promise<PageResult<T>>,
  map?: (item: T) => U,
): Promise<U[]> {
  const call = async (request: PageRequest): Promise<PageResult<U>> => {
    const page = await caller.call(site, () => fetchPage(request));
    return map ? { ...page, items: page.items.map(map) } : (page as unknown as PageResult<U>);
  };
  switch (paging.style) {
    case 'none':
      return (await call({})).items;
    case 'nextToken':
    case 'marker':
      return followTokens(site, paging, call);
    case 'pageNumber':
      return followPageNumbers(site, paging.cap, call);
  }
}

async function followTokens<T>(
  site: CallSite,
  paging: { style: 'nextToken' | 'marker'; cap: number },
  call: (request: PageRequest) => Promise<PageResult<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await call({ ...(token === undefined ? {} : { token }), size: paging.cap });
    items.push(...result.items);
    const next = result.next ?? '';
    const more = paging.style === 'marker' ? result.isTruncated === true : next !== '';
    if (!more) return items;
    if (next === '') throw inconsistent(site, 'the answer says it is truncated but gives no Marker');
    if (seen.has(next)) throw inconsistent(site, `the paging token ${next} came back twice`);
    seen.add(next);
    token = next;
  }
  throw inconsistent(site, `more than ${MAX_PAGES} pages`);
}

async function followPageNumbers<T>(
  site: CallSite,
  cap: number,
  call: (request: PageRequest) => Promise<PageResult<T>>,
): Promise<T[]> {
  const items: T[] = [];
  for (let pageNumber = 1; pageNumber < MAX_PAGES; pageNumber++) {
    const result = await call({ pageNumber, size: cap });
    items.push(...result.items);
    const total = result.totalCount;
    if (total === undefined || !Number.isFinite(total)) throw inconsistent(site, 'the answer has no TotalCount');
    if (items.length >= total) return items;
    if (result.items.length === 0) {
      throw inconsistent(site, `page ${pageNumber} is empty but TotalCount ${total} says ${total - items.length} more`);
    }
  }
  throw inconsistent(site, `more than ${MAX_PAGES} pages`);
}
