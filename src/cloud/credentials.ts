// Credentials: the @alicloud/credentials default chain (env, OIDC, ~/.aliyun/config.json, credentials file,
// ECS RAM role, credentials URI), a named CLI profile, or fixed keys (the demo). The credential is
// resolved once up front so that a missing or broken one fails with one clear sentence before any scan.
import CredentialsModule, { CLIProfileCredentialsProvider, Config as CredentialConfig } from '@alicloud/credentials';
import { CredentialsError } from '../errors.js';
import { AssumeRoleProvider, assumeRoleCredential, type AssumeRoleSettings } from './assume-role.js';
import { cjsDefault } from './cjs.js';
import type { EndpointOverride } from './clients.js';
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

/**
 * Resolve the credential now, register its secrets with the redactor, and fail with one sentence that says
 * what was tried when nothing yields a key. With `assumeRole`, the found credential assumes that role and
 * the scan runs as the role.
 */
export async function resolveCredential(
  source: CredentialSource,
  redactor: Redactor,
  options: { assumeRole?: AssumeRoleSettings; endpoint?: EndpointOverride } = {},
): Promise<AuditCredential> {
  const found = await resolveSource(source, redactor);
  if (!options.assumeRole) return found;
  const provider = new AssumeRoleProvider({
    source: found,
    settings: options.assumeRole,
    redactor,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  // assume once now, so a role that cannot be assumed fails before the scan starts
  await provider.getCredentials();
  return assumeRoleCredential(provider);
}

async function resolveSource(source: CredentialSource, redactor: Redactor): Promise<AuditCredential> {
  const credential = createCredential(source);
  try {
    const model = await credential.getCredential();
    if (!model.accessKeyId || !model.accessKeySecret) throw new Error('the provider returned an empty AccessKey');
    redactor.add(model.accessKeySecret, model.securityToken);
  } catch (error) {
    // the default chain's own message lists every provider's failure; it adds nothing a user can act on
    const reason = source.kind === 'default-chain' ? '' : ` (${redactor.text(error instanceof Error ? error.message : String(error))})`;
    throw new CredentialsError(`No usable Alibaba Cloud credentials: tried ${describeSource(source)}${reason}. ${FIX_HINT}`, {
      cause: error,
    });
  }
  return credential;
}
