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
      'vpc.route-table',
      'ram.user',
      'ram.group',
      'ram.role',
      'ram.policy',
      'actiontrail.trail',
      'sas.config',
      'sas.asset',
      'sas.settings',
      'kms.key',
      'account',
      'ims.saml-provider',
      'ims.oidc-provider',
      'waf.instance',
      'waf.domain',
      'waf.protected-resource',
      'vpn.gateway',
      'vpn.connection',
      'vpn.ssl-server',
      'cloudsso.service',
      'cloudsso.directory',
      'eiam.instance',
      'cas.certificate',
      'slb.load-balancer',
      'slb.listener',
      'slb.server-certificate',
      'alb.load-balancer',
      'alb.listener',
      'cloudfw.instance',
      'cloudfw.asset',
      'cloudfw.control-policy',
      'cloudfw.vpc-firewall',
      'antiddos.basic-ip',
      'antiddos.origin-instance',
      'antiddos.pro-instance',
      'antiddos.pro-website',
      'sls.service',
      'sls.project',
      'sls.logstore',
      'sls.alert',
    ]);
    expect(Object.keys(inventoryRecordSchemas)).toEqual(RESOURCE_TYPES);
    expect(inventoryRecordSchemas).toBe(recordSchemas);
    expect(Object.keys(inventorySchema.shape.resources.shape)).toEqual(RESOURCE_TYPES);
  });

  it('marks the records of the regional products regional, and no other', () => {
    const regional = /^(ecs|vpc|kms|vpn|eiam|slb|alb|antiddos|sls)\./;
    expect([...REGIONAL_TYPES].sort()).toEqual(RESOURCE_TYPES.filter((type) => regional.test(type)).sort());
  });

  it('names every service a gap may name, STS included', () => {
    expect([...SERVICE_NAMES].sort()).toEqual([
      'actiontrail', 'alb', 'antiddos', 'cas', 'cloudfw', 'cloudsso', 'ecs', 'eiam', 'ims', 'kms', 'ram', 'sas', 'slb', 'sls', 'sts', 'vpc', 'vpn', 'waf',
    ]);
    expect(collectionGapSchema.shape.service.options).toEqual(SERVICE_NAMES);
  });

  it('starts the RAM collector first and knows it and CloudSSO as the global ones', () => {
    expect(COLLECTOR_NAMES).toEqual(['ram', 'ecs', 'vpc', 'actiontrail', 'sas', 'kms', 'waf', 'vpn', 'cloudsso', 'eiam', 'cas', 'slb', 'alb', 'cloudfw', 'antiddos', 'sls']);
    expect([...GLOBAL_COLLECTORS]).toEqual(['ram', 'cloudsso']);
  });

  it('grants each action under the RAM code of its product: IMS under ram:, Security Center under yundun-sas:, VPN Gateway under vpc:', () => {
    expect(REQUIRED_RAM_ACTIONS).toContain('ram:ListUsers');
    expect(REQUIRED_RAM_ACTIONS).toContain('yundun-sas:DescribeVersionConfig');
    expect(REQUIRED_RAM_ACTIONS.some((action) => action.startsWith('ims:') || action.startsWith('sas:') || action.startsWith('sts:'))).toBe(false);
    expect(REQUIRED_RAM_ACTIONS).toContain('yundun-waf:DescribeInstance');
    expect(REQUIRED_RAM_ACTIONS).toContain('vpc:DescribeVpnConnections');
    expect(REQUIRED_RAM_ACTIONS).toContain('yundun-antiddosbag:DescribeInstanceList');
    expect(REQUIRED_RAM_ACTIONS.some((action) => /^(vpn|cas|antiddos|cloudfw|waf|sls):/.test(action))).toBe(false);
    expect(REQUIRED_RAM_ACTIONS).toHaveLength(95);
  });
});
