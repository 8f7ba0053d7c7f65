// Security Center (sas 2018-12-03). Each site answers for the whole account (none of these actions takes a
// RegionId: sas_2018-12-03.api-docs.json lists none for DescribeVersionConfig and DescribeVulList, and
// DescribeCloudCenterInstances' is deprecated), so the emulator, which ignores the Host, needs no site.
// Envelopes: the SDK models named in ./shapes.ts (PageInfo, VulRecords, Instances).
import type { SecurityCenterIndex } from './account-index.js';
import { invalidParameter } from '../../api-error.js';
import { paginate } from '../../paging.js';
import type { ApiObject } from '../../fill.js';
import { global, type ActionContext, type ActionTable } from '../../rpc/action.js';

const PAGING = { style: 'current-page-or-next-token', max: 100 } as const;
/** DescribeVulList Status codes that count as handled (Dealed=y): fixed, ignored */
const HANDLED_STATUSES = new Set([7, 10]);

const securityCenter = (handle: (context: ActionContext, securityCenter: SecurityCenterIndex) => ApiObject) =>
  global((context) => handle(context, context.account.securityCenter));

export const sasActions: ActionTable = {
  DescribeVersionConfig: securityCenter((_context, { versionConfig }) => versionConfig),

  DescribeCloudCenterInstances: securityCenter(({ params }, { assets }) => {
    const machineTypes = params.get('MachineTypes');
    if (machineTypes !== undefined && !['ecs', 'cloud_product', 'eci', 'rund', 'runc'].includes(machineTypes)) {
      throw invalidParameter('MachineTypes', machineTypes);
    }
    // every emulated asset is an ECS instance
    const items = machineTypes === undefined || machineTypes === 'ecs' ? assets : [];
    const { items: instances, fields } = paginate(items, params, { ...PAGING, default: 20 });
    return { Success: true, Instances: instances, PageInfo: fields };
  }),

  DescribeVulList: securityCenter(({ params }, { vulnerabilities }) => {
    const type = params.required('Type');
    const dealed = params.get('Dealed');
    if (dealed !== undefined && dealed !== 'y' && dealed !== 'n') throw invalidParameter('Dealed', dealed);
    const uuids = params.get('Uuids')?.split(',').map((uuid) => uuid.trim());
    const items = vulnerabilities.filter(
      (record) =>
        record.Type === type &&
        (uuids === undefined || uuids.includes(record.Uuid as string)) &&
        (dealed === undefined || HANDLED_STATUSES.has(record.Status as number) === (dealed === 'y')),
    );
    const { items: records, fields } = paginate(items, params, { ...PAGING, default: 10 });
    return { ...fields, VulRecords: records };
  }),
};
