// IMS's own slice of the account model: single sign-on. The user SSO settings and the SAML / OIDC identity
// providers of role-based SSO (the rest of IMS answers from RAM's slice).
import { z } from 'zod';
import { duplicates, isoTime, resource, type Expect } from '../../model-fields.js';
import { oidcProviderTemplate, samlProviderTemplate, userSsoSettingsTemplate } from './shapes.js';

/**
 * SAMLProviderName / OIDCProviderName: at most 128 letters, digits and `.-_`, not starting or ending with
 * `.-_` (ims_2019-08-15.api-docs.json CreateSAMLProvider SAMLProviderName)
 */
const providerName = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9])?$/, 'expected a provider name like "okta-prod"');

const ssoSchema = z.strictObject({
  /** GetUserSsoSettings; the default is an account that never set up user SSO */
  userSsoSettings: resource(userSsoSettingsTemplate, { SsoEnabled: z.boolean().optional() }).default({}),
  samlProviders: z.array(resource(samlProviderTemplate, { SAMLProviderName: providerName, CreateDate: isoTime.optional() })).default([]),
  oidcProviders: z.array(resource(oidcProviderTemplate, { OIDCProviderName: providerName, CreateDate: isoTime.optional() })).default([]),
});

const imsAccount = z.strictObject({ sso: ssoSchema.default(ssoSchema.parse({})) });

/** top-level account model fields for IMS */
export const imsAccountFields = imsAccount.shape;
export type ImsAccountModel = z.output<typeof imsAccount>;

/** A provider name is unique among the providers of its kind. */
export function checkImsAccount(model: ImsAccountModel, expect: Expect): void {
  const names = { samlProviders: model.sso.samlProviders.map((p) => p.SAMLProviderName), oidcProviders: model.sso.oidcProviders.map((p) => p.OIDCProviderName) };
  for (const [field, declared] of Object.entries(names)) {
    duplicates(declared).forEach((name) => expect(false, ['sso', field], `provider ${name} is declared twice`));
  }
}
