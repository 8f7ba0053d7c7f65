// What every output format implements. Formats are pure: a report in, the bytes to write out.
import type { FindingStatus, Report } from '../findings/types.js';

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

export interface Format {
  /** file extension, without the dot, for `--output-dir` */
  extension: string;
  mediaType: string;
  render(report: Report, options?: RenderOptions): string;
}
