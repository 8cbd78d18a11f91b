#!/usr/bin/env bash
# Stops a test cluster started by start.sh, by the pids in its pid files (never by name),
# checking that each pid still is that daemon of that folder. The data is in memory, so
# daemons that do not exit within a second are killed outright; nothing is lost.
#
# Usage: stop.sh [DIR] [--dir DIR] [--rgw-only] [--remove]
#   --rgw-only   stop only the gateway (an outage; start.sh --rgw-only brings it back)
#   --remove     delete DIR afterwards (only a folder start.sh made)
set -uo pipefail
D=${RGW_DIR:-/tmp/chartclerk-rgw}
RGW_ONLY=0
REMOVE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) D=$2; shift 2 ;;
    --rgw-only) RGW_ONLY=1; shift ;;
    --remove) REMOVE=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "stop.sh: unknown option $1" >&2; exit 2 ;;
    *) D=$1; shift ;;
  esac
done
[ -d "$D" ] || exit 0
names="client.rgw.test osd.0 mon.a"
[ "$RGW_ONLY" = 1 ] && names="client.rgw.test"

# Alive and not a zombie (in containers nobody may reap a daemon that was killed).
alive() { [ -r "/proc/$1/stat" ] && [ "$(sed -E 's/^.*\) //' "/proc/$1/stat" | cut -d' ' -f1)" != Z ]; }
pids=()
for n in $names; do
  f="$D/$n.pid"
  [ -f "$f" ] || continue
  p=$(cat "$f" 2>/dev/null)
  case "$p" in ''|*[!0-9]*) rm -f "$f"; continue ;; esac
  # Only our daemon: its command line names this folder's ceph.conf.
  if [ -r "/proc/$p/cmdline" ] && tr '\0' ' ' <"/proc/$p/cmdline" | grep -qF -- "$D/ceph.conf"; then
    kill -TERM "$p" 2>/dev/null && pids+=("$p")
  fi
  rm -f "$f"
done
any_alive() { for p in "${pids[@]}"; do alive "$p" && return 0; done; return 1; }
for _ in $(seq 1 10); do any_alive || break; sleep 0.1; done
for p in "${pids[@]}"; do alive "$p" && kill -KILL "$p" 2>/dev/null; done
# Until they are gone (a restart needs the ports).
for _ in $(seq 1 40); do any_alive || break; sleep 0.05; done
if [ "$REMOVE" = 1 ] && [ "$RGW_ONLY" = 0 ] && [ -f "$D/ceph.conf" ] && grep -q '^# chartclerk test cluster' "$D/ceph.conf"; then
  rm -rf "$D"
fi
exit 0
