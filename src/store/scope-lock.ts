// Mutual exclusion of recorded runs over one scope (an account, or an organisation for an org run) across
// processes and machines. A capability beside AuditStore, not part of it: the PostgreSQL store, shared by many
// hosts, has it; the SQLite store, one file on one machine, does not need it.
import type { AuditStore } from './store.js';
import { StoreError } from './store.js';

export interface ScopeLock {
  release(): Promise<void>;
}

export interface ScopeLocking {
  /** Take the scope's lock now or throw ScopeBusyError; never waits. */
  lockScope(scope: string): Promise<ScopeLock>;
}

export function locksScopes(store: AuditStore): store is AuditStore & ScopeLocking {
  return typeof (store as Partial<ScopeLocking>).lockScope === 'function';
}

export function accountScope(accountId: string): string {
  return `account:${accountId}`;
}

/** Another run holds the scope: the scan could not run (exit 4); it is recorded as aborted with this reason. */
export class ScopeBusyError extends StoreError {
  readonly scope: string;

  constructor(scope: string, where: string) {
    super(
      'AUDIT_INTERNAL',
      `another recorded scan of ${scope.replace(':', ' ')} is running against ${where}; ` +
        `wait for it to finish (scans of different ${scope.split(':')[0]}s may run at once)`,
    );
    this.scope = scope;
  }
}
