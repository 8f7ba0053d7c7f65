// Security Center (sas 2018-12-03). The real service answers per site, told apart by the endpoint: the
// emulator ignores the Host, so it reads the site from RegionId (cn-shanghai: mainland China regions,
// ap-southeast-1: the others). An account without Security Center gets the not-activated error everywhere.
import type { SecurityCenterIndex } from '../account-index.js';
import { ApiError, invalidParameter } from '../api-error.js';
import { paginate } from '../paging.js';
import type { ApiObject } from '../shapes/fill.js';
import { global, type ActionContext, type ActionTable } from './action.js';

const PAGING = { style: 'current-page-or-next-token', max: 100 } as const;
/** DescribeVulList Status codes that count as handled (Dealed=y): fixed, ignored */
const HANDLED_STATUSES = new Set([7, 10]);

const siteOf = (region: string) => (region.startsWith('cn-') && region !== 'cn-hongkong' ? 'cn-shanghai' : 'ap-southeast-1');

function activated(handle: (context: ActionContext, securityCenter: SecurityCenterIndex, site: string) => ApiObject) {
  return global((context) => {
    const securityCenter = context.account.securityCenter;
    if (!securityCenter) throw new ApiError(400, 'NoPermission.NotActivated', 'Security Center is not activated for this account.');
    return handle(context, securityCenter, siteOf(context.params.get('RegionId') ?? 'cn-shanghai'));
  });
}

const onSite = (items: readonly ApiObject[], site: string) => items.filter((item) => siteOf(item.RegionId as string) === site);

export const sasActions: ActionTable = {
  DescribeVersionConfig: activated((_context, { versionConfig }) => versionConfig),

  DescribeCloudCenterInstances: activated(({ params }, { assets }, site) => {
    const machineTypes = params.get('MachineTypes');
    if (machineTypes !== undefined && !['ecs', 'cloud_product', 'eci', 'rund', 'runc'].includes(machineTypes)) {
      throw invalidParameter('MachineTypes', machineTypes);
    }
    // every emulated asset is an ECS instance
    const items = machineTypes === undefined || machineTypes === 'ecs' ? onSite(assets, site) : [];
    const { items: instances, fields } = paginate(items, params, { ...PAGING, default: 20 });
    return { Success: true, Instances: instances, PageInfo: fields };
  }),

  DescribeVulList: activated(({ params }, { vulnerabilities }, site) => {
    const type = params.required('Type');
    const dealed = params.get('Dealed');
    if (dealed !== undefined && dealed !== 'y' && dealed !== 'n') throw invalidParameter('Dealed', dealed);
    const uuids = params.get('Uuids')?.split(',').map((uuid) => uuid.trim());
    const items = onSite(vulnerabilities, site).filter(
      (record) =>
        record.Type === type &&
        (uuids === undefined || uuids.includes(record.Uuid as string)) &&
        (dealed === undefined || HANDLED_STATUSES.has(record.Status as number) === (dealed === 'y')),
    );
    const { items: records, fields } = paginate(items, params, { ...PAGING, default: 10 });
    return { ...fields, VulRecords: records };
  }),
};
