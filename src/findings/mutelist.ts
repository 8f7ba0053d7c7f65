// Suppressions from a YAML mutelist. A muted finding keeps its place in every output with status `muted`,
// the status it would otherwise have (`mutedStatus`) and the entry's reason.
//
// Only `pass` and `fail` findings are muted. An `error` finding means "not assessed"; muting it would hide
// the one signal that part of the account is unknown, so errors always stay visible.
// An entry with `expires: 2027-03-31` mutes through the end of that day (UTC); a full ISO timestamp ends it
// at that instant. An expired entry mutes nothing and is reported as a warning so it gets renewed or removed.
//
//   mutes:
//     - rule: ecs-instance-keypair-login     # glob on the rule id: * any run of characters, ? one character
//       resource: i-uf6*                     # glob on the resource id
//       region: cn-shanghai                  # glob on the region; account-global resources are "global"
//       tags: { env: legacy-* }              # every listed tag must be on the resource and match
//       reason: Vendor appliance supports password login only (SEC-142)
//       expires: 2027-03-31
import { readFile } from 'node:fs/promises';
import { didYouMean, globToRegExp } from '../names.js';
import { readYaml } from '../yaml-source.js';
import { z } from 'zod';
import { InputFileError } from '../errors.js';
import { withFindings } from './report.js';
import type { Finding, Report } from './types.js';

const text = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
const pattern = text().trim().min(1, 'must be a non-empty pattern');

const entrySchema = z.strictObject({
  rule: pattern,
  resource: pattern.optional(),
  region: pattern.optional(),
  tags: z.record(z.string().min(1), pattern).optional(),
  reason: text().trim().min(1, 'a mute needs a reason'),
  expires: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'expected a date (YYYY-MM-DD) or an ISO timestamp with a zone (2027-03-31T00:00:00Z)',
    })
    .optional(),
});

const fileSchema = z.strictObject(
  { mutes: z.array(entrySchema, { error: 'expected a list of entries under `mutes:`' }) },
  { error: 'expected a mapping with a `mutes:` list' },
);

export type MuteEntry = z.infer<typeof entrySchema> & {
  /** 1-based line of the entry in its file, for messages */
  line: number;
};

export interface Mutelist {
  file: string;
  entries: MuteEntry[];
}

export interface MutelistResult {
  report: Report;
  /** one per expired entry */
  warnings: string[];
}

/** Parses and validates a mutelist; errors carry the file and line. */
export function parseMutelist(text: string, file: string): Mutelist {
  const source = readYaml(text, file);
  const parsed = fileSchema.safeParse(source.data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : (issue?.path ?? []);
    const where = path.length > 0 ? `${path.map(String).join('.')}: ` : '';
    throw new InputFileError('AUDIT_CONFIG', file, source.lineOf(path), `${where}${issue?.message ?? 'invalid mutelist'}`);
  }
  return {
    file,
    entries: parsed.data.mutes.map((entry, index) => ({ ...entry, line: source.lineOf(['mutes', index]) ?? 0 })),
  };
}

export async function loadMutelist(file: string): Promise<Mutelist> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError('AUDIT_CONFIG', file, undefined, `cannot read the mutelist: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseMutelist(text, file);
}

const DAY_MS = 86_400_000;

/** The instant an entry stops muting. */
function expiryOf(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T00:00:00Z`) + DAY_MS : Date.parse(expires);
}

function matcherFor(entry: MuteEntry): (finding: Finding) => boolean {
  const rule = globToRegExp(entry.rule);
  const resource = entry.resource === undefined ? undefined : globToRegExp(entry.resource);
  const region = entry.region === undefined ? undefined : globToRegExp(entry.region);
  const tags = Object.entries(entry.tags ?? {}).map(([key, value]) => [key, globToRegExp(value)] as const);
  return (finding) => {
    const tagsOfResource = finding.resource.tags ?? {};
    return (
      rule.test(finding.ruleId) &&
      (resource?.test(finding.resource.id) ?? true) &&
      (region?.test(finding.resource.region) ?? true) &&
      tags.every(([key, value]) => Object.hasOwn(tagsOfResource, key) && value.test(tagsOfResource[key] ?? ''))
    );
  };
}

/** The finding as the rules produced it, so a report muted before can be muted again with another list. */
function unmuted(finding: Finding): Finding {
  if (finding.status !== 'muted' || finding.mutedStatus === undefined) return finding;
  const { mutedStatus, reason: _reason, ...rest } = finding;
  return { ...rest, status: mutedStatus };
}

export interface Muter {
  /** the finding as the mutelist leaves it */
  mute(finding: Finding): Finding;
  /** one per expired entry */
  warnings: string[];
}

/** The mutelist as of `now`, applied one finding at a time as findings pass. */
export function createMuter(mutelist: Mutelist, now: Date): Muter {
  const warnings: string[] = [];
  const active: Array<{ entry: MuteEntry; matches: (finding: Finding) => boolean }> = [];
  for (const entry of mutelist.entries) {
    if (entry.expires !== undefined && now.getTime() >= expiryOf(entry.expires)) {
      warnings.push(
        `${mutelist.file}:${entry.line}: the mute for rule "${entry.rule}" expired on ${entry.expires} and no longer applies; renew or remove it.`,
      );
    } else {
      active.push({ entry, matches: matcherFor(entry) });
    }
  }
  return {
    warnings,
    mute(original) {
      const finding = unmuted(original);
      if (finding.status !== 'pass' && finding.status !== 'fail') return finding;
      const mute = active.find(({ matches }) => matches(finding));
      return mute ? { ...finding, status: 'muted' as const, mutedStatus: finding.status, reason: mute.entry.reason } : finding;
    },
  };
}

export function applyMutelist(report: Report, mutelist: Mutelist, now: Date): MutelistResult {
  const muter = createMuter(mutelist, now);
  return { report: withFindings(report, report.findings.map(muter.mute)), warnings: muter.warnings };
}

/** One warning per entry whose rule pattern names no rule that exists: a typo mutes nothing, silently. */
export function unknownRuleWarnings(mutelist: Mutelist, ruleIds: readonly string[]): string[] {
  return mutelist.entries
    .filter((entry) => !ruleIds.some((id) => globToRegExp(entry.rule).test(id)))
    .map((entry) => `${mutelist.file}:${entry.line}: the mute for rule "${entry.rule}" matches no rule${didYouMean(entry.rule, ruleIds)}; it mutes nothing.`);
}
