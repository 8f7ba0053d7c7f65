// Cloud Firewall's slice of the account model (account level): null when nothing is bought; else the
// instance (DescribeUserBuyVersion), the public IPs at the internet border with their firewall switch and the
// internet-border access control policies.
import { z } from 'zod';
import { duplicates, resource, type Expect } from '../../model-fields.js';
import { assetTemplate, buyVersionTemplate, cenVpcFirewallTemplate, controlPolicyTemplate, vpcFirewallTemplate } from './shapes.js';

const assetSchema = resource(assetTemplate, {
  InternetAddress: z.string().min(1),
  RegionID: z.string().min(1),
  ProtectStatus: z.enum(['open', 'opening', 'closed', 'closing']).optional(),
});

const controlPolicySchema = resource(controlPolicyTemplate, {
  AclUuid: z.string().min(1),
  Direction: z.enum(['in', 'out']).optional(),
  AclAction: z.enum(['accept', 'drop', 'log']).optional(),
  Proto: z.enum(['ANY', 'TCP', 'UDP', 'ICMP']).optional(),
  Release: z.enum(['true', 'false']).optional(),
  Order: z.number().int().min(1).optional(),
});

const switchStatus = z.enum(['opened', 'closed', 'notconfigured']).optional();
/** the local VPC's region: where the firewall is listed */
const localVpc = z.looseObject({ RegionNo: z.string().min(1) });

const vpcFirewallSchema = resource(vpcFirewallTemplate, { VpcFirewallId: z.string().min(1), FirewallSwitchStatus: switchStatus, LocalVpc: localVpc });
const cenVpcFirewallSchema = resource(cenVpcFirewallTemplate, { VpcFirewallId: z.string().min(1), FirewallSwitchStatus: switchStatus, LocalVpc: localVpc });

const cloudfwAccount = z.strictObject({
  cloudFirewall: z
    .strictObject({
      instance: resource(buyVersionTemplate, {}).default({}),
      assets: z.array(assetSchema).default([]),
      controlPolicies: z.array(controlPolicySchema).default([]),
      /** DescribeVpcFirewallList: between two VPCs (Express Connect, peering) */
      vpcFirewalls: z.array(vpcFirewallSchema).default([]),
      /** DescribeVpcFirewallCenList: for the network instances of a CEN */
      cenVpcFirewalls: z.array(cenVpcFirewallSchema).default([]),
    })
    .nullable()
    .default(null),
});

/** top-level account model fields for Cloud Firewall */
export const cloudfwAccountFields = cloudfwAccount.shape;
export type CloudfwAccountModel = z.output<typeof cloudfwAccount>;

/** Each asset and VPC firewall lies in a region of the account; an IP, a policy id and a firewall id are listed once. */
export function checkCloudFirewall({ cloudFirewall, regions }: CloudfwAccountModel & { regions: Record<string, unknown> }, expect: Expect): void {
  if (cloudFirewall === null) return;
  cloudFirewall.assets.forEach((asset, i) =>
    expect(asset.RegionID in regions, ['cloudFirewall', 'assets', i, 'RegionID'], `region ${asset.RegionID} is not a region of the account`),
  );
  duplicates(cloudFirewall.assets.map((asset) => asset.InternetAddress)).forEach((ip) => expect(false, ['cloudFirewall', 'assets'], `duplicate asset ${ip}`));
  duplicates(cloudFirewall.controlPolicies.map((policy) => policy.AclUuid)).forEach((id) =>
    expect(false, ['cloudFirewall', 'controlPolicies'], `duplicate policy ${id}`),
  );
  for (const field of ['vpcFirewalls', 'cenVpcFirewalls'] as const) {
    cloudFirewall[field].forEach((firewall, i) =>
      expect(firewall.LocalVpc.RegionNo in regions, ['cloudFirewall', field, i, 'LocalVpc', 'RegionNo'], `region ${firewall.LocalVpc.RegionNo} is not a region of the account`),
    );
  }
  duplicates([...cloudFirewall.vpcFirewalls, ...cloudFirewall.cenVpcFirewalls].map((firewall) => firewall.VpcFirewallId)).forEach((id) =>
    expect(false, ['cloudFirewall'], `duplicate VPC firewall ${id}`),
  );
}
