// Named evaluators that conditions call with `fn:`, for the checks that are code rather than data. A literal
// registry: `grep` shows every function a rule can call, and its `args` schema is checked at load.
import { z } from 'zod';
import { FALSE, fromBoolean, TRUE, unknown, UnknownValue, type Outcome } from './outcome.js';
import { resolvePath, typeName, type Subject } from './path.js';
import { CONTROL_POLICY_FIELDS, ControlPolicyError, describePolicyExposure, internetAcceptedPorts } from '../services/cloudfw/control-policy.js';
import type { CloudFirewallControlPolicy } from '../services/cloudfw/records.js';
import { coarseIngressRules, describeCoarseRule } from '../services/ecs/fine-grained.js';
import { describeLifecycle, findOs, isEndOfLife, loadOsLifecycle, type OsLifecycleEntry } from '../services/ecs/os-lifecycle.js';
import type { SecurityGroupRule } from '../services/ecs/records.js';
import {
  describeExposure,
  internetExposure,
  SecurityGroupRuleError,
  wholeSpaceExposed,
  type ExposureQuery,
} from '../services/ecs/security-group-exposure.js';
import { PROTOCOLS, type PortRange } from '../services/port-range.js';
import { allowsFullAccess, PolicyDocumentError } from '../services/ram/policy-document.js';
import { ALERT_EVENT_CLASS_IDS, alertCoverage } from '../services/sls/alert-events.js';
import type { TrailLogstore } from '../services/sls/derived.js';
import { aclInternetExposure, describeAclExposure, NetworkAclEntryError } from '../services/vpc/network-acl.js';
import type { NetworkAclEntry } from '../services/vpc/records.js';
import { weakAlgorithms } from '../services/vpn/algorithms.js';
import type { VpnTunnel } from '../services/vpn/records.js';

export interface FunctionResult {
  outcome: Outcome;
  /** what the function saw, for the finding's evidence (`{{$fn.<name>}}` in messages) */
  evidence: string;
}

/** What a function may know besides the record: the scan time (never the clock). */
export interface FunctionEnv {
  now: Date;
}

interface RuleFunction<Schema extends z.ZodType> {
  summary: string;
  args: Schema;
  call(subject: Subject, args: z.infer<Schema>, env: FunctionEnv): FunctionResult;
}

function defineFunction<Schema extends z.ZodType>(fn: RuleFunction<Schema>): RuleFunction<Schema> {
  return fn;
}

const EVALUATOR_ERRORS = [SecurityGroupRuleError, PolicyDocumentError, NetworkAclEntryError, ControlPolicyError] as const;

/** Reads `path` and hands it to `use`; unknown values, wrong types and evaluator errors become `unknown`. */
function withValue(
  subject: Subject,
  path: string,
  expected: 'list' | 'text' | 'any',
  use: (value: unknown) => FunctionResult,
): FunctionResult {
  const resolved = resolvePath(subject, path);
  if (!resolved.known) return { outcome: unknown(resolved.reason), evidence: `${path} is unknown` };
  const wrongType =
    (expected === 'list' && !Array.isArray(resolved.value)) || (expected === 'text' && typeof resolved.value !== 'string');
  if (wrongType) return mismatch(subject, path, `expected ${expected === 'list' ? 'a list' : 'text'}, found a ${typeName(resolved.value)}`);
  try {
    return use(resolved.value);
  } catch (error) {
    if (EVALUATOR_ERRORS.some((type) => error instanceof type)) return mismatch(subject, path, (error as Error).message);
    throw error;
  }
}

function mismatch(subject: Subject, path: string, detail: string): FunctionResult {
  return {
    outcome: unknown({ kind: 'mismatch', path: `${subject.prefix}${path}`, detail, gaps: [] }),
    evidence: `${path}: ${detail}`,
  };
}

const port = z.number().int().min(1).max(65535);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((value) => [value].flat() as z.infer<T>[]);

