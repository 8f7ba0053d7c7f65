// The normalized inventory: what the collectors produce and the only thing rules and outputs see. Its
// records are defined per service (src/services/<service>/records.ts). Records are plain JSON. A field that
// is `undefined` means "not known" (its collection failed, see `gaps`); `null` means "known to be absent".
// Rules that read an unknown field yield `error`.
import type { GapKind } from '../cloud/api-error.js';
import { RESOURCE_TYPES, type ResourceMap, type ResourceType, type Service } from '../services/index.js';

export { REGIONAL_TYPES, RESOURCE_TYPES, type ResourceMap, type ResourceType, type Service } from '../services/index.js';

export const INVENTORY_SCHEMA_VERSION = 1;

export { GAP_KINDS, type GapKind } from '../cloud/api-error.js';

/** Something the collectors could not read: the rules it touches evaluate to `error`. */
export interface CollectionGap {
  service: Service;
  /** null for a global API */
  region: string | null;
  action: string;
  /** the RAM action the caller needs, e.g. ecs:DescribeDisks */
  ramAction: string;
  /** the inventory collections left incomplete */
  resourceTypes: ResourceType[];
  /** set when only one resource's detail is missing */
  resourceId?: string;
  /**
   * set when the records exist and only these fields of them are unknown (e.g. `cloudAssistant` when
   * DescribeCloudAssistantStatus failed); absent when the collection itself is missing
   */
  fields?: string[];
  kind: GapKind;
  code: string;
  message: string;
  statusCode?: number;
  requestId?: string;
}

export interface Inventory {
  schemaVersion: typeof INVENTORY_SCHEMA_VERSION;
  accountId: string;
  collectedAt: string;
  regions: string[];
  resources: { [K in ResourceType]: ResourceMap[K][] };
  gaps: CollectionGap[];
}

export function emptyResources(): Inventory['resources'] {
  return Object.fromEntries(RESOURCE_TYPES.map((type) => [type, []])) as unknown as Inventory['resources'];
}
