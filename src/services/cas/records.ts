// Certificate Management Service records: the zod schemas are the only definition; the TypeScript types are
// inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/**
 * A certificate of Certificate Management Service, issued by it or uploaded (ListUserCertificateOrder with
 * OrderType CERT). What uses it (CLB, ALB, CDN, WAF, OSS...) is not collected: each is evaluated as in use.
 */
export const casCertificate = z.strictObject({
  /** CertificateId, as text (the ALB and CLB listeners name it `<id>-<region>`) */
  id: text,
  /** the CAS site (endpoint region) that answered */
  region: text,
  name: text,
  commonName: text,
  /** every domain name of the certificate (Sans) */
  domains: z.array(text),
  issuer: text,
  /** uploaded by the customer rather than issued through CAS */
  uploaded: z.boolean(),
  fingerprint: text,
  /** StartDate, at 00:00 UTC of that day */
  validFrom: nullableText,
  /** EndDate, at 00:00 UTC of that day: the earliest the certificate may stop being valid */
  expiresAt: nullableText,
  /** CAS's own Expired flag */
  expired: z.boolean(),
});
export type CasCertificate = z.infer<typeof casCertificate>;
