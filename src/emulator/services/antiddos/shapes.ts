// Templates for the Anti-DDoS response items. The reference has request schemas only for these products:
// the fields are those of the official SDK models (aliyun/alibabacloud-typescript-sdk):
// - antiddos-public-20170518/src/models/DescribeInstanceResponseBody.ts (InstanceList.Instance[], Total)
// - ddosbgp-20180720/src/models/DescribeInstanceListResponseBody.ts (InstanceList[], Total) and
//   DescribePackIpListResponseBody.ts (IpList[], Total, Code, Success)
// - ddoscoo-20200101/src/models/DescribeInstancesResponseBody.ts (Instances[], TotalCount) and
//   DescribeWebAccessLogDispatchStatusResponseBody.ts (SlsConfigStatus[], TotalCount)
// An account that bought no Origin or Pro instance gets an empty list (as terraform-provider-alicloud's
// ddoscoo instances data source reads it: an empty Instances ends the listing), not an error.
import type { ApiObject } from '../../fill.js';

/**
 * DescribeInstanceResponseBodyInstanceListInstance (all 11 fields). InstanceStatus: mitigating | blackholed |
 * normal. The default thresholds are the SDK model's examples (BlackholeThreshold 5200 Mbit/s, scrubbing at
 * 300 Mbit/s and 70000 pps).
 */
export function basicIpTemplate(): ApiObject {
  return {
    InstanceId: '',
    InstanceIp: '',
    InstanceName: '',
    InstanceType: 'ecs',
    InstanceStatus: 'normal',
    IpVersion: 'v4',
    IsBgppack: false,
    BlackholeThreshold: 5200,
    DefenseBpsThreshold: 300,
    DefensePpsThreshold: 70000,
    ElasticThreshold: 0,
  };
}

/** DescribeInstanceListResponseBodyInstanceList (all 15 fields; AutoProtectCondition.Events[]). */
export function originInstanceTemplate(): ApiObject {
  return {
    InstanceId: '',
    Remark: '',
    Status: '1',
    ExpireTime: 1830672000000,
    GmtCreate: 1767600000000,
    AutoRenewal: false,
    BlackholdingCount: '0',
    CommodityType: 'ddos_ddosorigin_public_intl',
    CoverageType: 1,
    DebtStatus: 0,
    InstanceType: '1',
    IpType: 'IPv4',
    Product: '',
    ResourceGroupId: 'rg-acfmdefault00',
    AutoProtectCondition: { Events: [] },
  };
}

/** DescribePackIpListResponseBodyIpList (all 9 fields). Status: normal | hole_begin; Region only for an IP of another region. */
export function packIpTemplate(): ApiObject {
  return { Ip: '', MemberUid: '', NsmExpireAt: 0, NsmStartAt: 0, NsmStatus: 0, Product: 'ECS', Region: '', Remark: '', Status: 'normal' };
}

/** DescribeInstancesResponseBodyInstances (all 13 fields). Edition 9: Profession (mainland); Status 1 normal, 2 expired; Enabled 1 forwarding. */
export function proInstanceTemplate(): ApiObject {
  return {
    InstanceId: '',
    Ip: '',
    Edition: 9,
    Enabled: 1,
    Status: 1,
    DebtStatus: 0,
    CreateTime: 1767600000000,
    ExpireTime: 1830672000000,
    IpMode: 'fnat',
    IpVersion: 'Ipv4',
    IsFirstOpenBw: 0,
    IsFirstOpenQps: 0,
    Remark: '',
  };
}

/** DescribeWebAccessLogDispatchStatusResponseBodySlsConfigStatus (both fields). */
export function webAccessLogStatusTemplate(): ApiObject {
  return { Domain: '', Enable: false };
}
