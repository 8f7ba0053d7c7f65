// VPN Gateway (vpc 2016-04-28: the VPC product's API, SDK and RAM namespace), per region.
import { $Vpc } from '../../cloud/sdk.js';
import { defineService } from '../service.js';
import { sslVpnServer, vpnConnection, vpnGateway } from './records.js';

export default defineService({
  name: 'vpn',
  // RAM authorizes VPN Gateway's actions as VPC's: vpc:DescribeVpnGateways
  ramNamespace: 'vpc',
  records: {
    'vpn.gateway': vpnGateway,
    'vpn.connection': vpnConnection,
    'vpn.ssl-server': sslVpnServer,
  },
  regional: true,
  actions: ['DescribeVpnGateways', 'DescribeVpnConnections', 'DescribeSslVpnServers'],
  collector: { load: async () => (await import('./collector.js')).collectVpn, sdks: [$Vpc] },
});
