// Assembles the JSON report: summary counts, coverage of every duty of the shared responsibility model,
// and the collection gaps. `scan.incomplete` is set whenever something could not be assessed.
import type { Inventory } from '../inventory/types.js';
import type { Rule } from '../engine/rule-schema.js';
import { DUTIES } from './duties.js';
import {
  REPORT_SCHEMA_VERSION,
  SEVERITIES,
  STATUSES,
  type DutyCoverage,
  type Finding,
  type FindingStatus,
  type Report,
  type ReportSummary,
  type ScanInfo,
  type Severity,
} from './types.js';

export interface BuildReportInput {
  scan: Omit<ScanInfo, 'incomplete'>;
  inventory: Inventory;
  rules: Rule[];
  findings: Finding[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function countStatuses(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts = zeroes(STATUSES);
  for (const finding of findings) counts[finding.status] += 1;
  return counts;
}

/** The report's summary counts (also recounted after a mutelist changed statuses). */
export function summarize(findings: readonly Finding[]): ReportSummary {
  const failBySeverity = zeroes<Severity>(SEVERITIES);
  for (const finding of findings) if (finding.status === 'fail') failBySeverity[finding.severity] += 1;
  return { total: findings.length, byStatus: countStatuses(findings), failBySeverity };
}

/** An error, muted or not, means the duty was not fully assessed. */
function isError(finding: Finding): boolean {
  return finding.status === 'error' || finding.mutedStatus === 'error';
}

/** One entry per duty of the shared responsibility model: the rules that assess it and their counts, or why not. */
export function dutyCoverage(rules: Rule[], findings: Finding[]): DutyCoverage[] {
  return DUTIES.map((duty): DutyCoverage => {
    const dutyRules = rules.filter((rule) => rule.duty === duty.id).map((rule) => rule.id);
    const dutyFindings = findings.filter((finding) => finding.duty === duty.id);
    const errors = dutyFindings.filter(isError).length;
    const base = { duty: duty.id, title: duty.title, group: duty.group, rules: dutyRules, counts: countStatuses(dutyFindings) };
    if (dutyRules.length === 0) {
      const note = 'notAssessedNote' in duty ? duty.notAssessedNote : 'Not assessed: no rule covers this duty yet.';
      return { ...base, state: 'not-assessed', note };
    }
    if (errors > 0 && errors === dutyFindings.length) {
      return { ...base, state: 'not-assessed', note: 'Not assessed: every finding of this duty is an error (see coverage.gaps).' };
    }
    return { ...base, state: errors > 0 ? 'partial' : 'assessed' };
  });
}

export function buildReport(input: BuildReportInput): Report {
  const { findings, inventory } = input;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scan: { ...input.scan, incomplete: inventory.gaps.length > 0 || findings.some(isError) },
    summary: summarize(findings),
    coverage: { duties: dutyCoverage(input.rules, findings), gaps: inventory.gaps },
    findings,
  };
}

/** The report with other findings (muted, or filtered by status): its summary and duty counts follow them. */
export function withFindings(report: Report, findings: Finding[]): Report {
  return {
    ...report,
    summary: summarize(findings),
    coverage: {
      ...report.coverage,
      duties: report.coverage.duties.map((duty) => ({
        ...duty,
        counts: countStatuses(findings.filter((finding) => finding.duty === duty.duty)),
      })),
    },
    findings,
  };
}
