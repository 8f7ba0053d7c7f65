// The report's findings as the page embeds them: one table of rules and one of resources, and the findings as
// columns of indexes into them, so 167,000 findings do not repeat their rule's title and remediation or their
// resource's type and region. The rule table travels as plain JSON (the page draws it at once); the findings
// travel gzipped and base64-encoded, and the page inflates them with DecompressionStream when first needed.
import { gzipSync } from 'node:zlib';
import { CIS_FRAMEWORK, SEVERITIES } from '../../findings/types.js';
import type { ComplianceRef, Finding, Report, Severity } from '../../findings/types.js';
import { regionOf, rulesByUrgency, statusRank } from '../by-rule.js';

/** One rule of the page: what it checks and where its findings sit in the finding columns. */
export interface PageRule {
  ruleId: string;
  title: string;
  /** the most severe of its findings' severities */
  severity: Severity;
  duty: string;
  service: string;
  remediation: string;
  /** its controls, e.g. "CIS 4.1, CIS 4.2" */
  controls: string;
  /** its findings are the rows start..end-1 of the finding columns */
  start: number;
  end: number;
  /** resources by status, in STATUS_DISPLAY_ORDER */
  counts: number[];
  /** the most severe severity among its failing findings; null when none fails */
  failSeverity: Severity | null;
  /** the first few failing resources, most severe first */
  failingSample: string[];
}

/** What the gzipped block holds: every column has one entry per finding, in rule order. */
interface FindingColumns {
  types: string[];
  regions: string[];
  /** the resource table: id, type index, region index, name, arn */
  resId: string[];
  resType: number[];
  resRegion: number[];
  resName: string[];
  resArn: string[];
  res: number[];
  /** index in STATUS_DISPLAY_ORDER */
  status: number[];
  /** index in SEVERITIES */
  severity: number[];
  compliance: number[];
  complianceSets: string[];
  evidence: string[];
  id: string[];
  /** [finding, text] for the findings that have one */
  reason: Array<[number, string]>;
  mutedStatus: Array<[number, string]>;
}

export interface PageData {
  rules: PageRule[];
  /** base64 of the gzipped JSON of the finding columns */
  findings: string;
}

function refText(ref: ComplianceRef): string {
  return ref.framework === CIS_FRAMEWORK ? `CIS ${ref.control}` : `${ref.framework} ${ref.version} ${ref.control}`;
}

/** Interns values into a table and hands back their index. */
function interner<T>(key: (value: T) => string = String): { table: T[]; index(value: T): number } {
  const table: T[] = [];
  const seen = new Map<string, number>();
  return {
    table,
    index(value: T): number {
      const k = key(value);
      let at = seen.get(k);
      if (at === undefined) {
        at = table.length;
        table.push(value);
        seen.set(k, at);
      }
      return at;
    },
  };
}

const SAMPLE_SIZE = 3;

export function pageData(report: Report): PageData {
  const rules = rulesByUrgency(report.findings).map((group): PageRule & { findings: Finding[] } => {
    const controls = new Set<string>();
    for (const f of group.findings) for (const ref of f.compliance) controls.add(refText(ref));
    const { rule } = group;
    return {
      ruleId: rule.ruleId,
      title: rule.title,
      severity: group.severity,
      duty: rule.duty,
      service: rule.service,
      remediation: rule.remediation,
      controls: [...controls].join(', '),
      start: 0,
      end: 0,
      counts: group.counts,
      failSeverity: group.failSeverity,
      failingSample: group.findings.slice(0, Math.min(SAMPLE_SIZE, group.counts[0] ?? 0)).map((f) => f.resource.id),
      findings: group.findings,
    };
  });

  const types = interner<string>();
  const regions = interner<string>();
  const resources = interner<Finding['resource']>((r) => `${r.type}\u0000${r.region ?? ''}\u0000${r.id}`);
  const complianceSets = interner<string>();
  const columns: FindingColumns = {
    types: types.table,
    regions: regions.table,
    resId: [],
    resType: [],
    resRegion: [],
    resName: [],
    resArn: [],
    res: [],
    status: [],
    severity: [],
    compliance: [],
    complianceSets: complianceSets.table,
    evidence: [],
    id: [],
    reason: [],
    mutedStatus: [],
  };
  // the engine shares one compliance list among a rule's findings: its text is made once per list
  const complianceIndex = new Map<readonly ComplianceRef[], number>();
  const complianceOf = (refs: readonly ComplianceRef[]): number => {
    let at = complianceIndex.get(refs);
    if (at === undefined) {
      at = complianceSets.index(refs.map((ref) => `${ref.framework} ${ref.version} ${ref.control}`).join('; '));
      complianceIndex.set(refs, at);
    }
    return at;
  };
  let row = 0;
  for (const rule of rules) {
    rule.start = row;
    for (const f of rule.findings) {
      const known = resources.table.length;
      const resource = resources.index(f.resource);
      if (resource === known) {
        columns.resId.push(f.resource.id);
        columns.resType.push(types.index(f.resource.type));
        columns.resRegion.push(regions.index(regionOf(f)));
        columns.resName.push(f.resource.name ?? '');
        columns.resArn.push(f.resource.arn ?? '');
      }
      columns.res.push(resource);
      columns.status.push(statusRank(f.status));
      columns.severity.push(SEVERITIES.indexOf(f.severity));
      columns.compliance.push(complianceOf(f.compliance));
      columns.evidence.push(f.evidence);
      columns.id.push(f.id);
      if (f.reason !== undefined) columns.reason.push([row, f.reason]);
      if (f.mutedStatus !== undefined) columns.mutedStatus.push([row, f.mutedStatus]);
      row += 1;
    }
    rule.end = row;
  }
  const findings = gzipSync(JSON.stringify(columns)).toString('base64');
  return { rules: rules.map(({ findings: _findings, ...rule }) => rule), findings };
}

/** JSON that is safe inside a <script type="application/json"> block: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
