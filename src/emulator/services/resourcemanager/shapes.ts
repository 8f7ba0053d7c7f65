// Templates for ResourceManager 2020-03-31 response items, with every field of the official response examples.
import type { ApiObject } from '../../fill.js';

/** Fields: response-examples/resourcemanager_2020-03-31/ListAccounts.json Accounts.Account[]. */
export function memberAccountTemplate(): ApiObject {
  return {
    Status: 'CreateSuccess',
    Type: 'ResourceAccount',
    DisplayName: '',
    FolderId: '',
    ResourceDirectoryId: '',
    JoinTime: '2026-01-05T08:00:00.000Z',
    AccountId: '',
    JoinMethod: 'created',
    ModifyTime: '2026-01-05T08:00:00.000Z',
    ResourceDirectoryPath: '',
    Tags: { Tag: [] },
  };
}

/** Fields: response-examples/resourcemanager_2020-03-31/GetResourceDirectory.json ResourceDirectory. */
export function resourceDirectoryTemplate(): ApiObject {
  return {
    RootFolderId: '',
    ResourceDirectoryId: '',
    CreateTime: '2026-01-05T08:00:00.000Z',
    MasterAccountId: '',
    MasterAccountName: '',
    ControlPolicyStatus: 'Disabled',
    MemberDeletionStatus: 'Disabled',
    IdentityInformation: '',
  };
}
