// The bench account's API budgets, which the auditor is not told: as Alibaba meters them, one per action
// (global products: RAM, IMS, STS) or per action and region (regional products), each drawn with the seed
// between a low and a high rate, the same for a key whatever order the calls come in.
import { roll } from '../emulator/faults.js';

export interface BudgetRange {
  seed: number;
  /** requests per second, the lowest and highest a budget is drawn at */
  min: number;
  max: number;
}

/** The key the emulator's flow control counts under (the same as the fault injector's). */
export function meteredKey(product: string, action: string, region: string | null): string {
  return `${product}:${action}@${region ?? 'global'}`;
}

/** A whole number of requests per second in [min, max] for the key. */
export function budgetOf(range: BudgetRange, key: string): number {
  return Math.floor(range.min + roll(`${range.seed}|budget|${key}`) * (range.max - range.min + 1));
}
