// Collectors against nock: paging across pages, the empty-page guard, RAM's 404 "absent" answers, denied
// calls turned into gaps for exactly what they affect.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectActionTrail } from '../src/services/actiontrail/collector.js';
import { collectEcs } from '../src/services/ecs/collector.js';
import { collectRam } from '../src/services/ram/collector.js';
import { collectVpc } from '../src/services/vpc/collector.js';
import { collectorContext } from './helpers/context.js';
import { alibabaError, EMPTY_ECS as emptyEcs, mockAlibaba, NOCK_ENDPOINT, type Handler } from './helpers/nock-alibaba.js';

const REGION = 'cn-hangzhou';
const build = (ctx: ReturnType<typeof collectorContext>) =>
  ctx.inventory.build({ accountId: ctx.accountId, collectedAt: '2026-11-29T00:00:00Z', regions: ctx.regions });


function permission(index: number, overrides: Record<string, unknown> = {}) {
  return {
    SecurityGroupRuleId: `sgr-${index}`,
    Direction: 'ingress',
    Policy: 'Accept',
    Priority: String((index % 100) + 1),
    IpProtocol: 'TCP',
    PortRange: `${1000 + index}/${1000 + index}`,
    SourceCidrIp: '10.0.0.0/8',
    ...overrides,
  };
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

describe('ECS collector', () => {
  it('reads every security group rule across NextToken pages at the 1000 cap', async () => {
    const calls = mockAlibaba({
      ...emptyEcs,
      DescribeSecurityGroups: () => [
        200,
        {
          RequestId: 'r',
          SecurityGroups: { SecurityGroup: [{ SecurityGroupId: 'sg-1', SecurityGroupName: 'web', VpcId: 'vpc-1', ServiceManaged: false }] },
          NextToken: '',
        },
      ],
      DescribeSecurityGroupAttribute: (query) => {
        const first = query.NextToken === undefined;
        const rules = first
          ? Array.from({ length: 1000 }, (_, index) => permission(index))
          : [permission(1000, { SourceCidrIp: '', Ipv6SourceCidrIp: '::/0', PortRange: '22/22', Policy: 'accept' })];
        return [200, { RequestId: 'r', SecurityGroupId: 'sg-1', Permissions: { Permission: rules }, NextToken: first ? 'page-2' : '' }];
      },
    });
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectEcs(ctx);
    const inventory = build(ctx);
    const [group] = inventory.resources['ecs.security-group'];
    expect(group?.rules).toHaveLength(1001);
    expect(group?.rules?.[1000]).toMatchObject({ ipv6SourceCidrIp: '::/0', sourceCidrIp: null, portRange: '22/22', policy: 'accept', priority: 1 });
    const attributeCalls = calls.filter((call) => call.action === 'DescribeSecurityGroupAttribute');
    expect(attributeCalls.map((call) => [call.query.MaxResults, call.query.NextToken, call.query.Direction])).toEqual([
      ['1000', undefined, 'all'],
      ['1000', 'page-2', 'all'],
    ]);
    expect(inventory.gaps).toEqual([]);
  });

  it('pages key pairs by PageNumber at the 50 cap until TotalCount', async () => {
    const calls = mockAlibaba({
      ...emptyEcs,
      DescribeKeyPairs: (query) => {
        const page = Number(query.PageNumber);
        const size = Math.min(Number(query.PageSize), 50);
        const names = Array.from({ length: 120 }, (_, index) => `key-${String(index).padStart(3, '0')}`);
        const slice = names.slice((page - 1) * size, page * size).map((name) => ({ KeyPairName: name, KeyPairFingerPrint: 'ab:cd' }));
        return [200, { RequestId: 'r', KeyPairs: { KeyPair: slice }, TotalCount: 120, PageNumber: page, PageSize: size }];
      },
    });
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectEcs(ctx);
    expect(build(ctx).resources['ecs.key-pair']).toHaveLength(120);
    expect(calls.filter((call) => call.action === 'DescribeKeyPairs').map((call) => [call.query.PageNumber, call.query.PageSize])).toEqual([
      ['1', '50'],
      ['2', '50'],
      ['3', '50'],
    ]);
  });

  it('records a denied listing as a gap for that collection only, with the RAM action needed', async () => {
    mockAlibaba({ ...emptyEcs, DescribeDisks: () => alibabaError(403, 'Forbidden.RAM', 'User not authorized to operate on the specified resource.') });
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectEcs(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['ecs.disk']).toEqual([]);
    expect(inventory.gaps).toEqual([
      expect.objectContaining({
        service: 'ecs',
        region: REGION,
        action: 'DescribeDisks',
        ramAction: 'ecs:DescribeDisks',
        resourceTypes: ['ecs.disk'],
        kind: 'denied',
        code: 'Forbidden.RAM',
        statusCode: 403,
      }),
    ]);
  });

  it('marks only the Cloud Assistant facts unknown when that listing fails', async () => {
    mockAlibaba({
      ...emptyEcs,
      DescribeInstances: () => [
        200,
        { RequestId: 'r', Instances: { Instance: [{ InstanceId: 'i-1', OSType: 'linux', InstanceNetworkType: 'vpc' }] }, NextToken: '' },
      ],
      DescribeCloudAssistantStatus: () => alibabaError(403, 'Forbidden.RAM'),
    });
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectEcs(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['ecs.instance']).toHaveLength(1);
    expect(inventory.resources['ecs.instance'][0]?.cloudAssistant).toBeUndefined();
    expect(inventory.gaps[0]).toMatchObject({ action: 'DescribeCloudAssistantStatus', resourceTypes: ['ecs.instance'], fields: ['cloudAssistant'] });
  });
});

describe('VPC collector', () => {
  it('stops with a gap, not an endless loop, on an empty page with TotalCount left over', async () => {
    const calls = mockAlibaba({
      DescribeVpcs: (query) => [
        200,
        {
          RequestId: 'r',
          TotalCount: 80,
          Vpcs: { Vpc: query.PageNumber === '1' ? Array.from({ length: 50 }, (_, index) => ({ VpcId: `vpc-${index}` })) : [] },
        },
      ],
      DescribeVSwitches: () => [200, { RequestId: 'r', TotalCount: 0, VSwitches: { VSwitch: [] } }],
      DescribeNetworkAcls: () => [200, { RequestId: 'r', TotalCount: '0', NetworkAcls: { NetworkAcl: [] } }],
      DescribeFlowLogs: () => [200, { RequestId: 'r', TotalCount: '0', FlowLogs: { FlowLog: [] } }],
      DescribeEipAddresses: () => [200, { RequestId: 'r', TotalCount: 0, EipAddresses: { EipAddress: [] } }],
      DescribeRouteTableList: () => [200, { RequestId: 'r', TotalCount: 0, RouterTableList: { RouterTableListType: [] } }],
    });
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectVpc(ctx);
    const inventory = build(ctx);
    expect(inventory.resources['vpc.vpc']).toEqual([]);
    expect(inventory.gaps).toEqual([expect.objectContaining({ action: 'DescribeVpcs', code: 'PagingInconsistent', resourceTypes: ['vpc.vpc'] })]);
    expect(calls.filter((call) => call.action === 'DescribeVpcs')).toHaveLength(2);
  });
});

describe('RAM collector', () => {
  const ramHandlers = (overrides: Record<string, Handler> = {}): Record<string, Handler> => ({
    ListUsers: () => [
      200,
      {
        RequestId: 'r',
        IsTruncated: false,
        Users: {
          User: [
            { UserPrincipalName: 'alice@1234567890123456.onaliyun.com', UserId: '1', CreateDate: '2025-01-01T00:00:00Z', LastLoginDate: String(Date.parse('2026-11-01T00:00:00Z')) },
            { UserPrincipalName: 'robot@1234567890123456.onaliyun.com', UserId: '2', CreateDate: '2025-01-01T00:00:00Z' },
          ],
        },
      },
    ],
    GetLoginProfile: (query) =>
      query.UserName === 'alice'
        ? [200, { RequestId: 'r', LoginProfile: { UserName: 'alice', MFABindRequired: true, PasswordResetRequired: false } }]
        : alibabaError(404, 'EntityNotExist.User.LoginProfile', 'The login policy does not exist.'),
    GetUserMFAInfo: () => alibabaError(404, 'EntityNotExist.User.MFADevice', 'The user does not have any MFA device.'),
    ListAccessKeys: (query) => [
      200,
      {
        RequestId: 'r',
        AccessKeys: { AccessKey: query.UserName === 'robot' ? [{ AccessKeyId: 'LTAIrobotkey', Status: 'Active', CreateDate: '2025-02-01T00:00:00Z' }] : [] },
      },
    ],
    GetAccessKeyLastUsed: () => [200, { RequestId: 'r', AccessKeyLastUsed: { LastUsedDate: '2026-11-20T00:00:00Z' } }],
    ListGroupsForUser: () => [200, { RequestId: 'r', Groups: { Group: [] } }],
    ListPoliciesForUser: (query) => [
      200,
      { RequestId: 'r', Policies: { Policy: query.UserName === 'robot' ? [{ PolicyName: 'AdministratorAccess', PolicyType: 'System' }] : [] } },
    ],
    ListGroups: () => [200, { RequestId: 'r', IsTruncated: false, Groups: { Group: [] } }],
    ListRoles: () => [200, { RequestId: 'r', IsTruncated: false, Roles: { Role: [] } }],
    ListPolicies: () => [200, { RequestId: 'r', IsTruncated: false, Policies: { Policy: [] } }],
    GetPolicy: () => [
      200,
      {
        RequestId: 'r',
        Policy: { PolicyName: 'AdministratorAccess', PolicyType: 'System', AttachmentCount: 1 },
        DefaultPolicyVersion: { VersionId: 'v1', PolicyDocument: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' },
      },
    ],
    GetPasswordPolicy: () => [200, { RequestId: 'r', PasswordPolicy: { MinimumPasswordLength: 8, MaxLoginAttemps: 0, HardExpire: false } }],
    GetSecurityPreference: () => [200, { RequestId: 'r', SecurityPreference: { LoginProfilePreference: { MFAOperationForLogin: 'independent' } } }],
    // response-examples/ims_2019-08-15/GetUserSsoSettings.json, ListSAMLProviders.json, ListOIDCProviders.json
    GetUserSsoSettings: () => [200, { RequestId: 'r', UserSsoSettings: { SsoEnabled: false, MetadataDocument: '', AuxiliaryDomain: '' } }],
    ListSAMLProviders: () => [200, { RequestId: 'r', IsTruncated: false, SAMLProviders: { SAMLProvider: [] } }],
    ListOIDCProviders: () => [200, { RequestId: 'r', IsTruncated: false, OIDCProviders: { OIDCProvider: [] } }],
    GenerateCredentialReport: () => [200, { RequestId: 'r', State: 'COMPLETED' }],
    GetCredentialReport: () => [
      200,
      {
        RequestId: 'r',
        IsTruncated: 'false',
        GeneratedTime: '2026-11-29T00:00:00Z',
        Content: Buffer.from(
          'user,user_creation_time,user_last_logon,mfa_active,access_key_1_exist,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used\n' +
            '<root>,2020-01-01T00:00:00Z,2026-11-28T00:00:00Z,true,true,true,2021-01-01T00:00:00Z,N/A\n',
        ).toString('base64'),
      },
    ],
    ...overrides,
  });

  it('reads the 404 answers as facts: no console password, no MFA device', async () => {
    mockAlibaba(ramHandlers());
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectRam(ctx);
    const inventory = build(ctx);
    expect(inventory.gaps).toEqual([]);
    const [alice, robot] = inventory.resources['ram.user'];
    expect(alice).toMatchObject({ id: 'alice', loginProfile: { mfaBindRequired: true }, mfaDevice: null, lastLoginAt: '2026-11-01T00:00:00.000Z' });
    expect(robot).toMatchObject({ id: 'robot', loginProfile: null, mfaDevice: null });
    expect(robot?.accessKeys).toEqual([{ id: 'LTAIrobotkey', status: 'Active', createdAt: '2025-02-01T00:00:00Z', lastUsedAt: '2026-11-20T00:00:00Z' }]);
    expect(inventory.resources['ram.policy']).toEqual([
      expect.objectContaining({ id: 'AdministratorAccess', type: 'System', attachments: [{ type: 'user', name: 'robot' }] }),
    ]);
    expect(inventory.resources.account[0]).toMatchObject({
      passwordPolicy: { minimumLength: 8, maxLoginAttempts: 0 },
      securityPreference: { enforceMfaForLogin: false },
      root: { mfaActive: true, lastLoginAt: '2026-11-28T00:00:00Z', accessKeys: [{ active: true, lastUsedAt: null }] },
    });
  });

  it('leaves a field unknown, with a gap naming the user, when its call is denied', async () => {
    mockAlibaba(ramHandlers({ GetUserMFAInfo: (query) => (query.UserName === 'alice' ? alibabaError(403, 'NoPermission') : alibabaError(404, 'EntityNotExist.User.MFADevice')) }));
    const ctx = collectorContext(NOCK_ENDPOINT, [REGION]);
    await collectRam(ctx);
    const inventory = build(ctx);
    const [alice, robot] = inventory.resources['ram.user'];
    expect(alice).not.toHaveProperty('mfaDevice');
    expect(robot?.mfaDevice).toBeNull();
    expect(inventory.gaps).toEqual([
      expect.objectContaining({ action: 'GetUserMFAInfo', ramAction: 'ram:GetUserMFAInfo', resourceId: 'alice', fields: ['mfaDevice'], kind: 'denied' }),
    ]);
  });
});

describe('ActionTrail collector', () => {
  it('reads trails through callApi, keeps one copy of a shadowed trail, and takes 404 status as absent', async () => {
    mockAlibaba({
      DescribeTrails: (query) => [
        200,
        {
          RequestId: 'r',
          TrailList: [
            { Name: 'all-regions', HomeRegion: 'cn-hangzhou', TrailRegion: 'All', EventRW: 'All', Status: 'Enable', SlsProjectArn: 'acs:log:cn-hangzhou:1:project/audit' },
            ...(query.RegionId === 'cn-shanghai' ? [{ Name: 'gone', HomeRegion: 'cn-shanghai', TrailRegion: 'cn-shanghai', EventRW: 'Write' }] : []),
          ],
        },
      ],
      GetTrailStatus: (query) =>
        query.Name === 'gone' ? alibabaError(404, 'TrailNotFoundException') : [200, { RequestId: 'r', IsLogging: true, LatestDeliveryTime: '2026-11-29T00:00:00Z' }],
    });
    const ctx = collectorContext(NOCK_ENDPOINT, ['cn-hangzhou', 'cn-shanghai']);
    await collectActionTrail(ctx);
    const inventory = build(ctx);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['actiontrail.trail']).toEqual([
      expect.objectContaining({ id: 'all-regions', homeRegion: 'cn-hangzhou', isShadowTrail: false, trailRegion: 'All', logging: expect.objectContaining({ isLogging: true }) }),
      expect.objectContaining({ id: 'gone', homeRegion: 'cn-shanghai', logging: null }),
    ]);
  });
});
