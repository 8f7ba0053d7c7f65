// RAM (global): users with console, MFA, access key and membership facts; groups; roles; custom policies
// and the system policies in use, with their default documents and who they are attached to. The user
// listing, the bulk per-user facts (ims/collector.ts) and the account record (ims/account.ts) come from IMS,
// collected with RAM's because they answer for the same users.
import type { GetPolicyResponseBody } from '@alicloud/ram20150501';
import { $Ram } from '../../cloud/sdk.js';
import type { ResourceType } from '../index.js';
import { callOrGap, globalSiteOf, optional, sdkLists, type CollectorContext } from '../context.js';
import { collectAccount } from '../ims/account.js';
import { bulkUserFacts, isoDate, listUsers, MARKER_CAP, type BulkUserFacts } from '../ims/collector.js';
import { readCredentialReport } from '../ims/credential-report.js';
import { collectIdentityProviders } from '../ims/sso.js';
import type { AccessKey, AttachedPolicy, PolicyAttachment, RamGroup, RamPolicy, RamRole, RamUser } from './records.js';

const ram = globalSiteOf('ram');
const api = sdkLists('ram', (clients) => clients.ram());

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
    collectIdentityProviders(ctx),
  ]);
  ctx.inventory.add('account', [account]);
  if (users) ctx.inventory.add('ram.user', users);
  if (groups) ctx.inventory.add('ram.group', withMembers(groups, users));
  if (roles) ctx.inventory.add('ram.role', roles);
  await collectPolicies(ctx, custom, { users, groups, roles });
}

async function collectUsers(ctx: CollectorContext, bulk: Promise<BulkUserFacts>): Promise<RamUser[] | undefined> {
  const users = await listUsers(ctx);
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
  const groups = await api.list(ctx, null, 'ListGroups', {
    affects: ['ram.group'],
    paging: MARKER_CAP,
    page: (client, request, runtime) => client.listGroupsWithOptions(new $Ram.ListGroupsRequest(request), runtime),
    items: (body) => body.groups?.group,
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
  const roles = await api.list(ctx, null, 'ListRoles', {
    affects: ['ram.role'],
    paging: MARKER_CAP,
    page: (client, request, runtime) => client.listRolesWithOptions(new $Ram.ListRolesRequest(request), runtime),
    items: (body) => body.roles?.role,
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
  const policies = await api.list(ctx, null, 'ListPolicies', {
    affects: ['ram.policy'],
    paging: MARKER_CAP,
    page: (client, request, runtime) => client.listPoliciesWithOptions(new $Ram.ListPoliciesRequest({ policyType: 'Custom', ...request }), runtime),
    items: (body) => body.policies?.policy,
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
