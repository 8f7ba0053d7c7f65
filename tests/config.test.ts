// The config file and the flags over it: the example parses, values land where the commands read them, flags
// win, and every bad value names its flag or its file and line.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/config/load.js';
import { InputFileError, UsageError } from '../src/errors.js';

const EXAMPLE = new URL('../examples/config.yaml', import.meta.url).pathname;

describe('the example config', () => {
  it('parses, with absolute paths and the serve settings', async () => {
    const config = await loadConfig({ config: EXAMPLE });
    expect(config).toMatchObject({
      regions: ['cn-hangzhou', 'cn-shanghai'],
      formats: ['json', 'ocsf', 'html'],
      outputDir: '/var/lib/alicloud-audit/reports',
      failOn: 'high',
      ruleParams: { 'ram-access-key-rotated': { maxAgeDays: 60 } },
      store: { path: '/var/lib/alicloud-audit/history.db', retention: { keepScans: 120, keepDays: 90 } },
      serve: { schedule: '0 */6 * * *', timezone: 'Asia/Shanghai', runNow: true, gracePeriodSeconds: 300, metricsAddress: { host: '127.0.0.1', port: 9464 } },
      logLevel: 'info',
    });
    expect(config.sinks.map((sink) => [sink.type, sink.url.host, sink.changesOnly])).toEqual([
      ['webhook', 'siem.example.com', true],
      ['splunk-hec', 'splunk.example.com:8088', false],
    ]);
  });
});

describe('defaults and flags', () => {
  it('defaults what a command needs when there is no file', () => {
    expect(parseConfig({ cwd: '/work' })).toEqual({
      sinks: [],
      rulesDirs: [],
      ruleParams: {},
      logLevel: 'warn',
      serve: { runNow: false, gracePeriodSeconds: 300, metricsAddress: { host: '127.0.0.1', port: 9464 } },
      collection: { maxAttempts: 6, maxRetrySeconds: 90, maxApiShare: 1, readTimeoutSeconds: 30 },
      org: { enabled: false, role: 'ResourceDirectoryAccountAccessRole' },
    });
  });

  it('takes the retry, rate and timeout settings from flags', () => {
    const config = parseConfig({ cwd: '/work', flags: { maxAttempts: '3', maxRetryTime: '20', concurrency: '4', requestsPerSecond: '12.5', maxApiShare: '0.25', readTimeout: '10' } });
    expect(config.collection).toEqual({ maxAttempts: 3, maxRetrySeconds: 20, concurrency: 4, requestsPerSecond: 12.5, maxApiShare: 0.25, readTimeoutSeconds: 10 });
  });

  it('takes relative paths from the file directory, and those of flags from the working directory', () => {
    const config = parseConfig({
      text: 'mutelist: mutes.yaml\nstore: { path: h.db, retention: { keepDays: 7 } }\n',
      file: '/etc/audit/config.yaml',
      flags: { spoolDir: 'spool', rulesDir: ['custom'] },
      cwd: '/home/me',
    });
    expect(config).toMatchObject({ mutelist: '/etc/audit/mutes.yaml', store: { path: '/etc/audit/h.db' }, spoolDir: '/home/me/spool', rulesDirs: ['/home/me/custom'] });
  });

  it.each([
    { name: 'in the file', text: 'store: { path: "postgresql://audit@db.internal:5432/history" }\n', flags: {} },
    { name: 'as --store', text: undefined, flags: { store: 'postgresql://audit@db.internal:5432/history' } },
  ])('keeps a PostgreSQL connection string given $name as it is, not as a path', ({ text, flags }) => {
    const config = parseConfig({ ...(text ? { text } : {}), file: '/etc/audit/config.yaml', flags, cwd: '/home/me' });
    expect(config.store?.path).toBe('postgresql://audit@db.internal:5432/history');
  });

  it('lets flags win, merging into sections key by key', () => {
    const config = parseConfig({
      text: 'regions: [cn-hangzhou]\nformats: [html]\noutputDir: out\nstore: { path: a.db, retention: { keepScans: 3 } }\nserve: { schedule: "0 * * * *", runNow: true }\nrole: { arn: "acs:ram::123:role/audit" }\n',
      file: '/c/config.yaml',
      flags: { regions: 'ap-southeast-1,cn-shanghai', format: ['json'], output: ['r.json'], store: '/tmp/b.db', schedule: '*/5 * * * *', roleDuration: '900' },
      cwd: '/w',
    });
    expect(config).toMatchObject({
      regions: ['ap-southeast-1', 'cn-shanghai'],
      outputs: { json: '/w/r.json' },
      store: { path: '/tmp/b.db', retention: { keepScans: 3 } },
      serve: { schedule: '*/5 * * * *', runNow: true },
      role: { arn: 'acs:ram::123:role/audit', sessionName: 'alicloud-audit', durationSeconds: 900 },
    });
    // output flags replace the file's output settings as a whole
    expect(config.formats).toBeUndefined();
    expect(config.outputDir).toBeUndefined();
  });

  it('--sink-changes-only marks every sink', () => {
    const config = parseConfig({ flags: { sink: ['webhook=https://siem.example.com/in', 'splunk-hec=https://splunk:8088'], sinkChangesOnly: true } });
    expect(config.sinks.map((sink) => [sink.type, sink.changesOnly])).toEqual([['webhook', true], ['splunk-hec', true]]);
  });
});

