// Classic Load Balancer's slice of the account model: each region's balancers with their listeners, server
// certificates and custom TLS policies, in the API's own fields.
import { z } from 'zod';
import { idWithPrefix, resource, type Expect } from '../../model-fields.js';
import {
  httpListenerConfigTemplate,
  httpsListenerConfigTemplate,
  listenerTemplate,
  loadBalancerTemplate,
  serverCertificateTemplate,
  tlsCipherPolicyTemplate,
} from './shapes.js';

const listenerSchema = resource(
  listenerTemplate,
  {
    ListenerProtocol: z.enum(['http', 'https', 'tcp', 'udp']),
    ListenerPort: z.number().int().min(1).max(65535),
    // Not fields of the listener template: its protocol's configuration, answered under the same names
    HTTPListenerConfig: resource(httpListenerConfigTemplate, {}).optional(),
    HTTPSListenerConfig: resource(httpsListenerConfigTemplate, {}).optional(),
  },
  ['HTTPListenerConfig', 'HTTPSListenerConfig'],
);

const loadBalancerSchema = resource(
  loadBalancerTemplate,
  {
    LoadBalancerId: idWithPrefix('lb-'),
    AddressType: z.enum(['internet', 'intranet']).optional(),
    // Not a DescribeLoadBalancers field: the balancer's listeners (DescribeLoadBalancerListeners)
    Listeners: z.array(listenerSchema).default([]),
  },
  ['Listeners'],
);

const serverCertificateSchema = resource(serverCertificateTemplate, {
  ServerCertificateId: z.string().min(1),
  ExpireTime: z.iso.datetime(),
});

const slbRegion = z.strictObject({
  slbLoadBalancers: z.array(loadBalancerSchema).default([]),
  slbServerCertificates: z.array(serverCertificateSchema).default([]),
  slbTlsCipherPolicies: z.array(resource(tlsCipherPolicyTemplate, { InstanceId: idWithPrefix('tls-') })).default([]),
});

/** `regions.<id>.<field>` for SLB */
export const slbRegionFields = slbRegion.shape;
export type SlbRegionModel = z.output<typeof slbRegion>;

/** A listener's server certificate and custom TLS policy exist in its region. */
export function checkSlbRegion(region: SlbRegionModel, regionId: string, expect: Expect): void {
  const certificates = new Set(region.slbServerCertificates.map((certificate) => certificate.ServerCertificateId));
  const policies = new Set(region.slbTlsCipherPolicies.map((policy) => policy.InstanceId));
  region.slbLoadBalancers.forEach((balancer, i) =>
    balancer.Listeners.forEach((listener, j) => {
      const https = listener.HTTPSListenerConfig as { ServerCertificateId?: string; TLSCipherPolicy?: string } | undefined;
      const path = ['slbLoadBalancers', i, 'Listeners', j, 'HTTPSListenerConfig'];
      if (https?.ServerCertificateId) expect(certificates.has(https.ServerCertificateId), path, `server certificate ${https.ServerCertificateId} is not in ${regionId}`);
      if (https?.TLSCipherPolicy?.startsWith('tls-')) expect(policies.has(https.TLSCipherPolicy), path, `TLS policy ${https.TLSCipherPolicy} is not in ${regionId}`);
    }),
  );
}
