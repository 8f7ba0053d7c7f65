// The seam between the HTTP server and the products it answers. The server runs one gateway order for
// every request (who answers, authentication, interception, denial, the answer, the rewrite); the product
// that claims the request, built by its protocol (rpc/; roa/ for Log Service's REST style; a REST/XML one
// such as OSS next), says how
// each step reads the request and writes the reply.
import type { AccountIndex } from './account-index.js';
import type { ApiError } from './api-error.js';
import type { Caller, CredentialStore } from './credentials.js';
import type { ApiObject } from './fill.js';

/** An HTTP request as every protocol reads it. */
export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  /** the query string */
  query: ReadonlyMap<string, string>;
  /** the query and a form-encoded body together */
  params: ReadonlyMap<string, string>;
  body: Buffer;
}

/** What a request names, read before anything is checked: it is recorded and shown to interceptors. */
export interface CallName {
  version: string;
  action: string;
  region: string | null;
}

/** A reply that replaces the normal answer (throttling, a 5xx, a malformed body, ...). */
export interface EmulatorReply {
  status: number;
  /** an object is sent as JSON; a string is sent as it is */
  body: string | ApiObject;
  headers?: Record<string, string>;
}

/** Mutable per-emulator state some APIs keep between calls. */
export interface EmulatorState {
  credentialReportGeneratedAt: Date | null;
}

/** What an operation answers from. */
export interface OperationContext {
  request: EmulatorRequest;
  call: CallName;
  /** the caller's account */
  account: AccountIndex;
  /** every account the emulator answers for, by id: the caller's and the members of its organisation */
  accounts: ReadonlyMap<string, AccountIndex>;
  caller: Caller;
  credentials: CredentialStore;
  state: EmulatorState;
  now: Date;
}

/** The answer to one call: its result, which the product then writes as its protocol's reply. */
export type Operation = (context: OperationContext) => ApiObject;

export interface EmulatedProduct {
  /** the RAM service prefix (ecs in ecs:DescribeInstances); calls are recorded and denied under it */
  readonly name: string;
  /** Is the request this product's? Only looks; the first product of the table that claims it answers. */
  claims(request: EmulatorRequest): boolean;
  /** the version, action and region the request names */
  callName(request: EmulatorRequest): CallName;
  /** the operation answering the call; throws an ApiError when the product has none */
  operation(call: CallName): Operation;
  /** the caller, as this product's gateway authenticates requests; throws an ApiError when it does not */
  authenticate(request: EmulatorRequest, credentials: CredentialStore, now: number): Caller;
  /** the error a call gets when the account denies its RAM action to every caller */
  denied(ramAction: string, accountId: string, caller: Caller): ApiError;
  /** a successful answer on the wire */
  reply(result: ApiObject, requestId: string): EmulatorReply;
  /** an error on the wire */
  errorReply(error: ApiError, requestId: string, call: CallName): EmulatorReply;
}
