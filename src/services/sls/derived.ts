// Log Service's derived fields: where the account's ActionTrail trails deliver in Log Service, with that
// logstore's record and the alert rules whose queries read it.
import { z } from 'zod';
import type { Trail } from '../actiontrail/records.js';
import { defineDerivedFields, type Lookup } from '../derived-field.js';
import { recordSchemas } from '../index.js';
import type { SlsAlertQuery } from './records.js';

export const trailLogstore = z.strictObject({
  trail: z.string(),
  region: z.string(),
  project: z.string(),
  logstore: z.string(),
  /** the logstore as collected; null when the project has no such logstore */
  record: recordSchemas['sls.logstore'].nullable(),
  /** every alert rule (any status, any project) with a query over this logstore */
  alerts: z.array(recordSchemas['sls.alert']),
});
export type TrailLogstore = z.infer<typeof trailLogstore>;

/**
 * The trail's Log Service target: SlsProjectArn `acs:log:<region>:<account>:project/<name>`, and the logstore
 * ActionTrail creates there, `actiontrail_<trail name>` (ActionTrail CreateTrail, "a Logstore named in the
 * actiontrail_<Trail name> format is created": https://www.alibabacloud.com/help/en/doc-detail/212313.html).
 */
function targetOf(trail: Trail): Pick<TrailLogstore, 'trail' | 'region' | 'project' | 'logstore'> | undefined {
  const match = /^acs:log:([a-z0-9-]+):\d*:project\/([^/]+)$/.exec(trail.slsProjectArn ?? '');
  return match ? { trail: trail.id, region: match[1]!, project: match[2]!, logstore: `actiontrail_${trail.id}` } : undefined;
}

/** Does the alert query search this logstore (not a metricstore of the same name)? */
export const queryReads = (query: SlsAlertQuery, target: Pick<TrailLogstore, 'region' | 'project' | 'logstore'>) =>
  query.store === target.logstore && query.project === target.project && query.region === target.region && query.storeType !== 'metric';

function trailLogstores(lookup: Lookup): unknown {
  return lookup.unlessGap('actiontrail.trail', null, () => {
    const targets = new Map<string, NonNullable<ReturnType<typeof targetOf>>>();
    for (const trail of lookup.all('actiontrail.trail')) {
      const target = targetOf(trail);
      if (target) targets.set(`${target.region}/${target.project}/${target.logstore}`, target);
    }
    // the logstore is in the project's region (its gaps leave the record unknown); an alert in any region may
    // read it (any gap of the alerts leaves the alerts unknown)
    return [...targets.values()].map((target) => ({
      ...target,
      record: lookup.unlessGap('sls.logstore', target.region, () => lookup.find('sls.logstore', target.region, `${target.project}/${target.logstore}`) ?? null),
      alerts: lookup.unlessGap('sls.alert', null, () => lookup.all('sls.alert').filter((alert) => alert.queries.some((query) => queryReads(query, target)))),
    }));
  });
}

export default defineDerivedFields({
  account: {
    $trailLogstores: {
      summary:
        'the Log Service logstores the ActionTrail trails deliver to (actiontrail_<trail> in the SlsProjectArn project), each with its record and the alert rules whose queries read it',
      schema: z.array(trailLogstore),
      reads: ['actiontrail.trail', 'sls.logstore', 'sls.alert'],
      derive: (_account, lookup) => trailLogstores(lookup),
    },
  },
});
