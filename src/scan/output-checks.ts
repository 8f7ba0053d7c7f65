// Every place a scan will write (report files, --output-dir, --snapshot-out, the sinks' spool) is checked before
// the first API call, so a typo costs one sentence and exit 2, not a whole scan and a stack trace. Nothing is
// created here: a folder that does not exist yet only needs its nearest existing ancestor to be a writable folder.
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AuditConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    // ENOTDIR: a file stands where a folder of the path should be; the walk up finds it
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The folder `dir` is, or could be created in: the nearest existing ancestor must be a folder we may write to. */
function checkFolder(flag: string, given: string, dir: string): void {
  let existing = resolve(dir);
  let stats = statOf(existing);
  while (!stats && dirname(existing) !== existing) {
    existing = dirname(existing);
    stats = statOf(existing);
  }
  if (!stats?.isDirectory()) {
    throw new UsageError(`${flag} ${given}: ${existing === resolve(given) ? 'it' : existing} is a file, not a folder.`);
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`${flag} ${given}: the folder ${existing} is not writable.`);
  }
}

function checkFile(flag: string, path: string): void {
  if (statOf(path)?.isDirectory()) throw new UsageError(`${flag} ${path}: is a folder; give a file name.`);
  checkFolder(flag, path, dirname(path));
}

export function checkOutputTargets(config: AuditConfig, snapshotOut: string | undefined): void {
  for (const path of Object.values(config.outputs ?? {})) checkFile('--output', path);
  if (config.outputDir !== undefined) checkFolder('--output-dir', config.outputDir, config.outputDir);
  if (snapshotOut !== undefined) checkFile('--snapshot-out', snapshotOut);
  if (config.spoolDir !== undefined) checkFolder('--spool-dir', config.spoolDir, config.spoolDir);
}
