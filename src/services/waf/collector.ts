// WAF 3.0 (waf-openapi 2021-10-01): the instance of each site, the domains added in CNAME mode with their
// listeners, origins, basic protection mode and log delivery, and the cloud resources added in cloud-native
// mode with their ports. There is no SDK package: callRpc with the hosts of waf-openapi_2021-10-01.api-docs.json
// `endpoints` (wafopenapi.cn-hangzhou.aliyuncs.com, wafopenapi.ap-southeast-1.aliyuncs.com); every action
// takes RegionId, which names the site (DescribeInstanceResponseBody.ts RegionId: cn-hangzhou the Chinese
// mainland, ap-southeast-1 outside it). Response shapes: aliyun/alibabacloud-typescript-sdk
// waf-openapi-20211001/src/models/<Action>ResponseBody.ts, named beside each call.
import { callOrGap, listOrGap, optional, siteOf, type CollectorContext } from '../context.js';
import { callRpc, malformedAnswer } from '../rpc-call.js';
import type { BasicProtectionMode, WafDomain, WafInstance, WafProtectedResource } from './records.js';

const VERSION = '2021-10-01';

export type WafSite = 'cn-hangzhou' | 'ap-southeast-1';

/** the cn-* region ids outside the Chinese mainland */
const OUTSIDE_MAINLAND: ReadonlySet<string> = new Set(['cn-hongkong']);

/**
 * The WAF site that serves a region: the Chinese mainland site (cn-hangzhou) for the mainland regions, the
 * international site (ap-southeast-1) for every other, Hong Kong included (it is outside the mainland).
 * The `endpoints` of the metadata list only these two.
 */
export function wafSite(region: string): WafSite {
  return region.startsWith('cn-') && !OUTSIDE_MAINLAND.has(region) ? 'cn-hangzhou' : 'ap-southeast-1';
}

/** DescribeDomains PageSize: maximum 50 (waf-openapi_2021-10-01.api-docs.json) */
const DOMAIN_PAGE = 50;
/** DescribeCloudResources PageSize: minimum 10, maximum 100 (waf-openapi_2021-10-01.api-docs.json) */
const CLOUD_RESOURCE_PAGE = 100;
/**
 * DescribeCloudResources without ResourceProduct lists the ALB, MSE, FC and SAE instances only; the ECS and
 * CLB ones (ecs, clb4 CLB TCP, clb7 CLB HTTP/HTTPS) are listed by naming their product
 * (api-waf-openapi-2021-10-01-describecloudresources, ResourceProduct). undefined: the default listing.
 */
const CLOUD_RESOURCE_PRODUCTS = [undefined, 'ecs', 'clb4', 'clb7'] as const;
/** DescribeDefenseRules PageSize: the metadata gives no maximum; 10 is the default DescribeDefenseRulesRequest.ts documents */
const RULE_PAGE = 10;
/**
 * The basic protection scenes (DescribeDefenseTemplatesResponseBody.ts DefenseScene waf_group; CreateDefenseRule
 * doc, api-waf-openapi-2021-10-01-createdefenserule: waf_group basic protection, waf_base the new web core protection).
 */
const BASIC_PROTECTION_SCENES = new Set(['waf_group', 'waf_base']);
/** TemplateStatus and rule Status: 1 enabled, 0 disabled (DescribeDefenseResourceTemplatesResponseBody.ts, DescribeDefenseRulesResponseBody.ts) */
const ENABLED = 1;
/**
 * The action of a basic protection rule, in its Config JSON (DescribeDefenseRulesResponseBody.ts example
 * {"policyId":1012,"action":"block"}; CreateDefenseRule doc, waf_group `action`: block intercepts, monitor observes).
 */
const RULE_ACTIONS = new Set(['block', 'monitor']);

interface RawInstance {
  InstanceId?: string;
  Edition?: string;
  Status?: number;
  PayType?: string;
  InDebt?: string;
  EndTime?: number;
}

interface RawDomain {
  Domain?: string;
  Cname?: string;
  Status?: number;
  ListenPorts?: { Http?: number[]; Https?: number[] };
  Backeds?: { Http?: Array<{ Backend?: string }>; Https?: Array<{ Backend?: string }> };
}

interface RawDomainDetail {
  DomainId?: string;
  Listen?: { FocusHttps?: boolean; TLSVersion?: string; HttpsPorts?: number[] };
}

interface RawTemplate {
  TemplateId?: number;
  DefenseScene?: string;
  TemplateStatus?: number;
}

interface RawRule {
  Status?: number;
  Config?: string;
}

