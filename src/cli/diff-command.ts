// `alicloud-audit diff [SCAN_A] [SCAN_B]`: what changed for each finding from SCAN_A to SCAN_B (with the history
// before SCAN_A), by default between the newest two completed scans. `--format table|json|csv` lists the changes;
// `--format ocsf` writes SCAN_B's findings as OCSF events carrying their lifecycle (Create, Update, Close), as a
// SIEM takes them.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { addConfigFlags, givesOutputs, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import type { AuditConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { csvCell } from '../outputs/csv.js';
import { defaultFileName, type FormatName } from '../outputs/formats.js';
import { openAtomicOutput, type AtomicOutput } from '../outputs/write-atomic.js';
import { CHANGE_KINDS, diffScans, type FindingChange, type FindingState, type ScanChanges } from '../store/diff.js';
import { reportDelta, storedReport } from '../store/report-delta.js';
import type { AuditStore } from '../store/store.js';
import { writeOutputs, writesFiles, type OutputTarget } from '../scan/deliver.js';
import { renderColumns } from './columns.js';
import { openExistingStore } from './history-command.js';
import { checkOutputTargets } from '../scan/output-checks.js';

const CHANGE_FORMATS = ['table', 'json', 'csv'] as const;
type ChangeFormat = (typeof CHANGE_FORMATS)[number];
const DIFF_FORMATS: readonly FormatName[] = [...CHANGE_FORMATS, 'ocsf'];
const isChangeFormat = (format: FormatName): format is ChangeFormat => (CHANGE_FORMATS as readonly string[]).includes(format);

/** The changes counted by kind, in listing order, those that happened only. */
function countLine(changes: readonly FindingChange[]): string {
  const counts = CHANGE_KINDS.map((kind) => [kind, changes.filter((change) => change.change === kind).length] as const);
  return counts.filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'no change';
}

const stateText = (state: FindingState | null): string => (state ? `${state.status}/${state.severity}` : '-');

function renderTable(diff: ScanChanges): string {
  const { base, target, changes } = diff;
  const head = `scan ${target.id} (${target.finishedAt}) against ${base ? `${base.id} (${base.finishedAt})` : 'nothing'}, account ${target.accountId}: ${countLine(changes)}\n`;
  if (changes.length === 0) return head;
  const rows = changes.map((c) => [c.change, c.severity, c.ruleId, c.resource.type, c.resource.id, c.resource.region, stateText(c.from), stateText(c.to), c.title]);
  return head + renderColumns(['CHANGE', 'SEVERITY', 'RULE', 'TYPE', 'RESOURCE', 'REGION', 'WAS', 'NOW', 'TITLE'], rows);
}

function renderJson(diff: ScanChanges): string {
  const scan = (record: ScanChanges['target'] | null) => (record ? { id: record.id, finishedAt: record.finishedAt } : null);
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, diff.changes.filter((change) => change.change === kind).length]));
  return `${JSON.stringify({ accountId: diff.target.accountId, base: scan(diff.base), target: scan(diff.target), counts, changes: diff.changes }, null, 2)}\n`;
}

const CSV_COLUMNS: ReadonlyArray<readonly [header: string, value: (change: FindingChange) => string]> = [
  ['change', (c) => c.change],
  ['severity', (c) => c.severity],
  ['rule_id', (c) => c.ruleId],
  ['resource_type', (c) => c.resource.type],
  ['resource_id', (c) => c.resource.id],
  ['region', (c) => c.resource.region],
  ['from_status', (c) => c.from?.status ?? ''],
  ['from_severity', (c) => c.from?.severity ?? ''],
  ['to_status', (c) => c.to?.status ?? ''],
  ['to_severity', (c) => c.to?.severity ?? ''],
  ['title', (c) => c.title],
  ['finding_id', (c) => c.findingId],
];

function renderCsv(diff: ScanChanges): string {
  const row = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return row(CSV_COLUMNS.map(([header]) => header)) + diff.changes.map((change) => row(CSV_COLUMNS.map(([, value]) => value(change)))).join('');
}

