#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: a new cluster in a temp directory, listening on a
# loopback port only, with a random password; ALICLOUD_AUDIT_TEST_PG points the tests at it. The server is
# stopped and its directory deleted when the command ends, however it ends.
#
#   scripts/test-postgres.sh                      the store tests
#   scripts/test-postgres.sh npm test             any command
#   ALICLOUD_AUDIT_PG_PORT=5600 scripts/test-postgres.sh ...
#
# Needs Debian's `postgresql` package (installed with apt-get when missing and run as root). As root the server
# runs as the `postgres` user, since PostgreSQL refuses to run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${ALICLOUD_AUDIT_PG_PORT:-5544}"

bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
if [ -z "$(bindir)" ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(bindir)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "test-postgres: no PostgreSQL server binaries (install Debian's postgresql package)" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/alicloud-audit-pg.XXXXXX")"
as_server() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_server() { runuser -u postgres -- "$@"; }
fi
stop() {
  as_server "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
printf '%s\n' "$password" >"$dir/pw"
[ "$(id -u)" = 0 ] && chown postgres: "$dir/pw"
as_server "$bin/initdb" -D "$dir/data" -U audit --pwfile="$dir/pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pw"
if ! as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null; then
  echo "test-postgres: the server did not start on 127.0.0.1:$port (port taken? set ALICLOUD_AUDIT_PG_PORT):" >&2
  cat "$dir/server.log" >&2
  exit 1
fi

export ALICLOUD_AUDIT_TEST_PG="postgres://audit:${password}@127.0.0.1:${port}/postgres"
echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
if [ "$#" -eq 0 ]; then
  set -- npx vitest run tests/store.test.ts tests/store-delta.test.ts tests/store-history.test.ts tests/store-postgres.test.ts
fi
"$@"
