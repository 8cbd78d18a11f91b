#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the tests (Debian's `postgresql` package).
# usage: start.sh --dir DIR --port PORT [--password-file FILE]    prints the connection URL
#   (without the password) on success
# - initdb refuses to run as root: as root the cluster runs as the `postgres` user (runuser),
#   and DIR is made writable for it.
# - with --password-file: connections over TCP need that password (scram-sha-256), as a real
#   server would; without it, trust. Only the local socket in DIR is trusted (for createdb).
# - listens on 127.0.0.1 only, fsync off (the data is thrown away after the run).
# stop.sh --dir DIR [--remove] stops it.
set -euo pipefail
dir='' port='' pwfile=''
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --password-file) pwfile=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] && [ -n "$port" ] || { echo "usage: start.sh --dir DIR --port PORT" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: run scripts/install-test-deps.sh (or apt-get install -y postgresql)" >&2
  exit 1
fi
mkdir -p "$dir" && chmod 777 "$dir"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
auth=(--auth-local=trust --auth-host=trust)
if [ -n "$pwfile" ]; then
  # initdb reads the file as the cluster's user: give it its own copy.
  cp "$pwfile" "$dir/pwfile" && chmod 644 "$dir/pwfile"
  auth=(--auth-local=trust --auth-host=scram-sha-256 "--pwfile=$dir/pwfile")
fi
[ -f "$dir/pg/PG_VERSION" ] || as_pg "$bin/initdb" -D "$dir/pg" "${auth[@]}" -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { tail -n 20 "$dir/pg.log" >&2; exit 1; }
rm -f "$dir/pwfile"
as_pg "$bin/createdb" -h "$dir" -p "$port" -U postgres chartclerk
echo "postgres://postgres@127.0.0.1:$port/chartclerk"
