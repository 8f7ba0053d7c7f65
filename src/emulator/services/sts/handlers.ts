// STS 2015-04-01: who is calling, and AssumeRole issuing credentials the emulator then accepts.
// Every answer has the fields of response-examples/sts_2015-04-01/<Action>.json (the envelopes built here as
// well as the items of ./shapes.ts); tests/emulator-shapes.test.ts compares each with its example.
import { entityNotExist, invalidParameter } from '../../api-error.js';
import { isoSeconds } from '../../fill.js';
import { roleArn, roleId, userId } from '../ram/shapes.js';
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

export const stsActions: ActionTable = {
  GetCallerIdentity: global(callerIdentity),

  AssumeRole: global(({ params, account, credentials, now }) => {
    const arn = params.required('RoleArn');
    const sessionName = params.required('RoleSessionName');
    if (!SESSION_NAME.test(sessionName)) throw invalidParameter('RoleSessionName', sessionName);
    const match = /^acs:ram::(\d+):role\/(.+)$/i.exec(arn);
    const role = match && match[1] === account.accountId ? account.ram.roleByLowerName.get(match[2]!.toLowerCase()) : undefined;
    if (!role) throw entityNotExist('EntityNotExist.Role', `The role not exists: ${arn}.`);
    const duration = params.int('DurationSeconds') ?? 3600;
    if (duration < 900 || duration > role.MaxSessionDuration) throw invalidParameter('DurationSeconds', String(duration));
    const session = credentials.issueSession(role.RoleName, sessionName, duration, now.getTime());
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
