// ActionTrail 2020-07-06. The endpoint is regional, but the emulator ignores the Host, so
// DescribeTrails answers from the account's point of view: every trail, each with its HomeRegion.
// Every answer has the fields of response-examples/actiontrail_2020-07-06/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
import { ApiError } from '../../api-error.js';
import { actionTrailRegionItem } from './shapes.js';
import { wrap } from '../../fill.js';
import { global, type ActionTable } from '../../rpc/action.js';

export const actionTrailActions: ActionTable = {
  DescribeRegions: global(({ account }) =>
    wrap('Regions', 'Region', [...account.regions.values()].map((r) => actionTrailRegionItem(r.id, r.localName))),
  ),

  DescribeTrails: global(({ params, account }) => {
    const names = params.get('NameList')?.split(',').map((n) => n.trim());
    const includeOrganization = params.bool('IncludeOrganizationTrail') ?? false;
    const trails = account.trails
      .map((t) => t.item)
      .filter((t) => includeOrganization || t.IsOrganizationTrail !== true)
      .filter((t) => names === undefined || names.includes(t.Name as string));
    // A bare array, unlike most RPC list responses.
    return { TrailList: trails };
  }),

  GetTrailStatus: global(({ params, account }) => {
    const name = params.required('Name');
    const trail = account.trailByName.get(name);
    if (!trail) throw new ApiError(404, 'TrailNotFoundException', `The trail does not exist: ${name}.`);
    return trail.status;
  }),
};
