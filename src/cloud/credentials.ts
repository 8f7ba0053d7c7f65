// Credentials: the @alicloud/credentials default chain (env, OIDC, ~/.aliyun/config.json, credentials file,
// ECS RAM role, credentials URI), a named CLI profile, or fixed keys (the demo). The credential is
// resolved once up front so that a missing or broken one fails with one clear sentence before any scan.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import CredentialsModule, { CLIProfileCredentialsProvider, Config as CredentialConfig } from '@alicloud/credentials';
import { CredentialsError } from '../errors.js';
import { jsonErrorLine } from '../json-line.js';
import { cjsDefault } from './cjs.js';
import type { Redactor } from './redact.js';

const Credential = cjsDefault(CredentialsModule);
export type AuditCredential = InstanceType<typeof Credential>;

export type CredentialSource =
  | { kind: 'default-chain' }
  | { kind: 'profile'; profile: string }
  | { kind: 'static'; accessKeyId: string; accessKeySecret: string; securityToken?: string };

const CHAIN_DESCRIPTION =
  'the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET / ALIBABA_CLOUD_SECURITY_TOKEN), ' +
  'OIDC (ALIBABA_CLOUD_OIDC_*), ~/.aliyun/config.json, ~/.alibabacloud/credentials, the ECS instance RAM role ' +
  'and ALIBABA_CLOUD_CREDENTIALS_URI';

const FIX_HINT = 'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or use --profile.';

export function createCredential(source: CredentialSource): AuditCredential {
  switch (source.kind) {
    case 'default-chain':
      return new Credential();
    case 'profile':
      return new Credential(
        null,
        CLIProfileCredentialsProvider.builder().withProfileName(source.profile).build(),
      );
    case 'static':
      return new Credential(
        new CredentialConfig({
          type: source.securityToken ? 'sts' : 'access_key',
          accessKeyId: source.accessKeyId,
          accessKeySecret: source.accessKeySecret,
          ...(source.securityToken ? { securityToken: source.securityToken } : {}),
        }),
      );
  }
}

export function describeSource(source: CredentialSource): string {
  switch (source.kind) {
    case 'default-chain':
      return `the default credential chain (${CHAIN_DESCRIPTION})`;
    case 'profile':
      return `the profile "${source.profile}" in ~/.aliyun/config.json`;
    case 'static':
      return 'the given AccessKey';
  }
}

/** A credential resolved up front, with the source it came from, for the messages that name it. */
export interface ResolvedCredential {
  credential: AuditCredential;
  /** e.g. "the environment (ALIBABA_CLOUD_ACCESS_KEY_ID)", "the profile "p" in ~/.aliyun/config.json" */
  source: string;
}

const CLI_CONFIG = '~/.aliyun/config.json';

interface CliProfile {
  name?: unknown;
  mode?: unknown;
  access_key_id?: unknown;
  access_key_secret?: unknown;
}

/**
 * ~/.aliyun/config.json as far as we need it, read the way the SDK does (os.homedir()) but never quoted: the SDK's
 * own parse error repeats the whole file, secrets included.
 */
type CliConfig = { state: 'absent' } | { state: 'invalid'; line: number } | { state: 'valid'; current: unknown; profiles: CliProfile[] };

async function readCliConfig(): Promise<CliConfig> {
  if (process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === 'true') return { state: 'absent' };
  let text: string;
  try {
    text = await readFile(join(homedir(), '.aliyun', 'config.json'), 'utf8');
  } catch {
    return { state: 'absent' };
  }
  try {
    const parsed = JSON.parse(text) as { current?: unknown; profiles?: unknown } | null;
    return { state: 'valid', current: parsed?.current, profiles: Array.isArray(parsed?.profiles) ? (parsed.profiles as CliProfile[]) : [] };
  } catch (error) {
    return { state: 'invalid', line: jsonErrorLine(text, error as SyntaxError) };
  }
}

const invalidConfig = (line: number) => `${CLI_CONFIG} is not valid JSON (line ${line})`;
const given = (value: unknown) => typeof value === 'string' && value !== '';

