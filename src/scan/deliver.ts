// The deliver stage: the report written to stdout or files in one pass over its findings, then sent to every sink.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AuditConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { ReportHead, StreamedReport } from '../findings/types.js';
import { openFormat, type FindingWriter, type RenderOptions } from '../outputs/format.js';
import { defaultFileName, formats, type FormatName } from '../outputs/formats.js';
import { deliverToSink } from '../outputs/sinks/deliver.js';
import { openAtomicOutput, type AtomicOutput } from '../outputs/write-atomic.js';
import type { AuditPlan } from './plan.js';

export interface OutputTarget {
  format: FormatName;
  /** undefined: stdout */
  path?: string;
}

/** The file outputs of the config: `outputs` one file per format, or `formats` into `outputDir`. */
export function fileTargets(config: AuditConfig, report: ReportHead): OutputTarget[] {
  const { outputDir } = config;
  const named = Object.entries(config.outputs ?? {}).map(([format, path]) => ({ format: format as FormatName, path }));
  const inDir = outputDir === undefined ? [] : (config.formats ?? ['json']).map((format) => ({
    format,
    path: join(outputDir, defaultFileName(format, report.scan.accountId, report.scan.finishedAt)),
  }));
  return [...named, ...inDir];
}

/** Whether the config names output files (`outputs` or `outputDir`) rather than stdout. */
export function writesFiles(config: AuditConfig): boolean {
  return config.outputs !== undefined || config.outputDir !== undefined;
}

/** The report on stdout: one format only, since the formats would run together there. */
export function stdoutTargets(wanted: readonly FormatName[]): OutputTarget[] {
  if (wanted.length > 1) throw new UsageError('several --format values need one --output each, or --output-dir');
  return wanted.map((format) => ({ format }));
}

/** stdout as a text output: written as it comes, waiting for it to drain when a pipe is slow. */
function stdoutOutput(): Pick<AtomicOutput, 'write' | 'ready'> {
  return {
    write: (text) => void process.stdout.write(text),
    ready: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : undefined),
  };
}

/**
 * Writes every target in one pass over the findings, as they are produced: to stdout, or to 0600 temp files
 * renamed into place at the end (all removed when one fails). Colour only ever goes to stdout. Returns the files
 * written.
 */
export async function writeOutputs(report: StreamedReport, targets: readonly OutputTarget[], options: RenderOptions = {}): Promise<string[]> {
  const files: AtomicOutput[] = [];
  try {
    const outputs = targets.map((target) => {
      if (target.path === undefined) return stdoutOutput();
      mkdirSync(dirname(target.path), { recursive: true, mode: 0o700 });
      const file = openAtomicOutput(target.path);
      files.push(file);
      return file;
    });
    const writers: FindingWriter[] = targets.map((target, i) =>
      openFormat(formats[target.format], outputs[i] as AtomicOutput, report, { ...options, color: options.color === true && target.path === undefined }),
    );
    for (const finding of report.findings) {
      for (const writer of writers) writer.finding(finding);
      // awaited only when a destination asks to wait: an await per finding keeps every finding's garbage alive
      // past the young generation, and the heap grows by hundreds of MB before it is collected
      for (const output of outputs) {
        const wait = output.ready();
        if (wait) await wait;
      }
    }
    for (const writer of writers) writer.end();
    for (const file of files) file.commit();
  } catch (error) {
    for (const file of files) file.discard();
    throw error;
  }
  return targets.flatMap((target) => (target.path === undefined ? [] : [target.path]));
}

export interface Published {
  /** the files written */
  files: string[];
  /** the sinks that left findings in their spool instead of delivering them */
  spooled: string[];
}

/** Writes the outputs and delivers to every sink (only the changes to a `changesOnly` one). */
export async function publishReport(plan: AuditPlan, report: StreamedReport, targets: readonly OutputTarget[], options: RenderOptions = {}): Promise<Published> {
  const files = await writeOutputs(report, targets, options);
  const spooled: string[] = [];
  for (const { sink, changesOnly } of plan.sinks) {
    const summary = await deliverToSink(sink, report, { changesOnly });
    if (summary.errors.length > 0) {
      plan.logger.warn({ sink: summary.sink, delivered: summary.delivered, spooled: summary.spooled, spoolDir: summary.spoolDir }, summary.errors.join('; '));
    }
    if (summary.spooled > 0) spooled.push(summary.sink);
  }
  return { files, spooled };
}