interface RawCloudResource {
  ResourceInstanceId?: string;
  ResourceRegionId?: string;
  ResourceProduct?: string;
  ResourceInstanceName?: string;
  ResourceInstanceIp?: string;
}

type Call = <T>(action: string, query?: Record<string, string | undefined>) => Promise<T>;

const site = siteOf('waf');

export async function collectWaf(ctx: CollectorContext): Promise<void> {
  const regionsBySite = new Map<WafSite, string[]>();
  for (const region of ctx.regions) {
    const siteRegion = wafSite(region);
    regionsBySite.set(siteRegion, [...(regionsBySite.get(siteRegion) ?? []), region]);
  }
  const answers = await Promise.all([...regionsBySite].map(([siteRegion, regions]) => collectSite(ctx, siteRegion, regions)));
  // a collection is added when at least one site could be read; the gaps of the others say what is missing
  const instances = merged(answers.map((answer) => answer.instance));
  const domains = merged(answers.map((answer) => answer.domains));
  const resources = merged(answers.map((answer) => answer.resources));
  if (instances) ctx.inventory.add('waf.instance', instances);
  if (domains) ctx.inventory.add('waf.domain', domains);
  if (resources) ctx.inventory.add('waf.protected-resource', resources);
}

const merged = <T>(lists: Array<T[] | undefined>): T[] | undefined =>
  lists.some((list) => list !== undefined) ? lists.flatMap((list) => list ?? []) : undefined;

interface SiteAnswer {
  instance: WafInstance[] | undefined;
  domains: WafDomain[] | undefined;
  resources: WafProtectedResource[] | undefined;
}

async function collectSite(ctx: CollectorContext, siteRegion: WafSite, regions: string[]): Promise<SiteAnswer> {
  const call: Call = (action, query = {}) =>
    callRpc(ctx, { host: `wafopenapi.${siteRegion}.aliyuncs.com`, version: VERSION, region: siteRegion, regionId: siteRegion, action, query });

  // DescribeInstanceResponseBody.ts. Without WAF 3.0 on the site the answer carries no InstanceId
  // (aliyun/terraform-provider-alicloud, WafOpenapiService.DescribeWafv3Instance, reads that as "not
  // found"): a fact, not a gap.
  const raw = await callOrGap(ctx, { site: site(siteRegion, 'DescribeInstance'), affects: ['waf.instance', 'waf.domain', 'waf.protected-resource'] }, () =>
    call<RawInstance>('DescribeInstance'),
  );
  if (raw === undefined || raw === null) return { instance: undefined, domains: undefined, resources: undefined };
  const instanceId = optional(raw.InstanceId);
  const instance: WafInstance = {
    id: siteRegion,
    regions: [...regions].sort(),
    instanceId,
    edition: instanceId === null ? null : optional(raw.Edition),
    status: instanceId === null ? null : (raw.Status ?? null),
    payType: instanceId === null ? null : optional(raw.PayType),
    inDebt: raw.InDebt === '1',
    expiresAt: instanceId !== null && typeof raw.EndTime === 'number' && raw.EndTime > 0 ? new Date(raw.EndTime).toISOString() : null,
  };
  if (instanceId === null) return { instance: [instance], domains: [], resources: [] };

  const withInstance: Call = (action, query = {}) => call(action, { InstanceId: instanceId, ...query });
  const [domains, resources] = await Promise.all([
    collectDomains(ctx, siteRegion, instanceId, withInstance),
    collectCloudResources(ctx, siteRegion, instanceId, withInstance),
  ]);
  return { instance: [instance], domains, resources };
}

async function collectDomains(ctx: CollectorContext, siteRegion: WafSite, instanceId: string, call: Call): Promise<WafDomain[] | undefined> {
  // DescribeDomainsResponseBody.ts: Domains[], TotalCount
  const listed = await listOrGap(ctx, {
    site: site(siteRegion, 'DescribeDomains'),
    affects: ['waf.domain'],
    paging: { style: 'pageNumber', cap: DOMAIN_PAGE },
    fetch: async ({ pageNumber, size }) => {
      const body = await call<{ Domains?: RawDomain[]; TotalCount?: number }>('DescribeDomains', { PageNumber: String(pageNumber), PageSize: String(size) });
      return { items: body.Domains ?? [], ...(body.TotalCount === undefined ? {} : { totalCount: Number(body.TotalCount) }) };
    },
  });
  if (!listed) return undefined;
  const rulesOfTemplate = templateRules(ctx, siteRegion, call);
  return Promise.all(
    listed.map(async (raw): Promise<WafDomain> => {
      const domain = raw.Domain ?? '';
      const backends = [...(raw.Backeds?.Http ?? []), ...(raw.Backeds?.Https ?? [])].map((backend) => backend.Backend ?? '').filter(Boolean);
      const record: WafDomain = {
        id: domain,
        site: siteRegion,
        instanceId,
        cname: optional(raw.Cname),
        status: raw.Status ?? null,
        httpPorts: raw.ListenPorts?.Http ?? [],
        httpsPorts: raw.ListenPorts?.Https ?? [],
        backends: [...new Set(backends)],
      };
      return { ...record, ...(await domainDetail(ctx, siteRegion, domain, call, rulesOfTemplate)) };
    }),
  );
}

