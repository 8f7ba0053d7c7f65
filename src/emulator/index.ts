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
