// RAM and IMS (global): users with console, MFA, access key and membership facts; groups; roles; custom
// policies and the system policies in use, with their default documents and who they are attached to;
// password policy; security preference; root account facts from the IMS credential report.
// Per-user MFA and key last-used facts come from bulk answers where those can say (see BulkUserFacts), so
// a thousand users do not cost thousands of calls; per-user calls fill in the rest.
import type { GetPolicyResponseBody } from '@alicloud/ram20150501';
import { $Ims, $Ram } from '../cloud/sdk.js';
import { ApiError, type CallSite } from '../cloud/api-error.js';
import { paginate } from '../cloud/paginate.js';
import type {
  AccessKey,
  Account,
  AttachedPolicy,
  PolicyAttachment,
  RamGroup,
  RamPolicy,
  RamRole,
  RamUser,
  ResourceType,
} from '../inventory/types.js';
import { callOrGap, listOrGap, optional, type CollectorContext } from './context.js';
import { parseCredentialReport, reportedKeys, rootFactsFrom, type CredentialReportRow } from './credential-report.js';

const ram = (action: string): CallSite => ({ service: 'ram', region: null, action });
const ims = (action: string): CallSite => ({ service: 'ims', region: null, action });
const MARKER_CAP = { style: 'marker', cap: 1000 } as const;

export async function collectRam(ctx: CollectorContext): Promise<void> {
  const report = readCredentialReport(ctx);
  // custom policy documents need no principal: read them while the per-user calls run, not after
  const customPolicies = listCustomPolicies(ctx).then((list) => list && Promise.all(list.map((summary) => readPolicy(ctx, summary))));
  const [users, groups, roles, custom, account] = await Promise.all([
    collectUsers(ctx, bulkUserFacts(ctx, report)),
    collectGroups(ctx),
    collectRoles(ctx),
    customPolicies,
    collectAccount(ctx, report),
  ]);
  ctx.inventory.add('account', [account]);
  if (users) ctx.inventory.add('ram.user', users);
  if (groups) ctx.inventory.add('ram.group', withMembers(groups, users));
  if (roles) ctx.inventory.add('ram.role', roles);
  await collectPolicies(ctx, custom, { users, groups, roles });
}

async function collectUsers(ctx: CollectorContext, bulk: Promise<BulkUserFacts>): Promise<RamUser[] | undefined> {
  const client = ctx.clients.ims();
  // IMS ListUsers is RAM's user listing with the last console logon included
  const users = await listOrGap(ctx, {
    site: ims('ListUsers'),
    affects: ['ram.user'],
    paging: MARKER_CAP,
    fetch: async ({ token, size }) => {
      const { body } = await client.listUsersWithOptions(new $Ims.ListUsersRequest({ marker: token, maxItems: size }), ctx.runtime);
      return { items: body?.users?.user ?? [], next: body?.marker ?? null, isTruncated: body?.isTruncated === true };
    },
  });
  if (!users) return undefined;
  return Promise.all(
    users.map(async (user): Promise<RamUser> => {
      // IMS names users by principal name (alice@1234.onaliyun.com); the RAM APIs by the part before '@'
      const upn = user.userPrincipalName ?? '';
      const name = upn.split('@')[0] ?? '';
      const [loginProfile, mfaDevice, accessKeys, groups, attachedPolicies] = await Promise.all([
        userLoginProfile(ctx, name),
        bulk.then((facts) => {
          const known = facts.mfaDevice(upn);
          return known === undefined ? userMfaDevice(ctx, name) : known;
        }),
        userAccessKeys(ctx, name, upn, bulk),
        userGroups(ctx, name),
        attachedPoliciesOf(ctx, 'user', name),
      ]);
      return {
        id: name,
        userId: user.userId ?? '',
        displayName: user.displayName ?? '',
        createdAt: optional(user.createDate),
        lastLoginAt: isoDate(user.lastLoginDate),
        ...defined({ loginProfile, mfaDevice, accessKeys, groups, attachedPolicies }),
      };
    }),
  );
}

/** IMS ListUsers gives LastLoginDate in epoch milliseconds ("1692598367586"); other dates are ISO already. */
function isoDate(value: string | undefined): string | null {
  const present = optional(value);
  if (present === null || !/^\d+$/.test(present)) return present;
  return new Date(Number(present)).toISOString();
}

