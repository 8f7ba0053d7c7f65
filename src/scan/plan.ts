// Everything a scan needs, checked and loaded before the first API call: the output targets, the rules in scope,
// the mutelist, the endpoint, the role, the sinks. `scan` and `serve` prepare one plan and run it once or on a
// schedule (src/scan/job.ts).
import type { Logger } from 'pino';
import type { AssumeRoleSettings } from '../cloud/assume-role.js';
import { parseEndpointUrl, type EndpointOverride } from '../cloud/clients.js';
import type { Redactor } from '../cloud/redact.js';
import type { AuditConfig } from '../config/schema.js';
import { BUNDLED_RULES_DIR, loadRules, type Rule } from '../engine/index.js';
import { UsageError } from '../errors.js';
import { loadMutelist, unknownRuleWarnings, type Mutelist } from '../findings/mutelist.js';
import type { Sink } from '../outputs/sinks/sink.js';
import { createSink } from '../outputs/sinks/sinks.js';
import type { LiveCollectionOptions } from './collect.js';
import { checkOutputTargets } from './output-checks.js';
import { checkRuleParams, emptyRulesDirWarnings } from './rule-checks.js';
import { selectRules } from './scope.js';

/** live: the account the credentials reach; demo: the bundled account through a loopback emulator */
export type InventorySource = { kind: 'live' } | { kind: 'demo' } | { kind: 'snapshot'; file: string };

/** What a command shows while collecting (a terminal's progress line); stopped when collection ends. */
export type ProgressDisplay = NonNullable<LiveCollectionOptions['progress']> & { stop(): void };

export interface AuditPlan {
  config: AuditConfig;
  source: InventorySource;
  rules: Rule[];
  mutelist: Mutelist | undefined;
  endpoint: EndpointOverride | undefined;
  assumeRole: AssumeRoleSettings | undefined;
  sinks: Array<{ sink: Sink; changesOnly: boolean }>;
  redactor: Redactor;
  logger: Logger;
  /** a new display for each collection; none: no progress shown */
  progress?: () => ProgressDisplay;
  snapshotOut?: string;
  /** where `config.endpointUrl` came from, for its error messages */
  endpointSource: string;
}

export async function prepareAudit(
  config: AuditConfig,
  source: InventorySource,
  context: Pick<AuditPlan, 'redactor' | 'logger' | 'progress' | 'snapshotOut' | 'endpointSource'>,
): Promise<AuditPlan> {
  const live = source.kind === 'live';
  checkOutputTargets(config, context.snapshotOut);
  const loaded = await loadRules([BUNDLED_RULES_DIR, ...config.rulesDirs]);
  checkRuleParams(loaded, config);
  for (const warning of emptyRulesDirWarnings(loaded, config.rulesDirs)) context.logger.warn(warning);
  const mutelist = config.mutelist ? await loadMutelist(config.mutelist) : undefined;
  if (mutelist) for (const warning of unknownRuleWarnings(mutelist, loaded.map((rule) => rule.id))) context.logger.warn(warning);
  const rules = selectRules(loaded, config.scope);
  if (config.sinks.some((sink) => sink.changesOnly) && !config.store) {
    throw new UsageError('a sink with changesOnly needs the history store: give --store PATH (or store.path in the config)');
  }
  return {
    ...context,
    config,
    source,
    rules,
    mutelist,
    endpoint: live && config.endpointUrl ? parseEndpointUrl(config.endpointUrl, context.endpointSource) : undefined,
    assumeRole: live && config.role ? { roleArn: config.role.arn, sessionName: config.role.sessionName, durationSeconds: config.role.durationSeconds } : undefined,
    sinks: config.sinks.map((sink) => ({
      sink: createSink({ name: sink.type, url: sink.url }, config.spoolDir ? { spoolDir: config.spoolDir } : {}),
      changesOnly: sink.changesOnly,
    })),
  };
}
