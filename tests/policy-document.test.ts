import { describe, expect, it } from 'vitest';
import {
  allowsFullAccess,
  parsePolicyDocument,
  PolicyDocumentError,
} from '../src/services/ram/policy-document.js';

const doc = (...statements: object[]) => ({ Version: '1', Statement: statements });

describe('allowsFullAccess', () => {
  it.each([
    { name: 'Allow * on *', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }), full: true },
    { name: 'Allow *:* on * (lower-case effect)', document: doc({ Effect: 'allow', Action: ['*:*'], Resource: ['*'] }), full: true },
    {
      name: 'a single statement object as a JSON string',
      document: JSON.stringify({ Statement: { Effect: 'ALLOW', Action: '*', Resource: '*' } }),
      full: true,
    },
    { name: 'Allow * on one resource', document: doc({ Effect: 'Allow', Action: '*', Resource: 'acs:ecs:*:*:instance/i-1' }), full: false },
    { name: 'Allow ecs:* on *', document: doc({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }), full: false },
    { name: 'Deny * on *', document: doc({ Effect: 'Deny', Action: '*', Resource: '*' }), full: false },
    {
      name: 'NotAction excluding one action is still full access',
      document: doc({ Effect: 'Allow', NotAction: 'ecs:DeleteInstance', Resource: '*' }),
      full: true,
    },
    { name: 'NotAction excluding a whole service is not', document: doc({ Effect: 'Allow', NotAction: ['ram:*'], Resource: '*' }), full: false },
    { name: 'NotAction excluding everything grants nothing', document: doc({ Effect: 'Allow', NotAction: '*', Resource: '*' }), full: false },
    {
      name: 'NotResource excluding one resource is still full access',
      document: doc({ Effect: 'Allow', Action: '*', NotResource: 'acs:oss:*:*:secret' }),
      full: true,
    },
    {
      name: 'a conditional Allow * is still full access',
      document: doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } }),
      full: true,
    },
    {
      name: 'an unconditional Deny of a whole service withholds it',
      document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'ram:*', Resource: '*' }),
      full: false,
    },
    {
      name: 'a Deny of one action does not',
      document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'ecs:DeleteInstance', Resource: '*' }),
      full: true,
    },
    {
      name: 'a conditional Deny of a service does not',
      document: doc(
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'ram:*', Resource: '*', Condition: { Bool: { 'acs:MFAPresent': 'false' } } },
      ),
      full: true,
    },
  ])('$name', ({ document, full }) => {
    expect(allowsFullAccess(document).fullAccess).toBe(full);
  });

  it('names the granting statement', () => {
    const verdict = allowsFullAccess(doc({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }, { Effect: 'Allow', Action: '*', Resource: '*' }));
    expect(verdict.grants).toEqual([1]);
  });
});

describe('parsePolicyDocument', () => {
  it.each([
    { name: 'invalid JSON', input: '{"Statement":' },
    { name: 'no Statement', input: { Version: '1' } },
    { name: 'a list, not an object', input: [] },
    { name: 'an unknown Effect', input: doc({ Effect: 'Permit', Action: '*', Resource: '*' }) },
    { name: 'both Action and NotAction', input: doc({ Effect: 'Allow', Action: '*', NotAction: 'ecs:*', Resource: '*' }) },
    { name: 'no Resource', input: doc({ Effect: 'Allow', Action: '*' }) },
    { name: 'a non-text Action', input: doc({ Effect: 'Allow', Action: [1], Resource: '*' }) },
  ])('refuses $name', ({ input }) => {
    expect(() => parsePolicyDocument(input)).toThrow(PolicyDocumentError);
  });
});
