// The embedded history store: SQLite in WAL mode through better-sqlite3. A scan row stays `running` until the
// transaction that writes its findings also marks it `completed`, so a killed process never leaves a scan that
// deltas would trust; on open, running rows whose process is gone become `aborted`.
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Finding, StreamedReport } from '../findings/types.js';
import { migrate } from './migrations.js';
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
  type RetentionRow,
} from './scan-rows.js';
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

export interface SqliteStoreOptions {
  /** injectable clock for retention and stale-scan recovery */
  now?: () => Date;
  /** a running scan owned by another host counts as dead after this long (default 24 h) */
  staleRunningAfterMs?: number;
  /** how long to wait for another process's write lock (default 5 s) */
  busyTimeoutMs?: number;
}

export { DEFAULT_STALE_RUNNING_AFTER_MS, KILLED_REASON };

interface ScanRow {
  seq: number;
  id: string;
  state: ScanState;
  started_at: string;
  finished_at: string | null;
  owner_host: string;
  owner_pid: number;
  owner_token: string;
  account_id: string | null;
  source: ScanRecord['source'];
  tool_version: string | null;
  api_calls: number | null;
  incomplete: number | null;
  summary: string | null;
  coverage: string | null;
  abort_reason: string | null;
}

function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

function toRecord(row: ScanRow): ScanRecord {
  return {
    id: row.id,
    state: row.state,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    accountId: row.account_id,
    source: row.source,
    toolVersion: row.tool_version,
    apiCalls: row.api_calls,
    incomplete: row.incomplete === null ? null : row.incomplete === 1,
    summary: parseJson(row.summary),
    coverage: parseJson(row.coverage),
    abortReason: row.abort_reason,
  };
}

