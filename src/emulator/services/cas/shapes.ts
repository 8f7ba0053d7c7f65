// Templates for Certificate Management Service (cas 2020-04-07) response items. The reference has request
// schemas only for CAS: the fields are those the SDK model documents as returned when OrderType is CERT or
// UPLOAD (node_modules/@alicloud/cas20200407/dist/client.d.ts ListUserCertificateOrderResponseBodyCertificateOrderList,
// the same as aliyun/alibabacloud-typescript-sdk cas-20200407 src/models/ListUserCertificateOrderResponseBody.ts).
// Defaults describe an issued single-domain certificate.
import type { ApiObject } from '../../fill.js';

/** Fields: ListUserCertificateOrderResponseBodyCertificateOrderList, the CERT / UPLOAD ones. */
export function certificateTemplate(): ApiObject {
  return {
    CertificateId: 0,
    InstanceId: '',
    Name: '',
    CommonName: '',
    Sans: '',
    Issuer: 'DigiCert',
    OrgName: '',
    Country: 'CN',
    Province: 'Zhejiang',
    City: 'Hangzhou',
    Fingerprint: '',
    SerialNo: '',
    Sha2: '',
    StartDate: '',
    EndDate: '',
    Expired: false,
    Upload: false,
    ResourceGroupId: '',
  };
}
