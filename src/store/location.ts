// Where the history lives, as `--store` / `store.path` give it: a postgres:// or postgresql:// connection string
// selects the PostgreSQL store, anything else is the SQLite file. Kept free of imports so the config can use it.

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export function isPostgresUrl(location: string): boolean {
  return POSTGRES_URL.test(location);
}

/** Parameters of a connection string that carry a secret. */
const SECRET_PARAMS = ['password', 'sslpassword'];

/**
 * The location as it may be printed: a connection string without its password (in the userinfo or as a
 * `password` / `sslpassword` parameter). A string that does not parse as a URL is not printed at all.
 */
export function printableLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return 'postgres://[unparsable connection string]';
  }
  if (url.password) url.password = 'REDACTED';
  for (const name of SECRET_PARAMS) if (url.searchParams.has(name)) url.searchParams.set(name, 'REDACTED');
  return url.toString();
}

/** The password a connection string carries, to scrub from driver messages. */
export function locationPassword(location: string): string | undefined {
  if (!isPostgresUrl(location)) return undefined;
  try {
    const url = new URL(location);
    return (url.password ? decodeURIComponent(url.password) : url.searchParams.get('password')) || undefined;
  } catch {
    return undefined;
  }
}
