// Output files appear whole or not at all: write a temp file beside the target, fsync, then rename.
// A reader (or a SIEM file watcher) never sees a partial report, and a failure leaves no temp behind.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

/** Reports describe weaknesses in the account: only the owner may read them. */
export const OUTPUT_FILE_MODE = 0o600;

export async function writeOutputAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', OUTPUT_FILE_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new OutputError(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
