// Checks of what the config says about rules, made once the rules are loaded and before any API call: errors
// point at the config file's line, and warnings name what most likely is a typo.
import { resolve, sep } from 'node:path';
import { configFileError } from '../config/load.js';
import type { AuditConfig } from '../config/schema.js';
import type { Rule } from '../engine/index.js';
import { didYouMean } from '../names.js';

const kindOf = (value: unknown) => (Array.isArray(value) ? 'list' : typeof value);

/** `ruleParams`: every rule id exists, every param is declared, and every value has the declared type. */
export function checkRuleParams(rules: readonly Rule[], config: AuditConfig): void {
  const ids = rules.map((rule) => rule.id);
  for (const [id, params] of Object.entries(config.ruleParams)) {
    const rule = rules.find((candidate) => candidate.id === id);
    if (!rule) throw configFileError(config, ['ruleParams', id], `no rule ${id}${didYouMean(id, ids)} (\`alicloud-audit rules list\` shows the ids)`);
    const declared = Object.keys(rule.params);
    for (const [name, value] of Object.entries(params)) {
      const current = rule.params[name];
      if (current === undefined) {
        const hint = didYouMean(name, declared);
        throw configFileError(config, ['ruleParams', id, name], `rule ${id} has no param "${name}"${hint} (declared: ${declared.join(', ') || 'none'})`);
      }
      if (kindOf(current) !== kindOf(value)) throw configFileError(config, ['ruleParams', id, name], `must be a ${kindOf(current)}, like the default ${JSON.stringify(current)}`);
    }
  }
}

/** One warning per custom rules folder that added no rule: most likely the wrong folder. */
export function emptyRulesDirWarnings(rules: readonly Rule[], dirs: readonly string[]): string[] {
  return dirs
    .filter((dir) => !rules.some((rule) => resolve(rule.file).startsWith(resolve(dir) + sep)))
    .map((dir) => `--rules-dir ${dir}: no rule files (*.yaml, as DIR/<service>/<rule-id>.yaml); it adds no rule`);
}
