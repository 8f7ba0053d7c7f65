// The emulator seen through the official SDK clients: signing, paging, errors and the RAM 404s.
import path from 'node:path';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Ims from '@alicloud/ims20190815';
import { ClientError, ThrottlingError } from '@alicloud/openapi-core';
import * as $Ram from '@alicloud/ram20150501';
import * as $Sts from '@alicloud/sts20150401';
import * as $Vpc from '@alicloud/vpc20160428';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defineAccount,
  loadAccountModel,
  startEmulator,
  type AccountModelInput,
  type EmulatorCredential,
  type RunningEmulator,
} from '../src/emulator/index.js';
import { bodyOf, callRpc, clientConfig, Ecs, failure, Ims, Ram, runtime, Sts, Vpc } from './emulator-helpers.js';

const ROOT: EmulatorCredential = { accessKeyId: 'LTAI5tRootDemoKey0001', accessKeySecret: 'root-secret-1' };
const BOB: EmulatorCredential = { accessKeyId: 'LTAI5tBobOldKey3kP9vX', accessKeySecret: 'bob-secret' };
const STS_KEY: EmulatorCredential = { accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2', accessKeySecret: 'sts-secret', securityToken: 'CAIS-token-1' };
const REGION = 'cn-hangzhou';

/** An account with enough resources for several pages of every paging style. */
function largeAccount(): AccountModelInput {
  const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(5, '0'));
  return {
    accountId: '1234567890123456',
    regions: {
      [REGION]: {
        securityGroups: [{ SecurityGroupId: 'sg-bp1big' }],
        instances: n(250).map((i) => ({ InstanceId: `i-bp1big${i}`, OSName: 'Ubuntu 24.04', OSType: 'linux' as const, SecurityGroupIds: ['sg-bp1big'] })),
        vpcs: n(120).map((i) => ({ VpcId: `vpc-bp1big${i}` })),
      },
    },
    ram: { users: n(2500).map((i) => ({ UserName: `user${i}` })) },
  };
}

