// WAF 3.0 (waf-openapi 2021-10-01). Every action takes RegionId, which names the site
// (DescribeDomainsRequest.ts: cn-hangzhou the Chinese mainland, ap-southeast-1 outside it); without one the
// emulator answers for the mainland site. Envelopes: the SDK models named in ./shapes.ts.
import { invalidParameter } from '../../api-error.js';
import type { ApiObject } from '../../fill.js';
import { paginate } from '../../paging.js';
import type { Params } from '../../params.js';
import { global, type ActionContext, type ActionTable } from '../../rpc/action.js';
import type { WafSiteIndex } from './account-index.js';

/** DescribeDomains PageSize: maximum 50 (waf-openapi_2021-10-01.api-docs.json), default 10 (DescribeDomainsRequest.ts) */
const DOMAIN_PAGING = { style: 'page-number', max: 50, default: 10 } as const;
/** DescribeCloudResources PageSize: 10 to 100 (waf-openapi_2021-10-01.api-docs.json), default 10 */
const CLOUD_RESOURCE_PAGING = { style: 'page-number', max: 100, default: 10 } as const;
/** DescribeDefenseRules PageSize: default 10 (DescribeDefenseRulesRequest.ts); the metadata gives no maximum, 100 here */
const RULE_PAGING = { style: 'page-number', max: 100, default: 10 } as const;
const SITES = ['cn-hangzhou', 'ap-southeast-1'];
/**
 * DescribeCloudResources without ResourceProduct lists the ALB, MSE, FC and SAE instances only
 * (api-waf-openapi-2021-10-01-describecloudresources, ResourceProduct: 默认返回 ALB、MSE、FC 和 SAE 产品的实例).
 */
const DEFAULT_CLOUD_PRODUCTS = ['alb', 'mse', 'fc', 'sae'];

function siteOf(params: Params): string {
  const site = params.get('RegionId') ?? 'cn-hangzhou';
  if (!SITES.includes(site)) throw invalidParameter('RegionId', site);
  return site;
}

/** An action of the site's instance: InstanceId is required and must be the instance of the site. */
const ofInstance = (handle: (context: ActionContext, site: WafSiteIndex) => ApiObject) =>
  global((context) => {
    const instanceId = context.params.required('InstanceId');
    const site = context.account.waf.sites.get(siteOf(context.params));
    if (!site || site.instance.InstanceId !== instanceId) throw invalidParameter('InstanceId', instanceId);
    return handle(context, site);
  });

export const wafActions: ActionTable = {
  // Without an instance on the site the answer is the RequestId alone: no InstanceId.
  DescribeInstance: global(({ params, account }) => account.waf.sites.get(siteOf(params))?.instance ?? {}),

  DescribeDomains: ofInstance(({ params }, site) => {
    const { items, fields } = paginate(site.domainItems, params, DOMAIN_PAGING);
    return { TotalCount: fields.TotalCount, Domains: items };
  }),

  DescribeDomainDetail: ofInstance(({ params }, site) => {
    const name = params.get('Domain');
    const id = params.get('DomainId');
    const detail = site.domainDetails.find((domain) => domain.Domain === name || (id !== undefined && domain.DomainId === id));
    if (!detail) throw invalidParameter('Domain', name ?? id ?? '');
    return detail;
  }),

  DescribeDefenseResourceTemplates: ofInstance(({ params }, site) => {
    const resource = params.required('Resource');
    const type = params.get('ResourceType') ?? 'single';
    if (!['single', 'group', 'asset'].includes(type)) throw invalidParameter('ResourceType', type);
    // every emulated template applies to single protected objects
    const templates = type === 'single' ? site.templates.filter((entry) => entry.resources.has(resource)).map((entry) => entry.template) : [];
    return { Templates: templates };
  }),

  DescribeDefenseRules: ofInstance(({ params }, site) => {
    const type = params.get('DefenseType') ?? 'template';
    if (!['template', 'resource', 'global'].includes(type)) throw invalidParameter('DefenseType', type);
    const query = params.get('Query');
    let templateId: unknown;
    try {
      templateId = query === undefined ? undefined : (JSON.parse(query) as { templateId?: unknown }).templateId;
    } catch {
      throw invalidParameter('Query', query ?? '');
    }
    const rules = type === 'template' ? site.templates.flatMap((entry) => entry.rules) : [];
    const { items, fields } = paginate(templateId === undefined ? rules : rules.filter((rule) => rule.TemplateId === templateId), params, RULE_PAGING);
    return { TotalCount: fields.TotalCount, Rules: items };
  }),

  DescribeResourceLogStatus: ofInstance(({ params }, site) => {
    const resources = params.required('Resources').split(',').map((name) => name.trim());
    return { Result: resources.filter((name) => site.logStatus.has(name)).map((name) => ({ Resource: name, Status: site.logStatus.get(name) })) };
  }),

  DescribeCloudResources: ofInstance(({ params }, site) => {
    const product = params.get('ResourceProduct');
    const products = product === undefined ? DEFAULT_CLOUD_PRODUCTS : [product];
    const listed = site.cloudResources.filter((resource) => products.includes(String(resource.ResourceProduct)));
    const { items, fields } = paginate(listed, params, CLOUD_RESOURCE_PAGING);
    return { TotalCount: fields.TotalCount, CloudResources: items };
  }),

  DescribeCloudResourceAccessedPorts: ofInstance(({ params }, site) => {
    const id = params.required('ResourceInstanceId');
    const ports = site.accessedPorts.get(id);
    if (!ports) throw invalidParameter('ResourceInstanceId', id);
    return ports;
  }),
};
