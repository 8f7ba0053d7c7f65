// KMS's slice of the account index: each region's keys and aliases, with the lookup DescribeKey needs.
import { fill, type ApiObject, type ShapeContext } from '../../fill.js';
import type { KmsRegionModel } from './model.js';
import { aliasArn, keyArn, keyMetadataTemplate } from './shapes.js';

export interface KmsRegionIndex {
  /** DescribeKey KeyMetadata of every key */
  kmsKeys: ApiObject[];
  /** by KeyId, alias name and ARN: what DescribeKey accepts */
  kmsKeyByReference: Map<string, ApiObject>;
  /** ListAliases items */
  kmsAliases: ApiObject[];
}

export function indexKmsRegion(region: KmsRegionModel, context: ShapeContext): KmsRegionIndex {
  const kmsKeys = region.kmsKeys.map(({ Aliases: _aliases, ...authored }) =>
    fill(fill(keyMetadataTemplate(), { Arn: keyArn(context, authored.KeyId), Creator: context.accountId }), authored),
  );
  const kmsAliases = region.kmsKeys.flatMap((key) =>
    key.Aliases.map((name) => ({ AliasName: name, AliasArn: aliasArn(context, name), KeyId: key.KeyId })),
  );
  return {
    kmsKeys,
    kmsKeyByReference: new Map([
      ...kmsKeys.flatMap((key) => [[key.KeyId as string, key] as const, [key.Arn as string, key] as const]),
      ...kmsAliases.map((alias) => [alias.AliasName, kmsKeys.find((key) => key.KeyId === alias.KeyId)!] as const),
    ]),
    kmsAliases,
  };
}
