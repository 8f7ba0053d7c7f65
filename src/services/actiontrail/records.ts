// ActionTrail records: the zod schema is the only definition; the TypeScript type is inferred from it.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

export const trail = z.strictObject({
  id: text,
  region: text,
  homeRegion: text,
  /** All, or a region id */
  trailRegion: text,
  /** All | Read | Write */
  eventRW: text,
  status: text,
  isOrganizationTrail: z.boolean(),
  /** a trail seen from another region than its home (DescribeTrails IncludeShadowTrails) */
  isShadowTrail: z.boolean(),
  ossBucketName: nullableText,
  slsProjectArn: nullableText,
  arn: nullableText,
  /** GetTrailStatus; null when the API says the trail does not exist; undefined when unknown */
  logging: z
    .strictObject({ isLogging: z.boolean(), latestDeliveryTime: nullableText, latestDeliveryError: nullableText })
    .nullable()
    .optional(),
});
export type Trail = z.infer<typeof trail>;
