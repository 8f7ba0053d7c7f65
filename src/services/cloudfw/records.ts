// Cloud Firewall records: the zod schemas are the only definition; the TypeScript types are inferred from them.
// Field sources: aliyun/alibabacloud-typescript-sdk cloudfw-20171207 src/models/DescribeUserBuyVersionResponseBody.ts,
// DescribeAssetListResponseBody.ts and DescribeControlPolicyResponseBody.ts.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/**
 * Whether the account has Cloud Firewall: one record, whose id is the account id, read on each site that
 * serves a scanned region (cloudfw.aliyuncs.com, or cloudfw.ap-southeast-1.aliyuncs.com for ap-southeast-1).
 */
export const cloudFirewallInstance = z.strictObject({
  /** the account id */
  id: text,
  /** the sites read, by the region their endpoint is named after: cn-hangzhou (cloudfw.aliyuncs.com) | ap-southeast-1 */
  sites: z.array(text),
  /** the scanned regions these sites serve */
  regions: z.array(text),
  /** a valid instance on some site: UserStatus true and InstanceStatus not `free` */
  bought: z.boolean(),
  /** the instance id of the site that has one; null when none does (or a trial, which has none) */
  instanceId: nullableText,
  /** InstanceStatus: normal | init | deleting | abnormal | free; null when not reported */
  instanceStatus: nullableText,
  /** Version: 2 Premium, 3 Enterprise, 4 Ultimate, 10 pay-as-you-go; null when none is bought */
  version: z.number().nullable(),
  /** LogStatus: log delivery to Log Service is on; null when nothing is bought; undefined when the answer left it out */
  logDelivery: z.boolean().nullable().optional(),
  /** when the subscription ends; null for pay-as-you-go or nothing bought */
  expiresAt: nullableText,
});
export type CloudFirewallInstance = z.infer<typeof cloudFirewallInstance>;

/** A public IP at the internet border, as Cloud Firewall lists it (DescribeAssetList). */
export const cloudFirewallAsset = z.strictObject({
  /** the public IP address (InternetAddress): what the firewall switch protects */
  id: text,
  region: text,
  /** EcsEIP | EcsPublicIP | EIP | EniEIP | NatEIP | SlbEIP | SlbPublicIP | NatPublicIP | HAVIP | BastionHost*IP */
  resourceType: text,
  /** the asset's own instance (ResourceInstanceId) */
  resourceInstanceId: text,
  /** the resource the IP is bound to (BindInstanceId); null when none */
  bindInstanceId: nullableText,
  name: text,
  intranetAddress: nullableText,
  /** 4 | 6 */
  ipVersion: z.number().nullable(),
  /** the firewall switch (ProtectStatus): open | opening | closed | closing; undefined when the answer left it out */
  protectStatus: text.optional(),
  /** RegionStatus: whether Cloud Firewall supports the asset's region (enable | disable); null when not reported */
  regionStatus: nullableText,
  /** Note: REGION_NOT_SUPPORT | NETWORK_NOT_SUPPORT; null when none */
  note: nullableText,
});
export type CloudFirewallAsset = z.infer<typeof cloudFirewallAsset>;

/** An internet-border access control policy (DescribeControlPolicy, Direction in or out). */
export const cloudFirewallControlPolicy = z.strictObject({
  /** AclUuid */
  id: text,
  /** in | out */
  direction: text,
  /** the priority: 1 applies first */
  order: z.number().nullable(),
  /** accept | drop | log */
  action: text,
  /** the policy is enabled (Release "true") */
  enabled: z.boolean(),
  /** ANY | TCP | UDP | ICMP */
  proto: text,
  /** net (a CIDR) | group (an address book) | location (regions) */
  sourceType: text,
  source: text,
  /** the CIDR blocks of a source address book */
  sourceGroupCidrs: z.array(text),
  /** net | group | domain | location */
  destinationType: text,
  destination: text,
  /** port | group (a port address book) */
  destPortType: text,
  /** the destination port or range (`22`, `22/22`, `0/0`); "" for ICMP or a port address book */
  destPort: text,
  /** the ports of a port address book */
  destPortGroupPorts: z.array(text),
  /** 4 | 6 */
  ipVersion: z.number().nullable(),
  /** Permanent | None | Daily | Weekly | Monthly */
  repeatType: text,
  description: text,
});
export type CloudFirewallControlPolicy = z.infer<typeof cloudFirewallControlPolicy>;

/**
 * A VPC firewall (VPC border): between two VPCs over Express Connect or peering (DescribeVpcFirewallList) or for
 * a network instance attached to a CEN (DescribeVpcFirewallCenList).
 */
export const cloudFirewallVpcFirewall = z.strictObject({
  /** VpcFirewallId */
  id: text,
  name: text,
  /** ConnectType: expressconnect | cen */
  connectType: text,
  /** the region of the local VPC (LocalVpc.RegionNo) */
  region: text,
  /** the local VPC, or the CEN's network instance (LocalVpc.VpcId, else NetworkInstanceId) */
  vpcId: text,
  /** the peer VPC of an Express Connect firewall; null for a CEN one */
  peerVpcId: nullableText,
  /** the CEN of a CEN firewall; null for an Express Connect one */
  cenId: nullableText,
  /** FirewallSwitchStatus: opened | closed | notconfigured; undefined when the answer left it out */
  switchStatus: text.optional(),
  /** ResultCode, why it cannot be created (Unauthorized, RegionDisable, OpsDisable, VbrNotSupport); null when it can */
  resultCode: nullableText,
});
export type CloudFirewallVpcFirewall = z.infer<typeof cloudFirewallVpcFirewall>;
