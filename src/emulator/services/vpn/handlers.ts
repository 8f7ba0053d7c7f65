// VPN Gateway's actions of VPC 2016-04-28, answered by the VPC product (see ./index.ts). Page caps and
// defaults: each PageSize description in openapi-meta/vpc_2016-04-28.api-docs.json (1~50, default 10).
import { listPage, regional, whereEq, type ActionTable } from '../../rpc/action.js';

const PAGING = { style: 'page-number', max: 50, default: 10 } as const;

export const vpnActions: ActionTable = {
  DescribeVpnGateways: regional(({ params }, region) => {
    let items = whereEq(region.vpnGateways, 'VpnGatewayId', params.get('VpnGatewayId'));
    items = whereEq(items, 'VpcId', params.get('VpcId'));
    items = whereEq(items, 'Status', params.get('Status'));
    return listPage(items, params, PAGING, 'VpnGateways', 'VpnGateway');
  }),

  DescribeVpnConnections: regional(({ params }, region) => {
    let items = whereEq(region.vpnConnections, 'VpnConnectionId', params.get('VpnConnectionId'));
    items = whereEq(items, 'VpnGatewayId', params.get('VpnGatewayId'));
    items = whereEq(items, 'CustomerGatewayId', params.get('CustomerGatewayId'));
    return listPage(items, params, PAGING, 'VpnConnections', 'VpnConnection');
  }),

  DescribeSslVpnServers: regional(({ params }, region) => {
    let items = whereEq(region.sslVpnServers, 'SslVpnServerId', params.get('SslVpnServerId'));
    items = whereEq(items, 'VpnGatewayId', params.get('VpnGatewayId'));
    items = whereEq(items, 'Name', params.get('Name'));
    return listPage(items, params, PAGING, 'SslVpnServers', 'SslVpnServer');
  }),
};
