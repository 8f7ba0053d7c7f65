// IMS's derived fields: the account's ActionTrail trails, RAM users and SAML identity providers, and on
// each RAM user the account's user SSO settings.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';
import { recordSchemas } from '../index.js';
import { userSso } from './records.js';

export default defineDerivedFields({
  account: {
    $trails: {
      summary: 'every ActionTrail trail of the account, from every region',
      schema: z.array(recordSchemas['actiontrail.trail']),
      reads: ['actiontrail.trail'],
      derive: (_account, lookup) => lookup.unlessGap('actiontrail.trail', null, () => lookup.all('actiontrail.trail')),
    },
    $ramUsers: {
      summary: 'every RAM user of the account',
      schema: z.array(recordSchemas['ram.user']),
      reads: ['ram.user'],
      derive: (_account, lookup) => lookup.unlessGap('ram.user', null, () => lookup.all('ram.user')),
    },
    $samlProviders: {
      summary: 'the RAM SAML identity providers (role-based SSO)',
      schema: z.array(recordSchemas['ims.saml-provider']),
      reads: ['ims.saml-provider'],
      derive: (_account, lookup) => lookup.unlessGap('ims.saml-provider', null, () => lookup.all('ims.saml-provider')),
    },
  },
  'ram.user': {
    $userSso: {
      summary: "the account's user SSO settings (IMS GetUserSsoSettings), which apply to every RAM user",
      schema: userSso,
      reads: ['account'],
      derive: (_user, lookup) => {
        const account = lookup.all('account')[0];
        if (!account) return lookup.unknown('the account record was not collected');
        return account.userSso ?? lookup.unknown('the user SSO settings were not collected', { type: 'account', id: account.id, region: null });
      },
    },
  },
});
