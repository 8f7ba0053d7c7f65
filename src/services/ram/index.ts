// RAM (ram 2015-05-01), global. Its collector also makes the IMS calls (../ims): they answer for the same users.
import { $Ims, $Ram } from '../../cloud/sdk.js';
import { defineService } from '../service.js';
import { ramGroup, ramPolicy, ramRole, ramUser } from './records.js';

export default defineService({
  name: 'ram',
  records: { 'ram.user': ramUser, 'ram.group': ramGroup, 'ram.role': ramRole, 'ram.policy': ramPolicy },
  regional: false,
  actions: [
    'GetLoginProfile',
    'GetUserMFAInfo',
    'ListAccessKeys',
    'GetAccessKeyLastUsed',
    'ListGroupsForUser',
    'ListPoliciesForUser',
    'ListGroups',
    'ListPoliciesForGroup',
    'ListRoles',
    'GetRole',
    'ListPoliciesForRole',
    'ListPolicies',
    'GetPolicy',
  ],
  // its per-user calls share one budget per action for the whole account, so they are the long pole of a
  // large scan; its listings go out ahead of the regional flood of first pages instead of behind it
  collector: { load: async () => (await import('./collector.js')).collectRam, global: true, first: true, sdks: [$Ram, $Ims] },
});
