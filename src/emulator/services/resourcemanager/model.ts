// ResourceManager's slice of the account model: the resource directory the account manages, if any, with its
// folders and member accounts. The members' own resources are account models of their own (startEmulator's
// `members`); the directory lists them.
import { z } from 'zod';
import { duplicates, resource, type Expect } from '../../model-fields.js';
import { memberAccountTemplate } from './shapes.js';

const folderSchema = z.strictObject({
  FolderId: z.string().regex(/^fd-\w+$/, 'expected a folder id like fd-QRzuim01'),
  FolderName: z.string().min(1),
  /** the parent folder; the root folder when absent */
  ParentFolderId: z.string().optional(),
});

const memberSchema = resource(memberAccountTemplate, {
  AccountId: z.string().regex(/^\d{16}$/, 'expected a 16-digit Alibaba Cloud account id'),
  DisplayName: z.string().min(1),
  /** the folder the member is in; the root folder when absent */
  FolderId: z.string().optional(),
  // ListAccounts Accounts.Account[].Type and .Status (resourcemanager_2020-03-31.api-docs.json)
  Type: z.enum(['CloudAccount', 'ResourceAccount']).optional(),
  Status: z
    .enum(['CreateSuccess', 'PromoteVerifying', 'PromoteFailed', 'PromoteExpired', 'PromoteCancelled', 'PromoteSuccess', 'InviteSuccess'])
    .optional(),
});

const resourceManagerAccount = z.strictObject({
  resourceDirectory: z
    .strictObject({
      ResourceDirectoryId: z.string().regex(/^rd-\w+$/, 'expected a resource directory id like rd-St01'),
      RootFolderId: z.string().regex(/^r-\w+$/, 'expected a root folder id like r-Zo01'),
      folders: z.array(folderSchema).default([]),
      /** every member, the management account among them (it is a member of its own directory) */
      accounts: z.array(memberSchema).default([]),
    })
    .optional(),
});

/** top-level account model fields for ResourceManager */
export const resourceManagerAccountFields = resourceManagerAccount.shape;
export type ResourceManagerAccountModel = z.output<typeof resourceManagerAccount>;
export type ResourceDirectoryModel = NonNullable<ResourceManagerAccountModel['resourceDirectory']>;

/** Folders and members name folders that exist, and no account is listed twice. */
export function checkResourceDirectory(model: ResourceManagerAccountModel, expect: Expect): void {
  const directory = model.resourceDirectory;
  if (!directory) return;
  const folders = new Set([directory.RootFolderId, ...directory.folders.map((folder) => folder.FolderId)]);
  directory.folders.forEach((folder, i) =>
    expect(folder.ParentFolderId === undefined || folders.has(folder.ParentFolderId), ['resourceDirectory', 'folders', i, 'ParentFolderId'], `no folder ${folder.ParentFolderId}`),
  );
  directory.accounts.forEach((account, i) =>
    expect(account.FolderId === undefined || folders.has(account.FolderId), ['resourceDirectory', 'accounts', i, 'FolderId'], `no folder ${account.FolderId}`),
  );
  for (const id of duplicates(directory.accounts.map((account) => account.AccountId))) {
    expect(false, ['resourceDirectory', 'accounts'], `account ${id} is listed twice`);
  }
}
