// `alicloud-audit policy`: the RAM policy granting exactly the read actions the collectors call. With --org, what
// an organisation run needs: the management account's policy (the member listing and AssumeRole of the org role
// beside the scan's own actions, for the management account is scanned too), and each member's role: its
// trust policy naming the management account and the same read-only policy.
import { Command } from 'commander';
import { DEFAULT_ORG_ROLE } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { ORG_LISTING_ACTIONS } from '../scan/org-sites.js';
import { readOnlyPolicyDocument } from '../services/index.js';

interface PolicyFlags {
  org?: boolean;
  orgRole: string;
  managementAccount?: string;
}

export function orgPolicies(role: string, managementAccount: string) {
  const readOnly = readOnlyPolicyDocument();
  return {
    managementAccount: {
      Version: '1',
      Statement: [
        ...readOnly.Statement,
        { Effect: 'Allow', Action: ORG_LISTING_ACTIONS, Resource: '*' },
        { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: `acs:ram::*:role/${role}` },
      ],
    },
    memberRole: {
      roleName: role,
      trustPolicy: {
        Version: '1',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: [`acs:ram::${managementAccount}:root`] } }],
      },
      policy: readOnly,
    },
  };
}

export function policyCommand(): Command {
  // described in src/cli/commands.ts
  return new Command('policy')
    .option('--org', 'print the policies of an organisation run: the management account, and the role in each member')
    .option('--org-role <name>', `with --org: the role name in each member (default ${DEFAULT_ORG_ROLE})`, DEFAULT_ORG_ROLE)
    .option('--management-account <id>', 'with --org: the account the member roles trust (default: a placeholder to fill in)')
    .action((flags: PolicyFlags) => {
      if (!flags.org && flags.managementAccount !== undefined) throw new UsageError('--management-account needs --org');
      if (flags.managementAccount !== undefined && !/^\d{16}$/.test(flags.managementAccount)) {
        throw new UsageError(`--management-account: "${flags.managementAccount}" is not a 16-digit account id`);
      }
      const document = flags.org ? orgPolicies(flags.orgRole, flags.managementAccount ?? 'MANAGEMENT_ACCOUNT_ID') : readOnlyPolicyDocument();
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    });
}
