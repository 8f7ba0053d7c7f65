// Both history stores behind one harness, so the store tests run against SQLite and a real PostgreSQL server.
// PostgreSQL comes from ALICLOUD_AUDIT_TEST_PG (scripts/test-postgres.sh starts one); each test gets a schema of
// its own, selected through the connection string's search_path. Without the variable the PostgreSQL cases are
// skipped with a message, unless ALICLOUD_AUDIT_REQUIRE_PG is set (CI), where its absence is a failure.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { PostgresStore, type PostgresStoreOptions } from '../../src/store/postgres-store.js';
import { SqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite-store.js';
import type { AuditStore } from '../../src/store/store.js';

export const TEST_PG = process.env.ALICLOUD_AUDIT_TEST_PG || undefined;
const SKIP_MESSAGE =
  'ALICLOUD_AUDIT_TEST_PG is not set: the PostgreSQL store tests are skipped (scripts/test-postgres.sh starts a server and runs them)';
if (!TEST_PG) {
  if (process.env.ALICLOUD_AUDIT_REQUIRE_PG) throw new Error(`${SKIP_MESSAGE}; ALICLOUD_AUDIT_REQUIRE_PG demands them`);
  console.warn(SKIP_MESSAGE);
}

export type StoreOptions = SqliteStoreOptions & PostgresStoreOptions;

/** One empty database of one kind, for one test. */
export interface StoreBox {
  /** what `--store` would be given */
  location: string;
  open(options?: StoreOptions): Promise<AuditStore>;
  /** rows in a table, counted behind the store's back */
  count(table: 'scans' | 'findings'): Promise<number>;
  /** a running scan row as another (or a dead) process would have left it */
  insertRunning(id: string, owner: { host: string; pid: number; token: string }, startedAt: string): Promise<void>;
  setSchemaVersion(version: number): Promise<void>;
  dispose(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  available: boolean;
  create(): Promise<StoreBox>;
}

function track(open: (options?: StoreOptions) => Promise<AuditStore>) {
  const opened: AuditStore[] = [];
  return {
    open: async (options?: StoreOptions) => {
      const store = await open(options);
      opened.push(store);
      return store;
    },
    closeAll: () => Promise.all(opened.splice(0).map((store) => store.close())),
  };
}

const sqlite: StoreKind = {
  name: 'sqlite',
  available: true,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'audit-store-'));
    const file = join(dir, 'nested', 'history.db');
    const stores = track(async (options) => SqliteStore.open(file, options));
    const withDb = <T>(work: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        return work(db);
      } finally {
        db.close();
      }
    };
    return {
      location: file,
      open: stores.open,
      count: async (table) => withDb((db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n),
      insertRunning: async (id, owner, startedAt) =>
        void withDb((db) =>
          db
            .prepare(`INSERT INTO scans (id, state, started_at, owner_host, owner_pid, owner_token) VALUES (?, 'running', ?, ?, ?, ?)`)
            .run(id, startedAt, owner.host, owner.pid, owner.token),
        ),
      setSchemaVersion: async (version) => void withDb((db) => db.pragma(`user_version = ${version}`)),
      dispose: async () => {
        await stores.closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** The test server's URL with the search_path set to `schema`. */
export function pgLocation(schema: string): string {
  const url = new URL(TEST_PG as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A new, empty schema on the test server; dropped by the returned function. */
export async function pgSchema(): Promise<{ location: string; query: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const location = pgLocation(schema);
  return {
    location,
    query: async (sql, params) => {
      const client = new pg.Client({ connectionString: location });
      await client.connect();
      try {
        return await client.query(sql, params);
      } finally {
        await client.end();
      }
    },
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const postgres: StoreKind = {
  name: 'postgres',
  available: TEST_PG !== undefined,
  async create() {
    const { location, query, drop } = await pgSchema();
    const stores = track(async (options) => PostgresStore.open(location, options));
    return {
      location,
      open: stores.open,
      count: async (table) => Number((await query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n),
      insertRunning: async (id, owner, startedAt) => {
        await query(
          `INSERT INTO scans (id, state, started_at, owner_host, owner_pid, owner_token) VALUES ($1, 'running', $2, $3, $4, $5)`,
          [id, startedAt, owner.host, owner.pid, owner.token],
        );
      },
      setSchemaVersion: async (version) => void (await query(`UPDATE audit_schema_version SET version = $1`, [version])),
      dispose: async () => {
        await stores.closeAll();
        await drop();
      },
    };
  },
};

/** For describe.each: the PostgreSQL kind is skipped (with the message above) where no server is given. */
export const STORE_KINDS: readonly StoreKind[] = [sqlite, postgres];

/**
 * A fresh database of `kind` for each test of the calling `describe` (the test skipped where that kind is not
 * available), disposed after it: the box it is in, read through the returned function.
 */
export function freshBoxPerTest(kind: StoreKind): () => StoreBox {
  let box: StoreBox | undefined;
  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    box = await kind.create();
  });
  afterEach(() => box?.dispose());
  return () => box as StoreBox;
}
