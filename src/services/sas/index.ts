// Security Center (sas 2018-12-03), authorized under yundun-sas:. `sas.asset` records carry their instance's
// region, but Security Center answers per site for many regions at once, so a gap of that collection leaves
// every region unknown: its records are not regional.
import { defineService } from '../service.js';
import { securityCenterAsset, securityCenterConfig, securityCenterSettings } from './records.js';

export default defineService({
  name: 'sas',
  ramNamespace: 'yundun-sas',
  records: { 'sas.config': securityCenterConfig, 'sas.asset': securityCenterAsset, 'sas.settings': securityCenterSettings },
  regional: false,
  actions: [
    'DescribeVersionConfig',
    'DescribeCloudCenterInstances',
    'DescribeVulList',
    'DescribeCommonTargetResultList',
    'DescribeSuspiciousOverallConfig',
    'DescribeNoticeConfig',
    'DescribeUserBaselineAuthorization',
    'DescribeVulConfig',
    'DescribePropertyScheduleConfig',
    'DescribeLogMeta',
  ],
  collector: { load: async () => (await import('./collector.js')).collectSas },
});
