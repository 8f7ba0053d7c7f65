// Cloud Firewall's slice of the account index: what its APIs answer, for the whole account.
import { fill, type ApiObject } from '../../fill.js';
import type { CloudfwAccountModel } from './model.js';
import { assetTemplate, buyVersionTemplate, controlPolicyTemplate, notBoughtTemplate } from './shapes.js';

export interface CloudFirewallIndex {
  buyVersion: ApiObject;
  /** DescribeAssetList items; none without Cloud Firewall */
  assets: ApiObject[];
  /** DescribeControlPolicy items, both directions, by Order within each */
  controlPolicies: ApiObject[];
}

export function indexCloudFirewall(model: CloudfwAccountModel & { accountId: string }): { cloudFirewall: CloudFirewallIndex } {
  const context = { accountId: model.accountId, regionId: 'cn-hangzhou' };
  const bought = model.cloudFirewall;
  if (bought === null) return { cloudFirewall: { buyVersion: notBoughtTemplate(context), assets: [], controlPolicies: [] } };
  const controlPolicies = bought.controlPolicies
    .map((policy) => fill(controlPolicyTemplate(), policy))
    .sort((a, b) => (a.Order as number) - (b.Order as number));
  return {
    cloudFirewall: {
      buyVersion: fill(buyVersionTemplate(context), bought.instance),
      assets: bought.assets.map((asset) => fill(assetTemplate({ accountId: model.accountId, regionId: asset.RegionID }), asset)),
      controlPolicies,
    },
  };
}
