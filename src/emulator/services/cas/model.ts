// Certificate Management Service's slice of the account model: the certificates of each CAS site (a region
// with a CAS endpoint, cn-hangzhou for the mainland), and whether the account activated the service.
import { z } from 'zod';
import { isoTime, resource } from '../../model-fields.js';
import { certificateTemplate } from './shapes.js';

const casCertificateSchema = resource(
  certificateTemplate,
  {
    CertificateId: z.number().int().positive(),
    Name: z.string().min(1),
    // Not API fields: the validity as ISO times (which `asOf` moves); StartDate, EndDate and Expired follow from them.
    NotBefore: isoTime,
    NotAfter: isoTime,
  },
  ['NotBefore', 'NotAfter'],
);

const casRegion = z.strictObject({ casCertificates: z.array(casCertificateSchema).default([]) });
const casAccount = z.strictObject({
  /** false: ListUserCertificateOrder answers "not activated"; by default activated when it holds a certificate */
  casActivated: z.boolean().optional(),
});

/** `regions.<id>.<field>` for CAS */
export const casRegionFields = casRegion.shape;
/** top-level account model fields for CAS */
export const casAccountFields = casAccount.shape;
export type CasRegionModel = z.output<typeof casRegion>;
export type CasAccountModel = z.output<typeof casAccount>;
