// Templates for WAF 3.0 (waf-openapi 2021-10-01) response items. The reference has no response schema for
// waf-openapi: the fields are those of the official SDK models, aliyun/alibabacloud-typescript-sdk
// waf-openapi-20211001/src/models/<Action>ResponseBody.ts (the class named above each template). Defaults
// describe a subscription instance in force and a domain on the default ports.
import type { ApiObject, ShapeContext } from '../../fill.js';

/** DescribeInstanceResponseBody (Status 1 normal, 2 expired, 3 released; InDebt "1" overdue; times in ms). */
export function instanceTemplate({ regionId }: ShapeContext): ApiObject {
  return {
    InstanceId: '',
    Edition: 'default_version',
    PayType: 'PREPAY',
    Status: 1,
    InDebt: '0',
    RegionId: regionId,
    StartTime: 1767225600000,
    EndTime: 1830297600000,
    // DescribeInstanceResponseBodyDetails: the edition's features, those a template may set
    Details: { LogService: true, BaseWafGroup: true, HttpPorts: '80,8080', HttpsPorts: '443,8443', DefenseObjectMaxCount: 20000 },
  };
}

/** DescribeDomainDetailResponseBody, with its Listen and Redirect (the origins in BackendList). */
export function domainDetailTemplate(): ApiObject {
  return {
    Domain: '',
    DomainId: '',
    Cname: '',
    Status: 1,
    ResourceManagerResourceGroupId: 'rg-acfmdefault',
    Listen: {
      HttpPorts: [80],
      HttpsPorts: [],
      CertId: '',
      FocusHttps: false,
      Http2Enabled: false,
      IPv6Enabled: false,
      ExclusiveIp: false,
      ProtectionResource: 'share',
      TLSVersion: 'tlsv1.2',
      EnableTLSv3: true,
      CipherSuite: 2,
      CustomCiphers: [],
      XffHeaderMode: 0,
      XffHeaders: [],
    },
    Redirect: {
      BackendList: [],
      BackUpBackendList: [],
      Loadbalance: 'iphash',
      FocusHttpBackend: false,
      Keepalive: true,
      KeepaliveRequests: 1000,
      KeepaliveTimeout: 15,
      Retry: true,
      SniEnabled: false,
      ConnectTimeout: 5,
      ReadTimeout: 120,
      WriteTimeout: 120,
      RequestHeaders: [],
    },
  };
}

/** DescribeDomainsResponseBodyDomains: the list item, built from the detail (ListenPorts, Backeds by protocol). */
export function domainItem(detail: ApiObject): ApiObject {
  const listen = detail.Listen as { HttpPorts: number[]; HttpsPorts: number[] };
  const backends = ((detail.Redirect as { BackendList: string[] }).BackendList ?? []).map((backend) => ({ Backend: backend }));
  return {
    Domain: detail.Domain,
    Cname: detail.Cname,
    Status: detail.Status,
    ResourceManagerResourceGroupId: detail.ResourceManagerResourceGroupId,
    ListenPorts: { Http: listen.HttpPorts, Https: listen.HttpsPorts },
    Backeds: { Http: listen.HttpPorts.length > 0 ? backends : [], Https: listen.HttpsPorts.length > 0 ? backends : [] },
  };
}

/** DescribeCloudResourcesResponseBodyCloudResources (ResourceProduct alb | mse | fc | sae | ecs | clb4 | clb7). */
export function cloudResourceTemplate({ accountId, regionId }: ShapeContext): ApiObject {
  return {
    ResourceInstanceId: '',
    ResourceInstanceName: '',
    ResourceInstanceIp: '',
    ResourceProduct: 'ecs',
    ResourceRegionId: regionId,
    OwnerUserId: accountId,
    HttpPortCount: 0,
    HttpsPortCount: 0,
  };
}

/** DescribeDefenseResourceTemplatesResponseBodyTemplates (TemplateStatus 1 enabled, 0 disabled). */
export function defenseTemplateTemplate(): ApiObject {
  return {
    TemplateId: 0,
    TemplateName: 'default',
    DefenseScene: 'waf_group',
    TemplateStatus: 1,
    TemplateType: 'user_default',
    TemplateOrigin: 'custom',
    Description: '',
    GmtModified: 1767225600000,
  };
}

/** DescribeDefenseRulesResponseBodyRules: Config is the rule's JSON, {"policyId":1012,"action":"block"} for basic protection. */
export function defenseRuleTemplate(): ApiObject {
  return {
    RuleId: 0,
    RuleName: 'basic-protection',
    TemplateId: 0,
    DefenseScene: 'waf_group',
    DefenseOrigin: 'custom',
    DefenseType: 'template',
    Status: 1,
    Config: '{"policyId":1012,"action":"block"}',
    GmtModified: 1767225600000,
  };
}
