// Log Service (sls 2020-12-30, ROA): whether the account has the service (GetSlsService), then per region its
// projects, each project's logstores with their retention (ListLogStores, GetLogStore) and alert rules
// (ListAlerts). Listings page by offset and size, asked at their caps (SDK request models:
// ListProjectRequest.ts "up to 500", ListLogStoresRequest.ts "Maximum value: 500", ListAlertsRequest.ts
// "Maximum value: 200"); `total` of each answer counts every item.
import type * as SlsSdk from '@alicloud/sls20201230';
import type { PageRequest } from '../../cloud/paginate.js';
import { callOrGap, forEachRegion, listOrGap, optional, siteOf, type CollectorContext } from '../context.js';
import { $Sls, newSlsClient, type SlsClient } from './client.js';
import type { SlsAlert, SlsLogstore, SlsProject } from './records.js';

/** GetSlsService answers only on the cn-shanghai and ap-southeast-1 endpoints (api-sls-2020-12-30-getslsservice). */
const SERVICE_REGION = 'cn-shanghai';
const PROJECT_CAP = 500;
const LOGSTORE_CAP = 500;
const ALERT_CAP = 200;
/** Alert.ts status */
const ENABLED = 'ENABLED';

const site = siteOf('sls');

/** The offset and size of a page, for the paginator's page numbers. */
const offsetOf = ({ pageNumber = 1, size }: PageRequest) => ({ offset: (pageNumber - 1) * (size ?? 0), size });

export async function collectSls(ctx: CollectorContext): Promise<void> {
  const client = (region: string) => ctx.clients.sdk('sls', region, newSlsClient);
  const status = await callOrGap(ctx, { site: site(SERVICE_REGION, 'GetSlsService'), affects: ['sls.service'] }, async () => {
    const { body } = await client(SERVICE_REGION).getSlsServiceWithOptions({}, ctx.runtime);
    return { enabled: body?.enabled === true, status: body?.status ?? '' };
  });
  if (status) ctx.inventory.add('sls.service', [{ id: ctx.accountId, region: SERVICE_REGION, ...status }]);
  // not activated: the account has no project in any region, a fact the empty collections state
  const activated = status?.enabled !== false;

  await forEachRegion(ctx, 'sls', async (region) => {
    if (!activated) return;
    const sls = client(region);
    const projects = await listOrGap(
      ctx,
      {
        site: site(region, 'ListProject'),
        affects: ['sls.project', 'sls.logstore', 'sls.alert'],
        paging: { style: 'pageNumber', cap: PROJECT_CAP },
        fetch: async (page) => {
          const { body } = await sls.listProjectWithOptions(new $Sls.ListProjectRequest(offsetOf(page)), {}, ctx.runtime);
          return { items: body?.projects ?? [], totalCount: body?.total };
        },
      },
      (project): SlsProject => ({ id: project.projectName ?? '', region, description: project.description ?? '', status: project.status ?? '' }),
    );
    if (!projects) return;
    ctx.inventory.add('sls.project', projects);
    const perProject = await Promise.all(
      projects.map(async (project) => Promise.all([logstoresOf(ctx, sls, region, project.id), alertsOf(ctx, sls, region, project.id)])),
    );
    ctx.inventory.add('sls.logstore', perProject.flatMap(([logstores]) => logstores ?? []));
    ctx.inventory.add('sls.alert', perProject.flatMap(([, alerts]) => alerts ?? []));
  });
}

async function logstoresOf(ctx: CollectorContext, sls: SlsClient, region: string, project: string): Promise<SlsLogstore[] | undefined> {
  const names = await listOrGap(ctx, {
    site: site(region, 'ListLogStores'),
    affects: ['sls.logstore'],
    paging: { style: 'pageNumber', cap: LOGSTORE_CAP },
    fetch: async (page) => {
      const { body } = await sls.listLogStoresWithOptions(project, new $Sls.ListLogStoresRequest(offsetOf(page)), {}, ctx.runtime);
      return { items: body?.logstores ?? [], totalCount: body?.total };
    },
  });
  if (!names) return undefined;
  return Promise.all(
    names.map(async (name): Promise<SlsLogstore> => {
      const id = `${project}/${name}`;
      const detail = await callOrGap(
        ctx,
        { site: site(region, 'GetLogStore'), affects: ['sls.logstore'], resourceId: id, fields: ['ttl', 'hotTtl'] },
        async () => (await sls.getLogStoreWithOptions(project, name, {}, ctx.runtime)).body,
      );
      return {
        id,
        region,
        project,
        name,
        ...(detail ? { ttl: detail.ttl ?? 0, hotTtl: detail.hotTtl ?? null } : {}),
      };
    }),
  );
}

async function alertsOf(ctx: CollectorContext, sls: SlsClient, region: string, project: string): Promise<SlsAlert[] | undefined> {
  return listOrGap(
    ctx,
    {
      site: site(region, 'ListAlerts'),
      affects: ['sls.alert'],
      paging: { style: 'pageNumber', cap: ALERT_CAP },
      fetch: async (page) => {
        const { body } = await sls.listAlertsWithOptions(project, new $Sls.ListAlertsRequest(offsetOf(page)), {}, ctx.runtime);
        return { items: body?.results ?? [], totalCount: body?.total };
      },
    },
    (alert) => normalizeAlert(alert, region, project),
  );
}

function normalizeAlert(alert: SlsSdk.Alert, region: string, project: string): SlsAlert {
  const name = alert.name ?? '';
  const schedule = alert.schedule;
  return {
    id: `${project}/${name}`,
    region,
    project,
    name,
    displayName: alert.displayName ?? '',
    status: alert.status ?? '',
    enabled: alert.status === ENABLED,
    queries: (alert.configuration?.queryList ?? []).map((query) => ({
      query: query.query ?? '',
      store: query.store ?? '',
      storeType: query.storeType ?? '',
      // a query that names no project or region reads the alert's own
      project: optional(query.project) ?? project,
      region: optional(query.region) ?? region,
    })),
    schedule: schedule
      ? { type: schedule.type ?? '', interval: optional(schedule.interval), cronExpression: optional(schedule.cronExpression) }
      : null,
  };
}
