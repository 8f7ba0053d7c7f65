// The schema, one migration per version, in each dialect: the SQLite and the PostgreSQL store have the same
// tables at the same version. SQLite records the version in `PRAGMA user_version`, PostgreSQL in
// `audit_schema_version` (see postgres-store.ts).
import type Database from 'better-sqlite3';
import { StoreError } from './store.js';

export interface Migration {
  sqlite: string;
  postgres: string;
}

/**
 * Append only: a released migration never changes, a new version adds a new entry with both dialects.
 * PostgreSQL keeps times as timestamptz and the report parts as `json` (not jsonb: the text, key order included,
 * comes back exactly as written, so both stores rebuild byte-identical reports).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    sqlite: `
  CREATE TABLE scans (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'aborted')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    owner_host TEXT NOT NULL,
    owner_pid INTEGER NOT NULL,
    owner_token TEXT NOT NULL,
    account_id TEXT,
    source TEXT,
    tool_version TEXT,
    api_calls INTEGER,
    incomplete INTEGER,
    summary TEXT,
    coverage TEXT,
    abort_reason TEXT
  );
  CREATE INDEX scans_by_start ON scans (started_at, seq);
  CREATE TABLE findings (
    scan_seq INTEGER NOT NULL REFERENCES scans (seq) ON DELETE CASCADE,
    finding_id TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (scan_seq, finding_id)
  ) WITHOUT ROWID;
  CREATE INDEX findings_by_finding ON findings (finding_id);
  `,
    postgres: `
  CREATE TABLE scans (
    seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'aborted')),
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    owner_host TEXT NOT NULL,
    owner_pid INTEGER NOT NULL,
    owner_token TEXT NOT NULL,
    account_id TEXT,
    source TEXT,
    tool_version TEXT,
    api_calls INTEGER,
    incomplete BOOLEAN,
    summary JSON,
    coverage JSON,
    abort_reason TEXT
  );
  CREATE INDEX scans_by_start ON scans (started_at, seq);
  CREATE TABLE findings (
    scan_seq INTEGER NOT NULL REFERENCES scans (seq) ON DELETE CASCADE,
    finding_id TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    body JSON NOT NULL,
    PRIMARY KEY (scan_seq, finding_id)
  );
  CREATE INDEX findings_by_finding ON findings (finding_id);
  `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** A database at a schema version this build does not know. */
export function newerSchema(where: string, version: number, elsewhere: string): StoreError {
  return new StoreError(
    'AUDIT_CONFIG',
    `${where}: the history database has schema version ${version}, newer than this alicloud-audit knows ` +
      `(${SCHEMA_VERSION}); upgrade alicloud-audit or point --store at ${elsewhere}`,
  );
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Bring a SQLite schema to SCHEMA_VERSION; safe when two processes open a new database at once. */
export function migrate(db: Database.Database, file: string): void {
  const upgrade = db.transaction(() => {
    // re-read inside the write lock: another process may have migrated while we waited for it
    const from = userVersion(db);
    if (from > SCHEMA_VERSION) throw newerSchema(file, from, 'another file');
    for (let version = from; version < SCHEMA_VERSION; version++) {
      db.exec((MIGRATIONS[version] as Migration).sqlite);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  if (userVersion(db) !== SCHEMA_VERSION) upgrade.immediate();
}
