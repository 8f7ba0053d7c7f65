// KMS (kms 2016-01-20), per region: every key with its metadata and aliases. A key with an alias under
// alias/acs/ was made by a cloud service, which also rotates it (alias/acs/ecs is ECS's default disk key);
// the customer answers for the rest.
import type { PageRequest } from '../../cloud/paginate.js';
import { callOrGap, forEachRegion, listOrGap, optional, siteOf, type CollectorContext } from '../context.js';
import { callRpc, malformedAnswer } from '../rpc-call.js';
import type { KmsKey, KmsKeyMetadata } from './records.js';

const VERSION = '2016-01-20';
const PAGE_CAP = 100;
const SERVICE_ALIAS_PREFIX = 'alias/acs/';

const site = siteOf('kms');

interface RawKey {
  KeyId?: string;
  KeyArn?: string;
}

interface RawAlias {
  AliasName?: string;
  KeyId?: string;
}

interface RawKeyMetadata {
  KeyState?: string;
  KeySpec?: string;
  KeyUsage?: string;
  Origin?: string;
  ProtectionLevel?: string;
  AutomaticRotation?: string;
  RotationInterval?: string;
  LastRotationDate?: string;
  NextRotationDate?: string;
  Creator?: string;
  CreationDate?: string;
  DeletionProtection?: string;
  Description?: string;
  DKMSInstanceId?: string;
}

interface Paged {
  TotalCount?: number | string;
}

export async function collectKms(ctx: CollectorContext): Promise<void> {
  await forEachRegion(ctx, 'kms', async (region) => {
    const call = <T>(action: string, query: Record<string, string | undefined>) =>
      // kms_2016-01-20.api-docs.json `endpoints`: kms.<region>.aliyuncs.com
      callRpc<T>(ctx, { host: `kms.${region}.aliyuncs.com`, version: VERSION, region, regionId: region, action, query });
    const page = <T>(action: string, { pageNumber, size }: PageRequest) =>
      call<T & Paged>(action, { PageNumber: String(pageNumber), PageSize: String(size) });

    const [keys, aliases] = await Promise.all([
      listOrGap(ctx, {
        site: site(region, 'ListKeys'),
        affects: ['kms.key'],
        paging: { style: 'pageNumber', cap: PAGE_CAP },
        fetch: async (request) => {
          const body = await page<{ Keys?: { Key?: RawKey[] } }>('ListKeys', request);
          return { items: body.Keys?.Key ?? [], totalCount: Number(body.TotalCount) };
        },
      }),
      listOrGap(ctx, {
        site: site(region, 'ListAliases'),
        affects: ['kms.key'],
        fields: ['aliases', 'isServiceKey'],
        paging: { style: 'pageNumber', cap: PAGE_CAP },
        fetch: async (request) => {
          const body = await page<{ Aliases?: { Alias?: RawAlias[] } }>('ListAliases', request);
          return { items: body.Aliases?.Alias ?? [], totalCount: Number(body.TotalCount) };
        },
      }),
    ]);
    if (!keys) return;
    const aliasesByKey = new Map<string, string[]>();
    for (const alias of aliases ?? []) {
      if (alias.KeyId && alias.AliasName) aliasesByKey.set(alias.KeyId, [...(aliasesByKey.get(alias.KeyId) ?? []), alias.AliasName]);
    }
    const records = await Promise.all(
      keys.map(async (key): Promise<KmsKey> => {
        const id = key.KeyId ?? '';
        const metadata = await callOrGap(
          ctx,
          { site: site(region, 'DescribeKey'), affects: ['kms.key'], resourceId: id, fields: ['metadata'] },
          async () => {
            const body = await call<{ KeyMetadata?: RawKeyMetadata }>('DescribeKey', { KeyId: id });
            if (!body.KeyMetadata) throw malformedAnswer('DescribeKey answered without KeyMetadata');
            return body.KeyMetadata;
          },
        );
        const keyAliases = aliases === undefined ? undefined : (aliasesByKey.get(id) ?? []).sort();
        return {
          id,
          region,
          arn: key.KeyArn ?? '',
          ...(metadata ? { metadata: metadataOf(metadata) } : {}),
          ...(keyAliases === undefined
            ? {}
            : { aliases: keyAliases, isServiceKey: keyAliases.some((name) => name.startsWith(SERVICE_ALIAS_PREFIX)) }),
        };
      }),
    );
    ctx.inventory.add('kms.key', records);
  });
}

function metadataOf(raw: RawKeyMetadata): KmsKeyMetadata {
  // RotationInterval is a duration in seconds written like "31536000s"
  const interval = Number.parseInt(raw.RotationInterval ?? '', 10);
  return {
    state: raw.KeyState ?? '',
    spec: raw.KeySpec ?? '',
    usage: raw.KeyUsage ?? '',
    origin: raw.Origin ?? '',
    protectionLevel: raw.ProtectionLevel ?? '',
    automaticRotation: raw.AutomaticRotation ?? '',
    rotationIntervalSeconds: Number.isFinite(interval) ? interval : null,
    lastRotatedAt: optional(raw.LastRotationDate),
    nextRotationAt: optional(raw.NextRotationDate),
    creator: raw.Creator ?? '',
    createdAt: optional(raw.CreationDate),
    deletionProtection: optional(raw.DeletionProtection),
    description: raw.Description ?? '',
    kmsInstanceId: optional(raw.DKMSInstanceId),
  };
}
