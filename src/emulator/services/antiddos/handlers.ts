// Anti-DDoS's three products. Each pages by its own parameter names (antiddos-public CurrentPage/PageSize
// with Total; ddosbgp PageNo/PageSize with Total; ddoscoo PageNumber/PageSize with TotalCount: the SDK models
// named in ./shapes.ts), a page size above the cap silently capped as Alibaba's APIs do. Caps: DescribeInstance
// PageSize `maximum: 50` (antiddos-public_2017-05-18.api-docs.json); DescribeInstanceList 1 to 50
// (https://www.alibabacloud.com/help/doc-detail/118698.htm); DescribePackIpList 50 (ddosbgp-20180720
// DescribePackIpListRequest.ts); DescribeInstances 1~50 (https://help.aliyun.com/document_detail/91478.html);
// DescribeWebAccessLogDispatchStatus: none documented, its example page size 10 taken as the cap.
import type { AntiDdosRegionIndex } from './account-index.js';
import { invalidParameter } from '../../api-error.js';
import type { ApiObject } from '../../fill.js';
import type { Params } from '../../params.js';
import { global, regional, type ActionContext, type ActionTable } from '../../rpc/action.js';

interface PageRule {
  number: 'CurrentPage' | 'PageNo' | 'PageNumber';
  total: 'Total' | 'TotalCount';
  max: number;
  default: number;
  /** PageNo / PageSize are required (ddosbgp, ddoscoo DescribeInstances: the metadata's `required: true`) */
  required: boolean;
}

function page(items: readonly ApiObject[], params: Params, rule: PageRule): { items: ApiObject[]; total: ApiObject } {
  if (rule.required) [rule.number, 'PageSize'].forEach((name) => params.required(name));
  const number = params.int(rule.number) ?? 1;
  const size = params.int('PageSize') ?? rule.default;
  if (number < 1) throw invalidParameter(rule.number, String(number));
  if (size < 1) throw invalidParameter('PageSize', String(size));
  const capped = Math.min(size, rule.max);
  return { items: items.slice((number - 1) * capped, number * capped), total: { [rule.total]: items.length } };
}

const BASIC_TYPES = new Set(['ecs', 'slb', 'eip']);

/** antiddos-public takes DdosRegionId, no RegionId: a region the account has nothing in has no public IP. */
function basicRegion({ params, account }: ActionContext): AntiDdosRegionIndex | undefined {
  return account.regions.get(params.required('DdosRegionId'));
}

export const antiDdosBasicActions: ActionTable = {
  DescribeInstance: global((context) => {
    const type = context.params.required('InstanceType');
    if (!BASIC_TYPES.has(type)) throw invalidParameter('InstanceType', type);
    const items = basicRegion(context)?.antiDdosBasicIps.get(type) ?? [];
    const { items: instances, total } = page(items, context.params, { number: 'CurrentPage', total: 'Total', max: 50, default: 10, required: false });
    return { ...total, InstanceList: { Instance: instances } };
  }),
};

export const antiDdosOriginActions: ActionTable = {
  DescribeInstanceList: regional(({ params }, region) => {
    const { items, total } = page(region.antiDdosOriginInstances, params, { number: 'PageNo', total: 'Total', max: 50, default: 10, required: true });
    return { ...total, InstanceList: items };
  }),
  DescribePackIpList: regional(({ params }, region) => {
    const id = params.required('InstanceId');
    const ips = region.antiDdosPackIps.get(id);
    if (!ips) throw invalidParameter('InstanceId', id);
    const { items, total } = page(ips, params, { number: 'PageNo', total: 'Total', max: 50, default: 10, required: true });
    return { ...total, Code: '200', Success: true, IpList: items };
  }),
};

export const antiDdosProActions: ActionTable = {
  DescribeInstances: global(({ params, account }) => {
    const { items, total } = page(account.antiDdosPro.instances, params, { number: 'PageNumber', total: 'TotalCount', max: 50, default: 10, required: true });
    return { ...total, Instances: items };
  }),
  DescribeWebAccessLogDispatchStatus: global(({ params, account }) => {
    const { items, total } = page(account.antiDdosPro.websites, params, { number: 'PageNumber', total: 'TotalCount', max: 10, default: 10, required: false });
    return { ...total, SlsConfigStatus: items };
  }),
};
