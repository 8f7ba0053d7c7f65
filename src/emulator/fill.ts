// Turns a compact authored record into Alibaba's full response shape: every field of the real API
// item comes from a template, the author overrides only what matters. One rule keeps authoring short:
// an XML-heritage wrapper (`{ Tag: [...] }`) may be written as the bare array.

export type ApiObject = Record<string, unknown>;

/** What a template may depend on. */
export interface ShapeContext {
  accountId: string;
  regionId: string;
}

function isPlainObject(value: unknown): value is ApiObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Inner: [] }`: the single-key object the API wraps lists in. */
function wrapperKey(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && Array.isArray(value[keys[0]!]) ? keys[0] : undefined;
}

/**
 * Deep-merges `authored` over `template`; arrays and scalars replace, bare arrays fill wrappers. An authored
 * null drops the field: the API omits it (e.g. the RetentionDays of a snapshot kept until deleted), it never
 * sends a null where its schema says integer.
 */
export function fill(template: ApiObject, authored: ApiObject): ApiObject {
  const out: ApiObject = { ...template };
  for (const [key, value] of Object.entries(authored)) {
    if (value === undefined) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const base = template[key];
    const inner = wrapperKey(base);
    if (inner !== undefined && Array.isArray(value)) out[key] = { [inner]: value };
    else if (isPlainObject(base) && isPlainObject(value)) out[key] = fill(base, value);
    else out[key] = value;
  }
  return out;
}

/** Paths of authored fields the template does not know (typos, or fields the API never returns). */
export function unknownFields(template: ApiObject, authored: ApiObject, allowed: readonly string[] = []): string[][] {
  const found: string[][] = [];
  for (const [key, value] of Object.entries(authored)) {
    if (allowed.includes(key)) continue;
    if (!(key in template)) {
      found.push([key]);
      continue;
    }
    const base = template[key];
    if (isPlainObject(base) && isPlainObject(value) && wrapperKey(base) === undefined) {
      for (const sub of unknownFields(base, value)) found.push([key, ...sub]);
    }
  }
  return found;
}

/** A time as the API writes it: ISO 8601 UTC to the second, without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `{ Outer: { Inner: items } }`, the list envelope of most RPC responses. */
export function wrap(outer: string, inner: string, items: unknown[]): ApiObject {
  return { [outer]: { [inner]: items } };
}
