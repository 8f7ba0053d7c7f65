// What a service folder declares to the registry (index.ts): its records, their scope, the RAM actions its
// collector calls and the collector itself.
import type { z } from 'zod';
import type { LazySdk } from '../cloud/clients.js';
import type { CollectorContext } from './context.js';

export type Collect = (ctx: CollectorContext) => Promise<void>;

export interface ServiceDefinition {
  /** the product code: the gaps' `service` and the collector's `--services` name */
  readonly name: string;
  /**
   * the RAM namespace of its actions when it is not `name` (IMS: ram, Security Center: yundun-sas), or of each
   * action when its products have different RAM codes (Anti-DDoS: yundun-ddos, yundun-antiddosbag, yundun-ddoscoo)
   */
  readonly ramNamespace?: string | Readonly<Record<string, string>>;
  /** the record schemas by resource type (`<service>.<resource>`); the TypeScript types are inferred from them */
  readonly records: Readonly<Record<string, z.ZodType>>;
  /** its records belong to a region (true) or to the whole account */
  readonly regional: boolean;
  /** every action its collector calls: `alicloud-audit policy` grants exactly these */
  readonly actions: readonly string[];
  /** the service whose collector fills these records, when it has none of its own (IMS: ram) */
  readonly collectedBy?: string;
  readonly collector?: {
    /** imported when a scan runs, so that reading rules or reports loads no SDK */
    readonly load: () => Promise<Collect>;
    /** calls no regional API: with only such collectors in scope, the regions are never looked up */
    readonly global?: true;
    /** started before the others (a long pole of large scans) */
    readonly first?: true;
    /** the SDK packages it calls through, loaded before the first call (the rest use the generic client) */
    readonly sdks?: readonly LazySdk[];
  };
}

export const defineService = <const S extends ServiceDefinition>(service: S): S => service;
