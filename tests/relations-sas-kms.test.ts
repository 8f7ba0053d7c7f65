// The derived fields built from the Security Center, KMS and Session Manager collections: a fact when the
// collection is complete, null for a known absence, unknown (never a default) when a gap may hide the answer.
import { describe, expect, it } from 'vitest';
import { UnknownValue } from '../src/engine/outcome.js';
import { RelationIndex, viewOf } from '../src/engine/relations.js';
import { emptyResources, INVENTORY_SCHEMA_VERSION, type CollectionGap, type Inventory } from '../src/inventory/types.js';
import type { Disk, EcsInstance } from '../src/services/ecs/records.js';
import type { SecurityCenterAsset } from '../src/services/sas/records.js';

const instance = { id: 'i-1', region: 'cn-hangzhou', instanceType: 'ecs.g7.large', securityGroupIds: [] as string[], publicIps: [] as string[], eipAllocationId: null } as EcsInstance;
const disk = { id: 'd-1', region: 'cn-hangzhou', kmsKeyId: 'key-1' } as Disk;
const asset: SecurityCenterAsset = {
  id: 'i-1',
  region: 'cn-hangzhou',
  uuid: 'u-1',
  name: 'web',
  clientStatus: 'online',
  clientSubStatus: 'online',
  lastOnlineAt: null,
  authVersion: 5,
  bound: true,
  unfixedVulnerabilities: [],
};

function gap(over: Partial<CollectionGap>): CollectionGap {
  return { service: 'sas', region: 'ap-southeast-1', action: 'X', ramAction: 'yundun-sas:X', resourceTypes: ['sas.asset'], kind: 'not-activated', code: 'C', message: 'm', ...over };
}

function inventory(fill: (resources: Inventory['resources']) => void, gaps: CollectionGap[] = []): RelationIndex {
  const resources = emptyResources();
  resources['ecs.instance'].push(instance);
  resources['ecs.disk'].push(disk);
  fill(resources);
  return new RelationIndex({ schemaVersion: INVENTORY_SCHEMA_VERSION, accountId: '1', collectedAt: '', regions: ['cn-hangzhou'], resources, gaps });
}

const instanceView = (index: RelationIndex) => viewOf('ecs.instance', instance, index);

describe('$securityCenter', () => {
  it('is the asset of the same instance and region', () => {
    expect(instanceView(inventory((r) => r['sas.asset'].push(asset))).$securityCenter).toEqual(asset);
  });

  it('is null when Security Center answered and does not list the instance', () => {
    expect(instanceView(inventory((r) => r['sas.asset'].push({ ...asset, region: 'cn-shanghai' }))).$securityCenter).toBeNull();
  });

  it('is unknown when any site of Security Center could not be read, whichever region it served', () => {
    const value = instanceView(inventory((r) => r['sas.asset'].push(asset), [gap({})])).$securityCenter;
    expect(value).toBeInstanceOf(UnknownValue);
  });

  it('keeps the asset but leaves its vulnerabilities unknown when only DescribeVulList failed', () => {
    const index = inventory((r) => r['sas.asset'].push({ ...asset, unfixedVulnerabilities: undefined }), [gap({ fields: ['unfixedVulnerabilities'], kind: 'denied' })]);
    const value = instanceView(index).$securityCenter as Record<string, unknown>;
    expect(value.clientStatus).toBe('online');
    expect(value.unfixedVulnerabilities).toBeInstanceOf(UnknownValue);
    expect((value.unfixedVulnerabilities as UnknownValue).gaps).toEqual([expect.objectContaining({ kind: 'denied' })]);
  });
});

describe('$sessionManagerEnabled', () => {
  it.each([true, false])('is the switch of the instance region (%s)', (enabled) => {
    const index = inventory((r) => r['ecs.region-setting'].push({ id: 'cn-hangzhou', region: 'cn-hangzhou', sessionManagerEnabled: enabled }));
    expect(instanceView(index).$sessionManagerEnabled).toBe(enabled);
  });

  it('is unknown when the switch of that region could not be read', () => {
    const index = inventory(() => {}, [gap({ service: 'ecs', region: 'cn-hangzhou', resourceTypes: ['ecs.region-setting'], kind: 'denied' })]);
    expect(instanceView(index).$sessionManagerEnabled).toBeInstanceOf(UnknownValue);
  });
});

describe('$kmsKey', () => {
  const key = { id: 'key-1', region: 'cn-hangzhou', arn: 'acs:kms', aliases: ['alias/acs/ecs'], isServiceKey: true };

  it('is the key of the same region', () => {
    expect(viewOf('ecs.disk', disk, inventory((r) => r['kms.key'].push(key))).$kmsKey).toEqual(key);
  });

  it('is null when the disk names no key', () => {
    expect(viewOf('ecs.disk', { ...disk, kmsKeyId: null }, inventory(() => {})).$kmsKey).toBeNull();
  });

  it.each([
    { name: 'KMS does not list the key', gaps: [] },
    { name: 'the KMS keys of the region could not be read', gaps: [gap({ service: 'kms', region: 'cn-hangzhou', resourceTypes: ['kms.key'], kind: 'denied' })] },
  ])('is unknown when $name', ({ gaps }) => {
    expect(viewOf('ecs.disk', disk, inventory(() => {}, gaps)).$kmsKey).toBeInstanceOf(UnknownValue);
  });
});
