// ResourceManager 2020-03-31: the resource directory and its member accounts. Page cap and default from
// resourcemanager_2020-03-31.api-docs.json ListAccounts PageSize ("取值范围：1~100。默认值：10。"); the error
// of an account without a directory from its errorCodes (404 EntityNotExists.ResourceDirectory).
import { ApiError } from '../../api-error.js';
import { global, listPage, type ActionContext, type ActionTable } from '../../rpc/action.js';

const PAGING = { style: 'page-number', max: 100, default: 10 } as const;

function directoryOf({ account }: ActionContext) {
  const directory = account.resourceDirectory;
  if (!directory) {
    throw new ApiError(
      404,
      'EntityNotExists.ResourceDirectory',
      'The resource directory for the account is not enabled. We recommend that you first enable the resource directory for the account.',
    );
  }
  return directory;
}

export const resourceManagerActions: ActionTable = {
  GetResourceDirectory: global((context) => ({ ResourceDirectory: directoryOf(context).item })),
  ListAccounts: global((context) => listPage(directoryOf(context).accounts, context.params, PAGING, 'Accounts', 'Account')),
};
