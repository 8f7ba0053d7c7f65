// What the findings layer reads of a rule to build a report and its compliance view. The engine's Rule
// (src/engine/rule-schema.ts) has these fields, so findings never import the engine.
import type { DutyId } from './duties.js';

export interface RuleMeta {
  id: string;
  duty: DutyId;
  /** the CIS controls a failure of the rule violates */
  cis: ReadonlyArray<{ control: string }>;
}
