// `alicloud-audit fix FINDING-ID --from-snapshot FILE`: the `aliyun` CLI calls (or the Terraform snippet) that
// would fix one failing finding, with the resource's real ids. It reads a saved inventory, not a report: a
// report keeps the finding but not the record the commands are filled from, and `scan --snapshot-out` writes
// both in one run. It only prints; the auditor stays read-only.
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { BUNDLED_RULES_DIR, loadRules } from '../engine/index.js';
import { findFixTarget, renderFix } from '../engine/fix.js';
import { loadSnapshot } from '../inventory/snapshot.js';

export interface FixCommandIo {
  out(text: string): void;
}

const stdout: FixCommandIo = { out: (text) => void process.stdout.write(text) };

interface FixFlags {
  fromSnapshot: string;
  format: 'cli' | 'terraform';
  rulesDir: string[];
}

export function fixCommand(io: FixCommandIo = stdout): Command {
  // described in src/cli/commands.ts
  return new Command('fix')
    .argument('<finding-id>', 'the id of a failing finding, from the report of a scan of this inventory')
    .requiredOption('--from-snapshot <file>', 'the inventory the finding came from (saved with scan --snapshot-out)')
    .addOption(new Option('--format <name>', 'cli: aliyun CLI commands; terraform: an alicloud provider snippet').choices(['cli', 'terraform']).default('cli'))
    .option('--rules-dir <dir>', 'add a folder of custom rules (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .action(async (id: string, flags: FixFlags) => {
      const [inventory, rules] = await Promise.all([loadSnapshot(flags.fromSnapshot), loadRules([BUNDLED_RULES_DIR, ...flags.rulesDir])]);
      // evaluated as of the collection, as the scan that reported the finding saw it
      const now = new Date(inventory.collectedAt);
      const target = findFixTarget(inventory, rules, id, now);
      if (!target) throw new UsageError(`no finding ${id} in ${flags.fromSnapshot} (take the id from a report of a scan of this inventory)`);
      const { rule, finding, view } = target;
      const about = `${rule.id} on ${finding.resource.type} ${finding.resource.id}`;
      if (finding.status !== 'fail') throw new UsageError(`finding ${id} (${about}) is ${finding.status}, not fail: nothing to fix`);
      const fix = rule.fix ? renderFix(rule.fix, view, rule.params, now) : undefined;
      const text = flags.format === 'cli' ? fix?.cli.join('\n') : fix?.terraform;
      // an `each` call can also find nothing it knows how to change on this record
      if (!text) throw new UsageError(`rule ${rule.id} has no ${flags.format} fix for this finding; its remediation: ${rule.remediation}`);
      const warning = fix!.unresolved.length > 0 ? `# not known from the inventory: ${[...new Set(fix!.unresolved)].join(', ')}: fill in or add these by hand\n` : '';
      // `#` starts a comment in a shell and in HCL alike
      io.out(`# ${about}: ${finding.evidence}\n# not run by alicloud-audit: review it, then apply it yourself\n${warning}${text.trimEnd()}\n`);
    });
}