/** The asked port ranges: `port` and `ports` together, or every port when neither is given. */
function askedRanges(args: { port?: number | undefined; ports?: number[] | undefined }): Array<PortRange | undefined> {
  const ports = [...(args.port === undefined ? [] : [args.port]), ...(args.ports ?? [])];
  return ports.length === 0 ? [undefined] : ports.map((value) => ({ from: value, to: value }));
}

function describeAsked(direction: string, protocols: readonly string[], ranges: Array<PortRange | undefined>): string {
  const ports = ranges.flatMap((range) => (range ? [String(range.from)] : []));
  return `${direction} ${protocols.join('/')}${ports.length > 0 ? ` ${ports.join(', ')}` : ''}`;
}

/**
 * What a security group does with traffic no rule covers. Ingress: dropped. Egress: a basic (`normal`)
 * group lets it out, an enterprise group drops it.
 */
function defaultAccept(subject: Subject, direction: 'ingress' | 'egress'): boolean | FunctionResult {
  if (direction === 'ingress') return false;
  const type = resolvePath(subject, 'type');
  if (!type.known) return { outcome: unknown(type.reason), evidence: 'type is unknown' };
  const value = typeof type.value === 'string' ? type.value.toLowerCase() : undefined;
  if (value === 'normal' || value === 'enterprise') return value === 'normal';
  return mismatch(subject, 'type', `unknown security group type ${JSON.stringify(type.value)} (expected normal or enterprise)`);
}

let osLifecycle: OsLifecycleEntry[] | undefined;

