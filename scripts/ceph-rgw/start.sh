#!/usr/bin/env bash
# A real S3 server for tests and benchmarks: a one-node Ceph (monitor + in-memory OSD +
# RADOS Gateway) on 127.0.0.1, no systemd, no root needed once the packages are installed
# (Debian: radosgw ceph-mon ceph-osd ceph-common curl). Ready in about 1.5-4 s.
#
# Usage: start.sh [DIR] [--dir DIR] [--rgw-port N] [--mon-port N] [--rgw-only]
#   DIR          where the cluster lives (config, keyring, logs, pid files); default $RGW_DIR or /tmp/chartclerk-rgw
#   --rgw-port   S3 port (default $RGW_PORT or 17480); --mon-port: monitor port (default $MON_PORT or 16789)
#   --rgw-only   start only the gateway again in an existing DIR (after stop.sh --rgw-only): an outage that ends
# Keys: $S3_ACCESS_KEY / $S3_SECRET_KEY (test keys; defaults below). On success prints one line
# "rgw ready on http://127.0.0.1:PORT after Ns" and writes DIR/s3.env; on failure exits non-zero
# with the end of the logs, after stopping whatever it started.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
D=${RGW_DIR:-/tmp/chartclerk-rgw}
MON_PORT=${MON_PORT:-16789}
RGW_PORT=${RGW_PORT:-17480}
RGW_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) D=$2; shift 2 ;;
    --rgw-port) RGW_PORT=$2; shift 2 ;;
    --mon-port) MON_PORT=$2; shift 2 ;;
    --rgw-only) RGW_ONLY=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "start.sh: unknown option $1" >&2; exit 2 ;;
    *) D=$1; shift ;;
  esac
done
AK=${S3_ACCESS_KEY:-chartclerktestkey}
SK=${S3_SECRET_KEY:-chartclerktestsecret}
T0=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - T0) / 1000000 ))" | sed -E 's/^([0-9]*)([0-9]{3})$/\1.\2/; s/^\./0./'; }

for cmd in ceph-mon ceph-osd radosgw radosgw-admin ceph ceph-authtool monmaptool curl timeout; do
  command -v "$cmd" >/dev/null 2>&1 || {
    echo "start.sh: $cmd is not installed. Install: apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd ceph-common curl" >&2
    exit 3
  }
