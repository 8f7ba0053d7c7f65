// STS 2015-04-01: who is calling, and AssumeRole issuing credentials the emulator then accepts.
// Every answer has the fields of response-examples/sts_2015-04-01/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
import { ApiError, entityNotExist, invalidParameter } from '../../api-error.js';
import { isoSeconds } from '../../fill.js';
import type { Caller } from '../../credentials.js';
import { roleArn, roleId, trustPolicy, userId } from '../ram/shapes.js';
import { global, type ActionContext, type ActionTable } from '../../rpc/action.js';

const SESSION_NAME = /^[\w.@-]{2,64}$/;

function callerIdentity({ account, caller }: ActionContext) {
  const accountId = account.accountId;
  const { identity } = caller;
  switch (identity.type) {
    case 'Account':
      return { IdentityType: 'Account', AccountId: accountId, PrincipalId: accountId, UserId: accountId, Arn: `acs:ram::${accountId}:root`, RoleId: '' };
    case 'RAMUser': {
      const user = account.ram.userByName.get(identity.userName)!;
      const id = userId(user);
      return { IdentityType: 'RAMUser', AccountId: accountId, PrincipalId: id, UserId: id, Arn: `acs:ram::${accountId}:user/${user.UserName}`, RoleId: '' };
    }
    case 'AssumedRoleUser': {
      const role = account.ram.roleByLowerName.get(identity.roleName.toLowerCase())!;
      const id = roleId(role);
      return {
        IdentityType: 'AssumedRoleUser',
        AccountId: accountId,
        PrincipalId: `${id}:${identity.sessionName}`,
        UserId: '',
        Arn: `acs:ram::${accountId}:assumed-role/${role.RoleName}/${identity.sessionName}`,
        RoleId: id,
      };
    }
  }
}

interface TrustStatement {
  Effect?: string;
  Action?: string | string[];
  Principal?: { RAM?: string | string[] };
}

/**
 * Whether a trust policy lets the caller assume the role: an Allow statement for sts:AssumeRole whose RAM
 * principals name the caller's account (`acs:ram::<id>:root`, or the account id) or the caller's user.
 */
function trusts(document: string, callerAccountId: string, caller: Caller): boolean {
  const statements = (JSON.parse(document) as { Statement?: TrustStatement[] }).Statement ?? [];
  const names = [`acs:ram::${callerAccountId}:root`, callerAccountId];
  if (caller.identity.type === 'RAMUser') names.push(`acs:ram::${callerAccountId}:user/${caller.identity.userName}`);
  return statements.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      [statement.Action].flat().some((action) => action === 'sts:AssumeRole' || action === 'sts:*') &&
      [statement.Principal?.RAM ?? []].flat().some((principal) => names.includes(principal)),
  );
}

export const stsActions: ActionTable = {
  GetCallerIdentity: global(callerIdentity),

  AssumeRole: global(({ params, account: callerAccount, accounts, caller, credentials, now }) => {
    const arn = params.required('RoleArn');
    const sessionName = params.required('RoleSessionName');
    if (!SESSION_NAME.test(sessionName)) throw invalidParameter('RoleSessionName', sessionName);
    const match = /^acs:ram::(\d+):role\/(.+)$/i.exec(arn);
    // the role may be in another account the emulator answers for: a member of the caller's organisation
    const account = match ? accounts.get(match[1]!) : undefined;
    const role = match && account ? account.ram.roleByLowerName.get(match[2]!.toLowerCase()) : undefined;
    if (!account || !role) throw entityNotExist('EntityNotExist.Role', `The role not exists: ${arn}.`);
    // sts_2015-04-01.api-docs.json AssumeRole errorCodes 403: NoPermission, when the role's trust policy does
    // not name the caller's account
    if (!trusts(trustPolicy(role, account.accountId), callerAccount.accountId, caller)) {
      throw new ApiError(403, 'NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.');
    }
    const duration = params.int('DurationSeconds') ?? 3600;
    if (duration < 900 || duration > role.MaxSessionDuration) throw invalidParameter('DurationSeconds', String(duration));
    const session = credentials.issueSession(account.accountId, role.RoleName, sessionName, duration, now.getTime());
    return {
      AssumedRoleUser: {
        AssumedRoleId: `${roleId(role)}:${sessionName}`,
        Arn: `${roleArn(role, account.accountId)}/${sessionName}`,
      },
      Credentials: {
        SecurityToken: session.securityToken,
        Expiration: isoSeconds(session.expiration),
        AccessKeySecret: session.accessKeySecret,
        AccessKeyId: session.accessKeyId,
      },
    };
  }),
};
