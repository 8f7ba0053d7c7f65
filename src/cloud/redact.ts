// Keeps credentials out of every message that leaves the process. The v1 signature path puts the signed
// URL (AccessKeyId, SecurityToken, Signature) into SDK error messages, so both known secret values and the
// query parameters that carry them are scrubbed.

const SECRET_QUERY_PARAMS = /([?&](?:Signature|SecurityToken|AccessKeySecret|AccessKeyId)=)[^&\s"']+/gi;
const AUTHORIZATION_SIGNATURE = /(Signature=)[0-9a-f]{16,}/gi;
const REDACTED = '[REDACTED]';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Values never to print. Short values are ignored: redacting them would shred unrelated text. */
  add(...values: Array<string | undefined | null>): void {
    for (const value of values) {
      if (value && value.length >= 8) this.secrets.add(value);
    }
  }

  text(input: string): string {
    let output = input.replace(SECRET_QUERY_PARAMS, `$1${REDACTED}`).replace(AUTHORIZATION_SIGNATURE, `$1${REDACTED}`);
    for (const secret of this.secrets) output = output.split(secret).join(REDACTED);
    return output;
  }
}
