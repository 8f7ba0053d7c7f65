// What every output format implements. Formats are pure: a report in, the bytes to write out. A format that
// can (json, ndjson, ocsf, csv) also writes its findings as they are produced (`open`), so a large account's
// report is never one string nor its findings one array; `render` is the same writer collected into a string.
import type { Finding, FindingStatus, Report, ReportHead } from '../findings/types.js';
import type { TextOut } from './write-atomic.js';

/** Most urgent first: how people read findings. */
export const STATUS_DISPLAY_ORDER: readonly FindingStatus[] = ['fail', 'error', 'muted', 'pass'];

export interface RenderOptions {
  /** ANSI colours in the terminal table (the CLI turns them on for a TTY without NO_COLOR) */
  color?: boolean;
  /** list passing findings in the terminal table too (they are always counted) */
  includePass?: boolean;
  /** the terminal table lists this many resources per rule, then "and N more" (default DEFAULT_MAX_RESOURCES) */
  maxResources?: number;
  /** the terminal table lists every finding on its own line, grouped by duty, instead of grouping by rule */
  detail?: boolean;
}

export const DEFAULT_MAX_RESOURCES = 10;

/** A report being written: its findings one by one, then the end. */
export interface FindingWriter {
  finding(finding: Finding): void;
  end(): void;
}

export interface Format {
  /** file extension, without the dot, for `--output-dir` */
  extension: string;
  mediaType: string;
  render(report: Report, options?: RenderOptions): string;
  /** writes the report to `out` as its findings pass; without it, the findings are collected and rendered at the end */
  open?(out: Pick<TextOut, 'write'>, head: ReportHead, options?: RenderOptions): FindingWriter;
}

/** `render` for a format that streams: its writer collected into one string. */
export function renderByWriter(open: NonNullable<Format['open']>): Format['render'] {
  return (report, options) => {
    const parts: string[] = [];
    const writer = open({ write: (text) => void parts.push(text) }, report, options);
    for (const finding of report.findings) writer.finding(finding);
    writer.end();
    return parts.join('');
  };
}

/** A writer for any format: its own, or one that collects the findings and renders the whole report at the end. */
export function openFormat(format: Format, out: Pick<TextOut, 'write'>, head: ReportHead, options?: RenderOptions): FindingWriter {
  if (format.open) return format.open(out, head, options);
  const findings: Finding[] = [];
  return {
    finding: (finding) => void findings.push(finding),
    end: () => out.write(format.render({ ...head, findings }, options)),
  };
}

/** `JSON.stringify(value, null, 2)` nested `depth` levels deep in a pretty-printed document. */
export function indentedJson(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`);
}
