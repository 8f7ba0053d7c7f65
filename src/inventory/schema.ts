// zod schemas mirroring `types.ts`, for everything that reads an inventory it did not build: snapshot files,
// rule examples, fixtures. Objects are strict so a misspelt field is an error, not a silent `undefined`
// (which the engine would read as "unknown"). The assertions at the bottom keep them in step with the types.
import { z } from 'zod';
import {
  INVENTORY_SCHEMA_VERSION,
  RESOURCE_TYPES,
  type CollectionGap,
  type Inventory,
  type ResourceMap,
  type ResourceType,
} from './types.js';

const text = z.string();
const nullableText = z.string().nullable();
const tags = z.record(z.string(), z.string());

const ecsInstance = z.strictObject({
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
  publicIps: z.array(text),
  eipAllocationId: nullableText,
  securityGroupIds: z.array(text),
  keyPairName: nullableText,
  metadata: z.strictObject({ httpEndpoint: nullableText, httpTokens: nullableText }),
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

const securityGroupRule = z.strictObject({
  id: text,
  direction: text,
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

const securityGroup = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: nullableText,
  type: text,
  serviceManaged: z.boolean(),
  rules: z.array(securityGroupRule).optional(),
  createdAt: nullableText,
  tags,
});

const disk = z.strictObject({
  id: text,
  region: text,
  name: text,
  category: text,
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

const snapshot = z.strictObject({
  id: text,
  region: text,
  name: text,
  sourceDiskId: nullableText,
  encrypted: z.boolean(),
  status: text,
  createdAt: nullableText,
  retentionDays: z.number().nullable(),
});

const snapshotPolicy = z.strictObject({
  id: text,
  region: text,
  name: text,
  status: text,
  retentionDays: z.number(),
  timePoints: z.array(text),
  repeatWeekdays: z.array(text),
  diskCount: z.number(),
});

const keyPair = z.strictObject({ id: text, region: text, fingerprint: text, createdAt: nullableText });

const vpc = z.strictObject({
  id: text,
  region: text,
  name: text,
  isDefault: z.boolean(),
  cidrBlock: text,
  status: text,
  vSwitchIds: z.array(text),
});

const vSwitch = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: text,
  zoneId: text,
  cidrBlock: text,
  networkAclId: nullableText,
});

const networkAclEntry = z.strictObject({
  id: text,
  name: text,
  policy: text,
  protocol: text,
  port: text,
  cidr: text,
  ipVersion: text,
  entryType: text,
});

const networkAcl = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: text,
  status: text,
  ingress: z.array(networkAclEntry),
  egress: z.array(networkAclEntry),
  boundResources: z.array(z.strictObject({ id: text, type: text, status: text })),
});

const flowLog = z.strictObject({
  id: text,
  region: text,
  name: text,
  status: text,
  resourceType: text,
  resourceId: text,
  trafficType: text,
});

const eip = z.strictObject({
  id: text,
  region: text,
  ipAddress: text,
  status: text,
  instanceId: nullableText,
  instanceType: nullableText,
});

const accessKey = z.strictObject({
  id: text,
  status: text,
  createdAt: nullableText,
  lastUsedAt: nullableText.optional(),
});

const attachedPolicy = z.strictObject({ name: text, type: text });

const ramUser = z.strictObject({
  id: text,
  userId: text,
  displayName: text,
  createdAt: nullableText,
  lastLoginAt: nullableText,
  loginProfile: z
    .strictObject({ mfaBindRequired: z.boolean(), passwordResetRequired: z.boolean(), createdAt: nullableText })
    .nullable()
    .optional(),
  mfaDevice: z.strictObject({ serialNumber: text, type: nullableText }).nullable().optional(),
  accessKeys: z.array(accessKey).optional(),
  groups: z.array(text).optional(),
  attachedPolicies: z.array(attachedPolicy).optional(),
});

const ramGroup = z.strictObject({
  id: text,
  createdAt: nullableText,
  members: z.array(text).optional(),
  attachedPolicies: z.array(attachedPolicy).optional(),
});

const ramRole = z.strictObject({
  id: text,
  arn: text,
  createdAt: nullableText,
  maxSessionDuration: z.number().nullable(),
  trustPolicy: z.unknown(),
  attachedPolicies: z.array(attachedPolicy).optional(),
});

const ramPolicy = z.strictObject({
  id: text,
  type: text,
  defaultVersion: text,
  document: z.unknown().optional(),
  attachments: z
    .array(z.strictObject({ type: z.enum(['user', 'group', 'role']), name: text }))
    .optional(),
  attachmentCount: z.number(),
});

const passwordPolicy = z.strictObject({
  minimumLength: z.number(),
  requireUppercase: z.boolean(),
  requireLowercase: z.boolean(),
  requireNumbers: z.boolean(),
  requireSymbols: z.boolean(),
  reusePrevention: z.number(),
  maxAgeDays: z.number(),
  maxLoginAttempts: z.number(),
  hardExpiry: z.boolean(),
});

const securityPreference = z.strictObject({
  enforceMfaForLogin: z.boolean().nullable(),
  allowUserToManageAccessKeys: z.boolean().nullable(),
  allowUserToManageMfaDevices: z.boolean().nullable(),
  loginSessionDurationHours: z.number().nullable(),
});

const rootFacts = z.strictObject({
  createdAt: nullableText,
  lastLoginAt: nullableText,
  mfaActive: z.boolean(),
  accessKeys: z.array(
    z.strictObject({ active: z.boolean(), lastRotatedAt: nullableText, lastUsedAt: nullableText }),
  ),
});

