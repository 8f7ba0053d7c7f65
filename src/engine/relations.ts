// Derived fields: facts about a record that live in other collections, computed once per evaluation and
// offered to rules as `$name` fields of the record view. A derived field is unknown (UnknownValue) when
// the collection it is built from has a gap in the record's scope. Documented in rules/README.md.
import { z } from 'zod';
import type { Inventory, ResourceMap, ResourceType } from '../inventory/types.js';
import type { EcsInstance } from '../services/ecs/records.js';
import type { FlowLog } from '../services/vpc/records.js';
import { recordSchemas } from '../inventory/schema.js';
import { GapIndex, push } from './gaps.js';
import { UnknownValue } from './outcome.js';

export class RelationIndex {
  readonly gaps: GapIndex;
  readonly inventory: Inventory;
  private readonly instancesByGroup = new Map<string, EcsInstance[]>();
  private readonly flowLogsByResource = new Map<string, FlowLog[]>();
  private readonly byRegionAndId = new Map<ResourceType, Map<string, object>>();
  /** record views by type and record: every rule on a type reads the same view, derived once */
  private readonly views = new Map<ResourceType, Map<object, Record<string, unknown>>>();

  constructor(inventory: Inventory) {
    this.inventory = inventory;
    this.gaps = new GapIndex(inventory);
    for (const instance of inventory.resources['ecs.instance']) {
      for (const groupId of instance.securityGroupIds) push(this.instancesByGroup, groupId, instance);
    }
    for (const flowLog of inventory.resources['vpc.flow-log']) push(this.flowLogsByResource, flowLog.resourceId, flowLog);
  }

  instancesIn(groupId: string): EcsInstance[] {
    return this.instancesByGroup.get(groupId) ?? [];
  }

  flowLogsOf(resourceId: string): FlowLog[] {
    return this.flowLogsByResource.get(resourceId) ?? [];
  }

  /** The record of `type` with this region and id (lookup built on first use). */
  find<T extends ResourceType>(type: T, region: string, id: string): ResourceMap[T] | undefined {
    let records = this.byRegionAndId.get(type);
    if (!records) {
      records = new Map((this.inventory.resources[type] as Array<{ id: string; region?: string }>).map((record) => [`${record.region}/${record.id}`, record]));
      this.byRegionAndId.set(type, records);
    }
    return records.get(`${region}/${id}`) as ResourceMap[T] | undefined;
  }

  /** The view of a record of `type` (see viewOf), built on first use; rules only read it. */
  view(type: ResourceType, record: object): Record<string, unknown> {
    let views = this.views.get(type);
    if (!views) this.views.set(type, (views = new Map()));
    let view = views.get(record);
    if (!view) views.set(record, (view = viewOf(type, record, this)));
    return view;
  }

  /** Drop the views of `type` built so far (a later view() builds them anew). */
  forgetViews(type: ResourceType): void {
    this.views.delete(type);
  }

  /** `value`, or an UnknownValue when the collection of `source` it came from is incomplete in `region`. */
  unlessGap(source: ResourceType, region: string | null, value: () => unknown): unknown {
    const gaps = this.gaps.collection(source, region);
    return gaps.length > 0 ? new UnknownValue(`the ${source} collection is incomplete`, gaps) : value();
  }
}

interface DerivedField<T extends ResourceType> {
  summary: string;
  /** the shape of the derived value, for load-time checks of rule paths */
  schema: z.ZodType;
  derive(record: ResourceMap[T], index: RelationIndex): unknown;
}

type DerivedFields = { [T in ResourceType]?: Record<`$${string}`, DerivedField<T>> };

/** `ecs.g7t.large` -> `g7t`; unknown (an error for the rule) when the type does not have that shape. */
function instanceFamily(instanceType: string): string | UnknownValue {
  const match = /^ecs\.([a-z0-9-]+)\.[a-z0-9-]+$/i.exec(instanceType);
  return match ? match[1]!.toLowerCase() : new UnknownValue(`instance type ${JSON.stringify(instanceType)} names no family`, []);
}

