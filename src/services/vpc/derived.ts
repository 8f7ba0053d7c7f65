// VPC's derived fields: the flow logs of a VPC.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';
import { recordSchemas } from '../index.js';
import type { FlowLog } from './records.js';

const resourceOf = (flowLog: FlowLog) => [flowLog.resourceId];

export default defineDerivedFields({
  'vpc.vpc': {
    $flowLogs: {
      summary: 'the flow logs whose resource is this VPC (any status)',
      schema: z.array(recordSchemas['vpc.flow-log']),
      reads: ['vpc.flow-log'],
      derive: (vpc, lookup) =>
        lookup.unlessGap('vpc.flow-log', vpc.region, () =>
          (lookup.grouped('vpc.flow-log', resourceOf).get(vpc.id) ?? []).filter(
            (flowLog) => flowLog.region === vpc.region && flowLog.resourceType.toLowerCase() === 'vpc',
          ),
        ),
    },
  },
});
