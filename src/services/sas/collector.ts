// Security Center (sas 2018-12-03): the edition bought, the ECS instances it watches with their agent state,
// their unfixed vulnerabilities and webshell scan coverage, and the settings CIS 8.3-8.8 and 2.9 audit. Security Center is not regional: the site of each scanned region
// (securityCenterSite: the official `endpoints` table) answers for the whole account. None of these actions
// takes a RegionId (sas_2018-12-03.api-docs.json: DescribeVersionConfig and DescribeVulList list none,
// DescribeCloudCenterInstances' is deprecated), so none is sent.
import { callOrGap, listOrGap, optional, siteOf, type CollectorContext } from '../context.js';
import { callRpc, malformedAnswer } from '../rpc-call.js';
import type {
  FeatureState,
  SecurityCenterAsset,
  SecurityCenterConfig,
  SecurityCenterEdition,
  SecurityCenterSettings,
  Vulnerability,
} from './records.js';

const VERSION = '2018-12-03';

export type SecurityCenterSite = 'cn-shanghai' | 'ap-southeast-1';

/**
 * The Security Center site that serves a region. sas_2018-12-03.api-docs.json `endpoints` maps every cn-*
 * region (cn-hongkong and the finance regions included) to tds.cn-shanghai.aliyuncs.com and every other
 * region to tds.ap-southeast-1.aliyuncs.com.
 */
export function securityCenterSite(region: string): SecurityCenterSite {
  return region.startsWith('cn-') ? 'cn-shanghai' : 'ap-southeast-1';
}
/** the page size asked for; NextToken paging means a lower server cap only costs pages, never items */
const PAGE_SIZE = 100;
/** Linux software, Windows system and urgent vulnerabilities: those a patch fixes */
const VULNERABILITY_TYPES = ['cve', 'sys', 'emg'] as const;

/**
 * Edition codes of DescribeVersionConfig Version / HighestVersion / MergedVersion / PostPayHostVersion, as
 * documented (sas-20181203 DescribeVersionConfigResponseBody in aliyun/alibabacloud-typescript-sdk; public
 * API reference api-sas-2018-12-03-describeversionconfig): 1 Free, 3 Enterprise, 5 Advanced, 6 Anti-virus,
 * 7 Ultimate, 10 value-added services only. Version 8 (multi-version) defers to HighestVersion. Any other
 * code is `unknown`, never a guess.
 */
const EDITIONS: Readonly<Record<number, SecurityCenterEdition>> = {
  1: 'free',
  3: 'enterprise',
  5: 'advanced',
  6: 'anti-virus',
  7: 'ultimate',
  10: 'value-added',
};
const MULTI_VERSION = 8;
/** PostPayStatus 2: the pay-as-you-go instance is suspended for an overdue payment (1 is normal) */
const POSTPAY_SUSPENDED = 2;
/** how much host protection an edition gives; value-added services alone give none beyond Free */
const PROTECTION: Readonly<Record<SecurityCenterEdition, number>> = {
  unknown: -1,
  'value-added': 0,
  free: 0,
  'anti-virus': 1,
  advanced: 2,
  enterprise: 3,
  ultimate: 4,
};

interface RawVersionConfig {
  Version?: number | string;
  HighestVersion?: number | string;
  MergedVersion?: number | string;
  PostPayHostVersion?: number | string;
  PostPayStatus?: number | string;
  PostPayInstanceId?: string;
  IsTrialVersion?: number | string;
  IsPostpay?: boolean | string;
  InstanceId?: string;
  ReleaseTime?: number | string;
}

interface RawAsset {
  Uuid?: string;
  InstanceId?: string;
  InstanceName?: string;
  RegionId?: string;
  ClientStatus?: string;
  ClientSubStatus?: string;
  LastLoginTimestamp?: number | string;
  AuthVersion?: number | string;
  Bind?: boolean | string;
  GroupId?: number | string;
}

interface RawVulnerability {
  Uuid?: string;
  Name?: string;
  AliasName?: string;
  Type?: string;
  Necessity?: string;
  Status?: number | string;
  Related?: string;
}

const site = siteOf('sas');

