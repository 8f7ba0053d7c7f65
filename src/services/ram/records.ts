// RAM records: the zod schemas are the only definition; the TypeScript types are inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

export const accessKey = z.strictObject({
  id: text,
  status: text,
  createdAt: nullableText,
  /** null: never used */
  lastUsedAt: nullableText.optional(),
});
export type AccessKey = z.infer<typeof accessKey>;

export const attachedPolicy = z.strictObject({ name: text, type: text });
export type AttachedPolicy = z.infer<typeof attachedPolicy>;

export const ramUser = z.strictObject({
  id: text,
  userId: text,
  displayName: text,
  createdAt: nullableText,
  lastLoginAt: nullableText,
  /** null: no login profile (no console password); undefined: unknown */
  loginProfile: z
    .strictObject({ mfaBindRequired: z.boolean(), passwordResetRequired: z.boolean(), createdAt: nullableText })
    .nullable()
    .optional(),
  /** null: no MFA device bound; undefined: unknown */
  mfaDevice: z.strictObject({ serialNumber: text, type: nullableText }).nullable().optional(),
  accessKeys: z.array(accessKey).optional(),
  groups: z.array(text).optional(),
  attachedPolicies: z.array(attachedPolicy).optional(),
});
export type RamUser = z.infer<typeof ramUser>;

export const ramGroup = z.strictObject({
  id: text,
  createdAt: nullableText,
  members: z.array(text).optional(),
  attachedPolicies: z.array(attachedPolicy).optional(),
});
export type RamGroup = z.infer<typeof ramGroup>;

export const ramRole = z.strictObject({
  id: text,
  arn: text,
  createdAt: nullableText,
  maxSessionDuration: z.number().nullable(),
  /** parsed AssumeRolePolicyDocument */
  trustPolicy: z.unknown(),
  attachedPolicies: z.array(attachedPolicy).optional(),
});
export type RamRole = z.infer<typeof ramRole>;

export const policyAttachment = z.strictObject({ type: z.enum(['user', 'group', 'role']), name: text });
export type PolicyAttachment = z.infer<typeof policyAttachment>;

export const ramPolicy = z.strictObject({
  id: text,
  /** Custom | System */
  type: text,
  defaultVersion: text,
  /** parsed default version document; undefined when it could not be read */
  document: z.unknown().optional(),
  attachments: z.array(policyAttachment).optional(),
  attachmentCount: z.number(),
});
export type RamPolicy = z.infer<typeof ramPolicy>;
