// The normalized inventory: what the collectors produce and the only thing rules and outputs see.
// Records are plain JSON. A field that is `undefined` means "not known" (its collection failed, see
// `gaps`); `null` means "known to be absent". Rules that read an unknown field yield `error`.

export const INVENTORY_SCHEMA_VERSION = 1;

export type Service = 'ecs' | 'vpc' | 'ram' | 'ims' | 'actiontrail' | 'sts' | 'sas' | 'kms';

export type Tags = Record<string, string>;

export interface EcsInstance {
  id: string;
  region: string;
  name: string;
  status: string;
  zoneId: string;
  instanceType: string;
  osName: string;
  osType: string;
  imageId: string;
  networkType: string;
  vpcId: string | null;
  vSwitchId: string | null;
  privateIps: string[];
  /** public IPs: the instance's own public IP and an associated EIP */
  publicIps: string[];
  eipAllocationId: string | null;
  securityGroupIds: string[];
  keyPairName: string | null;
  metadata: { httpEndpoint: string | null; httpTokens: string | null };
  /** from DescribeCloudAssistantStatus; undefined when that call failed */
  cloudAssistant?: {
    installed: boolean;
    version: string | null;
    lastHeartbeatAt: string | null;
    supportsSessionManager: boolean;
  } | null;
  createdAt: string | null;
  tags: Tags;
}

export interface SecurityGroupRule {
  id: string;
  direction: string;
  /** raw values as the API returns them; the exposure evaluator interprets them */
  policy: string;
  priority: number;
  ipProtocol: string;
  portRange: string;
  sourceCidrIp: string | null;
  ipv6SourceCidrIp: string | null;
  sourceGroupId: string | null;
  sourcePrefixListId: string | null;
  destCidrIp: string | null;
  ipv6DestCidrIp: string | null;
  destGroupId: string | null;
  destPrefixListId: string | null;
  nicType: string | null;
  description: string;
}

export interface SecurityGroup {
  id: string;
  region: string;
  name: string;
  vpcId: string | null;
  type: string;
  serviceManaged: boolean;
  /** every rule, ingress and egress; undefined when DescribeSecurityGroupAttribute failed */
  rules?: SecurityGroupRule[];
  createdAt: string | null;
  tags: Tags;
}

export interface Disk {
  id: string;
  region: string;
  name: string;
  category: string;
  /** system | data */
  type: string;
  sizeGiB: number;
  status: string;
  encrypted: boolean;
  kmsKeyId: string | null;
  instanceId: string | null;
  autoSnapshotPolicyId: string | null;
  createdAt: string | null;
  tags: Tags;
}

export interface Snapshot {
  id: string;
  region: string;
  name: string;
  sourceDiskId: string | null;
  encrypted: boolean;
  status: string;
  createdAt: string | null;
  retentionDays: number | null;
}

export interface SnapshotPolicy {
  id: string;
  region: string;
  name: string;
  status: string;
  /** -1 keeps snapshots until deleted */
  retentionDays: number;
  timePoints: string[];
  repeatWeekdays: string[];
  diskCount: number;
}

export interface KeyPair {
  id: string;
  region: string;
  fingerprint: string;
  createdAt: string | null;
}

/** ECS account switches of one region (DescribeUserBusinessBehavior). */
export interface EcsRegionSetting {
  /** the region id */
  id: string;
  region: string;
  /** statusKey sessionManagerStatus: Session Manager connections allowed in this region */
  sessionManagerEnabled: boolean;
}

/** Security Center editions, from the lowest: what DescribeVersionConfig's codes mean. */
export type SecurityCenterEdition = 'free' | 'anti-virus' | 'advanced' | 'enterprise' | 'ultimate' | 'value-added' | 'unknown';

/**
 * The Security Center edition of the account: one record, whose id is the account id. It is read on each
 * site that serves a scanned region (cn-shanghai: every cn-* region; ap-southeast-1: the others).
 */
