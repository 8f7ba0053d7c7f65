// CloudSSO's derived fields: the account's CloudSSO directories.
import { z } from 'zod';
import { defineDerivedFields } from '../derived-field.js';
import { recordSchemas } from '../index.js';

export default defineDerivedFields({
  account: {
    $cloudSsoDirectories: {
      summary: "the account's CloudSSO directories; empty when CloudSSO is not enabled",
      schema: z.array(recordSchemas['cloudsso.directory']),
      reads: ['cloudsso.directory'],
      derive: (_account, lookup) => lookup.unlessGap('cloudsso.directory', null, () => lookup.all('cloudsso.directory')),
    },
  },
});
