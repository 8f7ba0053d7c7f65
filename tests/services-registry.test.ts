// What the one list of services (src/services/index.ts) derives: pinned to what the project listed by hand
// before the registry, so that a service folder added or reordered changes only what it should.
import { describe, expect, it } from 'vitest';
import {
  COLLECTOR_NAMES,
  GLOBAL_COLLECTORS,
  recordSchemas,
  REGIONAL_TYPES,
  REQUIRED_RAM_ACTIONS,
  RESOURCE_TYPES,
  SERVICE_NAMES,
} from '../src/services/index.js';
import { collectionGapSchema, inventorySchema, recordSchemas as inventoryRecordSchemas } from '../src/inventory/schema.js';

describe('the service registry', () => {
  it('lists the resource types in the inventory order, each with its schema', () => {
    expect(RESOURCE_TYPES).toEqual([
      'ecs.instance',
      'ecs.security-group',
      'ecs.disk',
      'ecs.snapshot',
      'ecs.snapshot-policy',
      'ecs.key-pair',
      'ecs.region-setting',
      'vpc.vpc',
      'vpc.vswitch',
      'vpc.network-acl',
      'vpc.flow-log',
      'vpc.eip',
      'ram.user',
      'ram.group',
      'ram.role',
      'ram.policy',
      'actiontrail.trail',
      'sas.config',
      'sas.asset',
      'kms.key',
      'account',
      'sls.service',
      'sls.project',
      'sls.logstore',
      'sls.alert',
    ]);
    expect(Object.keys(inventoryRecordSchemas)).toEqual(RESOURCE_TYPES);
    expect(inventoryRecordSchemas).toBe(recordSchemas);
    expect(Object.keys(inventorySchema.shape.resources.shape)).toEqual(RESOURCE_TYPES);
  });

  it('marks the ECS, VPC, KMS and Log Service records regional, and no other', () => {
    expect([...REGIONAL_TYPES].sort()).toEqual(RESOURCE_TYPES.filter((type) => /^(ecs|vpc|kms|sls)\./.test(type)).sort());
  });

  it('names every service a gap may name, STS included', () => {
    expect([...SERVICE_NAMES].sort()).toEqual(['actiontrail', 'ecs', 'ims', 'kms', 'ram', 'sas', 'sls', 'sts', 'vpc']);
    expect(collectionGapSchema.shape.service.options).toEqual(SERVICE_NAMES);
  });

  it('starts the RAM collector first and knows it as the only global one', () => {
    expect(COLLECTOR_NAMES).toEqual(['ram', 'ecs', 'vpc', 'actiontrail', 'sas', 'kms', 'sls']);
    expect([...GLOBAL_COLLECTORS]).toEqual(['ram']);
  });

  it('grants IMS actions under ram:, Security Center actions under yundun-sas: and Log Service actions under log:', () => {
    expect(REQUIRED_RAM_ACTIONS).toContain('ram:ListUsers');
    expect(REQUIRED_RAM_ACTIONS).toContain('yundun-sas:DescribeVersionConfig');
    expect(REQUIRED_RAM_ACTIONS.some((action) => action.startsWith('ims:') || action.startsWith('sas:') || action.startsWith('sts:'))).toBe(false);
    expect(REQUIRED_RAM_ACTIONS).toContain('log:ListLogStores');
    expect(REQUIRED_RAM_ACTIONS.some((action) => action.startsWith('sls:'))).toBe(false);
    expect(REQUIRED_RAM_ACTIONS).toHaveLength(47);
  });
});
