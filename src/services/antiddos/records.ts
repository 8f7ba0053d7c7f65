// Anti-DDoS records: the free Origin Basic protection of each public IP (antiddos-public 2017-05-18), the
// Anti-DDoS Origin instances bought and the IPs they protect (ddosbgp 2018-07-20), and the Anti-DDoS Pro /
// Premium instances with the websites they proxy (ddoscoo 2020-01-01).
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** One public IP under Origin Basic (antiddos-public DescribeInstance: one item per IP of an ECS, CLB or EIP asset). */
export const basicProtectedIp = z.strictObject({
  /** the public IP */
  id: text,
  region: text,
  /** the asset holding the IP: an ECS instance, CLB instance or EIP id */
  assetId: text,
  /** ecs | slb | eip: the InstanceType the listing was asked for */
  assetType: text,
  assetName: text,
  /** normal | mitigating | blackholed (InstanceStatus, lower-cased); undefined when the answer gives none */
  status: text.optional(),
  /** traffic above which the IP is blackholed, Mbit/s (BlackholeThreshold); null when not given */
  blackholeThresholdMbps: z.number().nullable(),
  /** traffic above which scrubbing starts, Mbit/s (DefenseBpsThreshold) */
  scrubbingThresholdMbps: z.number().nullable(),
  /** packets above which scrubbing starts, pps (DefensePpsThreshold) */
  scrubbingThresholdPps: z.number().nullable(),
  /** v4 | v6 */
  ipVersion: nullableText,
  /** IsBgppack: Anti-DDoS Basic says the IP is added to an Anti-DDoS Origin instance */
  inOriginInstance: z.boolean(),
});
export type BasicProtectedIp = z.infer<typeof basicProtectedIp>;

/** An IP an Anti-DDoS Origin instance protects (DescribePackIpList IpList[]). */
export const originProtectedIp = z.strictObject({
  ip: text,
  /** the IP's region; the instance's own when the API leaves it out */
  region: text,
  /** ECS | SLB | EIP | WAF */
  product: nullableText,
  /** normal | hole_begin (blackholed) */
  status: nullableText,
});
export type OriginProtectedIp = z.infer<typeof originProtectedIp>;

/** An Anti-DDoS Origin instance (ddosbgp DescribeInstanceList InstanceList[]) with its protected IPs. */
export const originInstance = z.strictObject({
  id: text,
  region: text,
  remark: nullableText,
  /** the raw Status of DescribeInstanceList */
  status: nullableText,
  expiresAt: nullableText,
  /** the commodity (e.g. ddos_ddosorigin_public_cn for pay-as-you-go Origin 2.0) */
  commodityType: nullableText,
  protectedIps: z.array(originProtectedIp),
});
export type OriginInstance = z.infer<typeof originInstance>;

/** An Anti-DDoS Pro / Premium instance (ddoscoo DescribeInstances Instances[]); `region` is the site that answers for it. */
export const proInstance = z.strictObject({
  id: text,
  region: text,
  /** the instance's own (proxy) IP */
  ip: nullableText,
  /** mitigation plan: 0 Insurance, 1 Unlimited, 2 CMA (outside the mainland), 9 Profession (mainland) */
  edition: z.number().nullable(),
  /** Enabled 1: it forwards service traffic */
  forwarding: z.boolean(),
  /** Status 1 normal, 2 expired */
  expired: z.boolean(),
  expiresAt: nullableText,
  remark: nullableText,
});
export type ProInstance = z.infer<typeof proInstance>;

/** A website proxied by Anti-DDoS Pro / Premium and whether its full access log goes to Log Service. */
export const proWebsite = z.strictObject({
  /** the domain */
  id: text,
  region: text,
  /** DescribeWebAccessLogDispatchStatus SlsConfigStatus[].Enable; undefined when the answer gives none */
  accessLogEnabled: z.boolean().optional(),
});
export type ProWebsite = z.infer<typeof proWebsite>;
