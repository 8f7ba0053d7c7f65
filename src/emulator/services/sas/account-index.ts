// Security Center's slice of the account index: what its APIs answer, for every region of the account.
import { createHash } from 'node:crypto';
import { fill, type ApiObject } from '../../fill.js';
import type { EcsRegionModel } from '../ecs/model.js';
import type { SasAccountModel } from './model.js';
import { cloudCenterInstanceTemplate, freeVersionConfig, versionConfigTemplate, vulRecordTemplate } from './shapes.js';

export interface SecurityCenterIndex {
  versionConfig: ApiObject;
  /** DescribeCloudCenterInstances items (each with its RegionId) */
  assets: ApiObject[];
  /** DescribeVulList records, fixed and unfixed */
  vulnerabilities: ApiObject[];
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
  return { securityCenter: { versionConfig, assets, vulnerabilities } };
}
