// ActionTrail (actiontrail 2020-07-06): trails are listed in every scanned region, but a trail is an
// account fact (a multi-region trail answers for regions it was not listed in).
import { defineService } from '../service.js';
import { trail } from './records.js';

export default defineService({
  name: 'actiontrail',
  records: { 'actiontrail.trail': trail },
  regional: false,
  actions: ['DescribeTrails', 'GetTrailStatus'],
  collector: { load: async () => (await import('./collector.js')).collectActionTrail },
});
