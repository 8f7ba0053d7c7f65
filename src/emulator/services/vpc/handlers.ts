// VPC 2016-04-28. Page caps and defaults are those of the official API metadata; DescribeNetworkAcls
// and DescribeFlowLogs return their paging totals as strings, as the real API does.
// Every answer has the fields of response-examples/vpc_2016-04-28/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
import { ApiError, invalidParameter, missingParameter, regionNotFound } from '../../api-error.js';
import type { ApiObject } from '../../fill.js';
import { tokenPage } from '../../paging.js';
import { global, listPage, regional, whereEq, whereIn, type ActionTable } from '../../rpc/action.js';

export const vpcActions: ActionTable = {
  DescribeVpcs: regional(({ params }, region) => {
    let items = whereIn(region.vpcs, 'VpcId', params.get('VpcId')?.split(','));
    const isDefault = params.bool('IsDefault');
    if (isDefault !== undefined) items = items.filter((v) => v.IsDefault === isDefault);
    return listPage(items, params, { style: 'page-number', max: 50, default: 10 }, 'Vpcs', 'Vpc');
  }),

  // RegionId or VpcId: either one locates the vSwitches.
  DescribeVSwitches: global(({ params, account }) => {
    const regionId = params.get('RegionId');
    const vpcId = params.get('VpcId');
    if (regionId === undefined && vpcId === undefined) throw missingParameter('RegionId');
    const region = regionId
      ? account.regions.get(regionId)
      : [...account.regions.values()].find((r) => r.vpcs.some((v) => v.VpcId === vpcId));
    if (!region) throw regionNotFound();
    let items: readonly ApiObject[] = whereEq(region.vSwitches, 'VpcId', vpcId);
    items = whereEq(items, 'VSwitchId', params.get('VSwitchId'));
    items = whereEq(items, 'ZoneId', params.get('ZoneId'));
    return listPage(items, params, { style: 'page-number', max: 50, default: 10 }, 'VSwitches', 'VSwitch');
  }),

  DescribeNetworkAcls: regional(({ params }, region) => {
    let items = whereEq(region.networkAcls, 'NetworkAclId', params.get('NetworkAclId'));
    items = whereEq(items, 'VpcId', params.get('VpcId'));
    const resourceId = params.get('ResourceId');
    if (resourceId) {
      items = items.filter((acl) => ((acl.Resources as ApiObject).Resource as ApiObject[]).some((r) => r.ResourceId === resourceId));
    }
    return listPage(items, params, { style: 'page-number', max: 50, default: 10, totalsAsStrings: true }, 'NetworkAcls', 'NetworkAcl');
  }),

  DescribeFlowLogs: regional(({ params }, region) => {
    let items = whereEq(region.flowLogs, 'FlowLogId', params.get('FlowLogId'));
    items = whereEq(items, 'ResourceId', params.get('ResourceId'));
    items = whereEq(items, 'ResourceType', params.get('ResourceType'));
    const page = listPage(items, params, { style: 'page-number', max: 50, default: 20, totalsAsStrings: true }, 'FlowLogs', 'FlowLog');
    return { ...page, Success: 'true' };
  }),

  DescribeEipAddresses: regional(({ params }, region) => {
    let items = whereEq(region.eips, 'AllocationId', params.get('AllocationId'));
    items = whereEq(items, 'InstanceId', params.get('AssociatedInstanceId'));
    return listPage(items, params, { style: 'page-number', max: 100, default: 10 }, 'EipAddresses', 'EipAddress');
  }),

  // RouterType defaults to VRouter: only VPC route tables are modelled
  DescribeRouteTableList: regional(({ params }, region) => {
    const routerType = params.get('RouterType') ?? 'VRouter';
    let items: readonly ApiObject[] = routerType === 'VRouter' ? region.routeTables : [];
    items = whereEq(items, 'VpcId', params.get('VpcId'));
    items = whereEq(items, 'RouteTableId', params.get('RouteTableId'));
    items = whereEq(items, 'RouteTableType', params.get('RouteTableType'));
    return listPage(items, params, { style: 'page-number', max: 50, default: 10 }, 'RouterTableList', 'RouterTableListType');
  }),

  // MaxResult (singular): 1~100, default 10, as its description in the metadata says (its schema's maximum is 500)
  DescribeRouteEntryList: regional(({ params }, region) => {
    const tableId = params.required('RouteTableId');
    const entries = region.routeEntries.get(tableId);
    // vpc_2016-04-28.api-docs.json DescribeRouteEntryList errorCodes: 400 InvalidRouteTable.NotFound
    if (!entries) throw new ApiError(400, 'InvalidRouteTable.NotFound', `The specified route table ${tableId} does not exist.`);
    const items = whereEq(whereEq(entries, 'RouteEntryId', params.get('RouteEntryId')), 'DestinationCidrBlock', params.get('DestinationCidrBlock'));
    const requested = params.int('MaxResult') ?? 10;
    if (requested < 1) throw invalidParameter('MaxResult', String(requested));
    const page = tokenPage(items, params.get('NextToken'), Math.min(requested, 100));
    return { NextToken: page.next ?? '', RouteEntrys: { RouteEntry: page.items } };
  }),
};
