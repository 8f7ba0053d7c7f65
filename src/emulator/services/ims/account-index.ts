// IMS's slice of the account index: the SSO answers, filled from the templates.
import { fill, type ApiObject } from '../../fill.js';
import type { ImsAccountModel } from './model.js';
import { oidcProviderArn, oidcProviderTemplate, samlProviderArn, samlProviderTemplate, userSsoSettingsTemplate } from './shapes.js';

export interface ImsSsoIndex {
  /** GetUserSsoSettings UserSsoSettings */
  userSsoSettings: ApiObject;
  /** ListSAMLProviders items */
  samlProviders: ApiObject[];
  /** ListOIDCProviders items */
  oidcProviders: ApiObject[];
}

export function indexIms(model: ImsAccountModel & { accountId: string }): { imsSso: ImsSsoIndex } {
  const { sso, accountId } = model;
  return {
    imsSso: {
      userSsoSettings: fill(userSsoSettingsTemplate(), sso.userSsoSettings),
      samlProviders: sso.samlProviders.map((provider) =>
        fill(fill(samlProviderTemplate(), { Arn: samlProviderArn(accountId, provider.SAMLProviderName) }), provider),
      ),
      oidcProviders: sso.oidcProviders.map((provider) =>
        fill(fill(oidcProviderTemplate(), { Arn: oidcProviderArn(accountId, provider.OIDCProviderName) }), provider),
      ),
    },
  };
}
