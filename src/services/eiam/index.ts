// IDaaS EIAM (eiam 2021-12-01), regional: the instances. No SDK package on openapi-core: called through
// callRpc. RAM actions under eiam: (API reference api-eiam-2021-12-01-listinstances: eiam:ListInstances).
// A folder apart from CloudSSO: each service has one RAM namespace and one `--services` name.
import { defineService } from '../service.js';
import { eiamInstance } from './records.js';

export default defineService({
  name: 'eiam',
  records: { 'eiam.instance': eiamInstance },
  regional: true,
  actions: ['ListInstances'],
  collector: { load: async () => (await import('./collector.js')).collectEiam },
});
