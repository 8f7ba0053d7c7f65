// Where the history lives when neither --store nor store.path says: beside the sinks' spool, in the user's state
// directory ($XDG_STATE_HOME/alicloud-audit, else ~/.local/state/alicloud-audit).
import { dirname, join } from 'node:path';
import { defaultSpoolDir } from '../outputs/sinks/spool.js';

export function defaultStorePath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return join(dirname(defaultSpoolDir(env)), 'history.db');
}