const RENDER: Record<ChangeFormat, (diff: ScanChanges) => string> = { table: renderTable, json: renderJson, csv: renderCsv };

/** Where each format goes: `--output` files, generated names in `--output-dir`, or stdout (one format only). */
function diffTargets(config: AuditConfig, diff: ScanChanges): OutputTarget[] {
  if (!writesFiles(config)) {
    const formats = config.formats ?? ['table'];
    if (formats.length > 1) throw new UsageError('several --format values need one --output each, or --output-dir');
    return formats.map((format) => ({ format }));
  }
  const { outputDir } = config;
  const named = Object.entries(config.outputs ?? {}).map(([format, path]) => ({ format: format as FormatName, path }));
  const inDir = outputDir === undefined ? [] : (config.formats ?? ['json']).map((format) => {
    // the OCSF events are SCAN_B's report, named as its scan named it; a list of changes is named apart from it
    const name = defaultFileName(format, diff.target.accountId, diff.target.finishedAt);
    return { format, path: join(outputDir, isChangeFormat(format) ? name.replace(/^alicloud-audit-/, 'alicloud-audit-diff-') : name) };
  });
  return [...named, ...inDir];
}

function checkFormats(config: AuditConfig): void {
  for (const format of [...(config.formats ?? []), ...Object.keys(config.outputs ?? {})] as FormatName[]) {
    if (!DIFF_FORMATS.includes(format)) throw new UsageError(`--format: diff writes ${DIFF_FORMATS.join(', ')}, not ${format}`);
  }
}

/** Every target written whole or not at all: the change files are committed once the OCSF events are written. */
async function writeDiff(store: AuditStore, diff: ScanChanges, targets: readonly OutputTarget[]): Promise<string[]> {
  const files: AtomicOutput[] = [];
  try {
    for (const target of targets) {
      if (!isChangeFormat(target.format)) continue;
      const text = RENDER[target.format](diff);
      if (target.path === undefined) {
        process.stdout.write(text);
        continue;
      }
      mkdirSync(dirname(target.path), { recursive: true, mode: 0o700 });
      const file = openAtomicOutput(target.path);
      files.push(file);
      file.write(text);
    }
    const events = targets.filter((target) => !isChangeFormat(target.format));
    if (events.length > 0) await writeOutputs({ ...(await storedReport(store, diff.target)), delta: reportDelta(diff) }, events);
    for (const file of files) file.commit();
  } catch (error) {
    for (const file of files) file.discard();
    throw error;
  }
  return targets.flatMap((target) => (target.path === undefined ? [] : [target.path]));
}

export function diffCommand(): Command {
  const command = new Command('diff')
    .description('Show what changed for each finding between two completed scans (default: the newest two)')
    .argument('[scanA]', 'the older scan id')
    .argument('[scanB]', 'the newer scan id (default: the newest completed scan)');
  addConfigFlags(command, ['config', 'store', 'format', 'output', 'outputDir']).addHelpText('after', `\nChanges, regressions first: ${CHANGE_KINDS.join(', ')}.`);
  // the flag is the scan's, its formats are not: say which this command writes
  const format = command.options.find((option) => option.long === '--format');
  if (format) format.description = "table (default), json or csv: one entry per changed finding; ocsf: SCAN_B's findings as OCSF events with their lifecycle. Repeatable";
  command.action(async (scanA: string | undefined, scanB: string | undefined, flags: ConfigFlags) => {
    const loaded = await loadConfig(flags);
    // only these flags choose formats here: a config file's formats and outputDir are for scans
    const config: AuditConfig = givesOutputs(flags) ? loaded : { ...loaded, formats: undefined, outputs: undefined, outputDir: undefined };
    checkFormats(config);
    // before reading anything; the sinks' spool is a scan's, not checked here
    checkOutputTargets({ ...config, spoolDir: undefined }, undefined);
    const store = await openExistingStore(config);
    try {
      const diff = await diffScans(store, scanA, scanB);
      await writeDiff(store, diff, diffTargets(config, diff));
    } finally {
      await store.close();
    }
  });
  return command;
}