describe('errors', () => {
  const fileCases = [
    { name: 'a YAML syntax error', text: 'regions: [cn-hangzhou\nformats: [json]\n', message: /^config\.yaml:\d+: / },
    { name: 'an unknown setting', text: 'regions: [cn-hangzhou]\nregoins: [cn-shanghai]\n', message: /^config\.yaml:2: regoins: unknown setting regoins \(did you mean regions\?\)$/ },
    { name: 'a bad region', text: 'regions:\n  - cn-hangzhou\n  - Shanghai\n', message: /^config\.yaml:3: regions\.1: "Shanghai" is not a region id/ },
    { name: 'an unknown format', text: 'formats: [json, pdf]\n', message: /^config\.yaml:1: formats\.1: unknown format "pdf"/ },
    { name: 'an unknown sink', text: 'sinks:\n  - type: hec\n    url: https://x.example.com\n', message: /^config\.yaml:2: sinks\.0\.type: unknown sink "hec" \(expected one of splunk-hec, webhook\)/ },
    { name: 'credentials in a sink URL', text: 'sinks:\n  - type: webhook\n    url: https://user:pw@x.example.com\n', message: /^config\.yaml:3: sinks\.0\.url: must not carry credentials/ },
    { name: 'a retention of zero scans', text: 'store:\n  path: h.db\n  retention:\n    keepScans: 0\n', message: /^config\.yaml:4: store\.retention\.keepScans: must be at least 1/ },
    { name: 'a store without a path', text: 'store:\n  retention: { keepDays: 3 }\n', message: /^config\.yaml:2: store\.path: is required/ },
    { name: 'a bad metrics address', text: 'serve:\n  metricsAddress: localhost\n', message: /^config\.yaml:2: serve\.metricsAddress: "localhost" is not HOST:PORT/ },
    { name: 'a bad role ARN', text: 'role:\n  arn: arn:aws:iam::1:role/x\n', message: /^config\.yaml:2: role\.arn: "arn:aws:iam::1:role\/x" is not a RAM role ARN/ },
    { name: 'outputs with formats', text: 'formats: [json]\noutputs:\n  ocsf: o.json\n', message: /^config\.yaml:3: outputs: give either outputs/ },
    { name: 'a list instead of a mapping', text: '- regions\n', message: /^config\.yaml:1: expected a mapping of settings/ },
  ];

  it.each(fileCases)('$name: file and line', ({ text, message }) => {
    const run = () => parseConfig({ text, file: 'config.yaml', cwd: '/w' });
    expect(run).toThrow(InputFileError);
    expect(run).toThrow(message);
  });

  const flagCases = [
    { name: 'a bad region', flags: { regions: 'cn-hangzhou,XX' }, message: '--regions: "XX" is not a region id' },
    { name: 'an unknown format', flags: { format: ['pdf'] }, message: '--format: unknown format "pdf"' },
    { name: 'an unknown format with an output file', flags: { format: ['pdf'], output: ['o'] }, message: '--format: unknown format "pdf"' },
    { name: 'a short role session', flags: { roleArn: 'acs:ram::1:role/a', roleDuration: '60' }, message: '--role-duration: must be at least 900' },
    { name: 'an ftp sink', flags: { sink: ['webhook=ftp://x.example.com'] }, message: '--sink: must be an http or https URL' },
    { name: 'a sink without a URL', flags: { sink: ['webhook'] }, message: '--sink expects NAME=URL' },
    { name: 'outputs for fewer formats', flags: { format: ['json', 'csv'], output: ['a'] }, message: '--output: 1 file(s) given for 2 format(s)' },
    { name: 'changes only without a sink', flags: { sinkChangesOnly: true }, message: '--sink-changes-only needs a sink' },
    { name: 'a bad grace period', flags: { gracePeriod: 'soon' }, message: '--grace-period: must be a number' },
    { name: 'no attempt at all', flags: { maxAttempts: '0' }, message: '--max-attempts: must be at least 1' },
    { name: 'a zero rate', flags: { requestsPerSecond: '0' }, message: '--requests-per-second: must be more than 0' },
    { name: 'a share above the whole', flags: { maxApiShare: '1.5' }, message: '--max-api-share: must be at most 1' },
    { name: 'no share at all', flags: { maxApiShare: '0' }, message: '--max-api-share: must be more than 0' },
  ];

  it.each(flagCases)('$name: names the flag, even over a valid file', ({ flags, message }) => {
    const run = () => parseConfig({ text: 'regions: [cn-hangzhou]\n', file: 'config.yaml', flags, cwd: '/w' });
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
  });

  it('names a config file it cannot read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-config-'));
    await expect(loadConfig({ config: join(dir, 'missing.yaml') })).rejects.toThrow(/missing\.yaml: cannot read the config file/);
    await writeFile(join(dir, 'bad.yaml'), 'logLevel: loud\n');
    await expect(loadConfig({ config: join(dir, 'bad.yaml') })).rejects.toThrow(/bad\.yaml:1: logLevel: expected one of fatal/);
  });
});
