// `alicloud-audit policy`: the RAM policy granting exactly the read actions the collectors call.
import { Command } from 'commander';
import { readOnlyPolicyDocument } from '../services/index.js';

export function policyCommand(): Command {
  return new Command('policy')
    .description('Print the least-privilege RAM policy document the auditor needs (read-only)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(readOnlyPolicyDocument(), null, 2)}\n`);
    });
}
