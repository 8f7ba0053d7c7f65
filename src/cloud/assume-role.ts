// --role-arn: the scan runs as a RAM role assumed through STS AssumeRole with whatever credential the chain
// found. The STS call goes through the same SDK client, endpoint and signing as every other call (the
// credentials library's own role provider insists on https to Alibaba's STS hosts, so it cannot honour
// --endpoint-url). Credentials are refreshed before they expire, so a long scan never runs on a dead token.
import type { AssumeRoleResponseBody } from '@alicloud/sts20150401';
import CredentialsModule from '@alicloud/credentials';
import { CredentialsError } from '../errors.js';
import { cjsDefault } from './cjs.js';
import { CloudClients, runtimeOptions, type EndpointOverride } from './clients.js';
import type { AuditCredential, ResolvedCredential } from './credentials.js';
import type { Redactor } from './redact.js';
import { $Sts } from './sdk.js';

const Credential = cjsDefault(CredentialsModule);

export interface AssumeRoleSettings {
  roleArn: string;
  sessionName: string;
  /** 900 .. the role's MaxSessionDuration */
  durationSeconds: number;
}

/** Refresh when less than this share of the session is left (and at least 5 minutes before expiry). */
const REFRESH_SHARE = 0.2;
const REFRESH_FLOOR_MS = 5 * 60_000;

interface Session {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiresAt: number;
}

export class AssumeRoleProvider {
  private session: Session | undefined;
  private refreshing: Promise<Session> | undefined;
  private readonly clients: CloudClients;
  private readonly settings: AssumeRoleSettings;
  private readonly redactor: Redactor;
  private readonly now: () => number;

  constructor(options: {
    source: AuditCredential;
    settings: AssumeRoleSettings;
    endpoint?: EndpointOverride;
    redactor: Redactor;
    now?: () => number;
  }) {
    this.clients = new CloudClients({ credential: options.source, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
    this.settings = options.settings;
    this.redactor = options.redactor;
    this.now = options.now ?? Date.now;
  }

  getProviderName(): string {
    return 'assume-role';
  }

  /** The credentials library reads these four properties of what a provider returns. */
  async getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken: string; providerName: string }> {
    const session = this.needsRefresh() ? await this.refresh() : (this.session as Session);
    return {
      accessKeyId: session.accessKeyId,
      accessKeySecret: session.accessKeySecret,
      securityToken: session.securityToken,
      providerName: this.getProviderName(),
    };
  }

  private needsRefresh(): boolean {
    if (!this.session) return true;
    const margin = Math.max(REFRESH_FLOOR_MS, this.settings.durationSeconds * 1000 * REFRESH_SHARE);
    return this.session.expiresAt - this.now() < margin;
  }

  /** One AssumeRole at a time, however many requests ask for credentials meanwhile. */
  private refresh(): Promise<Session> {
    this.refreshing ??= this.assume().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async assume(): Promise<Session> {
    const { roleArn, sessionName, durationSeconds } = this.settings;
    let body: AssumeRoleResponseBody | undefined;
    try {
      ({ body } = await this.clients
        .sts()
        .assumeRoleWithOptions(new $Sts.AssumeRoleRequest({ roleArn, roleSessionName: sessionName, durationSeconds }), runtimeOptions()));
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
      throw new CredentialsError(`AssumeRole of ${roleArn} failed: ${this.redactor.text(code)}.`, { cause: error });
    }
    const issued = body?.credentials;
    if (!issued?.accessKeyId || !issued.accessKeySecret || !issued.securityToken || !issued.expiration) {
      throw new CredentialsError(`AssumeRole of ${roleArn} returned no complete credentials.`);
    }
    this.redactor.add(issued.accessKeySecret, issued.securityToken);
    const expiresAt = Date.parse(issued.expiration);
    // a session whose end is unknown could never be refreshed in time
    if (!Number.isFinite(expiresAt)) throw new CredentialsError(`AssumeRole of ${roleArn} returned an Expiration that is not a time.`);
    this.session = {
      accessKeyId: issued.accessKeyId,
      accessKeySecret: issued.accessKeySecret,
      securityToken: issued.securityToken,
      expiresAt,
    };
    return this.session;
  }
}

/** The found credential assuming the role: assumed once now, so a role that cannot be assumed fails before the scan. */
export async function assumeRole(
  found: ResolvedCredential,
  settings: AssumeRoleSettings,
  options: { redactor: Redactor; endpoint?: EndpointOverride },
): Promise<ResolvedCredential> {
  const provider = new AssumeRoleProvider({ source: found.credential, settings, ...options });
  await provider.getCredentials();
  return { credential: new Credential(null, provider), source: `the role ${settings.roleArn} (assumed with ${found.source})` };
}
