// The mute stage: the plan's mutelist as of now, applied to each finding as the evaluation makes it.
import type { Finding } from '../findings/types.js';
import { createMuter } from '../findings/mutelist.js';
import type { AuditPlan } from './plan.js';

/** The transform for the evaluation, or undefined without a mutelist; its expired entries are warned about. */
export function muteStage(plan: AuditPlan, now: Date): ((finding: Finding) => Finding) | undefined {
  if (!plan.mutelist) return undefined;
  const muter = createMuter(plan.mutelist, now);
  for (const warning of muter.warnings) plan.logger.warn(warning);
  return muter.mute;
}
