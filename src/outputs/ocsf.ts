// OCSF 1.8.0 Compliance Finding (class 2003) with the cloud profile: one event per finding.
// Every OCSF timestamp is epoch milliseconds.
import { createHash } from 'node:crypto';
import { deliverableFindings, vanishedResolved } from '../findings/deliverable.js';
import { DUTIES } from '../findings/duties.js';
import { lifecycleIndex, type OcsfLifecycle } from '../findings/lifecycle.js';
import type { Finding, FindingStatus, ReportHead, ScanInfo, Severity, StreamedReport } from '../findings/types.js';
import { indentedJson, renderByWriter, type Format } from './format.js';

export const OCSF_VERSION = '1.8.0';
export const PRODUCT_NAME = 'alicloud-audit';
export const CLOUD_PROVIDER = 'Alibaba Cloud';

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  critical: { id: 5, name: 'Critical' },
  high: { id: 4, name: 'High' },
  medium: { id: 3, name: 'Medium' },
  low: { id: 2, name: 'Low' },
  info: { id: 1, name: 'Informational' },
};

// compliance.status_id: 0 Unknown, 1 Pass, 2 Warning, 3 Fail. An `error` finding was not assessed, so its
// compliance is Unknown, never Pass.
const COMPLIANCE_STATUS: Record<Exclude<FindingStatus, 'muted'>, { id: number; name: string }> = {
  pass: { id: 1, name: 'Pass' },
  fail: { id: 3, name: 'Fail' },
  error: { id: 0, name: 'Unknown' },
};

// Finding status_id: 1 New, 3 Suppressed (muted by the mutelist), 4 Resolved (set by the lifecycle on Close).
const FINDING_STATUS = { new: { id: 1, name: 'New' }, suppressed: { id: 3, name: 'Suppressed' } } as const;

/** Without a history every event is a Create. */
const NO_HISTORY: OcsfLifecycle = { activityId: 1, activityName: 'Create' };

interface KeyValue {
  name: string;
  value: string;
}

export interface OcsfResource {
  uid: string;
  uid_alt?: string;
  name?: string;
  type: string;
  /** the region id, or `global` for account-wide resources */
  region: string;
  provider: string;
  tags?: KeyValue[];
}

/** The subset of the OCSF Compliance Finding this tool fills in. */
export interface OcsfComplianceFinding {
  activity_id: OcsfLifecycle['activityId'];
  activity_name: OcsfLifecycle['activityName'];
  category_uid: 2;
  category_name: 'Findings';
  class_uid: 2003;
  class_name: 'Compliance Finding';
  type_uid: number;
  type_name: string;
  time: number;
  start_time: number;
  end_time: number;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  status_code: string;
  status_detail?: string;
  message: string;
  comment?: string;
  metadata: {
    version: typeof OCSF_VERSION;
    uid: string;
    correlation_uid: string;
    event_code: string;
    profiles: ['cloud'];
    product: { name: string; uid: string; vendor_name: string; version: string };
  };
  finding_info: {
    uid: string;
    title: string;
    desc?: string;
    created_time: number;
    first_seen_time?: number;
    last_seen_time?: number;
    types: string[];
    analytic: { uid: string; name: string; type_id: 1; type: 'Rule' };
  };
  compliance: {
    standards: string[];
    control: string;
    requirements: string[];
    category: string;
    status_id: number;
    status: string;
    status_detail?: string;
  };
  remediation: { desc: string };
  resources: OcsfResource[];
  cloud: {
    provider: typeof CLOUD_PROVIDER;
    region: string;
    account: { uid: string; type_id: 99; type: 'Alibaba Cloud Account' };
  };
  unmapped: Record<string, unknown>;
}

const DUTY_TITLES: ReadonlyMap<string, string> = new Map(DUTIES.map((duty) => [duty.id, duty.title]));
const DUTY_STANDARD = 'Alibaba Cloud ECS shared security responsibility model';

function epochMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO timestamp: ${JSON.stringify(iso)}`);
  return ms;
}

/** Deterministic per scan and finding, so a SIEM can drop a batch re-sent after a lost acknowledgement. */
function eventUid(scanId: string, findingId: string): string {
  return createHash('sha256').update(`${scanId}\n${findingId}`).digest('hex').slice(0, 32);
}

function complianceOf(finding: Finding): OcsfComplianceFinding['compliance'] {
  const assessed = finding.status === 'muted' ? finding.mutedStatus : finding.status;
  // A muted finding without its original status has lost what was assessed: report it as Unknown.
  const status = COMPLIANCE_STATUS[assessed ?? 'error'];
  const dutyRequirement = `${DUTY_STANDARD}: ${finding.duty} (${DUTY_TITLES.get(finding.duty) ?? finding.duty})`;
  return {
    standards: [...new Set(finding.compliance.map((ref) => `${ref.framework} v${ref.version}`)), DUTY_STANDARD],
    // OCSF has one control field; the duty is the control every finding has.
    control: finding.compliance.map((ref) => ref.control).join(', ') || finding.duty,
    requirements: [...finding.compliance.map((ref) => `${ref.framework} v${ref.version} ${ref.control}`), dutyRequirement],
    category: finding.duty,
    status_id: status.id,
    status: status.name,
    ...(finding.status === 'error' && finding.reason ? { status_detail: finding.reason } : {}),
  };
}

function resourceOf(finding: Finding): OcsfResource {
  const { resource } = finding;
  const tags = Object.entries(resource.tags ?? {}).map(([name, value]) => ({ name, value }));
  return {
    uid: resource.arn ?? resource.id,
    ...(resource.arn ? { uid_alt: resource.id } : {}),
    ...(resource.name ? { name: resource.name } : {}),
    type: resource.type,
    region: resource.region,
    provider: CLOUD_PROVIDER,
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/** One event; `lifecycle` (from the history store's delta) sets the activity, a Resolved status and the seen times. */
export function toOcsfEvent(finding: Finding, scan: ScanInfo, lifecycle: OcsfLifecycle = NO_HISTORY): OcsfComplianceFinding {
  const severity = SEVERITY[finding.severity];
  const findingStatus = lifecycle.status ?? (finding.status === 'muted' ? FINDING_STATUS.suppressed : FINDING_STATUS.new);
  const time = epochMs(scan.finishedAt);
  const detail = finding.status === 'error' ? finding.reason : finding.evidence;
  return {
    activity_id: lifecycle.activityId,
    activity_name: lifecycle.activityName,
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    type_uid: 200300 + lifecycle.activityId,
    type_name: `Compliance Finding: ${lifecycle.activityName}`,
    time,
    start_time: epochMs(scan.startedAt),
    end_time: time,
    severity_id: severity.id,
    severity: severity.name,
    status_id: findingStatus.id,
    status: findingStatus.name,
    status_code: (finding.mutedStatus ?? finding.status).toUpperCase(),
    ...(detail ? { status_detail: detail } : {}),
    message: finding.title,
    ...(finding.status === 'muted' && finding.reason ? { comment: finding.reason } : {}),
    metadata: {
      version: OCSF_VERSION,
      uid: eventUid(scan.id, finding.id),
      correlation_uid: scan.id,
      event_code: finding.ruleId,
      profiles: ['cloud'],
      product: { name: PRODUCT_NAME, uid: PRODUCT_NAME, vendor_name: PRODUCT_NAME, version: scan.toolVersion },
    },
    finding_info: {
      uid: finding.id,
      title: finding.title,
      ...(finding.evidence ? { desc: finding.evidence } : {}),
      created_time: time,
      ...(lifecycle.firstSeenTime === undefined ? {} : { first_seen_time: lifecycle.firstSeenTime }),
      ...(lifecycle.lastSeenTime === undefined ? {} : { last_seen_time: lifecycle.lastSeenTime }),
      types: [DUTY_TITLES.get(finding.duty) ?? finding.duty],
      analytic: { uid: finding.ruleId, name: finding.title, type_id: 1, type: 'Rule' },
    },
    compliance: complianceOf(finding),
    remediation: { desc: finding.remediation },
    resources: [resourceOf(finding)],
    cloud: {
      provider: CLOUD_PROVIDER,
      region: finding.resource.region,
      account: { uid: scan.accountId, type_id: 99, type: 'Alibaba Cloud Account' },
    },
    unmapped: {
      duty: finding.duty,
      service: finding.service,
      scan_source: scan.source,
      ...(finding.mutedStatus ? { muted_status: finding.mutedStatus } : {}),
    },
  };
}

const lifecycles = new WeakMap<ReportHead, ReadonlyMap<string, OcsfLifecycle>>();

/** A finding's lifecycle in a report with a delta; the index is built once per report. */
export function lifecycleFor(report: ReportHead, findingId: string): OcsfLifecycle | undefined {
  let index = lifecycles.get(report);
  if (!index) {
    index = lifecycleIndex(report.delta?.entries ?? []);
    lifecycles.set(report, index);
  }
  return index.get(findingId);
}

/**
 * One event per finding; with a delta (`report.delta`), each carries its lifecycle, and failures fixed by
 * disappearing get a Close event of their own.
 */
export function toOcsfEvents(report: StreamedReport): OcsfComplianceFinding[] {
  return [...deliverableFindings(report)].map((finding) => toOcsfEvent(finding, report.scan, lifecycleFor(report, finding.id)));
}

/** A JSON array of events, written event by event; the Close events of vanished failures come last. */
const open: NonNullable<Format['open']> = (out, head) => {
  let count = 0;
  const event = (finding: Finding) =>
    out.write(`${count++ === 0 ? '[\n' : ',\n'}${indentedJson(toOcsfEvent(finding, head.scan, lifecycleFor(head, finding.id)), 1)}`);
  return {
    finding: event,
    end() {
      for (const finding of vanishedResolved(head.delta)) event(finding);
      out.write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
};

export const ocsf: Format = {
  extension: 'ocsf.json',
  mediaType: 'application/json',
  open,
  render: renderByWriter(open),
};
