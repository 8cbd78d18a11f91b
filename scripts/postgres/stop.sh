#!/usr/bin/env bash
# Stops the cluster scripts/postgres/start.sh started in DIR; --remove also deletes DIR.
set -euo pipefail
dir='' remove=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --remove) remove=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || { echo "usage: stop.sh --dir DIR [--remove]" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$bin" ] && [ -f "$dir/pg/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/pg" -m immediate -w stop >/dev/null || true
  else "$bin/pg_ctl" -D "$dir/pg" -m immediate -w stop >/dev/null || true; fi
fi
[ "$remove" -eq 0 ] || rm -rf "$dir"
