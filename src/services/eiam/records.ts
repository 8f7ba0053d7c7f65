// IDaaS EIAM instances.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

/** ListInstances Instances[] (SDK model eiam-20211201 ListInstancesResponseBody) */
export const eiamInstance = z.strictObject({
  /** InstanceId */
  id: text,
  region: text,
  /** Status: creating | running (SDK model ListInstancesResponseBodyInstances.status) */
  status: text,
  description: text,
  createdAt: nullableText,
  /** DefaultEndpoint.Endpoint: the instance's sign-in domain */
  endpoint: nullableText,
  /** ServiceManaged / ManagedServiceCode: an instance another Alibaba Cloud service manages (e.g. sase) */
  serviceManaged: z.boolean(),
  managedServiceCode: nullableText,
});
export type EiamInstance = z.infer<typeof eiamInstance>;
