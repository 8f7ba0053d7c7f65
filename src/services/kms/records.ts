// KMS records: the zod schemas are the only definition; the TypeScript types are inferred from them.
import { z } from 'zod';
import { nullableText, text } from '../fields.js';

export const kmsKeyMetadata = z.strictObject({
  /** Enabled | Disabled | PendingDeletion | PendingImport */
  state: text,
  /** e.g. Aliyun_AES_256, Aliyun_SM4, RSA_2048, EC_P256 */
  spec: text,
  /** ENCRYPT/DECRYPT | SIGN/VERIFY */
  usage: text,
  /** Aliyun_KMS | EXTERNAL */
  origin: text,
  /** SOFTWARE | HSM */
  protectionLevel: text,
  /** Enabled | Disabled | Suspended; only symmetric keys rotate */
  automaticRotation: text,
  rotationIntervalSeconds: z.number().nullable(),
  lastRotatedAt: nullableText,
  nextRotationAt: nullableText,
  creator: text,
  createdAt: nullableText,
  deletionProtection: nullableText,
  description: text,
  /** the dedicated KMS instance holding the key; null for the shared (default) KMS */
  kmsInstanceId: nullableText,
});
export type KmsKeyMetadata = z.infer<typeof kmsKeyMetadata>;

export const kmsKey = z.strictObject({
  id: text,
  region: text,
  arn: text,
  /** DescribeKey; undefined when it failed for this key */
  metadata: kmsKeyMetadata.optional(),
  /** alias names (ListAliases); undefined when that listing failed */
  aliases: z.array(text).optional(),
  /**
   * made and rotated by an Alibaba Cloud service, not the customer: an alias under alias/acs/ (alias/acs/ecs
   * is ECS's default disk key); undefined with the aliases
   */
  isServiceKey: z.boolean().optional(),
});
export type KmsKey = z.infer<typeof kmsKey>;
