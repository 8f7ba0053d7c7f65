// The one place a store is opened from what `--store` / `store.path` say: a postgres:// or postgresql://
// connection string opens the shared PostgreSQL store, anything else the SQLite file (the embedded default).
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { isPostgresUrl } from './location.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { AuditStore } from './store.js';

export interface OpenStoreOptions {
  /** `history` and `diff` read a history, they never create one */
  mustExist?: boolean;
}

export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<AuditStore> {
  if (isPostgresUrl(location)) return PostgresStore.open(location, { mustExist: options.mustExist === true });
  if (options.mustExist && !existsSync(location)) {
    throw new UsageError(`no history at ${location}: scans record there with \`scan --store ${location}\` or \`serve\``);
  }
  return SqliteStore.open(location);
}
