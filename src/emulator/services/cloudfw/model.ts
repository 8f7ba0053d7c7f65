// Cloud Firewall's slice of the account model (account level): null when nothing is bought; else the
// instance (DescribeUserBuyVersion), the public IPs at the internet border with their firewall switch and the
// internet-border access control policies.
import { z } from 'zod';
import { duplicates, resource, type Expect } from '../../model-fields.js';
import { assetTemplate, buyVersionTemplate, controlPolicyTemplate } from './shapes.js';

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

const cloudfwAccount = z.strictObject({
  cloudFirewall: z
    .strictObject({
      instance: resource(buyVersionTemplate, {}).default({}),
      assets: z.array(assetSchema).default([]),
      controlPolicies: z.array(controlPolicySchema).default([]),
    })
    .nullable()
    .default(null),
});

/** top-level account model fields for Cloud Firewall */
export const cloudfwAccountFields = cloudfwAccount.shape;
export type CloudfwAccountModel = z.output<typeof cloudfwAccount>;

/** Each asset lies in a region of the account; an IP and a policy id are listed once. */
export function checkCloudFirewall({ cloudFirewall, regions }: CloudfwAccountModel & { regions: Record<string, unknown> }, expect: Expect): void {
  if (cloudFirewall === null) return;
  cloudFirewall.assets.forEach((asset, i) =>
    expect(asset.RegionID in regions, ['cloudFirewall', 'assets', i, 'RegionID'], `region ${asset.RegionID} is not a region of the account`),
  );
  duplicates(cloudFirewall.assets.map((asset) => asset.InternetAddress)).forEach((ip) => expect(false, ['cloudFirewall', 'assets'], `duplicate asset ${ip}`));
  duplicates(cloudFirewall.controlPolicies.map((policy) => policy.AclUuid)).forEach((id) =>
    expect(false, ['cloudFirewall', 'controlPolicies'], `duplicate policy ${id}`),
  );
}
