// RAM's slice of the account model: the account root and the RAM identities (users, groups, roles,
// policies) with the account-wide settings. IMS and STS answer from the same records.
import { z } from 'zod';
import { duplicates, isoTime, resource, type Expect } from '../../model-fields.js';
import { imsSecurityPreferenceTemplate } from '../ims/shapes.js';

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

const ramAccount = z.strictObject({
  ram: ramSchema.default(ramSchema.parse({})),
  root: rootSchema.default(rootSchema.parse({})),
});

/** top-level account model fields for RAM */
export const ramAccountFields = ramAccount.shape;
export type RamAccountModel = z.output<typeof ramAccount>;
export type RamUserModel = RamAccountModel['ram']['users'][number];
export type RamGroupModel = RamAccountModel['ram']['groups'][number];
export type RamRoleModel = RamAccountModel['ram']['roles'][number];
export type RamPolicyModel = RamAccountModel['ram']['policies'][number];
export type AccessKeyModel = z.output<typeof accessKeySchema>;

/** Groups and policies named are declared, names and access keys are unique. */
export function checkRam({ ram, root }: RamAccountModel, expect: Expect): void {
  const groupNames = new Set(ram.groups.map((g) => g.GroupName));
  const policyNamesKnown = new Set(ram.policies.map((p) => p.PolicyName));
  const checkPolicies = (names: string[], path: (string | number)[]) =>
    names.forEach((name, j) => expect(policyNamesKnown.has(name), [...path, j], `policy ${name} is not declared in ram.policies`));
  ram.users.forEach((user, i) => {
    user.Groups.forEach((name, j) => expect(groupNames.has(name), ['ram', 'users', i, 'Groups', j], `group ${name} is not declared`));
    checkPolicies(user.Policies, ['ram', 'users', i, 'Policies']);
  });
  ram.groups.forEach((group, i) => checkPolicies(group.Policies, ['ram', 'groups', i, 'Policies']));
  ram.roles.forEach((role, i) => checkPolicies(role.Policies, ['ram', 'roles', i, 'Policies']));
  duplicates(ram.users.map((u) => u.UserName)).forEach((name) => expect(false, ['ram', 'users'], `duplicate user ${name}`));
  duplicates(ram.policies.map((p) => p.PolicyName)).forEach((name) => expect(false, ['ram', 'policies'], `duplicate policy ${name}`));
  const accessKeyIds = [...root.AccessKeys.map((k) => k.AccessKeyId), ...ram.users.flatMap((u) => u.AccessKeys.map((k) => k.AccessKeyId))];
  duplicates(accessKeyIds).forEach((id) => expect(false, ['ram', 'users'], `access key ${id} appears twice`));
}
