// Reads the data an HTML report embeds, as its script does: the rule table, and the finding columns gunzipped.
import { gunzipSync } from 'node:zlib';
import type { PageRule } from '../../src/outputs/html/data.js';

export interface PageFindings {
  resId: string[];
  res: number[];
  evidence: string[];
  id: string[];
  status: number[];
}

export function embeddedData(page: string): { rules: PageRule[]; findings: PageFindings; json: string } {
  const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)?.[1];
  if (json === undefined) throw new Error('the page has no report-data block');
  const data = JSON.parse(json) as { rules: PageRule[]; findings: string };
  return { rules: data.rules, findings: JSON.parse(gunzipSync(Buffer.from(data.findings, 'base64')).toString('utf8')) as PageFindings, json };
}
