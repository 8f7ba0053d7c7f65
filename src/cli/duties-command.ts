// `alicloud-audit duties [--report FILE]`: the coverage matrix of the shared responsibility model's customer
// duties. With a report: each duty's state, rules and finding counts from that scan. Without one: which
// rules (bundled and `--rules-dir`) would assess each duty, or what would.
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { BUNDLED_RULES_DIR, loadRules } from '../engine/index.js';
import { dutyCoverage } from '../findings/report.js';
import type { DutyCoverage, Report } from '../findings/types.js';
import { UsageError } from '../errors.js';

export interface DutiesCommandIo {
  out(text: string): void;
}

const stdout: DutiesCommandIo = { out: (text) => void process.stdout.write(text) };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A JSON report written by `scan --format json`, refused with one sentence when it is not one. */
export async function readReport(file: string): Promise<Report> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--report ${file}: cannot read a JSON report (${(error as Error).message})`, { cause: error });
  }
  const duties = (parsed as Partial<Report> | null)?.coverage?.duties;
  if (!Array.isArray(duties)) throw new UsageError(`--report ${file}: not an alicloud-audit JSON report (no coverage.duties)`);
  return parsed as Report;
}

function row(entry: DutyCoverage, fromReport: boolean): string {
  const state = fromReport ? entry.state : entry.rules.length > 0 ? 'has-rules' : 'not-assessed';
  const rules = entry.rules.join(',') || '-';
  const counts = Object.entries(entry.counts).map(([status, count]) => `${status}=${count}`).join(' ');
  const detail = entry.note ?? (fromReport ? counts : `${entry.rules.length} rule(s)`);
  return [entry.duty, entry.group, state, rules, detail].join('\t');
}

export function dutiesCommand(io: DutiesCommandIo = stdout): Command {
  // described in src/cli/commands.ts
  return new Command('duties')
    .option('--report <file>', 'a JSON report written by `scan --format json`')
    .option('--rules-dir <dir>', 'add a folder of custom rules (repeatable; without --report)', collect, [] as string[])
    .action(async (options: { report?: string; rulesDir: string[] }) => io.out(await dutiesText(options)));
}

/** The duty matrix as printed by `duties` and `compliance --by duty`. */
export async function dutiesText(options: { report?: string; rulesDir: string[] }): Promise<string> {
  const coverage = options.report
    ? (await readReport(options.report)).coverage.duties
    : dutyCoverage(await loadRules([BUNDLED_RULES_DIR, ...options.rulesDir]), []);
  const header = ['duty', 'group', 'state', 'rules', options.report ? 'counts / note' : 'rules / note'].join('\t');
  return [header, ...coverage.map((entry) => row(entry, options.report !== undefined))].join('\n') + '\n';
}
