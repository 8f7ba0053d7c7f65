// An organisation for the emulator: a management account whose resource directory lists `count` members of
// different sizes (member 6 without the org role, member 11 with a sold-out region), members 0-9 in folder prod,
// 10-19 in prod/web, the rest in the root folder. Shared by the `scan --org` and the `org-scan` tests.
import { generateAccount, scaledSize } from '../../src/bench/generate.js';
import { DEFAULT_ORG_ROLE } from '../../src/config/schema.js';
import { defineAccount, type AccountModel, type AccountModelInput } from '../../src/emulator/index.js';

export const KEY = { accessKeyId: 'LTAIorgscan0000001', accessKeySecret: 'org-scan-secret-0000000001' };
export const MANAGEMENT = '5890000000000100';
export const DIRECTORY = 'rd-org01';

export const trustingManagement = {
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { RAM: [`acs:ram::${MANAGEMENT}:root`] } }],
  Version: '1',
};

export interface OrgFixture {
  members: string[];
  /** the member whose org role does not exist */
  noRole: string;
  /** the member with a sold-out region (when there are 12 members or more) */
  soldOut: string | undefined;
  member(accountId: string, i: number): AccountModelInput;
  management(extraAccounts?: string[]): AccountModelInput;
  /** startEmulator's `account` and `members` */
  accounts(): { account: AccountModel; members: AccountModel[] };
}

export function orgFixture(count: number): OrgFixture {
  const members = Array.from({ length: count }, (_, i) => String(5890000000001000 + i));
  const noRole = members[6]!;
  const soldOut = members[11];
  const folderOf = (i: number) => (i < 10 ? 'fd-prod01' : i < 20 ? 'fd-web01' : undefined);

  function member(accountId: string, i: number): AccountModelInput {
    const size = { ...scaledSize(0.0002 * (1 + (i % 5))), regions: 1 + (i % 2) };
    const generated = generateAccount(size, 100 + i);
    const generatedRoles = generated.ram?.roles ?? [];
    const roles = accountId === noRole ? generatedRoles : [...generatedRoles, { RoleName: DEFAULT_ORG_ROLE, AssumeRolePolicyDocument: trustingManagement, Policies: [] }];
    const regions = Object.fromEntries(
      Object.entries(generated.regions as Record<string, object>).map(([id, region], r) => [id, accountId === soldOut && r === 0 ? { ...region, status: 'soldOut' } : region]),
    );
    return { ...generated, accountId, regions, ram: { ...generated.ram, roles } };
  }

  function management(extraAccounts: string[] = []): AccountModelInput {
    const generated = generateAccount({ ...scaledSize(0.0002), regions: 1 }, 7);
    return {
      ...generated,
      accountId: MANAGEMENT,
      resourceDirectory: {
        ResourceDirectoryId: DIRECTORY,
        RootFolderId: 'r-root01',
        folders: [
          { FolderId: 'fd-prod01', FolderName: 'prod' },
          { FolderId: 'fd-web01', FolderName: 'web', ParentFolderId: 'fd-prod01' },
        ],
        accounts: [
          { AccountId: MANAGEMENT, DisplayName: 'management', Type: 'CloudAccount' },
          ...members.map((id, i) => ({ AccountId: id, DisplayName: `member-${i}`, ...(folderOf(i) ? { FolderId: folderOf(i) } : {}) })),
          ...extraAccounts.map((id) => ({ AccountId: id, DisplayName: `listed-${id}` })),
        ],
      },
    } as AccountModelInput;
  }

  return {
    members,
    noRole,
    soldOut,
    member,
    management,
    accounts: () => ({ account: defineAccount(management()), members: members.map((id, i) => defineAccount(member(id, i))) }),
  };
}
