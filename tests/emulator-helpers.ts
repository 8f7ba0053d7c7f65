// SDK clients pointed at a running emulator, shared by the emulator tests.
import CredentialMod, { Config as CredentialConfig } from '@alicloud/credentials';
import EcsMod from '@alicloud/ecs20140526';
import ImsMod from '@alicloud/ims20190815';
import OpenApiMod, { $OpenApiUtil, type ClientError } from '@alicloud/openapi-core';
import RamMod from '@alicloud/ram20150501';
import StsMod from '@alicloud/sts20150401';
import VpcMod from '@alicloud/vpc20160428';
import * as $dara from '@darabonba/typescript';
import { cjsDefault } from '../src/cloud/cjs.js';
import type { EmulatorCredential, RunningEmulator } from '../src/emulator/index.js';

export const Ecs = cjsDefault(EcsMod);
export const Vpc = cjsDefault(VpcMod);
export const Ram = cjsDefault(RamMod);
export const Ims = cjsDefault(ImsMod);
export const Sts = cjsDefault(StsMod);
export const OpenApi = cjsDefault(OpenApiMod);
const Credential = cjsDefault(CredentialMod);

export const runtime = () => new $dara.RuntimeOptions({});

export function clientConfig(
  emulator: RunningEmulator,
  key: EmulatorCredential,
  extra: Partial<{ signatureAlgorithm: string }> = {},
): $OpenApiUtil.Config {
  const credential = new Credential(
    new CredentialConfig({
      type: key.securityToken ? 'sts' : 'access_key',
      accessKeyId: key.accessKeyId,
      accessKeySecret: key.accessKeySecret,
      securityToken: key.securityToken,
    }),
  );
  return new $OpenApiUtil.Config({ credential, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http', ...extra });
}

/** openapi-core's generic RPC call, for products without an SDK package (ActionTrail). */
export async function callRpc(
  emulator: RunningEmulator,
  key: EmulatorCredential,
  version: string,
  action: string,
  query: Record<string, string>,
): Promise<Record<string, unknown>> {
  const client = new OpenApi(clientConfig(emulator, key));
  const params = new $OpenApiUtil.Params({
    action,
    version,
    style: 'RPC',
    method: 'POST',
    pathname: '/',
    authType: 'AK',
    reqBodyType: 'formData',
    bodyType: 'json',
    protocol: 'http',
  });
  const response = (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), runtime())) as { body: Record<string, unknown> };
  return response.body;
}

/** Resolves to the SDK error a call throws (fails the test when it does not throw). */
export async function failure(call: Promise<unknown>): Promise<ClientError> {
  try {
    await call;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected the call to fail');
}

/** The body of an SDK response (typed optional by the SDK, always present on success). */
export async function bodyOf<T>(call: Promise<{ body?: T }>): Promise<T> {
  const { body } = await call;
  if (body === undefined) throw new Error('the SDK response has no body');
  return body;
}
