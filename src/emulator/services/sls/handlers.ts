// Log Service 2020-12-30 routes (method and path from sls_2020-12-30.api-docs.json; the project is the host's
// prefix). Listings page by offset and size; a size above the cap is cut to it. Caps and defaults are those of
// the SDK request models: ListProjectRequest.ts size "Default value: 100 ... up to 500", ListLogStoresRequest.ts
// "Maximum value: 500. Default value: 200", ListAlertsRequest.ts "Maximum value: 200. Default value: 10".
import type { RegionIndex } from '../../account-index.js';
import { ApiError } from '../../api-error.js';
import type { ApiObject } from '../../fill.js';
import type { RoaContext, RoaRoute } from '../../roa/protocol.js';
import type { SlsProjectIndex } from './account-index.js';

interface OffsetPaging {
  max: number;
  default: number;
}

/** `{ count, total, [field]: page }`, the envelope of every SLS listing (ListProjectResponseBody.ts and its peers). */
function offsetPage(items: readonly unknown[], { query }: RoaContext, paging: OffsetPaging, field: string): ApiObject {
  const offset = query.int('offset') ?? 0;
  const size = Math.min(query.int('size') ?? paging.default, paging.max);
  const page = items.slice(offset, offset + size);
  return { count: page.length, total: items.length, [field]: page };
}

/** The project the host names; ProjectNotExist as Log Service answers it (GetProject error codes). */
function projectOf({ host }: RoaContext, region: RegionIndex): SlsProjectIndex {
  const project = host.resource === null ? undefined : region.slsProjectByName.get(host.resource);
  if (!project) throw new ApiError(404, 'ProjectNotExist', `Project ${host.resource ?? ''} does not exist.`);
  return project;
}

export const slsRoutes: readonly RoaRoute[] = [
  {
    // GetSlsService: ServiceStatus.ts { status, enabled }
    method: 'GET',
    path: '/slsservice',
    action: 'GetSlsService',
    scope: 'global',
    handle: ({ account }) => ({ status: account.slsService, enabled: account.slsService === 'Opened' }),
  },
  {
    method: 'GET',
    path: '/',
    action: 'ListProject',
    scope: 'regional',
    handle: (context, region) => {
      const wanted = context.query.get('projectName');
      const projects = wanted === undefined ? region.slsProjects : region.slsProjects.filter((project) => (project.projectName as string).includes(wanted));
      return offsetPage(projects, context, { max: 500, default: 100 }, 'projects');
    },
  },
  {
    method: 'GET',
    path: '/logstores',
    action: 'ListLogStores',
    scope: 'regional',
    handle: (context, region) => {
      const names = projectOf(context, region).logstores.map((logstore) => logstore.logstoreName as string);
      return offsetPage(names, context, { max: 500, default: 200 }, 'logstores');
    },
  },
  {
    method: 'GET',
    path: '/logstores/{logstore}',
    action: 'GetLogStore',
    scope: 'regional',
    handle: (context, region) => {
      const name = context.path.get('logstore')!;
      const logstore = projectOf(context, region).logstores.find((candidate) => candidate.logstoreName === name);
      if (!logstore) throw new ApiError(404, 'LogStoreNotExist', `logstore ${name} does not exist`);
      return logstore;
    },
  },
  {
    method: 'GET',
    path: '/alerts',
    action: 'ListAlerts',
    scope: 'regional',
    handle: (context, region) => offsetPage(projectOf(context, region).alerts, context, { max: 200, default: 10 }, 'results'),
  },
];
