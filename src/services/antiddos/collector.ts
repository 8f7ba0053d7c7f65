// Anti-DDoS: three products with no SDK package, called through callRpc.
// - Origin Basic (antiddos-public 2017-05-18), free on every public IP: DescribeInstance per region and asset
//   type lists each IP with its blackhole and scrubbing thresholds and its status.
// - Anti-DDoS Origin (ddosbgp 2018-07-20), bought per region: DescribeInstanceList, then DescribePackIpList of
//   each instance. An account that bought none answers an empty list, no error code (as Pro does, and as
//   aliyun/terraform-provider-alicloud#967's ddoscoo data source reads it): a fact (no records, no gap).
// - Anti-DDoS Pro / Premium (ddoscoo 2020-01-01), answered by two sites: DescribeInstances, and
//   DescribeWebAccessLogDispatchStatus (each proxied website and whether its full log goes to Log Service).
import { forEachRegion, listOrGap, optional, siteOf, type CollectorContext, type ListSpec } from '../context.js';
import { callRpc, malformedAnswer } from '../rpc-call.js';
import type { BasicProtectedIp, OriginInstance, OriginProtectedIp, ProInstance, ProWebsite } from './records.js';

const site = siteOf('antiddos');

/**
 * antiddos-public_2017-05-18.api-docs.json `endpoints`: these regions have their own endpoint (cn-nanjing
 * answers at the cn-hangzhou-cloudstone one); every other region it lists answers at antiddos.aliyuncs.com.
 */
const BASIC_REGIONAL_ENDPOINTS: ReadonlySet<string> = new Set([
  'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-6', 'cn-chengdu', 'cn-guangzhou',
  'cn-heyuan', 'cn-huhehaote', 'cn-wulanchabu', 'cn-zhangjiakou', 'eu-central-1', 'eu-west-1', 'me-east-1', 'rus-west-1',
]);
const BASIC_OTHER_ENDPOINTS: Readonly<Record<string, string>> = { 'cn-nanjing': 'antiddos-openapi.cn-hangzhou-cloudstone.aliyuncs.com' };
const basicHost = (region: string) =>
  BASIC_OTHER_ENDPOINTS[region] ?? (BASIC_REGIONAL_ENDPOINTS.has(region) ? `antiddos-openapi.${region}.aliyuncs.com` : 'antiddos.aliyuncs.com');

/**
 * ddosbgp_2018-07-20.api-docs.json `endpoints`: the regions where Anti-DDoS Origin is sold and the endpoint of
 * each. A region it does not list has no Origin instance to find.
 */
const ORIGIN_ENDPOINTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['cn-qingdao', 'cn-beijing', 'cn-zhangjiakou', 'cn-huhehaote', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'cn-chengdu',
      'cn-hangzhou-finance', 'cn-shenzhen-finance-1', 'cn-shanghai-finance-1', 'cn-north-2-gov-1'].map((region) => [region, 'ddosbgp.aliyuncs.com']),
  ),
  ...Object.fromEntries(
    ['ap-southeast-1', 'ap-northeast-1', 'ap-southeast-3', 'ap-southeast-5', 'eu-central-1', 'eu-west-1', 'me-east-1'].map((region) => [
      region,
      'ddosbgp.ap-southeast-1.aliyuncs.com',
    ]),
  ),
  'cn-hongkong': 'ddosbgp.cn-hongkong.aliyuncs.com',
  'us-west-1': 'ddosbgp.us-west-1.aliyuncs.com',
  'us-east-1': 'ddosbgp.us-east-1.aliyuncs.com',
};

/**
 * ddoscoo_2020-01-01.api-docs.json `endpoints`: Anti-DDoS Pro (Chinese mainland) answers at cn-hangzhou,
 * Premium (outside the mainland) at ap-southeast-1. Neither action takes a RegionId there.
 */
