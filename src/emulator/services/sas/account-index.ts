// Security Center's slice of the account index: what its APIs answer, for every region of the account.
import { createHash } from 'node:crypto';
import { fill, type ApiObject } from '../../fill.js';
import type { EcsRegionModel } from '../ecs/model.js';
import type { SasAccountModel } from './model.js';
import {
  cloudCenterInstanceTemplate,
  FINGERPRINT_TYPES,
  freeVersionConfig,
  LOG_STORES,
  logMetaTemplate,
  NOTICE_PROJECTS,
  noticeConfigTemplate,
  VUL_CONFIG_TYPES,
  versionConfigTemplate,
  vulConfigTemplate,
  vulRecordTemplate,
} from './shapes.js';

export interface SecurityCenterIndex {
  versionConfig: ApiObject;
  /** DescribeCloudCenterInstances items (each with its RegionId) */
  assets: ApiObject[];
  /** DescribeVulList records, fixed and unfixed */
  vulnerabilities: ApiObject[];
  settings: SettingsIndex;
}

/** What each settings action answers; null where the edition does not include the feature (FreeVersionNotPermit). */
export interface SettingsIndex {
  virusBlocking: ApiObject | null;
  webshellScan: ApiObject | null;
  notices: ApiObject[];
  baselineAuthorization: ApiObject;
  vulConfigs: ApiObject[];
  fingerprintHours: Readonly<Record<string, string>> | null;
  logMeta: ApiObject[] | null;
}

/**
 * Which edition codes include a feature (Security Center's edition comparison: virus blocking and webshell
 * scans from the Anti-virus edition up, asset fingerprints in Enterprise and Ultimate); log analysis is
 * bought apart, as log storage (DescribeVersionConfig SlsCapacity).
 */
const VIRUS_EDITIONS = new Set([3, 5, 6, 7]);
const FINGERPRINT_EDITIONS = new Set([3, 7]);

/** The edition codes a DescribeVersionConfig answer puts in force (8, several editions: HighestVersion). */
function editionCodes(config: ApiObject): Set<number> {
  const version = config.Version === 8 ? config.HighestVersion : config.Version;
  return new Set([version, config.MergedVersion, config.IsPostpay === true ? config.PostPayHostVersion : 0].filter((code): code is number => typeof code === 'number'));
}

function indexSettings(model: SasInput, versionConfig: ApiObject, uuids: ReadonlyMap<string, string>): SettingsIndex {
  const settings = model.securityCenterSettings;
  const codes = [...editionCodes(versionConfig)];
  const includes = (editions: Set<number>) => codes.some((code) => editions.has(code));
  const context = { accountId: model.accountId, regionId: 'cn-shanghai' };
  return {
    virusBlocking: includes(VIRUS_EDITIONS) ? { Type: 'auto_breaking', Config: settings.virusBlocking } : null,
    webshellScan: includes(VIRUS_EDITIONS)
      ? {
          Type: 'webshell_timescan',
          Flag: 'add',
          TargetDefault: 'del',
          TargetType: 'uuid',
          TargetList: settings.webshellScanInstances.flatMap((id) => uuids.get(id) ?? []),
          TotalCount: String(settings.webshellScanInstances.length),
        }
      : null,
    notices: Object.entries(NOTICE_PROJECTS).map(([project, category]) =>
      fill(noticeConfigTemplate(context), { Project: project, Category: category, Route: settings.noticeRoutes[project] ?? 0 }),
    ),
    baselineAuthorization: { Status: settings.configAssessmentAuthorized ? 1 : 0 },
    vulConfigs: VUL_CONFIG_TYPES.map((type) =>
      fill(vulConfigTemplate(), { Type: type, Config: type === 'scanMode' ? 'real' : type === 'imageVulClean' ? '90' : (settings.vulScan[type as keyof typeof settings.vulScan] ?? 'off') }),
    ),
    fingerprintHours: includes(FINGERPRINT_EDITIONS)
      ? Object.fromEntries(FINGERPRINT_TYPES.map((type) => [type, String(settings.fingerprintHours[type] ?? 0)]))
      : null,
    logMeta:
      typeof versionConfig.SlsCapacity === 'number' && versionConfig.SlsCapacity > 0
        ? LOG_STORES.map((logStore) =>
            fill(logMetaTemplate(), {
              LogStore: logStore,
              LogDesc: logStore,
              Topic: logStore,
              Category: logStore.startsWith('aegis-') ? 'host' : 'security',
              Status: settings.enabledLogStores.includes(logStore) ? 'enabled' : 'disabled',
            }),
          )
        : null,
  };
}

/** What Security Center reads of the account model: its own fields and the ECS instances. */
type SasInput = SasAccountModel & { accountId: string; regions: Record<string, EcsRegionModel> };

/** A stable, UUID-shaped agent id per instance, as Security Center gives each asset. */
function agentUuid(instanceId: string): string {
  const hex = createHash('sha256').update(instanceId).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
}

export function indexSecurityCenter(model: SasInput): { securityCenter: SecurityCenterIndex } {
  const assets: ApiObject[] = [];
  const vulnerabilities: ApiObject[] = [];
  const uuids = new Map<string, string>();
  for (const [regionId, region] of Object.entries(model.regions)) {
    for (const instance of region.instances) {
      if (!instance.SecurityCenter) continue;
      const { Vulnerabilities, ...authored } = instance.SecurityCenter;
      const asset = fill(
        fill(cloudCenterInstanceTemplate({ accountId: model.accountId, regionId }), {
          Uuid: agentUuid(instance.InstanceId),
          InstanceId: instance.InstanceId,
          InstanceName: instance.InstanceId,
          Os: instance.OSType,
          OsName: instance.OSName,
          IntranetIp: instance.VpcAttributes?.PrivateIpAddress?.[0] ?? '',
          VpcInstanceId: instance.VpcAttributes?.VpcId ?? '',
          VulCount: Vulnerabilities.length,
          VulStatus: Vulnerabilities.length > 0 ? 'YES' : 'NO',
        }),
        authored,
      );
      assets.push(asset);
      uuids.set(instance.InstanceId, asset.Uuid as string);
      for (const vulnerability of Vulnerabilities) {
        vulnerabilities.push(
          fill(
            fill(vulRecordTemplate(), {
              Uuid: asset.Uuid,
              InstanceId: instance.InstanceId,
              InstanceName: asset.InstanceName,
              RegionId: regionId,
              OsName: instance.OSName,
              Online: asset.ClientStatus === 'online',
            }),
            vulnerability,
          ),
        );
      }
    }
  }
  const versionConfig = model.securityCenter === null ? freeVersionConfig() : fill(versionConfigTemplate(), model.securityCenter);
  return { securityCenter: { versionConfig, assets, vulnerabilities, settings: indexSettings(model, versionConfig, uuids) } };
}
