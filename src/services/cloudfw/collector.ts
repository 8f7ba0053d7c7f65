// Cloud Firewall (cloudfw 2017-12-07, no SDK package: openapi-core's generic call). Whether the account has
// it (DescribeUserBuyVersion), the public IPs at the internet border with their firewall switch
// (DescribeAssetList), the internet-border access control policies, inbound and outbound
// (DescribeControlPolicy), and the VPC firewalls with their switch (DescribeVpcFirewallList for Express
// Connect and peering, DescribeVpcFirewallCenList for CEN). Cloud Firewall is not regional: a site answers for the account; which site serves
// a region is the metadata's `endpoints` table (cloudfw_2017-12-07.api-docs.json): ap-southeast-1 is
// served by cloudfw.ap-southeast-1.aliyuncs.com, every other region by cloudfw.aliyuncs.com. None of
// these actions takes a RegionId (the metadata lists none), so none is sent.
import { callOrGap, listOrGap, optional, siteOf, type CollectorContext, type ListSpec } from '../context.js';
import { callRpc, malformedAnswer } from '../rpc-call.js';
import type { CloudFirewallAsset, CloudFirewallControlPolicy, CloudFirewallInstance, CloudFirewallVpcFirewall } from './records.js';

const VERSION = '2017-12-07';

/** A site, by the region its endpoint is named after (cloudfw.aliyuncs.com signs as cn-hangzhou). */
export type CloudFirewallSite = 'cn-hangzhou' | 'ap-southeast-1';

const HOSTS: Readonly<Record<CloudFirewallSite, string>> = {
  'cn-hangzhou': 'cloudfw.aliyuncs.com',
  'ap-southeast-1': 'cloudfw.ap-southeast-1.aliyuncs.com',
};

/** The site whose endpoint serves `region` (cloudfw_2017-12-07.api-docs.json `endpoints`). */
export function cloudFirewallSite(region: string): CloudFirewallSite {
  return region === 'ap-southeast-1' ? 'ap-southeast-1' : 'cn-hangzhou';
}

/**
 * PageSize "Maximum value: 50": DescribeControlPolicy's public API reference
 * (https://www.alibabacloud.com/help/doc-detail/138866.htm) and an earlier revision of DescribeAssetList's (the
 * current ones, e.g. https://www.alibabacloud.com/help/doc-detail/207028.htm, state no maximum, the metadata
 * none). Every listing here pages by CurrentPage with a TotalCount (the VPC firewall listings too; the
 * metadata gives none of them a maximum), so asking at most 50 can only cost pages, never items.
 */
const PAGE_CAP = 50;
/** DescribeControlPolicy Direction (the metadata's enum: in, out) */
const DIRECTIONS = ['in', 'out'] as const;
/**
 * IpVersion of both listings (DescribeControlPolicy's enum in the metadata: 4, 6). DescribeAssetList documents
 * "4 (default): IPv4" (https://help.aliyun.com/zh/cloud-firewall/cloudfirewall/developer-reference/api-cloudfw-2017-12-07-describeassetlist),
 * so each family is asked for: a listing without it would leave the IPv6 assets and policies out.
 */
const IP_VERSIONS = ['4', '6'] as const;
/**
 * DescribeUserBuyVersion InstanceStatus `free`: "no valid instance" (无有效实例), the answer of an account
 * that has not bought Cloud Firewall (https://help.aliyun.com/zh/cloud-firewall/cloudfirewall/developer-reference/api-cloudfw-2017-12-07-describeuserbuyversion).
 */
const NO_INSTANCE = 'free';

interface RawBuyVersion {
  UserStatus?: boolean | string;
  InstanceStatus?: string;
  InstanceId?: string;
  Version?: number | string;
  LogStatus?: boolean | string;
  Expire?: number | string;
}

interface RawAsset {
  InternetAddress?: string;
  IntranetAddress?: string;
  RegionID?: string;
  ResourceType?: string;
  ResourceInstanceId?: string;
  BindInstanceId?: string;
  Name?: string;
  IpVersion?: number | string;
  ProtectStatus?: string;
  RegionStatus?: string;
  Note?: string;
}

/** DescribeVpcFirewallList and DescribeVpcFirewallCenList VpcFirewalls items (the fields read) */
interface RawVpcFirewall {
  VpcFirewallId?: string;
  VpcFirewallName?: string;
  ConnectType?: string;
  FirewallSwitchStatus?: string;
  ResultCode?: string;
  CenId?: string;
  LocalVpc?: { RegionNo?: string; VpcId?: string; NetworkInstanceId?: string };
  PeerVpc?: { VpcId?: string };
}

interface RawPolicy {
  AclUuid?: string;
  Direction?: string;
  Order?: number | string;
  AclAction?: string;
  Release?: boolean | string;
  Proto?: string;
  SourceType?: string;
  Source?: string;
  SourceGroupCidrs?: string[];
  DestinationType?: string;
  Destination?: string;
  DestPortType?: string;
  DestPort?: string;
  DestPortGroupPorts?: string[];
  IpVersion?: number | string;
  RepeatType?: string;
  Description?: string;
}