const PRO_SITES = ['cn-hangzhou', 'ap-southeast-1'] as const;
type ProSite = (typeof PRO_SITES)[number];
const OUTSIDE_MAINLAND: ReadonlySet<string> = new Set(['cn-hongkong']);
const proSiteOf = (region: string): ProSite => (region.startsWith('cn-') && !OUTSIDE_MAINLAND.has(region) ? 'cn-hangzhou' : 'ap-southeast-1');

/** InstanceType values of DescribeInstance (antiddos-public DescribeInstanceIpAddressResponseBody InstanceType: ecs, slb, eip) */
const BASIC_ASSET_TYPES = ['ecs', 'slb', 'eip'] as const;

/**
 * Page caps: antiddos-public DescribeInstance PageSize `maximum: 50` (metadata); ddosbgp DescribeInstanceList
 * "Valid values: 1 to 50" (https://www.alibabacloud.com/help/doc-detail/118698.htm) and DescribePackIpList
 * "The maximum value is 50" (ddosbgp-20180720 DescribePackIpListRequest.ts); ddoscoo DescribeInstances "1~50"
 * (https://help.aliyun.com/document_detail/91478.html). DescribeWebAccessLogDispatchStatus documents none: its
 * example 10 is asked (a lower server cap leaves TotalCount unmet, which the pager reports, never truncates).
 */
const PAGE_SIZE = 50;
const LOG_STATUS_PAGE_SIZE = 10;

/** a number the JSON may give as a string */
type NumberLike = number | string | undefined;

interface RawBasicIp {
  InstanceId?: string;
  InstanceIp?: string;
  InstanceName?: string;
  InstanceStatus?: string;
  InstanceType?: string;
  IpVersion?: string;
  IsBgppack?: boolean | string;
  BlackholeThreshold?: NumberLike;
  DefenseBpsThreshold?: NumberLike;
  DefensePpsThreshold?: NumberLike;
}

interface RawOriginInstance {
  InstanceId?: string;
  Remark?: string;
  Status?: string;
  ExpireTime?: NumberLike;
  CommodityType?: string;
}

interface RawPackIp {
  Ip?: string;
  Region?: string;
  Product?: string;
  Status?: string;
}

interface RawProInstance {
  InstanceId?: string;
  Ip?: string;
  Edition?: NumberLike;
  Enabled?: NumberLike;
  Status?: NumberLike;
  ExpireTime?: NumberLike;
  Remark?: string;
}

interface RawLogStatus {
  Domain?: string;
  Enable?: boolean | string;
}

const numberOrNull = (value: NumberLike): number | null => (value === undefined || value === '' || !Number.isFinite(Number(value)) ? null : Number(value));
const msToIso = (value: NumberLike): string | null => {
  const ms = numberOrNull(value);
  return ms !== null && ms > 0 ? new Date(ms).toISOString() : null;
};
const flag = (value: boolean | string) => value === true || value === 'true';

/** One RPC call of a product: the action and its parameters, the answer's raw JSON. */
type Call = <T>(action: string, query: Record<string, string>) => Promise<T>;

/**
 * The paging of a PageNumber-style listing of these products: each names its page number parameter
 * (CurrentPage, PageNo or PageNumber) and its total (Total or TotalCount); an answer without the total is malformed.
 */
function pagedBy<Body, Item>(
  call: Call,
  action: string,
  listing: { number: string; total: 'Total' | 'TotalCount'; cap: number; query?: Record<string, string>; items: (body: Body) => Item[] | undefined },
): Pick<ListSpec<Item>, 'paging' | 'fetch'> {
  return {
    paging: { style: 'pageNumber', cap: listing.cap },
    fetch: async ({ pageNumber, size }) => {
      const body = await call<Body & Partial<Record<'Total' | 'TotalCount', NumberLike>>>(action, { ...listing.query, [listing.number]: String(pageNumber), PageSize: String(size) });
      const totalCount = numberOrNull(body[listing.total]);
      if (totalCount === null) throw malformedAnswer(`${action} answered without its total`);
      return { items: listing.items(body) ?? [], totalCount };
    },
  };
}

