// Scan an account model the way a live scan runs: the real SDKs against the emulator, signed with a key of
// its own. Tests that need the inventory or the emulator's call log share this.
import { pino } from 'pino';
import type { CallStats, RetryPolicy } from '../../src/cloud/api-caller.js';
import { parseEndpointUrl } from '../../src/cloud/clients.js';
import type { RateLimitPolicy } from '../../src/cloud/rate-limit.js';
import { Redactor } from '../../src/cloud/redact.js';
import { startEmulator, type AccountModel, type EmulatorCall, type StartEmulatorOptions } from '../../src/emulator/index.js';
import type { Inventory } from '../../src/inventory/types.js';
import { collectLive } from '../../src/scan/collect.js';

const KEY = { accessKeyId: 'LTAIscanemulator001', accessKeySecret: 'scan-emulator-secret-000001' };

export interface EmulatorScan {
  inventory: Inventory;
  stats: CallStats;
  calls: EmulatorCall[];
}

export async function scanThroughEmulator(
  account: AccountModel,
  options: {
    now?: Date;
    retry?: RetryPolicy;
    limits?: RateLimitPolicy;
    hooks?: Pick<StartEmulatorOptions, 'intercept' | 'rewrite'>;
  } = {},
): Promise<EmulatorScan> {
  const emulator = await startEmulator({ account, credentials: [KEY], ...options.hooks });
  try {
    const { inventory, stats } = await collectLive({
      credentials: { kind: 'static', ...KEY },
      endpoint: parseEndpointUrl(emulator.url),
      redactor: new Redactor(),
      logger: pino({ level: 'silent' }),
      ...(options.now ? { now: () => options.now as Date } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    return { inventory, stats, calls: emulator.calls };
  } finally {
    await emulator.close();
  }
}
