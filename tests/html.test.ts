import { readFileSync } from 'node:fs';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceView, Finding, Report } from '../src/findings/types.js';
import { escapeHtml } from '../src/outputs/html.js';
import { formats } from '../src/outputs/formats.js';
import { HAS_CHROMIUM, launchChromium, watchPage } from './helpers/chromium.js';
import { embeddedData } from './helpers/html-page.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
const XSS_EVIDENCE = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>';
const XSS_TITLE = '</script><script>alert(2)</script>';

/** A compliance view as the compliance helper fills it, by hand: one control per status. */
const compliance: ComplianceView = {
  framework: 'CIS Alibaba Cloud Foundations Benchmark',
  version: '2.0.0',
  controls: [
    { control: '4.1', title: 'Ensure no security group allows SSH from 0.0.0.0/0', section: '4 Networking', status: 'fail', rules: ['ecs-sg-ssh-open-internet'], counts: { fail: 1, pass: 1, error: 0, muted: 0 } },
    { control: '2.9', title: 'Ensure the password policy requires 14 characters', section: '2 Identity', status: 'pass', rules: ['ram-password-policy-length'], counts: { fail: 0, pass: 1, error: 0, muted: 0 } },
    { control: '3.1', title: 'Ensure ActionTrail is enabled in all regions', section: '3 Logging', status: 'error', rules: ['actiontrail-multi-region'], counts: { fail: 0, pass: 0, error: 1, muted: 0 } },
    { control: '1.1', title: 'Avoid the use of the root account <b>', section: '1 Identity', status: 'manual', rules: [], counts: { fail: 0, pass: 0, error: 0, muted: 0 }, note: 'Needs a person to check the login records' },
    { control: '5.9', title: 'Ensure OSS buckets are not public', section: '5 Storage', status: 'not-covered', rules: ['oss-bucket-private'], counts: { fail: 0, pass: 0, error: 0, muted: 0 }, note: 'OSS is not collected' },
  ],
  totals: { pass: 1, fail: 1, error: 1, manual: 1, 'not-covered': 1 },
};

const withCompliance: Report = { ...sample, compliance };

