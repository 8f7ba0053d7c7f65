// `alicloud-audit worker --store postgres://...`: takes units of organisation runs from the queue, any number
// of processes on any machines. Each unit is one member account, scanned as `scan --org` scans it and recorded
// in the store; its reports go into --output-dir. SIGTERM (or SIGINT): take no more units, finish the ones
// running, exit 0.
import { Command } from 'commander';
import { addConfigFlags, endpointSourceOf, type ConfigFlagName } from '../config/flags.js';
import { openQueue, UNIT_QUEUE, workUnit, type UnitData } from '../scan/org-queue.js';
import { queuePlan, wholeNumber, type QueueCommandFlags } from './org-scan-command.js';
import { summaryLine } from './summary.js';

interface WorkerFlags extends QueueCommandFlags {
  units?: string;
}

const WORKER_CONFIG_FLAGS: readonly ConfigFlagName[] = [
  'config', 'regions', 'format', 'outputDir', 'endpointUrl', 'profile', 'roleSessionName', 'roleDuration',
  'rulesDir', 'mutelist', 'sink', 'sinkChangesOnly', 'spoolDir', 'store', 'logLevel',
  'maxAttempts', 'maxRetryTime', 'concurrency', 'requestsPerSecond', 'maxApiShare', 'readTimeout',
  'services', 'rules', 'excludeRules', 'severity', 'duties', 'cisControls',
];

export function workerCommand(): Command {
  // described in src/cli/commands.ts
  const command = new Command('worker');
  addConfigFlags(command, WORKER_CONFIG_FLAGS)
    .option('--units <n>', 'units (member accounts) scanned at once by this process (default 1)')
    .option('--quiet', 'print nothing on stderr but errors and warnings')
    .action(async (flags: WorkerFlags, self: Command) => {
      process.exitCode = await runWorker(flags, endpointSourceOf(self));
    });
  return command;
}

async function runWorker(flags: WorkerFlags, endpointSource: string): Promise<number> {
  const units = wholeNumber('--units', flags.units, 1, 1);
  const { plan, location } = await queuePlan(flags, endpointSource, 'worker');
  const boss = await openQueue(location, plan.logger);
  const running = new Set<Promise<unknown>>();
  const stopping = new Promise<string>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve(signal));
  });
  const handle = async ([job]: Array<{ data: UnitData }>) => {
    const unit = workUnit(plan, job!.data, location, (report, files) => {
      if (!flags.quiet) process.stderr.write(summaryLine(report, files));
    });
    running.add(unit);
    try {
      return await unit;
    } finally {
      running.delete(unit);
    }
  };
  // pg-boss 10 runs one job at a time per `work` subscription: one subscription per unit at once
  for (let i = 0; i < units; i++) await boss.work<UnitData>(UNIT_QUEUE, { batchSize: 1 }, handle);
  if (!flags.quiet) process.stderr.write(`alicloud-audit: worker ${process.pid}: taking units of ${UNIT_QUEUE}, ${units} at a time\n`);
  const signal = await stopping;
  if (!flags.quiet) process.stderr.write(`alicloud-audit: worker ${process.pid}: ${signal}: finishing ${running.size} unit(s), taking no more\n`);
  await boss.offWork(UNIT_QUEUE);
  await Promise.allSettled([...running]);
  // the job of a finished unit is completed by pg-boss after the handler returns; graceful stop waits for it
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  return 0;
}
