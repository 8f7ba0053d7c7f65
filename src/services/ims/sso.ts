// IMS single sign-on: the account's user SSO settings (part of the account record) and the SAML and OIDC
// identity providers of role-based SSO. Collected with the RAM users (../ram/collector.ts).
import { $Ims } from '../../cloud/sdk.js';
import { callOrGap, globalSiteOf, optional, sdkLists, type CollectorContext } from '../context.js';
import type { OidcProvider, SamlProvider, UserSso } from './records.js';

const ims = globalSiteOf('ims');
const imsLists = sdkLists('ims', (clients) => clients.ims());
/** MaxItems 1-100, default 100: ims_2019-08-15.api-docs.json ListSAMLProviders and ListOIDCProviders MaxItems */
const PROVIDER_PAGING = { style: 'marker', cap: 100 } as const;

/** GetUserSsoSettings: undefined on a gap (the account's `userSso` stays unknown). */
export async function userSsoSettings(ctx: CollectorContext): Promise<UserSso | undefined> {
  const client = ctx.clients.ims();
  const body = await callOrGap(
    ctx,
    { site: ims('GetUserSsoSettings'), affects: ['account'], resourceId: ctx.accountId, fields: ['userSso'] },
    async () => (await client.getUserSsoSettingsWithOptions(ctx.runtime)).body,
  );
  if (!body) return undefined;
  const settings = body.userSsoSettings;
  return {
    enabled: settings?.ssoEnabled === true,
    loginWithDomain: settings?.ssoLoginWithDomain ?? null,
    auxiliaryDomain: optional(settings?.auxiliaryDomain),
    metadataConfigured: optional(settings?.metadataDocument) !== null,
  };
}

/** The SAML and OIDC providers, each listing its own collection or its gap. */
export async function collectIdentityProviders(ctx: CollectorContext): Promise<void> {
  const [saml, oidc] = await Promise.all([
    imsLists.list(ctx, null, 'ListSAMLProviders', {
      affects: ['ims.saml-provider'],
      paging: PROVIDER_PAGING,
      page: (client, request, runtime) => client.listSAMLProvidersWithOptions(new $Ims.ListSAMLProvidersRequest(request), runtime),
      items: (body) => body.SAMLProviders?.SAMLProvider,
    }),
    imsLists.list(ctx, null, 'ListOIDCProviders', {
      affects: ['ims.oidc-provider'],
      paging: PROVIDER_PAGING,
      page: (client, request, runtime) => client.listOIDCProvidersWithOptions(new $Ims.ListOIDCProvidersRequest(request), runtime),
      items: (body) => body.OIDCProviders?.OIDCProvider,
    }),
  ]);
  if (saml) {
    ctx.inventory.add(
      'ims.saml-provider',
      saml.map(
        (provider): SamlProvider => ({
          id: provider.SAMLProviderName ?? '',
          arn: provider.arn ?? '',
          description: provider.description ?? '',
          createdAt: optional(provider.createDate),
          updatedAt: optional(provider.updateDate),
        }),
      ),
    );
  }
  if (oidc) {
    ctx.inventory.add(
      'ims.oidc-provider',
      oidc.map(
        (provider): OidcProvider => ({
          id: provider.OIDCProviderName ?? '',
          arn: provider.arn ?? '',
          issuerUrl: provider.issuerUrl ?? '',
          clientIds: (provider.clientIds ?? '').split(',').map((id) => id.trim()).filter(Boolean),
          createdAt: optional(provider.createDate),
        }),
      ),
    );
  }
}
