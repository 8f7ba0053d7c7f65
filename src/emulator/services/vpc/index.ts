// VPC: VPCs, vSwitches, network ACLs, flow logs and EIPs of each region.
import { regionalHost, rpcProduct } from '../../rpc/protocol.js';
import { defineService } from '../../service.js';
import { indexVpcRegion } from './account-index.js';
import { vpcActions } from './handlers.js';
import { checkVpcRegion, vpcRegionFields } from './model.js';

export const vpc = defineService({
  regionFields: vpcRegionFields,
  checkRegion: checkVpcRegion,
  indexRegion: indexVpcRegion,
  products: [rpcProduct({ version: '2016-04-28', name: 'vpc', actions: vpcActions, deniedCode: 'Forbidden.RAM', host: regionalHost('vpc') })],
});
