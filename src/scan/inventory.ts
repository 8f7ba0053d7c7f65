// The collect stage: the plan's inventory, collected live, from the bundled demo account through a loopback
// emulator, or loaded from a snapshot.
import { randomBytes } from 'node:crypto';
import { DEFAULT_RETRY, type CallStats } from '../cloud/api-caller.js';
import { DEFAULT_RATE_LIMITS } from '../cloud/rate-limit.js';
import { DEFAULT_TIMEOUTS, parseEndpointUrl, type EndpointOverride } from '../cloud/clients.js';
import type { CredentialSource } from '../cloud/credentials.js';
import type { AuditConfig } from '../config/schema.js';
import { loadSnapshot } from '../inventory/snapshot.js';
import { DEMO_ACCOUNT_FILE } from '../paths.js';
import { collectLive } from './collect.js';
import type { AuditPlan } from './plan.js';
import type { ScanInput } from './run-scan.js';
import { collectorsFor } from './scope.js';

/** Told the scanned account before collection starts (the store's account lock). */
export type OnAccount = (accountId: string) => Promise<void>;

/** Where a live scan finds its credentials: the profile named, or the default chain. */
export function credentialSourceOf(config: AuditConfig): CredentialSource {
  return config.profile ? { kind: 'profile', profile: config.profile } : { kind: 'default-chain' };
}

/** The config's collection section as the cloud layer's retry, rate-limit and timeout policies. */
export function collectionSettings(collection: AuditConfig['collection']) {
  return {
    retry: { ...DEFAULT_RETRY, maxAttempts: collection.maxAttempts, maxElapsedMs: collection.maxRetrySeconds * 1000 },
    limits: {
      ...DEFAULT_RATE_LIMITS,
      maxConcurrency: collection.concurrency ?? DEFAULT_RATE_LIMITS.maxConcurrency,
      maxRate: collection.requestsPerSecond ?? DEFAULT_RATE_LIMITS.maxRate,
      maxShare: collection.maxApiShare,
    },
    timeouts: { ...DEFAULT_TIMEOUTS, readMs: collection.readTimeoutSeconds * 1000 },
  };
}

async function collect(
  plan: AuditPlan,
  credentials: CredentialSource,
  endpoint: EndpointOverride | undefined,
  signal: AbortSignal | undefined,
  onAccount: OnAccount | undefined,
) {
  const progress = plan.progress?.();
  try {
    return await collectLive({
      credentials,
      ...(plan.assumeRole ? { assumeRole: plan.assumeRole } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(plan.config.regions ? { regions: plan.config.regions } : {}),
      ...(plan.config.scope ? { services: collectorsFor(plan.rules) } : {}),
      redactor: plan.redactor,
      logger: plan.logger,
      ...(progress ? { progress } : {}),
      ...(signal ? { signal } : {}),
      ...(onAccount ? { onAccount } : {}),
      ...collectionSettings(plan.config.collection),
    });
  } finally {
    progress?.stop();
  }
}

export async function collectInventory(
  plan: AuditPlan,
  signal: AbortSignal | undefined,
  onAccount: OnAccount | undefined,
): Promise<{ input: ScanInput; stats: CallStats | undefined }> {
  const startedAt = new Date();
  const { source } = plan;
  if (source.kind === 'snapshot') {
    return { input: { inventory: await loadSnapshot(source.file), source: 'snapshot', startedAt, apiCalls: 0 }, stats: undefined };
  }
  if (source.kind === 'demo') {
    // throwaway keys known only to this process and its emulator
    const key = { accessKeyId: `LTAIdemo${randomBytes(8).toString('hex')}`, accessKeySecret: randomBytes(24).toString('base64url') };
    // loaded only here: a live scan never needs the emulator
    const { loadAccountModel, startEmulator } = await import('../emulator/index.js');
    // the demo's dates move with the clock, so its findings are the same whenever it runs
    const account = await loadAccountModel(DEMO_ACCOUNT_FILE, { asOf: new Date() });
    const emulator = await startEmulator({ account, credentials: [key] });
    try {
      const { inventory, stats } = await collect(plan, { kind: 'static', ...key }, parseEndpointUrl(emulator.url), signal, onAccount);
      return { input: { inventory, source: 'demo', startedAt, apiCalls: stats.calls }, stats };
    } finally {
      await emulator.close();
    }
  }
  const { inventory, stats } = await collect(plan, credentialSourceOf(plan.config), plan.endpoint, signal, onAccount);
  return { input: { inventory, source: 'live', startedAt, apiCalls: stats.calls }, stats };
}
