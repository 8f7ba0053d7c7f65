// CloudSSO (cloudsso 2021-05-15): whether it is enabled, its directory and the directory's MFA setting.
// CloudSSO is one service per account: GetServiceStatus answers at any endpoint and names the regions its
// directory lives in (RegionsInUse); the directory's own calls go to that region's endpoint.
import { callOrGap, globalSiteOf, listOrGap, optional, type CollectorContext } from '../context.js';
import { callRpc, malformedAnswer } from '../rpc-call.js';
import type { CloudSsoDirectory } from './records.js';

const VERSION = '2021-05-15';
/** the first endpoint of cloudsso_2021-05-15.api-docs.json `endpoints` (cloudsso.cn-shanghai.aliyuncs.com) */
const STATUS_REGION = 'cn-shanghai';

const site = globalSiteOf('cloudsso');

interface RawServiceStatus {
  ServiceStatus?: { Status?: string; RegionsInUse?: string[] };
}
/** SDK model cloudsso-20210515 GetMfaauthenticationSettingInfoResponseBody */
interface RawMfaSettingInfo {
  MFAAuthenticationSettingInfo?: { MfaAuthenticationAdvanceSettings?: string; OperationForRiskLogin?: string };
}
interface RawDirectory {
  DirectoryId?: string;
  DirectoryName?: string;
  Region?: string;
  CreateTime?: string;
}

/** One call at the endpoint of `region`: every endpoint of the metadata is cloudsso.<region>.aliyuncs.com. */
const call = <T>(ctx: CollectorContext, region: string, action: string, query: Record<string, string | undefined> = {}) =>
  callRpc<T>(ctx, { host: `cloudsso.${region}.aliyuncs.com`, version: VERSION, region, regionId: null, action, query });

export async function collectCloudSso(ctx: CollectorContext): Promise<void> {
  const status = await callOrGap(ctx, { site: site('GetServiceStatus'), affects: ['cloudsso.service', 'cloudsso.directory'] }, async () => {
    const body = await call<RawServiceStatus>(ctx, STATUS_REGION, 'GetServiceStatus');
    const value = body.ServiceStatus?.Status;
    // Status: Enabled | Disabled (data/enums.yaml cloudsso-service-status); anything else says neither
    if (value !== 'Enabled' && value !== 'Disabled') throw malformedAnswer(`GetServiceStatus answered Status ${JSON.stringify(value)}, neither Enabled nor Disabled`);
    return body.ServiceStatus!;
  });
  if (!status) return;
  const enabled = status.Status === 'Enabled';
  const regionsInUse = status.RegionsInUse ?? [];
  ctx.inventory.add('cloudsso.service', [{ id: ctx.accountId, enabled, status: status.Status!, regionsInUse }]);
  // not enabled: the account has no directory, a fact
  if (!enabled) {
    ctx.inventory.add('cloudsso.directory', []);
    return;
  }
  const listed = await Promise.all(
    (regionsInUse.length > 0 ? regionsInUse : [STATUS_REGION]).map((region) =>
      listOrGap(ctx, {
        site: site('ListDirectories'),
        affects: ['cloudsso.directory'],
        // ListDirectories takes no paging parameter (cloudsso_2021-05-15.api-docs.json); an account has one directory
        paging: { style: 'none' },
        fetch: async () => ({ items: (await call<{ Directories?: RawDirectory[] }>(ctx, region, 'ListDirectories')).Directories ?? [] }),
      }),
    ),
  );
  if (listed.some((list) => list === undefined)) return;
  const byId = new Map(listed.flatMap((list) => list ?? []).map((raw) => [raw.DirectoryId ?? '', raw]));
  const directories = await Promise.all([...byId.values()].map((raw) => withMfaSetting(ctx, raw)));
  ctx.inventory.add('cloudsso.directory', directories);
}

/**
 * The directory's MFA setting from GetMFAAuthenticationSettingInfo, the API the reference recommends over
 * GetMFAAuthenticationSettings, which "is no longer maintained" and documents no OnlyRiskyLogin (API reference
 * api-cloudsso-2021-05-15-getmfaauthenticationsettings).
 */
async function withMfaSetting(ctx: CollectorContext, raw: RawDirectory): Promise<CloudSsoDirectory> {
  const id = raw.DirectoryId ?? '';
  const region = raw.Region ?? STATUS_REGION;
  const info = await callOrGap(
    ctx,
    { site: site('GetMFAAuthenticationSettingInfo'), affects: ['cloudsso.directory'], resourceId: id, fields: ['mfaAuthentication', 'operationForRiskLogin'] },
    async () => {
      const body = await call<RawMfaSettingInfo>(ctx, region, 'GetMFAAuthenticationSettingInfo', { DirectoryId: id });
      const setting = body.MFAAuthenticationSettingInfo;
      if (optional(setting?.MfaAuthenticationAdvanceSettings) === null) {
        throw malformedAnswer('GetMFAAuthenticationSettingInfo answered without MFAAuthenticationSettingInfo.MfaAuthenticationAdvanceSettings');
      }
      return setting!;
    },
  );
  return {
    id,
    name: raw.DirectoryName ?? '',
    region,
    createdAt: optional(raw.CreateTime),
    ...(info ? { mfaAuthentication: info.MfaAuthenticationAdvanceSettings!, operationForRiskLogin: optional(info.OperationForRiskLogin) } : {}),
  };
}
