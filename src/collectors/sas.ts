// Security Center (sas 2018-12-03): the edition bought, the ECS instances it watches with their agent state,
// and their unfixed vulnerabilities. Security Center is not regional: one site answers for the mainland China
// regions (cn-shanghai, endpoint tds.aliyuncs.com), another for every other region (ap-southeast-1). An
// account that has not activated it answers with an error, recorded as a gap: never as "no assets".
import type { CallSite } from '../cloud/api-error.js';
import type { SecurityCenterAsset, SecurityCenterConfig, SecurityCenterEdition, Vulnerability } from '../inventory/types.js';
import { callOrGap, listOrGap, optional, type CollectorContext } from './context.js';
import { callRpc, malformedAnswer } from './rpc-call.js';

const VERSION = '2018-12-03';
/** the page size asked for; NextToken paging means a lower server cap only costs pages, never items */
const PAGE_SIZE = 100;
/** Linux software, Windows system and urgent vulnerabilities: those a patch fixes */
const VULNERABILITY_TYPES = ['cve', 'sys', 'emg'] as const;

export type SecurityCenterSite = 'cn-shanghai' | 'ap-southeast-1';

export function siteOf(region: string): SecurityCenterSite {
  return region.startsWith('cn-') && region !== 'cn-hongkong' ? 'cn-shanghai' : 'ap-southeast-1';
}

/** DescribeVersionConfig codes; 2 is an older code for Enterprise. 8 (multi-version) defers to HighestVersion. */
const EDITIONS: Readonly<Record<number, SecurityCenterEdition>> = {
  1: 'free',
  2: 'enterprise',
  3: 'enterprise',
  5: 'advanced',
  6: 'anti-virus',
  7: 'ultimate',
  10: 'value-added',
};
const MULTI_VERSION = 8;

interface RawVersionConfig {
  Version?: number | string;
  HighestVersion?: number | string;
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

const site = (region: SecurityCenterSite, action: string): CallSite => ({ service: 'sas', region, action });

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
  for (const region of ctx.regions) regionsBySite.set(siteOf(region), [...(regionsBySite.get(siteOf(region)) ?? []), region]);
  await Promise.all([...regionsBySite].map(([siteRegion, regions]) => collectSite(ctx, siteRegion, regions)));
}

async function collectSite(ctx: CollectorContext, siteRegion: SecurityCenterSite, regions: string[]): Promise<void> {
  const call = <T>(action: string, query: Record<string, string | undefined> = {}) =>
    callRpc<T>(ctx, { product: 'sas', version: VERSION, region: siteRegion, action, query });

  const [config, assets] = await Promise.all([
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
  ]);
  if (config) ctx.inventory.add('sas.config', [configRecord(siteRegion, regions, config)]);
  if (!assets) return;

  const vulnerabilities = await unfixedVulnerabilitiesByAsset(ctx, siteRegion, call);
  const scanned = new Set(regions);
  const seen = new Set<string>();
  const records: SecurityCenterAsset[] = [];
  for (const raw of assets) {
    const id = raw.InstanceId ?? '';
    const region = raw.RegionId ?? '';
    if (id === '' || !scanned.has(region) || seen.has(id)) continue;
    seen.add(id);
    const uuid = raw.Uuid ?? '';
    records.push({
      id,
      region,
      uuid,
      name: raw.InstanceName ?? '',
      clientStatus: (raw.ClientStatus ?? '').toLowerCase(),
      clientSubStatus: optional(raw.ClientSubStatus?.toLowerCase()),
      lastOnlineAt: isoFromMs(raw.LastLoginTimestamp),
      authVersion: numberOf(raw.AuthVersion),
      bound: isTrue(raw.Bind),
      ...(vulnerabilities === undefined ? {} : { unfixedVulnerabilities: vulnerabilities.get(uuid) ?? [] }),
    });
  }
  ctx.inventory.add('sas.asset', records);
}

function configRecord(siteRegion: SecurityCenterSite, regions: string[], raw: RawVersionConfig): SecurityCenterConfig {
  // checked present when it was read
  const version = numberOf(raw.Version)!;
  const highestVersion = numberOf(raw.HighestVersion);
  const effective = version === MULTI_VERSION ? highestVersion : version;
  return {
    id: siteRegion,
    regions,
    edition: (effective === null ? undefined : EDITIONS[effective]) ?? 'unknown',
    version,
    highestVersion,
    isTrial: isTrue(raw.IsTrialVersion),
    isPostpay: isTrue(raw.IsPostpay),
    instanceId: optional(raw.InstanceId),
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