export interface SecurityCenterConfig {
  /** the account id */
  id: string;
  /** the sites read: cn-shanghai | ap-southeast-1 */
  sites: string[];
  /** the scanned regions these sites serve */
  regions: string[];
  /**
   * the best edition in force over subscription and pay-as-you-go: Version (HighestVersion when Version is 8,
   * several editions bought), MergedVersion, and PostPayHostVersion while pay-as-you-go is on and not suspended
   */
  edition: SecurityCenterEdition;
  /** DescribeVersionConfig Version: 1 Free, 3 Enterprise, 5 Advanced, 6 Anti-virus, 7 Ultimate, 8 multi-version, 10 value-added only */
  version: number;
  highestVersion: number | null;
  /** the higher edition when subscription and pay-as-you-go host protection are both on */
  mergedVersion: number | null;
  /** the highest edition bound to assets under pay-as-you-go host protection */
  postPayHostVersion: number | null;
  isTrial: boolean;
  isPostpay: boolean;
  /** PostPayStatus: 1 normal, 2 suspended for an overdue payment; null when not reported */
  postPayStatus: number | null;
  instanceId: string | null;
  postPayInstanceId: string | null;
  /** when the subscription ends; null when there is none */
  expiresAt: string | null;
}

export interface Vulnerability {
  name: string;
  aliasName: string;
  /** cve (Linux software) | sys (Windows) | emg (urgent) */
  type: string;
  /** asap | later | nntf */
  necessity: string;
  /** 1 unfixed, 2 fix failed, 4 being fixed, 8 fixed pending restart, ...; null when not reported */
  status: number | null;
  cves: string[];
}

/** An ECS instance as Security Center sees it (DescribeCloudCenterInstances, MachineTypes=ecs). */
export interface SecurityCenterAsset {
  /** the ECS instance id */
  id: string;
  region: string;
  uuid: string;
  name: string;
  /** the agent: online | offline | pause */
  clientStatus: string;
  /** online | offline | pause | uninstalled | stopped; null when not reported */
  clientSubStatus: string | null;
  /** when the agent was last online */
  lastOnlineAt: string | null;
  /** the licence edition bound to the asset (AuthVersion, same codes as Version); null when none */
  authVersion: number | null;
  /** bound to a paid licence */
  bound: boolean;
  /** unfixed vulnerabilities (DescribeVulList Dealed=n, types cve, sys, emg); undefined when unknown */
  unfixedVulnerabilities?: Vulnerability[];
}

export interface KmsKeyMetadata {
  /** Enabled | Disabled | PendingDeletion | PendingImport */
  state: string;
  /** e.g. Aliyun_AES_256, Aliyun_SM4, RSA_2048, EC_P256 */
  spec: string;
  /** ENCRYPT/DECRYPT | SIGN/VERIFY */
  usage: string;
  /** Aliyun_KMS | EXTERNAL */
  origin: string;
  /** SOFTWARE | HSM */
  protectionLevel: string;
  /** Enabled | Disabled | Suspended; only symmetric keys rotate */
  automaticRotation: string;
  rotationIntervalSeconds: number | null;
  lastRotatedAt: string | null;
  nextRotationAt: string | null;
  creator: string;
  createdAt: string | null;
  deletionProtection: string | null;
  description: string;
  /** the dedicated KMS instance holding the key; null for the shared (default) KMS */
  kmsInstanceId: string | null;
}

export interface KmsKey {
  id: string;
  region: string;
  arn: string;
  /** DescribeKey; undefined when it failed for this key */
  metadata?: KmsKeyMetadata;
  /** alias names (ListAliases); undefined when that listing failed */
  aliases?: string[];
  /**
   * made and rotated by an Alibaba Cloud service, not the customer: an alias under alias/acs/ (alias/acs/ecs
   * is ECS's default disk key); undefined with the aliases
   */
  isServiceKey?: boolean;
}

export interface Vpc {
  id: string;
  region: string;
  name: string;
  isDefault: boolean;
  cidrBlock: string;
  status: string;
  vSwitchIds: string[];
}

