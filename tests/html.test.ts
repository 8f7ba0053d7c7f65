import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/findings/types.js';
import { escapeHtml } from '../src/outputs/html.js';
import { formats } from '../src/outputs/formats.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
const CHROMIUM = '/usr/bin/chromium';
const XSS_EVIDENCE = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>';

describe('html page text', () => {
  const page = formats.html.render(sample);

  it.each([
    { input: '<script>x</script>', output: '&lt;script&gt;x&lt;/script&gt;' },
    { input: `"a" & 'b'`, output: '&quot;a&quot; &amp; &#39;b&#39;' },
  ])('escapes $input', ({ input, output }) => {
    expect(escapeHtml(input)).toBe(output);
  });

  it('renders evidence with markup as text', () => {
    expect(sample.findings.some((f) => f.evidence.includes(XSS_EVIDENCE))).toBe(true);
    expect(page).toContain(escapeHtml(XSS_EVIDENCE));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('loads nothing from elsewhere', () => {
    expect(page).not.toMatch(/<(link|iframe|img|object|embed)\b|<[a-z][^>]*\s(src|href)=|@import|url\(/i);
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'"/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('html page in a headless browser', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let dir: string;

  const visible = () => page.locator('.finding:visible').count();
  const choose = (filter: string, value: string) => page.selectOption(`[data-filter="${filter}"]`, value);

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    dir = await mkdtemp(join(tmpdir(), 'aa-html-'));
    const file = join(dir, 'report.html');
    await writeFile(file, formats.html.render(sample));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console errors, no script from the data and no network request', async () => {
    expect(await page.title()).toBe('alicloud-audit: account 1234567890123456');
    expect(await visible()).toBe(sample.findings.length);
    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
  });

  it('shows the scorecard of the 20 duties, the severity counts and the chart', async () => {
    expect(await page.locator('[data-duty-card]').count()).toBe(20);
    expect(await page.locator('.chip.sev-critical b').textContent()).toBe('1');
    expect(await page.locator('.chart svg rect').count()).toBeGreaterThan(9);
  });

  it.each([
    { name: 'status', filters: { status: 'fail' }, count: 8 },
    { name: 'status and severity', filters: { status: 'fail', severity: 'high' }, count: 3 },
    { name: 'duty', filters: { duty: 'security-groups' }, count: 3 },
    { name: 'region', filters: { region: 'global' }, count: 3 },
    { name: 'service', filters: { service: 'ram' }, count: 2 },
    { name: 'status error', filters: { status: 'error' }, count: 2 },
  ])('filters by $name', async ({ filters, count }) => {
    await page.click('#reset');
    for (const [filter, value] of Object.entries(filters)) await choose(filter, value);
    expect(await visible()).toBe(count);
    expect(await page.locator('#shown').textContent()).toBe(String(count));
  });

  it('filters by a duty card and by text, and resets', async () => {
    await page.click('[data-duty-card="kms"]');
    expect(await page.locator('[data-filter="duty"]').inputValue()).toBe('kms');
    expect(await visible()).toBe(1);
    await page.click('#reset');
    await page.fill('#search', 'alice');
    expect(await visible()).toBe(1);
    await page.fill('#search', 'no such thing');
    expect(await visible()).toBe(0);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    await page.click('#reset');
    expect(await visible()).toBe(sample.findings.length);
  });

  it('shows evidence with markup as text, and remediation', async () => {
    const finding = page.locator('.finding', { hasText: 'd-bp1disk0000plain01' }).first();
    await finding.locator('summary').click();
    expect(await finding.locator('pre').textContent()).toContain(XSS_EVIDENCE);
    expect(await finding.textContent()).toContain('Create an encrypted snapshot copy');
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('takes a screenshot', async () => {
    await page.click('#reset');
    const shot = join(process.env.HTML_SCREENSHOT_DIR ?? dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
  });
});
