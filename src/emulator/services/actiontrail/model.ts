// ActionTrail's slice of the account model: the account's trails (account level, each with its HomeRegion).
import { z } from 'zod';
import { resource, type Expect } from '../../model-fields.js';
import { trailStatusTemplate, trailTemplate } from './shapes.js';

const trailSchema = resource(
  trailTemplate,
  {
    Name: z.string().min(1),
    HomeRegion: z.string().min(1),
    TrailRegion: z.string().optional(),
    EventRW: z.enum(['All', 'Read', 'Write']).optional(),
    Status: z.enum(['Enable', 'Disable', 'Fresh']).optional(),
    IsOrganizationTrail: z.boolean().optional(),
    // Not a DescribeTrails field: what GetTrailStatus answers.
    TrailStatus: resource(trailStatusTemplate, { IsLogging: z.boolean().optional() }).optional(),
  },
  ['TrailStatus'],
);

const actionTrailAccount = z.strictObject({ trails: z.array(trailSchema).default([]) });

/** top-level account model fields for ActionTrail */
export const actionTrailAccountFields = actionTrailAccount.shape;
export type ActionTrailAccountModel = z.output<typeof actionTrailAccount>;
export type TrailModel = ActionTrailAccountModel['trails'][number];

/** A trail's home region is a region of the account. */
export function checkTrails(model: ActionTrailAccountModel & { regions: Record<string, unknown> }, expect: Expect): void {
  model.trails.forEach((trail, i) =>
    expect(trail.HomeRegion in model.regions, ['trails', i, 'HomeRegion'], `region ${trail.HomeRegion} is not in regions`),
  );
}
