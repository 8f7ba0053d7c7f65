// The shared history store: PostgreSQL through node-postgres, for scans of many accounts from many machines.
// The same schema, lifecycle and rules as the SQLite store (scan-rows.ts): a scan row stays `running` until the
// transaction that writes its findings marks it `completed`; on open, running rows whose process is gone
// become `aborted`. Recorded runs of one scope take a session advisory lock, so they never overlap.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Finding, StreamedReport } from '../findings/types.js';
import { locationPassword, printableLocation } from './location.js';
import { MIGRATIONS, SCHEMA_VERSION, newerSchema } from './migrations.js';
import { currentOwner } from './owner.js';
import {
  DEFAULT_STALE_RUNNING_AFTER_MS,
  KILLED_REASON,
  beyondRetention,
  canonicalTime,
  cannotComplete,
  checkReportScan,
  completionFields,
  orphans,
  storedFinding,
} from './scan-rows.js';
import { ScopeBusyError, type ScopeLock, type ScopeLocking } from './scope-lock.js';
import {
  StoreError,
  isCompleted,
  type AuditStore,
  type BeginScanInit,
  type CompletedScanRecord,
  type ListScansQuery,
  type RetentionPolicy,
  type ScanRecord,
  type ScanState,
} from './store.js';

export interface PostgresStoreOptions {
  /** injectable clock for retention and stale-scan recovery */
  now?: () => Date;
  /** a running scan owned by another host counts as dead after this long (default 24 h) */
  staleRunningAfterMs?: number;
  /** refuse a database that has no history yet instead of creating the tables (`history`, `diff`) */
  mustExist?: boolean;
  /** connections kept open (default 4; a held scope lock takes one) */
  maxConnections?: number;
}

interface ScanRow {
  seq: number;
  id: string;
  state: ScanState;
  started_at: Date;
  finished_at: Date | null;
  owner_host: string;
  owner_pid: number;
  owner_token: string;
  account_id: string | null;
  source: ScanRecord['source'];
  tool_version: string | null;
  api_calls: number | null;
  incomplete: boolean | null;
  summary: ScanRecord['summary'];
  coverage: ScanRecord['coverage'];
  abort_reason: string | null;
}

function toRecord(row: ScanRow): ScanRecord {
  return {
    id: row.id,
    state: row.state,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    accountId: row.account_id,
    source: row.source,
    toolVersion: row.tool_version,
    apiCalls: row.api_calls,
    incomplete: row.incomplete,
    summary: row.summary,
    coverage: row.coverage,
    abortReason: row.abort_reason,
  };
}

/** The version table, and the advisory lock key that serialises migrations between processes. */
const VERSION_TABLE = 'audit_schema_version';
const MIGRATION_LOCK = `hashtextextended('alicloud-audit:migrate', 0)`;
const SCOPE_KEY = `hashtextextended('alicloud-audit:' || $1, 0)`;

export class PostgresStore implements AuditStore, ScopeLocking {
  /** the connection string without its password, for messages */
  readonly where: string;
  private readonly pool: pg.Pool;
  private readonly now: () => Date;
  private readonly secret: string | undefined;

  private constructor(url: string, pool: pg.Pool, now: () => Date) {
    this.where = printableLocation(url);
    this.secret = locationPassword(url);
    this.pool = pool;
    this.now = now;
  }

  /** Connect, create or migrate the tables, and abort the scans whose process is gone. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4 });
    const store = new PostgresStore(url, pool, options.now ?? (() => new Date()));
    // an idle connection that breaks (server restart) must not crash the process; the next query reconnects
    pool.on('error', () => undefined);
    try {
      await store.migrate(options.mustExist === true);
      await store.abortOrphans(options.staleRunningAfterMs ?? DEFAULT_STALE_RUNNING_AFTER_MS);
      return store;
    } catch (error) {
      await pool.end();
      if (error instanceof StoreError) throw error;
      throw new StoreError('AUDIT_CONFIG', `${store.where}: cannot open the history database: ${store.scrub(error)}`);
    }
  }

  /** A driver message without the password (node-postgres does not print it, but a URL echoed back might). */
  private scrub(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return this.secret ? message.split(this.secret).join('[REDACTED]') : message;
  }

