// Small reports for the store, delta and serve tests: only the fields deltas and the store read vary.
import type { CollectionGap } from '../src/inventory/types.js';
import {
  REPORT_SCHEMA_VERSION,
  SEVERITIES,
  STATUSES,
  type Finding,
  type FindingStatus,
  type Report,
  type Severity,
} from '../src/findings/types.js';

export const ACCOUNT = '1234567890123456';
export const REGION = 'cn-hangzhou';

export function finding(
  ruleId: string,
  resourceId: string,
  status: FindingStatus,
  extra: Partial<Finding> = {},
): Finding {
  return {
    id: `${ruleId}:${REGION}:${resourceId}`,
    ruleId,
    title: `${ruleId} on ${resourceId}`,
    status,
    severity: 'high',
    duty: 'security-groups',
    service: 'ecs',
    resource: { id: resourceId, type: 'ecs.security-group', region: REGION },
    compliance: [],
    evidence: `${resourceId} is ${status}`,
    remediation: 'fix it',
    ...extra,
  };
}

export interface ReportInit {
  id: string;
  findings: Finding[];
  finishedAt?: string;
  regions?: string[];
  /** rules that ran; defaults to the rules of the findings */
  rules?: string[];
  gaps?: CollectionGap[];
}

export function report(init: ReportInit): Report {
  const finishedAt = init.finishedAt ?? '2026-11-29T04:00:00.000Z';
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;
  const failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of init.findings) {
    byStatus[f.status]++;
    if (f.status === 'fail') failBySeverity[f.severity]++;
  }
  const rules = init.rules ?? [...new Set(init.findings.map((f) => f.ruleId))];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scan: {
      id: init.id,
      startedAt: new Date(Date.parse(finishedAt) - 60_000).toISOString(),
      finishedAt,
      accountId: ACCOUNT,
      regions: init.regions ?? [REGION],
      source: 'live',
      toolVersion: '0.1.0',
      apiCalls: 10,
      incomplete: (init.gaps ?? []).length > 0,
    },
    summary: { total: init.findings.length, byStatus, failBySeverity },
    coverage: {
      duties: [
        {
          duty: 'security-groups',
          title: 'Security groups',
          group: 'Identity and access',
          state: 'assessed',
          rules,
          counts: byStatus,
        },
      ],
      gaps: init.gaps ?? [],
    },
    findings: init.findings,
  };
}

export function gap(resourceTypes: CollectionGap['resourceTypes'], region: string | null = REGION): CollectionGap {
  return {
    service: 'ecs',
    region,
    action: 'DescribeSecurityGroups',
    ramAction: 'ecs:DescribeSecurityGroups',
    resourceTypes,
    kind: 'denied',
    code: 'Forbidden.RAM',
    message: 'denied',
  };
}
