#!/usr/bin/env bash
# tools/redis-suite.sh - run Redis 7.0.15's own test suite against Tern.
#
# Usage: tools/redis-suite.sh [UNIT ...]      e.g. unit/type/list unit/expire
#
# Downloads Redis's source release as Debian ships it (the .orig tarball of
# the redis 7.0.15 package, checked against its SHA-256) into build/redis-src
# once, and runs its Tcl suite (`runtest`) in external-server mode: for each
# unit, a fresh tern-server (persistence off, DEBUG enabled) in a private
# temporary directory, then `runtest --host --port --single UNIT --clients 1`.
# Tests tagged needs:repl (replication, which Tern lacks) are skipped by tag;
# tests tagged external:skip are skipped by runtest itself in this mode.
# Each run works on a private copy of the suite (runtest wipes its tests/tmp
# at start, so two runs must not share a tree) and random base ports.
# Nothing from the tarball is copied into the repository.
#
# Prints each unit's failures and a per-unit tally, and ends on
# "N passed, M failed" (a unit that stops with an exception or a test
# timeout counts as one failure more). Exit status 1 if anything failed.
#
# Environment:
#   TERN_BIN    server under test (default build/tern-server)
#   SUITE_TAGS  extra runtest --tags arguments (default "-needs:repl")
#   SUITE_DIR   where the source goes (default build/redis-src)
#   VERBOSE=1   print every test line, not only failures
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
TERN_BIN=${TERN_BIN:-$ROOT/build/tern-server}
SUITE_DIR=${SUITE_DIR:-$ROOT/build/redis-src}
SUITE_TAGS=${SUITE_TAGS:--needs:repl}
URL=http://deb.debian.org/debian/pool/main/r/redis/redis_7.0.15.orig.tar.gz
SHA256=4b1dc4ee6d622a09fff9c6777191209750fb5e5a725ef78ea012d6eef4c22982
SRC=$SUITE_DIR/redis-7.0.15

# Units that exercise what Tern implements (see redis-compat.md).
DEFAULT_UNITS="unit/type/incr unit/type/string unit/type/list unit/type/list-2 unit/type/list-3
unit/type/hash unit/type/set unit/type/zset unit/keyspace unit/expire unit/scan unit/sort
unit/multi unit/pubsub unit/tracking unit/info-command unit/quit unit/auth unit/protocol
unit/pause unit/dump unit/latency-monitor unit/slowlog unit/introspection-2 unit/info
unit/bitops unit/bitfield unit/other"

for tool in tclsh curl sha256sum tar redis-cli; do
    command -v "$tool" >/dev/null || { echo "redis-suite: $tool is missing" >&2; exit 2; }
done
[ -x "$TERN_BIN" ] || { echo "redis-suite: $TERN_BIN not found (run make)" >&2; exit 2; }

if [ ! -x "$SRC/runtest" ]; then
    mkdir -p "$SUITE_DIR"
    tgz=$SUITE_DIR/redis_7.0.15.orig.tar.gz
    curl -fsSL -o "$tgz" "$URL"
    echo "$SHA256  $tgz" | sha256sum -c --quiet - ||
        { echo "redis-suite: checksum mismatch for $tgz" >&2; rm -f "$tgz"; exit 2; }
    tar -xzf "$tgz" -C "$SUITE_DIR"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tern-suite.XXXXXX")
SRV_PID=
cleanup() {
    if [ -n "$SRV_PID" ]; then { kill -9 "$SRV_PID" && wait "$SRV_PID"; } 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_tern DIR: a fresh server in DIR; sets SRV_PID and PORT.
start_tern() {
    local dir=$1 i
    PORT=$(free_port)
    (cd "$dir" && exec "$TERN_BIN" --port "$PORT" --save '' --appendonly no \
        --enable-debug-command yes >"$dir/tern.log" 2>&1) &
    SRV_PID=$!
    for i in $(seq 100); do
        [ "$(redis-cli -p "$PORT" PING 2>/dev/null)" = PONG ] && return 0
        sleep 0.05
    done
    echo "redis-suite: tern-server did not start; log:" >&2
    cat "$dir/tern.log" >&2
    exit 2
}

# A private copy of the suite: runtest cleans tests/tmp when it starts.
RUN_SRC=$WORK/redis
mkdir -p "$RUN_SRC/src"
cp -r "$SRC/runtest" "$SRC/tests" "$RUN_SRC/"
BASEPORT=$((20000 + RANDOM % 30000))

units=("$@")
[ ${#units[@]} -gt 0 ] || read -r -a units <<<"$(echo $DEFAULT_UNITS)"
total_ok=0 total_err=0
tags=()
for t in $SUITE_TAGS; do tags+=(--tags "$t"); done
for unit in "${units[@]}"; do
    dir=$WORK/${unit//\//_}
    mkdir -p "$dir"
    start_tern "$dir"
    out=$dir/runtest.out
    (cd "$RUN_SRC" && ./runtest --host 127.0.0.1 --port "$PORT" --single "$unit" --clients 1 \
        --baseport "$BASEPORT" --timeout 120 "${tags[@]}" >"$out" 2>&1) || true
    # Strip colour codes; count [ok] / [err] / [exception] lines.
    sed -i 's/\x1b\[[0-9;]*m//g' "$out"
    ok=$(grep -c '^\[ok\]' "$out" || true)
    err=$(grep -c '^\[err\]' "$out" || true)
    exc=$(grep -c '^\[exception\]\|^\[TIMEOUT\]' "$out" || true)
    if [ "${VERBOSE:-0}" = 1 ]; then cat "$out"; else
        grep -A3 '^\[err\]\|^\[exception\]\|^\[TIMEOUT\]' "$out" | head -40 || true
    fi
    alive=yes
    redis-cli -p "$PORT" PING >/dev/null 2>&1 || alive="NO (crashed: see below)"
    printf '%-26s ok %4d  err %3d  exception %d  server alive: %s\n' "$unit" "$ok" "$err" "$exc" \
        "$alive"
    [ "$alive" = yes ] || tail -20 "$dir/tern.log"
    total_ok=$((total_ok + ok))
    total_err=$((total_err + err + exc))
    { kill "$SRV_PID" && wait "$SRV_PID"; } 2>/dev/null || true
    SRV_PID=
done
echo "$total_ok passed, $total_err failed"
[ "$total_err" -eq 0 ]