/** A group's members are the users that list it; unknown when any user's groups are unknown. */
function withMembers(groups: Array<Omit<RamGroup, 'members'>>, users: RamUser[] | undefined): RamGroup[] {
  const known = users !== undefined && users.every((user) => user.groups !== undefined);
  return groups.map((group) =>
    known ? { ...group, members: users.filter((user) => user.groups?.includes(group.id)).map((user) => user.id) } : group,
  );
}

/** Keep the keys whose value is known; an unknown field is left out (undefined), never guessed. */
function defined<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

async function userLoginProfile(ctx: CollectorContext, userName: string): Promise<RamUser['loginProfile']> {
  const body = await callOrGap(
    ctx,
    {
      site: ram('GetLoginProfile'),
      affects: ['ram.user'],
      resourceId: userName,
      fields: ['loginProfile'],
      absentWhen: ['EntityNotExist.User.LoginProfile'],
    },
    async () => (await ctx.clients.ram().getLoginProfileWithOptions(new $Ram.GetLoginProfileRequest({ userName }), ctx.runtime)).body,
  );
  if (body === null || body === undefined) return body;
  const profile = body.loginProfile;
  return {
    mfaBindRequired: profile?.MFABindRequired === true,
    passwordResetRequired: profile?.passwordResetRequired === true,
    createdAt: optional(profile?.createDate),
  };
}

/**
 * What bulk answers already say about each user; undefined where they cannot say, and a per-user call
 * answers instead.
 * - MFA: IMS ListVirtualMFADevices (live, 100 a page) names every user with a virtual MFA device. A user
 *   not in it has a U2F key or nothing; the credential report's `mfa_active` = FALSE says nothing. Any
 *   other case (TRUE, N/A for users without a console password, not in the report) asks GetUserMFAInfo.
 * - Key last use: the report's key columns, matched to a listed key by its creation time, when exactly
 *   one column matches.
 * The report is trusted only when younger than REPORT_MAX_AGE_MS, and a user created after it is not in
 * it. What a stale report can get wrong errs toward a finding, never toward a pass: an MFA device bound
 * since reads as none, and a key used since reads as used earlier.
 */
interface BulkUserFacts {
  mfaDevice(upn: string): RamUser['mfaDevice'] | undefined;
  lastUsedAt(upn: string, createdAt: string | undefined): string | null | undefined;
}

/** GetAccessKeyLastUsed itself lags by hours; a report this young is as good. */
const REPORT_MAX_AGE_MS = 4 * 3600_000;

async function bulkUserFacts(ctx: CollectorContext, report: Promise<CredentialReport | undefined>): Promise<BulkUserFacts> {
  const [virtualMfa, read] = await Promise.all([listVirtualMfaDevices(ctx), report]);
  const fresh = read !== undefined && Date.now() - read.generatedAt <= REPORT_MAX_AGE_MS;
  const rows = new Map(fresh ? read.rows.map((row) => [row.user ?? '', row]) : []);
  return {
    mfaDevice(upn) {
      const serialNumber = virtualMfa?.get(upn);
      if (serialNumber !== undefined) return { serialNumber, type: 'VMFA' };
      return virtualMfa !== undefined && rows.get(upn)?.mfa_active?.toUpperCase() === 'FALSE' ? null : undefined;
    },
    lastUsedAt(upn, createdAt) {
      const row = rows.get(upn);
      const created = createdAt === undefined ? NaN : Date.parse(createdAt);
      if (!row || Number.isNaN(created)) return undefined;
      const matches = reportedKeys(row).filter((key) => key.lastRotatedAt !== null && Date.parse(key.lastRotatedAt) === created);
      return matches.length === 1 ? matches[0]!.lastUsedAt : undefined;
    },
  };
}

/** UPN -> serial number of its virtual MFA device; undefined when the listing fails (per-user calls answer). */
async function listVirtualMfaDevices(ctx: CollectorContext): Promise<Map<string, string> | undefined> {
  const client = ctx.clients.ims();
  const site = ims('ListVirtualMFADevices');
  try {
    const devices = await paginate(ctx.caller, site, { style: 'marker', cap: 100 }, async ({ token, size }) => {
      const { body } = await client.listVirtualMFADevicesWithOptions(
        new $Ims.ListVirtualMFADevicesRequest({ marker: token, maxItems: size }),
        ctx.runtime,
      );
      const items = (body?.virtualMFADevices?.virtualMFADevice ?? []).map((device) => ({
        upn: device.user?.userPrincipalName ?? '',
        serialNumber: device.serialNumber ?? '',
      }));
      return { items, next: body?.marker ?? null, isTruncated: body?.isTruncated === true };
    });
    return new Map(devices.filter((device) => device.upn !== '' && device.serialNumber !== '').map((d) => [d.upn, d.serialNumber]));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    ctx.logger.debug({ action: site.action, code: error.apiCode }, 'virtual MFA listing failed: asking GetUserMFAInfo per user');
    return undefined;
  }
}

