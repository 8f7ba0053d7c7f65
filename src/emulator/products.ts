// The product table: every product the services answer, whatever its protocol. The server asks it who
// answers a request; the RPC gateway answers what no product claims (with its unknown-version error).
import type { EmulatedProduct, EmulatorRequest } from './protocol.js';
import { joinRpcVersions, UNKNOWN_PRODUCT } from './rpc/protocol.js';
import { SERVICES } from './services/index.js';

export const PRODUCTS: readonly EmulatedProduct[] = joinRpcVersions(SERVICES.flatMap((service) => service.products));

export function productFor(request: EmulatorRequest, products: readonly EmulatedProduct[]): EmulatedProduct {
  return products.find((product) => product.claims(request)) ?? UNKNOWN_PRODUCT;
}
