// Cloud Firewall (cloudfw 2017-12-07). A site answers for the whole account and none of these actions takes
// a RegionId (cloudfw_2017-12-07.api-docs.json lists none), so the emulator, which ignores the Host, needs no
// site. Envelopes: the SDK models named in ./shapes.ts (Assets + TotalCount; Policys + PageNo, PageSize and
// TotalCount as strings; VpcFirewalls + TotalCount).
import type { CloudFirewallIndex } from './account-index.js';
import { invalidParameter } from '../../api-error.js';
import type { ApiObject } from '../../fill.js';
import type { Params } from '../../params.js';
import { global, whereEq, type ActionContext, type ActionTable } from '../../rpc/action.js';

/**
 * CurrentPage / PageSize, both required (the metadata); PageSize "Maximum value: 50" (DescribeControlPolicy's
 * public reference, doc-detail/138866, and an earlier revision of DescribeAssetList's), larger sizes capped.
 */
const PAGE_CAP = 50;

/** One page; the VPC firewall listings take CurrentPage and PageSize as optional (the metadata): without them, the first page of 10 (a default the references do not state). */
function page(items: readonly ApiObject[], params: Params, required = true): { items: ApiObject[]; current: number; size: number } {
  const read = (name: string, fallback: string) => Number(required ? params.required(name) : (params.get(name) ?? fallback));
  const current = read('CurrentPage', '1');
  const requested = read('PageSize', '10');
  if (!Number.isInteger(current) || current < 1) throw invalidParameter('CurrentPage', String(params.get('CurrentPage')));
  if (!Number.isInteger(requested) || requested < 1) throw invalidParameter('PageSize', String(params.get('PageSize')));
  const size = Math.min(PAGE_CAP, requested);
  return { items: items.slice((current - 1) * size, current * size), current, size };
}

/**
 * IpVersion of both listings: 4 or 6 (DescribeControlPolicy's enum in the metadata); without it, IPv4 only
 * ("4 (default)" in DescribeAssetList's public reference, the same assumed of DescribeControlPolicy).
 */
function ipVersion(params: Params): number {
  const version = params.get('IpVersion') ?? '4';
  if (version !== '4' && version !== '6') throw invalidParameter('IpVersion', version);
  return Number(version);
}

const cloudFirewall = (handle: (context: ActionContext, cloudFirewall: CloudFirewallIndex) => ApiObject) =>
  global((context) => handle(context, context.account.cloudFirewall));

export const cloudfwActions: ActionTable = {
  DescribeUserBuyVersion: cloudFirewall((_context, { buyVersion }) => buyVersion),

  DescribeAssetList: cloudFirewall(({ params }, { assets }) => {
    const filtered = [
      ['RegionNo', 'RegionID'],
      ['Status', 'ProtectStatus'],
      ['ResourceType', 'ResourceType'],
    ]
      .reduce((items, [param, field]) => whereEq(items, field!, params.get(param!)), assets as readonly ApiObject[])
      .filter((asset) => asset.IpVersion === ipVersion(params));
    const { items } = page(filtered, params);
    return { Assets: items, TotalCount: filtered.length };
  }),

  DescribeControlPolicy: cloudFirewall(({ params }, { controlPolicies }) => {
    const direction = params.get('Direction');
    if (direction !== undefined && direction !== 'in' && direction !== 'out') throw invalidParameter('Direction', direction);
    const filtered = whereEq(controlPolicies, 'Direction', direction).filter((policy) => policy.IpVersion === ipVersion(params));
    const { items, current, size } = page(filtered, params);
    return { Policys: items, PageNo: String(current), PageSize: String(size), TotalCount: String(filtered.length) };
  }),

  DescribeVpcFirewallList: cloudFirewall(({ params }, { vpcFirewalls }) => vpcFirewallPage(vpcFirewalls, params)),

  DescribeVpcFirewallCenList: cloudFirewall(({ params }, { cenVpcFirewalls }) => vpcFirewallPage(cenVpcFirewalls, params)),
};

function vpcFirewallPage(firewalls: readonly ApiObject[], params: Params): ApiObject {
  const switchStatus = params.get('FirewallSwitchStatus');
  const filtered = switchStatus === undefined ? firewalls : firewalls.filter((firewall) => firewall.FirewallSwitchStatus === switchStatus);
  return { VpcFirewalls: page(filtered, params, false).items, TotalCount: filtered.length };
}
