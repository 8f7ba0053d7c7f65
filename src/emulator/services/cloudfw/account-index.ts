// Cloud Firewall's slice of the account index: what its APIs answer, for the whole account.
import { fill, type ApiObject } from '../../fill.js';
import type { CloudfwAccountModel } from './model.js';
import { assetTemplate, buyVersionTemplate, cenVpcFirewallTemplate, controlPolicyTemplate, notBoughtTemplate, vpcFirewallTemplate } from './shapes.js';

export interface CloudFirewallIndex {
  buyVersion: ApiObject;
  /** DescribeAssetList items; none without Cloud Firewall */
  assets: ApiObject[];
  /** DescribeControlPolicy items, both directions, by Order within each */
  controlPolicies: ApiObject[];
  /** DescribeVpcFirewallList items */
  vpcFirewalls: ApiObject[];
  /** DescribeVpcFirewallCenList items */
  cenVpcFirewalls: ApiObject[];
}

export function indexCloudFirewall(model: CloudfwAccountModel & { accountId: string }): { cloudFirewall: CloudFirewallIndex } {
  const context = { accountId: model.accountId, regionId: 'cn-hangzhou' };
  const bought = model.cloudFirewall;
  if (bought === null) {
    return { cloudFirewall: { buyVersion: notBoughtTemplate(context), assets: [], controlPolicies: [], vpcFirewalls: [], cenVpcFirewalls: [] } };
  }
  const inRegion = (firewall: { LocalVpc: { RegionNo: string } }) => ({ accountId: model.accountId, regionId: firewall.LocalVpc.RegionNo });
  const controlPolicies = bought.controlPolicies
    .map((policy) => fill(controlPolicyTemplate(), policy))
    .sort((a, b) => (a.Order as number) - (b.Order as number));
  return {
    cloudFirewall: {
      buyVersion: fill(buyVersionTemplate(context), bought.instance),
      assets: bought.assets.map((asset) => fill(assetTemplate({ accountId: model.accountId, regionId: asset.RegionID }), asset)),
      controlPolicies,
      vpcFirewalls: bought.vpcFirewalls.map((firewall) => fill(vpcFirewallTemplate(inRegion(firewall)), firewall)),
      cenVpcFirewalls: bought.cenVpcFirewalls.map((firewall) => fill(cenVpcFirewallTemplate(inRegion(firewall)), firewall)),
    },
  };
}
