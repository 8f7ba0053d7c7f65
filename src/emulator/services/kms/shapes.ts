// Templates for KMS 2016-01-20 response items. The reference has request schemas only for KMS: the fields are
// those of the official SDK models (aliyun/alibabacloud-typescript-sdk, kms-20160120 src/models/). Defaults
// describe an enabled software AES key without automatic rotation.
import type { ApiObject, ShapeContext } from '../../fill.js';

/** Fields: DescribeKeyResponseBody.ts DescribeKeyResponseBodyKeyMetadata (all 20 of its fields). */
export function keyMetadataTemplate(): ApiObject {
  return {
    KeyId: '',
    Arn: '',
    KeyState: 'Enabled',
    KeySpec: 'Aliyun_AES_256',
    KeyUsage: 'ENCRYPT/DECRYPT',
    Origin: 'Aliyun_KMS',
    ProtectionLevel: 'SOFTWARE',
    AutomaticRotation: 'Disabled',
    RotationInterval: '',
    LastRotationDate: '',
    NextRotationDate: '',
    Creator: '',
    CreationDate: '2026-01-05T08:00:00Z',
    DeletionProtection: 'Disabled',
    DeletionProtectionDescription: '',
    DeleteDate: '',
    MaterialExpireTime: '',
    PrimaryKeyVersion: '',
    DKMSInstanceId: '',
    Description: '',
  };
}

export const keyArn = ({ accountId, regionId }: ShapeContext, keyId: string) => `acs:kms:${regionId}:${accountId}:key/${keyId}`;

export const aliasArn = ({ accountId, regionId }: ShapeContext, aliasName: string) => `acs:kms:${regionId}:${accountId}:${aliasName}`;
