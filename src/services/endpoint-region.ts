// Products whose API takes no RegionId (ALB 2020-06-16, CAS 2020-04-07: their metadata lists none) are told
// the region by the endpoint host, alb.<region>.aliyuncs.com. Behind an endpoint override every product shares
// one host, so the region the host would have named travels as a header instead; live calls never carry it.
import type { $OpenApiUtil } from '@alicloud/openapi-core';
import { $OpenApi } from '../cloud/sdk.js';

/** The header naming the region of a call whose endpoint was overridden (read by the emulator). */
export const ENDPOINT_REGION_HEADER = 'x-acs-region-id';

/** The client config for `region`: unchanged unless the endpoint is overridden (sdk() sets one only then). */
export function withEndpointRegion(config: $OpenApiUtil.Config, region: string): $OpenApiUtil.Config {
  if (config.endpoint === undefined) return config;
  config.globalParameters = new $OpenApi.$OpenApiUtil.GlobalParameters({ headers: { [ENDPOINT_REGION_HEADER]: region } });
  return config;
}