export interface VSwitch {
  id: string;
  region: string;
  name: string;
  vpcId: string;
  zoneId: string;
  cidrBlock: string;
  networkAclId: string | null;
}

export interface NetworkAclEntry {
  id: string;
  name: string;
  /** accept | drop, as the API returns it */
  policy: string;
  protocol: string;
  port: string;
  /** SourceCidrIp for ingress, DestinationCidrIp for egress */
  cidr: string;
  ipVersion: string;
  entryType: string;
}

export interface NetworkAcl {
  id: string;
  region: string;
  name: string;
  vpcId: string;
  status: string;
  /** entries in evaluation order: the first match decides */
  ingress: NetworkAclEntry[];
  egress: NetworkAclEntry[];
  boundResources: Array<{ id: string; type: string; status: string }>;
}

export interface FlowLog {
  id: string;
  region: string;
  name: string;
  status: string;
  /** VPC | VSwitch | NetworkInterface */
  resourceType: string;
  resourceId: string;
  trafficType: string;
}

export interface Eip {
  id: string;
  region: string;
  ipAddress: string;
  status: string;
  instanceId: string | null;
  instanceType: string | null;
}

export interface AccessKey {
  id: string;
  status: string;
  createdAt: string | null;
  /** null: never used */
  lastUsedAt?: string | null;
}

export interface AttachedPolicy {
  name: string;
  type: string;
}

export interface RamUser {
  id: string;
  userId: string;
  displayName: string;
  createdAt: string | null;
  lastLoginAt: string | null;
  /** null: no login profile (no console password); undefined: unknown */
  loginProfile?: { mfaBindRequired: boolean; passwordResetRequired: boolean; createdAt: string | null } | null;
  /** null: no MFA device bound; undefined: unknown */
  mfaDevice?: { serialNumber: string; type: string | null } | null;
  accessKeys?: AccessKey[];
  groups?: string[];
  attachedPolicies?: AttachedPolicy[];
}

export interface RamGroup {
  id: string;
  createdAt: string | null;
  members?: string[];
  attachedPolicies?: AttachedPolicy[];
}

export interface RamRole {
  id: string;
  arn: string;
  createdAt: string | null;
  maxSessionDuration: number | null;
  /** parsed AssumeRolePolicyDocument */
  trustPolicy: unknown;
  attachedPolicies?: AttachedPolicy[];
}

export interface PolicyAttachment {
  type: 'user' | 'group' | 'role';
  name: string;
}

export interface RamPolicy {
  id: string;
  /** Custom | System */
  type: string;
  defaultVersion: string;
  /** parsed default version document; undefined when it could not be read */
  document?: unknown;
  attachments?: PolicyAttachment[];
  attachmentCount: number;
}

export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  /** 0: no reuse prevention */
  reusePrevention: number;
  /** 0: passwords never expire */
  maxAgeDays: number;
  /** 0: no lockout */
  maxLoginAttempts: number;
  hardExpiry: boolean;
}

export interface SecurityPreference {
  enforceMfaForLogin: boolean | null;
  allowUserToManageAccessKeys: boolean | null;
  allowUserToManageMfaDevices: boolean | null;
  loginSessionDurationHours: number | null;
}

export interface RootFacts {
  createdAt: string | null;
  lastLoginAt: string | null;
  mfaActive: boolean;
  accessKeys: Array<{ active: boolean; lastRotatedAt: string | null; lastUsedAt: string | null }>;
}

export interface Trail {
  id: string;
  region: string;
  homeRegion: string;
  /** All, or a region id */
  trailRegion: string;
  /** All | Read | Write */
  eventRW: string;
  status: string;
  isOrganizationTrail: boolean;
  /** a trail seen from another region than its home (DescribeTrails IncludeShadowTrails) */
  isShadowTrail: boolean;
  ossBucketName: string | null;
  slsProjectArn: string | null;
  arn: string | null;
  /** GetTrailStatus; null when the API says the trail does not exist; undefined when unknown */
  logging?: { isLogging: boolean; latestDeliveryTime: string | null; latestDeliveryError: string | null } | null;
}

