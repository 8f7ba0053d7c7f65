// Builds the command tree and maps what it throws to exit codes. Only the command the arguments name is loaded
// (src/cli/commands.ts); the others stand in the tree by name and description, for `--help` and its errors.
import { Command, CommanderError, Help } from 'commander';
import { EXIT_CODES } from '../findings/exit-status.js';
import { TOOL_VERSION } from '../version.js';
import { COMMANDS, type CommandEntry } from './commands.js';

/** The command `alicloud-audit ARGS` runs: the first argument, or the one after `help`. */
function invoked(args: readonly string[]): CommandEntry | undefined {
  const name = args[0] === 'help' ? args[1] : args[0];
  return COMMANDS.find((entry) => entry.name === name);
}

/** `argv` as process.argv: the node binary and the script first. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('alicloud-audit')
    .description('Security auditor for Alibaba Cloud accounts: the customer side of the ECS shared responsibility model')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride();
  const terms = new Map(COMMANDS.map((entry) => [entry.name, entry.term]));
  const defaultHelp = new Help();
  program.configureHelp({ subcommandTerm: (command) => terms.get(command.name()) ?? defaultHelp.subcommandTerm(command) });
  const wanted = invoked(argv.slice(2));
  for (const entry of COMMANDS) {
    const command = entry === wanted ? await entry.load() : new Command(entry.name);
    program.addCommand(command.description(entry.description));
  }
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
    await (await buildProgram(argv)).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // commander has already printed its own usage errors, and its help
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_CODES.badInput;
    const [{ exitCodeForError, messageForError }, { Redactor }] = await Promise.all([import('./exit.js'), import('../cloud/redact.js')]);
    process.stderr.write(`${new Redactor().text(messageForError(error))}\n`);
    return exitCodeForError(error);
  }
}
