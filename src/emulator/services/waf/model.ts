// WAF 3.0's slice of the account model: the instance bought on each site (none: the site answers
// DescribeInstance without an InstanceId), its CNAME domains, its cloud-native resources and the basic
// protection templates that apply to them.
import { z } from 'zod';
import { duplicates, resource, type Expect } from '../../model-fields.js';
import { cloudResourceTemplate, defenseTemplateTemplate, domainDetailTemplate, instanceTemplate } from './shapes.js';

const domainSchema = resource(
  domainDetailTemplate,
  {
    Domain: z.string().min(1),
    // Not a DescribeDomainDetail field: what DescribeResourceLogStatus answers for its protected object.
    LogEnabled: z.boolean().default(false),
  },
  ['LogEnabled'],
);

const cloudResourceSchema = resource(
  cloudResourceTemplate,
  {
    ResourceInstanceId: z.string().min(1),
    ResourceProduct: z.enum(['alb', 'mse', 'fc', 'sae', 'ecs', 'clb4', 'clb7']).optional(),
    // Not DescribeCloudResources fields: what DescribeCloudResourceAccessedPorts answers for it.
    HttpPorts: z.array(z.number().int()).default([]),
    HttpsPorts: z.array(z.number().int()).default([]),
  },
  ['HttpPorts', 'HttpsPorts'],
);

const defenseTemplateSchema = resource(
  defenseTemplateTemplate,
  {
    TemplateId: z.number().int().positive(),
    TemplateStatus: z.union([z.literal(0), z.literal(1)]).optional(),
    // Not template fields: the protected objects it applies to (DescribeDefenseResourceTemplates) and its
    // rules (DescribeDefenseRules), each with the action of its Config and its Status.
    Resources: z.array(z.string()).default([]),
    Rules: z.array(z.strictObject({ Action: z.enum(['block', 'monitor']), Status: z.union([z.literal(0), z.literal(1)]).default(1) })).default([]),
  },
  ['Resources', 'Rules'],
);

const wafSiteSchema = resource(
  instanceTemplate,
  {
    // the site: DescribeInstanceResponseBody.ts RegionId
    RegionId: z.enum(['cn-hangzhou', 'ap-southeast-1']),
    InstanceId: z.string().min(1),
    Domains: z.array(domainSchema).default([]),
    CloudResources: z.array(cloudResourceSchema).default([]),
    DefenseTemplates: z.array(defenseTemplateSchema).default([]),
  },
  ['Domains', 'CloudResources', 'DefenseTemplates'],
);

const wafAccount = z.strictObject({
  /** the WAF 3.0 instances, one per site at most; none: the account bought no WAF 3.0 */
  waf: z.array(wafSiteSchema).default([]),
});

/** top-level account model fields for WAF */
export const wafAccountFields = wafAccount.shape;
export type WafAccountModel = z.output<typeof wafAccount>;
export type WafSiteModel = WafAccountModel['waf'][number];

/** The protected object WAF names for a CNAME domain (DescribeDomainDetailResponseBody.ts DomainId example www.aliyundoc.com-waf). */
export const protectedObjectOf = (domain: { Domain: string; DomainId?: unknown }) =>
  typeof domain.DomainId === 'string' && domain.DomainId !== '' ? domain.DomainId : `${domain.Domain}-waf`;

/** One instance per site; a template applies to protected objects of its instance. */
export function checkWafAccount(model: WafAccountModel, expect: Expect): void {
  duplicates(model.waf.map((site) => site.RegionId)).forEach((site) => expect(false, ['waf'], `two WAF instances on site ${site}`));
  model.waf.forEach((site, index) => {
    const objects = new Set([...site.Domains.map(protectedObjectOf), ...site.CloudResources.map((resource) => resource.ResourceInstanceId)]);
    site.DefenseTemplates.forEach((template, templateIndex) =>
      template.Resources.forEach((name) =>
        expect(objects.has(name), ['waf', index, 'DefenseTemplates', templateIndex, 'Resources'], `${name} is no protected object of ${site.InstanceId}`),
      ),
    );
  });
}
