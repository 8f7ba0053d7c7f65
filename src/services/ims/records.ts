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

/** IMS GetUserSsoSettings UserSsoSettings (ims_2019-08-15.api-docs.json; SsoLoginWithDomain from the SDK model GetUserSsoSettingsResponseBody) */
export const userSso = z.strictObject({
  /** SsoEnabled: RAM users sign in through the SAML IdP of the metadata document */
  enabled: z.boolean(),
  /** SsoLoginWithDomain: the NameID carries `@domain`; null when the answer does not say */
  loginWithDomain: z.boolean().nullable(),
  auxiliaryDomain: nullableText,
  /** an IdP metadata document is uploaded */
  metadataConfigured: z.boolean(),
});
export type UserSso = z.infer<typeof userSso>;

/** Account-wide facts. Each part is undefined when its API could not be read. */
export const account = z.strictObject({
  id: text,
  passwordPolicy: passwordPolicy.optional(),
  securityPreference: securityPreference.optional(),
  root: rootFacts.optional(),
  userSso: userSso.optional(),
});
export type Account = z.infer<typeof account>;

/** A RAM SAML identity provider (role-based SSO): IMS ListSAMLProviders SAMLProviders.SAMLProvider[] */
export const samlProvider = z.strictObject({
  /** SAMLProviderName */
  id: text,
  arn: text,
  description: text,
  createdAt: nullableText,
  updatedAt: nullableText,
});
export type SamlProvider = z.infer<typeof samlProvider>;

/** A RAM OIDC identity provider (role-based SSO): IMS ListOIDCProviders OIDCProviders.OIDCProvider[] */
export const oidcProvider = z.strictObject({
  /** OIDCProviderName */
  id: text,
  arn: text,
  issuerUrl: text,
  /** ClientIds, comma-separated in the answer */
  clientIds: z.array(z.string()),
  createdAt: nullableText,
});
export type OidcProvider = z.infer<typeof oidcProvider>;