  private failure(what: string, cause: unknown): StoreError {
    if (cause instanceof StoreError) return cause;
    return new StoreError('AUDIT_INTERNAL', `${what}: ${this.scrub(cause)}`);
  }

  /** Run `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async migrate(mustExist: boolean): Promise<void> {
    await this.transaction(async (client) => {
      // two processes opening a new database at once: the second waits here, then sees the first's version
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const exists = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [VERSION_TABLE]);
      if (!exists.rows[0].present) {
        if (mustExist) {
          throw new StoreError('AUDIT_CONFIG', `no history in ${this.where}: scans record there with \`scan --store\` or \`serve\``);
        }
        await client.query(`CREATE TABLE ${VERSION_TABLE} (version INTEGER NOT NULL)`);
        await client.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES (0)`);
      }
      const from = (await client.query(`SELECT version FROM ${VERSION_TABLE}`)).rows[0].version as number;
      if (from > SCHEMA_VERSION) throw newerSchema(this.where, from, 'another database');
      for (let version = from; version < SCHEMA_VERSION; version++) {
        await client.query(MIGRATIONS[version]!.postgres);
      }
      if (from !== SCHEMA_VERSION) await client.query(`UPDATE ${VERSION_TABLE} SET version = $1`, [SCHEMA_VERSION]);
    });
  }

  private async abortOrphans(staleAfterMs: number): Promise<void> {
    const { rows } = await this.pool.query<ScanRow>(`SELECT * FROM scans WHERE state = 'running'`);
    const running = rows.map((row) => ({
      id: row.id,
      owner: { host: row.owner_host, pid: row.owner_pid, token: row.owner_token },
      startedAt: row.started_at.toISOString(),
    }));
    for (const row of orphans(running, this.now(), staleAfterMs)) await this.markAborted(row.id, KILLED_REASON);
  }

  private async markAborted(scanId: string, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE scans SET state = 'aborted', finished_at = $1, abort_reason = $2 WHERE id = $3 AND state = 'running'`,
      [this.now().toISOString(), reason, scanId],
    );
  }

  async beginScan(init: BeginScanInit = {}): Promise<string> {
    const id = init.id ?? randomUUID();
    const startedAt = init.startedAt ? canonicalTime(init.startedAt, 'startedAt') : this.now().toISOString();
    const owner = currentOwner();
    try {
      await this.pool.query(
        `INSERT INTO scans (id, state, started_at, owner_host, owner_pid, owner_token) VALUES ($1, 'running', $2, $3, $4, $5)`,
        [id, startedAt, owner.host, owner.pid, owner.token],
      );
    } catch (cause) {
      throw this.failure(`cannot begin scan ${id}`, cause);
    }
    return id;
  }

  async completeScan(scanId: string, report: StreamedReport): Promise<void> {
    checkReportScan(scanId, report);
    try {
      await this.transaction(async (client) => {
        const { rows } = await client.query<Pick<ScanRow, 'seq' | 'state'>>(`SELECT seq, state FROM scans WHERE id = $1 FOR UPDATE`, [scanId]);
        const row = rows[0];
        if (row?.state !== 'running') throw cannotComplete(scanId, row?.state);
        const rules = await insertFindings(client, row.seq, report.findings);
        const fields = completionFields(report, rules);
        await client.query(
          `UPDATE scans SET state = 'completed', started_at = $1, finished_at = $2, account_id = $3, source = $4,
             tool_version = $5, api_calls = $6, incomplete = $7, summary = $8, coverage = $9
           WHERE seq = $10`,
          [
            fields.startedAt,
            fields.finishedAt,
            fields.accountId,
            fields.source,
            fields.toolVersion,
            fields.apiCalls,
            fields.incomplete,
            JSON.stringify(fields.summary),
            JSON.stringify(fields.coverage),
            row.seq,
          ],
        );
      });
    } catch (cause) {
      throw this.failure(`cannot complete scan ${scanId}`, cause);
    }
  }

  async abortScan(scanId: string, reason: string): Promise<void> {
    await this.markAborted(scanId, reason);
  }

  async listScans(query: ListScansQuery = {}): Promise<ScanRecord[]> {
    const { rows } = await this.pool.query<ScanRow>(
      `SELECT * FROM scans WHERE ($1::text IS NULL OR state = $1) ORDER BY started_at DESC, seq DESC LIMIT $2`,
      [query.state ?? null, query.limit ?? null],
    );
    return rows.map(toRecord);
  }

  async getScan(scanId: string): Promise<ScanRecord | undefined> {
    const { rows } = await this.pool.query<ScanRow>(`SELECT * FROM scans WHERE id = $1`, [scanId]);
    return rows[0] && toRecord(rows[0]);
  }

  async findingsFor(scanId: string): Promise<Finding[]> {
    // body::text: the JSON exactly as written, parsed here as the SQLite store parses it
    const { rows } = await this.pool.query<{ body: string }>(
      `SELECT f.body::text AS body FROM findings f JOIN scans s ON s.seq = f.scan_seq
       WHERE s.id = $1 AND s.state = 'completed' ORDER BY f.finding_id COLLATE "C"`,
      [scanId],
    );
    return rows.map((row) => storedFinding(row.body));
  }

  async lastCompleted(n: number): Promise<CompletedScanRecord[]> {
    return (await this.listScans({ state: 'completed', limit: n })).filter(isCompleted);
  }

  async applyRetention(policy: RetentionPolicy): Promise<{ deleted: number }> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<Pick<ScanRow, 'seq' | 'state' | 'started_at' | 'account_id'>>(
        `SELECT seq, state, started_at, account_id FROM scans WHERE state != 'running'
         ORDER BY started_at DESC, seq DESC FOR UPDATE`,
      );
      const doomed = beyondRetention(
        rows.map((row) => ({ seq: row.seq, state: row.state, startedAt: row.started_at.toISOString(), accountId: row.account_id })),
        policy,
        this.now(),
      );
      await client.query(`DELETE FROM scans WHERE seq = ANY($1::integer[])`, [doomed.map((row) => row.seq)]);
      return { deleted: doomed.length };
    });
  }

  /**
   * A session advisory lock on its own connection, held until released (or until the connection drops, so a
   * killed process never leaves the scope locked).
   */
  async lockScope(scope: string): Promise<ScopeLock> {
    const client = await this.pool.connect();
    let held = false;
    try {
      held = (await client.query(`SELECT pg_try_advisory_lock(${SCOPE_KEY}) AS held`, [scope])).rows[0].held as boolean;
    } catch (cause) {
      client.release(true);
      throw this.failure(`cannot lock ${scope}`, cause);
    }
    if (!held) {
      client.release();
      throw new ScopeBusyError(scope, this.where);
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        try {
          await client.query(`SELECT pg_advisory_unlock(${SCOPE_KEY})`, [scope]);
          client.release();
        } catch {
          // the connection is gone, and the lock with it
          client.release(true);
        }
      },
    };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Every finding of the scan in one statement, as arrays unnested server-side. */
/** Rows per INSERT: findings are sent as they are produced, never all held. */
const INSERT_BATCH = 1000;

/** Stores the findings in batches; the rules they came from. */
async function insertFindings(client: pg.PoolClient, seq: number, findings: Iterable<Finding>): Promise<Set<string>> {
  const rules = new Set<string>();
  let batch: Finding[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(
      `INSERT INTO findings (scan_seq, finding_id, status, severity, rule_id, body)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::json[])`,
      [
        seq,
        batch.map((f) => f.id),
        batch.map((f) => f.status),
        batch.map((f) => f.severity),
        batch.map((f) => f.ruleId),
        batch.map((f) => JSON.stringify(f)),
      ],
    );
    batch = [];
  };
  for (const finding of findings) {
    rules.add(finding.ruleId);
    batch.push(finding);
    if (batch.length === INSERT_BATCH) await flush();
  }
  await flush();
  return rules;
}
