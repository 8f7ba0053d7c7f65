// EIAM's slice of the account index: each region's instances as ListInstances answers them.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { EiamRegionModel } from './model.js';
import { eiamInstanceTemplate } from './shapes.js';

export interface EiamRegionIndex {
  eiamInstances: ApiObject[];
}

export function indexEiamRegion(region: EiamRegionModel, _context: ShapeContext): EiamRegionIndex {
  return {
    eiamInstances: region.eiamInstances.map((authored) => {
      const instance = fill(eiamInstanceTemplate(), authored);
      const endpoint = instance.DefaultEndpoint as ApiObject;
      // the default sign-in domain is the instance's own
      if (endpoint.Endpoint === '') endpoint.Endpoint = `${String(instance.InstanceId).slice('idaas_'.length, 'idaas_'.length + 8)}.aliyunidaas.com`;
      return instance;
    }),
  };
}
