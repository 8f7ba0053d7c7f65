// The README documents every command, and its examples use only flags the commands have: a command added or a
// flag renamed without its documentation fails here.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Every command path of the program: `scan`, `rules`, `rules list`, ... (commander's own `help` aside). */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands
    .filter((sub) => sub.name() !== 'help')
    .flatMap((sub) => [[...prefix, sub.name()], ...commandPaths(sub, [...prefix, sub.name()])]);
}
// every command loaded (the program itself loads only the one its arguments name)
const program = new Command('alicloud-audit');
for (const entry of COMMANDS) program.addCommand(await entry.load());
const paths = commandPaths(program);

/** Each `alicloud-audit CMD [SUB] ...` in the README (continued lines joined): the command path and its flags. */
function examples(): Array<{ line: string; path: string[]; flags: string[] }> {
  const known = new Set(paths.map((path) => path.join(' ')));
  const text = readme.replace(/\\\n\s*/g, ' ');
  const found: Array<{ line: string; path: string[]; flags: string[] }> = [];
  for (const match of text.matchAll(/alicloud-audit ([a-z]+)(?: ([a-z]+))?([^`#|>\n]*)/g)) {
    const [line, first, second, rest = ''] = match as unknown as [string, string, string | undefined, string | undefined];
    if (!known.has(first)) continue;
    const path = second !== undefined && known.has(`${first} ${second}`) ? [first, second] : [first];
    const tail = path.length === 2 ? rest : `${second ?? ''}${rest}`;
    found.push({ line, path, flags: [...tail.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((flag) => flag[0]) });
  }
  return found;
}

/** The flags of the command at `path` and of the commands above it, as `--help` lists them. */
function flagsOf(path: string[]): Set<string> {
  const flags = new Set<string>(['--help', '--version']);
  let command: Command | undefined = program;
  for (const name of path) {
    command = command?.commands.find((sub) => sub.name() === name);
    for (const option of command?.options ?? []) if (option.long) flags.add(option.long);
  }
  return flags;
}

describe('README', () => {
  it('names every command and subcommand, with an example, in the Commands table', () => {
    expect(paths.map((path) => path.join(' '))).toEqual(
      expect.arrayContaining(['scan', 'serve', 'history', 'diff', 'rules', 'rules list', 'rules show', 'rules test', 'duties', 'compliance', 'policy']),
    );
    const table = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1));
    for (const path of paths) {
      // `rules` is its subcommands
      if (paths.some((other) => other.length > path.length && other[0] === path[0])) continue;
      const name = path.join(' ');
      const row = table.split('\n').find((line) => line.startsWith(`| \`${name}`));
      expect(row, `README.md: no row for ${name} in the Commands table`).toBeDefined();
      expect(row, `README.md: no example of ${name} in its row`).toContain(`\`alicloud-audit ${name}`);
    }
  });

  it('links the guide to writing custom rules and their layout', () => {
    expect(readme).toContain('[rules/README.md](rules/README.md)');
    expect(readme).toContain('DIR/<service>/<rule-id>.yaml');
  });

  it('uses in its examples only flags the commands have', () => {
    const found = examples();
    expect(found.length).toBeGreaterThan(30);
    expect(found.flatMap(({ flags }) => flags)).toEqual(expect.arrayContaining(['--store', '--format', '--rules-dir', '--schedule']));
    const unknown = found.flatMap(({ line, path, flags }) => flags.filter((flag) => !flagsOf(path).has(flag)).map((flag) => `${flag} in "${line.trim()}"`));
    expect(unknown).toEqual([]);
  });
});