type DomainDetail = Pick<WafDomain, 'protectedObject' | 'forceHttps' | 'tlsVersion' | 'basicProtection' | 'logEnabled'>;

/** The listener detail, protection mode and log status of one domain; each field left out stays unknown (its gap says why). */
async function domainDetail(
  ctx: CollectorContext,
  siteRegion: WafSite,
  domain: string,
  call: Call,
  rulesOfTemplate: (templateId: number) => Promise<TemplateRule[] | undefined>,
): Promise<DomainDetail> {
  // DescribeDomainDetailResponseBody.ts: DomainId (the protected object), Listen.FocusHttps, Listen.TLSVersion
  const detail = await callOrGap(
    ctx,
    {
      site: site(siteRegion, 'DescribeDomainDetail'),
      affects: ['waf.domain'],
      resourceId: domain,
      fields: ['protectedObject', 'forceHttps', 'tlsVersion', 'basicProtection', 'logEnabled'],
    },
    async () => {
      const body = await call<RawDomainDetail>('DescribeDomainDetail', { Domain: domain });
      if (optional(body.DomainId) === null) throw malformedAnswer(`DescribeDomainDetail of ${domain} answered without a DomainId`);
      return body;
    },
  );
  if (!detail) return {};
  const protectedObject = detail.DomainId!;
  const known: DomainDetail = {
    protectedObject,
    forceHttps: detail.Listen?.FocusHttps === true,
    tlsVersion: (detail.Listen?.HttpsPorts ?? []).length > 0 ? optional(detail.Listen?.TLSVersion) : null,
  };
  const fieldSite = (action: string, field: keyof DomainDetail) => ({ site: site(siteRegion, action), affects: ['waf.domain' as const], resourceId: domain, fields: [field] });
  const [basicProtection, logEnabled] = await Promise.all([
    callOrGap(ctx, fieldSite('DescribeDefenseResourceTemplates', 'basicProtection'), async () => {
      // DescribeDefenseResourceTemplatesResponseBody.ts: Templates[] with DefenseScene, TemplateStatus
      const body = await call<{ Templates?: RawTemplate[] }>('DescribeDefenseResourceTemplates', { Resource: protectedObject, ResourceType: 'single' });
      return body.Templates ?? [];
    }).then((templates) => (templates ? protectionMode(templates, rulesOfTemplate) : undefined)),
    callOrGap(ctx, fieldSite('DescribeResourceLogStatus', 'logEnabled'), async () => {
      // DescribeResourceLogStatusResponseBody.ts: Result[] of { Resource, Status }
      const body = await call<{ Result?: Array<{ Resource?: string; Status?: boolean }> }>('DescribeResourceLogStatus', { Resources: protectedObject });
      const status = body.Result?.find((result) => result.Resource === protectedObject)?.Status;
      if (typeof status !== 'boolean') throw malformedAnswer(`DescribeResourceLogStatus gave no Status for ${protectedObject}`);
      return status;
    }),
  ]);
  return {
    ...known,
    ...(basicProtection === undefined ? {} : { basicProtection }),
    ...(typeof logEnabled === 'boolean' ? { logEnabled } : {}),
  };
}

/** A rule of a template as the mode needs it: the action of its Config, null while the rule is disabled. */
type TemplateRule = string | null;

/** The mode of the enabled basic protection templates on a protected object; undefined when a template's rules are unknown. */
async function protectionMode(
  templates: RawTemplate[],
  rulesOfTemplate: (templateId: number) => Promise<TemplateRule[] | undefined>,
): Promise<BasicProtectionMode | undefined> {
  const enabled = templates.filter((template) => BASIC_PROTECTION_SCENES.has(template.DefenseScene ?? '') && template.TemplateStatus === ENABLED);
  const rules = await Promise.all(enabled.map((template) => rulesOfTemplate(template.TemplateId ?? -1)));
  if (rules.some((list) => list === undefined)) return undefined;
  const actions = rules.flatMap((list) => list ?? []).filter((action) => action !== null);
  if (actions.includes('block')) return 'block';
  return actions.length > 0 ? 'monitor' : 'off';
}