async function userMfaDevice(ctx: CollectorContext, userName: string): Promise<RamUser['mfaDevice']> {
  const body = await callOrGap(
    ctx,
    {
      site: ram('GetUserMFAInfo'),
      affects: ['ram.user'],
      resourceId: userName,
      fields: ['mfaDevice'],
      absentWhen: ['EntityNotExist.User.MFADevice'],
    },
    async () => (await ctx.clients.ram().getUserMFAInfoWithOptions(new $Ram.GetUserMFAInfoRequest({ userName }), ctx.runtime)).body,
  );
  if (body === null || body === undefined) return body;
  const serialNumber = optional(body.MFADevice?.serialNumber);
  return serialNumber === null ? null : { serialNumber, type: optional(body.MFADevice?.type) };
}

async function userAccessKeys(ctx: CollectorContext, userName: string, upn: string, bulk: Promise<BulkUserFacts>): Promise<AccessKey[] | undefined> {
  const body = await callOrGap(
    ctx,
    { site: ram('ListAccessKeys'), affects: ['ram.user'], resourceId: userName, fields: ['accessKeys'] },
    async () => (await ctx.clients.ram().listAccessKeysWithOptions(new $Ram.ListAccessKeysRequest({ userName }), ctx.runtime)).body,
  );
  if (!body) return undefined;
  const facts = await bulk;
  return Promise.all(
    (body.accessKeys?.accessKey ?? []).map(async (key): Promise<AccessKey> => {
      const id = key.accessKeyId ?? '';
      const base = { id, status: key.status ?? '', createdAt: optional(key.createDate) };
      const reported = facts.lastUsedAt(upn, key.createDate);
      if (reported !== undefined) return { ...base, lastUsedAt: reported };
      const lastUsed = await callOrGap(
        ctx,
        { site: ram('GetAccessKeyLastUsed'), affects: ['ram.user'], resourceId: userName, fields: ['accessKeys.lastUsedAt'] },
        async () =>
          (
            await ctx.clients
              .ram()
              .getAccessKeyLastUsedWithOptions(new $Ram.GetAccessKeyLastUsedRequest({ userName, userAccessKeyId: id }), ctx.runtime)
          ).body,
      );
      return { ...base, ...(lastUsed ? { lastUsedAt: optional(lastUsed.accessKeyLastUsed?.lastUsedDate) } : {}) };
    }),
  );
}

async function userGroups(ctx: CollectorContext, userName: string): Promise<string[] | undefined> {
  const body = await callOrGap(
    ctx,
    { site: ram('ListGroupsForUser'), affects: ['ram.user', 'ram.group'], resourceId: userName, fields: ['groups', 'members'] },
    async () => (await ctx.clients.ram().listGroupsForUserWithOptions(new $Ram.ListGroupsForUserRequest({ userName }), ctx.runtime)).body,
  );
  return body ? (body.groups?.group ?? []).map((group) => group.groupName ?? '') : undefined;
}

type Principal = PolicyAttachment['type'];

const ATTACHED_POLICY_CALLS = {
  user: {
    action: 'ListPoliciesForUser',
    affects: ['ram.user', 'ram.policy'],
    list: (ctx: CollectorContext, name: string) =>
      ctx.clients.ram().listPoliciesForUserWithOptions(new $Ram.ListPoliciesForUserRequest({ userName: name }), ctx.runtime),
  },
  group: {
    action: 'ListPoliciesForGroup',
    affects: ['ram.group', 'ram.policy'],
    list: (ctx: CollectorContext, name: string) =>
      ctx.clients.ram().listPoliciesForGroupWithOptions(new $Ram.ListPoliciesForGroupRequest({ groupName: name }), ctx.runtime),
  },
  role: {
    action: 'ListPoliciesForRole',
    affects: ['ram.role', 'ram.policy'],
    list: (ctx: CollectorContext, name: string) =>
      ctx.clients.ram().listPoliciesForRoleWithOptions(new $Ram.ListPoliciesForRoleRequest({ roleName: name }), ctx.runtime),
  },
} as const satisfies Record<Principal, { action: string; affects: ResourceType[]; list: unknown }>;

