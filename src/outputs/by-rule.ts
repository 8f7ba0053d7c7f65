// The findings of a report grouped by rule, most urgent rule first, each rule's findings most urgent first:
// the shape of the human reports (the HTML page and the terminal table).
import { SEVERITIES } from '../findings/types.js';
import type { Finding, FindingStatus, Severity } from '../findings/types.js';
import { STATUS_DISPLAY_ORDER } from './format.js';

export interface RuleGroup {
  /** the group's first finding: its rule id, title, duty, service and remediation are the rule's */
  rule: Finding;
  /** status, severity, region, resource id */
  findings: Finding[];
  /** findings by status, in STATUS_DISPLAY_ORDER */
  counts: number[];
  /** the most severe of its findings' severities */
  severity: Severity;
  /** the most severe among its failing findings; null when none fails */
  failSeverity: Severity | null;
}

export const regionOf = (finding: Finding): string => finding.resource.region ?? 'global';
export const statusRank = (status: FindingStatus): number => STATUS_DISPLAY_ORDER.indexOf(status);
const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// A rule is what its findings share; a report from elsewhere could mix texts under one id, so they key it too.
const sameRule = (a: Finding, b: Finding): boolean =>
  a.title === b.title && a.duty === b.duty && a.service === b.service && a.remediation === b.remediation;

function groupByRule(findings: readonly Finding[]): Finding[][] {
  const byId = new Map<string, Finding[][]>();
  const groups: Finding[][] = [];
  for (const finding of findings) {
    let candidates = byId.get(finding.ruleId);
    if (!candidates) byId.set(finding.ruleId, (candidates = []));
    let group = candidates.find((g) => sameRule(g[0] as Finding, finding));
    if (!group) {
      candidates.push((group = []));
      groups.push(group);
    }
    group.push(finding);
  }
  return groups;
}

/** Sorted on a precomputed rank: a rule can have 100,000 findings. */
function byUrgency(findings: readonly Finding[]): Finding[] {
  const ranked = findings.map((f) => ({ f, rank: statusRank(f.status) * SEVERITIES.length + severityRank(f.severity), region: regionOf(f) }));
  ranked.sort((a, b) => a.rank - b.rank || compareText(a.region, b.region) || compareText(a.f.resource.id, b.f.resource.id));
  return ranked.map((entry) => entry.f);
}

/** The first status a rule has findings in: rules with failures first, then errors, then muted, then passes. */
const firstStatus = (group: RuleGroup): number => group.counts.findIndex((count) => count > 0);

/** By worst status, then severity, then the failing and error resources (most first), then rule id. */
function ruleOrder(a: RuleGroup, b: RuleGroup): number {
  return (
    firstStatus(a) - firstStatus(b) ||
    severityRank(a.severity) - severityRank(b.severity) ||
    (b.counts[0] ?? 0) - (a.counts[0] ?? 0) ||
    (b.counts[1] ?? 0) - (a.counts[1] ?? 0) ||
    compareText(a.rule.ruleId, b.rule.ruleId)
  );
}

export function rulesByUrgency(findings: readonly Finding[]): RuleGroup[] {
  const groups = groupByRule(findings).map((members): RuleGroup => {
    const counts = STATUS_DISPLAY_ORDER.map(() => 0);
    let severity = SEVERITIES.length - 1;
    for (const f of members) {
      counts[statusRank(f.status)]! += 1;
      severity = Math.min(severity, severityRank(f.severity));
    }
    const sorted = byUrgency(members);
    const first = sorted[0] as Finding;
    return {
      rule: members[0] as Finding,
      findings: sorted,
      counts,
      severity: SEVERITIES[severity] as Severity,
      failSeverity: first.status === 'fail' ? first.severity : null,
    };
  });
  return groups.sort(ruleOrder);
}
