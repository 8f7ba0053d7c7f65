// Output files appear whole or not at all: write a temp file beside the target, fsync, then rename.
// A reader (or a SIEM file watcher) never sees a partial report, and a failure leaves no temp behind.
// A report is written in chunks as its findings are produced (`openAtomicOutput`), never as one string.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';

/** Reports describe weaknesses in the account: only the owner may read them. */
export const OUTPUT_FILE_MODE = 0o600;

/** Text written in order; `ready()` is a promise while the destination asks the writer to wait (backpressure). */
export interface TextOut {
  write(text: string): void;
  ready(): Promise<void> | undefined;
}

/** A text output that is committed (made visible whole) or discarded at the end. */
export interface AtomicOutput extends TextOut {
  commit(): void;
  discard(): void;
}

/** Chunks handed to the file system at once; big enough that a write call per finding is not the cost. */
const CHUNK_CHARS = 1 << 16;

/** A 0600 temp file beside `path`, written in chunks with synchronous writes and renamed onto `path` on commit. */
export function openAtomicOutput(path: string): AtomicOutput {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (error: unknown): never => {
    throw new OutputError(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  };
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', OUTPUT_FILE_MODE);
  } catch (error) {
    fail(error);
  }
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = () => {
    if (pendingChars === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingChars = 0;
    const bytes = Buffer.from(chunk, 'utf8');
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd as number, bytes, offset);
  };
  const close = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  const discard = () => {
    try {
      close();
    } finally {
      rmSync(temp, { force: true });
    }
  };
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (error) {
      discard();
      fail(error);
    }
  };
  return {
    write(text) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= CHUNK_CHARS) guarded(flush);
    },
    ready: () => undefined,
    commit() {
      guarded(() => {
        flush();
        fsyncSync(fd as number);
        close();
        renameSync(temp, path);
      });
    },
    discard,
  };
}

export async function writeOutputAtomic(path: string, data: string): Promise<void> {
  const output = openAtomicOutput(path);
  output.write(data);
  output.commit();
}
