// Collectors add records and gaps here; build() yields the Inventory in a deterministic order so that two
// scans of the same account produce the same inventory whatever order the concurrent calls finished in.
import {
  INVENTORY_SCHEMA_VERSION,
  emptyResources,
  type CollectionGap,
  type Inventory,
  type ResourceMap,
  type ResourceType,
} from './types.js';

export class InventoryBuilder {
  private readonly resources = emptyResources();
  private readonly gaps: CollectionGap[] = [];

  add<K extends ResourceType>(type: K, records: ResourceMap[K][]): void {
    const list = this.resources[type] as ResourceMap[K][];
    for (const record of records) list.push(record);
  }

  addGap(gap: CollectionGap): void {
    this.gaps.push(gap);
  }

  build(meta: { accountId: string; collectedAt: string; regions: string[] }): Inventory {
    for (const list of Object.values(this.resources) as Array<Array<{ id: string; region?: string }>>) {
      list.sort((a, b) => compareKeys(a.region ?? '', b.region ?? '') || compareKeys(a.id, b.id));
    }
    this.gaps.sort(
      (a, b) =>
        compareKeys(a.service, b.service) ||
        compareKeys(a.region ?? '', b.region ?? '') ||
        compareKeys(a.action, b.action) ||
        compareKeys(a.resourceId ?? '', b.resourceId ?? ''),
    );
    return {
      schemaVersion: INVENTORY_SCHEMA_VERSION,
      accountId: meta.accountId,
      collectedAt: meta.collectedAt,
      regions: [...meta.regions].sort(),
      resources: this.resources,
      gaps: this.gaps,
    };
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
