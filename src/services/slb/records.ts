// Classic Load Balancer (CLB) records: the zod schemas are the only definition; the TypeScript types are
// inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** A CLB instance (DescribeLoadBalancers). */
export const slbLoadBalancer = z.strictObject({
  id: text,
  region: text,
  name: text,
  /** internet | intranet */
  addressType: text,
  address: text,
  /** inactive | active | locked */
  status: text,
  /** vpc | classic */
  networkType: text,
  vpcId: nullableText,
});
export type SlbLoadBalancer = z.infer<typeof slbLoadBalancer>;

/** A CLB listener (DescribeLoadBalancerListeners), with what a rule about its exposure needs of its balancer. */
export const slbListener = z.strictObject({
  /** `<load balancer id>:<protocol>:<port>`: CLB listeners have no id of their own */
  id: text,
  region: text,
  loadBalancerId: text,
  /** the balancer's internet | intranet; null when no listed balancer has the id; undefined when they could not be listed */
  addressType: nullableText.optional(),
  /** http | https | tcp | udp (as the API spells them) */
  protocol: text,
  port: z.number().int(),
  /** running | stopped | starting | configuring | stopping */
  status: text,
  /** HTTPS: the server certificate (DescribeServerCertificates); null otherwise */
  serverCertificateId: nullableText,
  /** HTTPS: tls_cipher_policy_1_0 ... or a custom policy id (tls-...); null otherwise */
  tlsCipherPolicy: nullableText,
  /**
   * HTTPS: the TLS versions the policy allows (TLSv1.0 ... TLSv1.3); [] for other protocols; undefined when
   * a custom policy could not be read
   */
  tlsVersions: z.array(text).optional(),
  /** HTTP: requests are forwarded (redirected) to an HTTPS listener (ListenerForward on); null otherwise */
  redirectsToHttps: z.boolean().nullable(),
});
export type SlbListener = z.infer<typeof slbListener>;

/** A server certificate uploaded to CLB in a region (DescribeServerCertificates), and the listeners using it. */
export const slbServerCertificate = z.strictObject({
  id: text,
  region: text,
  name: text,
  commonName: text,
  domains: z.array(text),
  expiresAt: nullableText,
  /** the Certificate Management Service certificate it comes from; null for one uploaded to CLB */
  casCertificateId: nullableText,
  /** the HTTPS listeners (slb.listener ids) that serve it; undefined when the listeners could not be listed */
  listenerIds: z.array(text).optional(),
});
export type SlbServerCertificate = z.infer<typeof slbServerCertificate>;
