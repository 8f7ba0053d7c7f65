// An RPC product whose API takes no RegionId (ALB, Certificate Management Service): live, the endpoint host
// (alb.<region>.aliyuncs.com) names the region; through the emulator's one host the collectors send it as a
// header (src/services/endpoint-region.ts). The call is named by that region, and the handlers read it as
// RegionId, which the requests themselves never carry.
import { ENDPOINT_REGION_HEADER } from '../../services/endpoint-region.js';
import { rpcProduct, type RpcProduct, type RpcProductSpec } from './protocol.js';

export function regionByEndpointProduct(spec: RpcProductSpec): RpcProduct {
  const product = rpcProduct(spec);
  const regionOf = (headers: Readonly<Record<string, readonly string[] | undefined>>) => headers[ENDPOINT_REGION_HEADER]?.[0] ?? null;
  return {
    ...product,
    callName: (request) => ({ ...product.callName(request), region: regionOf(request.headers) }),
    operation(call) {
      const operation = product.operation(call);
      return (context) => {
        const params = new Map(context.request.params);
        params.delete('RegionId');
        if (call.region !== null) params.set('RegionId', call.region);
        return operation({ ...context, request: { ...context.request, params } });
      };
    },
  };
}