export class SqliteStore implements AuditStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly now: () => Date;

  private constructor(file: string, db: Database.Database, now: () => Date) {
    this.file = file;
    this.db = db;
    this.now = now;
  }

  /** Open (creating if needed) the database at `file`, or `:memory:`. */
  static open(file: string, options: SqliteStoreOptions = {}): SqliteStore {
    let db: Database.Database;
    try {
      if (file !== ':memory:') {
        // it holds every finding's evidence: private like reports and snapshots (SQLite gives its -wal and -shm
        // files the database file's mode)
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        closeSync(openSync(file, 'a', 0o600));
      }
      db = new Database(file);
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
      db.pragma('journal_mode = WAL');
      // with WAL, NORMAL loses no consistency on a crash, only (on power loss) the last commits
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    } catch (cause) {
      throw new StoreError('AUDIT_CONFIG', `${file}: cannot open the history database: ${(cause as Error).message}`, {
        cause,
      });
    }
    try {
      migrate(db, file);
      const store = new SqliteStore(file, db, options.now ?? (() => new Date()));
      store.abortOrphans(options.staleRunningAfterMs ?? DEFAULT_STALE_RUNNING_AFTER_MS);
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The SQLite journal mode, `wal` for a file database. */
  journalMode(): string {
    return this.db.pragma('journal_mode', { simple: true }) as string;
  }

  private abortOrphans(staleAfterMs: number): void {
    const running = this.db.prepare(`SELECT * FROM scans WHERE state = 'running'`).all() as ScanRow[];
    const rows = running.map((row) => ({
      id: row.id,
      owner: { host: row.owner_host, pid: row.owner_pid, token: row.owner_token },
      startedAt: row.started_at,
    }));
    for (const row of orphans(rows, this.now(), staleAfterMs)) this.markAborted(row.id, KILLED_REASON);
  }

  private markAborted(scanId: string, reason: string): boolean {
    const result = this.db
      .prepare(`UPDATE scans SET state = 'aborted', finished_at = ?, abort_reason = ? WHERE id = ? AND state = 'running'`)
      .run(this.now().toISOString(), reason, scanId);
    return result.changes === 1;
  }

  async beginScan(init: BeginScanInit = {}): Promise<string> {
    const id = init.id ?? randomUUID();
    const startedAt = init.startedAt ? canonicalTime(init.startedAt, 'startedAt') : this.now().toISOString();
    const owner = currentOwner();
    try {
      this.db
        .prepare(
          `INSERT INTO scans (id, state, started_at, owner_host, owner_pid, owner_token)
           VALUES (?, 'running', ?, ?, ?, ?)`,
        )
        .run(id, startedAt, owner.host, owner.pid, owner.token);
    } catch (cause) {
      throw new StoreError('AUDIT_INTERNAL', `cannot begin scan ${id}: ${(cause as Error).message}`, { cause });
    }
    return id;
  }

  async completeScan(scanId: string, report: StreamedReport): Promise<void> {
    checkReportScan(scanId, report);
    const insert = this.db.prepare(
      `INSERT INTO findings (scan_seq, finding_id, status, severity, rule_id, body) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const complete = this.db.transaction((findings: Iterable<Finding>) => {
      const row = this.db.prepare(`SELECT seq, state FROM scans WHERE id = ?`).get(scanId) as
        | Pick<ScanRow, 'seq' | 'state'>
        | undefined;
      if (row?.state !== 'running') throw cannotComplete(scanId, row?.state);
      // inserted as they are produced: the scan's findings are never all in memory
      const rules = new Set<string>();
      for (const f of findings) {
        insert.run(row.seq, f.id, f.status, f.severity, f.ruleId, JSON.stringify(f));
        rules.add(f.ruleId);
      }
      const fields = completionFields(report, rules);
      this.db
        .prepare(
          `UPDATE scans SET state = 'completed', started_at = ?, finished_at = ?, account_id = ?, source = ?,
             tool_version = ?, api_calls = ?, incomplete = ?, summary = ?, coverage = ?
           WHERE seq = ?`,
        )
        .run(
          fields.startedAt,
          fields.finishedAt,
          fields.accountId,
          fields.source,
          fields.toolVersion,
          fields.apiCalls,
          fields.incomplete ? 1 : 0,
          JSON.stringify(fields.summary),
          JSON.stringify(fields.coverage),
          row.seq,
        );
    });
    try {
      complete.immediate(report.findings);
    } catch (cause) {
      if (cause instanceof StoreError) throw cause;
      throw new StoreError('AUDIT_INTERNAL', `cannot complete scan ${scanId}: ${(cause as Error).message}`, { cause });
    }
  }

  async abortScan(scanId: string, reason: string): Promise<void> {
    this.markAborted(scanId, reason);
  }

  async listScans(query: ListScansQuery = {}): Promise<ScanRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM scans WHERE (@state IS NULL OR state = @state)
         ORDER BY started_at DESC, seq DESC LIMIT @limit`,
      )
      .all({ state: query.state ?? null, limit: query.limit ?? -1 }) as ScanRow[];
    return rows.map(toRecord);
  }

  async getScan(scanId: string): Promise<ScanRecord | undefined> {
    const row = this.db.prepare(`SELECT * FROM scans WHERE id = ?`).get(scanId) as ScanRow | undefined;
    return row && toRecord(row);
  }

  async findingsFor(scanId: string): Promise<Finding[]> {
    const rows = this.db
      .prepare(
        `SELECT f.body FROM findings f JOIN scans s ON s.seq = f.scan_seq
         WHERE s.id = ? AND s.state = 'completed' ORDER BY f.finding_id`,
      )
      .all(scanId) as { body: string }[];
    return rows.map((row) => storedFinding(row.body));
  }

  async lastCompleted(n: number): Promise<CompletedScanRecord[]> {
    return (await this.listScans({ state: 'completed', limit: n })).filter(isCompleted);
  }

  async applyRetention(policy: RetentionPolicy): Promise<{ deleted: number }> {
    const rows = this.db
      .prepare(
        `SELECT seq, state, started_at AS startedAt, account_id AS accountId FROM scans WHERE state != 'running'
         ORDER BY started_at DESC, seq DESC`,
      )
      .all() as RetentionRow[];
    const doomed = beyondRetention(rows, policy, this.now());
    const remove = this.db.prepare(`DELETE FROM scans WHERE seq = ?`);
    this.db.transaction(() => doomed.forEach((row) => remove.run(row.seq)))();
    return { deleted: doomed.length };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
