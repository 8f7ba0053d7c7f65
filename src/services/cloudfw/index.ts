// Cloud Firewall (cloudfw 2017-12-07), authorized under yundun-cloudfirewall: (the RAM action of each
// operation in the public API reference, e.g. yundun-cloudfirewall:DescribeUserBuyVersion). A site answers
// for many regions at once, so none of its records is regional.
import { defineService } from '../service.js';
import { cloudFirewallAsset, cloudFirewallControlPolicy, cloudFirewallInstance, cloudFirewallVpcFirewall } from './records.js';

export default defineService({
  name: 'cloudfw',
  ramNamespace: 'yundun-cloudfirewall',
  records: {
    'cloudfw.instance': cloudFirewallInstance,
    'cloudfw.asset': cloudFirewallAsset,
    'cloudfw.control-policy': cloudFirewallControlPolicy,
    'cloudfw.vpc-firewall': cloudFirewallVpcFirewall,
  },
  regional: false,
  actions: ['DescribeUserBuyVersion', 'DescribeAssetList', 'DescribeControlPolicy', 'DescribeVpcFirewallList', 'DescribeVpcFirewallCenList'],
  collector: { load: async () => (await import('./collector.js')).collectCloudfw },
});
