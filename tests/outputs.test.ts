import { mkdtemp, readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../src/errors.js';
import { DUTIES, DUTY_IDS } from '../src/findings/duties.js';
import { SEVERITIES, STATUSES } from '../src/findings/types.js';
import type { Report, StreamedReport } from '../src/findings/types.js';
import { writeOutputs } from '../src/scan/deliver.js';
import { RESOURCE_TYPES } from '../src/inventory/types.js';
import { SERVICE_NAMES } from '../src/services/index.js';
import { csvCell } from '../src/outputs/csv.js';
import { defaultFileName, FORMAT_NAMES, formats } from '../src/outputs/formats.js';
import { writeOutputAtomic } from '../src/outputs/write-atomic.js';
import { embeddedData } from './helpers/html-page.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
const reportSchema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as Record<string, any>;

function reportValidator() {
  const ajv = new Ajv2020Module.default({ allErrors: true });
  addFormatsModule.default(ajv);
  return ajv.compile(reportSchema);
}

/** RFC 4180 reader, enough to check what csv.ts writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += char;
  }
  return rows;
}

describe('report JSON Schema', () => {
  const validate = reportValidator();

  it('accepts the sample report and what the json format writes', () => {
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    const written = JSON.parse(formats.json.render(sample));
    expect(written).toEqual(sample);
    expect(validate(written)).toBe(true);
  });

  it('lists exactly the duties, resource types, severities and statuses of the code', () => {
    const defs = reportSchema.$defs;
    expect(defs.duty.enum).toEqual(DUTY_IDS);
    // written from the registry by scripts/report-schema.mjs
    expect(defs.resourceType.enum, 'stale: run node scripts/report-schema.mjs').toEqual(RESOURCE_TYPES);
    expect(defs.gap.properties.service.enum, 'stale: run node scripts/report-schema.mjs').toEqual(SERVICE_NAMES);
    expect(defs.severity.enum).toEqual(SEVERITIES);
    expect(defs.status.enum).toEqual(STATUSES);
  });

  const first = sample.findings[0]!;
  it.each([
    { name: 'an unknown duty', change: (r: Report) => Object.assign(r.findings[0]!, { duty: 'firewall' }) },
    { name: 'muted without mutedStatus', change: (r: Report) => Object.assign(r.findings[0]!, { status: 'muted', reason: 'x' }) },
    { name: 'mutedStatus on a fail', change: (r: Report) => Object.assign(r.findings[0]!, { mutedStatus: 'pass' }) },
    { name: 'error without reason', change: (r: Report) => Object.assign(r.findings[0]!, { status: 'error' }) },
    { name: 'an extra field', change: (r: Report) => Object.assign(r.findings[0]!, { color: 'red' }) },
    { name: 'a non-date time', change: (r: Report) => Object.assign(r.scan, { finishedAt: 'yesterday' }) },
  ])('rejects $name', ({ change }) => {
    const report = structuredClone(sample);
    expect(report.findings[0]!.id).toBe(first.id);
    change(report);
    expect(validate(report)).toBe(false);
  });
});

describe('ndjson', () => {
  it('writes one parseable finding per line with the scan context', () => {
    const lines = formats.ndjson.render(sample).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(sample.findings.length);
    const records = lines.map((line) => JSON.parse(line));
    expect(records.map((r) => r.id)).toEqual(sample.findings.map((f) => f.id));
    for (const record of records) {
      expect(record).toMatchObject({ accountId: sample.scan.accountId, scanId: sample.scan.id, scannedAt: sample.scan.finishedAt });
    }
  });
});

describe('csv', () => {
  it.each([
    { name: 'plain', value: 'sg-1', cell: 'sg-1' },
    { name: 'comma', value: 'a,b', cell: '"a,b"' },
    { name: 'quote', value: 'say "hi"', cell: '"say ""hi"""' },
    { name: 'newline', value: 'a\nb', cell: '"a\nb"' },
    { name: 'formula', value: '=HYPERLINK("http://x")', cell: `"'=HYPERLINK(""http://x"")"` },
    { name: 'at sign', value: '@SUM(A1)', cell: `'@SUM(A1)` },
  ])('quotes a $name cell', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes a header and one row per finding that read back to the report', () => {
    const [header, ...rows] = parseCsv(formats.csv.render(sample));
    expect(header?.slice(0, 3)).toEqual(['finding_id', 'account_id', 'status']);
    expect(rows).toHaveLength(sample.findings.length);
    const column = (name: string) => header!.indexOf(name);
    rows.forEach((row, i) => {
      const finding = sample.findings[i]!;
      expect(row).toHaveLength(header!.length);
      expect(row[column('finding_id')]).toBe(finding.id);
      expect(row[column('evidence')]).toBe(finding.evidence);
      expect(row[column('region')]).toBe(finding.resource.region);
    });
  });
});

describe('table --detail', () => {
  const text = formats.table.render(sample, { detail: true });

  it('groups by duty in duty order, then severity, with counts', () => {
    const headings = text.split('\n').filter((line) => /^[a-z-]+ {2}/.test(line)).map((line) => line.split(' ')[0]);
    const expected = DUTIES.map((d) => d.id).filter((id) => sample.findings.some((f) => f.duty === id));
    expect(headings).toEqual(expected);
    expect(text).toContain('security-groups  Security group rules as the instance firewall: no unauthorized access  [fail 2 · pass 1]');
    expect(text).toMatch(/ {2}HIGH \(2\)\n {4}FAIL {3}sg-bp1fg655nh68xyz9i/);
    expect(text).toContain('Failing by severity: critical 1 · high 3 · medium 2 · low 2 · info 0');
    expect(text).toContain('INCOMPLETE');
    expect(text).toContain('ecs:DescribeAutoSnapshotPolicyEx in cn-shanghai: denied (Forbidden.RAM)');
  });

  it('names each finding\'s rule id, in a column of its own, before the title', () => {
    expect(text).toMatch(/^ {4}FAIL {3}sg-bp1fg655nh68xyz9i +cn-hangzhou +ecs-sg-ssh-open-internet +Security group allows SSH from the internet$/m);
    const lines = text.split('\n').filter((line) => /^ {4}(FAIL|ERROR|MUTED)\b/.test(line));
    // the rule ids line up: each starts at the same column
    expect(lines.length).toBeGreaterThan(3);
    expect(new Set(lines.map((line) => line.indexOf(` ${line.trim().split(/ {2,}/)[3]} `) + 1)).size).toBe(1);
  });

  it('lists passing findings only on request, and colours only on request', () => {
    expect(text).not.toContain('sg-bp1internal00001');
    expect(text).not.toContain('\u001b[');
    const full = formats.table.render(sample, { includePass: true, color: true, detail: true });
    expect(full).toContain('sg-bp1internal00001');
    expect(full).toContain('\u001b[31mFAIL');
  });

  it('strips terminal control characters from cloud-side text', () => {
    const report = structuredClone(sample);
    report.findings[0]!.title = 'evil\u001b]0;pwned\u0007title';
    const out = formats.table.render(report, { detail: true });
    expect(out).toContain('evil ]0;pwned title');
    expect(out).not.toContain('\u0007');
  });
});

describe('format registry', () => {
  it.each(FORMAT_NAMES)('%s renders the sample report', (name) => {
    const out = formats[name].render(sample);
    expect(out.length).toBeGreaterThan(100);
    // the page carries its findings gzipped (src/outputs/html/data.ts)
    const text = name === 'html' ? embeddedData(out).findings.resId.join('\n') : out;
    for (const finding of sample.findings.filter((f) => f.status !== 'pass')) expect(text).toContain(finding.resource.id);
  });

  it('names files by account, time and extension, and keeps report text out of the path', () => {
    expect(defaultFileName('ocsf', '1234567890123456', '2026-11-29T04:00:00.000Z')).toBe(
      'alicloud-audit-1234567890123456-20261129T040000Z.ocsf.json',
    );
    expect(defaultFileName('html', '../../etc', '2026-11-29T04:00:00Z')).toBe('alicloud-audit-.._.._etc-20261129T040000Z.html');
  });
});

describe('writeOutputAtomic', () => {
  it('writes the file with mode 0600, replacing an older readable one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-out-'));
    const target = join(dir, 'report.json');
    await writeFile(target, 'old', { mode: 0o644 });
    await writeOutputAtomic(target, '{"new":true}');
    expect(await readFile(target, 'utf8')).toBe('{"new":true}');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('leaves no partial or temp file when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-out-'));
    const target = join(dir, 'taken');
    await mkdir(target);
    const failure = writeOutputAtomic(target, 'data');
    await expect(failure).rejects.toBeInstanceOf(OutputError);
    await expect(failure).rejects.toThrow(`could not write ${target}`);
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('fails clearly when the directory does not exist', async () => {
    await expect(writeOutputAtomic(join(tmpdir(), 'aa-missing-dir', 'x.json'), 'data')).rejects.toThrow(/ENOENT/);
  });
});

describe('writeOutputs (streamed)', () => {
  // a streamed report: its findings are produced as they are read, as the scan produces them
  const streamed = (fail?: number): StreamedReport => ({
    ...sample,
    findings: {
      *[Symbol.iterator]() {
        for (const [i, finding] of sample.findings.entries()) {
          if (i === fail) throw new Error('evaluation failed');
          yield finding;
        }
      },
    },
  });

  it('writes every format from one pass over the findings, byte for byte what render gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-stream-'));
    const targets = FORMAT_NAMES.map((format) => ({ format, path: join(dir, `r.${formats[format].extension}`) }));
    await writeOutputs(streamed(), targets);
    for (const { format, path } of targets) expect(await readFile(path, 'utf8'), format).toBe(formats[format].render(sample));
    expect(JSON.parse(await readFile(join(dir, 'r.ocsf.json'), 'utf8'))).toHaveLength(sample.findings.length);
  });

  it('leaves no file and no temp file when the findings fail half way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-stream-'));
    const targets = (['json', 'ocsf', 'ndjson'] as const).map((format) => ({ format, path: join(dir, `r.${format}`) }));
    await expect(writeOutputs(streamed(3), targets)).rejects.toThrow('evaluation failed');
    expect(await readdir(dir)).toEqual([]);
  });

  it('never colours a file, even when the terminal gets colour', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aa-stream-'));
    await writeOutputs(sample, [{ format: 'table', path: join(dir, 'r.txt') }], { color: true });
    const text = await readFile(join(dir, 'r.txt'), 'utf8');
    expect(text).toContain(sample.findings.find((f) => f.status === 'fail')?.title ?? 'x');
    expect(text).not.toContain('\u001b[');
    expect(formats.table.render(sample, { color: true })).toContain('\u001b[');
  });
});
