// Building blocks of the account model that every service's slice uses: a resource checked against its
// API template, ids, times.
import { z } from 'zod';
import { unknownFields, type ApiObject, type ShapeContext } from './fill.js';

const PLACEHOLDER_CONTEXT: ShapeContext = { accountId: '0', regionId: 'cn-hangzhou' };

/** A resource: the declared fields are checked, any other field must exist in the API template. */
export function resource<S extends z.ZodRawShape>(
  template: (context: ShapeContext) => ApiObject,
  shape: S,
  modelOnly: readonly string[] = [],
) {
  const known = template(PLACEHOLDER_CONTEXT);
  return z.looseObject(shape).superRefine((value, context) => {
    for (const path of unknownFields(known, value, [...Object.keys(shape), ...modelOnly])) {
      context.addIssue({ code: 'custom', path, message: 'unknown field: not part of the API response shape' });
    }
  });
}

export const idWithPrefix = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9a-z]+$`), `expected an id like "${prefix}bp1..."`);
export const isoTime = z.iso.datetime({ message: 'expected an ISO 8601 UTC time like 2026-11-01T08:00:00Z' });
export const ids = z.array(z.string());

export type ModelPath = (string | number)[];

/** Records a problem at `path` unless `ok`: how a service states the cross-references a schema cannot. */
export type Expect = (ok: boolean, path: ModelPath, message: string) => void;

/** The values that occur more than once, once for each repeat. */
export function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

