// zod schemas of the inventory, for everything that reads an inventory it did not build: snapshot files,
// rule examples, fixtures. The record schemas are the services' own (src/services/<service>/records.ts).
// The assertions at the bottom keep the gap and inventory schemas in step with their types.
import { z } from 'zod';
import { recordSchemas, RESOURCE_TYPES, SERVICE_NAMES, type RecordSchemas, type ResourceType } from '../services/index.js';
import { GAP_KINDS, INVENTORY_SCHEMA_VERSION, type CollectionGap, type Inventory } from './types.js';

export { recordSchemas };

const text = z.string();

export const collectionGapSchema = z.strictObject({
  service: z.enum(SERVICE_NAMES),
  region: text.nullable(),
  action: text,
  ramAction: text,
  resourceTypes: z.array(z.enum(RESOURCE_TYPES)),
  resourceId: text.optional(),
  fields: z.array(text).optional(),
  kind: z.enum(GAP_KINDS),
  code: text,
  message: text,
  statusCode: z.number().optional(),
  requestId: text.optional(),
});

const resourcesSchema = z.strictObject(
  Object.fromEntries(RESOURCE_TYPES.map((type) => [type, z.array(recordSchemas[type])])) as {
    [K in ResourceType]: z.ZodArray<RecordSchemas[K]>;
  },
);

export const inventorySchema = z.strictObject({
  schemaVersion: z.literal(INVENTORY_SCHEMA_VERSION),
  accountId: text,
  collectedAt: text,
  regions: z.array(text),
  resources: resourcesSchema,
  gaps: z.array(collectionGapSchema),
});

// Compile-time drift check: each schema's output and its interface must be assignable both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const gapsInStep: Same<z.infer<typeof collectionGapSchema>, CollectionGap> = true;
const inventoryInStep: Same<z.infer<typeof inventorySchema>, Inventory> = true;
void [gapsInStep, inventoryInStep];