describe('emulator with the official SDKs', () => {
  let demo: RunningEmulator;
  let large: RunningEmulator;

  beforeAll(async () => {
    const model = await loadAccountModel(path.resolve(import.meta.dirname, '../fixtures/demo/account.json'));
    demo = await startEmulator({ account: model, credentials: [ROOT, BOB, STS_KEY] });
    large = await startEmulator({ account: defineAccount(largeAccount()), credentials: [ROOT] });
  });
  afterAll(async () => {
    await demo.close();
    await large.close();
  });

  const ecs = (key = ROOT, extra = {}) => new Ecs(clientConfig(demo, key, extra));
  const ram = (key = ROOT) => new Ram(clientConfig(demo, key));

  describe('signatures', () => {
    it('answers a correctly signed ACS3 call in the real shape', async () => {
      const response = await bodyOf(ecs().describeInstancesWithOptions(new $Ecs.DescribeInstancesRequest({ regionId: REGION }), runtime()));
      const instances = response.instances?.instance ?? [];
      expect(instances.map((i) => i.instanceId)).toContain('i-bp1web01a7k3m9');
      const web = instances.find((i) => i.instanceId === 'i-bp1web01a7k3m9')!;
      expect(web.securityGroupIds?.securityGroupId).toEqual(['sg-bp1sshworld4k7']);
      expect(web.publicIpAddress?.ipAddress).toEqual(['47.96.181.23']);
      expect(web.metadataOptions?.httpTokens).toBe('optional');
      expect(response.totalCount).toBe(5);
    });

    it('accepts the legacy v1 signature (signatureAlgorithm v2)', async () => {
      const response = await bodyOf(ecs(ROOT, { signatureAlgorithm: 'v2' }).describeRegionsWithOptions(new $Ecs.DescribeRegionsRequest({}), runtime()));
      expect(response.regions?.region?.map((r) => r.regionId)).toEqual(['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']);
    });

    it('accepts an STS credential with its token', async () => {
      const response = await bodyOf(ecs(STS_KEY).describeRegionsWithOptions(new $Ecs.DescribeRegionsRequest({}), runtime()));
      expect(response.regions?.region).toHaveLength(3);
    });

    const rejected = [
      { name: 'a wrong secret', key: { ...ROOT, accessKeySecret: 'wrong' }, extra: {}, code: 'SignatureDoesNotMatch', status: 400 },
      { name: 'a wrong secret (v1)', key: { ...ROOT, accessKeySecret: 'wrong' }, extra: { signatureAlgorithm: 'v2' }, code: 'SignatureDoesNotMatch', status: 400 },
      { name: 'an unknown access key', key: { ...ROOT, accessKeyId: 'LTAI5tNobody' }, extra: {}, code: 'InvalidAccessKeyId.NotFound', status: 404 },
      { name: 'an inactive access key of the model', key: { accessKeyId: 'LTAI5tCarolOld7hR4sN', accessKeySecret: 'x' }, extra: {}, code: 'InvalidAccessKeyId.Inactive', status: 400 },
      { name: 'a wrong security token', key: { ...STS_KEY, securityToken: 'forged' }, extra: {}, code: 'InvalidSecurityToken.Malformed', status: 400 },
      { name: 'a token on a key that has none', key: { ...ROOT, securityToken: 'extra' }, extra: {}, code: 'InvalidSecurityToken.Malformed', status: 400 },
    ];
    it.each(rejected)('rejects $name with $code', async ({ key, extra, code, status }) => {
      const error = await failure(ecs(key, extra).describeRegionsWithOptions(new $Ecs.DescribeRegionsRequest({}), runtime()));
      expect(error).toBeInstanceOf(ClientError);
      expect(error).toMatchObject({ code, statusCode: status });
      expect(error.message).not.toContain(key.accessKeySecret);
    });
  });

  describe('paging', () => {
    it('follows NextToken, and caps MaxResults at 100 without telling', async () => {
      const client = new Ecs(clientConfig(large, ROOT));
      const ids: string[] = [];
      const sizes: number[] = [];
      let nextToken: string | undefined;
      do {
        const request = new $Ecs.DescribeInstancesRequest({ regionId: REGION, maxResults: 500, nextToken });
        const body = await bodyOf(client.describeInstancesWithOptions(request, runtime()));
        const page = body.instances?.instance ?? [];
        sizes.push(page.length);
        ids.push(...page.map((i) => i.instanceId!));
        nextToken = body.nextToken || undefined;
      } while (nextToken);
      expect(sizes).toEqual([100, 100, 50]);
      expect(new Set(ids).size).toBe(250);
    });

    it('caps PageSize at 50 for DescribeVpcs, and keeps TotalCount on a page past the end', async () => {
      const client = new Vpc(clientConfig(large, ROOT));
      const page = (pageNumber: number) =>
        client.describeVpcsWithOptions(new $Vpc.DescribeVpcsRequest({ regionId: REGION, pageSize: 100, pageNumber }), runtime());
      const first = await bodyOf(page(1));
      expect(first.vpcs?.vpc).toHaveLength(50);
      expect(first).toMatchObject({ pageSize: 50, totalCount: 120, pageNumber: 1 });
      expect((await bodyOf(page(3))).vpcs?.vpc).toHaveLength(20);
      const past = await bodyOf(page(4));
      expect(past.vpcs?.vpc ?? []).toHaveLength(0);
      expect(past.totalCount).toBe(120);
    });

    it('follows Marker for RAM ListUsers, 1000 at most per page', async () => {
      const client = new Ram(clientConfig(large, ROOT));
      const pages: { count: number; truncated: boolean | undefined }[] = [];
      let marker: string | undefined;
      do {
        const body = await bodyOf(client.listUsersWithOptions(new $Ram.ListUsersRequest({ maxItems: 5000, marker }), runtime()));
        pages.push({ count: body.users?.user?.length ?? 0, truncated: body.isTruncated });
        marker = body.isTruncated ? body.marker : undefined;
      } while (marker);
      expect(pages).toEqual([
        { count: 1000, truncated: true },
        { count: 1000, truncated: true },
        { count: 500, truncated: false },
      ]);
    });
  });

  describe('RAM and IMS', () => {
    it('answers "no login profile" and "no MFA device" with their 404 codes', async () => {
      const profile = await failure(ram().getLoginProfileWithOptions(new $Ram.GetLoginProfileRequest({ userName: 'ci-deployer' }), runtime()));
      expect(profile).toMatchObject({ code: 'EntityNotExist.User.LoginProfile', statusCode: 404 });
      const mfa = await failure(ram().getUserMFAInfoWithOptions(new $Ram.GetUserMFAInfoRequest({ userName: 'bob' }), runtime()));
      expect(mfa).toMatchObject({ code: 'EntityNotExist.User.MFADevice', statusCode: 404 });
      const user = await failure(ram().getUserWithOptions(new $Ram.GetUserRequest({ userName: 'nobody' }), runtime()));
      expect(user).toMatchObject({ code: 'EntityNotExist.User', statusCode: 404 });
    });

    it('answers the present ones', async () => {
      const profile = await bodyOf(ram().getLoginProfileWithOptions(new $Ram.GetLoginProfileRequest({ userName: 'alice' }), runtime()));
      expect(profile.loginProfile).toMatchObject({ userName: 'alice', MFABindRequired: true });
      const mfa = await bodyOf(ram().getUserMFAInfoWithOptions(new $Ram.GetUserMFAInfoRequest({ userName: 'alice' }), runtime()));
      expect(mfa.MFADevice?.type).toBe('VMFA');
    });

    it('returns policy documents as JSON strings', async () => {
      const response = await bodyOf(
        ram().getPolicyVersionWithOptions(
          new $Ram.GetPolicyVersionRequest({ policyName: 'FullAdmin', policyType: 'Custom', versionId: 'v1' }),
          runtime(),
        ),
      );
      const document = response.policyVersion?.policyDocument;
      expect(typeof document).toBe('string');
      expect(JSON.parse(document!)).toEqual({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    });

    it('produces the credential report as base64 CSV, root first, paged by NextToken', async () => {
      const ims = new Ims(clientConfig(demo, ROOT));
      const before = await failure(ims.getCredentialReportWithOptions(new $Ims.GetCredentialReportRequest({}), runtime()));
      expect(before).toMatchObject({ code: 'EntityNotExist.CredentialReport', statusCode: 404 });
      expect((await bodyOf(ims.generateCredentialReportWithOptions(runtime()))).state).toBe('STARTED');
      expect((await bodyOf(ims.generateCredentialReportWithOptions(runtime()))).state).toBe('COMPLETED');

      const rows: string[] = [];
      let nextToken: string | undefined;
      do {
        const body = await bodyOf(ims.getCredentialReportWithOptions(new $Ims.GetCredentialReportRequest({ maxItems: '4', nextToken }), runtime()));
        const [header, ...lines] = Buffer.from(body.content!, 'base64').toString('utf8').trim().split('\n');
        expect(header!.split(',').slice(0, 9)).toEqual([
          'user', 'user_creation_time', 'user_last_logon', 'password_exist', 'password_active',
          'password_last_changed', 'password_next_rotation', 'mfa_active', 'access_key_1_exist',
        ]);
        rows.push(...lines);
        nextToken = body.isTruncated === 'true' ? body.nextToken : undefined;
      } while (nextToken);
      expect(rows).toHaveLength(7);
      // the demo root: no MFA, one active access key
      expect(rows[0]).toMatch(/^<root>,2019-03-14T06:12:00Z,2026-11-02T03:15:00Z,TRUE,N\/A,.*,FALSE,TRUE,TRUE,2019-03-14T06:30:00Z,2026-11-10T12:00:00Z,FALSE/);
      expect(rows.find((r) => r.startsWith('ci-deployer@'))).toContain(',-,FALSE,N/A,N/A,N/A,N/A,TRUE,TRUE,2026-01-10T02:10:00Z,2026-11-14T22:05:00Z,TRUE,TRUE,2026-06-20T05:00:00Z,-');
    });
  });

  describe('STS', () => {
    it.each([
      { name: 'the account', key: ROOT, type: 'Account', arn: 'acs:ram::5012884630217745:root' },
      { name: 'a RAM user', key: BOB, type: 'RAMUser', arn: 'acs:ram::5012884630217745:user/bob' },
    ])('tells who is calling: $name', async ({ key, type, arn }) => {
      const body = await bodyOf(new Sts(clientConfig(demo, key)).getCallerIdentityWithOptions(runtime()));
      expect(body).toMatchObject({ identityType: type, accountId: '5012884630217745', arn });
    });

    it('issues AssumeRole credentials that the emulator then accepts', async () => {
      const sts = new Sts(clientConfig(demo, ROOT));
      const request = new $Sts.AssumeRoleRequest({ roleArn: 'acs:ram::5012884630217745:role/ops-break-glass', roleSessionName: 'audit' });
      const credentials = (await bodyOf(sts.assumeRoleWithOptions(request, runtime()))).credentials!;
      const session = { accessKeyId: credentials.accessKeyId!, accessKeySecret: credentials.accessKeySecret!, securityToken: credentials.securityToken! };
      const identity = await bodyOf(new Sts(clientConfig(demo, session)).getCallerIdentityWithOptions(runtime()));
      expect(identity).toMatchObject({ identityType: 'AssumedRoleUser', arn: 'acs:ram::5012884630217745:assumed-role/ops-break-glass/audit' });

      const unknown = new $Sts.AssumeRoleRequest({ roleArn: 'acs:ram::5012884630217745:role/nope', roleSessionName: 'audit' });
      expect(await failure(sts.assumeRoleWithOptions(unknown, runtime()))).toMatchObject({ code: 'EntityNotExist.Role', statusCode: 404 });
    });
  });

  describe('ActionTrail through callApi', () => {
    it('lists trails as a bare array and reports their status', async () => {
      const trails = await callRpc(demo, ROOT, '2020-07-06', 'DescribeTrails', { IncludeShadowTrails: 'true' });
      expect((trails.TrailList as { Name: string }[]).map((t) => t.Name)).toEqual(['hz-write-trail', 'org-all-trail']);
      const status = await callRpc(demo, ROOT, '2020-07-06', 'GetTrailStatus', { Name: 'org-all-trail' });
      expect(status).toMatchObject({ IsLogging: false, StopLoggingTime: '2026-09-30T18:20:00Z' });
      const missing = await failure(callRpc(demo, ROOT, '2020-07-06', 'GetTrailStatus', { Name: 'nope' }));
      expect(missing).toMatchObject({ code: 'TrailNotFoundException', statusCode: 404 });
    });
  });

  describe('errors', () => {
    const cases = [
      { name: 'RegionId missing', call: () => callRpc(demo, ROOT, '2014-05-26', 'DescribeDisks', {}), code: 'MissingParameter', status: 400 },
      { name: 'an unknown region', call: () => callRpc(demo, ROOT, '2014-05-26', 'DescribeDisks', { RegionId: 'xx-nowhere-1' }), code: 'InvalidRegionId.NotFound', status: 404 },
      { name: 'an unknown action', call: () => callRpc(demo, ROOT, '2014-05-26', 'DescribeNothing', {}), code: 'InvalidAction.NotFound', status: 404 },
      { name: 'an unknown version', call: () => callRpc(demo, ROOT, '2001-01-01', 'DescribeDisks', {}), code: 'InvalidVersion', status: 400 },
    ];
    it.each(cases)('answers $name with $code', async ({ call, code, status }) => {
      expect(await failure(call())).toMatchObject({ code, statusCode: status });
    });

    it('denies the actions the model denies, naming the action', async () => {
      const model = defineAccount({
        ...largeAccount(),
        deniedActions: ['ram:ListUsers', { action: 'ecs:DescribeDisks', regions: [REGION] }],
      });
      const emulator = await startEmulator({ account: model, credentials: [ROOT] });
      try {
        const disks = await failure(callRpc(emulator, ROOT, '2014-05-26', 'DescribeDisks', { RegionId: REGION }));
        expect(disks).toMatchObject({ code: 'Forbidden.RAM', statusCode: 403, accessDeniedDetail: { AuthAction: 'ecs:DescribeDisks' } });
        expect(disks.message).toContain('ecs:DescribeDisks');
        const users = await failure(new Ram(clientConfig(emulator, ROOT)).listUsersWithOptions(new $Ram.ListUsersRequest({}), runtime()));
        expect(users).toMatchObject({ code: 'NoPermission', statusCode: 403 });
        expect(users.message).toContain('ram:ListUsers');
        expect(emulator.calls.map((c) => [c.product, c.action, c.region, c.status])).toEqual([
          ['ecs', 'DescribeDisks', REGION, 403],
          ['ram', 'ListUsers', null, 403],
        ]);
      } finally {
        await emulator.close();
      }
    });

    it('lets an interceptor answer instead, e.g. with throttling', async () => {
      const emulator = await startEmulator({
        account: defineAccount(largeAccount()),
        credentials: [ROOT],
        intercept: ({ action }) =>
          action === 'DescribeVpcs' ? { status: 400, body: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' } } : undefined,
      });
      try {
        const error = await failure(new Vpc(clientConfig(emulator, ROOT)).describeVpcsWithOptions(new $Vpc.DescribeVpcsRequest({ regionId: REGION }), runtime()));
        expect(error).toBeInstanceOf(ThrottlingError);
        expect(emulator.calls.at(-1)).toMatchObject({ action: 'DescribeVpcs', status: 400 });
      } finally {
        await emulator.close();
      }
    });
  });

  describe('ECS details', () => {
    it('returns every rule of a group, ingress and egress, and filters by Direction', async () => {
      const attribute = (direction?: string) =>
        ecs().describeSecurityGroupAttributeWithOptions(
          new $Ecs.DescribeSecurityGroupAttributeRequest({ regionId: REGION, securityGroupId: 'sg-bp1sshworld4k7', direction }),
          runtime(),
        );
      const all = (await bodyOf(attribute())).permissions?.permission ?? [];
      expect(all.map((p) => p.direction)).toEqual(['ingress', 'ingress', 'egress']);
      expect(all[0]).toMatchObject({ portRange: '22/22', sourceCidrIp: '0.0.0.0/0', policy: 'Accept', priority: '1' });
      expect((await bodyOf(attribute('ingress'))).permissions?.permission).toHaveLength(2);
    });

    it('answers Cloud Assistant status for the instances asked', async () => {
      const request = new $Ecs.DescribeCloudAssistantStatusRequest({ regionId: REGION, instanceId: ['i-bp1web01a7k3m9', 'i-bp1db01c6q1r5'] });
      const body = await bodyOf(ecs().describeCloudAssistantStatusWithOptions(request, runtime()));
      expect(body.instanceCloudAssistantStatusSet?.instanceCloudAssistantStatus?.map((s) => [s.instanceId, s.cloudAssistantStatus])).toEqual([
        ['i-bp1web01a7k3m9', 'true'],
        ['i-bp1db01c6q1r5', 'false'],
      ]);
    });
  });
});
