// Where the history lives, as `--store` / `store.path` give it: a postgres:// or postgresql:// connection string
// selects the PostgreSQL store, anything else is the SQLite file. Kept free of imports so the config can use it.

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export function isPostgresUrl(location: string): boolean {
  return POSTGRES_URL.test(location);
}

/**
 * The location as it may be printed: a connection string without its password (in the userinfo or as a
 * `password` parameter). A string that does not parse as a URL is not printed at all.
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
  if (url.searchParams.has('password')) url.searchParams.set('password', 'REDACTED');
  return url.toString();
}

/** The password a connection string carries, to scrub from driver messages. */
export function locationPassword(location: string): string | undefined {
  if (!isPostgresUrl(location)) return undefined;
  try {
    const url = new URL(location);
    const password = url.password ? decodeURIComponent(url.password) : url.searchParams.get('password');
    return password || undefined;
  } catch {
    return undefined;
  }
}