async function attachedPoliciesOf(ctx: CollectorContext, principal: Principal, name: string): Promise<AttachedPolicy[] | undefined> {
  const call = ATTACHED_POLICY_CALLS[principal];
  const body = await callOrGap(
    ctx,
    { site: ram(call.action), affects: [...call.affects], resourceId: name, fields: ['attachedPolicies', 'attachments'] },
    async () => (await call.list(ctx, name)).body,
  );
  if (!body) return undefined;
  return (body.policies?.policy ?? []).map((policy) => ({ name: policy.policyName ?? '', type: policy.policyType ?? '' }));
}

async function collectGroups(ctx: CollectorContext): Promise<Array<Omit<RamGroup, 'members'>> | undefined> {
  const groups = await listOrGap(ctx, {
    site: ram('ListGroups'),
    affects: ['ram.group'],
    paging: MARKER_CAP,
    fetch: async ({ token, size }) => {
      const { body } = await ctx.clients.ram().listGroupsWithOptions(new $Ram.ListGroupsRequest({ marker: token, maxItems: size }), ctx.runtime);
      return { items: body?.groups?.group ?? [], next: body?.marker ?? null, isTruncated: body?.isTruncated === true };
    },
  });
  if (!groups) return undefined;
  return Promise.all(
    groups.map(async (group) => {
      const name = group.groupName ?? '';
      const attachedPolicies = await attachedPoliciesOf(ctx, 'group', name);
      return { id: name, createdAt: optional(group.createDate), ...defined({ attachedPolicies }) };
    }),
  );
}

async function collectRoles(ctx: CollectorContext): Promise<RamRole[] | undefined> {
  const roles = await listOrGap(ctx, {
    site: ram('ListRoles'),
    affects: ['ram.role'],
    paging: MARKER_CAP,
    fetch: async ({ token, size }) => {
      const { body } = await ctx.clients.ram().listRolesWithOptions(new $Ram.ListRolesRequest({ marker: token, maxItems: size }), ctx.runtime);
      return { items: body?.roles?.role ?? [], next: body?.marker ?? null, isTruncated: body?.isTruncated === true };
    },
  });
  if (!roles) return undefined;
  return Promise.all(
    roles.map(async (role): Promise<RamRole> => {
      const name = role.roleName ?? '';
      const [detail, attachedPolicies] = await Promise.all([
        callOrGap(
          ctx,
          { site: ram('GetRole'), affects: ['ram.role'], resourceId: name, fields: ['trustPolicy'] },
          async () => (await ctx.clients.ram().getRoleWithOptions(new $Ram.GetRoleRequest({ roleName: name }), ctx.runtime)).body,
        ),
        attachedPoliciesOf(ctx, 'role', name),
      ]);
      return {
        id: name,
        arn: role.arn ?? '',
        createdAt: optional(role.createDate),
        maxSessionDuration: role.maxSessionDuration ?? null,
        trustPolicy: detail ? parseDocument(detail.role?.assumeRolePolicyDocument) : undefined,
        ...defined({ attachedPolicies }),
      };
    }),
  );
}

interface PolicySummary {
  name: string;
  type: string;
  defaultVersion: string;
  attachmentCount: number;
}

async function listCustomPolicies(ctx: CollectorContext): Promise<PolicySummary[] | undefined> {
  const policies = await listOrGap(ctx, {
    site: ram('ListPolicies'),
    affects: ['ram.policy'],
    paging: MARKER_CAP,
    fetch: async ({ token, size }) => {
      const { body } = await ctx.clients
        .ram()
        .listPoliciesWithOptions(new $Ram.ListPoliciesRequest({ policyType: 'Custom', marker: token, maxItems: size }), ctx.runtime);
      return { items: body?.policies?.policy ?? [], next: body?.marker ?? null, isTruncated: body?.isTruncated === true };
    },
  });
  return policies?.map((policy) => ({
    name: policy.policyName ?? '',
    type: policy.policyType ?? 'Custom',
    defaultVersion: policy.defaultVersion ?? '',
    attachmentCount: policy.attachmentCount ?? 0,
  }));
}