describe('html page text', () => {
  const page = formats.html.render(withCompliance);

  it.each([
    { input: '<script>x</script>', output: '&lt;script&gt;x&lt;/script&gt;' },
    { input: `"a" & 'b'`, output: '&quot;a&quot; &amp; &#39;b&#39;' },
  ])('escapes $input', ({ input, output }) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('embeds evidence with markup as data, never as markup', () => {
    expect(sample.findings.some((f) => f.evidence.includes(XSS_EVIDENCE))).toBe(true);
    expect(embeddedData(page).findings.evidence).toContain(sample.findings.find((f) => f.evidence.includes(XSS_EVIDENCE))?.evidence);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page.match(/<script type="application\/json" id="report-data">/g)).toHaveLength(1);
  });

  it('keeps a rule title that closes the script from closing the data block', () => {
    const report = structuredClone(sample);
    for (const finding of report.findings.filter((f) => f.ruleId === 'ecs-sg-ssh-open-internet')) finding.title = XSS_TITLE;
    const out = formats.html.render(report);
    expect(out).not.toContain('<script>alert(2)');
    expect(out.match(/<\/script>/g)).toHaveLength(2);
    expect(embeddedData(out).rules.map((rule) => rule.title)).toContain(XSS_TITLE);
    expect(out).toContain(escapeHtml(XSS_TITLE));
  });

  it('loads nothing from elsewhere', () => {
    expect(page).not.toMatch(/<(link|iframe|img|object|embed)\b|<[a-z][^>]*\s(src|href)=|@import|url\(/i);
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'"/);
  });

  it('embeds one rule table and one resource table, the findings as indexes into them', () => {
    const { rules, findings } = embeddedData(page);
    expect(rules.map((rule) => rule.ruleId).sort()).toEqual([...new Set(sample.findings.map((f) => f.ruleId))].sort());
    // d-bp1disk0000crypt01 has findings of two rules and is one resource
    expect(findings.resId.filter((id) => id === 'd-bp1disk0000crypt01')).toHaveLength(1);
    expect(findings.res).toHaveLength(sample.findings.length);
    expect(new Set(findings.id)).toEqual(new Set(sample.findings.map((f) => f.id)));
    for (const rule of rules) {
      const ids = findings.id.slice(rule.start, rule.end);
      expect(new Set(sample.findings.filter((f) => ids.includes(f.id)).map((f) => f.ruleId))).toEqual(new Set([rule.ruleId]));
    }
  });

  it('lists critical and high failures first, most severe first', () => {
    const fix = /<section id="fix-first">.*?<\/section>/s.exec(page)?.[0] ?? '';
    const ruleIds = [...fix.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(ruleIds).toEqual(['vpc-nacl-risky-ports', 'ecs-sg-rdp-open-internet', 'ecs-sg-ssh-open-internet', 'ram-user-mfa']);
    expect(fix).toContain('nacl-uf6acl000000001');
  });

  it('renders a report with no findings', () => {
    const empty: Report = { ...sample, findings: [], summary: { ...sample.summary, total: 0 } };
    const out = formats.html.render(empty);
    expect(embeddedData(out).rules).toEqual([]);
    expect(out).toContain('No critical or high failures.');
  });

  it('renders the compliance view only when the report has one', () => {
    expect(page).toContain('<section id="compliance">');
    expect(page).toContain(escapeHtml('Avoid the use of the root account <b>'));
    expect(formats.html.render(sample)).not.toContain('<section id="compliance">');
  });
});

describe.skipIf(!HAS_CHROMIUM)('html page in a headless browser', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let dir: string;

  const shownRules = () => page.locator('#rule-rows tr.rule').count();
  const shownFindings = async () => Number((await page.locator('#shown').textContent())?.replace(/,/g, ''));
  const choose = (filter: string, value: string) => page.selectOption(`[data-filter="${filter}"]`, value);
  const distinctRules = (findings: Finding[]) => new Set(findings.map((f) => f.ruleId)).size;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watchPage(page, problems, requests);
    dir = await mkdtemp(join(tmpdir(), 'aa-html-'));
    const file = join(dir, 'report.html');
    await writeFile(file, formats.html.render(withCompliance));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-findings="ready"]');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors, no script from the data and no network request', async () => {
    expect(await page.title()).toBe('alicloud-audit: account 1234567890123456');
    expect(await shownRules()).toBe(distinctRules(sample.findings));
    expect(await shownFindings()).toBe(sample.findings.length);
    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
  });

  it('shows the scorecard of the 20 duties, the severity counts and the chart', async () => {
    expect(await page.locator('[data-duty-card]').count()).toBe(20);
    expect(await page.locator('.chip.sev-critical b').textContent()).toBe('1');
    expect(await page.locator('.chart svg rect').count()).toBeGreaterThan(9);
  });

  it('orders the rules failing first, most severe first', async () => {
    const first = await page.locator('#rule-rows tr.rule').first().locator('button.toggle').textContent();
    expect(first).toBe('vpc-nacl-risky-ports');
    const last = await page.locator('#rule-rows tr.rule').last().locator('button.toggle').textContent();
    expect(last).toBe('ram-password-policy-length');
  });

  it.each([
    { name: 'status', filters: { status: 'fail' } },
    { name: 'status and severity', filters: { status: 'fail', severity: 'high' } },
    { name: 'duty', filters: { duty: 'security-groups' } },
    { name: 'region', filters: { region: 'global' } },
    { name: 'service', filters: { service: 'ram' } },
    { name: 'status error', filters: { status: 'error' } },
  ])('filters by $name', async ({ filters }) => {
    const expected = sample.findings.filter((f) =>
      Object.entries(filters).every(([key, value]) => (key === 'region' ? (f.resource.region ?? 'global') : f[key as 'status']) === value));
    expect(expected.length).toBeGreaterThan(0);
    await page.click('#reset');
    for (const [filter, value] of Object.entries(filters)) await choose(filter, value);
    await expect.poll(shownFindings).toBe(expected.length);
    expect(await shownRules()).toBe(distinctRules(expected));
  });

  it('filters by a duty card and by text, and resets', async () => {
    await page.click('[data-duty-card="kms"]');
    expect(await page.locator('[data-filter="duty"]').inputValue()).toBe('kms');
    expect(await shownRules()).toBe(1);
    await page.click('#reset');
    await page.fill('#search', 'alice');
    await expect.poll(shownFindings).toBe(1);
    await page.fill('#search', 'no such thing');
    await expect.poll(shownFindings).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    await page.click('#reset');
    expect(await shownFindings()).toBe(sample.findings.length);
  });

  it('expands a rule into its resources, and a resource into evidence with markup as text', async () => {
    await page.click('#reset');
    await page.locator('tr.rule', { hasText: 'ecs-disk-encrypted' }).locator('button.toggle').click();
    const rows = page.locator('tr.panel tr.resource');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('tr.panel').textContent()).toContain('Create an encrypted snapshot copy');
    const row = rows.filter({ hasText: 'd-bp1disk0000plain01' });
    await row.locator('button.details').click();
    expect(await page.locator('tr.detail pre').textContent()).toContain(XSS_EVIDENCE);
    expect(await page.locator('img').count()).toBe(0);
    await row.locator('button.details').click();
    expect(await page.locator('tr.detail').count()).toBe(0);
    await page.locator('tr.rule', { hasText: 'ecs-disk-encrypted' }).locator('button.toggle').click();
    expect(await page.locator('tr.panel').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens a rule from "Fix first" with its failing resources', async () => {
    await page.locator('#fix-first button.fix', { hasText: 'ecs-sg-ssh-open-internet' }).click();
    await expect.poll(() => page.locator('tr.panel tr.resource').count()).toBe(1);
    expect(await page.locator('[data-filter="status"]').inputValue()).toBe('fail');
    expect(await page.locator('tr.panel tr.resource').textContent()).toContain('sg-bp1fg655nh68xyz9i');
  });

  it('shows the compliance view, and opens a control\'s rule', async () => {
    const controls = page.locator('#compliance tr.control');
    expect(await controls.count()).toBe(compliance.controls.length);
    expect(await controls.filter({ hasText: '4.1' }).locator('.badge').textContent()).toBe('fail');
    expect(await controls.filter({ hasText: '1.1' }).textContent()).toContain('Avoid the use of the root account <b>');
    expect(await controls.filter({ hasText: '5.9' }).locator('button').count()).toBe(0);
    await controls.filter({ hasText: '3.1' }).locator('button', { hasText: 'actiontrail-multi-region' }).click();
    await expect.poll(() => page.locator('tr.panel tr.resource').count()).toBe(1);
    expect(await page.locator('tr.panel tr.resource .badge').textContent()).toBe('error');
  });

  it('takes a screenshot', async () => {
    await page.click('#reset');
    const shot = join(process.env.HTML_SCREENSHOT_DIR ?? dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
  });
});
