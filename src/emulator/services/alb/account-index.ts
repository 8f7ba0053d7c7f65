// Application Load Balancer's slice of the account index: each region's items as served.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { AlbAccountModel, AlbRegionModel } from './model.js';
import { listenerCertificateTemplate, listenerTemplate, loadBalancerTemplate, ruleTemplate, securityPolicyTemplate } from './shapes.js';

export interface AlbRegionIndex {
  albLoadBalancers: ApiObject[];
  albListeners: ApiObject[];
  /** ListListenerCertificates items by ListenerId */
  albListenerCertificates: Map<string, ApiObject[]>;
  albRules: ApiObject[];
  albSecurityPolicies: ApiObject[];
}

export interface AlbAccountIndex {
  albActivated: boolean;
}

export function indexAlbRegion(region: AlbRegionModel, context: ShapeContext): AlbRegionIndex {
  const listeners = region.albLoadBalancers.flatMap((balancer) => balancer.Listeners.map((listener) => ({ balancer: balancer.LoadBalancerId, listener })));
  return {
    albLoadBalancers: region.albLoadBalancers.map(({ Listeners: _listeners, ...authored }) =>
      fill(fill(loadBalancerTemplate(context), { DNSName: `${authored.LoadBalancerId}.${context.regionId}.alb.aliyuncs.com` }), authored),
    ),
    albListeners: listeners.map(({ balancer, listener: { Certificates: _certificates, Rules: _rules, ...authored } }) =>
      fill(fill(listenerTemplate(), { LoadBalancerId: balancer, SecurityPolicyId: authored.ListenerProtocol === 'HTTP' ? '' : 'tls_cipher_policy_1_0' }), authored),
    ),
    albListenerCertificates: new Map(
      listeners.map(({ listener }) => [
        listener.ListenerId,
        listener.Certificates.map((id, i) => fill(listenerCertificateTemplate(), { CertificateId: id, IsDefault: i === 0 })),
      ]),
    ),
    albRules: listeners.flatMap(({ balancer, listener }) =>
      listener.Rules.map((rule) => fill(fill(ruleTemplate(), { ListenerId: listener.ListenerId, LoadBalancerId: balancer }), rule)),
    ),
    albSecurityPolicies: region.albSecurityPolicies.map((authored) => fill(securityPolicyTemplate(), authored)),
  };
}

type AlbInput = AlbAccountModel & { regions: Record<string, AlbRegionModel> };

export function indexAlbAccount(model: AlbInput): AlbAccountIndex {
  const hasAny = Object.values(model.regions).some((region) => region.albLoadBalancers.length > 0);
  return { albActivated: model.albActivated ?? hasAny };
}
