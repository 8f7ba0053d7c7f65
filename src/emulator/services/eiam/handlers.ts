// IDaaS EIAM 2021-12-01, regional (eiam.<region>.aliyuncs.com). Envelope: the SDK model
// (aliyun/alibabacloud-typescript-sdk, eiam-20211201 src/models/ListInstancesResponseBody.ts: Instances,
// TotalCount; no PageNumber / PageSize in the answer).
import { paginate } from '../../paging.js';
import { regional, whereEq, whereIn, type ActionTable } from '../../rpc/action.js';

/**
 * PageNumber / PageSize (eiam_2021-12-01.api-docs.json ListInstances); no maximum or default is documented:
 * the emulator takes the API reference's example size (20) as its default and caps at 100.
 */
const PAGING = { style: 'page-number', max: 100, default: 20 } as const;

export const eiamActions: ActionTable = {
  ListInstances: regional(({ params }, region) => {
    // InstanceIds: style flat, sent as InstanceIds.1, InstanceIds.2 ...
    const ids = params.repeatList('InstanceIds');
    const items = whereEq(whereIn(region.eiamInstances, 'InstanceId', ids.length > 0 ? ids : undefined), 'Status', params.get('Status'));
    const { items: instances, fields } = paginate(items, params, PAGING);
    return { Instances: instances, TotalCount: fields.TotalCount };
  }),
};
