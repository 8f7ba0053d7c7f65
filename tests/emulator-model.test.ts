import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountModelError, defineAccount, loadAccountModel, type AccountModelInput } from '../src/emulator/index.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/demo');

const minimal = (): AccountModelInput => ({
  accountId: '1234567890123456',
  regions: {
    'cn-hangzhou': {
      securityGroups: [{ SecurityGroupId: 'sg-bp1a' }],
      instances: [{ InstanceId: 'i-bp1a', OSName: 'Ubuntu 22.04', OSType: 'linux', SecurityGroupIds: ['sg-bp1a'] }],
    },
  },
});

describe('account model', () => {
  it.each(readdirSync(fixtures).filter((f) => f.endsWith('.json')))('demo fixture %s loads and validates', async (file) => {
    const model = await loadAccountModel(path.join(fixtures, file));
    expect(Object.keys(model.regions).length).toBeGreaterThan(0);
  });

  it('accepts a minimal account built in code', () => {
    expect(defineAccount(minimal()).regions['cn-hangzhou']?.instances).toHaveLength(1);
  });

  const broken: { name: string; edit: (model: AccountModelInput) => void; message: RegExp }[] = [
    {
      name: 'a misspelled API field',
      edit: (m) => Object.assign(m.regions['cn-hangzhou']!.instances![0]!, { OsName: 'x' }),
      message: /regions\.cn-hangzhou\.instances\.0\.OsName: unknown field/,
    },
    {
      name: 'a misspelled nested field',
      edit: (m) => Object.assign(m.regions['cn-hangzhou']!.instances![0]!, { MetadataOptions: { HttpToken: 'required' } }),
      message: /instances\.0\.MetadataOptions\.HttpToken: unknown field/,
    },
    {
      name: 'a security group that does not exist',
      edit: (m) => (m.regions['cn-hangzhou']!.instances![0]!.SecurityGroupIds = ['sg-bp1missing']),
      message: /instances\.0\.SecurityGroupIds\.0: security group sg-bp1missing is not in cn-hangzhou/,
    },
    {
      name: 'an id with the wrong prefix',
      edit: (m) => (m.regions['cn-hangzhou']!.instances![0]!.InstanceId = 'vm-1'),
      message: /instances\.0\.InstanceId: expected an id like "i-bp1\.\.\."/,
    },
    {
      name: 'a policy attached but not declared',
      edit: (m) => (m.ram = { users: [{ UserName: 'dave', Policies: ['Nope'] }] }),
      message: /ram\.users\.0\.Policies\.0: policy Nope is not declared/,
    },
    {
      name: 'a bad denied action',
      edit: (m) => (m.deniedActions = ['DescribeDisks']),
      message: /deniedActions\.0/,
    },
  ];

  it.each(broken)('rejects $name with the path of the problem', ({ edit, message }) => {
    const model = minimal();
    edit(model);
    expect(() => defineAccount(model, 'model.json')).toThrow(AccountModelError);
    expect(() => defineAccount(model, 'model.json')).toThrow(message);
  });

  it('names the file when it is not JSON', async () => {
    await expect(loadAccountModel(path.join(fixtures, '../../package-lock.json.missing'))).rejects.toThrow(/package-lock\.json\.missing: invalid account model/);
  });
});
