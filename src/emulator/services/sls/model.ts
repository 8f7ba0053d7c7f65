// Log Service's slice of the account model: each region's projects, with their logstores and alert rules,
// and whether the account has activated the service at all.
import { z } from 'zod';
import { duplicates, resource, type Expect } from '../../model-fields.js';
import { alertQueryTemplate, alertTemplate, logstoreTemplate, projectTemplate } from './shapes.js';

const name = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,126}[a-z0-9]$/, 'expected a name like "acme-audit"');

const logstoreSchema = resource(logstoreTemplate, {
  logstoreName: name,
  // logstoreTemplate: 1 to 3650 days; 3650 keeps the data permanently (CreateLogStore, ttl)
  ttl: z.number().int().min(1).max(3650).optional(),
});

const alertSchema = resource(
  alertTemplate,
  {
    name,
    status: z.enum(['ENABLED', 'DISABLED']).optional(),
    configuration: z
      .looseObject({ queryList: z.array(resource(alertQueryTemplate, { query: z.string(), store: z.string() })).default([]) })
      .optional(),
  },
);

const projectSchema = resource(
  projectTemplate,
  {
    projectName: name,
    // Not Project fields: what ListLogStores / GetLogStore and ListAlerts answer for the project.
    logstores: z.array(logstoreSchema).default([]),
    alerts: z.array(alertSchema).default([]),
  },
  ['logstores', 'alerts'],
);

const slsRegion = z.strictObject({ slsProjects: z.array(projectSchema).default([]) });

/** `regions.<id>.<field>` for Log Service */
export const slsRegionFields = slsRegion.shape;
export type SlsRegionModel = z.output<typeof slsRegion>;

/**
 * GetSlsService's status (ServiceStatus.ts: Opened, NotExist, Opening, Closed); absent: Opened when the account
 * has a project, NotExist otherwise.
 */
export const slsAccountFields = { slsService: z.enum(['Opened', 'NotExist', 'Opening', 'Closed']).optional() };

/** Names are unique: a project within the region (Alibaba: across all), a logstore or an alert within its project. */
export function checkSlsRegion(region: SlsRegionModel, _regionId: string, expect: Expect): void {
  duplicates(region.slsProjects.map((project) => project.projectName)).forEach((project) =>
    expect(false, ['slsProjects'], `project ${project} is declared twice`),
  );
  region.slsProjects.forEach((project, index) => {
    for (const [field, names] of [
      ['logstores', project.logstores.map((logstore) => logstore.logstoreName)],
      ['alerts', project.alerts.map((alert) => alert.name)],
    ] as const) {
      duplicates([...names]).forEach((duplicate) => expect(false, ['slsProjects', index, field], `${duplicate} is declared twice`));
    }
  });
}
