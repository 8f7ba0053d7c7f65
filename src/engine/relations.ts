// Derived fields: facts about a record that live in other collections, computed once per evaluation and
// offered to rules as `$name` fields of the record view. A derived field is unknown (UnknownValue) when
// the collection it is built from has a gap in the record's scope. Documented in rules/README.md.
import { z } from 'zod';
import type { EcsInstance, FlowLog, Inventory, ResourceMap, ResourceType } from '../inventory/types.js';
import { recordSchemas } from '../inventory/schema.js';
import { GapIndex } from './gaps.js';
import { UnknownValue } from './outcome.js';

export class RelationIndex {
  readonly gaps: GapIndex;
  readonly inventory: Inventory;
  private readonly instancesByGroup = new Map<string, EcsInstance[]>();
  private readonly flowLogsByResource = new Map<string, FlowLog[]>();

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

  /** `value`, or an UnknownValue when the collection of `source` it came from is incomplete in `region`. */
  unlessGap(source: ResourceType, region: string | null, value: () => unknown): unknown {
    const gaps = this.gaps.collection(source, region);
    return gaps.length > 0 ? new UnknownValue(`the ${source} collection is incomplete`, gaps) : value();
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface DerivedField<T extends ResourceType> {
  summary: string;
  /** the shape of the derived value, for load-time checks of rule paths */
  schema: z.ZodType;
  derive(record: ResourceMap[T], index: RelationIndex): unknown;
}

type DerivedFields = { [T in ResourceType]?: Record<`$${string}`, DerivedField<T>> };

export const DERIVED_FIELDS = {
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
