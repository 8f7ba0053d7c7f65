// The calls an organisation run makes beyond a scan's own, apart so that `policy --org` names them without
// loading the scan.
export const DIRECTORY_SITE = { service: 'resourcemanager', region: null, action: 'GetResourceDirectory' } as const;
export const MEMBERS_SITE = { service: 'resourcemanager', region: null, action: 'ListAccounts' } as const;

/** the RAM actions of the member listing */
export const ORG_LISTING_ACTIONS = [DIRECTORY_SITE, MEMBERS_SITE].map((site) => `${site.service}:${site.action}`);
