// The account model: one JSON document describing an Alibaba Cloud account for the emulator.
// Resources are written in the API's own PascalCase fields, only the ones that matter; templates in
// ./shapes fill in the rest of the real response shape. Wrapper objects (`{ Tag: [...] }`) are written
// as bare arrays. Fields that the template does not know are rejected, so a typo cannot silently vanish.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isoSeconds, unknownFields, type ApiObject, type ShapeContext } from './shapes/fill.js';
import {
  autoSnapshotPolicyTemplate,
  cloudAssistantTemplate,
  diskTemplate,
  instanceTemplate,
  keyPairTemplate,
  permissionTemplate,
  securityGroupTemplate,
  snapshotTemplate,
} from './shapes/ecs.js';
import {
  aclResourceTemplate,
  egressAclEntryTemplate,
  eipTemplate,
  flowLogTemplate,
  ingressAclEntryTemplate,
  networkAclTemplate,
  vSwitchTemplate,
  vpcTemplate,
} from './shapes/vpc.js';
import { trailStatusTemplate, trailTemplate } from './shapes/actiontrail.js';
import { keyMetadataTemplate } from './shapes/kms.js';
import { cloudCenterInstanceTemplate, versionConfigTemplate, vulRecordTemplate } from './shapes/sas.js';
import { imsSecurityPreferenceTemplate } from './shapes/ram.js';

export class AccountModelError extends Error {
  readonly code = 'EMULATOR_ACCOUNT_MODEL_INVALID';
  readonly issues: string[];
  constructor(source: string, issues: string[], options?: { cause?: unknown }) {
    super(`${source}: invalid account model:\n  ${issues.join('\n  ')}`, options);
    this.name = 'AccountModelError';
    this.issues = issues;
  }
}

const PLACEHOLDER_CONTEXT: ShapeContext = { accountId: '0', regionId: 'cn-hangzhou' };

/** A resource: the declared fields are checked, any other field must exist in the API template. */
function resource<S extends z.ZodRawShape>(
  template: (context: ShapeContext) => ApiObject,
  shape: S,
  modelOnly: readonly string[] = [],
) {
  const known = template(PLACEHOLDER_CONTEXT);
  return z.looseObject(shape).superRefine((value, context) => {
    for (const path of unknownFields(known, value, [...Object.keys(shape), ...modelOnly])) {
      context.addIssue({ code: 'custom', path, message: 'unknown field: not part of the API response shape' });
    }
  });
}

