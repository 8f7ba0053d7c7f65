// STS: who is calling, and AssumeRole. No model of its own: it reads RAM's roles and users.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { stsActions } from './handlers.js';

export const sts = defineService({
  products: [rpcProduct({ version: '2015-04-01', name: 'sts', actions: stsActions, deniedCode: 'NoPermission', host: regionalHost('sts') })],
});
