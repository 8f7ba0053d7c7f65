// WAF's slice of the account index: what each site answers, from the instance bought there.
import { fill, type ApiObject } from '../../fill.js';
import type { WafAccountModel } from './model.js';
import { protectedObjectOf } from './model.js';
import { cloudResourceTemplate, defenseRuleTemplate, defenseTemplateTemplate, domainDetailTemplate, domainItem, instanceTemplate } from './shapes.js';

export interface WafSiteIndex {
  instance: ApiObject;
  /** DescribeDomainDetail answers, in the order DescribeDomains lists them */
  domainDetails: ApiObject[];
  domainItems: ApiObject[];
  /** DescribeResourceLogStatus, by protected object */
  logStatus: ReadonlyMap<string, boolean>;
  cloudResources: ApiObject[];
  /** DescribeCloudResourceAccessedPorts, by resource instance id */
  accessedPorts: ReadonlyMap<string, { Http: number[]; Https: number[] }>;
  templates: Array<{ template: ApiObject; resources: ReadonlySet<string>; rules: ApiObject[] }>;
}

export interface WafIndex {
  /** by site (cn-hangzhou, ap-southeast-1); a site missing here has no WAF 3.0 instance */
  sites: ReadonlyMap<string, WafSiteIndex>;
}

type WafInput = WafAccountModel & { accountId: string };

export function indexWaf(model: WafInput): { waf: WafIndex } {
  let ruleId = 0;
  const sites = new Map<string, WafSiteIndex>();
  for (const site of model.waf) {
    const { Domains, CloudResources, DefenseTemplates, ...instance } = site;
    const domainDetails = Domains.map(({ LogEnabled: _log, ...domain }) =>
      fill(domainDetailTemplate(), { Cname: `${domain.Domain.replace(/[^a-z0-9]/gi, '')}.cname.waf.example`, ...domain, DomainId: protectedObjectOf(domain) }),
    );
    const cloudResources = CloudResources.map(({ HttpPorts, HttpsPorts, ...resource }) =>
      fill(cloudResourceTemplate({ accountId: model.accountId, regionId: typeof resource.ResourceRegionId === 'string' ? resource.ResourceRegionId : site.RegionId }), {
        ...resource,
        HttpPortCount: HttpPorts.length,
        HttpsPortCount: HttpsPorts.length,
      }),
    );
    sites.set(site.RegionId, {
      instance: fill(instanceTemplate({ accountId: model.accountId, regionId: site.RegionId }), instance),
      domainDetails,
      domainItems: domainDetails.map(domainItem),
      logStatus: new Map(Domains.map((domain) => [protectedObjectOf(domain), domain.LogEnabled])),
      cloudResources,
      accessedPorts: new Map(CloudResources.map((resource) => [resource.ResourceInstanceId, { Http: resource.HttpPorts, Https: resource.HttpsPorts }])),
      templates: DefenseTemplates.map(({ Resources, Rules, ...template }) => {
        const filled = fill(defenseTemplateTemplate(), template);
        return {
          template: filled,
          resources: new Set(Resources),
          rules: Rules.map((rule) =>
            fill(defenseRuleTemplate(), {
              RuleId: ++ruleId,
              TemplateId: filled.TemplateId,
              DefenseScene: filled.DefenseScene,
              Status: rule.Status,
              Config: JSON.stringify({ policyId: 1012, action: rule.Action }),
            }),
          ),
        };
      }),
    });
  }
  return { waf: { sites } };
}
