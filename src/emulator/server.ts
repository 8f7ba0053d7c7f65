// The loopback HTTP server: every product on one port. Each request goes to the product that claims it
// (./products.ts), then through the gateway's order: authenticated as the real gateway does it (signature,
// access key, STS token), offered to the interceptor, checked against the account's denied actions, then
// answered from the indexed account model. The product's protocol reads the request and writes the reply.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexAccount, type AccountIndex } from './account-index.js';
import type { AccountModel } from './account-model.js';
import { ApiError } from './api-error.js';
import { CredentialStore, type EmulatorCredential } from './credentials.js';
import { PRODUCTS, productFor } from './products.js';
import type { EmulatedProduct, EmulatorReply, EmulatorRequest, EmulatorState } from './protocol.js';

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

export interface StartEmulatorOptions {
  /** the account the static credentials belong to (an organisation's management account) */
  account: AccountModel;
  /**
   * Other accounts, answered for the STS credentials AssumeRole issues into one of their roles: the members of
   * the account's resource directory.
   */
  members?: readonly AccountModel[];
  credentials: EmulatorCredential[];
  /** 0 (the default) picks a free port */
  port?: number;
  host?: string;
  /**
   * The fault-injection point: called for every authenticated call; it may delay, or return a reply
   * that is sent instead of the normal answer, or an error that the product answers in its own error shape.
   */
  intercept?: (call: InterceptedCall) => Intercepted | Promise<Intercepted>;
  /** Called with every normal (200) answer before it is sent; it may replace it (e.g. an empty page). */
  rewrite?: (call: InterceptedCall, reply: EmulatorReply) => EmulatorReply;
  /** the product table; the default is every product of the services (tests add a product of their own) */
  products?: readonly EmulatedProduct[];
}

export type Intercepted = EmulatorReply | ApiError | undefined;

export interface RunningEmulator {
  url: string;
  port: number;
  /** every call answered, in order */
  calls: EmulatorCall[];
  close(): Promise<void>;
}

export type { EmulatorCredential, EmulatorReply };

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const account = indexAccount(options.account);
  const accounts: ReadonlyMap<string, AccountIndex> = new Map(
    [account, ...(options.members ?? []).map(indexAccount)].map((index) => [index.accountId, index]),
  );
  const credentials = new CredentialStore(options.credentials, account.accountId, account.identify, account.inactiveKeys);
  const products = options.products ?? PRODUCTS;
  const state: EmulatorState = { credentialReportGeneratedAt: null };
  const calls: EmulatorCall[] = [];

  const server = createServer((request, response) => {
    readRequest(request)
      .then(answer)
      .then((reply) => send(response, reply))
      .catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
  });

  async function answer(request: EmulatorRequest): Promise<EmulatorReply> {
    const product = productFor(request, products);
    const call = product.callName(request);
    const requestId = randomUUID().toUpperCase();
    const record = (status: number) => calls.push({ product: product.name, ...call, status });

    try {
      const operation = product.operation(call);
      const caller = product.authenticate(request, credentials, Date.now());
      const intercepted: InterceptedCall = { product: product.name, ...call, requestId, params: request.params };
      const replaced = await options.intercept?.(intercepted);
      if (replaced instanceof ApiError) throw replaced;
      if (replaced) {
        record(replaced.status);
        return replaced;
      }
      // the caller's own account answers: a member's, for a role assumed into it
      const callerAccount = accounts.get(caller.accountId)!;
      const ramAction = `${product.name}:${call.action}`;
      if (callerAccount.isDenied(ramAction, call.region)) throw product.denied(ramAction, callerAccount.accountId, caller);
      const result = operation({ request, call, account: callerAccount, accounts, caller, credentials, state, now: new Date() });
      const reply = product.reply(result, requestId);
      const sent = options.rewrite ? options.rewrite(intercepted, reply) : reply;
      record(sent.status);
      return sent;
    } catch (error) {
      // An emulator bug surfaces as a 500 that names it, rather than as a silent wrong answer.
      const failure =
        error instanceof ApiError
          ? error
          : new ApiError(500, 'InternalError', `The request processing has failed due to some unknown error: ${String(error)}`);
      record(failure.status);
      const reply = product.errorReply(failure, requestId, call);
      return { ...reply, headers: { ...reply.headers, ...failure.headers } };
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

/** The request with its body read, and its parameters: the query, and a form-encoded body. */
async function readRequest(request: IncomingMessage): Promise<EmulatorRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const url = new URL(request.url ?? '/', 'http://emulator');
  const query = new Map(url.searchParams);
  const isForm = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ?? false;
  const params = new Map([...query, ...(isForm ? new URLSearchParams(body.toString('utf8')) : [])]);
  return { method: request.method ?? 'GET', url, headers: request.headersDistinct, query, params, body };
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
