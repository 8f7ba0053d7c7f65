// Which process owns a running scan, and whether that process is gone. A store opened by `history` while the
// service is mid-scan must not abort the service's scan; one left by a killed process must be aborted.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface ScanOwner {
  host: string;
  pid: number;
  /** distinguishes this process from an earlier one with the same pid (pid 1 in a restarted container) */
  token: string;
}

const THIS_PROCESS: ScanOwner = { host: hostname(), pid: process.pid, token: randomUUID() };

export function currentOwner(): ScanOwner {
  return THIS_PROCESS;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the owner certainly or very probably died. A scan owned by another host cannot be checked, so it
 * counts as gone only once it has been running longer than `staleAfterMs`.
 */
export function ownerGone(owner: ScanOwner, startedAtMs: number, nowMs: number, staleAfterMs: number): boolean {
  const self = currentOwner();
  if (owner.host !== self.host) return nowMs - startedAtMs > staleAfterMs;
  if (owner.pid === self.pid) return owner.token !== self.token;
  return !pidAlive(owner.pid);
}
