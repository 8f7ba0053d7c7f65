// Batches a receiver did not accept, kept on disk (0600 files in a 0700 directory) until a later run
// delivers them. File names sort in creation order, so the oldest batch is sent first.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stateDir } from '../../paths.js';
import { writeOutputAtomic } from '../write-atomic.js';

const SUFFIX = '.batch';

/** `$XDG_STATE_HOME/alicloud-audit/spool`, else `~/.local/state/alicloud-audit/spool`. */
export function defaultSpoolDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return join(stateDir(env), 'spool');
}

export class Spool {
  readonly dir: string;
  private sequence = 0;

  constructor(dir: string) {
    this.dir = dir;
  }

  async add(body: string): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const name = `${Date.now().toString().padStart(15, '0')}-${(this.sequence++).toString().padStart(6, '0')}-${randomBytes(4).toString('hex')}${SUFFIX}`;
    await writeOutputAtomic(join(this.dir, name), body);
  }

  /** Oldest first. An absent directory is an empty spool. */
  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((name) => name.endsWith(SUFFIX)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async read(file: string): Promise<string> {
    return readFile(join(this.dir, file), 'utf8');
  }

  async remove(file: string): Promise<void> {
    await rm(join(this.dir, file));
  }
}