const idWithPrefix = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-z]+$`), `expected an id like "${prefix}bp1..."`);
const isoTime = z.iso.datetime({ message: 'expected an ISO 8601 UTC time like 2026-11-01T08:00:00Z' });
const ids = z.array(z.string());

const permissionSchema = resource(permissionTemplate, {
  Direction: z.enum(['ingress', 'egress']).optional(),
  // Policy and IpProtocol stay free strings: the API returns e.g. "accept" as well as "Accept".
  Policy: z.string().optional(),
  Priority: z.union([z.string().regex(/^\d+$/), z.number().int()]).optional(),
  PortRange: z.string().regex(/^-?\d+\/-?\d+$/, 'expected "from/to", e.g. "22/22" or "-1/-1"').optional(),
  // internet rules exist on classic-network groups only (DescribeSecurityGroupAttribute NicType)
  NicType: z.enum(['internet', 'intranet']).optional(),
});

const vulnerabilitySchema = resource(vulRecordTemplate, {
  Name: z.string().min(1),
  Type: z.enum(['cve', 'sys', 'emg', 'cms', 'app']).optional(),
  // 1 unfixed; 7 fixed and 10 ignored count as handled (Dealed=y)
  Status: z.number().int().optional(),
});

const securityCenterAssetSchema = resource(
  cloudCenterInstanceTemplate,
  {
    ClientStatus: z.enum(['online', 'offline', 'pause']).optional(),
    // Not a DescribeCloudCenterInstances field: what DescribeVulList reports for this asset.
    Vulnerabilities: z.array(vulnerabilitySchema).default([]),
  },
  ['Vulnerabilities'],
);

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
const vpcSchema = resource(vpcTemplate, { VpcId: idWithPrefix('vpc-') });
const vSwitchSchema = resource(vSwitchTemplate, { VSwitchId: idWithPrefix('vsw-'), VpcId: z.string() });
const networkAclSchema = resource(networkAclTemplate, {
  NetworkAclId: idWithPrefix('nacl-'),
  VpcId: z.string(),
  IngressAclEntries: z.array(resource(ingressAclEntryTemplate, {})).default([]),
  EgressAclEntries: z.array(resource(egressAclEntryTemplate, {})).default([]),
  Resources: z.array(resource(aclResourceTemplate, { ResourceId: z.string() })).default([]),
});
const flowLogSchema = resource(flowLogTemplate, {
  FlowLogId: idWithPrefix('fl-'),
  ResourceType: z.enum(['VPC', 'VSwitch', 'NetworkInterface']).optional(),
  ResourceId: z.string(),
});
const eipSchema = resource(eipTemplate, {
  AllocationId: idWithPrefix('eip-'),
  IpAddress: z.string().min(1),
  InstanceId: z.string().optional(),
});

const kmsKeySchema = resource(
  keyMetadataTemplate,
  {
    KeyId: z.string().min(1),
    AutomaticRotation: z.enum(['Enabled', 'Disabled', 'Suspended']).optional(),
    // Not a DescribeKey field: the key's aliases, as ListAliases answers them.
    Aliases: z.array(z.string().regex(/^alias\/[A-Za-z0-9/_-]+$/, 'expected an alias like "alias/acs/ecs"')).default([]),
  },
  ['Aliases'],
);

const regionSchema = z.strictObject({
  localName: z.string().optional(),
  /**
   * DescribeRegions Status: whether the region is sold out, "available" or "soldOut"
   * (ecs_2014-05-26.api-docs.json, DescribeRegions Regions.Region[].Status "集群是否售罄"). A sold-out region
   * still holds the account's resources.
   */
  status: z.enum(['available', 'soldOut']).default('available'),
  instances: z.array(instanceSchema).default([]),
  securityGroups: z.array(securityGroupSchema).default([]),
  disks: z.array(diskSchema).default([]),
  snapshots: z.array(snapshotSchema).default([]),
  autoSnapshotPolicies: z.array(autoSnapshotPolicySchema).default([]),
  keyPairs: z.array(keyPairSchema).default([]),
  vpcs: z.array(vpcSchema).default([]),
  vSwitches: z.array(vSwitchSchema).default([]),
  networkAcls: z.array(networkAclSchema).default([]),
  flowLogs: z.array(flowLogSchema).default([]),
  eips: z.array(eipSchema).default([]),
  kmsKeys: z.array(kmsKeySchema).default([]),
  /** the ECS user business behaviour sessionManagerStatus; Alibaba's default is disabled */
  sessionManagerStatus: z.enum(['enabled', 'disabled']).default('disabled'),
});

const accessKeySchema = z.strictObject({
  AccessKeyId: z.string().min(1),
  Status: z.enum(['Active', 'Inactive']).default('Active'),
  CreateDate: isoTime,
  /** null: never used */
  LastUsedDate: isoTime.nullable().default(null),
});

const policyNames = z.array(z.string().min(1)).default([]);

const userSchema = z.strictObject({
  UserName: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected a RAM user name (letters, digits, . _ -)'),
  UserId: z.string().optional(),
  DisplayName: z.string().optional(),
  Email: z.string().default(''),
  MobilePhone: z.string().default(''),
  Comments: z.string().default(''),
  CreateDate: isoTime.default('2026-01-05T08:00:00Z'),
  UpdateDate: isoTime.optional(),
  /** null: never logged on to the console */
  LastLoginDate: isoTime.nullable().default(null),
  /** null: no console password */
  LoginProfile: z
    .strictObject({
      PasswordResetRequired: z.boolean().default(false),
      MFABindRequired: z.boolean().default(false),
      Status: z.enum(['Active', 'Inactive']).default('Active'),
      CreateDate: isoTime.optional(),
      PasswordLastChanged: isoTime.optional(),
    })
    .nullable()
    .default(null),
  /** null: no MFA device bound */
  MFADevice: z
    .strictObject({
      SerialNumber: z.string().optional(),
      Type: z.enum(['VMFA', 'U2F']).default('VMFA'),
      ActivateDate: isoTime.optional(),
    })
    .nullable()
    .default(null),
  AccessKeys: z.array(accessKeySchema).default([]),
  Groups: z.array(z.string()).default([]),
  Policies: policyNames,
});

const groupSchema = z.strictObject({
  GroupName: z.string().min(1),
  GroupId: z.string().optional(),
  Comments: z.string().default(''),
  CreateDate: isoTime.default('2026-01-05T08:00:00Z'),
  Policies: policyNames,
});

const policyDocument = z.union([z.string(), z.record(z.string(), z.unknown())]);

const roleSchema = z.strictObject({
  RoleName: z.string().min(1),
  RoleId: z.string().optional(),
  Description: z.string().default(''),
  CreateDate: isoTime.default('2026-01-05T08:00:00Z'),
  MaxSessionDuration: z.number().int().min(900).max(43200).default(3600),
  /** defaults to trusting the account itself */
  AssumeRolePolicyDocument: policyDocument.optional(),
  Policies: policyNames,
});

const policySchema = z.strictObject({
  PolicyName: z.string().min(1),
  PolicyType: z.enum(['Custom', 'System']).default('Custom'),
  Description: z.string().default(''),
  CreateDate: isoTime.default('2026-01-05T08:00:00Z'),
  DefaultVersion: z.string().default('v1'),
  PolicyDocument: policyDocument,
});

const passwordPolicySchema = z.strictObject({
  MinimumPasswordLength: z.number().int().min(8).max(32).default(8),
  RequireLowercaseCharacters: z.boolean().default(false),
  RequireUppercaseCharacters: z.boolean().default(false),
  RequireNumbers: z.boolean().default(false),
  RequireSymbols: z.boolean().default(false),
  HardExpiry: z.boolean().default(false),
  MaxPasswordAge: z.number().int().min(0).max(1095).default(0),
  PasswordReusePrevention: z.number().int().min(0).max(24).default(0),
  // the API's own spelling
  MaxLoginAttemps: z.number().int().min(0).max(32).default(0),
  PasswordNotContainUserName: z.boolean().default(false),
  MinimumPasswordDifferentCharacter: z.number().int().min(0).default(0),
});

const ramSchema = z.strictObject({
  users: z.array(userSchema).default([]),
  groups: z.array(groupSchema).default([]),
  roles: z.array(roleSchema).default([]),
  policies: z.array(policySchema).default([]),
  passwordPolicy: passwordPolicySchema.default(passwordPolicySchema.parse({})),
  /** IMS GetSecurityPreference shape (a superset of RAM's) */
  securityPreference: resource(imsSecurityPreferenceTemplate, {}).default({}),
});

const rootSchema = z.strictObject({
  CreateDate: isoTime.default('2020-01-01T00:00:00Z'),
  LastLoginDate: isoTime.nullable().default(null),
  PasswordLastChanged: isoTime.nullable().default(null),
  MFAActive: z.boolean().default(false),
  AccessKeys: z.array(accessKeySchema).default([]),
});

const trailSchema = resource(
  trailTemplate,
  {
    Name: z.string().min(1),
    HomeRegion: z.string().min(1),
    TrailRegion: z.string().optional(),
    EventRW: z.enum(['All', 'Read', 'Write']).optional(),
    Status: z.enum(['Enable', 'Disable', 'Fresh']).optional(),
    IsOrganizationTrail: z.boolean().optional(),
    // Not a DescribeTrails field: what GetTrailStatus answers.
    TrailStatus: resource(trailStatusTemplate, { IsLogging: z.boolean().optional() }).optional(),
  },
  ['TrailStatus'],
);

const ramAction = z.string().regex(/^[a-z-]+:[A-Z][A-Za-z]+$/, 'expected "service:Action", e.g. "ecs:DescribeDisks"');

const deniedActionSchema = z.union([
  ramAction,
  z.strictObject({ action: ramAction, regions: z.array(z.string()).min(1) }),
]);

const regionIdPattern = /^[a-z]+(-[a-z0-9]+)+$/;

const accountShape = z.strictObject({
  $comment: z.string().optional(),
  /** the time the model's dates were written for: `loadAccountModel(file, { asOf })` moves them to another time */
  referenceTime: isoTime.optional(),
  accountId: z.string().regex(/^\d{16}$/, 'expected a 16-digit Alibaba Cloud account id'),
  accountAlias: z.string().optional(),
  regions: z
    .record(z.string().regex(regionIdPattern, 'expected a region id like cn-hangzhou'), regionSchema)
    .refine((regions) => Object.keys(regions).length > 0, 'an account needs at least one region'),
  ram: ramSchema.default(ramSchema.parse({})),
  root: rootSchema.default(rootSchema.parse({})),
  trails: z.array(trailSchema).default([]),
  /** DescribeVersionConfig; null: nothing bought, the Free edition (Version 1) every account has */
  securityCenter: resource(versionConfigTemplate, { Version: z.number().int().optional() }).nullable().default(null),
  /** RAM actions every caller is denied (403), optionally only in some regions */
  deniedActions: z.array(deniedActionSchema).default([]),
});

const accountModelSchema = accountShape.superRefine((model, context) => {
  for (const { path, message } of referenceProblems(model)) context.addIssue({ code: 'custom', path, message });
});

export type AccountModelInput = z.input<typeof accountModelSchema>;
export type AccountModel = z.output<typeof accountModelSchema>;
export type RegionModel = AccountModel['regions'][string];
export type RamUserModel = AccountModel['ram']['users'][number];
export type RamGroupModel = AccountModel['ram']['groups'][number];
export type RamRoleModel = AccountModel['ram']['roles'][number];
export type RamPolicyModel = AccountModel['ram']['policies'][number];
export type AccessKeyModel = z.output<typeof accessKeySchema>;
export type TrailModel = AccountModel['trails'][number];

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Cross-references a JSON schema cannot express: every id a resource points at must exist. */
function referenceProblems(model: z.output<typeof accountShape>): Problem[] {
  const problems: Problem[] = [];
  const expect = (ok: boolean, path: (string | number)[], message: string) => {
    if (!ok) problems.push({ path, message });
  };
  for (const [regionId, region] of Object.entries(model.regions)) {
    const at = (...rest: (string | number)[]) => ['regions', regionId, ...rest];
    const groups = new Set(region.securityGroups.map((g) => g.SecurityGroupId));
    const instances = new Set(region.instances.map((i) => i.InstanceId));
    const vpcs = new Set(region.vpcs.map((v) => v.VpcId));
    const vSwitches = new Set(region.vSwitches.map((v) => v.VSwitchId));
    const policies = new Set(region.autoSnapshotPolicies.map((p) => p.AutoSnapshotPolicyId));
    const keyPairs = new Set(region.keyPairs.map((k) => k.KeyPairName));
    const disks = new Set(region.disks.map((d) => d.DiskId));
    region.instances.forEach((instance, i) => {
      instance.SecurityGroupIds.forEach((id, j) =>
        expect(groups.has(id), at('instances', i, 'SecurityGroupIds', j), `security group ${id} is not in ${regionId}`),
      );
      if (instance.KeyPairName) {
        expect(keyPairs.has(instance.KeyPairName), at('instances', i, 'KeyPairName'), `key pair ${instance.KeyPairName} is not in ${regionId}`);
      }
      const vpcId = instance.VpcAttributes?.VpcId;
      if (vpcId) expect(vpcs.has(vpcId), at('instances', i, 'VpcAttributes', 'VpcId'), `VPC ${vpcId} is not in ${regionId}`);
    });
    region.disks.forEach((disk, i) => {
      if (disk.InstanceId) expect(instances.has(disk.InstanceId), at('disks', i, 'InstanceId'), `instance ${disk.InstanceId} is not in ${regionId}`);
      if (disk.AutoSnapshotPolicyId) {
        expect(policies.has(disk.AutoSnapshotPolicyId), at('disks', i, 'AutoSnapshotPolicyId'), `policy ${disk.AutoSnapshotPolicyId} is not in ${regionId}`);
      }
    });
    region.snapshots.forEach((snapshot, i) => {
      if (snapshot.SourceDiskId) expect(disks.has(snapshot.SourceDiskId), at('snapshots', i, 'SourceDiskId'), `disk ${snapshot.SourceDiskId} is not in ${regionId}`);
    });
    region.vSwitches.forEach((vSwitch, i) =>
      expect(vpcs.has(vSwitch.VpcId), at('vSwitches', i, 'VpcId'), `VPC ${vSwitch.VpcId} is not in ${regionId}`),
    );
    region.networkAcls.forEach((acl, i) => {
      expect(vpcs.has(acl.VpcId), at('networkAcls', i, 'VpcId'), `VPC ${acl.VpcId} is not in ${regionId}`);
      acl.Resources.forEach((bound, j) =>
        expect(vSwitches.has(bound.ResourceId), at('networkAcls', i, 'Resources', j, 'ResourceId'), `vSwitch ${bound.ResourceId} is not in ${regionId}`),
      );
    });
    region.flowLogs.forEach((flowLog, i) => {
      const known = flowLog.ResourceType === 'VSwitch' ? vSwitches : flowLog.ResourceType === 'NetworkInterface' ? null : vpcs;
      if (known) expect(known.has(flowLog.ResourceId), at('flowLogs', i, 'ResourceId'), `${flowLog.ResourceId} is not in ${regionId}`);
    });
    duplicates(region.kmsKeys.flatMap((key) => key.Aliases)).forEach((alias) =>
      expect(false, at('kmsKeys'), `alias ${alias} names two keys`),
    );
    region.eips.forEach((eip, i) => {
      if (eip.InstanceId) expect(instances.has(eip.InstanceId), at('eips', i, 'InstanceId'), `instance ${eip.InstanceId} is not in ${regionId}`);
    });
  }

  const { ram } = model;
  const groupNames = new Set(ram.groups.map((g) => g.GroupName));
  const policyNamesKnown = new Set(ram.policies.map((p) => p.PolicyName));
  const checkPolicies = (names: string[], path: (string | number)[]) =>
    names.forEach((name, j) =>
      expect(policyNamesKnown.has(name), [...path, j], `policy ${name} is not declared in ram.policies`),
    );
  ram.users.forEach((user, i) => {
    user.Groups.forEach((name, j) => expect(groupNames.has(name), ['ram', 'users', i, 'Groups', j], `group ${name} is not declared`));
    checkPolicies(user.Policies, ['ram', 'users', i, 'Policies']);
  });
  ram.groups.forEach((group, i) => checkPolicies(group.Policies, ['ram', 'groups', i, 'Policies']));
  ram.roles.forEach((role, i) => checkPolicies(role.Policies, ['ram', 'roles', i, 'Policies']));
  duplicates(ram.users.map((u) => u.UserName)).forEach((name) => expect(false, ['ram', 'users'], `duplicate user ${name}`));
  duplicates(ram.policies.map((p) => p.PolicyName)).forEach((name) => expect(false, ['ram', 'policies'], `duplicate policy ${name}`));
  const accessKeyIds = [
    ...model.root.AccessKeys.map((k) => k.AccessKeyId),
    ...ram.users.flatMap((u) => u.AccessKeys.map((k) => k.AccessKeyId)),
  ];
  duplicates(accessKeyIds).forEach((id) => expect(false, ['ram', 'users'], `access key ${id} appears twice`));
  model.trails.forEach((trail, i) =>
    expect(trail.HomeRegion in model.regions, ['trails', i, 'HomeRegion'], `region ${trail.HomeRegion} is not in regions`),
  );
  return problems;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** Validates an account model built in code (the benchmark builds large accounts this way). */
export function defineAccount(input: AccountModelInput, source = '<code>'): AccountModel {
  const parsed = accountModelSchema.safeParse(input);
  if (!parsed.success) throw new AccountModelError(source, formatIssues(parsed.error));
  return parsed.data;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Every ISO time in a JSON value moved by `ms`, in the same spelling (seconds kept, milliseconds dropped as written). */
function shiftTimes(value: unknown, ms: number): unknown {
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const shifted = new Date(Date.parse(value) + ms);
    return value.includes('.') ? shifted.toISOString() : isoSeconds(shifted);
  }
  if (Array.isArray(value)) return value.map((item) => shiftTimes(item, ms));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === '$comment' ? item : shiftTimes(item, ms)]));
  }
  return value;
}

/**
 * Load a model from a file. With `asOf`, a model that states its `referenceTime` has every date moved by
 * `asOf - referenceTime`, so that ages (a key 120 days old, a logon last week) read the same whenever it is
 * scanned: the bundled demo stays the same demo next year.
 */
export async function loadAccountModel(file: string, options: { asOf?: Date } = {}): Promise<AccountModel> {
  let raw: { referenceTime?: unknown };
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as { referenceTime?: unknown };
  } catch (cause) {
    throw new AccountModelError(file, [`cannot read JSON: ${(cause as Error).message}`], { cause });
  }
  const reference = typeof raw.referenceTime === 'string' ? Date.parse(raw.referenceTime) : Number.NaN;
  const input = options.asOf && Number.isFinite(reference) ? shiftTimes(raw, options.asOf.getTime() - reference) : raw;
  return defineAccount(input as AccountModelInput, file);
}
