// Guest OS end of life: a table kept as data (data/os-lifecycle.yaml, with a source per entry) matched
// against the ECS OSName. An OS the table does not know is "unrecognized": the caller reports it as
// `error`, because an auditor that cannot tell must not pass the instance.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { compiles } from '../../names.js';

/** The table shipped with the package (works from src/ under vitest and from dist/ once built). */
const OS_LIFECYCLE_FILE = fileURLToPath(new URL('../../../data/os-lifecycle.yaml', import.meta.url));

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' });

const tableSchema = z.strictObject({
  systems: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        match: z.string().refine(compiles, { error: 'expected a regular expression' }),
        endOfLife: day,
        paidSupportEnd: day.optional(),
        source: z.url(),
      }),
    )
    .min(1),
});

export interface OsLifecycleEntry {
  name: string;
  match: RegExp;
  endOfLife: string;
  paidSupportEnd?: string;
  source: string;
}

export class OsLifecycleTableError extends Error {
  override readonly name = 'OsLifecycleTableError';
  readonly code = 'OS_LIFECYCLE_TABLE_INVALID';
}

export function loadOsLifecycle(file: string = OS_LIFECYCLE_FILE): OsLifecycleEntry[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OsLifecycleTableError(`${file}: cannot read the OS lifecycle table`, { cause: error });
  }
  const parsed = tableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OsLifecycleTableError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.systems.map((entry) => ({ ...entry, match: new RegExp(entry.match) }));
}

/** "CentOS  7.9 64 bit" -> "centos 7.9 64 bit": lower case, runs of whitespace collapsed. */
function normalizeOsName(osName: string): string {
  return osName.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function findOs(table: readonly OsLifecycleEntry[], osName: string): OsLifecycleEntry | undefined {
  const name = normalizeOsName(osName);
  return table.find((entry) => entry.match.test(name));
}

/** End of life is reached once the last supported day has passed. */
export function isEndOfLife(entry: OsLifecycleEntry, now: Date): boolean {
  return now.getTime() >= Date.parse(`${entry.endOfLife}T00:00:00Z`) + 86_400_000;
}

export function describeLifecycle(entry: OsLifecycleEntry, now: Date): string {
  const paid = entry.paidSupportEnd ? `; paid extended support until ${entry.paidSupportEnd}` : '';
  const state = isEndOfLife(entry, now) ? 'reached end of life on' : 'is supported until';
  return `${entry.name} ${state} ${entry.endOfLife}${paid} (${entry.source})`;
}
