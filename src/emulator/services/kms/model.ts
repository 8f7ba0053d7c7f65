// KMS's slice of the account model: the keys of each region with their aliases.
import { z } from 'zod';
import { duplicates, resource, type Expect } from '../../model-fields.js';
import { keyMetadataTemplate } from './shapes.js';

const kmsKeySchema = resource(
  keyMetadataTemplate,
  {
    KeyId: z.string().min(1),
    AutomaticRotation: z.enum(['Enabled', 'Disabled', 'Suspended']).optional(),
    // Not a DescribeKey field: the key's aliases, as ListAliases answers them.
    Aliases: z.array(z.string().regex(/^alias\/[A-Za-z0-9/_-]+$/, 'expected an alias like "alias/acs/ecs"')).default([]),
  },
  ['Aliases'],
);

const kmsRegion = z.strictObject({ kmsKeys: z.array(kmsKeySchema).default([]) });

/** `regions.<id>.<field>` for KMS */
export const kmsRegionFields = kmsRegion.shape;
export type KmsRegionModel = z.output<typeof kmsRegion>;

/** An alias names one key. */
export function checkKmsRegion(region: KmsRegionModel, _regionId: string, expect: Expect): void {
  duplicates(region.kmsKeys.flatMap((key) => key.Aliases)).forEach((alias) => expect(false, ['kmsKeys'], `alias ${alias} names two keys`));
}