/** A number from a JSON number or numeric string; null when absent or not a number. */
function numberOf(value: number | string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

const isTrue = (value: boolean | string | number | undefined) => value === true || value === 'true' || value === 1 || value === '1';

const isoFromMs = (value: number | string | undefined) => {
  const ms = numberOf(value);
  return ms !== null && ms > 0 ? new Date(ms).toISOString() : null;
};

export async function collectSas(ctx: CollectorContext): Promise<void> {
  const regionsBySite = new Map<SecurityCenterSite, string[]>();
  for (const region of ctx.regions) {
    const site = securityCenterSite(region);
    regionsBySite.set(site, [...(regionsBySite.get(site) ?? []), region]);
  }
  const sites = await Promise.all([...regionsBySite].map(([siteRegion, regions]) => collectSite(ctx, siteRegion, regions)));
  // the edition is a fact of the account: one record, and only when every site could say it
  const configs = sites.map((site) => site.config);
  if (configs.every((config) => config !== undefined)) ctx.inventory.add('sas.config', [accountConfig(ctx.accountId, configs)]);
  // every site lists the whole account: each instance once, in the scanned regions only
  const scanned = new Set(ctx.regions);
  const seen = new Set<string>();
  const records: SecurityCenterAsset[] = [];
  for (const site of sites) {
    for (const asset of site.assets ?? []) {
      if (asset.id === '' || !scanned.has(asset.region) || seen.has(asset.id)) continue;
      seen.add(asset.id);
      records.push(asset);
    }
  }
  if (sites.some((site) => site.assets !== undefined)) ctx.inventory.add('sas.asset', records);
  ctx.inventory.add('sas.settings', sites.map((site) => site.settings));
}

interface SiteAnswer {
  config: SiteConfig | undefined;
  assets: SecurityCenterAsset[] | undefined;
  settings: SecurityCenterSettings;
}

type SiteCall = <T>(action: string, query?: Record<string, string | undefined>) => Promise<T>;

interface SiteConfig {
  site: SecurityCenterSite;
  regions: string[];
  raw: RawVersionConfig;
}

async function collectSite(ctx: CollectorContext, siteRegion: SecurityCenterSite, regions: string[]): Promise<SiteAnswer> {
  const call: SiteCall = <T>(action: string, query: Record<string, string | undefined> = {}) =>
    callRpc<T>(ctx, { host: `tds.${siteRegion}.aliyuncs.com`, version: VERSION, region: siteRegion, regionId: null, action, query });

  const [config, assets, settings, webshellScan] = await Promise.all([
    callOrGap(ctx, { site: site(siteRegion, 'DescribeVersionConfig'), affects: ['sas.config'] }, async () => {
      const body = await call<RawVersionConfig>('DescribeVersionConfig');
      if (numberOf(body.Version) === null) throw malformedAnswer('DescribeVersionConfig answered without a Version');
      return body;
    }),
    listOrGap(ctx, {
      site: site(siteRegion, 'DescribeCloudCenterInstances'),
      affects: ['sas.asset'],
      paging: { style: 'nextToken', cap: PAGE_SIZE },
      fetch: async ({ token, size }) => {
        const body = await call<{ Instances?: RawAsset[]; PageInfo?: { NextToken?: string } }>('DescribeCloudCenterInstances', {
          MachineTypes: 'ecs',
          UseNextToken: 'true',
          NextToken: token,
          PageSize: String(size),
        });
        return { items: body.Instances ?? [], next: body.PageInfo?.NextToken ?? null };
      },
    }),
    collectSettings(ctx, siteRegion, regions, call),
    webshellScanCoverage(ctx, siteRegion, call),
  ]);
  const siteConfig = config ? { site: siteRegion, regions, raw: config } : undefined;
  if (!assets) return { config: siteConfig, assets: undefined, settings };

  const vulnerabilities = await unfixedVulnerabilitiesByAsset(ctx, siteRegion, call);
  const records = assets.map((raw): SecurityCenterAsset => {
    const uuid = raw.Uuid ?? '';
    return {
      id: raw.InstanceId ?? '',
      region: raw.RegionId ?? '',
      uuid,
      name: raw.InstanceName ?? '',
      clientStatus: (raw.ClientStatus ?? '').toLowerCase(),
      clientSubStatus: optional(raw.ClientSubStatus?.toLowerCase()),
      lastOnlineAt: isoFromMs(raw.LastLoginTimestamp),
      authVersion: numberOf(raw.AuthVersion),
      bound: isTrue(raw.Bind),
      ...(vulnerabilities === undefined ? {} : { unfixedVulnerabilities: vulnerabilities.get(uuid) ?? [] }),
      ...(webshellScan === undefined ? {} : { webshellScan: webshellScan(uuid, raw.GroupId) }),
    };
  });
  return { config: siteConfig, assets: records, settings };
}

/**
 * What Security Center answers for a feature the edition bought does not include ("FreeVersionNotPermit";
 * the Security Center API error code, as aliyun's own sas agent skills list it for the Free edition): a fact.
 */
const NOT_IN_EDITION = ['FreeVersionNotPermit'];

/** The vulnerability scan types of DescribeVulConfig TargetConfigs (DescribeVulConfigResponseBody.ts); scanMode, imageVulClean and yum are not scans. */
const VULNERABILITY_SCAN_TYPES = new Set(['cve', 'sys', 'cms', 'app', 'emg']);

/** Every asset fingerprint type DescribePropertyScheduleConfig takes (DescribePropertyScheduleConfigRequest.ts Type). */
const FINGERPRINT_TYPES = [
  'scheduler_port_period',
  'scheduler_process_period',
  'scheduler_account_period',
  'scheduler_software_period',
  'scheduler_cron_period',
  'scheduler_sca_period',
  'scheduler_autorun_period',
  'scheduler_lkm_period',
  'scheduler_sca_proxy_period',
] as const;

const onOff = (value: string | undefined, action: string): 'on' | 'off' => {
  if (value === 'on' || value === 'off') return value;
  throw malformedAnswer(`${action} answered a switch that is neither on nor off: ${String(value)}`);
};

/**
 * The settings CIS 8.3, 8.5-8.8 and 2.9 audit, as one site answers them (none of these actions pages:
 * their SDK models have no paging field). Each call fills its own field, so a failed one leaves that field
 * unknown (a field gap), never a default.
 */
async function collectSettings(ctx: CollectorContext, siteRegion: SecurityCenterSite, regions: string[], call: SiteCall): Promise<SecurityCenterSettings> {
  const notInEdition: string[] = [];
  /** one setting's call: undefined on a gap; for a feature editions may lack, null when this one does */
  const setting = async <T>(action: string, field: keyof SecurityCenterSettings, feature: string | null, request: () => Promise<T>) => {
    const spec = { site: site(siteRegion, action), affects: ['sas.settings' as const], fields: [field] };
    const answer = await callOrGap(ctx, feature === null ? spec : { ...spec, absentWhen: NOT_IN_EDITION }, request);
    if (answer === null && feature !== null) notInEdition.push(feature);
    return answer;
  };

  const [virus, notices, authorization, vulConfig, fingerprints, logMeta] = await Promise.all([
    // DescribeSuspiciousOverallConfigResponseBody.ts: OverallConfig { Type, Config on | off }
    setting('DescribeSuspiciousOverallConfig', 'virusBlocking', 'virus-blocking', async () => {
      const body = await call<{ OverallConfig?: { Config?: string } }>('DescribeSuspiciousOverallConfig', { Type: 'auto_breaking' });
      return onOff(body.OverallConfig?.Config, 'DescribeSuspiciousOverallConfig');
    }),
    // DescribeNoticeConfigResponseBody.ts: NoticeConfigList [{ Project, Route, TimeLimit }]
    setting('DescribeNoticeConfig', 'notifications', null, async () => {
      const body = await call<{ NoticeConfigList?: Array<{ Project?: string; Route?: number | string; TimeLimit?: number | string }> }>('DescribeNoticeConfig');
      return (body.NoticeConfigList ?? []).map((notice) => ({ project: notice.Project ?? '', route: numberOf(notice.Route), timeLimit: numberOf(notice.TimeLimit) }));
    }),
    // DescribeUserBaselineAuthorizationResponseBody.ts: UserBaselineAuthorization { Status 0 | 1 }
    setting('DescribeUserBaselineAuthorization', 'configAssessmentAuthorized', null, async () => {
      const body = await call<{ UserBaselineAuthorization?: { Status?: number | string } }>('DescribeUserBaselineAuthorization');
      const status = numberOf(body.UserBaselineAuthorization?.Status);
      if (status !== 0 && status !== 1) throw malformedAnswer(`DescribeUserBaselineAuthorization answered Status ${String(status)}`);
      return status === 1;
    }),
    // DescribeVulConfigResponseBody.ts: TargetConfigs [{ Type, Config }]
    setting('DescribeVulConfig', 'vulnerabilityScan', null, async () => {
      const body = await call<{ TargetConfigs?: Array<{ Type?: string; Config?: string }> }>('DescribeVulConfig');
      return (body.TargetConfigs ?? [])
        .filter((target) => VULNERABILITY_SCAN_TYPES.has(target.Type ?? ''))
        .map((target) => ({ type: target.Type ?? '', config: (target.Config ?? '').toLowerCase() }));
    }),
    // DescribePropertyScheduleConfigResponseBody.ts: Config, the hours between collections (0: off)
    setting('DescribePropertyScheduleConfig', 'fingerprintSchedules', 'asset-fingerprints', () =>
      Promise.all(
        FINGERPRINT_TYPES.map(async (type) => {
          const body = await call<{ Config?: string }>('DescribePropertyScheduleConfig', { Type: type });
          return { type, hours: numberOf(body.Config) };
        }),
      ),
    ),
    // DescribeLogMetaResponseBody.ts: LogMetaList [{ LogStore, Category host | security, Status enabled | disabled }]
    setting('DescribeLogMeta', 'logAnalysis', 'log-analysis', async () => {
      const body = await call<{ LogMetaList?: Array<{ LogStore?: string; Category?: string; Status?: string }> }>('DescribeLogMeta');
      return (body.LogMetaList ?? []).map((meta) => ({ logStore: meta.LogStore ?? '', category: meta.Category ?? '', status: (meta.Status ?? '').toLowerCase() }));
    }),
  ]);
  return {
    id: siteRegion,
    regions,
    ...defined<'virusBlocking', FeatureState>('virusBlocking', virus === null ? 'not-in-edition' : virus),
    ...defined('notifications', notices ?? undefined),
    ...defined('configAssessmentAuthorized', authorization ?? undefined),
    ...defined('vulnerabilityScan', vulConfig ?? undefined),
    ...defined('fingerprintSchedules', fingerprints),
    ...defined('logAnalysis', logMeta),
    // in a stable order: the calls answer in any order
    notInEdition: notInEdition.sort(),
  };
}

/** `{ [key]: value }`, or nothing when the value is unknown: an unknown field is left out, never undefined-valued. */
function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * Whether the periodic webshell scan covers an asset, by its Uuid and server group: undefined when the
 * scope could not be read. DescribeCommonTargetResultList Type=webshell_timescan
 * (DescribeCommonTargetResultListResponseBody.ts TargetConfig): TargetType uuid | groupId names what
 * TargetList holds, and Flag add means the scan runs on the listed assets, del that it runs on all others.
 */
async function webshellScanCoverage(
  ctx: CollectorContext,
  siteRegion: SecurityCenterSite,
  call: SiteCall,
): Promise<((uuid: string, groupId: number | string | undefined) => FeatureState) | undefined> {
  const scope = await callOrGap(
    ctx,
    { site: site(siteRegion, 'DescribeCommonTargetResultList'), affects: ['sas.asset'], fields: ['webshellScan'], absentWhen: NOT_IN_EDITION },
    async () => {
      const body = await call<{ TargetConfig?: { Flag?: string; TargetType?: string; TargetList?: string[] } }>('DescribeCommonTargetResultList', {
        Type: 'webshell_timescan',
      });
      const { Flag: flag, TargetType: targetType, TargetList: targets = [] } = body.TargetConfig ?? {};
      if ((flag !== 'add' && flag !== 'del') || (targetType !== 'uuid' && targetType !== 'groupId')) {
        throw malformedAnswer(`DescribeCommonTargetResultList answered Flag ${String(flag)} and TargetType ${String(targetType)}`);
      }
      return { flag, targetType, targets: new Set(targets) };
    },
  );
  if (scope === undefined) return undefined;
  if (scope === null) return () => 'not-in-edition';
  return (uuid, groupId) => {
    const listed = scope.targets.has(scope.targetType === 'uuid' ? uuid : String(groupId ?? ''));
    return listed === (scope.flag === 'add') ? 'on' : 'off';
  };
}

const editionOf = (code: number | null): SecurityCenterEdition => (code === null ? 'unknown' : (EDITIONS[code] ?? 'unknown'));

/**
 * The best edition one DescribeVersionConfig answer puts in force. An account with only pay-as-you-go host
 * protection answers Version 1 with IsPostpay and PostPayHostVersion: it is not Free. An undocumented
 * subscription code makes the edition unknown.
 */
function editionFrom(raw: RawVersionConfig): SecurityCenterEdition {
  const version = numberOf(raw.Version);
  const subscription = editionOf(version === MULTI_VERSION ? numberOf(raw.HighestVersion) : version);
  if (subscription === 'unknown') return 'unknown';
  const postPayOn = isTrue(raw.IsPostpay) && numberOf(raw.PostPayStatus) !== POSTPAY_SUSPENDED;
  const others = [numberOf(raw.MergedVersion), postPayOn ? numberOf(raw.PostPayHostVersion) : null]
    .filter((code): code is number => code !== null && code > 0)
    .map(editionOf)
    .filter((edition) => edition !== 'unknown');
  return others.reduce((best, edition) => (PROTECTION[edition] > PROTECTION[best] ? edition : best), subscription);
}

/** One record for the account; should the sites disagree, the weaker edition is the one reported. */
function accountConfig(accountId: string, configs: SiteConfig[]): SecurityCenterConfig {
  const ranked = configs
    .map((config) => ({ ...config, edition: editionFrom(config.raw) }))
    .sort((a, b) => PROTECTION[a.edition] - PROTECTION[b.edition]);
  // there is at least one site: every scan has a region
  const { raw, edition } = ranked[0]!;
  return {
    id: accountId,
    sites: configs.map((config) => config.site).sort(),
    regions: configs.flatMap((config) => config.regions).sort(),
    edition,
    // checked present when it was read
    version: numberOf(raw.Version)!,
    highestVersion: numberOf(raw.HighestVersion),
    mergedVersion: numberOf(raw.MergedVersion),
    postPayHostVersion: numberOf(raw.PostPayHostVersion),
    isTrial: isTrue(raw.IsTrialVersion),
    isPostpay: isTrue(raw.IsPostpay),
    postPayStatus: numberOf(raw.PostPayStatus),
    instanceId: optional(raw.InstanceId),
    postPayInstanceId: optional(raw.PostPayInstanceId),
    expiresAt: isoFromMs(raw.ReleaseTime),
  };
}

/** Unfixed vulnerabilities of every asset of the site, by asset Uuid; undefined when any type could not be listed. */
async function unfixedVulnerabilitiesByAsset(
  ctx: CollectorContext,
  siteRegion: SecurityCenterSite,
  call: <T>(action: string, query: Record<string, string | undefined>) => Promise<T>,
): Promise<Map<string, Vulnerability[]> | undefined> {
  const lists = await Promise.all(
    VULNERABILITY_TYPES.map((type) =>
      listOrGap(ctx, {
        site: site(siteRegion, 'DescribeVulList'),
        affects: ['sas.asset'],
        fields: ['unfixedVulnerabilities'],
        paging: { style: 'nextToken', cap: PAGE_SIZE },
        fetch: async ({ token, size }) => {
          const body = await call<{ VulRecords?: RawVulnerability[]; NextToken?: string }>('DescribeVulList', {
            Type: type,
            Dealed: 'n',
            UseNextToken: 'true',
            NextToken: token,
            PageSize: String(size),
          });
          return { items: body.VulRecords ?? [], next: body.NextToken ?? null };
        },
      }),
    ),
  );
  if (lists.some((list) => list === undefined)) return undefined;
  const byAsset = new Map<string, Vulnerability[]>();
  for (const raw of lists.flatMap((list) => list ?? [])) {
    const uuid = raw.Uuid ?? '';
    byAsset.set(uuid, [
      ...(byAsset.get(uuid) ?? []),
      {
        name: raw.Name ?? '',
        aliasName: raw.AliasName ?? '',
        type: raw.Type ?? '',
        necessity: raw.Necessity ?? '',
        status: numberOf(raw.Status),
        cves: (raw.Related ?? '').split(',').map((cve) => cve.trim()).filter(Boolean),
      },
    ]);
  }
  return byAsset;
}
