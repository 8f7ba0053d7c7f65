// VPC (vpc 2016-04-28), per region.
import { $Vpc } from '../../cloud/sdk.js';
import { defineService } from '../service.js';
import { eip, flowLog, networkAcl, routeTable, vpc, vSwitch } from './records.js';

export default defineService({
  name: 'vpc',
  records: {
    'vpc.vpc': vpc,
    'vpc.vswitch': vSwitch,
    'vpc.network-acl': networkAcl,
    'vpc.flow-log': flowLog,
    'vpc.eip': eip,
    'vpc.route-table': routeTable,
  },
  regional: true,
  actions: ['DescribeVpcs', 'DescribeVSwitches', 'DescribeNetworkAcls', 'DescribeFlowLogs', 'DescribeEipAddresses', 'DescribeRouteTableList', 'DescribeRouteEntryList'],
  collector: { load: async () => (await import('./collector.js')).collectVpc, sdks: [$Vpc] },
});
