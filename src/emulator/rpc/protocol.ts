// The RPC protocol of ECS, VPC, RAM and most products: one endpoint, the product told apart by API
// version and the operation by action (query/form parameters for a v1 signature, x-acs-* headers for
// ACS3), a signature check, flat parameters, a JSON answer and Alibaba's JSON error body.
import type { AccountIndex, RegionIndex } from '../account-index.js';
import { actionNotFound, ApiError, regionNotFound, versionNotFound } from '../api-error.js';
import type { Caller, CredentialStore, Identity } from '../credentials.js';
import type { ApiObject } from '../fill.js';
import { Params } from '../params.js';
import type { CallName, EmulatedProduct, EmulatorRequest } from '../protocol.js';
import type { ActionContext, ActionTable } from './action.js';

export interface RpcProductSpec {
  /** the API version that names the product, e.g. 2014-05-26 for ECS */
  version: string;
  /** the RAM service prefix, e.g. ecs in ecs:DescribeInstances */
  name: string;
  actions: ActionTable;
  /** the code a denied call gets: ECS, VPC and KMS say Forbidden.RAM, the others NoPermission */
  deniedCode: 'Forbidden.RAM' | 'NoPermission';
  /** the endpoint host named in error bodies */
  host(region: string | null): string;
}

export type RpcProduct = EmulatedProduct & Readonly<RpcProductSpec>;

export const regionalHost = (product: string) => (region: string | null) =>
  region ? `${product}.${region}.aliyuncs.com` : `${product}.aliyuncs.com`;

function rpcCallName({ headers, params }: EmulatorRequest): CallName {
  const acs3 = headers.authorization?.[0]?.startsWith('ACS3-') ?? false;
  return {
    version: (acs3 ? headers['x-acs-version']?.[0] : params.get('Version')) ?? '',
    action: (acs3 ? headers['x-acs-action']?.[0] : params.get('Action')) ?? '',
    region: params.get('RegionId') || null,
  };
}

/** The RPC gateway as it answers for no product or for one: everything but the operations. */
function rpcGateway(name: string, host: (region: string | null) => string, productParam: string) {
  return {
    name,
    callName: rpcCallName,
    authenticate: (request: EmulatorRequest, credentials: CredentialStore, now: number) =>
      credentials.authenticate({ ...request, path: request.url.pathname }, now),
    reply: (result: ApiObject, requestId: string) => ({ status: 200, body: { RequestId: requestId, ...result } }),
    errorReply: (error: ApiError, requestId: string, call: CallName) => ({
      status: error.status,
      body: {
        RequestId: requestId,
        HostId: host(call.region),
        Code: error.code,
        Message: error.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${productParam}&requestId=${requestId}`,
        ...error.detail,
      },
    }),
  };
}

export function rpcProduct(spec: RpcProductSpec): RpcProduct {
  const { version, name, actions, deniedCode, host } = spec;
  return {
    ...rpcGateway(name, host, name),
    version,
    actions,
    deniedCode,
    host,
    claims: (request) => rpcCallName(request).version === version,
    operation({ action }) {
      const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
      if (!handler) throw actionNotFound();
      return ({ request, account, accounts, caller, credentials, state, now }) => {
        const context: ActionContext = { params: new Params(request.params), account, accounts, caller, credentials, state, now };
        return handler.scope === 'regional' ? handler.handle(context, resolveRegion(context.params, account)) : handler.handle(context);
      };
    },
    denied: (ramAction, accountId, caller) => deniedError(deniedCode, name, ramAction, accountId, caller),
  };
}

const isRpc = (product: EmulatedProduct): product is RpcProduct => 'version' in product && 'actions' in product;

/**
 * The products with one RPC product per API version: the actions that several service folders answer for
 * one version (VPC's and VPN Gateway's, both vpc 2016-04-28) joined into the first one's product, which
 * alone would claim them all. The folders must agree on its RAM name and denied code and share no action.
 */
export function joinRpcVersions(products: readonly EmulatedProduct[]): EmulatedProduct[] {
  const joined: EmulatedProduct[] = [];
  for (const product of products) {
    const index = isRpc(product) ? joined.findIndex((other) => isRpc(other) && other.version === product.version) : -1;
    if (index < 0) {
      joined.push(product);
      continue;
    }
    const first = joined[index] as RpcProduct;
    const second = product as RpcProduct;
    const shared = Object.keys(second.actions).filter((action) => Object.hasOwn(first.actions, action));
    if (first.name !== second.name || first.deniedCode !== second.deniedCode || shared.length > 0) {
      throw new Error(`RPC version ${first.version} is declared twice with another name, denied code or the same actions (${shared.join(', ')})`);
    }
    joined[index] = rpcProduct({ ...first, actions: { ...first.actions, ...second.actions } });
  }
  return joined;
}

/** Who answers a request no product claims: the RPC gateway, with its unknown-version error. */
export const UNKNOWN_PRODUCT: EmulatedProduct = {
  ...rpcGateway('unknown', () => 'aliyuncs.com', ''),
  claims: () => true,
  operation: () => {
    throw versionNotFound();
  },
  // never asked: no call gets past operation()
  denied: () => versionNotFound(),
};

function resolveRegion(params: Params, account: AccountIndex): RegionIndex {
  const region = account.regions.get(params.required('RegionId'));
  if (!region) throw regionNotFound();
  return region;
}

function deniedError(code: RpcProductSpec['deniedCode'], product: string, ramAction: string, accountId: string, caller: Caller): ApiError {
  const message =
    code === 'Forbidden.RAM'
      ? `User not authorized to operate on the specified resource, or this API doesn't support RAM. Action: ${ramAction}`
      : `You are not authorized to do this action. Resource: acs:${product}:*:${accountId}:* Action: ${ramAction}`;
  return new ApiError(403, code, message, {
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
