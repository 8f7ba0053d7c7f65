// Every format from ONE scan of the demo account, each checked by what consumes it: the report schema, a
// line parser, the OCSF 1.8.0 schema, a CSV parser, and a real browser.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvModule from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/findings/types.js';
import { runCli } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const OCSF_DIR = resolve(process.cwd(), '../shared/reference/ocsf-1.8.0');
const files: Record<string, string> = {};
let report: Report;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-formats-'));
  const formats = ['json', 'ndjson', 'ocsf', 'csv', 'table', 'html'];
  const args = formats.flatMap((format) => ['--format', format, '--output', join(dir, `report-${format}`)]);
  const result = await runCli(['scan', '--demo', ...args]);
  expect(result.code, result.stderr).toBe(0);
  for (const format of formats) files[format] = await readFile(join(dir, `report-${format}`), 'utf8');
  report = JSON.parse(files.json ?? 'null') as Report;
}, 60_000);

describe('one demo scan in every format', () => {
  it('json validates against the report schema', async () => {
    const schema = JSON.parse(await readFile('schema/report.schema.json', 'utf8')) as object;
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.findings.length).toBeGreaterThan(20);
  });

  it('ndjson is one finding per line', () => {
    const lines = (files.ndjson ?? '').trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string });
    expect(lines.map((line) => line.id)).toEqual(report.findings.map((finding) => finding.id));
  });

  it.skipIf(!existsSync(OCSF_DIR))('ocsf events all validate against OCSF 1.8.0 Compliance Finding', async () => {
    const schema = JSON.parse(await readFile(join(OCSF_DIR, 'compliance_finding.schema.json'), 'utf8')) as object;
    const validate = new AjvModule.default({ strict: false, allErrors: true }).compile(schema);
    const text = files.ocsf ?? '';
    const events = (text.trimStart().startsWith('[') ? JSON.parse(text) : text.trim().split('\n').map((line) => JSON.parse(line))) as Array<
      Record<string, unknown>
    >;
    expect(events).toHaveLength(report.findings.length);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
  });

  it('csv parses to one row per finding', () => {
    const rows = parseCsv(files.csv ?? '', { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(report.findings.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['finding_id', 'status', 'severity']));
    expect(rows.map((row) => row.finding_id)).toEqual(report.findings.map((finding) => finding.id));
  });

  it('table groups by duty with counts', () => {
    expect(files.table).toMatch(/security-groups/);
    expect(files.table).not.toMatch(/\u001b\[/);
  });

  it.skipIf(!existsSync(CHROMIUM))('html loads in a browser with no console errors and shows the findings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alicloud-audit-html-'));
    const file = join(dir, 'report.html');
    await writeFile(file, files.html ?? '');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-findings="ready"]');
      expect(await page.locator('#shown').textContent()).toBe(report.findings.length.toLocaleString('en-US'));
      // the first page of rules: the report pages them 50 at a time (html-assets.ts RULE_PAGE)
      expect(await page.locator('#rule-rows tr.rule').count()).toBe(Math.min(50, new Set(report.findings.map((f) => f.ruleId)).size));
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
