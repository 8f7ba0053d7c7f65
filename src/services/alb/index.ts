// Application Load Balancer (alb 2020-06-16), per region.
import { defineService } from '../service.js';
import { albListener, albLoadBalancer } from './records.js';
import { $Alb } from './sdk.js';

export default defineService({
  name: 'alb',
  records: { 'alb.load-balancer': albLoadBalancer, 'alb.listener': albListener },
  regional: true,
  actions: ['ListLoadBalancers', 'ListListeners', 'ListSystemSecurityPolicies', 'ListSecurityPolicies', 'ListListenerCertificates', 'ListRules'],
  collector: { load: async () => (await import('./collector.js')).collectAlb, sdks: [$Alb] },
});
