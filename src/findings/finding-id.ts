import { hash } from 'node:crypto';
import type { ResourceType } from '../inventory/types.js';

/**
 * A finding's id: the first 32 hex digits (128 bits) of the SHA-256 of its account, rule, resource type,
 * region and resource id, so the same check on the same resource keeps its id across scans.
 */
export function findingId(
  accountId: string,
  ruleId: string,
  resourceType: ResourceType,
  region: string | null,
  resourceId: string,
): string {
  // one-shot hash(): a third of createHash's cost, and evaluation makes one per finding
  return hash('sha256', [accountId, ruleId, resourceType, region ?? '', resourceId].join('\u0000'), 'hex').slice(0, 32);
}