export const FUNCTIONS = {
  internet_exposed: defineFunction({
    summary:
      'true when the internet (any CIDR with prefix 0, IPv4 or IPv6) can reach the asked protocols/ports through the group `rules`, honouring Priority and Drop precedence; with `whole`, only when one asked protocol is open on every port',
    args: z.strictObject({
      direction: z.enum(['ingress', 'egress']).default('ingress'),
      protocol: oneOrMany(z.enum([...PROTOCOLS, 'all'])),
      port: port.optional(),
      ports: z.array(port).min(1).optional(),
      whole: z.boolean().default(false),
    }),
    call(subject, args) {
      return withValue(subject, 'rules', 'list', (rules) => {
        const accept = defaultAccept(subject, args.direction);
        if (typeof accept !== 'boolean') return accept;
        const ranges = askedRanges(args);
        const queries: ExposureQuery[] = args.protocol.flatMap((protocol) =>
          ranges.map((ports) => ({ direction: args.direction, protocol, defaultAccept: accept, ...(ports ? { ports } : {}) })),
        );
        const asked = describeAsked(args.direction, args.protocol, ranges);
        const found = queries.map((query) => ({ query, exposures: internetExposure(rules as SecurityGroupRule[], query) }));
        const exposing = found.filter(({ query, exposures }) =>
          args.whole ? wholeSpaceExposed(exposures, query) : exposures.length > 0,
        );
        if (exposing.length === 0) {
          const what = args.whole ? `the internet does not reach all of ${asked}` : `no effective rule opens ${asked} to the internet`;
          return { outcome: FALSE, evidence: what };
        }
        const evidence = exposing.flatMap(({ exposures }) => exposures.map(describeExposure));
        return { outcome: TRUE, evidence: [...new Set(evidence)].join('; ') };
      });
    },
  }),
  rule_internet_accept: defineFunction({
    summary:
      'on one security group rule (the element of a quantifier or of a fix `each`): true when this rule by itself accepts the internet (a CIDR with prefix 0) on the asked protocols/ports, whatever the other rules do',
    args: z.strictObject({
      direction: z.enum(['ingress', 'egress']).default('ingress'),
      protocol: oneOrMany(z.enum([...PROTOCOLS, 'all'])),
      port: port.optional(),
      ports: z.array(port).min(1).optional(),
    }),
    call(subject, args) {
      return withValue(subject, 'direction', 'text', () => {
        const rule = subject.value as SecurityGroupRule;
        const accepted = args.protocol.flatMap((protocol) =>
          askedRanges(args).flatMap((ports) =>
            internetExposure([rule], { direction: args.direction, protocol, defaultAccept: false, ...(ports ? { ports } : {}) }),
          ),
        );
        if (accepted.length === 0) {
          return { outcome: FALSE, evidence: `rule ${rule.id} does not accept ${describeAsked(args.direction, args.protocol, askedRanges(args))} from the internet` };
        }
        return { outcome: TRUE, evidence: [...new Set(accepted.map(describeExposure))].join('; ') };
      });
    },
  }),
  acl_internet_allows: defineFunction({
    summary:
      'true when the network ACL `ingress` entries, in order and first match deciding, let the internet (a CIDR with prefix 0) reach the asked protocols/ports',
    args: z.strictObject({
      protocol: oneOrMany(z.enum(PROTOCOLS)),
      ports: z.array(port).min(1).optional(),
    }),
    call(subject, args) {
      return withValue(subject, 'ingress', 'list', (entries) => {
        const ranges = askedRanges(args);
        const exposures = args.protocol.flatMap((protocol) =>
          ranges.flatMap((ports) => aclInternetExposure(entries as NetworkAclEntry[], { protocol, ...(ports ? { ports } : {}) })),
        );
        return exposures.length > 0
          ? { outcome: TRUE, evidence: exposures.map(describeAclExposure).join('; ') }
          : { outcome: FALSE, evidence: `no entry lets the internet reach ${describeAsked('ingress', args.protocol, ranges)}` };
      });
    },
  }),
  coarse_ingress: defineFunction({
    summary:
      'true when an ingress Accept of the group `rules` opens more than `maxPorts` TCP/UDP ports to a source CIDR broader than `minPrefixLength` (IPv4) or `minIpv6PrefixLength` (IPv6); each rule as written',
    args: z.strictObject({
      maxPorts: z.number().int().min(1),
      minPrefixLength: z.number().int().min(0).max(32),
      minIpv6PrefixLength: z.number().int().min(0).max(128),
    }),
    call(subject, args) {
      return withValue(subject, 'rules', 'list', (rules) => {
        const limits = { maxPorts: args.maxPorts, minPrefixLength: { ipv4: args.minPrefixLength, ipv6: args.minIpv6PrefixLength } };
        const coarse = coarseIngressRules(rules as SecurityGroupRule[], limits);
        return coarse.length > 0
          ? { outcome: TRUE, evidence: coarse.map(describeCoarseRule).join('; ') }
          : { outcome: FALSE, evidence: `no ingress Accept opens more than ${args.maxPorts} ports to a broad source` };
      });
    },
  }),
  os_end_of_life: defineFunction({
    summary:
      'true when the instance `osName` is past its end of life (data/os-lifecycle.yaml); an OS the table does not know is unknown (error)',
    args: z.strictObject({}),
    call(subject, _args, env) {
      return withValue(subject, 'osName', 'text', (osName) => {
        osLifecycle ??= loadOsLifecycle();
        const entry = findOs(osLifecycle, osName as string);
        if (!entry) {
          return mismatch(subject, 'osName', `unrecognized OS ${JSON.stringify(osName)}: not in the OS lifecycle table (data/os-lifecycle.yaml)`);
        }
        return { outcome: fromBoolean(isEndOfLife(entry, env.now)), evidence: describeLifecycle(entry, env.now) };
      });
    },
  }),
  policy_full_access: defineFunction({
    summary: 'true when the policy `document` allows every action on every resource',
    args: z.strictObject({}),
    call(subject) {
      return withValue(subject, 'document', 'any', (document) => {
        const verdict = allowsFullAccess(document);
        return { outcome: fromBoolean(verdict.fullAccess), evidence: verdict.detail };
      });
    },
  }),
  vpn_weak_algorithms: defineFunction({
    summary:
      'true when a tunnel of the IPsec connection (`tunnels`) negotiates the `phase` (ike or ipsec) with one of the listed encryption, integrity or DH group values (case-insensitive)',
    args: z.strictObject({
      phase: z.enum(['ike', 'ipsec']),
      encryption: z.array(z.string()).min(1),
      integrity: z.array(z.string()).min(1),
      dhGroups: z.array(z.string()).min(1),
    }),
    call(subject, args) {
      return withValue(subject, 'tunnels', 'list', (tunnels) => {
        const verdict = weakAlgorithms(tunnels as VpnTunnel[], args.phase, args);
        if (verdict.weak !== undefined) return { outcome: fromBoolean(verdict.weak), evidence: verdict.detail };
        // the first setting not known, read as the engine reads it: its reason names the gap behind it
        const resolved = resolvePath(subject, verdict.unknownPaths[0]!);
        return resolved.known ? mismatch(subject, verdict.unknownPaths[0]!, verdict.detail) : { outcome: unknown(resolved.reason), evidence: verdict.detail };
      });
    },
  }),
  cloudfw_internet_accepts: defineFunction({
    summary:
      'true when the Cloud Firewall policy is an enabled inbound accept of TCP (or ANY) from a CIDR with prefix 0 (itself or in its address book) to one of the asked ports',
    args: z.strictObject({ ports: z.array(port).min(1) }),
    call(subject, args) {
      const policy: Record<string, unknown> = {};
      for (const field of CONTROL_POLICY_FIELDS) {
        const resolved = resolvePath(subject, field);
        if (!resolved.known) return { outcome: unknown(resolved.reason), evidence: `${field} is unknown` };
        policy[field] = resolved.value;
      }
      return withValue(subject, 'destPortGroupPorts', 'list', () => {
        const read = policy as unknown as CloudFirewallControlPolicy;
        const exposure = internetAcceptedPorts(read, args.ports.map((value) => ({ from: value, to: value })));
        return exposure
          ? { outcome: TRUE, evidence: describePolicyExposure(read, exposure) }
          : { outcome: FALSE, evidence: `policy ${read.id} lets no internet host reach TCP ${args.ports.join(', ')}` };
      });
    },
  }),
  sls_alert_watches: defineFunction({
    summary:
      'true when an enabled Log Service alert rule has a query over an ActionTrail trail logstore (`logstores`: $trailLogstores) naming the terms of the `event` class (src/services/sls/alert-events.ts); the alert names are not read',
    args: z.strictObject({ event: z.enum(ALERT_EVENT_CLASS_IDS), logstores: z.literal('$trailLogstores') }),
    call(subject, args) {
      return withValue(subject, args.logstores, 'list', (targets) => {
        const unknownPart = (targets as TrailLogstore[]).flatMap((target) => [target.record, target.alerts]).find((part) => part instanceof UnknownValue);
        if (unknownPart instanceof UnknownValue) {
          const reason = { kind: 'missing' as const, path: `${subject.prefix}${args.logstores}`, detail: unknownPart.detail, gaps: unknownPart.gaps };
          return { outcome: unknown(reason), evidence: `the trail's logstore or the alert rules over it are unknown: ${unknownPart.detail}` };
        }
        const coverage = alertCoverage(targets as TrailLogstore[], args.event);
        return { outcome: fromBoolean(coverage.covered), evidence: coverage.evidence };
      });
    },
  }),
} as const;

export type FunctionName = keyof typeof FUNCTIONS;
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as [FunctionName, ...FunctionName[]];

/** Validated arguments of a function (param references already replaced), to hand to callFunction. */
export function parseFunctionArgs(name: FunctionName, args: unknown): unknown {
  return (FUNCTIONS[name] as RuleFunction<z.ZodType>).args.parse(args ?? {});
}

/** Calls the function with arguments from parseFunctionArgs. */
export function callFunction(name: FunctionName, subject: Subject, parsedArgs: unknown, env: FunctionEnv): FunctionResult {
  return (FUNCTIONS[name] as RuleFunction<z.ZodType>).call(subject, parsedArgs, env);
}

export function functionArgsSchema(name: FunctionName): z.ZodType {
  return FUNCTIONS[name].args;
}
