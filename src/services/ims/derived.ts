// The account record's derived fields: its ActionTrail trails.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';
import { recordSchemas } from '../index.js';

export default defineDerivedFields({
  account: {
    $trails: {
      summary: 'every ActionTrail trail of the account, from every region',
      schema: z.array(recordSchemas['actiontrail.trail']),
      reads: ['actiontrail.trail'],
      derive: (_account, lookup) => lookup.unlessGap('actiontrail.trail', null, () => lookup.all('actiontrail.trail')),
    },
  },
});
