// IMS, the bulk side of RAM users: the user listing, and what bulk answers (the virtual MFA listing, the
// credential report) already say about each user, so that a thousand users do not cost thousands of calls.
import type { ListUsersResponseBodyUsersUser } from '@alicloud/ims20190815';
import { $Ims } from '../../cloud/sdk.js';
import { ApiError } from '../../cloud/api-error.js';
import { paginate } from '../../cloud/paginate.js';
import { globalSiteOf, optional, sdkListing, sdkLists, type CollectorContext } from '../context.js';
import type { RamUser } from '../ram/records.js';
import { reportedKeys, type CredentialReport } from './credential-report.js';

const ims = globalSiteOf('ims');
/** MaxItems 1-1000: ims_2019-08-15.api-docs.json ListUsers; ram_2015-05-01.api-docs.json ListGroups, ListRoles, ListPolicies */
export const MARKER_CAP = { style: 'marker', cap: 1000 } as const;

/** IMS ListUsers: RAM's user listing with the last console logon included (raw, for the RAM collector). */
export function listUsers(ctx: CollectorContext): Promise<ListUsersResponseBodyUsersUser[] | undefined> {
  return sdkLists('ims', (clients) => clients.ims()).list(ctx, null, 'ListUsers', {
    affects: ['ram.user'],
    paging: MARKER_CAP,
    page: (client, request, runtime) => client.listUsersWithOptions(new $Ims.ListUsersRequest(request), runtime),
    items: (body) => body.users?.user,
  });
}

/** IMS ListUsers gives LastLoginDate in epoch milliseconds ("1692598367586"); other dates are ISO already. */
export function isoDate(value: string | undefined): string | null {
  const present = optional(value);
  if (present === null || !/^\d+$/.test(present)) return present;
  return new Date(Number(present)).toISOString();
}

/**
 * What bulk answers already say about each user; undefined where they cannot say, and a per-user call
 * answers instead.
 * - MFA: IMS ListVirtualMFADevices (live, 100 a page) names every user with a virtual MFA device. A user
 *   not in it has a U2F key or nothing; the credential report's `mfa_active` = FALSE says nothing. Any
 *   other case (TRUE, N/A for users without a console password, not in the report) asks GetUserMFAInfo.
 * - Key last use: the report's key columns, matched to a listed key by its creation time, when exactly
 *   one column matches.
 * The report is trusted only when younger than REPORT_MAX_AGE_MS, and a user created after it is not in
 * it. What a stale report can get wrong errs toward a finding, never toward a pass: an MFA device bound
 * since reads as none, and a key used since reads as used earlier.
 */
export interface BulkUserFacts {
  mfaDevice(upn: string): RamUser['mfaDevice'] | undefined;
  lastUsedAt(upn: string, createdAt: string | undefined): string | null | undefined;
}

/** GetAccessKeyLastUsed itself lags by hours; a report this young is as good. */
const REPORT_MAX_AGE_MS = 4 * 3600_000;

export async function bulkUserFacts(ctx: CollectorContext, report: Promise<CredentialReport | undefined>): Promise<BulkUserFacts> {
  const [virtualMfa, read] = await Promise.all([listVirtualMfaDevices(ctx), report]);
  const fresh = read !== undefined && Date.now() - read.generatedAt <= REPORT_MAX_AGE_MS;
  const rows = new Map(fresh ? read.rows.map((row) => [row.user ?? '', row]) : []);
  return {
    mfaDevice(upn) {
      const serialNumber = virtualMfa?.get(upn);
      if (serialNumber !== undefined) return { serialNumber, type: 'VMFA' };
      return virtualMfa !== undefined && rows.get(upn)?.mfa_active?.toUpperCase() === 'FALSE' ? null : undefined;
    },
    lastUsedAt(upn, createdAt) {
      const row = rows.get(upn);
      const created = createdAt === undefined ? NaN : Date.parse(createdAt);
      if (!row || Number.isNaN(created)) return undefined;
      const matches = reportedKeys(row).filter((key) => key.lastRotatedAt !== null && Date.parse(key.lastRotatedAt) === created);
      return matches.length === 1 ? matches[0]!.lastUsedAt : undefined;
    },
  };
}

/** UPN -> serial number of its virtual MFA device; undefined when the listing fails (per-user calls answer). */
async function listVirtualMfaDevices(ctx: CollectorContext): Promise<Map<string, string> | undefined> {
  const client = ctx.clients.ims();
  const site = ims('ListVirtualMFADevices');
  const { paging, fetch } = sdkListing({
    // MaxItems 1-100 (ims_2019-08-15.api-docs.json ListVirtualMFADevices)
    paging: { style: 'marker', cap: 100 },
    page: (params) => client.listVirtualMFADevicesWithOptions(new $Ims.ListVirtualMFADevicesRequest(params), ctx.runtime),
    items: (body) => body.virtualMFADevices?.virtualMFADevice,
  });
  try {
    const devices = await paginate(ctx.caller, site, paging, fetch, (device) => ({
      upn: device.user?.userPrincipalName ?? '',
      serialNumber: device.serialNumber ?? '',
    }));
    return new Map(devices.filter((device) => device.upn !== '' && device.serialNumber !== '').map((d) => [d.upn, d.serialNumber]));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    ctx.logger.debug({ action: site.action, code: error.apiCode }, 'virtual MFA listing failed: asking GetUserMFAInfo per user');
    return undefined;
  }
}