export async function collectAntiddos(ctx: CollectorContext): Promise<void> {
  await Promise.all([
    forEachRegion(ctx, 'antiddos', async (region) => {
      await Promise.all([collectBasic(ctx, region), collectOrigin(ctx, region)]);
    }),
    collectPro(ctx),
  ]);
}

async function collectBasic(ctx: CollectorContext, region: string): Promise<void> {
  // the product takes DdosRegionId, no RegionId (antiddos-public_2017-05-18.api-docs.json)
  const call: Call = (action, query) => callRpc(ctx, { host: basicHost(region), version: '2017-05-18', region, regionId: null, action, query });
  const lists = await Promise.all(
    BASIC_ASSET_TYPES.map((assetType) =>
      listOrGap(
        ctx,
        {
          site: site(region, 'DescribeInstance'),
          affects: ['antiddos.basic-ip'],
          ...pagedBy(call, 'DescribeInstance', {
            number: 'CurrentPage',
            cap: PAGE_SIZE,
            query: { DdosRegionId: region, InstanceType: assetType },
            items: (body: { InstanceList?: { Instance?: RawBasicIp[] } }) => body.InstanceList?.Instance,
            total: 'Total',
          }),
        },
        (raw) => basicIp(raw, region, assetType),
      ),
    ),
  );
  // the IPs of a region are one collection: any asset type left unread leaves it incomplete (the gap says so)
  if (lists.every((list) => list !== undefined)) {
    ctx.inventory.add('antiddos.basic-ip', lists.flat().filter((ip) => ip.id !== ''));
  }
}

function basicIp(raw: RawBasicIp, region: string, assetType: string): BasicProtectedIp {
  return {
    id: raw.InstanceIp ?? '',
    region,
    assetId: raw.InstanceId ?? '',
    assetType: raw.InstanceType?.toLowerCase() || assetType,
    assetName: raw.InstanceName ?? '',
    ...(optional(raw.InstanceStatus) === null ? {} : { status: raw.InstanceStatus!.toLowerCase() }),
    blackholeThresholdMbps: numberOrNull(raw.BlackholeThreshold),
    scrubbingThresholdMbps: numberOrNull(raw.DefenseBpsThreshold),
    scrubbingThresholdPps: numberOrNull(raw.DefensePpsThreshold),
    ipVersion: optional(raw.IpVersion),
    inOriginInstance: raw.IsBgppack !== undefined && flag(raw.IsBgppack),
  };
}

async function collectOrigin(ctx: CollectorContext, region: string): Promise<void> {
  const host = ORIGIN_ENDPOINTS[region];
  if (host === undefined) return;
  const call: Call = (action, query) => callRpc(ctx, { host, version: '2018-07-20', region, regionId: region, action, query });
  const total = 'Total';

  const instances = await listOrGap(ctx, {
    site: site(region, 'DescribeInstanceList'),
    affects: ['antiddos.origin-instance'],
    ...pagedBy(call, 'DescribeInstanceList', { number: 'PageNo', cap: PAGE_SIZE, items: (body: { InstanceList?: RawOriginInstance[] }) => body.InstanceList, total }),
  });
  if (!instances) return;

  const records = await Promise.all(
    instances.map(async (raw): Promise<OriginInstance | undefined> => {
      const id = raw.InstanceId ?? '';
      const ips = await listOrGap(
        ctx,
        {
          site: site(region, 'DescribePackIpList'),
          // the whole collection, not one record's field: which IPs Origin covers is then unknown for every IP
          affects: ['antiddos.origin-instance'],
          ...pagedBy(call, 'DescribePackIpList', { number: 'PageNo', cap: PAGE_SIZE, query: { InstanceId: id }, items: (body: { IpList?: RawPackIp[] }) => body.IpList, total }),
        },
        (ip): OriginProtectedIp => ({ ip: ip.Ip ?? '', region: optional(ip.Region) ?? region, product: optional(ip.Product), status: optional(ip.Status) }),
      );
      if (!ips) return undefined;
      return {
        id,
        region,
        remark: optional(raw.Remark),
        status: optional(raw.Status),
        expiresAt: msToIso(raw.ExpireTime),
        commodityType: optional(raw.CommodityType),
        protectedIps: ips,
      };
    }),
  );
  ctx.inventory.add('antiddos.origin-instance', records.filter((record): record is OriginInstance => record !== undefined));
}

