// The loopback HTTP server: one RPC endpoint for every product, told apart by API version and action.
// Each request is authenticated as the real gateway does it (signature, access key, STS token), then
// checked against the account's denied actions, then answered from the indexed account model.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexAccount, type AccountIndex, type RegionIndex } from './account-index.js';
import type { AccountModel } from './account-model.js';
import { actionNotFound, ApiError, regionNotFound, versionNotFound } from './api-error.js';
import { CredentialStore, type Caller, type EmulatorCredential, type Identity } from './credentials.js';
import type { ActionContext, EmulatorState } from './handlers/action.js';
import { Params } from './params.js';
import { PRODUCTS, type Product } from './products.js';
import type { ApiObject } from './shapes/fill.js';

export interface EmulatorCall {
  product: string;
  version: string;
  action: string;
  region: string | null;
  status: number;
}

/** What an interceptor sees of an authenticated call before it is answered. */
export interface InterceptedCall {
  product: string;
  version: string;
  action: string;
  region: string | null;
  requestId: string;
  /** the request's parameters (query and form body) */
  params: ReadonlyMap<string, string>;
}

/** A reply that replaces the normal answer (throttling, a 5xx, a malformed body, ...). */
export interface EmulatorReply {
  status: number;
  /** an object is sent as JSON; a string is sent as it is */
  body: string | ApiObject;
  headers?: Record<string, string>;
}

export interface StartEmulatorOptions {
  account: AccountModel;
  credentials: EmulatorCredential[];
  /** 0 (the default) picks a free port */
  port?: number;
  host?: string;
  /**
   * The fault-injection point: called for every authenticated call; it may delay, or return a reply
   * that is sent instead of the normal answer.
   */
  intercept?: (call: InterceptedCall) => EmulatorReply | undefined | Promise<EmulatorReply | undefined>;
  /** Called with every normal (200) answer before it is sent; it may replace it (e.g. an empty page). */
  rewrite?: (call: InterceptedCall, reply: EmulatorReply) => EmulatorReply;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** every call answered, in order */
  calls: EmulatorCall[];
  close(): Promise<void>;
}

export type { EmulatorCredential };

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const account = indexAccount(options.account);
  const credentials = new CredentialStore(options.credentials, identify(options.account), inactiveKeys(options.account));
  const state: EmulatorState = { credentialReportGeneratedAt: null };
  const calls: EmulatorCall[] = [];

  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(request, body))
      .then((reply) => send(response, reply))
      .catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
  });

  async function answer(request: IncomingMessage, body: Buffer): Promise<EmulatorReply> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const query = new Map(url.searchParams);
    const isForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
    const params = new Map([...query, ...(isForm ? new URLSearchParams(body.toString('utf8')) : [])]);
    const headers = request.headersDistinct;
    const acs3 = headers.authorization?.[0]?.startsWith('ACS3-') ?? false;
    const version = (acs3 ? headers['x-acs-version']?.[0] : params.get('Version')) ?? '';
    const action = (acs3 ? headers['x-acs-action']?.[0] : params.get('Action')) ?? '';
    const region = params.get('RegionId') || null;
    const product = Object.hasOwn(PRODUCTS, version) ? PRODUCTS[version] : undefined;
    const requestId = randomUUID().toUpperCase();
    const record = (status: number) => calls.push({ product: product?.name ?? 'unknown', version, action, region, status });

    try {
      if (!product) throw versionNotFound();
      const spec = Object.hasOwn(product.actions, action) ? product.actions[action] : undefined;
      if (!spec) throw actionNotFound();
      const caller = credentials.authenticate(
        { method: request.method ?? 'GET', path: url.pathname, query, params, headers, body },
        Date.now(),
      );
      const call: InterceptedCall = { product: product.name, version, action, region, requestId, params };
      const intercepted = await options.intercept?.(call);
      if (intercepted) {
        record(intercepted.status);
        return intercepted;
      }
      if (account.isDenied(`${product.name}:${action}`, region)) throw denied(product, action, account.accountId, caller);
      const context: ActionContext = { params: new Params(params), account, caller, credentials, state, now: new Date() };
      const result = spec.scope === 'regional' ? spec.handle(context, resolveRegion(context.params, account)) : spec.handle(context);
      const reply: EmulatorReply = { status: 200, body: { RequestId: requestId, ...result } };
      const sent = options.rewrite ? options.rewrite(call, reply) : reply;
      record(sent.status);
      return sent;
    } catch (error) {
      // An emulator bug surfaces as a 500 that names it, rather than as a silent wrong answer.
      const failure =
        error instanceof ApiError
          ? error
          : new ApiError(500, 'InternalError', `The request processing has failed due to some unknown error: ${String(error)}`);
      record(failure.status);
      return { status: failure.status, body: errorBody(failure, requestId, product, region) };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function resolveRegion(params: Params, account: AccountIndex): RegionIndex {
  const region = account.regions.get(params.required('RegionId'));
  if (!region) throw regionNotFound();
  return region;
}

function errorBody(error: ApiError, requestId: string, product: Product | undefined, region: string | null): ApiObject {
  return {
    RequestId: requestId,
    HostId: product?.host(region) ?? 'aliyuncs.com',
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product?.name ?? ''}&requestId=${requestId}`,
    ...error.detail,
  };
}

function denied(product: Product, action: string, accountId: string, caller: Caller): ApiError {
  const ramAction = `${product.name}:${action}`;
  const message =
    product.deniedCode === 'Forbidden.RAM'
      ? `User not authorized to operate on the specified resource, or this API doesn't support RAM. Action: ${ramAction}`
      : `You are not authorized to do this action. Resource: acs:${product.name}:*:${accountId}:* Action: ${ramAction}`;
  return new ApiError(403, product.deniedCode, message, {
    AccessDeniedDetail: {
      AuthAction: ramAction,
      AuthPrincipalType: caller.identity.type === 'Account' ? 'Account' : caller.identity.type === 'RAMUser' ? 'SubUser' : 'AssumedRoleUser',
      AuthPrincipalOwnerId: accountId,
      AuthPrincipalDisplayName: displayName(caller.identity),
      PolicyType: 'AccountLevelIdentityBasedPolicy',
      NoPermissionType: 'ImplicitDeny',
      EncodedDiagnosticMessage: '',
    },
  });
}

function displayName(identity: Identity): string {
  if (identity.type === 'RAMUser') return identity.userName;
  if (identity.type === 'AssumedRoleUser') return `${identity.roleName}:${identity.sessionName}`;
  return 'root';
}

/** A credential is the account root, or a RAM user when the model lists its access key. */
function identify(model: AccountModel): (accessKeyId: string) => Identity {
  const owners = new Map<string, Identity>();
  for (const user of model.ram.users) {
    for (const key of user.AccessKeys) owners.set(key.AccessKeyId, { type: 'RAMUser', userName: user.UserName });
  }
  return (accessKeyId) => owners.get(accessKeyId) ?? { type: 'Account' };
}

function inactiveKeys(model: AccountModel): Set<string> {
  return new Set(
    [...model.root.AccessKeys, ...model.ram.users.flatMap((u) => u.AccessKeys)]
      .filter((key) => key.Status === 'Inactive')
      .map((key) => key.AccessKeyId),
  );
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, reply: EmulatorReply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json;charset=utf-8',
    ...(typeof reply.body === 'object' && typeof reply.body.RequestId === 'string' ? { 'x-acs-request-id': reply.body.RequestId } : {}),
    ...reply.headers,
  });
  response.end(text);
}
