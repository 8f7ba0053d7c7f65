import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditConfig } from '../src/config/schema.js';
import { DUTIES } from '../src/findings/duties.js';
import { ORG_REPORT_SCHEMA_VERSION, type OrgAccountEntry, type OrgReport } from '../src/findings/org-report.js';
import { defaultFileName } from '../src/outputs/formats.js';
import { escapeHtml } from '../src/outputs/html.js';
import { renderOrgHtml } from '../src/outputs/org-html.js';
import { writeOrgReports } from '../src/scan/org-outputs.js';
import { HAS_CHROMIUM, launchChromium, watchPage } from './helpers/chromium.js';

const FINISHED = '2026-12-04T20:00:00.000Z';
const HOSTILE = '<script>alert("name")</script><img src=x onerror=alert(1)> & "team"';
const HOSTILE_ID = '5890000000001003';
const NO_ROLE = '5890000000001006';
const id = (n: number) => `58900000000010${String(n).padStart(2, '0')}`;
const reasonNoRole = `AssumeRole of acs:ram::${NO_ROLE}:role/ResourceDirectoryAccountAccessRole failed: EntityNotExist.Role <b>gone</b>`;

/** Account n fails when n is even; every third writes an HTML report beside its JSON; account 9 is incomplete. */
function entry(n: number): OrgAccountEntry {
  const accountId = id(n);
  const member = { accountId, displayName: accountId === HOSTILE_ID ? HOSTILE : `member-${n}`, folderId: `fd-${n % 3}`, path: `r-root/fd-${n % 3}/${accountId}` };
  if (accountId === NO_ROLE) return { ...member, status: 'error', error: reasonNoRole };
  const fail = n % 2 === 0 ? n : 0;
  const files = [join('/reports', defaultFileName('json', accountId, FINISHED))];
  if (n % 3 === 0) files.push(join('/reports', defaultFileName('html', accountId, FINISHED)));
  return {
    ...member,
    status: 'scanned',
    scanId: `scan-${n}`,
    incomplete: n === 9,
    summary: {
      total: fail + 10 + (n === 9 ? 2 : 0),
      byStatus: { fail, pass: 10, error: n === 9 ? 2 : 0, muted: 0 },
      failBySeverity: { critical: 0, high: fail, medium: 0, low: 0, info: 0 },
    },
    files,
  };
}

const accounts = Array.from({ length: 30 }, (_, i) => entry(i + 1));
const failing = accounts.filter((a) => a.status === 'scanned' && a.summary.byStatus.fail > 0).map((a) => a.accountId);
const report: OrgReport = {
  schemaVersion: ORG_REPORT_SCHEMA_VERSION,
  organisation: { resourceDirectoryId: 'rd-Hx3kQ9', managementAccountId: '5890000000000001', scannedBy: '5890000000000001' },
  startedAt: '2026-12-04T19:50:00.000Z',
  finishedAt: FINISHED,
  toolVersion: '0.0.0-test',
  incomplete: true,
  summary: { accounts: 30, scanned: 29, notScanned: 1, incomplete: 1, byStatus: { fail: 240, pass: 290, error: 2, muted: 0 }, failBySeverity: { critical: 0, high: 240, medium: 0, low: 0, info: 0 } },
  // security-groups fails in every failing account, ram in the first two, the rest nowhere
  duties: DUTIES.map((duty) => {
    const which = duty.id === 'security-groups' ? failing : duty.id === 'ram' ? failing.slice(0, 2) : [];
    return { duty: duty.id, title: duty.title, counts: { fail: which.length, pass: 29, error: 0, muted: 0 }, failingAccounts: which };
  }),
  accounts,
};

