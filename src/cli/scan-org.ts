// `scan --org`: every member account of the organisation, one report per account into --output-dir (each
// with its sinks and its history), and the organisation report beside them. stderr gets one line per account
// as it ends and the organisation's line last.
import type { AuditConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { EXIT_CODES, exitCodeFor, type ExitCode } from '../findings/exit-status.js';
import type { OrgMemberRef, OrgReport } from '../findings/org-report.js';
import { fileTargets, publishReport } from '../scan/deliver.js';
import { runOrgAudit } from '../scan/org.js';
import { writeOrgReports } from '../scan/org-outputs.js';
import type { AuditPlan } from '../scan/plan.js';
import type { AuditStore } from '../store/store.js';
import { summaryLine } from './summary.js';

// a failure the gate asked about wins, then undelivered findings, then anything not assessed (exit-status.ts)
const PRECEDENCE: readonly ExitCode[] = [EXIT_CODES.failing, EXIT_CODES.undelivered, EXIT_CODES.incomplete, EXIT_CODES.ok];

/** The settings an organisation run cannot take, checked before any call. */
export function checkOrgPlan(plan: AuditPlan): void {
  const { config } = plan;
  if (plan.source.kind !== 'live') throw new UsageError(`--org scans live accounts: it cannot be combined with --${plan.source.kind === 'demo' ? 'demo' : 'from-snapshot'}`);
  if (config.role) throw new UsageError('--org assumes the org role in each member: it cannot be combined with --role-arn');
  if (plan.snapshotOut !== undefined) throw new UsageError('--org cannot be combined with --snapshot-out (one snapshot per account is not supported)');
  if (config.outputDir === undefined || config.outputs !== undefined) {
    throw new UsageError('--org writes one report per account: give --output-dir DIR (and --format, repeatable), not --output');
  }
}

/** Settings of the org section given without --org. */
export function checkOrgFlagsWithoutOrg(config: AuditConfig): void {
  const { org } = config;
  const given = (['accounts', 'excludeAccounts', 'folders'] as const).filter((key) => org[key] !== undefined);
  if (!org.enabled && given.length > 0) {
    const flag = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    throw new UsageError(`${given.map(flag).join(', ')} ${given.length === 1 ? 'needs' : 'need'} --org`);
  }
}

export async function runOrgScan(plan: AuditPlan, store: AuditStore | undefined, options: { quiet: boolean }): Promise<number> {
  checkOrgPlan(plan);
  const { config } = plan;
  const codes: ExitCode[] = [];
  const report = await runOrgAudit(plan, store, {
    deliver: async (memberPlan, memberReport) => {
      const { files, spooled } = await publishReport(memberPlan, memberReport, fileTargets(config, memberReport));
      codes.push(exitCodeFor(memberReport, config.failOn, config.failOnUndelivered === true && spooled.length > 0));
      return files;
    },
    onAccount: (member, outcome) => {
      if (options.quiet) return;
      if ('error' in outcome) process.stderr.write(notScannedLine(member, outcome.error));
      else process.stderr.write(summaryLine(outcome.report, [`${config.outputDir}`]));
    },
  });
  return finishOrgRun(report, codes, config, options);
}

export function notScannedLine(member: OrgMemberRef, error: string): string {
  return `alicloud-audit: account ${member.accountId} (${member.displayName}): not scanned: ${error}\n`;
}

/** Writes the organisation reports into --output-dir, says where, and gives the run's exit code from its accounts'. */
export async function finishOrgRun(report: OrgReport, codes: ExitCode[], config: AuditConfig, options: { quiet: boolean }): Promise<number> {
  const files = await writeOrgReports(report, config);
  if (!options.quiet) process.stderr.write(orgLine(report, files.join(', ')));
  if (report.summary.notScanned > 0) codes.push(EXIT_CODES.incomplete);
  return PRECEDENCE.find((code) => codes.includes(code)) ?? EXIT_CODES.ok;
}

function orgLine(report: OrgReport, file: string): string {
  const { summary } = report;
  return (
    `alicloud-audit: organisation ${report.organisation.resourceDirectoryId}: ${summary.scanned} of ${summary.accounts} account(s) scanned` +
    (summary.notScanned > 0 ? `, ${summary.notScanned} not scanned` : '') +
    (summary.incomplete > 0 ? `, ${summary.incomplete} incomplete` : '') +
    `; ${summary.byStatus.fail} fail, ${summary.byStatus.pass} pass, ${summary.byStatus.error} error; report: ${file}\n`
  );
}
