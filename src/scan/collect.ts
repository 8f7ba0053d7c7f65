// A live collection: resolve credentials, learn the account and its regions, run every collector at once,
// and return the inventory with the call statistics.
import type * as $dara from '@darabonba/typescript';
import type { Logger } from 'pino';
import { ApiCaller, type CallStats, type RetryPolicy } from '../cloud/api-caller.js';
import { ApiError } from '../cloud/api-error.js';
import { CloudClients, DEFAULT_TIMEOUTS, preloadSdks, runtimeOptions, SCAN_SDKS, type ClientTimeouts, type EndpointOverride } from '../cloud/clients.js';
import { resolveCredential, type CredentialSource } from '../cloud/credentials.js';
import { assumeRole, type AssumeRoleSettings } from '../cloud/assume-role.js';
import type { RateLimitPolicy } from '../cloud/rate-limit.js';
import type { Redactor } from '../cloud/redact.js';
import { discoverRegions } from '../services/ecs/collector.js';
import { COLLECTOR_NAMES, COLLECTOR_SDKS, GLOBAL_COLLECTORS, collectors, loadCollectors, type CollectorName } from '../services/index.js';
import type { CollectionProgress } from '../services/context.js';
import { CredentialsError, EndpointError, UsageError } from '../errors.js';
import { InventoryBuilder } from '../inventory/builder.js';
import type { Inventory } from '../inventory/types.js';

export interface LiveCollectionOptions {
  credentials: CredentialSource;
  assumeRole?: AssumeRoleSettings;
  endpoint?: EndpointOverride;
  /** explicit regions; default: every region DescribeRegions returns */
  regions?: string[];
  /** the collectors to run (default all); with no regional one, the regions are not looked up */
  services?: readonly CollectorName[];
  retry?: RetryPolicy;
  limits?: RateLimitPolicy;
  redactor: Redactor;
  logger: Logger;
  now?: () => Date;
  /** aborts the collection (the scheduled service's shutdown) */
  signal?: AbortSignal;
  timeouts?: ClientTimeouts;
  /** told the account before anything is collected; a rejection ends the collection (another scan holds it) */
  onAccount?: (accountId: string) => Promise<void>;
  /** told as collection advances; the API call counter is readable through it too */
  progress?: CollectionProgress & { attach?(stats: CallStats, regions: string[], services: readonly string[]): void };
}

export interface Collection {
  inventory: Inventory;
  stats: CallStats;
}

const REJECTED_CREDENTIAL_CODES = /^(InvalidAccessKeyId|SignatureDoesNotMatch|InvalidSecurityToken|IncompleteSignature|InvalidAccessKeySecret|Forbidden.AccessKeyDisabled)/;

function endpointName(endpoint: EndpointOverride | undefined): string {
  return endpoint ? `${endpoint.protocol}://${endpoint.host}` : 'the Alibaba Cloud endpoints';
}

/** STS GetCallerIdentity: proves the credential works and names the account. */
export async function callerAccountId(
  clients: CloudClients,
  caller: ApiCaller,
  runtime: $dara.RuntimeOptions,
  options: Pick<LiveCollectionOptions, 'endpoint'>,
  credentialSource: string,
): Promise<string> {
  try {
    const response = await caller.call({ service: 'sts', region: null, action: 'GetCallerIdentity' }, () =>
      clients.sts().getCallerIdentityWithOptions(runtime),
    );
    const accountId = response.body?.accountId;
    if (!accountId) throw new EndpointError(`${endpointName(options.endpoint)} answered GetCallerIdentity without an AccountId`);
    return accountId;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (REJECTED_CREDENTIAL_CODES.test(error.apiCode)) {
      throw new CredentialsError(
        `The credentials from ${credentialSource} were rejected by ${endpointName(options.endpoint)}: ${error.apiCode}.`,
        { cause: error },
      );
    }
    if (error.kind === 'network' || error.kind === 'timeout') {
      throw new EndpointError(`Cannot reach ${endpointName(options.endpoint)} (${error.apiCode}): check the network or --endpoint-url.`, {
        cause: error,
      });
    }
    throw error;
  }
}

async function scanRegions(clients: CloudClients, caller: ApiCaller, runtime: $dara.RuntimeOptions, requested: string[] | undefined): Promise<string[]> {
  const available = await discoverRegions({ clients, caller, runtime });
  if (!requested) return available;
  const unknown = requested.filter((region) => !available.includes(region));
  if (unknown.length > 0) {
    throw new UsageError(`--regions: unknown region ${unknown.join(', ')} (this account has: ${available.join(', ')})`);
  }
  return [...new Set(requested)];
}

export async function collectLive(options: LiveCollectionOptions): Promise<Collection> {
  const now = options.now ?? (() => new Date());
  const found = await resolveCredential(options.credentials, options.redactor, { warn: (message) => options.logger.warn(message) });
  // with a role, the scan runs as the role the found credential assumes
  const { credential, source } = options.assumeRole
    ? await assumeRole(found, options.assumeRole, { redactor: options.redactor, ...(options.endpoint ? { endpoint: options.endpoint } : {}) })
    : found;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const runtime = runtimeOptions(timeouts);
  const clients = new CloudClients({ credential, timeouts, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
  const caller = new ApiCaller({
    redactor: options.redactor,
    logger: options.logger,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const services = COLLECTOR_NAMES.filter((name) => options.services?.includes(name) ?? true);
  const regional = services.some((name) => !GLOBAL_COLLECTORS.has(name));
  preloadSdks([SCAN_SDKS.sts, ...(regional ? [SCAN_SDKS.ecs] : []), ...services.flatMap((name) => COLLECTOR_SDKS[name])]);
  const collectedAt = now().toISOString();
  const accountId = await callerAccountId(clients, caller, runtime, options, source);
  await options.onAccount?.(accountId);
  const regions = regional ? await scanRegions(clients, caller, runtime, options.regions) : [];
  options.logger.info({ accountId, regions, services }, 'scanning account');

  await loadCollectors(services);
  const inventory = new InventoryBuilder();
  const progress = options.progress;
  progress?.attach?.(caller.stats, regions, services);
  const context = { clients, caller, runtime, logger: options.logger, accountId, regions, inventory, ...(progress ? { progress } : {}) };
  await Promise.all(
    services.map(async (name) => {
      await collectors[name](context);
      progress?.serviceDone(name);
    }),
  );
  return { inventory: inventory.build({ accountId, collectedAt, regions }), stats: caller.stats };
}
