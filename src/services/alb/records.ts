// Application Load Balancer (ALB) records: the zod schemas are the only definition; the TypeScript types are
// inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** An ALB instance (ListLoadBalancers). */
export const albLoadBalancer = z.strictObject({
  id: text,
  region: text,
  name: text,
  /** Internet | Intranet */
  addressType: text,
  /** Inactive | Active | Provisioning | Configuring | CreateFailed */
  status: text,
  dnsName: text,
  vpcId: nullableText,
});
export type AlbLoadBalancer = z.infer<typeof albLoadBalancer>;

/** An ALB listener (ListListeners), with what a rule about its exposure needs of its balancer. */
export const albListener = z.strictObject({
  id: text,
  region: text,
  loadBalancerId: text,
  /** the balancer's Internet | Intranet; null when no listed balancer has the id; undefined when they could not be listed */
  addressType: nullableText.optional(),
  /** HTTP | HTTPS | QUIC */
  protocol: text,
  port: z.number().int(),
  /** Provisioning | Running | Configuring | Stopped */
  status: text,
  /** HTTPS / QUIC: a system policy (tls_cipher_policy_1_0 ...) or a custom one (spy-...); null otherwise */
  securityPolicyId: nullableText,
  /** HTTPS / QUIC: the TLS versions the policy allows (TLSv1.0 ... TLSv1.3); [] for HTTP; undefined when unknown */
  tlsVersions: z.array(text).optional(),
  /** HTTPS / QUIC: the certificate ids (ListListenerCertificates, CAS ids); [] for HTTP; undefined when unknown */
  certificateIds: z.array(text).optional(),
  /** HTTP: a forwarding rule redirects requests to HTTPS (ListRules); null otherwise; undefined when unknown */
  redirectsToHttps: z.boolean().nullable().optional(),
});
export type AlbListener = z.infer<typeof albListener>;
