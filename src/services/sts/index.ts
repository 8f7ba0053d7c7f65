// STS (sts 2015-04-01): the scan's GetCallerIdentity (src/scan/collect.ts), which needs no permission. No
// records and no collector; listed so that its calls have a service.
import { defineService } from '../service.js';

export default defineService({ name: 'sts', records: {}, regional: false, actions: [] });
