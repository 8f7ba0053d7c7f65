// A collector context wired to a test endpoint, with quick retries.
import { pino } from 'pino';
import { ApiCaller } from '../../src/cloud/api-caller.js';
import { CloudClients, parseEndpointUrl, runtimeOptions } from '../../src/cloud/clients.js';
import { createCredential } from '../../src/cloud/credentials.js';
import { Redactor } from '../../src/cloud/redact.js';
import type { CollectorContext } from '../../src/services/context.js';
import { InventoryBuilder } from '../../src/inventory/builder.js';

export const TEST_KEY = { accessKeyId: 'LTAItestkey0001', accessKeySecret: 'test-secret-value-0001' };

export function collectorContext(endpointUrl: string, regions: string[], key = TEST_KEY): CollectorContext {
  const redactor = new Redactor();
  redactor.add(key.accessKeySecret);
  const logger = pino({ level: 'silent' });
  return {
    clients: new CloudClients({ credential: createCredential({ kind: 'static', ...key }), endpoint: parseEndpointUrl(endpointUrl) }),
    caller: new ApiCaller({
      redactor,
      logger,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxElapsedMs: 5_000 },
    }),
    runtime: runtimeOptions(),
    logger,
    accountId: '1234567890123456',
    regions,
    inventory: new InventoryBuilder(),
  };
}
