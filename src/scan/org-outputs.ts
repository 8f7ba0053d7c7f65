// The organisation report's files in --output-dir: the JSON always, the HTML page when --format asks for html.
import { join } from 'node:path';
import type { AuditConfig } from '../config/schema.js';
import type { OrgReport } from '../findings/org-report.js';
import { defaultFileName, type FormatName } from '../outputs/formats.js';
import { renderOrgHtml } from '../outputs/org-html.js';
import { writeOutputAtomic } from '../outputs/write-atomic.js';

const ORG_FORMATS: ReadonlyArray<{ format: FormatName; render: (report: OrgReport) => string }> = [
  { format: 'json', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
  { format: 'html', render: renderOrgHtml },
];

/** Writes the organisation report beside the accounts' reports; returns the files written, the JSON first. */
export async function writeOrgReports(report: OrgReport, config: AuditConfig): Promise<string[]> {
  const wanted = ORG_FORMATS.filter(({ format }) => format === 'json' || config.formats?.includes(format));
  const files: string[] = [];
  for (const { format, render } of wanted) {
    const file = join(config.outputDir!, orgFileName(report, format));
    await writeOutputAtomic(file, render(report));
    files.push(file);
  }
  return files;
}

export function orgFileName(report: OrgReport, format: FormatName): string {
  const id = report.organisation.resourceDirectoryId || report.organisation.scannedBy;
  return defaultFileName(format, id, report.finishedAt).replace(/^alicloud-audit-/, 'alicloud-audit-org-');
}