/** Account-wide facts. Each part is undefined when its API could not be read. */
export interface Account {
  id: string;
  passwordPolicy?: PasswordPolicy;
  securityPreference?: SecurityPreference;
  root?: RootFacts;
}

export interface ResourceMap {
  'ecs.instance': EcsInstance;
  'ecs.security-group': SecurityGroup;
  'ecs.disk': Disk;
  'ecs.snapshot': Snapshot;
  'ecs.snapshot-policy': SnapshotPolicy;
  'ecs.key-pair': KeyPair;
  'ecs.region-setting': EcsRegionSetting;
  'vpc.vpc': Vpc;
  'vpc.vswitch': VSwitch;
  'vpc.network-acl': NetworkAcl;
  'vpc.flow-log': FlowLog;
  'vpc.eip': Eip;
  'ram.user': RamUser;
  'ram.group': RamGroup;
  'ram.role': RamRole;
  'ram.policy': RamPolicy;
  'actiontrail.trail': Trail;
  'sas.config': SecurityCenterConfig;
  'sas.asset': SecurityCenterAsset;
  'kms.key': KmsKey;
  account: Account;
}

export type ResourceType = keyof ResourceMap;

export const RESOURCE_TYPES = [
  'ecs.instance',
  'ecs.security-group',
  'ecs.disk',
  'ecs.snapshot',
  'ecs.snapshot-policy',
  'ecs.key-pair',
  'ecs.region-setting',
  'vpc.vpc',
  'vpc.vswitch',
  'vpc.network-acl',
  'vpc.flow-log',
  'vpc.eip',
  'ram.user',
  'ram.group',
  'ram.role',
  'ram.policy',
  'actiontrail.trail',
  'sas.config',
  'sas.asset',
  'kms.key',
  'account',
] as const satisfies readonly ResourceType[];

/**
 * Resource types whose records belong to a region (the rest are account-global). `sas.asset` records carry
 * their instance's region, but Security Center answers per site for many regions at once, so a gap of that
 * collection leaves every region unknown.
 */
export const REGIONAL_TYPES: ReadonlySet<ResourceType> = new Set<ResourceType>([
  'ecs.instance',
  'ecs.security-group',
  'ecs.disk',
  'ecs.snapshot',
  'ecs.snapshot-policy',
  'ecs.key-pair',
  'ecs.region-setting',
  'kms.key',
  'vpc.vpc',
  'vpc.vswitch',
  'vpc.network-acl',
  'vpc.flow-log',
  'vpc.eip',
]);

export type GapKind =
  | 'denied'
  | 'throttled'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'not-activated'
  | 'invalid'
  | 'other';

/** Something the collectors could not read: the rules it touches evaluate to `error`. */
export interface CollectionGap {
  service: Service;
  /** null for a global API */
  region: string | null;
  action: string;
  /** the RAM action the caller needs, e.g. ecs:DescribeDisks */
  ramAction: string;
  /** the inventory collections left incomplete */
  resourceTypes: ResourceType[];
  /** set when only one resource's detail is missing */
  resourceId?: string;
  /**
   * set when the records exist and only these fields of them are unknown (e.g. `cloudAssistant` when
   * DescribeCloudAssistantStatus failed); absent when the collection itself is missing
   */
  fields?: string[];
  kind: GapKind;
  code: string;
  message: string;
  statusCode?: number;
  requestId?: string;
}

export interface Inventory {
  schemaVersion: typeof INVENTORY_SCHEMA_VERSION;
  accountId: string;
  collectedAt: string;
  regions: string[];
  resources: { [K in ResourceType]: ResourceMap[K][] };
  gaps: CollectionGap[];
}

export function emptyResources(): Inventory['resources'] {
  return Object.fromEntries(RESOURCE_TYPES.map((type) => [type, []])) as unknown as Inventory['resources'];
}
