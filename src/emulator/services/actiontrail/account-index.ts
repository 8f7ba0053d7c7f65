// ActionTrail's slice of the account index: every trail as DescribeTrails and GetTrailStatus serve it.
import { fill, type ApiObject } from '../../fill.js';
import type { ActionTrailAccountModel, TrailModel } from './model.js';
import { trailStatusTemplate, trailTemplate } from './shapes.js';

export interface IndexedTrail {
  item: ApiObject;
  status: ApiObject;
}

export interface ActionTrailAccountIndex {
  trails: IndexedTrail[];
  trailByName: Map<string, IndexedTrail>;
}

export function indexTrails(model: ActionTrailAccountModel & { accountId: string }): ActionTrailAccountIndex {
  const trails = model.trails.map((trail) => indexTrail(trail, model.accountId));
  return { trails, trailByName: new Map(trails.map((trail) => [trail.item.Name as string, trail])) };
}

function indexTrail({ TrailStatus, ...authored }: TrailModel, accountId: string): IndexedTrail {
  const item = fill(
    fill(trailTemplate(), {
      Region: authored.HomeRegion,
      TrailArn: `acs:actiontrail:${authored.HomeRegion}:${accountId}:trail/${authored.Name}`,
    }),
    authored,
  );
  const status = fill(fill(trailStatusTemplate(), { IsLogging: item.Status === 'Enable' }), TrailStatus ?? {});
  return { item, status };
}