type PolicyDetail = GetPolicyResponseBody;

interface ReadPolicy {
  summary: PolicySummary;
  /** GetPolicy's answer; undefined when it failed (a gap is recorded) */
  detail: PolicyDetail | undefined;
}

async function readPolicy(ctx: CollectorContext, summary: PolicySummary): Promise<ReadPolicy> {
  const detail = await callOrGap(
    ctx,
    { site: ram('GetPolicy'), affects: ['ram.policy'], resourceId: summary.name, fields: ['document'] },
    async () =>
      (await ctx.clients.ram().getPolicyWithOptions(new $Ram.GetPolicyRequest({ policyName: summary.name, policyType: summary.type }), ctx.runtime))
        .body,
  );
  return { summary, detail: detail ?? undefined };
}

/**
 * Custom policies (already read), plus the system policies some principal has attached, each with its
 * default document and its attachments (the inverse of the principals' attached-policy listings).
 */
async function collectPolicies(
  ctx: CollectorContext,
  custom: ReadPolicy[] | undefined,
  principals: {
    users: RamUser[] | undefined;
    groups: Array<Omit<RamGroup, 'members'>> | undefined;
    roles: RamRole[] | undefined;
  },
): Promise<void> {
  const attachments = new Map<string, PolicyAttachment[]>();
  // one principal whose attachments are unknown leaves every policy's attachment list unknown
  let attachmentsKnown = principals.users !== undefined && principals.groups !== undefined && principals.roles !== undefined;
  const systemInUse = new Set<string>();
  const record = (type: Principal, name: string, policies: AttachedPolicy[] | undefined) => {
    if (policies === undefined) {
      attachmentsKnown = false;
      return;
    }
    for (const policy of policies) {
      const key = `${policy.type}/${policy.name}`;
      attachments.set(key, [...(attachments.get(key) ?? []), { type, name }]);
      if (policy.type === 'System') systemInUse.add(policy.name);
    }
  };
  for (const user of principals.users ?? []) record('user', user.id, user.attachedPolicies);
  for (const group of principals.groups ?? []) record('group', group.id, group.attachedPolicies);
  for (const role of principals.roles ?? []) record('role', role.id, role.attachedPolicies);

  const system = await Promise.all(
    [...systemInUse].sort().map((name) => readPolicy(ctx, { name, type: 'System', defaultVersion: '', attachmentCount: 0 })),
  );
  const policies = [...(custom ?? []), ...system].map(({ summary, detail }): RamPolicy => {
    const found = attachments.get(`${summary.type}/${summary.name}`) ?? [];
    return {
      id: summary.name,
      type: summary.type,
      defaultVersion: detail?.defaultPolicyVersion?.versionId ?? summary.defaultVersion,
      ...(detail ? { document: parseDocument(detail.defaultPolicyVersion?.policyDocument) } : {}),
      ...(attachmentsKnown ? { attachments: found } : {}),
      attachmentCount: detail?.policy?.attachmentCount ?? (summary.attachmentCount || found.length),
    };
  });
  ctx.inventory.add('ram.policy', policies);
}

