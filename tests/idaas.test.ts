// IDaaS / SSO through the emulator with the real SDKs (IMS) and signed generic calls (CloudSSO, EIAM):
// paging over more than one page at the real caps, CloudSSO not enabled read as a fact, and denied answers
// that leave the SSO rules in error, never passing.
import { beforeAll, describe, expect, it } from 'vitest';
import { defineAccount, type AccountModelInput } from '../src/emulator/index.js';
import { BUNDLED_RULES_DIR, evaluate, loadRules, type Rule } from '../src/engine/index.js';
import type { Finding } from '../src/findings/types.js';
import { collectorsFor, selectRules } from '../src/scan/scope.js';
import { scanThroughEmulator } from './helpers/scan-emulator.js';

const NOW = new Date('2026-11-15T00:00:00Z');
const n = (count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(3, '0'));

const consoleUsers = (count: number) =>
  n(count).map((i) => ({
    UserName: `user${i}`,
    CreateDate: '2026-03-01T02:00:00Z',
    LoginProfile: { MFABindRequired: true, CreateDate: '2026-03-01T02:00:00Z' },
    MFADevice: { Type: 'VMFA' as const, ActivateDate: '2026-03-01T02:05:00Z' },
  }));

/** 130 SAML providers (MaxItems cap 100: two pages), 45 EIAM instances (20 a page: three pages), user SSO on. */
const large: AccountModelInput = {
  accountId: '1234567890123456',
  regions: {
    'cn-hangzhou': { eiamInstances: n(45).map((i) => ({ InstanceId: `idaas_hz${i}` })) },
    // no EIAM endpoint in cn-beijing: never asked
    'cn-beijing': {},
  },
  ram: { users: consoleUsers(6) },
  sso: {
    userSsoSettings: { SsoEnabled: true, AuxiliaryDomain: 'example.com', MetadataDocument: 'PD94bWwgdmVyc2lvbj0iMS4wIj8+' },
    samlProviders: n(130).map((i) => ({ SAMLProviderName: `idp-${i}` })),
    oidcProviders: [{ OIDCProviderName: 'github', IssuerUrl: 'https://token.actions.githubusercontent.com', ClientIds: 'sts.aliyuncs.com,other' }],
  },
  cloudSso: { directories: [{ DirectoryId: 'd-00large0001', DirectoryName: 'large', MfaAuthenticationAdvanceSettings: 'Disabled' }] },
};

/** Six console users and nothing else: no user SSO, no provider, CloudSSO not enabled (the model's default). */
const bare: AccountModelInput = { accountId: '1234567890123456', regions: { 'cn-hangzhou': {} }, ram: { users: consoleUsers(6) } };

let rules: Rule[];
beforeAll(async () => {
  rules = await loadRules([BUNDLED_RULES_DIR]);
});

async function scan(input: AccountModelInput, hooks?: NonNullable<Parameters<typeof scanThroughEmulator>[1]>['hooks']) {
  const result = await scanThroughEmulator(defineAccount(input), { now: NOW, ...(hooks ? { hooks } : {}) });
  const findings = evaluate(result.inventory, rules, { now: NOW });
  return { ...result, findings };
}

const ofRule = (findings: Finding[], ruleId: string) => findings.filter((finding) => finding.ruleId === ruleId);
const statuses = (findings: Finding[], ruleId: string) => [...new Set(ofRule(findings, ruleId).map((finding) => finding.status))];