async function collectPro(ctx: CollectorContext): Promise<void> {
  const scanned = new Set(ctx.regions.map(proSiteOf));
  const sites = PRO_SITES.filter((siteRegion) => scanned.has(siteRegion));
  const answers = await Promise.all(sites.map((siteRegion) => collectProSite(ctx, siteRegion)));
  // every site lists the account's instances and websites (the emulator, which ignores the host, answers both
  // alike): each once, under the first site that lists it
  const once = <T extends { id: string }>(lists: Array<T[] | undefined>): T[] | undefined => {
    if (lists.every((list) => list === undefined)) return undefined;
    const seen = new Set<string>();
    return lists.flatMap((list) => list ?? []).filter((record) => !seen.has(record.id) && Boolean(seen.add(record.id)));
  };
  const instances = once(answers.map((answer) => answer.instances));
  const websites = once(answers.map((answer) => answer.websites));
  if (instances) ctx.inventory.add('antiddos.pro-instance', instances);
  if (websites) ctx.inventory.add('antiddos.pro-website', websites);
}

async function collectProSite(ctx: CollectorContext, siteRegion: ProSite): Promise<{ instances: ProInstance[] | undefined; websites: ProWebsite[] | undefined }> {
  const call: Call = (action, query) =>
    callRpc(ctx, { host: `ddoscoo.${siteRegion}.aliyuncs.com`, version: '2020-01-01', region: siteRegion, regionId: null, action, query });
  const total = 'TotalCount';
  const [instances, websites] = await Promise.all([
    listOrGap(
      ctx,
      {
        site: site(siteRegion, 'DescribeInstances'),
        affects: ['antiddos.pro-instance'],
        ...pagedBy(call, 'DescribeInstances', { number: 'PageNumber', cap: PAGE_SIZE, items: (body: { Instances?: RawProInstance[] }) => body.Instances, total }),
      },
      (raw): ProInstance => ({
        id: raw.InstanceId ?? '',
        region: siteRegion,
        ip: optional(raw.Ip),
        edition: numberOrNull(raw.Edition),
        // DescribeInstancesResponseBody.ts: Enabled 1 forwards traffic; Status 1 normal, 2 expired
        forwarding: numberOrNull(raw.Enabled) === 1,
        expired: numberOrNull(raw.Status) === 2,
        expiresAt: msToIso(raw.ExpireTime),
        remark: optional(raw.Remark),
      }),
    ),
    listOrGap(
      ctx,
      {
        site: site(siteRegion, 'DescribeWebAccessLogDispatchStatus'),
        affects: ['antiddos.pro-website'],
        ...pagedBy(call, 'DescribeWebAccessLogDispatchStatus', {
          number: 'PageNumber',
          cap: LOG_STATUS_PAGE_SIZE,
          items: (body: { SlsConfigStatus?: RawLogStatus[] }) => body.SlsConfigStatus,
          total,
        }),
      },
      (raw): ProWebsite => ({
        id: raw.Domain ?? '',
        region: siteRegion,
        ...(raw.Enable === undefined || raw.Enable === '' ? {} : { accessLogEnabled: flag(raw.Enable) }),
      }),
    ),
  ]);
  return { instances, websites };
}
