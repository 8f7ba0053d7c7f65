// ECS's slice of the account model: the compute resources of each region, written in DescribeInstances'
// (and its siblings') own PascalCase fields; ./shapes.ts fills in the rest of each response item.
import { z } from 'zod';
import { idWithPrefix, ids, resource, type Expect } from '../../model-fields.js';
import { securityCenterAssetSchema } from '../sas/model.js';
import type { VpcRegionModel } from '../vpc/model.js';
import {
  autoSnapshotPolicyTemplate,
  cloudAssistantTemplate,
  diskTemplate,
  instanceTemplate,
  keyPairTemplate,
  permissionTemplate,
  securityGroupTemplate,
  snapshotTemplate,
} from './shapes.js';

const permissionSchema = resource(permissionTemplate, {
  Direction: z.enum(['ingress', 'egress']).optional(),
  // Policy and IpProtocol stay free strings: the API returns e.g. "accept" as well as "Accept".
  Policy: z.string().optional(),
  Priority: z.union([z.string().regex(/^\d+$/), z.number().int()]).optional(),
  PortRange: z.string().regex(/^-?\d+\/-?\d+$/, 'expected "from/to", e.g. "22/22" or "-1/-1"').optional(),
  // internet rules exist on classic-network groups only (DescribeSecurityGroupAttribute NicType)
  NicType: z.enum(['internet', 'intranet']).optional(),
});

const instanceSchema = resource(
  instanceTemplate,
  {
    InstanceId: idWithPrefix('i-'),
    OSName: z.string().min(1),
    OSType: z.enum(['linux', 'windows']),
    SecurityGroupIds: ids.min(1, 'an instance belongs to at least one security group'),
    InstanceNetworkType: z.enum(['vpc', 'classic']).optional(),
    KeyPairName: z.string().optional(),
    PublicIpAddress: ids.optional(),
    InnerIpAddress: ids.optional(),
    VpcAttributes: z
      .looseObject({ VpcId: z.string().optional(), VSwitchId: z.string().optional(), PrivateIpAddress: ids.optional() })
      .optional(),
    // Not an API field of DescribeInstances: the instance's DescribeCloudAssistantStatus entry.
    CloudAssistant: resource(cloudAssistantTemplate, {}).nullable().optional(),
    // Not an ECS field: the instance as Security Center lists it; absent = Security Center does not know it.
    SecurityCenter: securityCenterAssetSchema.optional(),
  },
  ['CloudAssistant', 'SecurityCenter'],
);

const securityGroupSchema = resource(
  securityGroupTemplate,
  {
    SecurityGroupId: idWithPrefix('sg-'),
    VpcId: z.string().optional(),
    ServiceManaged: z.boolean().optional(),
    // Not a DescribeSecurityGroups field: the rules DescribeSecurityGroupAttribute returns.
    Permissions: z.array(permissionSchema).default([]),
  },
  ['Permissions'],
);

const diskSchema = resource(diskTemplate, {
  DiskId: idWithPrefix('d-'),
  InstanceId: z.string().optional(),
  AutoSnapshotPolicyId: z.string().optional(),
  Encrypted: z.boolean().optional(),
  Type: z.enum(['system', 'data']).optional(),
});

const snapshotSchema = resource(snapshotTemplate, { SnapshotId: idWithPrefix('s-'), SourceDiskId: z.string().optional() });
const autoSnapshotPolicySchema = resource(autoSnapshotPolicyTemplate, {
  AutoSnapshotPolicyId: idWithPrefix('sp-'),
  RetentionDays: z.number().int().min(-1).optional(),
});
const keyPairSchema = resource(keyPairTemplate, { KeyPairName: z.string().min(1) });

const ecsRegion = z.strictObject({
  instances: z.array(instanceSchema).default([]),
  securityGroups: z.array(securityGroupSchema).default([]),
  disks: z.array(diskSchema).default([]),
  snapshots: z.array(snapshotSchema).default([]),
  autoSnapshotPolicies: z.array(autoSnapshotPolicySchema).default([]),
  keyPairs: z.array(keyPairSchema).default([]),
  /** the ECS user business behaviour sessionManagerStatus; Alibaba's default is disabled */
  sessionManagerStatus: z.enum(['enabled', 'disabled']).default('disabled'),
});

/** `regions.<id>.<field>` for ECS */
export const ecsRegionFields = ecsRegion.shape;
export type EcsRegionModel = z.output<typeof ecsRegion>;
export type InstanceModel = EcsRegionModel['instances'][number];

/** Every id an ECS resource points at exists in its region. */
export function checkEcsRegion(region: EcsRegionModel & VpcRegionModel, regionId: string, expect: Expect): void {
  const groups = new Set(region.securityGroups.map((g) => g.SecurityGroupId));
  const vpcs = new Set(region.vpcs.map((v) => v.VpcId));
  const instances = new Set(region.instances.map((i) => i.InstanceId));
  const policies = new Set(region.autoSnapshotPolicies.map((p) => p.AutoSnapshotPolicyId));
  const keyPairs = new Set(region.keyPairs.map((k) => k.KeyPairName));
  const disks = new Set(region.disks.map((d) => d.DiskId));
  region.instances.forEach((instance, i) => {
    instance.SecurityGroupIds.forEach((id, j) =>
      expect(groups.has(id), ['instances', i, 'SecurityGroupIds', j], `security group ${id} is not in ${regionId}`),
    );
    if (instance.KeyPairName) {
      expect(keyPairs.has(instance.KeyPairName), ['instances', i, 'KeyPairName'], `key pair ${instance.KeyPairName} is not in ${regionId}`);
    }
    const vpcId = instance.VpcAttributes?.VpcId;
    if (vpcId) expect(vpcs.has(vpcId), ['instances', i, 'VpcAttributes', 'VpcId'], `VPC ${vpcId} is not in ${regionId}`);
  });
  region.disks.forEach((disk, i) => {
    if (disk.InstanceId) expect(instances.has(disk.InstanceId), ['disks', i, 'InstanceId'], `instance ${disk.InstanceId} is not in ${regionId}`);
    if (disk.AutoSnapshotPolicyId) {
      expect(policies.has(disk.AutoSnapshotPolicyId), ['disks', i, 'AutoSnapshotPolicyId'], `policy ${disk.AutoSnapshotPolicyId} is not in ${regionId}`);
    }
  });
  region.snapshots.forEach((snapshot, i) => {
    if (snapshot.SourceDiskId) expect(disks.has(snapshot.SourceDiskId), ['snapshots', i, 'SourceDiskId'], `disk ${snapshot.SourceDiskId} is not in ${regionId}`);
  });
}
