// Builds the command tree and maps what it throws to exit codes.
import { Command, CommanderError } from 'commander';
import { Redactor } from '../cloud/redact.js';
import { TOOL_VERSION } from '../version.js';
import { complianceCommand } from './compliance-command.js';
import { diffCommand } from './diff-command.js';
import { dutiesCommand } from './duties-command.js';
import { exitCodeForError, messageForError } from './exit.js';
import { historyCommand } from './history-command.js';
import { policyCommand } from './policy-command.js';
import { rulesCommand } from './rules-command.js';
import { scanCommand } from './scan-command.js';
import { serveCommand } from './serve-command.js';

export function buildProgram(): Command {
  const program = new Command('alicloud-audit')
    .description('Security auditor for Alibaba Cloud accounts: the customer side of the ECS shared responsibility model')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(scanCommand());
  program.addCommand(serveCommand());
  program.addCommand(historyCommand());
  program.addCommand(diffCommand());
  program.addCommand(rulesCommand());
  program.addCommand(dutiesCommand());
  program.addCommand(complianceCommand());
  program.addCommand(policyCommand());
  // every level, `rules show` included: commander's own exit would use code 1, the code of "failures found"
  const override = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // commander has already printed its own usage errors
    if (!(error instanceof CommanderError)) process.stderr.write(`${new Redactor().text(messageForError(error))}\n`);
    return exitCodeForError(error);
  }
}

