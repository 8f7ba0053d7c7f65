// ECS records: the zod schemas are the only definition; the TypeScript types are inferred from them.
import { z } from 'zod';
import { nullableText, tags, text } from '../fields.js';

export const ecsInstance = z.strictObject({
  id: text,
  region: text,
  name: text,
  status: text,
  zoneId: text,
  instanceType: text,
  osName: text,
  osType: text,
  imageId: text,
  networkType: text,
  vpcId: nullableText,
  vSwitchId: nullableText,
  privateIps: z.array(text),
  /** public IPs: the instance's own public IP and an associated EIP */
  publicIps: z.array(text),
  eipAllocationId: nullableText,
  securityGroupIds: z.array(text),
  keyPairName: nullableText,
  metadata: z.strictObject({ httpEndpoint: nullableText, httpTokens: nullableText }),
  /** from DescribeCloudAssistantStatus; undefined when that call failed */
  cloudAssistant: z
    .strictObject({
      installed: z.boolean(),
      version: nullableText,
      lastHeartbeatAt: nullableText,
      supportsSessionManager: z.boolean(),
    })
    .nullable()
    .optional(),
  createdAt: nullableText,
  tags,
});
export type EcsInstance = z.infer<typeof ecsInstance>;

export const securityGroupRule = z.strictObject({
  id: text,
  direction: text,
  /** raw values as the API returns them; the exposure evaluator interprets them */
  policy: text,
  priority: z.number(),
  ipProtocol: text,
  portRange: text,
  sourceCidrIp: nullableText,
  ipv6SourceCidrIp: nullableText,
  sourceGroupId: nullableText,
  sourcePrefixListId: nullableText,
  destCidrIp: nullableText,
  ipv6DestCidrIp: nullableText,
  destGroupId: nullableText,
  destPrefixListId: nullableText,
  nicType: nullableText,
  description: text,
});
export type SecurityGroupRule = z.infer<typeof securityGroupRule>;

export const securityGroup = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: nullableText,
  type: text,
  serviceManaged: z.boolean(),
  /** every rule, ingress and egress; undefined when DescribeSecurityGroupAttribute failed */
  rules: z.array(securityGroupRule).optional(),
  createdAt: nullableText,
  tags,
});
export type SecurityGroup = z.infer<typeof securityGroup>;

export const disk = z.strictObject({
  id: text,
  region: text,
  name: text,
  category: text,
  /** system | data */
  type: text,
  sizeGiB: z.number(),
  status: text,
  encrypted: z.boolean(),
  kmsKeyId: nullableText,
  instanceId: nullableText,
  autoSnapshotPolicyId: nullableText,
  createdAt: nullableText,
  tags,
});
export type Disk = z.infer<typeof disk>;

export const snapshot = z.strictObject({
  id: text,
  region: text,
  name: text,
  sourceDiskId: nullableText,
  encrypted: z.boolean(),
  status: text,
  createdAt: nullableText,
  retentionDays: z.number().nullable(),
});
export type Snapshot = z.infer<typeof snapshot>;

export const snapshotPolicy = z.strictObject({
  id: text,
  region: text,
  name: text,
  status: text,
  /** -1 keeps snapshots until deleted */
  retentionDays: z.number(),
  timePoints: z.array(text),
  repeatWeekdays: z.array(text),
  diskCount: z.number(),
});
export type SnapshotPolicy = z.infer<typeof snapshotPolicy>;

export const keyPair = z.strictObject({ id: text, region: text, fingerprint: text, createdAt: nullableText });
export type KeyPair = z.infer<typeof keyPair>;

/** ECS account switches of one region (DescribeUserBusinessBehavior). */
export const ecsRegionSetting = z.strictObject({
  /** the region id */
  id: text,
  region: text,
  /** statusKey sessionManagerStatus: Session Manager connections allowed in this region */
  sessionManagerEnabled: z.boolean(),
});
export type EcsRegionSetting = z.infer<typeof ecsRegionSetting>;
