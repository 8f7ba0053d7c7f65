// Certificate Management Service's slice of the account index: each site's certificates, with their dates.
import { fill, type ApiObject } from '../../fill.js';
import type { CasAccountModel, CasRegionModel } from './model.js';
import { certificateTemplate } from './shapes.js';

export interface CasCertificateEntry {
  item: ApiObject;
  notAfter: Date;
}

export interface CasRegionIndex {
  casCertificates: CasCertificateEntry[];
}

export interface CasAccountIndex {
  casActivated: boolean;
}

/** StartDate and EndDate are days (2022-11-17 in the SDK model's example). */
const day = (iso: string) => iso.slice(0, 10);

export function indexCasRegion(region: CasRegionModel): CasRegionIndex {
  return {
    casCertificates: region.casCertificates.map(({ NotBefore, NotAfter, ...authored }) => ({
      item: fill(
        fill(certificateTemplate(), {
          InstanceId: `cas-upload-${authored.CertificateId}`,
          CommonName: authored.Name,
          Sans: authored.Name,
          Fingerprint: String(authored.CertificateId).padStart(40, '0'),
          StartDate: day(NotBefore),
          EndDate: day(NotAfter),
        }),
        authored,
      ),
      notAfter: new Date(NotAfter),
    })),
  };
}

type CasInput = CasAccountModel & { regions: Record<string, CasRegionModel> };

export function indexCasAccount(model: CasInput): CasAccountIndex {
  const hasAny = Object.values(model.regions).some((region) => region.casCertificates.length > 0);
  return { casActivated: model.casActivated ?? hasAny };
}