describe('IDaaS / SSO collectors', () => {
  it('reads every SAML provider and EIAM instance across pages, at the documented caps', async () => {
    const { inventory, calls, findings } = await scan(large);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['ims.saml-provider']).toHaveLength(130);
    expect(inventory.resources['ims.saml-provider'][0]).toEqual({
      id: 'idp-000',
      arn: 'acs:ram::1234567890123456:saml-provider/idp-000',
      description: '',
      createdAt: '2026-01-05T08:00:00Z',
      updatedAt: '2026-01-05T08:00:00Z',
    });
    expect(inventory.resources['ims.oidc-provider']).toEqual([
      expect.objectContaining({ id: 'github', clientIds: ['sts.aliyuncs.com', 'other'], issuerUrl: 'https://token.actions.githubusercontent.com' }),
    ]);
    expect(inventory.resources['eiam.instance']).toHaveLength(45);
    expect(new Set(inventory.resources['eiam.instance'].map((instance) => instance.region))).toEqual(new Set(['cn-hangzhou']));
    expect(inventory.resources['eiam.instance'][0]).toMatchObject({ id: 'idaas_hz000', status: 'running', serviceManaged: false });
    const count = (action: string) => calls.filter((call) => call.action === action).length;
    expect(count('ListSAMLProviders')).toBe(2);
    expect(count('ListOIDCProviders')).toBe(1);
    expect(calls.filter((call) => call.action === 'ListInstances').map((call) => call.region)).toEqual(['cn-hangzhou', 'cn-hangzhou', 'cn-hangzhou']);

    expect(inventory.resources.account[0]!.userSso).toEqual({ enabled: true, loginWithDomain: null, auxiliaryDomain: 'example.com', metadataConfigured: true });
    expect(inventory.resources['cloudsso.directory']).toEqual([
      { id: 'd-00large0001', name: 'large', region: 'cn-shanghai', createdAt: '2026-01-05T08:00:00Z', mfaAuthentication: 'Disabled', operationForRiskLogin: null },
    ]);
    expect(statuses(findings, 'ims-user-sso-console-password')).toEqual(['fail']);
    expect(ofRule(findings, 'ims-user-sso-console-password')).toHaveLength(6);
    expect(statuses(findings, 'ims-sso-in-place')).toEqual(['pass']);
    expect(statuses(findings, 'cloudsso-directory-mfa')).toEqual(['fail']);
  });

  it('reads CloudSSO not enabled as a fact: no directory, and the SSO rule fails rather than errs', async () => {
    const { inventory, calls, findings } = await scan(bare);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.resources['cloudsso.service']).toEqual([{ id: '1234567890123456', enabled: false, status: 'Disabled', regionsInUse: [] }]);
    expect(inventory.resources['cloudsso.directory']).toEqual([]);
    // nothing is asked of a directory that cannot exist
    expect(calls.some((call) => call.action === 'ListDirectories' || call.action === 'GetMFAAuthenticationSettingInfo')).toBe(false);
    expect(inventory.resources['ims.saml-provider']).toEqual([]);
    expect(inventory.resources['eiam.instance']).toEqual([]);
    const [finding] = ofRule(findings, 'ims-sso-in-place');
    expect(finding).toMatchObject({ status: 'fail', severity: 'low' });
    expect(finding!.evidence).toContain('no CloudSSO directory');
    expect(statuses(findings, 'ims-user-sso-console-password')).toEqual(['pass']);
  });

  it('leaves the SSO rules in error, never passing, when RAM denies the reads', async () => {
    const denied = await scan({
      ...large,
      deniedActions: ['ims:GetUserSsoSettings', 'ims:ListSAMLProviders', 'ims:ListOIDCProviders', 'cloudsso:GetServiceStatus', 'eiam:ListInstances'],
    });
    expect(denied.inventory.gaps.map((gap) => [gap.action, gap.kind, gap.ramAction, gap.resourceTypes, gap.fields]).sort()).toEqual([
      ['GetServiceStatus', 'denied', 'cloudsso:GetServiceStatus', ['cloudsso.service', 'cloudsso.directory'], undefined],
      ['GetUserSsoSettings', 'denied', 'ram:GetUserSsoSettings', ['account'], ['userSso']],
      ['ListInstances', 'denied', 'eiam:ListInstances', ['eiam.instance'], undefined],
      ['ListOIDCProviders', 'denied', 'ram:ListOIDCProviders', ['ims.oidc-provider'], undefined],
      ['ListSAMLProviders', 'denied', 'ram:ListSAMLProviders', ['ims.saml-provider'], undefined],
    ]);
    // user SSO is on but unreadable: each console user is an error, not a pass
    expect(statuses(denied.findings, 'ims-user-sso-console-password')).toEqual(['error']);
    expect(ofRule(denied.findings, 'ims-user-sso-console-password')[0]!.reason).toContain('GetUserSsoSettings');
    // six console users and every source of SSO unreadable: an error, not a pass and not a fail
    expect(statuses(denied.findings, 'ims-sso-in-place')).toEqual(['error']);
    expect(statuses(denied.findings, 'cloudsso-directory-mfa')).toEqual(['error']);

    // the directory listed but its MFA setting denied: that directory's finding is an error
    const mfaDenied = await scan({ ...large, deniedActions: ['cloudsso:GetMFAAuthenticationSettingInfo'] });
    expect(mfaDenied.inventory.resources['cloudsso.directory']).toEqual([expect.not.objectContaining({ mfaAuthentication: expect.anything() })]);
    expect(ofRule(mfaDenied.findings, 'cloudsso-directory-mfa').map((finding) => [finding.resource.id, finding.status])).toEqual([['d-00large0001', 'error']]);
  });

  it('reads a GetServiceStatus answer without a Status as malformed, not as CloudSSO off', async () => {
    const { inventory, findings } = await scan(bare, {
      rewrite: (call, reply) => (call.action === 'GetServiceStatus' ? { ...reply, body: { RequestId: 'r', ServiceStatus: {} } } : reply),
    });
    expect(inventory.resources['cloudsso.service']).toEqual([]);
    expect(inventory.gaps).toEqual([expect.objectContaining({ action: 'GetServiceStatus', kind: 'malformed', resourceTypes: ['cloudsso.service', 'cloudsso.directory'] })]);
    // six console users and no other SSO: with CloudSSO unknown the rule cannot fail, nor pass
    expect(statuses(findings, 'ims-sso-in-place')).toEqual(['error']);
  });

  it('scopes the SSO rules to the collectors of the records they read', () => {
    expect(collectorsFor(selectRules(rules, { rules: ['ims-user-sso-console-password'] }))).toEqual(['ram']);
    expect(collectorsFor(selectRules(rules, { rules: ['ims-sso-in-place'] })).sort()).toEqual(['cloudsso', 'ram']);
    expect(collectorsFor(selectRules(rules, { services: ['cloudsso'] }))).toEqual(['cloudsso']);
  });
});
