// VPN Gateway's slice of the account index: each region's gateways, connections and SSL-VPN servers as the
// full API items they are served as.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { VpnRegionModel } from './model.js';
import { sslVpnServerTemplate, tunnelTemplate, vpnConnectionTemplate, vpnGatewayTemplate } from './shapes.js';

export interface VpnRegionIndex {
  vpnGateways: ApiObject[];
  vpnConnections: ApiObject[];
  sslVpnServers: ApiObject[];
}

export function indexVpnRegion(region: VpnRegionModel, context: ShapeContext): VpnRegionIndex {
  return {
    vpnGateways: region.vpnGateways.map((authored) => fill(vpnGatewayTemplate(), authored)),
    vpnConnections: region.vpnConnections.map(({ TunnelOptionsSpecification, ...authored }) =>
      fill(vpnConnectionTemplate(), { ...authored, TunnelOptionsSpecification: TunnelOptionsSpecification.map((tunnel) => fill(tunnelTemplate(), tunnel)) }),
    ),
    sslVpnServers: region.sslVpnServers.map((authored) => fill(sslVpnServerTemplate(context), authored)),
  };
}
