// Three-valued results of conditions. `unknown` carries why: a field whose collection failed (`missing`)
// or a value of the wrong type (`mismatch`). Combinators follow Kleene logic: an unknown operand only
// decides the result when the known operands leave it open, so an unknown can never turn into a pass
// (or a fail) that the missing value could have changed.
import type { CollectionGap } from '../inventory/types.js';

export interface UnknownReason {
  kind: 'missing' | 'mismatch';
  /** the field as the rule names it, e.g. `rules` or `accessKeys[1].lastUsedAt` */
  path: string;
  detail: string;
  /** the collection gaps that explain a missing field */
  gaps: CollectionGap[];
}

export type Outcome = { kind: 'true' } | { kind: 'false' } | { kind: 'unknown'; reasons: UnknownReason[] };

export const TRUE: Outcome = Object.freeze({ kind: 'true' });
export const FALSE: Outcome = Object.freeze({ kind: 'false' });

export function fromBoolean(value: boolean): Outcome {
  return value ? TRUE : FALSE;
}

export function unknown(...reasons: UnknownReason[]): Outcome {
  return { kind: 'unknown', reasons };
}

function unknownReasons(outcomes: readonly Outcome[]): UnknownReason[] {
  return outcomes.flatMap((outcome) => (outcome.kind === 'unknown' ? outcome.reasons : []));
}

export function allOf(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.some((outcome) => outcome.kind === 'false')) return FALSE;
  const reasons = unknownReasons(outcomes);
  return reasons.length > 0 ? unknown(...reasons) : TRUE;
}

export function anyOf(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.some((outcome) => outcome.kind === 'true')) return TRUE;
  const reasons = unknownReasons(outcomes);
  return reasons.length > 0 ? unknown(...reasons) : FALSE;
}

export function negate(outcome: Outcome): Outcome {
  if (outcome.kind === 'unknown') return outcome;
  return outcome.kind === 'true' ? FALSE : TRUE;
}

/** A derived field whose source collection has a gap: reading it yields `unknown`. */
export class UnknownValue {
  readonly detail: string;
  readonly gaps: CollectionGap[];

  constructor(detail: string, gaps: CollectionGap[]) {
    this.detail = detail;
    this.gaps = gaps;
  }
}
