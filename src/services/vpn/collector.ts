// VPN Gateway (vpc 2016-04-28, the VPC product's API and client), per region: the VPN gateways, their IPsec
// connections with each tunnel's IKE and IPsec settings, and the SSL-VPN servers.
// Secrets: DescribeVpnConnections answers each connection's and each tunnel's pre-shared key (IkeConfig.Psk,
// TunnelIkeConfig.Psk) and the BGP auth key (VpnBgpConfig.AuthKey) in clear; the normalizers below copy
// named fields only, so those keys never reach a record, a log line or an output.
import { $Vpc } from '../../cloud/sdk.js';
import { forEachRegion, optional, sdkLists, type CollectorContext } from '../context.js';
import type { IkeConfig, IpsecConfig, SslVpnServer, VpnConnection, VpnGateway, VpnTunnel } from './records.js';

// each listing's cap is the 1~50 range of its PageSize in vpc_2016-04-28.api-docs.json (the descriptions;
// the three declare no `maximum`)
const api = sdkLists('vpn', (clients, region: string) => clients.vpc(region));

export async function collectVpn(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'vpn', async (region) => {
    await Promise.all([collectGateways(ctx, region), collectConnections(ctx, region), collectSslServers(ctx, region)]);
  });
}

// enable | disable: DescribeVpnGateways VpnGateways.VpnGateway[].IpsecVpn / SslVpn
const enabled = (value: string | undefined): boolean => value === 'enable';

const collectGateways = api.records('vpn.gateway', 'DescribeVpnGateways', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeVpnGatewaysWithOptions(new $Vpc.DescribeVpnGatewaysRequest(request), runtime),
  items: (body) => body.vpnGateways?.vpnGateway,
  normalize: (gateway, region): VpnGateway => ({
    id: gateway.vpnGatewayId ?? '',
    region,
    name: gateway.name ?? '',
    vpcId: gateway.vpcId ?? '',
    status: gateway.status ?? '',
    businessStatus: gateway.businessStatus ?? '',
    networkType: gateway.networkType ?? '',
    ipsecEnabled: enabled(gateway.ipsecVpn),
    sslEnabled: enabled(gateway.sslVpn),
  }),
});

interface RawIke {
  ikeVersion?: string;
  ikeMode?: string;
  ikeEncAlg?: string;
  ikeAuthAlg?: string;
  ikePfs?: string;
}
interface RawIpsec {
  ipsecEncAlg?: string;
  ipsecAuthAlg?: string;
  ipsecPfs?: string;
}

/** Absent or "" is unknown: a rule reading it gives error, never pass. */
const known = (value: string | undefined): string | undefined => optional(value) ?? undefined;

const ikeOf = (ike: RawIke | undefined): IkeConfig => ({
  version: known(ike?.ikeVersion),
  mode: known(ike?.ikeMode),
  encAlg: known(ike?.ikeEncAlg),
  authAlg: known(ike?.ikeAuthAlg),
  pfs: known(ike?.ikePfs),
});

const ipsecOf = (ipsec: RawIpsec | undefined): IpsecConfig => ({
  encAlg: known(ipsec?.ipsecEncAlg),
  authAlg: known(ipsec?.ipsecAuthAlg),
  pfs: known(ipsec?.ipsecPfs),
});

const collectConnections = api.records('vpn.connection', 'DescribeVpnConnections', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeVpnConnectionsWithOptions(new $Vpc.DescribeVpnConnectionsRequest(request), runtime),
  items: (body) => body.vpnConnections?.vpnConnection,
  normalize: (connection, region): VpnConnection => {
    // a dual-tunnel connection's settings are its tunnels' (TunnelOptionsSpecification.TunnelOptions[]); a
    // single-tunnel one has none and is configured by its own IkeConfig / IpsecConfig / Status
    const options = connection.tunnelOptionsSpecification?.tunnelOptions ?? [];
    const tunnels: VpnTunnel[] =
      options.length > 0
        ? options.map((tunnel) => ({
            id: optional(tunnel.tunnelId),
            role: optional(tunnel.role),
            status: known(tunnel.status),
            ike: ikeOf(tunnel.tunnelIkeConfig),
            ipsec: ipsecOf(tunnel.tunnelIpsecConfig),
          }))
        : [{ id: null, role: null, status: known(connection.status), ike: ikeOf(connection.ikeConfig), ipsec: ipsecOf(connection.ipsecConfig) }];
    const healthCheck = connection.vcoHealthCheck;
    return {
      id: connection.vpnConnectionId ?? '',
      region,
      name: connection.name ?? '',
      vpnGatewayId: optional(connection.vpnGatewayId),
      customerGatewayId: optional(connection.customerGatewayId),
      attachType: optional(connection.attachType),
      dualTunnel: options.length > 0,
      tunnels,
      // VcoHealthCheck.Enable is the string true | false
      healthCheck: healthCheck?.enable === 'true' ? { status: healthCheck.status ?? '' } : null,
    };
  },
});

const collectSslServers = api.records('vpn.ssl-server', 'DescribeSslVpnServers', {
  paging: { style: 'pageNumber', cap: 50 },
  page: (client, request, runtime) => client.describeSslVpnServersWithOptions(new $Vpc.DescribeSslVpnServersRequest(request), runtime),
  items: (body) => body.sslVpnServers?.sslVpnServer,
  normalize: (server, region): SslVpnServer => ({
    id: server.sslVpnServerId ?? '',
    region,
    name: server.name ?? '',
    vpnGatewayId: server.vpnGatewayId ?? '',
    cipher: known(server.cipher),
    compress: server.compress,
    proto: server.proto ?? '',
    port: server.port,
    multiFactorAuth: server.enableMultiFactorAuth,
  }),
});
