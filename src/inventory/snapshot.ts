// Save an inventory as versioned JSON and load it back, refusing anything that is not one with the file,
// line and reason. Inventories hold no secrets (access key ids are not secrets; no secret is collected).
import { readFile } from 'node:fs/promises';
import { InputFileError } from '../errors.js';
import { jsonErrorLine, lineAt } from '../json-line.js';
import { inventorySchema } from './schema.js';
import { INVENTORY_SCHEMA_VERSION, type Inventory } from './types.js';

export const SNAPSHOT_KIND = 'alicloud-audit/inventory';

export interface SnapshotFile {
  kind: typeof SNAPSHOT_KIND;
  inventory: Inventory;
}

export function serializeSnapshot(inventory: Inventory): string {
  const file: SnapshotFile = { kind: SNAPSHOT_KIND, inventory };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Line of a JSON path in pretty-printed or compact JSON: best effort, by finding its last key in order. */
function lineOfPath(text: string, path: ReadonlyArray<PropertyKey>): number | undefined {
  let offset = 0;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const found = text.indexOf(`"${key}"`, offset);
    if (found < 0) return undefined;
    offset = found;
  }
  return offset > 0 ? lineAt(text, offset) : undefined;
}

export function parseSnapshot(text: string, file: string): Inventory {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const syntax = error as SyntaxError;
    throw new InputFileError('AUDIT_SNAPSHOT', file, jsonErrorLine(text, syntax), `not valid JSON: ${syntax.message}`);
  }
  const envelope = parsed as Partial<SnapshotFile> | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.kind !== SNAPSHOT_KIND) {
    throw new InputFileError('AUDIT_SNAPSHOT', file, 1, `not an alicloud-audit inventory snapshot (expected "kind": "${SNAPSHOT_KIND}")`);
  }
  const version = (envelope.inventory as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (version !== INVENTORY_SCHEMA_VERSION) {
    throw new InputFileError(
      'AUDIT_SNAPSHOT',
      file,
      lineOfPath(text, ['inventory', 'schemaVersion']),
      `inventory schemaVersion ${JSON.stringify(version)} is not supported (this version reads ${INVENTORY_SCHEMA_VERSION})`,
    );
  }
  const result = inventorySchema.safeParse(envelope.inventory);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = ['inventory', ...(issue?.path ?? [])];
    throw new InputFileError(
      'AUDIT_SNAPSHOT',
      file,
      lineOfPath(text, path),
      `${path.map(String).join('.')}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data as Inventory;
}

export async function loadSnapshot(file: string): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError('AUDIT_SNAPSHOT', file, undefined, `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseSnapshot(text, file);
}
