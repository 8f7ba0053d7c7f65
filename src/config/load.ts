// The one place a config is made: the file (if any) read with its line numbers, the flags laid over it, and the
// whole validated once by the schema. Errors name the flag, or the file and line, that caused them.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { didYouMean } from '../names.js';
import { InputFileError, UsageError } from '../errors.js';
import { flagLayer, type ConfigFlags, type FlagLayer, type FlagOrigin } from './flags.js';
import { configSchema, type AuditConfig } from './schema.js';
import { readYaml, type YamlSource } from '../yaml-source.js';

/** Fields of the file that flags merge into key by key rather than replace. */
const SECTIONS = ['store', 'serve', 'role', 'scope', 'collection'] as const;
const OUTPUT_FIELDS = ['formats', 'outputs', 'outputDir'] as const;

type Data = Record<string, unknown>;
const isMapping = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

function layered(fileData: unknown, layer: FlagLayer): unknown {
  // anything but a mapping is left for the schema to reject, with its line
  if (!isMapping(fileData)) return fileData;
  const merged: Data = { ...fileData };
  if (layer.replacesOutputs) for (const field of OUTPUT_FIELDS) delete merged[field];
  for (const [key, value] of Object.entries(layer.data)) {
    const section = merged[key];
    merged[key] = (SECTIONS as readonly string[]).includes(key) && isMapping(section) && isMapping(value) ? { ...section, ...value } : value;
  }
  if (layer.sinkChangesOnly) {
    if (!Array.isArray(merged.sinks) || merged.sinks.length === 0) throw new UsageError('--sink-changes-only needs a sink (--sink or sinks in the config)');
    merged.sinks = merged.sinks.map((sink: unknown) => (isMapping(sink) ? { ...sink, changesOnly: true } : sink));
  }
  return merged;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) => prefix.every((key, index) => path[index] === key);

/** The keys the schema allows in the mapping at `path`, through optional and default wrappers. */
function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = (type: z.core.$ZodType | undefined) => {
    let current = type;
    while (current && 'innerType' in current._zod.def) current = current._zod.def.innerType as z.core.$ZodType;
    return current;
  };
  for (const key of path) {
    const shape: Record<string, z.core.$ZodType> | undefined = (unwrap(node)?._zod.def as { shape?: Record<string, z.core.$ZodType> } | undefined)?.shape;
    node = shape?.[String(key)];
  }
  return Object.keys((unwrap(node)?._zod.def as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'unrecognized_keys') return { path: [...issue.path], message: issue.message };
  // an unknown key has the mapping as its path: point at the key itself
  const [first = ''] = issue.keys;
  const hint = issue.keys.length === 1 ? didYouMean(first, knownKeys(schema, issue.path)) : '';
  return { path: [...issue.path, first], message: `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}${hint}` };
}

function configError(issue: z.core.$ZodIssue, schema: z.core.$ZodType, source: YamlSource | undefined, origins: readonly FlagOrigin[]): Error {
  const { path, message } = describeIssue(issue, schema);
  const where = path.map(String).join('.');
  const origin = origins.filter((candidate) => startsWith(path, candidate.field)).sort((a, b) => b.field.length - a.field.length)[0];
  if (origin) return new UsageError(`${origin.flag}: ${message}`);
  if (source) return new InputFileError('AUDIT_CONFIG', source.file, source.lineOf(path), `${where ? `${where}: ` : ''}${message}`);
  return new UsageError(`${where ? `${where}: ` : ''}${message}`);
}

/**
 * The validated config from a file's text (or none) and the flags over it. Relative paths in the file are taken
 * from the file's directory, those of flags from `cwd`.
 */
export function parseConfig(input: { text?: string; file?: string; flags?: ConfigFlags; cwd?: string }): AuditConfig {
  const cwd = input.cwd ?? process.cwd();
  const source = input.text === undefined ? undefined : readYaml(input.text, input.file ?? '<config>');
  const layer = flagLayer(input.flags ?? {}, cwd);
  const baseDir = input.file === undefined ? cwd : dirname(resolve(cwd, input.file));
  const schema = configSchema(baseDir);
  const parsed = schema.safeParse(layered(source?.data ?? {}, layer));
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw configError(issue as z.core.$ZodIssue, schema, source, layer.origins);
  }
  if (source) SOURCES.set(parsed.data, source);
  return parsed.data;
}

/** The file each config was read from, for checks made later (a rule's params, once the rules are loaded). */
const SOURCES = new WeakMap<AuditConfig, YamlSource>();

/** An InputFileError at the config's line for `path`, or a UsageError when the config has no file. */
export function configFileError(config: AuditConfig, path: readonly PropertyKey[], reason: string): Error {
  const source = SOURCES.get(config);
  const message = `${path.map(String).join('.')}: ${reason}`;
  return source ? new InputFileError('AUDIT_CONFIG', source.file, source.keyLineOf(path), message) : new UsageError(message);
}

/** `--config FILE` (when given) and the flags: what every command calls first. */
export async function loadConfig(flags: ConfigFlags, cwd = process.cwd()): Promise<AuditConfig> {
  if (flags.config === undefined) return parseConfig({ flags, cwd });
  const file = flags.config;
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (cause) {
    throw new InputFileError('AUDIT_CONFIG', flags.config, undefined, `cannot read the config file: ${(cause as Error).message}`, { cause });
  }
  return parseConfig({ text, file, flags, cwd });
}
