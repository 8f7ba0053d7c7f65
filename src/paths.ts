// Where the package's own data lives (src/ and dist/ both sit one level below the package root), and where the
// tool keeps its state between runs: the history and the sinks' spool, in the user's state directory.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEMO_ACCOUNT_FILE = fileURLToPath(new URL('../fixtures/demo/account.json', import.meta.url));

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_STATE_HOME/alicloud-audit`, else `~/.local/state/alicloud-audit`. */
export function stateDir(env: Env = process.env): string {
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'alicloud-audit');
}

/** Where the history lives when neither --store nor store.path says. */
export function defaultStorePath(env: Env = process.env): string {
  return join(stateDir(env), 'history.db');
}
