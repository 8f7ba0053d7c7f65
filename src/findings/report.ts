// Assembles the JSON report: summary counts, coverage of every duty of the shared responsibility model,
// and the collection gaps. `scan.incomplete` is set whenever something could not be assessed.
import type { Inventory } from '../inventory/types.js';
import { DUTIES } from './duties.js';
import {
  REPORT_SCHEMA_VERSION,
  SEVERITIES,
  STATUSES,
  type DutyCoverage,
  type Finding,
  type FindingStatus,
  type Report,
  type ReportHead,
  type ReportSummary,
  type ScanInfo,
  type Severity,
} from './types.js';
import type { RuleMeta } from './rule-meta.js';

export interface BuildReportInput {
  scan: Omit<ScanInfo, 'incomplete'>;
  inventory: Inventory;
  rules: RuleMeta[];
  findings: Finding[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

export function countStatuses(findings: Iterable<Finding>): Record<FindingStatus, number> {
  const counts = zeroes(STATUSES);
  for (const finding of findings) counts[finding.status] += 1;
  return counts;
}

/** An error, muted or not, means the duty was not fully assessed. */
function isError(finding: Finding): boolean {
  return finding.status === 'error' || finding.mutedStatus === 'error';
}

/**
 * The counts a report's summary and duty coverage are made of, taken one finding at a time as findings pass,
 * so that a report can be built without holding its findings.
 */
export class ReportTally {
  private readonly byStatus = zeroes(STATUSES);
  private readonly failBySeverity = zeroes<Severity>(SEVERITIES);
  private readonly byDuty = new Map<string, { counts: Record<FindingStatus, number>; errors: number; total: number }>();
  private total = 0;
  private errors = 0;

  add(finding: Finding): void {
    this.total += 1;
    this.byStatus[finding.status] += 1;
    if (finding.status === 'fail') this.failBySeverity[finding.severity] += 1;
    let duty = this.byDuty.get(finding.duty);
    if (!duty) this.byDuty.set(finding.duty, (duty = { counts: zeroes(STATUSES), errors: 0, total: 0 }));
    duty.counts[finding.status] += 1;
    duty.total += 1;
    if (isError(finding)) {
      duty.errors += 1;
      this.errors += 1;
    }
  }

  get anyError(): boolean {
    return this.errors > 0;
  }

  summary(): ReportSummary {
    return { total: this.total, byStatus: { ...this.byStatus }, failBySeverity: { ...this.failBySeverity } };
  }

  /** One entry per duty of the shared responsibility model: the rules that assess it and their counts, or why not. */
  coverage(rules: readonly RuleMeta[]): DutyCoverage[] {
    return DUTIES.map((duty): DutyCoverage => {
      const dutyRules = rules.filter((rule) => rule.duty === duty.id).map((rule) => rule.id);
      const tally = this.byDuty.get(duty.id) ?? { counts: zeroes(STATUSES), errors: 0, total: 0 };
      const base = { duty: duty.id, title: duty.title, group: duty.group, rules: dutyRules, counts: { ...tally.counts } };
      if (dutyRules.length === 0) {
        return { ...base, state: 'not-assessed', note: 'Not assessed: no rule covers this duty (a scope flag left its rules out).' };
      }
      if (tally.errors > 0 && tally.errors === tally.total) {
        return { ...base, state: 'not-assessed', note: 'Not assessed: every finding of this duty is an error (see coverage.gaps).' };
      }
      return { ...base, state: tally.errors > 0 ? 'partial' : 'assessed' };
    });
  }
}

/** The report's summary counts (also recounted after a mutelist changed statuses). */
export function summarize(findings: Iterable<Finding>): ReportSummary {
  return tallyOf(findings).summary();
}

export function dutyCoverage(rules: RuleMeta[], findings: Iterable<Finding>): DutyCoverage[] {
  return tallyOf(findings).coverage(rules);
}

function tallyOf(findings: Iterable<Finding>): ReportTally {
  const tally = new ReportTally();
  for (const finding of findings) tally.add(finding);
  return tally;
}

export interface BuildReportHeadInput {
  scan: Omit<ScanInfo, 'incomplete'>;
  inventory: Pick<Inventory, 'gaps'>;
  rules: RuleMeta[];
  tally: ReportTally;
}

/** The report without its findings, from their tally. */
export function buildReportHead(input: BuildReportHeadInput): ReportHead {
  const { tally, inventory } = input;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scan: { ...input.scan, incomplete: inventory.gaps.length > 0 || tally.anyError },
    summary: tally.summary(),
    coverage: { duties: tally.coverage(input.rules), gaps: inventory.gaps },
  };
}

export function buildReport(input: BuildReportInput): Report {
  const { findings, ...rest } = input;
  return { ...buildReportHead({ ...rest, tally: tallyOf(findings) }), findings };
}

/** The report with other findings (muted, or filtered by status): its summary and duty counts follow them. */
export function withFindings(report: ReportHead, findings: Finding[]): Report {
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
