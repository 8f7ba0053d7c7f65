// IDaaS EIAM 2021-12-01 response items. The reference has request schemas only for EIAM: the fields are
// those of the official SDK models (aliyun/alibabacloud-typescript-sdk, eiam-20211201 src/models/).
import type { ApiObject } from '../../fill.js';

/**
 * Fields: ListInstancesResponseBody.ts ListInstancesResponseBodyInstances (ReplicationConfiguration only
 * with CrossRegionReplication enabled: left out). A running, customer-managed instance.
 */
export function eiamInstanceTemplate(): ApiObject {
  return {
    CreateTime: 1767600000000,
    CrossRegionReplication: 'disabled',
    CrossRegionReplicationRole: 'primary',
    DefaultEndpoint: { Endpoint: '', Status: 'resolved' },
    Description: '',
    InstanceFailoverStatus: 'inactive',
    InstanceId: '',
    ManagedServiceCode: '',
    ServiceManaged: false,
    Status: 'running',
  };
}