/** What makes a profile unusable, said without its values; undefined when it looks complete. */
function profileProblem(config: CliConfig, name: string): string | undefined {
  if (config.state === 'absent') return `${CLI_CONFIG} does not exist`;
  if (config.state === 'invalid') return invalidConfig(config.line);
  const profile = config.profiles.find((candidate) => candidate.name === name);
  if (!profile) {
    const names = config.profiles.map((candidate) => String(candidate.name));
    return `${CLI_CONFIG} has no profile "${name}" (it has: ${names.join(', ') || 'none'})`;
  }
  const keyed = profile.mode === undefined || ['AK', 'StsToken', 'RamRoleArn'].includes(String(profile.mode));
  if (keyed && given(profile.access_key_id) && !given(profile.access_key_secret)) return `the profile "${name}" has an access_key_id but no access_key_secret`;
  if (keyed && !given(profile.access_key_id) && given(profile.access_key_secret)) return `the profile "${name}" has an access_key_secret but no access_key_id`;
  return undefined;
}

/** A half-set key pair in the environment is a mistake to report, not a reason to fall through to the next source. */
function environmentProblem(): string | undefined {
  const id = given(process.env.ALIBABA_CLOUD_ACCESS_KEY_ID);
  const secret = given(process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  if (id && !secret) return 'the environment has ALIBABA_CLOUD_ACCESS_KEY_ID but no ALIBABA_CLOUD_ACCESS_KEY_SECRET';
  if (secret && !id) return 'the environment has ALIBABA_CLOUD_ACCESS_KEY_SECRET but no ALIBABA_CLOUD_ACCESS_KEY_ID';
  return undefined;
}

/** The source the default chain settled on, from the provider name the SDK reports (e.g. "default/env"). */
function chainSourceName(providerName: string | undefined, config: CliConfig): string {
  const provider = providerName?.split('/')[1] ?? '';
  if (provider === 'env') return 'the environment (ALIBABA_CLOUD_ACCESS_KEY_ID)';
  if (provider === 'cli_profile') {
    const name = process.env.ALIBABA_CLOUD_PROFILE ?? (config.state === 'valid' ? config.current : undefined);
    return `the profile "${String(name)}" in ${CLI_CONFIG}`;
  }
  if (provider === 'profile') return '~/.alibabacloud/credentials';
  if (provider === 'oidc_role_arn') return 'OIDC (ALIBABA_CLOUD_OIDC_*)';
  if (provider === 'ecs_ram_role') return 'the ECS instance RAM role';
  if (provider === 'credentials_uri') return 'ALIBABA_CLOUD_CREDENTIALS_URI';
  return `the default credential chain (${providerName ?? 'unknown provider'})`;
}

/**
 * Resolve the credential now, register its secrets with the redactor, and fail with one sentence that says
 * which source was used and what is missing. `warn` hears about a broken ~/.aliyun/config.json the default
 * chain skips. A role to assume wraps the result (src/cloud/assume-role.ts).
 */
export async function resolveCredential(
  source: CredentialSource,
  redactor: Redactor,
  options: { warn?: (message: string) => void } = {},
): Promise<ResolvedCredential> {
  const fail = (what: string, reason: string, cause?: unknown) =>
    new CredentialsError(`No usable Alibaba Cloud credentials from ${what}: ${reason}. ${FIX_HINT}`, { cause });
  const { warn } = options;
  const config = source.kind === 'static' ? undefined : await readCliConfig();
  if (source.kind === 'profile') {
    const problem = profileProblem(config as CliConfig, source.profile);
    if (problem) throw fail(describeSource(source), problem);
  }
  if (source.kind === 'default-chain') {
    const problem = environmentProblem();
    if (problem) throw fail('the environment', problem);
    if (config?.state === 'invalid') warn?.(`${invalidConfig(config.line)}: skipped while looking for credentials`);
  }
  const credential = createCredential(source);
  try {
    const model = await credential.getCredential();
    if (!model.accessKeyId || !model.accessKeySecret) throw new Error('the provider returned an empty AccessKey');
    redactor.add(model.accessKeySecret, model.securityToken);
    const name = source.kind === 'default-chain' ? chainSourceName(model.providerName, config as CliConfig) : describeSource(source);
    return { credential, source: name };
  } catch (error) {
    // the default chain's own message lists every provider's failure, and quotes a broken config file: never shown
    if (source.kind === 'default-chain') {
      throw new CredentialsError(`No usable Alibaba Cloud credentials: tried ${describeSource(source)}. ${FIX_HINT}`, { cause: error });
    }
    throw fail(describeSource(source), redactor.text(error instanceof Error ? error.message : String(error)), error);
  }
}
