// WAF 3.0 records: the zod schemas are the only definition; the TypeScript types are inferred from them.
// WAF answers per site (cn-hangzhou: the Chinese mainland, ap-southeast-1: outside it), each for many
// regions: none of these records is regional.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/**
 * The WAF 3.0 instance of one site, or the fact that the site has none (`instanceId` null: DescribeInstance
 * answered without an InstanceId, as it does for an account that bought no WAF 3.0 there). The id is the site.
 */
export const wafInstance = z.strictObject({
  /** the site: cn-hangzhou (the Chinese mainland) | ap-southeast-1 (outside it) */
  id: text,
  /** the scanned regions this site serves */
  regions: z.array(text),
  /** null: no WAF 3.0 instance on this site */
  instanceId: nullableText,
  /** DescribeInstance Edition, e.g. default_version; null when there is no instance */
  edition: nullableText,
  /** DescribeInstance Status: 1 normal, 2 expired, 3 released; null when not reported */
  status: z.number().nullable(),
  /** PREPAY | POSTPAY; null when not reported */
  payType: nullableText,
  /** DescribeInstance InDebt 1: an overdue payment */
  inDebt: z.boolean(),
  /** when the subscription ends; null when there is none */
  expiresAt: nullableText,
});
export type WafInstance = z.infer<typeof wafInstance>;

/**
 * What the basic protection (waf_group) templates in force on a protected object do with an attack:
 * `block` when an enabled template has an enabled rule that blocks, `monitor` when enabled rules only
 * observe, `off` when no enabled basic protection template with an enabled rule applies.
 */
export const basicProtectionMode = z.enum(['block', 'monitor', 'off']);
export type BasicProtectionMode = z.infer<typeof basicProtectionMode>;

/** A domain added to WAF in CNAME mode (DescribeDomains, with DescribeDomainDetail). The id is the domain. */
export const wafDomain = z.strictObject({
  id: text,
  /** the site whose instance protects it */
  site: text,
  instanceId: text,
  cname: nullableText,
  /** 1 normal, 2 being created, 3 being modified, 4 being released, 5 WAF no longer forwards its traffic */
  status: z.number().nullable(),
  httpPorts: z.array(z.number()),
  httpsPorts: z.array(z.number()),
  /** origin addresses (IPs or domain names) WAF forwards to */
  backends: z.array(text),
  /** the protected object WAF names for the domain (DescribeDomainDetail DomainId, e.g. www.example.com-waf); undefined when unknown */
  protectedObject: nullableText.optional(),
  /** HTTP requests are redirected to HTTPS (Listen.FocusHttps); undefined when the detail is unknown */
  forceHttps: z.boolean().optional(),
  /** the lowest TLS version accepted (Listen.TLSVersion: tlsv1 | tlsv1.1 | tlsv1.2 | tlsv1.3); null without HTTPS */
  tlsVersion: nullableText.optional(),
  /** what basic protection does on this domain's protected object; undefined when unknown */
  basicProtection: basicProtectionMode.optional(),
  /** the domain's access and attack logs are delivered to Log Service (DescribeResourceLogStatus); undefined when unknown */
  logEnabled: z.boolean().optional(),
});
export type WafDomain = z.infer<typeof wafDomain>;

/**
 * A cloud resource added to WAF in cloud-native mode (DescribeCloudResources): an ALB, a CLB (clb4 / clb7),
 * an ECS instance, ... The id is the resource's instance id and the region its own, so that a check of an
 * ECS instance or a load balancer listener finds it by (region, id) and its ports.
 */
export const wafProtectedResource = z.strictObject({
  /** the resource's instance id (i-..., lb-..., alb-...) */
  id: text,
  /** the resource's region */
  region: text,
  /** ResourceProduct: alb | clb4 | clb7 | ecs | fc | sae | mse | ... */
  product: text,
  site: text,
  instanceId: text,
  name: nullableText,
  /** the address WAF protects on it (ResourceInstanceIp) */
  ip: nullableText,
  /** the ports added to WAF (DescribeCloudResourceAccessedPorts); undefined when unknown */
  httpPorts: z.array(z.number()).optional(),
  httpsPorts: z.array(z.number()).optional(),
});
export type WafProtectedResource = z.infer<typeof wafProtectedResource>;
