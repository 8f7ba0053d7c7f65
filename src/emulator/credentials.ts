// Who may call the emulator, and checking that a request was really signed by them. Static
// credentials come from the caller of startEmulator; AssumeRole adds short-lived STS sessions.
import { randomBytes } from 'node:crypto';
import {
  accessKeyInactive,
  accessKeyNotFound,
  ApiError,
  incompleteSignature,
  signatureMismatch,
  tokenExpired,
  tokenMalformed,
} from './api-error.js';
import { acs3Signature, parseAcs3Authorization, rpcV1Signature, safeEqual, sha256Hex } from './signature.js';

export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export type Identity =
  | { type: 'Account' }
  | { type: 'RAMUser'; userName: string }
  | { type: 'AssumedRoleUser'; roleName: string; sessionName: string };

export interface Caller {
  accessKeyId: string;
  /** the account the credential belongs to: the emulator's account, or the member an assumed role is in */
  accountId: string;
  identity: Identity;
}

interface Registered extends EmulatorCredential {
  accountId: string;
  identity: Identity;
  expiresAt?: number;
}

/** The parts of an HTTP request that authentication reads. */
export interface SignedRequest {
  method: string;
  path: string;
  query: ReadonlyMap<string, string>;
  /** query and form-body parameters together (what the v1 signature covers) */
  params: ReadonlyMap<string, string>;
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  body: Buffer;
}

export interface SigningKey {
  secret: string;
  caller: Caller;
  tokenProblem(token: string | undefined, now: number): 'malformed' | 'expired' | undefined;
}

/** Headers the SDK always signs; a signature without them does not bind the request. */
const REQUIRED_SIGNED_HEADERS = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

export class CredentialStore {
  readonly #byAccessKeyId = new Map<string, Registered>();
  readonly #inactiveKeys: ReadonlySet<string>;

  /** `credentials` are static ones of the account `accountId`, whose RAM index `identify` reads */
  constructor(
    credentials: readonly EmulatorCredential[],
    accountId: string,
    identify: (accessKeyId: string) => Identity,
    inactiveKeys: ReadonlySet<string>,
  ) {
    this.#inactiveKeys = inactiveKeys;
    for (const credential of credentials) {
      this.#byAccessKeyId.set(credential.accessKeyId, { ...credential, accountId, identity: identify(credential.accessKeyId) });
    }
  }

  /** Issues STS credentials for a role of account `accountId`; the emulator accepts them until they expire. */
  issueSession(accountId: string, roleName: string, sessionName: string, durationSeconds: number, now: number) {
    const session: Registered = {
      accountId,
      accessKeyId: `STS.${randomBytes(12).toString('base64url')}`,
      accessKeySecret: randomBytes(24).toString('base64url'),
      securityToken: `CAIS${randomBytes(48).toString('base64url')}`,
      identity: { type: 'AssumedRoleUser', roleName, sessionName },
      expiresAt: now + durationSeconds * 1000,
    };
    this.#byAccessKeyId.set(session.accessKeyId, session);
    return { ...session, expiration: new Date(session.expiresAt!) };
  }

  /** Verifies the request's signature and token; returns the caller or throws the gateway's error. */
  authenticate(request: SignedRequest, now: number): Caller {
    const authorization = request.headers.authorization?.[0];
    if (authorization?.startsWith('ACS3-')) return this.#verifyAcs3(request, authorization, now);
    if (request.params.has('Signature')) return this.#verifyRpcV1(request, now);
    throw incompleteSignature('no Authorization header and no Signature parameter');
  }

  /**
   * For a gateway that checks a signature of its own and answers with its own codes (Log Service): the key's
   * secret, the caller it authenticates, and what is wrong with the security token sent, if anything; the
   * account may have disabled the key.
   */
  signingKey(accessKeyId: string): SigningKey | 'inactive' | undefined {
    if (this.#inactiveKeys.has(accessKeyId)) return 'inactive';
    const credential = this.#byAccessKeyId.get(accessKeyId);
    if (!credential) return undefined;
    return {
      secret: credential.accessKeySecret,
      caller: { accessKeyId, accountId: credential.accountId, identity: credential.identity },
      tokenProblem: (token, now) => {
        try {
          this.#checkToken(credential, token, now);
          return undefined;
        } catch (error) {
          return error instanceof ApiError && error.code === tokenExpired().code ? 'expired' : 'malformed';
        }
      },
    };
  }

  #verifyAcs3(request: SignedRequest, authorization: string, now: number): Caller {
    const parsed = parseAcs3Authorization(authorization);
    if (!parsed) throw incompleteSignature('malformed Authorization header');
    if (parsed.algorithm !== 'ACS3-HMAC-SHA256') throw incompleteSignature(`unsupported algorithm ${parsed.algorithm}`);
    const missing = REQUIRED_SIGNED_HEADERS.filter((name) => !parsed.signedHeaders.includes(name));
    if (missing.length > 0) throw incompleteSignature(`headers not signed: ${missing.join(', ')}`);
    const absent = parsed.signedHeaders.filter((name) => request.headers[name] === undefined);
    if (absent.length > 0) throw incompleteSignature(`signed headers missing from the request: ${absent.join(', ')}`);
    const payloadHash = request.headers['x-acs-content-sha256']![0]!;
    const credential = this.#lookup(parsed.accessKeyId);
    const expected = acs3Signature({ ...request, signedHeaders: parsed.signedHeaders, payloadHash }, credential.accessKeySecret);
    if (!safeEqual(expected, parsed.signature)) throw signatureMismatch();
    if (!safeEqual(payloadHash, sha256Hex(request.body))) {
      throw new ApiError(400, 'SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the request body.');
    }
    this.#checkToken(credential, request.headers['x-acs-security-token']?.[0], now);
    return { accessKeyId: credential.accessKeyId, accountId: credential.accountId, identity: credential.identity };
  }

  #verifyRpcV1(request: SignedRequest, now: number): Caller {
    const accessKeyId = request.params.get('AccessKeyId');
    if (!accessKeyId) throw incompleteSignature('no AccessKeyId parameter');
    if (request.params.get('SignatureMethod') !== 'HMAC-SHA1') throw incompleteSignature('SignatureMethod must be HMAC-SHA1');
    const credential = this.#lookup(accessKeyId);
    const expected = rpcV1Signature(request.params, request.method, credential.accessKeySecret);
    if (!safeEqual(expected, request.params.get('Signature')!)) throw signatureMismatch();
    this.#checkToken(credential, request.params.get('SecurityToken'), now);
    return { accessKeyId, accountId: credential.accountId, identity: credential.identity };
  }

  #lookup(accessKeyId: string): Registered {
    if (this.#inactiveKeys.has(accessKeyId)) throw accessKeyInactive();
    const credential = this.#byAccessKeyId.get(accessKeyId);
    if (!credential) throw accessKeyNotFound();
    return credential;
  }

  #checkToken(credential: Registered, token: string | undefined, now: number): void {
    if (credential.securityToken === undefined) {
      if (token) throw tokenMalformed();
      return;
    }
    if (!token || !safeEqual(token, credential.securityToken)) throw tokenMalformed();
    if (credential.expiresAt !== undefined && now >= credential.expiresAt) throw tokenExpired();
  }
}
