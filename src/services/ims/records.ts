// The account record (IMS: password policy, security preference, the root account's credential report row).
// The zod schemas are the only definition; the TypeScript types are inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

export const passwordPolicy = z.strictObject({
  minimumLength: z.number(),
  requireUppercase: z.boolean(),
  requireLowercase: z.boolean(),
  requireNumbers: z.boolean(),
  requireSymbols: z.boolean(),
  /** 0: no reuse prevention */
  reusePrevention: z.number(),
  /** 0: passwords never expire */
  maxAgeDays: z.number(),
  /** 0: no lockout */
  maxLoginAttempts: z.number(),
  hardExpiry: z.boolean(),
});
export type PasswordPolicy = z.infer<typeof passwordPolicy>;

export const securityPreference = z.strictObject({
  enforceMfaForLogin: z.boolean().nullable(),
  allowUserToManageAccessKeys: z.boolean().nullable(),
  allowUserToManageMfaDevices: z.boolean().nullable(),
  loginSessionDurationHours: z.number().nullable(),
});
export type SecurityPreference = z.infer<typeof securityPreference>;

export const rootFacts = z.strictObject({
  createdAt: nullableText,
  lastLoginAt: nullableText,
  mfaActive: z.boolean(),
  accessKeys: z.array(z.strictObject({ active: z.boolean(), lastRotatedAt: nullableText, lastUsedAt: nullableText })),
});
export type RootFacts = z.infer<typeof rootFacts>;

/** Account-wide facts. Each part is undefined when its API could not be read. */
export const account = z.strictObject({
  id: text,
  passwordPolicy: passwordPolicy.optional(),
  securityPreference: securityPreference.optional(),
  root: rootFacts.optional(),
});
export type Account = z.infer<typeof account>;
