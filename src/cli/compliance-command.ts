// `alicloud-audit compliance [--report FILE]`: the CIS Alibaba Cloud Foundations Benchmark 2.0.0 control by
// control. With a report: each control's status and the resources behind it. Without one: which rules (bundled
// and `--rules-dir`) decide each control, and why the others are manual or not covered. `--by duty` prints the
// same view per duty of the shared responsibility model.
import { Command, Option } from 'commander';
import { BUNDLED_RULES_DIR, loadRules } from '../engine/index.js';
import { complianceView } from '../findings/compliance.js';
import type { ComplianceControl, ComplianceView } from '../findings/types.js';
import { dutiesText, readReport } from './duties-command.js';

export interface ComplianceCommandIo {
  out(text: string): void;
}

const stdout: ComplianceCommandIo = { out: (text) => void process.stdout.write(text) };

const collect = (value: string, previous: string[]) => [...previous, value];

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n') + '\n';
}

function countsText(control: ComplianceControl): string {
  const { pass, fail, error, muted } = control.counts;
  return pass + fail + error + muted === 0 ? '-' : `${fail} fail, ${pass} pass, ${error} error, ${muted} muted`;
}

/** With findings: status, resources and rules; from the rules alone: which rules decide the control. */
function render(view: ComplianceView, fromReport: boolean): string {
  const rows = view.controls.map((control) => {
    const title = `${control.title}${control.note ? ` (${control.note})` : ''}`;
    const rules = control.rules.join(', ') || '-';
    return fromReport
      ? [control.control, control.status, countsText(control), rules, title]
      : [control.control, control.rules.length > 0 ? 'automated' : control.status, rules, title];
  });
  const header = fromReport ? ['CONTROL', 'STATUS', 'RESOURCES', 'RULES', 'TITLE'] : ['CONTROL', 'ASSESSED', 'RULES', 'TITLE'];
  const totals = Object.entries(view.totals)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  const summary = fromReport ? `${view.framework} ${view.version}: ${view.controls.length} controls: ${totals}\n` : '';
  return table([header, ...rows]) + summary;
}

export function complianceCommand(io: ComplianceCommandIo = stdout): Command {
  // described in src/cli/commands.ts
  return new Command('compliance')
    .addOption(new Option('--framework <name>', 'the framework').choices(['cis-2.0']).default('cis-2.0'))
    .option('--report <file>', 'a JSON report written by `scan --format json`')
    .addOption(new Option('--by <view>', 'control by control, or per duty of the shared responsibility model').choices(['control', 'duty']).default('control'))
    .addOption(new Option('--format <name>', 'table or the view as JSON').choices(['table', 'json']).default('table'))
    .option('--rules-dir <dir>', 'add a folder of custom rules (repeatable)', collect, [] as string[])
    .action(async (options: { report?: string; by: 'control' | 'duty'; format: 'table' | 'json'; rulesDir: string[] }) => {
      if (options.by === 'duty') {
        io.out(options.format === 'json' && options.report ? `${JSON.stringify((await readReport(options.report)).coverage.duties, null, 2)}\n` : await dutiesText(options));
        return;
      }
      const rules = await loadRules([BUNDLED_RULES_DIR, ...options.rulesDir]);
      const report = options.report === undefined ? undefined : await readReport(options.report);
      // reports written before the compliance block are viewed from their findings
      const view = report?.compliance ?? complianceView(report ?? { findings: [] }, rules);
      io.out(options.format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : render(view, report !== undefined));
    });
}
