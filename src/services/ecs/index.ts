// ECS (ecs 2014-05-26), per region.
import { $Ecs } from '../../cloud/sdk.js';
import { defineService } from '../service.js';
import { disk, ecsInstance, ecsRegionSetting, keyPair, securityGroup, snapshot, snapshotPolicy } from './records.js';

export default defineService({
  name: 'ecs',
  records: {
    'ecs.instance': ecsInstance,
    'ecs.security-group': securityGroup,
    'ecs.disk': disk,
    'ecs.snapshot': snapshot,
    'ecs.snapshot-policy': snapshotPolicy,
    'ecs.key-pair': keyPair,
    'ecs.region-setting': ecsRegionSetting,
  },
  regional: true,
  actions: [
    'DescribeRegions',
    'DescribeInstances',
    'DescribeCloudAssistantStatus',
    'DescribeSecurityGroups',
    'DescribeSecurityGroupAttribute',
    'DescribeDisks',
    'DescribeSnapshots',
    'DescribeAutoSnapshotPolicyEx',
    'DescribeKeyPairs',
    'DescribeUserBusinessBehavior',
  ],
  collector: { load: async () => (await import('./collector.js')).collectEcs, sdks: [$Ecs] },
});