/**
 * The rules of each template, listed once however many domains it applies to. A failure leaves the
 * basic protection of every domain unknown (the gap names no single domain).
 */
function templateRules(ctx: CollectorContext, siteRegion: WafSite, call: Call): (templateId: number) => Promise<TemplateRule[] | undefined> {
  const listed = new Map<number, Promise<TemplateRule[] | undefined>>();
  return (templateId) => {
    let rules = listed.get(templateId);
    if (!rules) {
      rules = listOrGap(ctx, {
        site: site(siteRegion, 'DescribeDefenseRules'),
        affects: ['waf.domain'],
        fields: ['basicProtection'],
        paging: { style: 'pageNumber', cap: RULE_PAGE },
        fetch: async ({ pageNumber, size }) => {
          // DescribeDefenseRulesResponseBody.ts: Rules[] with Status and Config, TotalCount
          const body = await call<{ Rules?: RawRule[]; TotalCount?: number }>('DescribeDefenseRules', {
            DefenseType: 'template',
            Query: JSON.stringify({ templateId }),
            PageNumber: String(pageNumber),
            PageSize: String(size),
          });
          // read here, inside the call, so that an undocumented action is a malformed answer (a gap)
          const items = (body.Rules ?? []).map((rule) => templateRule(templateId, rule));
          return { items, ...(body.TotalCount === undefined ? {} : { totalCount: Number(body.TotalCount) }) };
        },
      });
      listed.set(templateId, rules);
    }
    return rules;
  };
}

/** An enabled rule whose action is not one WAF documents leaves the mode unknown (malformed), never guessed. */
function templateRule(templateId: number, rule: RawRule): TemplateRule {
  if (rule.Status !== ENABLED) return null;
  let action: unknown;
  try {
    action = (JSON.parse(rule.Config ?? '{}') as { action?: unknown }).action;
  } catch {
    throw malformedAnswer(`a rule of template ${templateId} has a Config that is not JSON`);
  }
  if (typeof action === 'string' && RULE_ACTIONS.has(action)) return action;
  throw malformedAnswer(`a rule of template ${templateId} has the action ${JSON.stringify(action)}, not block or monitor`);
}

async function collectCloudResources(
  ctx: CollectorContext,
  siteRegion: WafSite,
  instanceId: string,
  call: Call,
): Promise<WafProtectedResource[] | undefined> {
  // DescribeCloudResourcesResponseBody.ts: CloudResources[], TotalCount; one listing per product group, and
  // the resources are known only when every one of them was read
  const listings = await Promise.all(
    CLOUD_RESOURCE_PRODUCTS.map((product) =>
      listOrGap(ctx, {
        site: site(siteRegion, 'DescribeCloudResources'),
        affects: ['waf.protected-resource'],
        paging: { style: 'pageNumber', cap: CLOUD_RESOURCE_PAGE },
        fetch: async ({ pageNumber, size }) => {
          const body = await call<{ CloudResources?: RawCloudResource[]; TotalCount?: number }>('DescribeCloudResources', {
            ResourceProduct: product,
            PageNumber: String(pageNumber),
            PageSize: String(size),
          });
          return { items: body.CloudResources ?? [], ...(body.TotalCount === undefined ? {} : { totalCount: Number(body.TotalCount) }) };
        },
      }),
    ),
  );
  if (listings.some((listing) => listing === undefined)) return undefined;
  const listed = listings.flatMap((listing) => listing ?? []);
  return Promise.all(
    listed.map(async (raw): Promise<WafProtectedResource> => {
      const id = raw.ResourceInstanceId ?? '';
      const record: WafProtectedResource = {
        id,
        region: raw.ResourceRegionId ?? '',
        product: (raw.ResourceProduct ?? '').toLowerCase(),
        site: siteRegion,
        instanceId,
        name: optional(raw.ResourceInstanceName),
        ip: optional(raw.ResourceInstanceIp),
      };
      // DescribeCloudResourceAccessedPortsResponseBody.ts: Http[], Https[]
      const ports = await callOrGap(
        ctx,
        { site: site(siteRegion, 'DescribeCloudResourceAccessedPorts'), affects: ['waf.protected-resource'], resourceId: id, fields: ['httpPorts', 'httpsPorts'] },
        () => call<{ Http?: number[]; Https?: number[] }>('DescribeCloudResourceAccessedPorts', { ResourceInstanceId: id }),
      );
      return ports ? { ...record, httpPorts: ports.Http ?? [], httpsPorts: ports.Https ?? [] } : record;
    }),
  );
}
