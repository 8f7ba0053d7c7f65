// nock answering Alibaba RPC calls by action, the way the SDK sends them (POST /, parameters in the query,
// the action in the x-acs-action header).
import nock from 'nock';

export const NOCK_ENDPOINT = 'http://alibaba.nock.test';

export type Answer = [status: number, body: Record<string, unknown>];
export type Handler = (query: Record<string, string>) => Answer;

export interface MockedCall {
  action: string;
  query: Record<string, string>;
}

export function alibabaError(status: number, code: string, message = code): Answer {
  return [status, { RequestId: 'REQ-TEST', HostId: 'alibaba.nock.test', Code: code, Message: message }];
}

/** Every call is recorded; an action without a handler answers 404 InvalidAction.NotFound. */
export function mockAlibaba(handlers: Record<string, Handler>): MockedCall[] {
  const calls: MockedCall[] = [];
  nock(NOCK_ENDPOINT)
    .persist()
    .post('/')
    .query(true)
    .reply(function reply(uri) {
      const action = String(this.req.headers['x-acs-action']);
      const query = Object.fromEntries(new URL(uri, NOCK_ENDPOINT).searchParams);
      calls.push({ action, query });
      const handler = handlers[action];
      const [status, body] = handler ? handler(query) : alibabaError(404, 'InvalidAction.NotFound', `${action} is not mocked`);
      return [status, body, { 'content-type': 'application/json' }];
    });
  return calls;
}

/** Every ECS listing a regional ECS collection makes, answered empty (Session Manager off): tests replace the call under test. */
export const EMPTY_ECS: Readonly<Record<string, Handler>> = {
  DescribeInstances: () => [200, { RequestId: 'r', Instances: { Instance: [] }, NextToken: '' }],
  DescribeCloudAssistantStatus: () => [200, { RequestId: 'r', InstanceCloudAssistantStatusSet: { InstanceCloudAssistantStatus: [] } }],
  DescribeSecurityGroups: () => [200, { RequestId: 'r', SecurityGroups: { SecurityGroup: [] }, NextToken: '' }],
  DescribeDisks: () => [200, { RequestId: 'r', Disks: { Disk: [] }, NextToken: '' }],
  DescribeSnapshots: () => [200, { RequestId: 'r', Snapshots: { Snapshot: [] }, NextToken: '' }],
  DescribeAutoSnapshotPolicyEx: () => [200, { RequestId: 'r', AutoSnapshotPolicies: { AutoSnapshotPolicy: [] }, TotalCount: 0 }],
  DescribeKeyPairs: () => [200, { RequestId: 'r', KeyPairs: { KeyPair: [] }, TotalCount: 0 }],
  DescribeUserBusinessBehavior: () => [200, { RequestId: 'r', StatusValue: 'disabled' }],
};
