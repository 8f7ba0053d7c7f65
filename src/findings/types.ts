// The report contract: what `--format json` writes and every other format and sink is derived from.
import type { CollectionGap, ResourceType } from '../inventory/types.js';
import type { DutyId } from './duties.js';

export const REPORT_SCHEMA_VERSION = '1.0';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ['pass', 'fail', 'error', 'muted'] as const;
export type FindingStatus = (typeof STATUSES)[number];

export const CIS_FRAMEWORK = 'CIS Alibaba Cloud Foundations Benchmark';
export const CIS_VERSION = '2.0.0';

export interface ComplianceRef {
  framework: string;
  version: string;
  control: string;
}

/** `resource.region` of account-wide resources (RAM, IMS, the account itself), never null: SIEM field
 * extraction and CSV pivots need a string. */
export const GLOBAL_REGION = 'global';

export interface FindingResource {
  id: string;
  type: ResourceType;
  /** the region id, or GLOBAL_REGION for account-wide resources */
  region: string;
  arn?: string;
  name?: string;
  /** the resource's tags, for mutelist matching and SIEM labels; absent when the resource has none or they are unknown */
  tags?: Record<string, string>;
}

export interface Finding {
  /** stable across runs for the same account, rule and resource */
  id: string;
  ruleId: string;
  title: string;
  status: FindingStatus;
  severity: Severity;
  duty: DutyId;
  service: string;
  resource: FindingResource;
  compliance: ComplianceRef[];
  /** what was seen: the facts that made the result */
  evidence: string;
  remediation: string;
  /** for `error`: why the rule could not be assessed; for `muted`: the mutelist reason */
  reason?: string;
  /** for `muted`: the status the finding would otherwise have */
  mutedStatus?: Exclude<FindingStatus, 'muted'>;
}

export interface DutyCoverage {
  duty: DutyId;
  title: string;
  group: string;
  /** assessed: rules ran; partial: some of its findings are `error`; not-assessed: no rule or no data */
  state: 'assessed' | 'partial' | 'not-assessed';
  rules: string[];
  counts: Record<FindingStatus, number>;
  /** for a duty no collector can assess: what would */
  note?: string;
}

export interface ScanInfo {
  id: string;
  startedAt: string;
  finishedAt: string;
  accountId: string;
  regions: string[];
  /** live: from the APIs; snapshot: from a saved inventory; demo: from the bundled demo account */
  source: 'live' | 'snapshot' | 'demo';
  toolVersion: string;
  apiCalls: number;
  /** true when some part of the account could not be assessed (see coverage.gaps) */
  incomplete: boolean;
}

export interface ReportSummary {
  total: number;
  byStatus: Record<FindingStatus, number>;
  /** failing findings by severity */
  failBySeverity: Record<Severity, number>;
}

export const DELTA_KINDS = ['new', 'resolved', 'reopened', 'unchanged'] as const;
export type DeltaKind = (typeof DELTA_KINDS)[number];

/** One finding's place in the history (see docs/serve.md: only completed scans count). */
export interface FindingLifecycle {
  findingId: string;
  kind: DeltaKind;
  /** the last fail/pass status the history had before this scan; null when never assessed */
  previous: 'fail' | 'pass' | null;
  /** an earlier completed scan reported it (any status, `error` included): a SIEM already has it */
  seen: boolean;
  /** still an open failure after this scan */
  failing: boolean;
  /** first and latest scan that saw it failing (their finishedAt); null when it never failed */
  firstSeen: string | null;
  lastSeen: string | null;
  /** set when this scan did not report the finding (resolved, or not assessed this time): as last reported */
  lastReported?: Finding;
}

/** Present when the scan was recorded in a history store (`--store`, `serve`, `diff`). */
export interface ReportDelta {
  /** the completed scan compared with (with the history before it); null for the first one */
  baseScanId: string | null;
  counts: Record<DeltaKind, number>;
  /** every finding of the report, and every earlier failure the report no longer has */
  entries: FindingLifecycle[];
}

/** A control's state in the compliance view: from its rules' findings, or why it has none. */
export const CONTROL_STATUSES = ['pass', 'fail', 'error', 'manual', 'not-covered'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export interface ComplianceControl {
  /** e.g. 4.3 */
  control: string;
  title: string;
  /** the benchmark section, e.g. "4 Virtual Machines" */
  section: string;
  /** fail when any finding of its rules fails; error when none fails but one is error; pass when all pass */
  status: ControlStatus;
  /** the rules that carry this control */
  rules: string[];
  /** resources behind it, by the status of their findings for this control (a muted finding counts as muted) */
  counts: Record<FindingStatus, number>;
  /** for manual / not-covered: why no rule decides it */
  note?: string;
}

/** The compliance view of one framework (`alicloud-audit compliance`, the report's `compliance` block). */
export interface ComplianceView {
  framework: string;
  version: string;
  controls: ComplianceControl[];
  totals: Record<ControlStatus, number>;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  scan: ScanInfo;
  summary: ReportSummary;
  coverage: {
    duties: DutyCoverage[];
    gaps: CollectionGap[];
  };
  findings: Finding[];
  delta?: ReportDelta;
  /** CIS 2.0.0 control by control; present in reports the scan writes */
  compliance?: ComplianceView;
}

/** Everything of a report but its findings: what is known once every finding has been counted. */
export type ReportHead = Omit<Report, 'findings'>;

/**
 * A report whose findings are produced as they are read (each iteration evaluates them again) instead of held:
 * a large account's ~170,000 findings are written to every output without ever being in memory at once.
 * A `Report` is one too.
 */
export type StreamedReport = ReportHead & { findings: Iterable<Finding> };
