// Classic Load Balancer's slice of the account index: each region's items as served.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { SlbRegionModel } from './model.js';
import {
  httpListenerConfigTemplate,
  httpsListenerConfigTemplate,
  listenerTemplate,
  loadBalancerTemplate,
  serverCertificateTemplate,
  tlsCipherPolicyTemplate,
} from './shapes.js';

export interface SlbRegionIndex {
  slbLoadBalancers: ApiObject[];
  slbListeners: ApiObject[];
  slbServerCertificates: ApiObject[];
  slbTlsCipherPolicies: ApiObject[];
}

export function indexSlbRegion(region: SlbRegionModel, context: ShapeContext): SlbRegionIndex {
  const listenerOf = (loadBalancerId: string, { HTTPListenerConfig, HTTPSListenerConfig, ...authored }: SlbRegionModel['slbLoadBalancers'][number]['Listeners'][number]) => {
    const config =
      authored.ListenerProtocol === 'http'
        ? { HTTPListenerConfig: fill(httpListenerConfigTemplate(), HTTPListenerConfig ?? {}) }
        : authored.ListenerProtocol === 'https'
          ? { HTTPSListenerConfig: fill(httpsListenerConfigTemplate(), HTTPSListenerConfig ?? {}) }
          : {};
    return { ...fill(fill(listenerTemplate(), { LoadBalancerId: loadBalancerId, BackendServerPort: authored.ListenerPort }), authored), ...config };
  };
  return {
    slbLoadBalancers: region.slbLoadBalancers.map(({ Listeners: _listeners, ...authored }) => fill(loadBalancerTemplate(context), authored)),
    slbListeners: region.slbLoadBalancers.flatMap((balancer) => balancer.Listeners.map((listener) => listenerOf(balancer.LoadBalancerId, listener))),
    slbServerCertificates: region.slbServerCertificates.map((authored) =>
      fill(fill(serverCertificateTemplate(context), { ExpireTimeStamp: Date.parse(authored.ExpireTime), ServerCertificateName: authored.ServerCertificateId }), authored),
    ),
    slbTlsCipherPolicies: region.slbTlsCipherPolicies.map((authored) => fill(tlsCipherPolicyTemplate(), authored)),
  };
}
