// Certificate Management Service (cas 2020-04-07), authorized under yundun-cert: (the RAM action of
// https://help.aliyun.com/document_detail/455804.html). Its sites answer for many regions at once, so its
// records are not regional.
import { defineService } from '../service.js';
import { casCertificate } from './records.js';
import { $Cas } from './sdk.js';

export default defineService({
  name: 'cas',
  ramNamespace: 'yundun-cert',
  records: { 'cas.certificate': casCertificate },
  regional: false,
  actions: ['ListUserCertificateOrder'],
  collector: { load: async () => (await import('./collector.js')).collectCas, sdks: [$Cas] },
});
