// The loopback Alibaba Cloud API emulator used by the demo, the tests and the benchmark.
export { startEmulator } from './server.js';
export type {
  EmulatorCall,
  EmulatorCredential,
  EmulatorReply,
  InterceptedCall,
  RunningEmulator,
  StartEmulatorOptions,
} from './server.js';
export { AccountModelError, defineAccount, loadAccountModel } from './account-model.js';
export type { AccountModel, AccountModelInput } from './account-model.js';
// The product table, for a caller that answers one more product beside it (startEmulator's `products`).
export { PRODUCTS } from './products.js';
export type { CallName, EmulatedProduct, EmulatorRequest, Operation, OperationContext } from './protocol.js';
