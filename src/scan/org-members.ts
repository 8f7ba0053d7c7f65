// The members of an organisation: the resource directory the credentials manage (ResourceManager
// GetResourceDirectory) and its member accounts (ListAccounts), narrowed by the org settings.
import type * as ResourceManagerSdk from '@alicloud/resourcemanager20200331';
import { ApiCaller } from '../cloud/api-caller.js';
import { ApiError } from '../cloud/api-error.js';
import { CloudClients, runtimeOptions } from '../cloud/clients.js';
import { resolveCredential } from '../cloud/credentials.js';
import { paginate } from '../cloud/paginate.js';
import { lazily } from '../cloud/sdk.js';
import type { AuditConfig } from '../config/schema.js';
import { CredentialsError, UsageError } from '../errors.js';
import { didYouMean } from '../names.js';
import { callerAccountId } from './collect.js';
import { collectionSettings, credentialSourceOf } from './inventory.js';
import { DIRECTORY_SITE, MEMBERS_SITE } from './org-sites.js';
import type { AuditPlan } from './plan.js';

const $ResourceManager = lazily<typeof ResourceManagerSdk.default>('@alicloud/resourcemanager20200331');

// resourcemanager_2020-03-31.api-docs.json ListAccounts PageSize: 1 to 100
const LIST_ACCOUNTS_CAP = 100;


export interface OrgMember {
  accountId: string;
  displayName: string;
  /** the folder the member is in (the root folder r-... when in none) */
  folderId: string;
  /** ResourceDirectoryPath: rd-.../r-.../fd-.../<account id> */
  path: string;
  /** ListAccounts Type: CloudAccount or ResourceAccount */
  type: string;
}

export interface Organisation {
  resourceDirectoryId: string;
  /** the account the credentials belong to: the management account or a delegated administrator */
  callerAccountId: string;
  managementAccountId: string;
  /** every member the settings select, in ListAccounts order */
  members: OrgMember[];
}

/** The directory and its selected members; a usage error when the settings name accounts or folders it lacks. */
export async function listOrganisation(plan: AuditPlan): Promise<Organisation> {
  const found = await resolveCredential(credentialSourceOf(plan.config), plan.redactor, { warn: (message) => plan.logger.warn(message) });
  const { retry, limits, timeouts } = collectionSettings(plan.config.collection);
  const clients = new CloudClients({ credential: found.credential, timeouts, ...(plan.endpoint ? { endpoint: plan.endpoint } : {}) });
  const caller = new ApiCaller({ redactor: plan.redactor, logger: plan.logger, retry, limits });
  const runtime = runtimeOptions(timeouts);
  const callerId = await callerAccountId(clients, caller, runtime, plan, found.source);
  const client = clients.sdk('resourcemanager', 'cn-hangzhou', (config) => new $ResourceManager.default(config));
  try {
    const directory = await caller.call(DIRECTORY_SITE, () => client.getResourceDirectoryWithOptions(runtime));
    const accounts = await paginate(caller, MEMBERS_SITE, { style: 'pageNumber', cap: LIST_ACCOUNTS_CAP }, async ({ pageNumber, size }) => {
      const body = (await client.listAccountsWithOptions(new $ResourceManager.ListAccountsRequest({ pageNumber, pageSize: size }), runtime)).body;
      return { items: body?.accounts?.account ?? [], ...(body?.totalCount === undefined ? {} : { totalCount: body.totalCount }) };
    });
    const members = accounts.map(
      (account): OrgMember => ({
        accountId: account.accountId ?? '',
        displayName: account.displayName ?? '',
        folderId: account.folderId ?? '',
        path: account.resourceDirectoryPath ?? '',
        type: account.type ?? '',
      }),
    );
    return {
      resourceDirectoryId: directory.body?.resourceDirectory?.resourceDirectoryId ?? '',
      callerAccountId: callerId,
      managementAccountId: directory.body?.resourceDirectory?.masterAccountId ?? '',
      members: selectMembers(members, plan.config.org),
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // resourcemanager_2020-03-31.api-docs.json errorCodes: 404 EntityNotExists.ResourceDirectory (GetResourceDirectory:
    // ResourceDirectoryNotInUse) for an account that manages no directory
    if (/^(EntityNotExists\.ResourceDirectory|ResourceDirectoryNotInUse)$/.test(error.apiCode)) {
      throw new UsageError(`--org: account ${callerId} has no resource directory (${error.apiCode}): run it with the management account's credentials or a delegated administrator's`);
    }
    throw new CredentialsError(`--org: the organisation's members could not be listed: ${error.site.action} ${error.apiCode}: ${error.message}`, { cause: error });
  }
}

/** The members `--accounts`, `--exclude-accounts` and `--folders` keep; a name the directory lacks is refused. */
export function selectMembers(members: readonly OrgMember[], settings: AuditConfig['org']): OrgMember[] {
  const ids = members.map((member) => member.accountId);
  for (const [flag, wanted] of [['--accounts', settings.accounts], ['--exclude-accounts', settings.excludeAccounts]] as const) {
    const unknown = (wanted ?? []).filter((id) => !ids.includes(id));
    if (unknown.length > 0) throw new UsageError(`${flag}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a member' : 'are not members'} of the organisation${didYouMean(unknown[0]!, ids)}`);
  }
  const folders = settings.folders;
  const pathFolders = (member: OrgMember) => member.path.split('/');
  const knownFolders = new Set(members.flatMap(pathFolders));
  const unknownFolders = (folders ?? []).filter((folder) => !knownFolders.has(folder));
  if (unknownFolders.length > 0) throw new UsageError(`--folders: no member is in ${unknownFolders.join(', ')}`);
  return members.filter(
    (member) =>
      (settings.accounts?.includes(member.accountId) ?? true) &&
      !(settings.excludeAccounts?.includes(member.accountId) ?? false) &&
      (folders?.some((folder) => pathFolders(member).includes(folder)) ?? true),
  );
}
