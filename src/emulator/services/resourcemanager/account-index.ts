// ResourceManager's slice of the account index: the members as ListAccounts serves them, each with its path
// from the directory down through its folders (ResourceDirectoryPath).
import { fill, type ApiObject } from '../../fill.js';
import type { ResourceDirectoryModel, ResourceManagerAccountModel } from './model.js';
import { memberAccountTemplate, resourceDirectoryTemplate } from './shapes.js';

export interface ResourceManagerAccountIndex {
  /** undefined: the account has no resource directory */
  resourceDirectory: { item: ApiObject; accounts: ApiObject[] } | undefined;
}

export function indexResourceDirectory(model: ResourceManagerAccountModel & { accountId: string; accountAlias?: string }): ResourceManagerAccountIndex {
  const directory = model.resourceDirectory;
  if (!directory) return { resourceDirectory: undefined };
  const item = fill(resourceDirectoryTemplate(), {
    RootFolderId: directory.RootFolderId,
    ResourceDirectoryId: directory.ResourceDirectoryId,
    MasterAccountId: model.accountId,
    MasterAccountName: model.accountAlias ?? model.accountId,
  });
  const accounts = directory.accounts.map((account) => {
    const folderId = account.FolderId ?? directory.RootFolderId;
    return fill(fill(memberAccountTemplate(), { FolderId: folderId, ResourceDirectoryId: directory.ResourceDirectoryId }), {
      ...account,
      ResourceDirectoryPath: [directory.ResourceDirectoryId, ...folderPath(directory, folderId), account.AccountId].join('/'),
    });
  });
  return { resourceDirectory: { item, accounts } };
}

/** The folder ids from the root folder down to `folderId`. */
function folderPath(directory: ResourceDirectoryModel, folderId: string): string[] {
  const parents = new Map(directory.folders.map((folder) => [folder.FolderId, folder.ParentFolderId ?? directory.RootFolderId]));
  const path = [folderId];
  for (let parent = parents.get(folderId); parent !== undefined; parent = parents.get(parent)) path.unshift(parent);
  return path;
}
