#!/bin/sh
# Peak RSS of the whole CLI process scanning a snapshot (scripts/scale-snapshot.mjs makes one) with the JSON
# report, OCSF and NDJSON written, as a user runs it.   scripts/measure-rss.sh SNAPSHOT OUTDIR [extra flags]
set -e
snapshot=$1; out=$2; shift 2
mkdir -p "$out"
root=$(dirname "$0")/..
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v node "$root/dist/cli/main.js" scan --from-snapshot "$snapshot" \
    --format json --output "$out/a.json" --format ocsf --output "$out/b.ocsf.json" --format ndjson --output "$out/c.ndjson" "$@" \
    2>&1 | grep -E 'Maximum resident|Elapsed|Exit status'
else
  echo "/usr/bin/time not found" >&2; exit 1
fi
