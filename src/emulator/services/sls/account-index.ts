// Log Service's slice of the account index: each region's projects as ListProject answers them, and by project
// the logstores (GetLogStore) and alert rules (ListAlerts); the account's activation status (GetSlsService).
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { SlsRegionModel } from './model.js';
import { alertQueryTemplate, alertTemplate, logstoreTemplate, projectTemplate } from './shapes.js';

export interface SlsProjectIndex {
  project: ApiObject;
  logstores: ApiObject[];
  alerts: ApiObject[];
}

export interface SlsRegionIndex {
  slsProjects: ApiObject[];
  slsProjectByName: Map<string, SlsProjectIndex>;
}

export function indexSlsRegion(region: SlsRegionModel, context: ShapeContext): SlsRegionIndex {
  const indexed = region.slsProjects.map(({ logstores, alerts, ...authored }): SlsProjectIndex => ({
    project: fill(projectTemplate(context), authored),
    logstores: logstores.map((logstore) => fill(logstoreTemplate(), logstore)),
    alerts: alerts.map((alert) => {
      const filled = fill(alertTemplate(), alert);
      const configuration = filled.configuration as ApiObject;
      const queryList = (configuration.queryList as ApiObject[]).map((query) => fill(alertQueryTemplate(), query));
      return { ...filled, configuration: { ...configuration, queryList } };
    }),
  }));
  return {
    slsProjects: indexed.map((entry) => entry.project),
    slsProjectByName: new Map(indexed.map((entry) => [entry.project.projectName as string, entry])),
  };
}

export interface SlsAccountIndex {
  /** GetSlsService status */
  slsService: 'Opened' | 'NotExist' | 'Opening' | 'Closed';
}

export function indexSlsAccount(model: { slsService?: SlsAccountIndex['slsService']; regions: Record<string, SlsRegionModel> }): SlsAccountIndex {
  const hasProjects = Object.values(model.regions).some((region) => region.slsProjects.length > 0);
  return { slsService: model.slsService ?? (hasProjects ? 'Opened' : 'NotExist') };
}
