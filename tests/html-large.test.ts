/// <reference lib="dom" />
// The HTML report of a large generated account in headless Chromium: compact, drawn about as fast as a small
// report, usable with few DOM rows, and every failing finding reachable through the page itself.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/findings/types.js';
import { formats } from '../src/outputs/formats.js';
import { HAS_CHROMIUM, launchChromium } from './helpers/chromium.js';
import { largeReport } from './helpers/large-report.js';

// 200 rules over 4 resource types of 150 resources each: 30,000 findings
const report = largeReport({ rules: 200, resourcesPerType: { 'ecs.instance': 150, 'ecs.disk': 150, 'ecs.security-group': 150, 'ram.user': 150 } });
const small = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
/** the budget: 15 MB for the 167,000 findings of the full bench account */
const BYTES_PER_FINDING = 15_000_000 / 167_000;
/** the page's DOM rows (rule, resource, detail and control rows, list items) at any time */
const MAX_ROWS = 500;
const failing = report.findings.filter((f) => f.status === 'fail');
const key = (f: Pick<Finding, 'ruleId'> & { resourceId: string }) => `${f.ruleId} ${f.resourceId}`;

describe('html report of a large account', () => {
  const page = formats.html.render(report);

  it('is compact: within the full-scale budget per finding', () => {
    expect(report.findings.length).toBe(30_000);
    expect(Buffer.byteLength(page) / report.findings.length).toBeLessThan(BYTES_PER_FINDING);
  });
});

describe.skipIf(!HAS_CHROMIUM)('html report of a large account in a headless browser', () => {
  let browser: Browser;
  let page: Page;
  let largeUrl: string;
  let smallUrl: string;
  const problems: string[] = [];

  const rowCount = () => page.evaluate(() => document.querySelectorAll('tr, li').length);
  const shownFindings = async () => Number((await page.locator('#shown').textContent())?.replace(/,/g, ''));

  /** ms from navigation to the frame after the rule table was drawn, as the page marks it */
  async function paintTime(url: string): Promise<number> {
    await page.goto(url);
    await page.waitForSelector('body[data-findings="ready"]');
    return page.evaluate(() => performance.getEntriesByName('alicloud-audit:painted')[0]?.startTime ?? Number.NaN);
  }

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-html-large-'));
    await writeFile(join(dir, 'large.html'), formats.html.render(report));
    await writeFile(join(dir, 'small.html'), formats.html.render(small));
    largeUrl = pathToFileURL(join(dir, 'large.html')).href;
    smallUrl = pathToFileURL(join(dir, 'small.html')).href;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('paints the rule table within a few times the small report\'s paint time', async () => {
    // the best of three each: the machine is shared, and the budget is a ratio, not a time
    const best = async (url: string) => Math.min(await paintTime(url), await paintTime(url), await paintTime(url));
    const smallMs = await best(smallUrl);
    const largeMs = await best(largeUrl);
    expect(largeMs / Math.max(smallMs, 50)).toBeLessThan(6);
    expect(await page.locator('#rule-rows tr.rule').count()).toBe(50);
    expect(await rowCount()).toBeLessThan(MAX_ROWS);
    expect(problems).toEqual([]);
  }, 60_000);

  it('filters, expands a rule, pages its resources and opens one, with few DOM rows', async () => {
    await page.goto(largeUrl);
    await page.waitForSelector('body[data-findings="ready"]');
    await page.selectOption('[data-filter="status"]', 'fail');
    await page.selectOption('[data-filter="region"]', 'global');
    const expected = failing.filter((f) => f.resource.region === 'global');
    await expect.poll(shownFindings).toBe(expected.length);
    const first = page.locator('#rule-rows tr.rule').first();
    const ruleId = (await first.locator('button.toggle').textContent()) as string;
    await first.locator('button.toggle').click();
    const rows = page.locator('tr.panel tr.resource');
    const ofRule = expected.filter((f) => f.ruleId === ruleId);
    await expect.poll(() => rows.count()).toBe(Math.min(50, ofRule.length));
    expect(await page.locator('tr.panel .pager .range').textContent()).toBe(`1-50 of ${ofRule.length} resources`);
    await page.locator('tr.panel .pager button.next').click();
    await expect.poll(() => rows.count()).toBe(Math.min(50, ofRule.length - 50));
    await rows.first().locator('button.details').click();
    expect(await page.locator('tr.detail pre').textContent()).toMatch(/^Setting \d+ of u-/);
    expect(await rowCount()).toBeLessThan(MAX_ROWS);
    expect(problems).toEqual([]);
  });

  it('finds a failing resource by searching its id', async () => {
    await page.click('#reset');
    for (const finding of [failing[0], failing[Math.floor(failing.length / 2)], failing.at(-1)] as Finding[]) {
      await page.fill('#search', finding.resource.id);
      const rules = new Set(report.findings.filter((f) => f.resource.id === finding.resource.id).map((f) => f.ruleId));
      await expect.poll(() => page.locator('#rule-rows tr.rule').count()).toBe(rules.size);
      await page.locator('tr.rule', { hasText: finding.ruleId }).locator('button.toggle').click();
      await expect.poll(() => page.locator('tr.panel tr.resource').allTextContents()).toEqual([expect.stringContaining(finding.resource.id)]);
    }
  });

  it('reaches every failing finding by paging through the rules and their resources', async () => {
    await page.click('#reset');
    await page.selectOption('[data-filter="status"]', 'fail');
    const walk = await page.evaluate(async () => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      const seen: string[] = [];
      let maxRows = 0;
      const measure = () => (maxRows = Math.max(maxRows, document.querySelectorAll('tr, li').length));
      for (;;) {
        const ids = Array.from(document.querySelectorAll('#rule-rows tr.rule'), (row) => row.getAttribute('data-rule'));
        for (const index of ids) {
          const toggle = document.querySelector<HTMLButtonElement>(`tr.rule[data-rule="${index}"] button.toggle`)!;
          const ruleId = toggle.textContent;
          toggle.click();
          await tick();
          for (;;) {
            for (const row of Array.from(document.querySelectorAll('tr.panel tr.resource'))) seen.push(`${ruleId} ${row.children[2]!.textContent}`);
            measure();
            const next = document.querySelector<HTMLButtonElement>('tr.panel .pager button.next');
            if (!next || next.disabled) break;
            next.click();
            await tick();
          }
        }
        const next = document.querySelector<HTMLButtonElement>('#rule-pager button.next');
        if (!next || next.disabled) break;
        next.click();
        await tick();
      }
      return { seen, maxRows };
    });
    expect(walk.seen.length).toBe(failing.length);
    expect(new Set(walk.seen)).toEqual(new Set(failing.map((f) => key({ ruleId: f.ruleId, resourceId: f.resource.id }))));
    expect(walk.maxRows).toBeLessThan(MAX_ROWS);
    expect(problems).toEqual([]);
  }, 60_000);
});