const site = siteOf('cloudfw');

function numberOf(value: number | string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** callApi hands back JSON as sent: a boolean may come as "true" */
const isTrue = (value: boolean | string | undefined) => value === true || value === 'true';

interface SiteAnswer {
  site: CloudFirewallSite;
  regions: string[];
  /** undefined: DescribeUserBuyVersion could not be read */
  buy: RawBuyVersion | undefined;
  assets: CloudFirewallAsset[] | undefined;
  policies: CloudFirewallControlPolicy[] | undefined;
  vpcFirewalls: CloudFirewallVpcFirewall[] | undefined;
}

export async function collectCloudfw(ctx: CollectorContext): Promise<void> {
  const regionsBySite = new Map<CloudFirewallSite, string[]>();
  for (const region of ctx.regions) {
    const siteRegion = cloudFirewallSite(region);
    regionsBySite.set(siteRegion, [...(regionsBySite.get(siteRegion) ?? []), region]);
  }
  const sites = await Promise.all([...regionsBySite].map(([siteRegion, regions]) => collectSite(ctx, siteRegion, regions)));

  const answered = sites.filter((answer): answer is SiteAnswer & { buy: RawBuyVersion } => answer.buy !== undefined);
  if (answered.length === sites.length) ctx.inventory.add('cloudfw.instance', [accountInstance(ctx.accountId, answered)]);
  // the assets of a site's regions only: each public IP once
  if (sites.some((answer) => answer.assets !== undefined)) {
    ctx.inventory.add(
      'cloudfw.asset',
      sites.flatMap((answer) => (answer.assets ?? []).filter((asset) => answer.regions.includes(asset.region))),
    );
  }
  // two sites may answer for the same instance: each policy once
  if (sites.some((answer) => answer.policies !== undefined)) {
    const byKey = new Map(sites.flatMap((answer) => answer.policies ?? []).map((policy) => [`${policy.direction}/${policy.id}`, policy]));
    ctx.inventory.add('cloudfw.control-policy', [...byKey.values()]);
  }
  // the VPC firewalls of a site's regions only
  if (sites.some((answer) => answer.vpcFirewalls !== undefined)) {
    ctx.inventory.add(
      'cloudfw.vpc-firewall',
      sites.flatMap((answer) => (answer.vpcFirewalls ?? []).filter((firewall) => answer.regions.includes(firewall.region))),
    );
  }
}

const isBought = (buy: RawBuyVersion) => isTrue(buy.UserStatus) && buy.InstanceStatus !== NO_INSTANCE;

async function collectSite(ctx: CollectorContext, siteRegion: CloudFirewallSite, regions: string[]): Promise<SiteAnswer> {
  const call = <T>(action: string, query: Record<string, string | undefined> = {}) =>
    callRpc<T>(ctx, { host: HOSTS[siteRegion], version: VERSION, region: siteRegion, regionId: null, action, query });

  const buy = await callOrGap(
    ctx,
    // what it leaves unknown: whether there is a firewall, so also what it protects and how
    { site: site(siteRegion, 'DescribeUserBuyVersion'), affects: ['cloudfw.instance', 'cloudfw.asset', 'cloudfw.control-policy', 'cloudfw.vpc-firewall'] },
    async () => {
      const body = await call<RawBuyVersion>('DescribeUserBuyVersion');
      if (body.UserStatus === undefined) throw malformedAnswer('DescribeUserBuyVersion answered without a UserStatus');
      return body;
    },
  );
  if (!buy) return { site: siteRegion, regions, buy: undefined, assets: undefined, policies: undefined, vpcFirewalls: undefined };
  // no firewall on this site: nothing it protects, no policy it applies
  if (!isBought(buy)) return { site: siteRegion, regions, buy, assets: [], policies: [], vpcFirewalls: [] };

  /** A CurrentPage listing of this site at the cap: the items under `key`, TotalCount a number or a numeric string. */
  const listing = <T>(action: string, affects: ListSpec<T>['affects'], key: string, query: Record<string, string> = {}): ListSpec<T> => ({
    site: site(siteRegion, action),
    affects,
    paging: { style: 'pageNumber', cap: PAGE_CAP },
    fetch: async ({ pageNumber, size }) => {
      const body = await call<Record<string, unknown>>(action, { ...query, CurrentPage: String(pageNumber), PageSize: String(size) });
      const items = body[key];
      if (items !== undefined && !Array.isArray(items)) throw malformedAnswer(`${action} answered ${key} that is not a list`);
      return { items: (items ?? []) as T[], totalCount: numberOf(body.TotalCount as number | string | undefined) ?? undefined };
    },
  });
  const [assets, policies, vpcFirewalls] = await Promise.all([
    allOrNone(IP_VERSIONS.map((IpVersion) => listOrGap(ctx, listing<RawAsset>('DescribeAssetList', ['cloudfw.asset'], 'Assets', { IpVersion }), normalizeAsset))),
    allOrNone(
      DIRECTIONS.flatMap((Direction) =>
        IP_VERSIONS.map((IpVersion) =>
          listOrGap(ctx, listing<RawPolicy>('DescribeControlPolicy', ['cloudfw.control-policy'], 'Policys', { Direction, IpVersion }), (raw) =>
            normalizePolicy(raw, Direction),
          ),
        ),
      ),
    ),
    allOrNone(
      ['DescribeVpcFirewallList', 'DescribeVpcFirewallCenList'].map((action) =>
        listOrGap(ctx, listing<RawVpcFirewall>(action, ['cloudfw.vpc-firewall'], 'VpcFirewalls'), normalizeVpcFirewall),
      ),
    ),
  ]);
  return { site: siteRegion, regions, buy, assets, policies, vpcFirewalls };
}

/** The items of every listing, or undefined when one of them left a gap. */
async function allOrNone<T>(lists: Array<Promise<T[] | undefined>>): Promise<T[] | undefined> {
  const answers = await Promise.all(lists);
  return answers.every((answer) => answer !== undefined) ? answers.flatMap((answer) => answer ?? []) : undefined;
}

function normalizeAsset(raw: RawAsset): CloudFirewallAsset {
  return {
    id: raw.InternetAddress ?? '',
    region: raw.RegionID ?? '',
    resourceType: raw.ResourceType ?? '',
    resourceInstanceId: raw.ResourceInstanceId ?? '',
    bindInstanceId: optional(raw.BindInstanceId),
    name: raw.Name ?? '',
    intranetAddress: optional(raw.IntranetAddress),
    ipVersion: numberOf(raw.IpVersion),
    // a status the answer left out is unknown: an error finding, not a switch taken for off
    protectStatus: raw.ProtectStatus?.toLowerCase(),
    regionStatus: optional(raw.RegionStatus),
    note: optional(raw.Note),
  };
}

function normalizeVpcFirewall(raw: RawVpcFirewall): CloudFirewallVpcFirewall {
  return {
    id: raw.VpcFirewallId ?? '',
    name: raw.VpcFirewallName ?? '',
    connectType: raw.ConnectType ?? '',
    region: raw.LocalVpc?.RegionNo ?? '',
    vpcId: optional(raw.LocalVpc?.VpcId) ?? raw.LocalVpc?.NetworkInstanceId ?? '',
    peerVpcId: optional(raw.PeerVpc?.VpcId),
    cenId: optional(raw.CenId),
    switchStatus: raw.FirewallSwitchStatus?.toLowerCase(),
    resultCode: optional(raw.ResultCode),
  };
}

function normalizePolicy(raw: RawPolicy, direction: string): CloudFirewallControlPolicy {
  return {
    id: raw.AclUuid ?? '',
    // asked per direction: the answer's own Direction, when present, is the same
    direction: raw.Direction ?? direction,
    order: numberOf(raw.Order),
    action: (raw.AclAction ?? '').toLowerCase(),
    enabled: isTrue(raw.Release),
    proto: (raw.Proto ?? '').toUpperCase(),
    sourceType: raw.SourceType ?? '',
    source: raw.Source ?? '',
    sourceGroupCidrs: raw.SourceGroupCidrs ?? [],
    destinationType: raw.DestinationType ?? '',
    destination: raw.Destination ?? '',
    destPortType: raw.DestPortType ?? '',
    destPort: raw.DestPort ?? '',
    destPortGroupPorts: raw.DestPortGroupPorts ?? [],
    ipVersion: numberOf(raw.IpVersion),
    repeatType: raw.RepeatType ?? '',
    description: raw.Description ?? '',
  };
}

/** One record for the account: bought when any site it was read on has a valid instance. */
function accountInstance(accountId: string, sites: Array<SiteAnswer & { buy: RawBuyVersion }>): CloudFirewallInstance {
  const bought = sites.find((answer) => isBought(answer.buy));
  const buy = bought?.buy;
  const expire = numberOf(buy?.Expire);
  return {
    id: accountId,
    sites: sites.map((answer) => answer.site).sort(),
    regions: sites.flatMap((answer) => answer.regions).sort(),
    bought: buy !== undefined,
    instanceId: optional(buy?.InstanceId),
    instanceStatus: optional((buy ?? sites[0]?.buy)?.InstanceStatus),
    version: numberOf(buy?.Version),
    logDelivery: buy === undefined ? null : buy.LogStatus === undefined ? undefined : isTrue(buy.LogStatus),
    // pay-as-you-go (Version 10) has no end: "ignore this parameter"
    expiresAt: expire !== null && expire > 0 ? new Date(expire).toISOString() : null,
  };
}
