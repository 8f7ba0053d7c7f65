// Log Service (sls 2020-12-30, ROA), per region: projects, their logstores with retention, and alert rules.
import { defineService } from '../service.js';
import { $Sls } from './client.js';
import { slsAlert, slsLogstore, slsProject, slsService } from './records.js';

export default defineService({
  name: 'sls',
  // RAM actions are log:<Action> (the SDK's authorization tables, e.g. client.js CreateLogStore `log:CreateLogStore`)
  ramNamespace: 'log',
  records: { 'sls.service': slsService, 'sls.project': slsProject, 'sls.logstore': slsLogstore, 'sls.alert': slsAlert },
  regional: true,
  actions: ['GetSlsService', 'ListProject', 'ListLogStores', 'GetLogStore', 'ListAlerts'],
  collector: { load: async () => (await import('./collector.js')).collectSls, sdks: [$Sls] },
});
