import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/findings/types.js';
import { formats } from '../src/outputs/formats.js';
import { toOcsfEvent, toOcsfEvents } from '../src/outputs/ocsf.js';

const sample = JSON.parse(readFileSync('tests/fixtures/report-sample.json', 'utf8')) as Report;
const ocsfDir = resolve(process.cwd(), '../shared/reference/ocsf-1.8.0');
const byId = (id: string): Finding => sample.findings.find((f) => f.id === id)!;

describe.skipIf(!existsSync(ocsfDir))('OCSF 1.8.0 schema', () => {
  // the describe body runs even when skipped: the reference is read in beforeAll, which a skip does not run
  let validate: ValidateFunction;
  beforeAll(() => {
    const schema = JSON.parse(readFileSync(resolve(ocsfDir, 'compliance_finding.schema.json'), 'utf8')) as object;
    validate = new AjvModule.default({ strict: false, allErrors: true }).compile(schema);
  });

  it('validates the reference example, so the validator itself works', () => {
    const example = JSON.parse(readFileSync(resolve(ocsfDir, 'example-compliance-finding.json'), 'utf8'));
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, time: '2026-11-29' })).toBe(false);
  });

  it.each(sample.findings.map((finding) => ({ name: `${finding.status} ${finding.id}`, finding })))(
    'validates the event for $name',
    ({ finding }) => {
      const event = toOcsfEvent(finding, sample.scan);
      expect(validate(event), JSON.stringify(validate.errors, null, 1)).toBe(true);
    },
  );

  it('validates every event the ocsf format writes', () => {
    const events = JSON.parse(formats.ocsf.render(sample)) as unknown[];
    expect(events).toHaveLength(sample.findings.length);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('OCSF mapping', () => {
  const events = toOcsfEvents(sample);

  it('writes every time in epoch milliseconds', () => {
    const finished = Date.parse(sample.scan.finishedAt);
    for (const event of events) {
      expect(event.time).toBe(finished);
      expect(event.finding_info.created_time).toBe(finished);
      expect(event.start_time).toBe(Date.parse(sample.scan.startedAt));
      expect(event.time).toBeGreaterThan(1e12);
    }
  });

  it.each([
    {
      name: 'a failing CIS finding',
      id: 'ecs-sg-ssh-open-internet:cn-hangzhou:sg-bp1fg655nh68xyz9i',
      expected: {
        class_uid: 2003, category_uid: 2, type_uid: 200301, activity_id: 1, severity_id: 4, status_id: 1, status: 'New',
        status_code: 'FAIL',
        compliance: {
          status_id: 3, status: 'Fail', control: '4.1',
          standards: ['CIS Alibaba Cloud Foundations Benchmark v2.0.0', 'Alibaba Cloud ECS shared security responsibility model'],
        },
        resources: [{ uid: 'sg-bp1fg655nh68xyz9i', type: 'ecs.security-group', region: 'cn-hangzhou', provider: 'Alibaba Cloud',
          name: 'web-prod', tags: [{ name: 'env', value: 'prod' }, { name: 'team', value: 'web' }] }],
        cloud: { provider: 'Alibaba Cloud', region: 'cn-hangzhou', account: { uid: '1234567890123456' } },
        remediation: { desc: expect.stringContaining('bastion') },
        finding_info: { uid: 'ecs-sg-ssh-open-internet:cn-hangzhou:sg-bp1fg655nh68xyz9i', title: 'Security group allows SSH from the internet' },
      },
    },
    {
      name: 'a pass',
      id: 'ecs-disk-encrypted:cn-hangzhou:d-bp1disk0000crypt01',
      expected: { status_id: 1, severity_id: 3, compliance: { status_id: 1, status: 'Pass' } },
    },
    {
      name: 'an error: compliance Unknown, never Pass',
      id: 'actiontrail-multi-region:global:audit-trail',
      expected: {
        status_code: 'ERROR', status_detail: expect.stringContaining('Throttling.User'),
        compliance: { status_id: 0, status: 'Unknown', status_detail: expect.stringContaining('Throttling.User') },
        cloud: { provider: 'Alibaba Cloud', region: 'global', account: { uid: '1234567890123456' } },
      },
    },
    {
      name: 'a muted failure: Suppressed, still Fail',
      id: 'ecs-instance-keypair-login:cn-shanghai:i-uf6legacy000000001',
      expected: {
        status_id: 3, status: 'Suppressed', status_code: 'FAIL', comment: expect.stringContaining('SEC-142'),
        compliance: { status_id: 3 }, unmapped: { muted_status: 'fail' },
      },
    },
    {
      name: 'a finding with no CIS control: the duty is the control',
      id: 'ecs-disk-cmk:cn-hangzhou:d-bp1disk0000crypt01',
      expected: { severity_id: 2, compliance: { control: 'kms', standards: ['Alibaba Cloud ECS shared security responsibility model'] } },
    },
    {
      name: 'a critical finding',
      id: 'vpc-nacl-risky-ports:cn-shanghai:nacl-uf6acl000000001',
      expected: { severity_id: 5, severity: 'Critical' },
    },
  ])('maps $name', ({ id, expected }) => {
    expect(toOcsfEvent(byId(id), sample.scan)).toMatchObject(expected);
  });

  it('gives account-global resources the region "global" (SIEM field extraction breaks on a missing field)', () => {
    const event = toOcsfEvent(byId('ram-user-mfa:global:alice'), sample.scan);
    expect(event.cloud.region).toBe('global');
    expect(event.resources[0]?.region).toBe('global');
  });

  it('gives each event a uid that is stable per scan and finding and distinct across findings', () => {
    const uids = events.map((event) => event.metadata.uid);
    expect(new Set(uids).size).toBe(events.length);
    expect(toOcsfEvents(sample).map((event) => event.metadata.uid)).toEqual(uids);
    const otherScan = toOcsfEvent(sample.findings[0]!, { ...sample.scan, id: 'another-scan' });
    expect(otherScan.metadata.uid).not.toBe(uids[0]);
  });
});
