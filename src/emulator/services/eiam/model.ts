// EIAM's slice of the account model: the IDaaS instances of each region.
import { z } from 'zod';
import { resource, type Expect } from '../../model-fields.js';
import { eiamInstanceTemplate } from './shapes.js';

/** eiam_2021-12-01.api-docs.json `endpoints`: the regions EIAM is offered in */
const EIAM_REGIONS = new Set(['cn-hangzhou', 'cn-hongkong', 'ap-southeast-1', 'eu-central-1']);

const eiamInstanceSchema = resource(eiamInstanceTemplate, {
  InstanceId: z.string().regex(/^idaas_[0-9a-z]+$/, 'expected an instance id like "idaas_eypq6ljgyeuwmlw672sulxxxxx"'),
  // Status: creating | running (SDK model ListInstancesResponseBodyInstances)
  Status: z.enum(['creating', 'running']).optional(),
});

const eiamRegion = z.strictObject({ eiamInstances: z.array(eiamInstanceSchema).default([]) });

/** `regions.<id>.<field>` for EIAM */
export const eiamRegionFields = eiamRegion.shape;
export type EiamRegionModel = z.output<typeof eiamRegion>;

/** Instances only where EIAM has an endpoint. */
export function checkEiamRegion(region: EiamRegionModel, regionId: string, expect: Expect): void {
  expect(region.eiamInstances.length === 0 || EIAM_REGIONS.has(regionId), ['eiamInstances'], `EIAM has no endpoint in ${regionId}`);
}
