// KMS (kms 2016-01-20), per region.
import { defineService } from '../service.js';
import { kmsKey } from './records.js';

export default defineService({
  name: 'kms',
  records: { 'kms.key': kmsKey },
  regional: true,
  actions: ['ListKeys', 'ListAliases', 'DescribeKey'],
  collector: { load: async () => (await import('./collector.js')).collectKms },
});
