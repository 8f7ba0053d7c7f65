// KMS 2016-01-20: keys and aliases of a region. Page caps and defaults are those of the API reference.
// Envelopes: the SDK models (aliyun/alibabacloud-typescript-sdk, kms-20160120 src/models/ListKeysResponseBody.ts,
// ListAliasesResponseBody.ts, DescribeKeyResponseBody.ts).
import { ApiError } from '../../api-error.js';
import { listPage, regional, type ActionTable } from '../../rpc/action.js';

const PAGING = { style: 'page-number', max: 100, default: 10 } as const;

export const kmsActions: ActionTable = {
  ListKeys: regional(({ params }, region) =>
    listPage(
      region.kmsKeys.map((key) => ({ KeyId: key.KeyId, KeyArn: key.Arn })),
      params,
      PAGING,
      'Keys',
      'Key',
    ),
  ),

  ListAliases: regional(({ params }, region) => listPage(region.kmsAliases, params, PAGING, 'Aliases', 'Alias')),

  DescribeKey: regional(({ params }, region) => {
    // KeyId may be the key id, an alias name or the key's ARN
    const key = region.kmsKeyByReference.get(params.required('KeyId'));
    if (!key) throw new ApiError(404, 'Forbidden.KeyNotFound', 'The specified Key is not found.');
    return { KeyMetadata: key };
  }),
};
