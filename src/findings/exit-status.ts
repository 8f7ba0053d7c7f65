// The process exit codes of a scan, decided in one place:
//   0  every assessed check is below the --fail-on threshold (or no threshold), and the scan is complete
//   1  --fail-on SEVERITY was given and an unmuted `fail` finding at or above it exists
//   2  bad input: a flag, config, mutelist or rules file that cannot be used (mapped by the CLI from errors)
//   3  incomplete: part of the account could not be assessed (collection gaps or `error` findings)
//   5  --fail-on-undelivered was given and a sink spooled findings instead of delivering them
// (4, a scan that could not run, is mapped by the CLI from errors.)
// 1 wins over 5 and 3: a security gate must stop on a known failure even when other parts were not assessed.
// 5 wins over 3: an account with some unreadable API is incomplete on every run, and would hide a SIEM outage.
// 3 wins over 0 whether or not --fail-on is given: "nothing failed" is not "compliant" when checks did not run.
import { SEVERITIES } from './types.js';
import type { ReportHead, Severity } from './types.js';

export const EXIT_CODES = { ok: 0, failing: 1, badInput: 2, incomplete: 3, undelivered: 5 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** Severities at or above `threshold`: `atOrAbove('high')` is critical and high. */
function atOrAbove(threshold: Severity): readonly Severity[] {
  return SEVERITIES.slice(0, SEVERITIES.indexOf(threshold) + 1);
}

/**
 * From the report's counts (`summary.failBySeverity` counts unmuted failures only), so the findings need not be
 * held. `undelivered`: --fail-on-undelivered was given and a sink spooled findings.
 */
export function exitCodeFor(report: { scan: Pick<ReportHead['scan'], 'incomplete'>; summary: ReportHead['summary'] }, failOn?: Severity, undelivered = false): Exclude<ExitCode, 2> {
  if (failOn !== undefined && atOrAbove(failOn).some((severity) => report.summary.failBySeverity[severity] > 0)) return EXIT_CODES.failing;
  if (undelivered) return EXIT_CODES.undelivered;
  const incomplete = report.scan.incomplete || report.summary.byStatus.error > 0;
  return incomplete ? EXIT_CODES.incomplete : EXIT_CODES.ok;
}
