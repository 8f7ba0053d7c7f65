// The Log Service SDK and its client. Log Service names the project in the host (`<project>.<region>.log.aliyuncs.com`,
// @alicloud/gateway-sls getHost), which no DNS resolves under an endpoint override such as the loopback emulator
// (`<project>.127.0.0.1:port`). With an override the request goes to the override's address and the Host header
// names the project and region as the real endpoint would, which is what Log Service's gateway reads (its
// Python SDK does the same for an IP endpoint: aliyun/aliyun-log-python-sdk, aliyun/log/logclient.py _isRowIp).
// The v1 signature does not cover the Host header (gateway-sls buildCanonicalizedHeaders), so it is unchanged.
import type * as GatewaySlsSdk from '@alicloud/gateway-sls';
import type { $OpenApiUtil } from '@alicloud/openapi-core';
import type * as SlsSdk from '@alicloud/sls20201230';
import { lazily } from '../../cloud/sdk.js';

export const $Sls = lazily<typeof SlsSdk.default>('@alicloud/sls20201230');
const $GatewaySls = lazily<typeof GatewaySlsSdk.default>('@alicloud/gateway-sls', false);

export type SlsClient = InstanceType<typeof $Sls.default>;

/** The endpoint of a region (gateway-sls getEndpoint, public network). */
export const regionEndpoint = (region: string) => `${region}.log.aliyuncs.com`;

let SlsClientClass: (new (config: $OpenApiUtil.Config) => SlsClient) | undefined;

function slsClientClass(): new (config: $OpenApiUtil.Config) => SlsClient {
  class OverrideAwareGateway extends $GatewaySls.default {
    override async modifyRequest(...args: Parameters<GatewaySlsSdk.default['modifyRequest']>): Promise<void> {
      await super.modifyRequest(...args);
      const [{ request, configuration }] = args;
      const endpoint = regionEndpoint(configuration.regionId);
      const { headers } = request;
      if (configuration.endpoint === undefined || configuration.endpoint === endpoint || headers === undefined) return;
      const project = request.hostMap?.project;
      // darabonba builds the URL from `host`; Node sends the Host header set last (`Host` replaces `host`)
      headers.host = configuration.endpoint;
      headers.Host = project ? `${project}.${endpoint}` : endpoint;
    }
  }
  return class extends $Sls.default {
    constructor(config: $OpenApiUtil.Config) {
      super(config);
      this._spi = new OverrideAwareGateway();
    }
  };
}

export const newSlsClient = (config: $OpenApiUtil.Config): SlsClient => new (SlsClientClass ??= slsClientClass())(config);
