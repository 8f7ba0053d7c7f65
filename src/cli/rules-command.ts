// `alicloud-audit rules list|show|test`: browse the rule catalogue and run the rules' own examples.
// `--rules-dir DIR` (repeatable) adds custom rule folders to the bundled ones. `rules list` takes the scan's scope
// flags (and a config's `scope:`), so it shows exactly the rules such a scan would run.
import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import { addConfigFlags, type ConfigFlags } from '../config/flags.js';
import { loadConfig } from '../config/load.js';
import {
  BUNDLED_RULES_DIR,
  exampleSetProblems,
  loadRules,
  RuleExamplesFailedError,
  RuleNotFoundError,
  runExamples,
  type Rule,
} from '../engine/index.js';
import { renderColumns } from './columns.js';
import { highestSeverity, selectRules } from '../scan/scope.js';

export interface RulesCommandIo {
  out(text: string): void;
}

const stdout: RulesCommandIo = { out: (text) => void process.stdout.write(text) };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--rules-dir`, on `rules` (before the subcommand) and on each subcommand (`rules test --rules-dir DIR`). */
function withRulesDir(command: Command): Command {
  return command.option('--rules-dir <dir>', 'add a folder of custom rules (repeatable)', collect, [] as string[]);
}

/** The custom folders given to `rules` and to the subcommand. */
const customDirs = (command: Command): string[] =>
  [command.parent, command].flatMap((level) => level?.opts<{ rulesDir?: string[] }>().rulesDir ?? []);

export function rulesCommand(io: RulesCommandIo = stdout): Command {
  const rules = withRulesDir(new Command('rules').description('list, show and test the audit rules'));

  const list = rules
    .command('list')
    .description('list the rules: id, severity, duty, service, CIS controls, title; the scope flags filter them as they filter a scan');
  // --rules-dir as the scan takes it: it replaces a config's rulesDirs
  addConfigFlags(list, ['config', 'rulesDir', 'services', 'rules', 'excludeRules', 'severity', 'duties', 'cisControls'])
    .addOption(new Option('--format <name>', 'table or json').choices(['table', 'json']).default('table'))
    .action(async ({ format, ...flags }: ConfigFlags & { format: 'table' | 'json' }, command: Command) => {
      const config = await loadConfig(flags);
      const dirs = [BUNDLED_RULES_DIR, ...customDirs(command.parent as Command), ...config.rulesDirs];
      const selected = selectRules(await loadRules(dirs), config.scope);
      io.out(format === 'json' ? `${JSON.stringify(selected.map(summary), null, 2)}\n` : listTable(selected));
    });

  withRulesDir(rules.command('show'))
    .description('print one rule')
    .argument('<id>', 'rule id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const rule = (await loadRules([BUNDLED_RULES_DIR, ...customDirs(command)])).find((candidate) => candidate.id === id);
      if (!rule) throw new RuleNotFoundError(id);
      const { examples, ...rest } = rule;
      const counts = Object.fromEntries(Object.entries(examples).map(([outcome, list]) => [outcome, list.length]));
      io.out(stringify({ ...rest, examples: counts }));
    });

  withRulesDir(rules.command('test'))
    .description("run the rules' examples; exits non-zero when one fails")
    .argument('[dir]', 'test only the rules in this folder')
    .action(async (dir: string | undefined, _options: unknown, command: Command) => {
      const selected = await loadRules(dir === undefined ? [BUNDLED_RULES_DIR, ...customDirs(command)] : [dir, ...customDirs(command)]);
      const failures = selected.reduce((sum, rule) => sum + report(rule, io), 0);
      io.out(`${selected.length} rules, ${failures} failure(s)\n`);
      if (failures > 0) throw new RuleExamplesFailedError(failures);
    });

  return rules;
}

function summary(rule: Rule) {
  const { id, title, service, resource, duty, severity, file } = rule;
  return { id, title, service, resource, duty, severity, highestSeverity: highestSeverity(rule), cisControls: rule.cis.map((entry) => entry.control), file };
}

function listTable(selected: readonly Rule[]): string {
  const rows = selected.map((rule) => {
    const highest = highestSeverity(rule);
    const severity = highest === rule.severity ? rule.severity : `${rule.severity}, up to ${highest}`;
    return [rule.id, severity, rule.duty, rule.service, rule.cis.map((entry) => entry.control).join(',') || '-', rule.title];
  });
  return renderColumns(['ID', 'SEVERITY', 'DUTY', 'SERVICE', 'CIS', 'TITLE'], rows);
}

/** Prints one rule's example results and returns its number of failures. */
function report(rule: Rule, io: RulesCommandIo): number {
  const problems = [
    ...exampleSetProblems(rule),
    ...runExamples(rule).flatMap((result) => result.problems.map((problem) => `${result.expected} "${result.name}": ${problem}`)),
  ];
  const total = Object.values(rule.examples).reduce((sum, list) => sum + list.length, 0);
  io.out(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${rule.id} (${total} examples) ${rule.file}\n`);
  for (const problem of problems) io.out(`     ${problem}\n`);
  return problems.length;
}
