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

/** Rules name a few hundred paths, read for every record: each is split once. */
const segmentsOf = new Map<string, readonly string[]>();

function segments(path: string): readonly string[] {
  let split = segmentsOf.get(path);
  if (!split) segmentsOf.set(path, (split = path.split('.')));
  return split;
}

/** Where a read stopped short of a value: a scalar in the way, or a field that is not there. */
class Stop {
  readonly segment: string;
  /** the scalar stepped into; undefined when the field is missing */
  readonly scalar: unknown;
  readonly missing: boolean;

  constructor(segment: string, missing: boolean, scalar?: unknown) {
    this.segment = segment;
    this.missing = missing;
    this.scalar = scalar;
  }
}

/**
 * The value at `path`: a known value (null included), an UnknownValue met on the way, or a Stop. Allocates
 * nothing on success: the message templates read every placeholder of every finding through it.
 */
function walk(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of segments(path)) {
    if (current === null) return null;
    if (current instanceof UnknownValue) return current;
    if (typeof current !== 'object' || current === undefined) return new Stop(segment, false, current);
    current = Array.isArray(current) && /^\d+$/.test(segment) ? current[Number(segment)] : readOwn(current, segment);
    if (current === undefined) return new Stop(segment, true);
  }
  return current;
}

export function resolvePath(subject: Subject, path: string): Resolved {
  const value = walk(subject.value, path);
  const label = `${subject.prefix}${path}`;
  if (value instanceof Stop) {
    return value.missing
      ? { known: false, reason: { kind: 'missing', path: label, detail: 'not collected', gaps: subject.gaps } }
      : { known: false, reason: { kind: 'mismatch', path: label, detail: `cannot read "${value.segment}" of a ${typeName(value.scalar)}`, gaps: [] } };
  }
  if (value instanceof UnknownValue) {
    return { known: false, reason: { kind: 'missing', path: label, detail: value.detail, gaps: value.gaps } };
  }
  return { known: true, value };
}

/** The value at `path` when it is known, else undefined (for text that only shows values). */
export function knownValueAt(value: unknown, path: string): unknown {
  const found = walk(value, path);
  return found instanceof Stop || found instanceof UnknownValue ? undefined : found;
}

function readOwn(target: object, key: string): unknown {
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}
