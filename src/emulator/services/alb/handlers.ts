// Application Load Balancer 2020-06-16. No action takes a RegionId (alb_2020-06-16.api-docs.json): the region is
// the endpoint's (../../rpc/region-by-endpoint.ts). Every listing pages by NextToken with MaxResults "1 to 100",
// default 20 (List*Request.d.ts); envelopes: the List*ResponseBody.d.ts models (items, MaxResults, NextToken,
// TotalCount).
import { ApiError } from '../../api-error.js';
import type { ApiObject } from '../../fill.js';
import { paginate } from '../../paging.js';
import type { Params } from '../../params.js';
import { regional, type ActionContext, type ActionTable } from '../../rpc/action.js';
import type { RegionIndex } from '../../account-index.js';
import { SYSTEM_SECURITY_POLICIES } from './shapes.js';

const PAGING = { style: 'next-token', max: 100, default: 20 } as const;

/**
 * What an account that has not activated ALB is told. Neither the reference nor the SDK lists the code: this
 * one is an assumption, in the family api-error.ts classifies as not-activated (which is what the collector
 * reads, not the code).
 */
const notActivated = () => new ApiError(403, 'OperationDenied.ServiceNotOpen', 'You have not activated Application Load Balancer.');

/** A regional ALB action, answered only once the account activated ALB. */
const alb = (handle: (context: ActionContext, region: RegionIndex) => ApiObject) =>
  regional((context, region) => {
    if (!context.account.albActivated) throw notActivated();
    return handle(context, region);
  });

function page(items: readonly ApiObject[], params: Params, name: string): ApiObject {
  const { items: slice, fields } = paginate(items, params, PAGING);
  return { [name]: slice, MaxResults: Math.min(params.int('MaxResults') ?? PAGING.default, PAGING.max), NextToken: fields.NextToken, TotalCount: items.length };
}

/** An array parameter (ListenerIds, LoadBalancerIds): the SDK flattens it as Name.1, Name.2 ... */
const filterBy = (items: readonly ApiObject[], params: Params, parameter: string, field: string) => {
  const wanted = params.repeatList(parameter);
  return wanted.length === 0 ? items : items.filter((item) => wanted.includes(item[field] as string));
};

export const albActions: ActionTable = {
  ListLoadBalancers: alb(({ params }, region) => page(filterBy(region.albLoadBalancers, params, 'LoadBalancerIds', 'LoadBalancerId'), params, 'LoadBalancers')),

  ListListeners: alb(({ params }, region) =>
    page(filterBy(filterBy(region.albListeners, params, 'LoadBalancerIds', 'LoadBalancerId'), params, 'ListenerIds', 'ListenerId'), params, 'Listeners'),
  ),

  ListListenerCertificates: alb(({ params }, region) => {
    const certificates = region.albListenerCertificates.get(params.required('ListenerId'));
    if (!certificates) throw new ApiError(404, 'ResourceNotFound.Listener', 'The specified resource Listener is not found.');
    return page(certificates, params, 'Certificates');
  }),

  ListRules: alb(({ params }, region) => page(filterBy(region.albRules, params, 'ListenerIds', 'ListenerId'), params, 'Rules')),

  ListSecurityPolicies: alb(({ params }, region) => page(filterBy(region.albSecurityPolicies, params, 'SecurityPolicyIds', 'SecurityPolicyId'), params, 'SecurityPolicies')),

  // not paged: the system policies, the same in every region
  ListSystemSecurityPolicies: alb(() => ({ SecurityPolicies: [...SYSTEM_SECURITY_POLICIES] })),
};
