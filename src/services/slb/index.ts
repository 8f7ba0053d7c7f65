// Classic Load Balancer (slb 2014-05-15), per region.
import { defineService } from '../service.js';
import { slbListener, slbLoadBalancer, slbServerCertificate } from './records.js';

export default defineService({
  name: 'slb',
  records: { 'slb.load-balancer': slbLoadBalancer, 'slb.listener': slbListener, 'slb.server-certificate': slbServerCertificate },
  regional: true,
  actions: ['DescribeLoadBalancers', 'DescribeLoadBalancerListeners', 'DescribeServerCertificates', 'ListTLSCipherPolicies'],
  collector: { load: async () => (await import('./collector.js')).collectSlb },
});
