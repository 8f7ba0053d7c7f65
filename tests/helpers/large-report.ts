// A deterministic large report for the output tests and the HTML measurement: `rules` rules, each over every
// resource of its type, with finding ids, names, ARNs and evidence shaped like the engine's (random suffixes,
// so they compress like real ones).
import { random } from '../../src/bench/generate.js';
import { DUTIES } from '../../src/findings/duties.js';
import { findingId } from '../../src/findings/finding-id.js';
import { countStatuses, summarize } from '../../src/findings/report.js';
import { CIS_FRAMEWORK, CIS_VERSION, REPORT_SCHEMA_VERSION, SEVERITIES } from '../../src/findings/types.js';
import type { DutyCoverage, Finding, FindingStatus, Report } from '../../src/findings/types.js';
import type { ResourceType } from '../../src/inventory/types.js';

export interface LargeReportSize {
  rules: number;
  /** resources of each type; a rule reports on every resource of its type */
  resourcesPerType: Partial<Record<ResourceType, number>>;
  regions?: number;
  seed?: number;
}

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-qingdao', 'cn-zhangjiakou', 'cn-huhehaote',
  'cn-wulanchabu', 'cn-chengdu', 'cn-guangzhou', 'cn-hongkong', 'ap-southeast-1', 'ap-southeast-3', 'ap-southeast-5',
  'ap-northeast-1', 'ap-northeast-2', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-1'];
const PREFIX: Record<string, string> = { 'ecs.instance': 'i-', 'ecs.security-group': 'sg-', 'ecs.disk': 'd-', 'ram.user': 'u-' };
const ACCOUNT = '1234567890123456';

/** The rule id of rule `index`, as the generator names them. */
export const largeRuleId = (index: number): string => `synthetic-rule-${String(index).padStart(3, '0')}`;

export function largeReport(size: LargeReportSize): Report {
  const next = random(size.seed ?? 7);
  const suffix = (length: number): string => Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 36)]).join('');
  const regions = REGIONS.slice(0, size.regions ?? 20);
  const types = Object.keys(size.resourcesPerType) as ResourceType[];
  const resources = new Map(
    types.map((type) => {
      const global = type.startsWith('ram.');
      const list = Array.from({ length: size.resourcesPerType[type] ?? 0 }, (_, index) => {
        const region = global ? 'global' : (regions[index % regions.length] as string);
        const id = `${PREFIX[type] ?? 'r-'}bp1${suffix(17)}`;
        return { id, type, region, name: `${type.split('.')[1]}-${index}-${suffix(4)}`, arn: `acs:${type.split('.')[0]}:${global ? '' : region}:${ACCOUNT}:${id}` };
      });
      return [type, list] as const;
    }),
  );
  const findings: Finding[] = [];
  for (let r = 0; r < size.rules; r++) {
    const type = types[r % types.length] as ResourceType;
    const duty = DUTIES[r % DUTIES.length]!.id;
    const severity = SEVERITIES[r % 4]!;
    const ruleId = largeRuleId(r);
    const failRate = 0.1 + ((r * 37) % 60) / 100;
    // one list per rule, shared by its findings, as the engine does
    const compliance = [{ framework: CIS_FRAMEWORK, version: CIS_VERSION, control: `${1 + (r % 8)}.${1 + (r % 11)}` }];
    for (const resource of resources.get(type) ?? []) {
      const roll = next();
      const status: FindingStatus = roll < failRate ? 'fail' : roll < failRate + 0.03 ? 'error' : roll < failRate + 0.04 ? 'muted' : 'pass';
      const finding: Finding = {
        id: findingId(ACCOUNT, ruleId, type, resource.region === 'global' ? null : resource.region, resource.id),
        ruleId,
        title: `Synthetic check ${r} on ${type}`,
        duty,
        service: type.split('.')[0] as string,
        resource: { ...resource },
        remediation: `Change setting ${r} of the ${type} in the console or with the API; see the rule's documentation.`,
        status,
        severity,
        compliance,
        evidence:
          status === 'error'
            ? `Not assessed: ecs:Describe${r} was denied in ${resource.region}`
            : `Setting ${r} of ${resource.id} is ${status === 'pass' ? 'compliant' : `open (${suffix(8)} on port ${Math.floor(next() * 65535)}, rule sgr-${suffix(12)})`}.`,
      };
      if (status === 'error') finding.reason = `ecs:Describe${r} was denied in ${resource.region}`;
      if (status === 'muted') {
        finding.reason = 'accepted risk, ticket SEC-42';
        finding.mutedStatus = 'fail';
      }
      findings.push(finding);
    }
  }
  const duties = DUTIES.map((duty): DutyCoverage => {
    const mine = findings.filter((f) => f.duty === duty.id);
    return {
      duty: duty.id,
      title: duty.title,
      group: duty.group,
      state: mine.length > 0 ? 'partial' : 'not-assessed',
      rules: [...new Set(mine.map((f) => f.ruleId))],
      counts: countStatuses(mine),
    };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scan: {
      id: 'scan-large',
      startedAt: '2026-12-01T00:00:00.000Z',
      finishedAt: '2026-12-01T00:10:00.000Z',
      accountId: ACCOUNT,
      regions,
      source: 'snapshot',
      toolVersion: '0.1.0',
      apiCalls: 0,
      incomplete: true,
    },
    summary: summarize(findings),
    coverage: { duties, gaps: [] },
    findings,
  };
}