describe('organisation page text', () => {
  const page = renderOrgHtml(report);

  it('escapes the cloud\'s text and runs only its own script', () => {
    expect(page).toContain(escapeHtml(HOSTILE));
    expect(page).toContain(escapeHtml(reasonNoRole));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>gone');
    expect(page.match(/<script/g)).toHaveLength(1);
  });

  it('loads nothing from elsewhere and links only the accounts\' own HTML reports, by file name', () => {
    // the hostile name's ` src=` is in the markup as escaped text: the browser test checks no element has a src
    expect(page).not.toMatch(/<(link|iframe|img|object|embed)\b|@import|url\(/i);
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'"/);
    const links = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual(accounts.flatMap((a) => (a.status === 'scanned' && a.files.length === 2 ? [`./${defaultFileName('html', a.accountId, FINISHED)}`] : [])));
  });
});

describe('writeOrgReports', () => {
  it('writes the JSON always and the page when --format lists html', async () => {
    const jsonOnly = await mkdtemp(join(tmpdir(), 'aa-org-json-'));
    const both = await mkdtemp(join(tmpdir(), 'aa-org-html-'));
    const written = await writeOrgReports(report, { outputDir: jsonOnly, formats: ['json'] } as AuditConfig);
    expect(readdirSync(jsonOnly)).toEqual(['alicloud-audit-org-rd-Hx3kQ9-20261204T200000Z.json']);
    expect(written).toEqual([join(jsonOnly, 'alicloud-audit-org-rd-Hx3kQ9-20261204T200000Z.json')]);
    await writeOrgReports(report, { outputDir: both, formats: ['json', 'html'] } as AuditConfig);
    expect(readdirSync(both).sort()).toEqual(['alicloud-audit-org-rd-Hx3kQ9-20261204T200000Z.html', 'alicloud-audit-org-rd-Hx3kQ9-20261204T200000Z.json']);
    expect(JSON.parse(readFileSync(join(both, 'alicloud-audit-org-rd-Hx3kQ9-20261204T200000Z.json'), 'utf8'))).toEqual(report);
    expect(existsSync(join(both, 'alicloud-audit-org-rd-Hx3kQ9-20261204T200000Z.html'))).toBe(true);
  });
});

describe.skipIf(!HAS_CHROMIUM)('organisation page in a headless browser', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let dir: string;

  const shownAccounts = () => page.locator('#account-rows tr:visible').count();
  const shownIds = async () => page.locator('#account-rows tr:visible td:first-child').allTextContents();
  const duty = (dutyId: string) => page.locator(`#duty-rows tr[data-duty="${dutyId}"]`);
  const failingShown = async (dutyId: string) => duty(dutyId).locator('.failing button:visible').allTextContents();
  const filter = async (text: string) => {
    await page.click('#reset');
    await page.fill('#account-filter', text);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watchPage(page, problems, requests);
    dir = await mkdtemp(join(tmpdir(), 'aa-org-page-'));
    const file = join(dir, 'org.html');
    await writeFile(file, renderOrgHtml(report));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every account and every duty, with no console error and no network request', async () => {
    expect(await page.title()).toBe('alicloud-audit: organisation rd-Hx3kQ9');
    expect(await shownIds()).toEqual(accounts.map((a) => a.accountId));
    expect(await page.locator('#shown-accounts').textContent()).toBe('30');
    expect(await page.locator('#duty-rows tr').count()).toBe(DUTIES.length);
    expect(await failingShown('security-groups')).toEqual(failing);
    expect(await duty('security-groups').locator('.n-failing').textContent()).toBe(String(failing.length));
    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
  });

  it('shows the hostile display name and the error reason as text', async () => {
    const row = page.locator(`#account-rows tr[data-account="${HOSTILE_ID}"]`);
    expect(await row.locator('td').nth(1).textContent()).toBe(HOSTILE);
    expect(await page.locator('img, [src], [onerror]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    const noRole = page.locator(`#account-rows tr[data-account="${NO_ROLE}"]`);
    expect(await noRole.textContent()).toContain(reasonNoRole);
    expect(await noRole.locator('a').count()).toBe(0);
  });

  it('links an account\'s own HTML report by its file name', async () => {
    const row = page.locator(`#account-rows tr[data-account="${id(3)}"]`);
    expect(await row.locator('a').getAttribute('href')).toBe(`./${defaultFileName('html', id(3), FINISHED)}`);
    expect(await page.locator(`#account-rows tr[data-account="${id(4)}"] a`).count()).toBe(0);
  });

  it('narrows both tables to the chosen accounts', async () => {
    await filter(`${id(2)}, ${id(5)} ${id(12)}`);
    await expect.poll(shownIds).toEqual([id(2), id(5), id(12)]);
    expect(await page.locator('#shown-accounts').textContent()).toBe('3');
    expect(await failingShown('security-groups')).toEqual([id(2), id(12)]);
    expect(await duty('security-groups').locator('.n-failing').textContent()).toBe('2');
    expect(await failingShown('ram')).toEqual([id(2)]);
    expect(await duty('ram').locator('.n-failing').textContent()).toBe('1');
  });

  it('filters by name, folder path and status', async () => {
    await filter('<script>');
    await expect.poll(shownIds).toEqual([HOSTILE_ID]);
    await filter('r-root/fd-1/');
    await expect.poll(shownAccounts).toBe(10);
    await page.click('#reset');
    await page.selectOption('#status-filter', 'error');
    await expect.poll(shownIds).toEqual([NO_ROLE]);
    expect(await failingShown('security-groups')).toEqual([]);
    await page.selectOption('#status-filter', 'incomplete');
    await expect.poll(shownIds).toEqual([id(9)]);
    await page.selectOption('#status-filter', 'fail');
    await expect.poll(shownIds).toEqual(failing);
    await filter('no such account');
    await expect.poll(shownAccounts).toBe(0);
    expect(await page.locator('#accounts-empty').isVisible()).toBe(true);
    await page.click('#reset');
    expect(await shownAccounts()).toBe(30);
  });

  it('chooses a failing account from the duty table', async () => {
    await duty('ram').locator('.failing button', { hasText: id(4) }).click();
    expect(await page.locator('#account-filter').inputValue()).toBe(id(4));
    await expect.poll(shownIds).toEqual([id(4)]);
    expect(problems).toEqual([]);
  });

  it('takes a screenshot', async () => {
    await page.click('#reset');
    const shot = join(process.env.HTML_SCREENSHOT_DIR ?? dir, 'org.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
  });
});
