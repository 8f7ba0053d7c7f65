// WAF 3.0 (waf-openapi 2021-10-01), authorized under yundun-waf: (the RAM table of each action's API
// reference, e.g. yundun-waf:DescribeResourceLogStatus). WAF answers per site for many regions at once:
// its records are not regional.
import { defineService } from '../service.js';
import { wafDomain, wafInstance, wafProtectedResource } from './records.js';

export default defineService({
  name: 'waf',
  ramNamespace: 'yundun-waf',
  records: { 'waf.instance': wafInstance, 'waf.domain': wafDomain, 'waf.protected-resource': wafProtectedResource },
  regional: false,
  actions: [
    'DescribeInstance',
    'DescribeDomains',
    'DescribeDomainDetail',
    'DescribeDefenseResourceTemplates',
    'DescribeDefenseRules',
    'DescribeResourceLogStatus',
    'DescribeCloudResources',
    'DescribeCloudResourceAccessedPorts',
  ],
  collector: { load: async () => (await import('./collector.js')).collectWaf },
});
