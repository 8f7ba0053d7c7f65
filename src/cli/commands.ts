// The subcommands, named and described here so that `--help`, `--version` and `help` load none of them: a
// command's module (its options, and the SDKs its config pulls in) is imported only when that command runs.
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  description: string;
  /** how the command list of `--help` shows it: name, `[options]` when it has any, its arguments */
  term: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    description: 'Scan an Alibaba Cloud account (or the bundled demo account, or a saved inventory) and report findings',
    term: 'scan [options]',
    load: async () => (await import('./scan-command.js')).scanCommand(),
  },
  {
    name: 'serve',
    description: 'Scan on a schedule as a long-running service: history and deltas in the store, /healthz and /metrics over HTTP',
    term: 'serve [options]',
    load: async () => (await import('./serve-command.js')).serveCommand(),
  },
  {
    name: 'org-scan',
    description: 'Run an organisation scan on the workers: one unit per member account in the PostgreSQL queue, then the organisation report',
    term: 'org-scan [options]',
    load: async () => (await import('./org-scan-command.js')).orgScanCommand(),
  },
  {
    name: 'worker',
    description: 'Take the units of organisation runs from the PostgreSQL queue and scan them (any number of processes, on any machines)',
    term: 'worker [options]',
    load: async () => (await import('./worker-command.js')).workerCommand(),
  },
  {
    name: 'history',
    description: 'List the scans in the history store, newest first',
    term: 'history [options]',
    load: async () => (await import('./history-command.js')).historyCommand(),
  },
  {
    name: 'diff',
    description: 'Show what changed for each finding between two completed scans (default: the newest two)',
    term: 'diff [options] [scanA] [scanB]',
    load: async () => (await import('./diff-command.js')).diffCommand(),
  },
  {
    name: 'rules',
    description: 'list, show and test the audit rules',
    term: 'rules [options]',
    load: async () => (await import('./rules-command.js')).rulesCommand(),
  },
  {
    name: 'duties',
    description: 'print the coverage matrix of the customer duties (from a JSON report, or the rules that would assess them)',
    term: 'duties [options]',
    load: async () => (await import('./duties-command.js')).dutiesCommand(),
  },
  {
    name: 'compliance',
    description:
      'print the CIS Alibaba Cloud Foundations Benchmark 2.0.0 control by control (from a JSON report, or the rules that decide each)',
    term: 'compliance [options]',
    load: async () => (await import('./compliance-command.js')).complianceCommand(),
  },
  {
    name: 'fix',
    description: 'Print the aliyun CLI commands (or Terraform) that would fix one failing finding of a saved inventory; never runs them',
    term: 'fix [options] <finding-id>',
    load: async () => (await import('./fix-command.js')).fixCommand(),
  },
  {
    name: 'policy',
    description: 'Print the least-privilege RAM policy document the auditor needs (read-only); --org: the management and member role policies',
    term: 'policy [options]',
    load: async () => (await import('./policy-command.js')).policyCommand(),
  },
];
