// An RPC product whose API takes no RegionId (ALB, Certificate Management Service): live, the endpoint host
// (alb.<region>.aliyuncs.com) names the region; through the emulator's one host the collectors send it as a
// header (src/services/endpoint-region.ts). The call is named by that region (or, without the header, by a
// RegionId parameter, which the real gateway ignores), and the handlers read it as RegionId.
import { ENDPOINT_REGION_HEADER } from '../../services/endpoint-region.js';
import { rpcProduct, type RpcProduct, type RpcProductSpec } from './protocol.js';

export function regionByEndpointProduct(spec: RpcProductSpec): RpcProduct {
  const product = rpcProduct(spec);
  return {
    ...product,
    callName: (request) => {
      const call = product.callName(request);
      return { ...call, region: request.headers[ENDPOINT_REGION_HEADER]?.[0] ?? call.region };
    },
    operation(call) {
      const operation = product.operation(call);
      return (context) => {
        const params = new Map(context.request.params);
        if (call.region === null) params.delete('RegionId');
        else params.set('RegionId', call.region);
        return operation({ ...context, request: { ...context.request, params } });
      };
    },
  };
}
