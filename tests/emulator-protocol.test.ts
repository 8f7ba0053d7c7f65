// The product table is the seam a REST/XML product (OSS, Log Service, ACK) plugs into: a fake REST
// protocol registered here, and nowhere in the server, is answered through the real server with the
// gateway's order (who answers, authentication, interception, denial, answer) and its own wire format,
// while the RPC products keep answering beside it on the same port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defineAccount,
  PRODUCTS,
  startEmulator,
  type EmulatedProduct,
  type InterceptedCall,
  type RunningEmulator,
} from '../src/emulator/index.js';
import { ApiError } from '../src/emulator/api-error.js';
import { callRpc } from './emulator-helpers.js';

const ROOT = { accessKeyId: 'LTAI5tProtocolTest01', accessKeySecret: 'protocol-secret' };
const ACCOUNT = '1234567890123456';
const TOKEN = 'fake-rest-token';

const xml = (root: string, fields: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root}>${Object.entries(fields)
    .map(([key, value]) => `<${key}>${value}</${key}>`)
    .join('')}</${root}>`;

/** A toy OSS-like product: the bucket is the path, the operation a query flag, errors are XML. */
const fakeRest: EmulatedProduct = {
  name: 'fakeoss',
  claims: (request) => request.url.pathname.startsWith('/bucket-'),
  callName: (request) => ({
    version: '2019-05-17',
    action: request.url.searchParams.has('bucketInfo') ? 'GetBucketInfo' : 'ListObjects',
    region: request.headers['x-fake-region']?.[0] ?? null,
  }),
  operation: ({ action }) => {
    if (action !== 'GetBucketInfo') throw new ApiError(405, 'MethodNotAllowed', 'The specified method is not allowed.');
    return ({ request, account, caller }) => ({
      Name: request.url.pathname.slice(1),
      Owner: account.accountId,
      Regions: [...account.regions.keys()].join(','),
      Caller: caller.accessKeyId,
    });
  },
  authenticate: (request) => {
    if (request.headers.authorization?.[0] !== `FAKE ${TOKEN}`) throw new ApiError(403, 'AccessDenied', 'The request is not signed.');
    return { accessKeyId: ROOT.accessKeyId, accountId: ACCOUNT, identity: { type: 'Account' } };
  },
  denied: (ramAction) => new ApiError(403, 'AccessDenied', `You have no right to access this object: ${ramAction}.`),
  reply: (result, requestId) => ({
    status: 200,
    body: xml('BucketInfo', result as Record<string, string>),
    headers: { 'content-type': 'application/xml', 'x-oss-request-id': requestId },
  }),
  errorReply: (error, requestId) => ({
    status: error.status,
    body: xml('Error', { Code: error.code, Message: error.message, RequestId: requestId }),
    headers: { 'content-type': 'application/xml', 'x-oss-request-id': requestId },
  }),
};

const account = (deniedActions: string[] = []) =>
  defineAccount({ accountId: ACCOUNT, regions: { 'cn-hangzhou': {}, 'cn-beijing': {} }, deniedActions });

describe('a REST protocol product plugs into the product table', () => {
  let emulator: RunningEmulator;
  let denying: RunningEmulator;
  const intercepted: InterceptedCall[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({
      account: account(),
      credentials: [ROOT],
      products: [fakeRest, ...PRODUCTS],
      intercept: (call) => {
        intercepted.push(call);
        return undefined;
      },
    });
    denying = await startEmulator({ account: account(['fakeoss:GetBucketInfo']), credentials: [ROOT], products: [...PRODUCTS, fakeRest] });
  });
  afterAll(async () => {
    await emulator.close();
    await denying.close();
  });

  const get = (server: RunningEmulator, path: string, headers: Record<string, string> = { authorization: `FAKE ${TOKEN}` }) =>
    fetch(`${server.url}${path}`, { headers: { 'x-fake-region': 'cn-hangzhou', ...headers } });

  it('answers the product through the real server, in its own wire format, from the account index', async () => {
    const response = await get(emulator, '/bucket-logs?bucketInfo');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml');
    const requestId = response.headers.get('x-oss-request-id');
    expect(requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(await response.text()).toBe(
      xml('BucketInfo', { Name: 'bucket-logs', Owner: ACCOUNT, Regions: 'cn-hangzhou,cn-beijing', Caller: ROOT.accessKeyId }),
    );
    expect(emulator.calls.at(-1)).toEqual({ product: 'fakeoss', version: '2019-05-17', action: 'GetBucketInfo', region: 'cn-hangzhou', status: 200 });
    expect(intercepted.at(-1)).toMatchObject({ product: 'fakeoss', action: 'GetBucketInfo', region: 'cn-hangzhou', requestId });
  });

  it("rejects a request its own authentication refuses, with the protocol's error body", async () => {
    const response = await get(emulator, '/bucket-logs?bucketInfo', { authorization: 'FAKE wrong' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code><Message>The request is not signed.</Message>');
    expect(emulator.calls.at(-1)).toMatchObject({ product: 'fakeoss', status: 403 });
  });

  it('answers an operation the product lacks before authenticating, as the RPC gateway does', async () => {
    const response = await get(emulator, '/bucket-logs', {});
    expect(response.status).toBe(405);
    expect(await response.text()).toContain('<Code>MethodNotAllowed</Code>');
  });

  it("applies the account's denied actions to the product under its RAM prefix", async () => {
    const response = await get(denying, '/bucket-logs?bucketInfo');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Message>You have no right to access this object: fakeoss:GetBucketInfo.</Message>');
  });

  it('leaves the RPC products answering beside it on the same port', async () => {
    const body = await callRpc(emulator, ROOT, '2014-05-26', 'DescribeRegions', {});
    expect((body.Regions as { Region: { RegionId: string }[] }).Region.map((r) => r.RegionId)).toEqual(['cn-hangzhou', 'cn-beijing']);
    expect(emulator.calls.at(-1)).toMatchObject({ product: 'ecs', action: 'DescribeRegions', status: 200 });
  });

  it('leaves a request no product claims to the RPC gateway, which answers it as an unknown version', async () => {
    const response = await fetch(`${emulator.url}/?Version=1999-01-01&Action=Anything`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: 'InvalidVersion', HostId: 'aliyuncs.com' });
    expect(emulator.calls.at(-1)).toMatchObject({ product: 'unknown', version: '1999-01-01', status: 400 });
  });
});
