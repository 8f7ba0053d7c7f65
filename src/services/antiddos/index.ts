// Anti-DDoS: Origin Basic (antiddos-public 2017-05-18), Anti-DDoS Origin (ddosbgp 2018-07-20) and Anti-DDoS
// Pro / Premium (ddoscoo 2020-01-01). Each product has its own RAM code: yundun-ddos
// (https://www.alibabacloud.com/help/en/anti-ddos/basic-ddos-protection/developer-reference/api-antiddos-public-2017-05-18-ram),
// yundun-antiddosbag (https://www.alibabacloud.com/help/en/anti-ddos/anti-ddos-origin/developer-reference/api-ddosbgp-2018-07-20-ram)
// and yundun-ddoscoo (https://help.aliyun.com/zh/anti-ddos/anti-ddos-pro-and-premium/developer-reference/api-ddoscoo-2020-01-01-ram).
import { defineService } from '../service.js';
import { basicProtectedIp, originInstance, proInstance, proWebsite } from './records.js';

const ACTIONS_BY_NAMESPACE = {
  'yundun-ddos': ['DescribeInstance'],
  'yundun-antiddosbag': ['DescribeInstanceList', 'DescribePackIpList'],
  'yundun-ddoscoo': ['DescribeInstances', 'DescribeWebAccessLogDispatchStatus'],
} as const;

const byNamespace = Object.entries(ACTIONS_BY_NAMESPACE) as Array<[string, readonly string[]]>;

export default defineService({
  name: 'antiddos',
  ramNamespace: Object.fromEntries(byNamespace.flatMap(([namespace, actions]) => actions.map((action) => [action, namespace]))),
  records: {
    'antiddos.basic-ip': basicProtectedIp,
    'antiddos.origin-instance': originInstance,
    'antiddos.pro-instance': proInstance,
    'antiddos.pro-website': proWebsite,
  },
  // Pro's records carry the site that answers for them (cn-hangzhou or ap-southeast-1) as their region
  regional: true,
  actions: byNamespace.flatMap(([, actions]) => actions),
  collector: { load: async () => (await import('./collector.js')).collectAntiddos },
});
