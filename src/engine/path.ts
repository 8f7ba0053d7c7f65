// Reads a dotted path (`metadata.httpTokens`, `accessKeys.0.status`) from a record view. `undefined`
// anywhere on the way is "unknown" (never a default), `null` is a known absence that later segments
// inherit, and stepping into a scalar is a type mismatch.
import type { CollectionGap } from '../inventory/types.js';
import { UnknownValue, type UnknownReason } from './outcome.js';

/** The record a condition is reading from: the gaps that may explain its missing fields, and a label prefix. */
export interface Subject {
  value: unknown;
  gaps: CollectionGap[];
  /** printed before the path in reasons, e.g. `accessKeys[2].` inside a quantifier */
  prefix: string;
}

export type Resolved = { known: true; value: unknown } | { known: false; reason: UnknownReason };

export function resolvePath(subject: Subject, path: string): Resolved {
  const label = `${subject.prefix}${path}`;
  let current: unknown = subject.value;
  for (const segment of path.split('.')) {
    if (current === null) return { known: true, value: null };
    if (current instanceof UnknownValue) break;
    if (typeof current !== 'object' || current === undefined) {
      return {
        known: false,
        reason: { kind: 'mismatch', path: label, detail: `cannot read "${segment}" of a ${typeName(current)}`, gaps: [] },
      };
    }
    current = Array.isArray(current) && /^\d+$/.test(segment) ? current[Number(segment)] : readOwn(current, segment);
    if (current === undefined) {
      return {
        known: false,
        reason: { kind: 'missing', path: label, detail: 'not collected', gaps: subject.gaps },
      };
    }
  }
  if (current instanceof UnknownValue) {
    return { known: false, reason: { kind: 'missing', path: label, detail: current.detail, gaps: current.gaps } };
  }
  return { known: true, value: current };
}

function readOwn(target: object, key: string): unknown {
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}
