// VPN Gateway records: the zod schemas are the only definition; the TypeScript types are inferred from them.
// No record holds a pre-shared key or a BGP auth key: the normalizers never copy them (see collector.ts).
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

export const vpnGateway = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpcId: text,
  /** init | provisioning | active | updating | deleting (DescribeVpnGateways VpnGateways.VpnGateway[].Status) */
  status: text,
  /** Normal | FinancialLocked */
  businessStatus: text,
  /** public | private */
  networkType: text,
  /** IpsecVpn is enable */
  ipsecEnabled: z.boolean(),
  /** SslVpn is enable */
  sslEnabled: z.boolean(),
});
export type VpnGateway = z.infer<typeof vpnGateway>;

/** One phase of the negotiation as configured; a field the API did not send is unknown (undefined), never "not weak". */
export const ikeConfig = z.strictObject({
  /** ikev1 | ikev2 */
  version: text.optional(),
  /** main | aggressive */
  mode: text.optional(),
  /** aes | aes192 | aes256 | des | 3des (sm4 on a national-standard gateway) */
  encAlg: text.optional(),
  /** md5 | sha1 | sha256 | sha384 | sha512 (sm3) */
  authAlg: text.optional(),
  /** the DH group: group1 | group2 | group5 | group14 */
  pfs: text.optional(),
});
export type IkeConfig = z.infer<typeof ikeConfig>;

export const ipsecConfig = z.strictObject({
  encAlg: text.optional(),
  authAlg: text.optional(),
  /** disabled | group1 | group2 | group5 | group14 */
  pfs: text.optional(),
});
export type IpsecConfig = z.infer<typeof ipsecConfig>;

/**
 * A tunnel of the connection: the one tunnel of a single-tunnel connection (its settings are the connection's
 * IkeConfig / IpsecConfig / Status, `id` and `role` null), or each of the master and slave tunnels of a
 * dual-tunnel one (TunnelOptionsSpecification.TunnelOptions[]).
 */
export const vpnTunnel = z.strictObject({
  id: nullableText,
  /** master | slave */
  role: nullableText,
  /** ike_sa_not_established | ike_sa_established | ipsec_sa_not_established | ipsec_sa_established */
  status: text.optional(),
  ike: ikeConfig,
  ipsec: ipsecConfig,
});
export type VpnTunnel = z.infer<typeof vpnTunnel>;

export const vpnConnection = z.strictObject({
  id: text,
  region: text,
  name: text,
  /** null for a connection attached to a transit router instead of a VPN gateway */
  vpnGatewayId: nullableText,
  customerGatewayId: nullableText,
  /** CEN | NO_ASSOCIATED | VPNGW, null when the API does not say */
  attachType: nullableText,
  dualTunnel: z.boolean(),
  tunnels: z.array(vpnTunnel),
  /** VcoHealthCheck: null when the connection has none enabled */
  healthCheck: z.strictObject({ status: text }).nullable(),
});
export type VpnConnection = z.infer<typeof vpnConnection>;

export const sslVpnServer = z.strictObject({
  id: text,
  region: text,
  name: text,
  vpnGatewayId: text,
  /** AES-128-CBC | AES-192-CBC | AES-256-CBC | none; unknown when the API does not send it */
  cipher: text.optional(),
  compress: z.boolean().optional(),
  /** TCP | UDP */
  proto: text,
  port: z.number().optional(),
  multiFactorAuth: z.boolean().optional(),
});
export type SslVpnServer = z.infer<typeof sslVpnServer>;