export const DERIVED_FIELDS = {
  'ecs.instance': {
    $instanceFamily: {
      summary: 'the instance family of `instanceType` (`ecs.g7t.large` -> `g7t`)',
      schema: z.string(),
      derive: (instance) => instanceFamily(instance.instanceType),
    },
    $securityCenter: {
      summary: 'the Security Center asset of this instance (agent, unfixed vulnerabilities); null when Security Center does not list it',
      schema: recordSchemas['sas.asset'].nullable(),
      // Security Center answers per site for many regions: any gap of its assets leaves every instance unknown
      derive: (instance, index) =>
        index.unlessGap('sas.asset', null, () => {
          const asset = index.find('sas.asset', instance.region, instance.id);
          if (!asset) return null;
          if (asset.unfixedVulnerabilities !== undefined) return asset;
          const gaps = index.gaps.record('sas.asset', asset.id, null);
          return { ...asset, unfixedVulnerabilities: new UnknownValue('the unfixed vulnerabilities were not collected', gaps) };
        }),
    },
    $sessionManagerEnabled: {
      summary: "whether the instance's region allows Session Manager connections (the ECS sessionManagerStatus switch)",
      schema: z.boolean(),
      derive: (instance, index) =>
        index.unlessGap('ecs.region-setting', instance.region, () => index.find('ecs.region-setting', instance.region, instance.region)?.sessionManagerEnabled),
    },
  },
  'ecs.security-group': {
    $publicInstances: {
      summary: 'ids of the instances in this group that have a public IP or an EIP',
      schema: z.array(z.string()),
      derive: (group, index) =>
        index.unlessGap('ecs.instance', group.region, () =>
          index
            .instancesIn(group.id)
            .filter((instance) => instance.region === group.region)
            .filter((instance) => instance.publicIps.length > 0 || instance.eipAllocationId !== null)
            .map((instance) => instance.id),
        ),
    },
  },
  'ecs.disk': {
    $kmsKey: {
      summary: 'the KMS key that encrypts the disk (same region); null when the disk names none',
      schema: recordSchemas['kms.key'].nullable(),
      derive: (disk, index) => {
        const keyId = disk.kmsKeyId;
        if (keyId === null) return null;
        return index.unlessGap(
          'kms.key',
          disk.region,
          () => index.find('kms.key', disk.region, keyId) ?? new UnknownValue(`key ${keyId} is not among the keys KMS listed in ${disk.region}`, []),
        );
      },
    },
  },
  'vpc.vpc': {
    $flowLogs: {
      summary: 'the flow logs whose resource is this VPC (any status)',
      schema: z.array(recordSchemas['vpc.flow-log']),
      derive: (vpc, index) =>
        index.unlessGap('vpc.flow-log', vpc.region, () =>
          index
            .flowLogsOf(vpc.id)
            .filter((flowLog) => flowLog.region === vpc.region && flowLog.resourceType.toLowerCase() === 'vpc'),
        ),
    },
  },
  account: {
    $trails: {
      summary: 'every ActionTrail trail of the account, from every region',
      schema: z.array(recordSchemas['actiontrail.trail']),
      derive: (_account, index) => index.unlessGap('actiontrail.trail', null, () => index.inventory.resources['actiontrail.trail']),
    },
  },
} as const satisfies DerivedFields;

export function derivedFieldsOf(type: ResourceType): Record<string, DerivedField<ResourceType>> {
  return ((DERIVED_FIELDS as DerivedFields)[type] ?? {}) as Record<string, DerivedField<ResourceType>>;
}

/** The record as rules see it: its own fields plus the derived `$` fields of its type. */
export function viewOf(type: ResourceType, record: object, index: RelationIndex): Record<string, unknown> {
  const view: Record<string, unknown> = { ...record };
  for (const [name, field] of Object.entries(derivedFieldsOf(type))) {
    view[name] = field.derive(record as never, index);
  }
  return view;
}
