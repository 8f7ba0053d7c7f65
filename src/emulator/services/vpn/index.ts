// VPN Gateway: VPN gateways, IPsec connections and SSL-VPN servers of each region. Its actions are VPC
// 2016-04-28's: the product table joins them into the VPC product (joinRpcVersions), the one that claims
// that version, under VPC's RAM name and denied code.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexVpnRegion } from './account-index.js';
import { vpnActions } from './handlers.js';
import { checkVpnRegion, vpnRegionFields } from './model.js';

export const vpn = defineService({
  regionFields: vpnRegionFields,
  checkRegion: checkVpnRegion,
  indexRegion: indexVpnRegion,
  products: [rpcProduct({ version: '2016-04-28', name: 'vpc', actions: vpnActions, deniedCode: 'Forbidden.RAM', host: regionalHost('vpc') })],
});