const trail = z.strictObject({
  id: text,
  region: text,
  homeRegion: text,
  trailRegion: text,
  eventRW: text,
  status: text,
  isOrganizationTrail: z.boolean(),
  isShadowTrail: z.boolean(),
  ossBucketName: nullableText,
  slsProjectArn: nullableText,
  arn: nullableText,
  logging: z
    .strictObject({ isLogging: z.boolean(), latestDeliveryTime: nullableText, latestDeliveryError: nullableText })
    .nullable()
    .optional(),
});

const ecsRegionSetting = z.strictObject({ id: text, region: text, sessionManagerEnabled: z.boolean() });

// the fields added with pay-as-you-go default, so that inventories written before them still read
const securityCenterConfig = z.strictObject({
  id: text,
  sites: z.array(text).default([]),
  regions: z.array(text),
  edition: z.enum(['free', 'anti-virus', 'advanced', 'enterprise', 'ultimate', 'value-added', 'unknown']),
  version: z.number(),
  highestVersion: z.number().nullable(),
  mergedVersion: z.number().nullable().default(null),
  postPayHostVersion: z.number().nullable().default(null),
  isTrial: z.boolean(),
  isPostpay: z.boolean(),
  postPayStatus: z.number().nullable().default(null),
  instanceId: nullableText,
  postPayInstanceId: nullableText.default(null),
  expiresAt: nullableText,
});

const vulnerability = z.strictObject({
  name: text,
  aliasName: text,
  type: text,
  necessity: text,
  status: z.number().nullable(),
  cves: z.array(text),
});

const securityCenterAsset = z.strictObject({
  id: text,
  region: text,
  uuid: text,
  name: text,
  clientStatus: text,
  clientSubStatus: nullableText,
  lastOnlineAt: nullableText,
  authVersion: z.number().nullable(),
  bound: z.boolean(),
  unfixedVulnerabilities: z.array(vulnerability).optional(),
});

const kmsKey = z.strictObject({
  id: text,
  region: text,
  arn: text,
  metadata: z
    .strictObject({
      state: text,
      spec: text,
      usage: text,
      origin: text,
      protectionLevel: text,
      automaticRotation: text,
      rotationIntervalSeconds: z.number().nullable(),
      lastRotatedAt: nullableText,
      nextRotationAt: nullableText,
      creator: text,
      createdAt: nullableText,
      deletionProtection: nullableText,
      description: text,
      kmsInstanceId: nullableText,
    })
    .optional(),
  aliases: z.array(text).optional(),
  isServiceKey: z.boolean().optional(),
});

const account = z.strictObject({
  id: text,
  passwordPolicy: passwordPolicy.optional(),
  securityPreference: securityPreference.optional(),
  root: rootFacts.optional(),
});

/** One schema per resource type, keyed like `ResourceMap`. */
export const recordSchemas = {
  'ecs.instance': ecsInstance,
  'ecs.security-group': securityGroup,
  'ecs.disk': disk,
  'ecs.snapshot': snapshot,
  'ecs.snapshot-policy': snapshotPolicy,
  'ecs.key-pair': keyPair,
  'ecs.region-setting': ecsRegionSetting,
  'vpc.vpc': vpc,
  'vpc.vswitch': vSwitch,
  'vpc.network-acl': networkAcl,
  'vpc.flow-log': flowLog,
  'vpc.eip': eip,
  'ram.user': ramUser,
  'ram.group': ramGroup,
  'ram.role': ramRole,
  'ram.policy': ramPolicy,
  'actiontrail.trail': trail,
  'sas.config': securityCenterConfig,
  'sas.asset': securityCenterAsset,
  'kms.key': kmsKey,
  account,
} as const satisfies Record<ResourceType, z.ZodType>;

export const collectionGapSchema = z.strictObject({
  service: z.enum(['ecs', 'vpc', 'ram', 'ims', 'actiontrail', 'sts', 'sas', 'kms']),
  region: nullableText,
  action: text,
  ramAction: text,
  resourceTypes: z.array(z.enum(RESOURCE_TYPES)),
  resourceId: text.optional(),
  fields: z.array(text).optional(),
  kind: z.enum(['denied', 'throttled', 'server', 'timeout', 'network', 'malformed', 'not-activated', 'invalid', 'other']),
  code: text,
  message: text,
  statusCode: z.number().optional(),
  requestId: text.optional(),
});

const resourcesSchema = z.strictObject(
  Object.fromEntries(RESOURCE_TYPES.map((type) => [type, z.array(recordSchemas[type])])) as {
    [K in ResourceType]: z.ZodArray<(typeof recordSchemas)[K]>;
  },
);

export const inventorySchema = z.strictObject({
  schemaVersion: z.literal(INVENTORY_SCHEMA_VERSION),
  accountId: text,
  collectedAt: text,
  regions: z.array(text),
  resources: resourcesSchema,
  gaps: z.array(collectionGapSchema),
});

// Compile-time drift check: each schema's output and its interface must be assignable both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type RecordDrift = {
  [K in ResourceType]: Same<z.infer<(typeof recordSchemas)[K]>, ResourceMap[K]> extends true ? never : K;
}[ResourceType];
const recordsInStep: [RecordDrift] extends [never] ? true : RecordDrift = true;
const gapsInStep: Same<z.infer<typeof collectionGapSchema>, CollectionGap> = true;
const inventoryInStep: Same<z.infer<typeof inventorySchema>, Inventory> = true;
void [recordsInStep, gapsInStep, inventoryInStep];