/** Policy documents arrive as JSON strings; one that does not parse is kept as its text so rules can say so. */
function parseDocument(text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function collectAccount(ctx: CollectorContext, report: Promise<CredentialReport | undefined>): Promise<Account> {
  const client = ctx.clients.ims();
  const [passwordPolicy, preference, root] = await Promise.all([
    callOrGap(
      ctx,
      { site: ims('GetPasswordPolicy'), affects: ['account'], resourceId: ctx.accountId, fields: ['passwordPolicy'] },
      async () => (await client.getPasswordPolicyWithOptions(ctx.runtime)).body,
    ),
    callOrGap(
      ctx,
      { site: ims('GetSecurityPreference'), affects: ['account'], resourceId: ctx.accountId, fields: ['securityPreference'] },
      async () => (await client.getSecurityPreferenceWithOptions(ctx.runtime)).body,
    ),
    report.then((read) => read && rootFacts(ctx, read.rows)),
  ]);
  const policy = passwordPolicy?.passwordPolicy;
  const security = preference?.securityPreference;
  return {
    id: ctx.accountId,
    ...(passwordPolicy
      ? {
          passwordPolicy: {
            minimumLength: policy?.minimumPasswordLength ?? 0,
            requireUppercase: policy?.requireUppercaseCharacters === true,
            requireLowercase: policy?.requireLowercaseCharacters === true,
            requireNumbers: policy?.requireNumbers === true,
            requireSymbols: policy?.requireSymbols === true,
            reusePrevention: policy?.passwordReusePrevention ?? 0,
            maxAgeDays: policy?.maxPasswordAge ?? 0,
            maxLoginAttempts: policy?.maxLoginAttemps ?? 0,
            hardExpiry: policy?.hardExpire === true,
          },
        }
      : {}),
    ...(preference
      ? {
          securityPreference: {
            // MFAOperationForLogin: mandatory | independent | adaptive; only mandatory enforces MFA for everyone
            enforceMfaForLogin:
              security?.loginProfilePreference?.MFAOperationForLogin === undefined
                ? null
                : security.loginProfilePreference.MFAOperationForLogin === 'mandatory',
            allowUserToManageAccessKeys: security?.accessKeyPreference?.allowUserToManageAccessKeys ?? null,
            allowUserToManageMfaDevices: security?.MFAPreference?.allowUserToManageMFADevices ?? null,
            loginSessionDurationHours: security?.loginProfilePreference?.loginSessionDuration ?? null,
          },
        }
      : {}),
    ...(root ? { root } : {}),
  };
}

const REPORT_POLL_MS = 1000;
/** GetCredentialReport MaxItems: 1-3501, default 3501 (ims_2019-08-15.api-docs.json, GetCredentialReport MaxItems) */
const REPORT_PAGE_CAP = 3501;
const REPORT_POLL_ATTEMPTS = 30;
const REPORT_GAP = { affects: ['account'] as ResourceType[], fields: ['root'] };

interface CredentialReport {
  rows: CredentialReportRow[];
  /** epoch ms of the report's GeneratedTime; NaN when the answer has none */
  generatedAt: number;
}

/**
 * The IMS credential report is generated asynchronously: ask for it, wait until it is complete, read it.
 * A failure is a gap on the root facts (users fall back to per-user calls).
 */
async function readCredentialReport(ctx: CollectorContext): Promise<CredentialReport | undefined> {
  const client = ctx.clients.ims();
  const gapSpec = { ...REPORT_GAP, resourceId: ctx.accountId };
  const site = ims('GenerateCredentialReport');
  for (let attempt = 1; ; attempt++) {
    const generated = await callOrGap(ctx, { ...gapSpec, site }, async () => (await client.generateCredentialReportWithOptions(ctx.runtime)).body);
    if (!generated) return undefined;
    // State: STARTED / INPROGRESS / COMPLETED (data/enums.yaml: ims GenerateCredentialReport State)
    if (generated.state === 'COMPLETED') break;
    if (attempt === REPORT_POLL_ATTEMPTS) {
      ctx.inventory.addGap(
        new ApiError(site, {
          kind: 'timeout',
          apiCode: 'CredentialReportNotReady',
          message: `the credential report was still ${generated.state ?? 'not complete'} after ${REPORT_POLL_ATTEMPTS} polls`,
        }).toGap(gapSpec.affects, gapSpec.resourceId, gapSpec.fields),
      );
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, REPORT_POLL_MS));
  }
  let generatedAt = NaN;
  const pages = await listOrGap(ctx, {
    ...gapSpec,
    site: ims('GetCredentialReport'),
    paging: { style: 'nextToken', cap: REPORT_PAGE_CAP },
    fetch: async ({ token, size }) => {
      const { body } = await client.getCredentialReportWithOptions(
        new $Ims.GetCredentialReportRequest({ nextToken: token, maxItems: String(size) }),
        ctx.runtime,
      );
      generatedAt = Date.parse(body?.generatedTime ?? '');
      const truncated = String(body?.isTruncated) === 'true';
      return { items: [body?.content ?? ''], next: truncated ? (body?.nextToken ?? '') : null };
    },
  });
  return pages && { rows: parseCredentialReport(pages), generatedAt };
}

function rootFacts(ctx: CollectorContext, rows: CredentialReportRow[]): Account['root'] {
  const root = rootFactsFrom(rows);
  if (!root) {
    ctx.inventory.addGap(
      new ApiError(ims('GetCredentialReport'), {
        kind: 'malformed',
        apiCode: 'RootRowMissing',
        message: 'the credential report has no row for the root account',
      }).toGap(REPORT_GAP.affects, ctx.accountId, REPORT_GAP.fields),
    );
  }
  return root;
}
