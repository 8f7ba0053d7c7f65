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

/**
 * Bytes handed to the file system at once: big enough that a write call per finding is not the cost. Text is
 * copied into this buffer (outside the JS heap) as it comes, so the strings die young: strings held until a
 * chunk is full would outlive two scavenges, be promoted, and grow the old generation by hundreds of MB of
 * garbage over a large report before a full collection.
 */
const CHUNK_BYTES = 1 << 16;

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
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  const writeAll = (bytes: Buffer) => {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd as number, bytes, offset);
  };
  const flush = () => {
    if (used === 0) return;
    writeAll(chunk.subarray(0, used));
    used = 0;
  };
  const append = (text: string) => {
    // a UTF-8 character is at most 3 bytes per UTF-16 unit
    if (used + text.length * 3 > CHUNK_BYTES) flush();
    if (text.length * 3 > CHUNK_BYTES) writeAll(Buffer.from(text, 'utf8'));
    else used += chunk.write(text, used, 'utf8');
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
      guarded(() => append(text));
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
