// Every RAM action the collectors call: the least-privilege policy `alicloud-audit policy` prints. A test
// scans the demo account and fails when a collector calls an action missing here.
import type { CallSite } from './api-error.js';
import { ramActionFor } from './api-error.js';

const CALLS: ReadonlyArray<Pick<CallSite, 'service' | 'action'>> = [
  ...['DescribeRegions', 'DescribeInstances', 'DescribeCloudAssistantStatus', 'DescribeSecurityGroups', 'DescribeSecurityGroupAttribute', 'DescribeDisks', 'DescribeSnapshots', 'DescribeAutoSnapshotPolicyEx', 'DescribeKeyPairs', 'DescribeUserBusinessBehavior'].map(
    (action) => ({ service: 'ecs' as const, action }),
  ),
  ...['DescribeVpcs', 'DescribeVSwitches', 'DescribeNetworkAcls', 'DescribeFlowLogs', 'DescribeEipAddresses'].map((action) => ({ service: 'vpc' as const, action })),
  ...['GetLoginProfile', 'GetUserMFAInfo', 'ListAccessKeys', 'GetAccessKeyLastUsed', 'ListGroupsForUser', 'ListPoliciesForUser', 'ListGroups', 'ListPoliciesForGroup', 'ListRoles', 'GetRole', 'ListPoliciesForRole', 'ListPolicies', 'GetPolicy'].map(
    (action) => ({ service: 'ram' as const, action }),
  ),
  ...['ListUsers', 'ListVirtualMFADevices', 'GetPasswordPolicy', 'GetSecurityPreference', 'GenerateCredentialReport', 'GetCredentialReport'].map((action) => ({ service: 'ims' as const, action })),
  ...['DescribeTrails', 'GetTrailStatus'].map((action) => ({ service: 'actiontrail' as const, action })),
  // Security Center is authorized under yundun-sas:
  ...['DescribeVersionConfig', 'DescribeCloudCenterInstances', 'DescribeVulList'].map((action) => ({ service: 'sas' as const, action })),
  ...['ListKeys', 'ListAliases', 'DescribeKey'].map((action) => ({ service: 'kms' as const, action })),
];

/** sts:GetCallerIdentity needs no permission; every other call is listed. */
export const REQUIRED_RAM_ACTIONS: readonly string[] = [...new Set(CALLS.map((call) => ramActionFor({ ...call, region: null })))].sort();

export function readOnlyPolicyDocument(): { Version: '1'; Statement: Array<{ Effect: 'Allow'; Action: string[]; Resource: '*' }> } {
  return { Version: '1', Statement: [{ Effect: 'Allow', Action: [...REQUIRED_RAM_ACTIONS], Resource: '*' }] };
}
