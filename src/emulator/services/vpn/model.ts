// VPN Gateway's slice of the account model: each region's VPN gateways, IPsec connections and SSL-VPN
// servers, in the VPC API's own fields. An account without them has none (the API answers empty lists:
// a VPN gateway is a resource bought per gateway, not a service to activate).
import { z } from 'zod';
import { idWithPrefix, resource, type Expect } from '../../model-fields.js';
import type { VpcRegionModel } from '../vpc/model.js';
import { sslVpnServerTemplate, tunnelTemplate, vpnConnectionTemplate, vpnGatewayTemplate } from './shapes.js';

// DescribeVpnConnections VpnConnections.VpnConnection[].Status (and each tunnel's)
const sa = z.enum(['ike_sa_not_established', 'ike_sa_established', 'ipsec_sa_not_established', 'ipsec_sa_established']);

const vpnGatewaySchema = resource(vpnGatewayTemplate, {
  VpnGatewayId: idWithPrefix('vpn-'),
  VpcId: z.string(),
  // DescribeVpnGateways VpnGateways.VpnGateway[].IpsecVpn / SslVpn
  IpsecVpn: z.enum(['enable', 'disable']).optional(),
  SslVpn: z.enum(['enable', 'disable']).optional(),
});

const vpnConnectionSchema = resource(vpnConnectionTemplate, {
  VpnConnectionId: idWithPrefix('vco-'),
  VpnGatewayId: z.string(),
  // null on a dual-tunnel connection, whose tunnels have the status (and the IKE and IPsec settings)
  Status: sa.nullable().optional(),
  // a dual-tunnel connection: its master and slave tunnels (TunnelOptionsSpecification.TunnelOptions[])
  TunnelOptionsSpecification: z.array(resource(tunnelTemplate, { TunnelId: idWithPrefix('tun-'), Role: z.enum(['master', 'slave']), Status: sa.optional() })).default([]),
});

const sslVpnServerSchema = resource(sslVpnServerTemplate, {
  SslVpnServerId: idWithPrefix('vss-'),
  VpnGatewayId: z.string(),
  // CreateSslVpnServer's Cipher and Proto parameters
  Cipher: z.enum(['AES-128-CBC', 'AES-192-CBC', 'AES-256-CBC', 'none']).optional(),
  Proto: z.enum(['TCP', 'UDP']).optional(),
});

const vpnRegion = z.strictObject({
  vpnGateways: z.array(vpnGatewaySchema).default([]),
  vpnConnections: z.array(vpnConnectionSchema).default([]),
  sslVpnServers: z.array(sslVpnServerSchema).default([]),
});

/** `regions.<id>.<field>` for VPN Gateway */
export const vpnRegionFields = vpnRegion.shape;
export type VpnRegionModel = z.output<typeof vpnRegion>;

/** A gateway is in a VPC of its region; a connection and an SSL-VPN server are on a gateway of it (an SSL one with SSL-VPN on). */
export function checkVpnRegion(region: VpnRegionModel & VpcRegionModel, regionId: string, expect: Expect): void {
  const vpcs = new Set(region.vpcs.map((v) => v.VpcId));
  const gateways = new Map(region.vpnGateways.map((gateway) => [gateway.VpnGatewayId, gateway]));
  region.vpnGateways.forEach((gateway, i) => expect(vpcs.has(gateway.VpcId), ['vpnGateways', i, 'VpcId'], `VPC ${gateway.VpcId} is not in ${regionId}`));
  region.vpnConnections.forEach((connection, i) =>
    expect(gateways.has(connection.VpnGatewayId), ['vpnConnections', i, 'VpnGatewayId'], `VPN gateway ${connection.VpnGatewayId} is not in ${regionId}`),
  );
  region.sslVpnServers.forEach((server, i) =>
    expect(
      gateways.get(server.VpnGatewayId)?.SslVpn === 'enable',
      ['sslVpnServers', i, 'VpnGatewayId'],
      `VPN gateway ${server.VpnGatewayId} is not in ${regionId} or has SSL-VPN off (SslVpn: enable)`,
    ),
  );
}
