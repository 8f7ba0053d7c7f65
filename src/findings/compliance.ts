// The compliance view: every control of CIS 2.0.0 (data/cis-alibaba-2.0.0.yaml) with its status from the
// findings of the rules that name it in their `cis:` lists, or why no rule decides it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../paths.js';
import { countStatuses } from './report.js';
import {
  CIS_FRAMEWORK,
  CIS_VERSION,
  CONTROL_STATUSES,
  type ComplianceControl,
  type ComplianceView,
  type ControlStatus,
  type Finding,
} from './types.js';
import type { RuleMeta } from './rule-meta.js';

const catalogueSchema = z.strictObject({
  framework: z.literal(CIS_FRAMEWORK),
  version: z.literal(CIS_VERSION),
  controls: z.array(
    z.strictObject({
      control: z.string().regex(/^\d+\.\d+$/),
      title: z.string().min(1),
      section: z.string().min(1),
      profile: z.enum(['Level 1', 'Level 2']),
      /** the benchmark's own assessment status */
      assessment: z.enum(['automated', 'manual']),
      /** why no bundled rule decides it */
      note: z.string().min(1).optional(),
      /** how the bundled rules read a control whose title leaves room (shown in rules/README.md) */
      reading: z.string().min(1).optional(),
    }),
  ),
});

export type ControlCatalogue = z.infer<typeof catalogueSchema>;

export const CIS_CATALOGUE_FILE = join(PACKAGE_ROOT, 'data', 'cis-alibaba-2.0.0.yaml');

let cached: ControlCatalogue | undefined;

/** The bundled catalogue; a broken data file is a bug of the package, so it throws as one. */
export function cisCatalogue(): ControlCatalogue {
  cached ??= catalogueSchema.parse(parse(readFileSync(CIS_CATALOGUE_FILE, 'utf8')));
  return cached;
}

const cisControls = (finding: Finding) =>
  finding.compliance.filter((ref) => ref.framework === CIS_FRAMEWORK && ref.version === CIS_VERSION).map((ref) => ref.control);

/** A mapped control's status from its findings: any fail fails it, else any error, else it passes. */
function statusOf(counts: Record<Finding['status'], number>): ControlStatus {
  if (counts.fail > 0) return 'fail';
  if (counts.error > 0) return 'error';
  return 'pass';
}

function noteOf(status: ControlStatus, counts: Record<Finding['status'], number>, catalogued: ControlCatalogue['controls'][number]): string | undefined {
  if (status === 'manual') return `the benchmark assesses it manually${catalogued.note ? `; ${catalogued.note}` : ''}`;
  if (status === 'not-covered') return catalogued.note ?? 'no rule of this scan maps it';
  const total = counts.pass + counts.fail + counts.error + counts.muted;
  if (total === 0) return 'no resource of the account is subject to it';
  if (status === 'pass' && counts.pass === 0) return 'every finding is muted by the mutelist';
  return undefined;
}

/**
 * The view of a report: `rules` are the rules the scan ran. A control none of them names is `manual` or
 * `not-covered`; one they name has the status of its findings, and passes when no resource is subject to it.
 */
export function complianceView(report: { findings: Iterable<Finding> }, rules: readonly RuleMeta[], catalogue = cisCatalogue()): ComplianceView {
  const tally = new ComplianceTally();
  for (const finding of report.findings) tally.add(finding);
  return tally.view(rules, catalogue);
}

/** Counts per control as findings pass, so a streamed report's view needs no pass of its own over them. */
export class ComplianceTally {
  private readonly countsByControl = new Map<string, Record<Finding['status'], number>>();

  add(finding: Finding): void {
    for (const control of cisControls(finding)) {
      let counts = this.countsByControl.get(control);
      if (!counts) this.countsByControl.set(control, (counts = countStatuses([])));
      counts[finding.status] += 1;
    }
  }

  view(rules: readonly RuleMeta[], catalogue = cisCatalogue()): ComplianceView {
    const controls = catalogue.controls.map((catalogued): ComplianceControl => {
      const mapped = rules.filter((rule) => rule.cis.some((entry) => entry.control === catalogued.control)).map((rule) => rule.id);
      const counts = this.countsByControl.get(catalogued.control) ?? countStatuses([]);
      const status: ControlStatus = mapped.length > 0 ? statusOf(counts) : catalogued.assessment === 'manual' ? 'manual' : 'not-covered';
      const note = noteOf(status, counts, catalogued);
      return { control: catalogued.control, title: catalogued.title, section: catalogued.section, status, rules: mapped, counts, ...(note ? { note } : {}) };
    });
    const totals = Object.fromEntries(CONTROL_STATUSES.map((status) => [status, controls.filter((control) => control.status === status).length])) as Record<ControlStatus, number>;
    return { framework: catalogue.framework, version: catalogue.version, controls, totals };
  }
}
