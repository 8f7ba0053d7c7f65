// `alicloud-audit diff [SCAN_A] [SCAN_B]`: the delta of SCAN_B against SCAN_A (and the history before it), by
// default the newest two completed scans. Printed as a list of changes, or rendered in the chosen formats (the
// target scan's report with its `delta`: OCSF events then carry the lifecycle).
import { Command } from 'commander';
import { addConfigFlags, givesOutputs, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import type { Report } from '../findings/types.js';
import { diffScans } from '../store/diff.js';
import { isChange } from '../findings/lifecycle.js';
import { reportDelta, storedReport } from '../store/report-delta.js';
import { fileTargets, stdoutTargets, writeOutputs, writesFiles } from '../scan/deliver.js';
import { openExistingStore } from './history-command.js';

/** The changes, one per line: kind, severity, finding id, title. */
function renderDeltaText(report: Report): string {
  const delta = report.delta;
  if (!delta) return '';
  const { counts } = delta;
  const findings = new Map(report.findings.map((finding) => [finding.id, finding]));
  const lines = delta.entries.filter(isChange).map((entry) => {
    const finding = findings.get(entry.findingId) ?? entry.lastReported;
    return `${entry.kind.padEnd(9)}  ${(finding?.severity ?? '').padEnd(8)}  ${entry.findingId}  ${finding?.title ?? ''}`.trimEnd();
  });
  const header =
    `scan ${report.scan.id} (${report.scan.finishedAt}) against ${delta.baseScanId ?? 'nothing'}: ` +
    `${counts.new} new, ${counts.reopened} reopened, ${counts.resolved} resolved, ${counts.unchanged} unchanged`;
  return `${[header, ...lines].join('\n')}\n`;
}

export function diffCommand(): Command {
  const command = new Command('diff')
    .description('Show what changed between two completed scans (default: the newest two)')
    .argument('[scanA]', 'the older scan id')
    .argument('[scanB]', 'the newer scan id (default: the newest completed scan)');
  addConfigFlags(command, ['config', 'store', 'format', 'output', 'outputDir']).action(
    async (scanA: string | undefined, scanB: string | undefined, flags: ConfigFlags) => {
      const config = await loadConfig(flags);
      // only these flags choose formats here: a config file's formats and outputDir are for scans
      const chosen = givesOutputs(flags);
      const store = await openExistingStore(config);
      let report: Report;
      try {
        const diff = await diffScans(store, scanA, scanB);
        report = { ...(await storedReport(store, diff.target)), delta: reportDelta(diff) };
      } finally {
        await store.close();
      }
      if (!chosen) {
        process.stdout.write(renderDeltaText(report));
        return;
      }
      await writeOutputs(report, writesFiles(config) ? fileTargets(config, report) : stdoutTargets(config.formats ?? ['json']));
    },
  );
  return command;
}
