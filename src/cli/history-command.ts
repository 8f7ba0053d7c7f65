// `alicloud-audit history`: the scans in the history store, newest first.
import { Command } from 'commander';
import { addConfigFlags, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import type { AuditConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { defaultStorePath } from '../paths.js';
import { openStore } from '../store/open-store.js';
import type { AuditStore, ScanRecord } from '../store/store.js';
import { renderColumns } from './columns.js';

/** The store of `history` and `diff`: it must exist already, they never create one. */
export function openExistingStore(config: AuditConfig): Promise<AuditStore> {
  return openStore(config.store?.path ?? defaultStorePath(), { mustExist: true });
}

function row(scan: ScanRecord): string[] {
  const counts = scan.summary
    ? `${scan.summary.byStatus.fail} fail, ${scan.summary.byStatus.pass} pass, ${scan.summary.byStatus.error} error, ${scan.summary.byStatus.muted} muted`
    : '';
  const note = scan.state === 'aborted' ? (scan.abortReason ?? '') : scan.incomplete ? 'incomplete' : '';
  return [scan.id, scan.state, scan.startedAt, scan.finishedAt ?? '-', scan.accountId ?? '-', counts, note];
}

function renderHistory(scans: readonly ScanRecord[]): string {
  return renderColumns(['SCAN', 'STATE', 'STARTED', 'FINISHED', 'ACCOUNT', 'FINDINGS', 'NOTE'], scans.map(row));
}

interface HistoryFlags extends ConfigFlags {
  limit?: string;
  json?: boolean;
}

export function historyCommand(): Command {
  // described in src/cli/commands.ts
  const command = new Command('history');
  addConfigFlags(command, ['config', 'store'])
    .option('--limit <n>', 'show only the newest N scans')
    .option('--json', 'print the scans as JSON')
    .action(async (flags: HistoryFlags) => {
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit: "${flags.limit}" is not a positive whole number`);
      const store = await openExistingStore(await loadConfig(flags));
      try {
        const scans = await store.listScans(limit === undefined ? {} : { limit });
        process.stdout.write(flags.json ? `${JSON.stringify(scans, null, 2)}\n` : renderHistory(scans));
      } finally {
        await store.close();
      }
    });
  return command;
}
