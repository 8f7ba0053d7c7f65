// `alicloud-audit policy`: the RAM policy granting exactly the read actions the collectors call.
import { Command } from 'commander';
import { readOnlyPolicyDocument } from '../services/index.js';

export function policyCommand(): Command {
  // described in src/cli/commands.ts
  return new Command('policy')
    .action(() => {
      process.stdout.write(`${JSON.stringify(readOnlyPolicyDocument(), null, 2)}\n`);
    });
}