done
case "$RGW_PORT$MON_PORT" in *[!0-9]*) echo "start.sh: ports must be numbers" >&2; exit 2 ;; esac
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_rgw() {
  for _ in $(seq 1 900); do   # up to ~90 s: on a busy machine radosgw takes a while to create its pools
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$RGW_PORT/" && return 0
    if [ -f "$D/client.rgw.test.pid" ] && ! kill -0 "$(cat "$D/client.rgw.test.pid")" 2>/dev/null; then return 1; fi
    sleep 0.1
  done
  return 1
}
show_logs() {
  for f in "$D"/*.log "$D"/*.out; do [ -s "$f" ] && { echo "--- $f" >&2; tail -n 15 "$f" >&2; }; done
  return 0
}

C=(-c "$D/ceph.conf")
if [ "$RGW_ONLY" = 1 ]; then
  [ -f "$D/ceph.conf" ] || { echo "start.sh: $D holds no cluster; start it without --rgw-only" >&2; exit 2; }
  RGW_PORT=$(sed -n 's/^rgw frontends = beast endpoint=127.0.0.1:\([0-9]*\).*$/\1/p' "$D/ceph.conf")
  port_busy "$RGW_PORT" && { echo "start.sh: port $RGW_PORT is already in use" >&2; exit 4; }
  radosgw "${C[@]}" -n client.rgw.test 2>>"$D/rgw.out"
  wait_for_rgw || { echo "start.sh: radosgw did not come back" >&2; show_logs; exit 1; }
  echo "rgw ready on http://127.0.0.1:$RGW_PORT after $(elapsed)s"
  exit 0
fi

# Never wipe a folder that is not ours.
if [ -e "$D" ]; then
  if [ -f "$D/ceph.conf" ] && grep -q '^# chartclerk test cluster' "$D/ceph.conf"; then
    "$here/stop.sh" --dir "$D" >/dev/null 2>&1 || true
    rm -rf "$D"
  elif [ -d "$D" ] && [ -z "$(ls -A "$D")" ]; then
    rmdir "$D"
  else
    echo "start.sh: $D exists and is not a test cluster folder; choose another --dir" >&2
    exit 2
  fi
fi
for p in "$MON_PORT" "$RGW_PORT"; do
  port_busy "$p" && { echo "start.sh: port $p is already in use; choose other ports" >&2; exit 4; }
done
[ ${#D} -lt 80 ] || { echo "start.sh: $D is too long for Ceph's admin sockets; use a shorter --dir" >&2; exit 2; }

mkdir -p "$D/mon.a" "$D/osd.0" "$D/rgw"
failed() {
  local rc=$?
  echo "start.sh: starting the test cluster in $D failed (exit $rc)" >&2
  show_logs
  "$here/stop.sh" --dir "$D" >/dev/null 2>&1 || true
  exit "$rc"
}
trap failed ERR

FSID=$(cat /proc/sys/kernel/random/uuid)
cat > "$D/ceph.conf" <<CONF
# chartclerk test cluster (scripts/ceph-rgw/start.sh); in memory, loopback only
[global]
fsid = $FSID
mon host = v1:127.0.0.1:$MON_PORT
mon initial members = a
public network = 127.0.0.0/8
ms bind msgr2 = false
run dir = $D
log file = $D/\$name.log
pid file = $D/\$name.pid
admin socket = $D/\$name.asok
keyring = $D/keyring
mon cluster log file = $D/cluster.\$channel.log
log to stderr = false
err to stderr = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
[mon]
mon data = $D/mon.\$id
mon_tick_interval = 1
paxos propose interval = 0.05
paxos min wait = 0.01
[osd]
osd data = $D/osd.\$id
osd objectstore = memstore
osd crush update on start = false
osd class update on start = false
memstore device bytes = 4294967296
[client.rgw.test]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT tcp_nodelay=1
rgw data = $D/rgw
rgw thread pool size = 64
rgw enable usage log = false
rgw lc debug interval = 10
CONF
K="$D/keyring"
ceph-authtool --create-keyring "$K" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-authtool "$K" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
ceph-authtool "$K" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap osd 'allow *' >/dev/null
ceph-authtool "$K" --gen-key -n client.rgw.test --cap mon 'allow rw' --cap osd 'allow rwx' >/dev/null
monmaptool --create --fsid "$FSID" --addv a "[v1:127.0.0.1:$MON_PORT]" "$D/monmap" >/dev/null
ceph-mon "${C[@]}" --mkfs -i a --monmap "$D/monmap" --keyring "$K" 2>>"$D/mon.out"
ceph-mon "${C[@]}" -i a 2>>"$D/mon.out"                      # daemonizes
OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
OSD_ID=$(timeout 30 ceph "${C[@]}" --connect-timeout 20 osd new "$OSD_UUID" 2>>"$D/ceph.out")
timeout 30 ceph "${C[@]}" osd crush add "osd.$OSD_ID" 1.0 root=default >/dev/null 2>>"$D/ceph.out"
ceph-osd "${C[@]}" -i "$OSD_ID" --mkfs --osd-uuid "$OSD_UUID" >/dev/null 2>>"$D/osd.out"
ceph-osd "${C[@]}" -i "$OSD_ID" 2>>"$D/osd.out"               # daemonizes
radosgw "${C[@]}" -n client.rgw.test 2>>"$D/rgw.out"          # daemonizes; creates its pools on first start
wait_for_rgw || { echo "start.sh: radosgw did not answer on port $RGW_PORT" >&2; false; }
ok=0
for _ in $(seq 1 20); do
  if timeout 30 radosgw-admin "${C[@]}" user create --uid=test --display-name=test --access-key="$AK" --secret-key="$SK" >/dev/null 2>>"$D/ceph.out"; then ok=1; break; fi
  sleep 0.2
done
[ "$ok" = 1 ] || { echo "start.sh: could not create the S3 user" >&2; false; }
trap - ERR
cat > "$D/s3.env" <<ENV
S3_ENDPOINT=127.0.0.1
S3_PORT=$RGW_PORT
S3_USE_SSL=false
S3_REGION=us-east-1
MON_PORT=$MON_PORT
ENV
echo "rgw ready on http://127.0.0.1:$RGW_PORT after $(elapsed)s"
