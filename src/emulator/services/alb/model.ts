// Application Load Balancer's slice of the account model: each region's balancers with their listeners (and
// each listener's certificates and forwarding rules), the custom security policies, and whether the account
// activated ALB.
import { z } from 'zod';
import { idWithPrefix, resource, type Expect } from '../../model-fields.js';
import { listenerTemplate, loadBalancerTemplate, ruleTemplate, securityPolicyTemplate, SYSTEM_SECURITY_POLICIES } from './shapes.js';

const ruleSchema = resource(ruleTemplate, { RuleId: idWithPrefix('rule-') });

const listenerSchema = resource(
  listenerTemplate,
  {
    ListenerId: idWithPrefix('lsn-'),
    ListenerProtocol: z.enum(['HTTP', 'HTTPS', 'QUIC']),
    ListenerPort: z.number().int().min(1).max(65535),
    // Not ListListeners fields: its certificates (ListListenerCertificates, CAS ids) and rules (ListRules)
    Certificates: z.array(z.string()).default([]),
    Rules: z.array(ruleSchema).default([]),
  },
  ['Certificates', 'Rules'],
);

const loadBalancerSchema = resource(
  loadBalancerTemplate,
  {
    LoadBalancerId: idWithPrefix('alb-'),
    AddressType: z.enum(['Internet', 'Intranet']).optional(),
    // Not a ListLoadBalancers field: the balancer's listeners (ListListeners)
    Listeners: z.array(listenerSchema).default([]),
  },
  ['Listeners'],
);

const albRegion = z.strictObject({
  albLoadBalancers: z.array(loadBalancerSchema).default([]),
  albSecurityPolicies: z.array(resource(securityPolicyTemplate, { SecurityPolicyId: idWithPrefix('spy-') })).default([]),
});
const albAccount = z.strictObject({
  /** false: every ALB call answers "not activated"; by default activated when the account has a balancer */
  albActivated: z.boolean().optional(),
});

/** `regions.<id>.<field>` for ALB */
export const albRegionFields = albRegion.shape;
/** top-level account model fields for ALB */
export const albAccountFields = albAccount.shape;
export type AlbRegionModel = z.output<typeof albRegion>;
export type AlbAccountModel = z.output<typeof albAccount>;

const SYSTEM_POLICY_IDS = new Set(SYSTEM_SECURITY_POLICIES.map((policy) => policy.SecurityPolicyId as string));

/** A listener's security policy is a system one or a custom one of its region. */
export function checkAlbRegion(region: AlbRegionModel, regionId: string, expect: Expect): void {
  const custom = new Set(region.albSecurityPolicies.map((policy) => policy.SecurityPolicyId));
  region.albLoadBalancers.forEach((balancer, i) =>
    balancer.Listeners.forEach((listener, j) => {
      const policy = listener.SecurityPolicyId as string | undefined;
      if (policy) expect(SYSTEM_POLICY_IDS.has(policy) || custom.has(policy), ['albLoadBalancers', i, 'Listeners', j, 'SecurityPolicyId'], `security policy ${policy} is not in ${regionId}`);
    }),
  );
}
