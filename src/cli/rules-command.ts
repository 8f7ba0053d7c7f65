// `alicloud-audit rules list|show|test`: browse the rule catalogue and run the rules' own examples.
// `--rules-dir DIR` (repeatable) adds custom rule folders to the bundled ones.
import { Command } from 'commander';
import { stringify } from 'yaml';
import {
  BUNDLED_RULES_DIR,
  exampleSetProblems,
  loadRules,
  RuleExamplesFailedError,
  RuleNotFoundError,
  runExamples,
  type Rule,
} from '../engine/index.js';

export interface RulesCommandIo {
  out(text: string): void;
}

const stdout: RulesCommandIo = { out: (text) => void process.stdout.write(text) };

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function rulesDirs(command: Command): string[] {
  const { rulesDir } = command.optsWithGlobals<{ rulesDir: string[] }>();
  return [BUNDLED_RULES_DIR, ...rulesDir];
}

export function rulesCommand(io: RulesCommandIo = stdout): Command {
  const rules = new Command('rules')
    .description('list, show and test the audit rules')
    .option('--rules-dir <dir>', 'add a folder of custom rules (repeatable)', collect, [] as string[]);

  rules
    .command('list')
    .description('list every rule: id, severity, duty, CIS controls, title')
    .action(async (_options: unknown, command: Command) => {
      for (const rule of await loadRules(rulesDirs(command))) {
        const cis = rule.cis.map((entry) => entry.control).join(',') || '-';
        io.out(`${rule.id}\t${rule.severity}\t${rule.duty}\tCIS ${cis}\t${rule.title}\n`);
      }
    });

  rules
    .command('show')
    .description('print one rule')
    .argument('<id>', 'rule id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const rule = (await loadRules(rulesDirs(command))).find((candidate) => candidate.id === id);
      if (!rule) throw new RuleNotFoundError(id);
      const { examples, ...rest } = rule;
      const counts = Object.fromEntries(Object.entries(examples).map(([outcome, list]) => [outcome, list.length]));
      io.out(stringify({ ...rest, examples: counts }));
    });

  rules
    .command('test')
    .description("run the rules' examples; exits non-zero when one fails")
    .argument('[dir]', 'test only the rules in this folder')
    .action(async (dir: string | undefined, _options: unknown, command: Command) => {
      const { rulesDir } = command.optsWithGlobals<{ rulesDir: string[] }>();
      const selected = await loadRules(dir === undefined ? rulesDirs(command) : [dir, ...rulesDir]);
      const failures = selected.reduce((sum, rule) => sum + report(rule, io), 0);
      io.out(`${selected.length} rules, ${failures} failure(s)\n`);
      if (failures > 0) throw new RuleExamplesFailedError(failures);
    });

  return rules;
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
