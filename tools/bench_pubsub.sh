#!/usr/bin/env bash
# tools/bench_pubsub.sh - Pub/Sub fan-out: Tern vs redis-server, same run.
#
# One publisher, SUBS subscribers (default 1,000) on one channel, MSGS
# messages (default 2,000) of SIZE bytes (default 64): the client
# (tools/bench/pubsub_fanout.c, built into $B/bench/) keeps at most WINDOW
# messages in flight beyond the slowest subscriber, so the run measures
# sustained delivery. Both servers are started fresh on free ports with
# --save '' --appendonly no, pinned to CPU 0 (the client runs on CPU 1 when
# there is one); the rounds alternate Tern, Redis, ... (ROUNDS each). Prints
# each round, then the median messages delivered per second of each server
# and the Tern/Redis ratio.
#
# Environment: TERN_BIN (default build/tern-server), REDIS_BIN (default
# redis-server), SUBS, MSGS, SIZE, WINDOW, ROUNDS (default 3), B (build dir).
set -euo pipefail
cd "$(dirname "$0")/.."

B=${B:-build}
TERN_BIN=${TERN_BIN:-$B/tern-server}
REDIS_BIN=${REDIS_BIN:-$(command -v redis-server || true)}
SUBS=${SUBS:-1000}
MSGS=${MSGS:-2000}
SIZE=${SIZE:-64}
WINDOW=${WINDOW:-64}
ROUNDS=${ROUNDS:-3}
CLIENT=$B/bench/pubsub_fanout
SERVER_CPU=0
CLIENT_CPU=$(($(nproc) > 1 ? 1 : 0))

[ -x "$TERN_BIN" ] || { echo "bench_pubsub: $TERN_BIN missing (make)"; exit 1; }
[ -n "$REDIS_BIN" ] || { echo "bench_pubsub: redis-server not found"; exit 1; }
mkdir -p "$B/bench"
if [ ! -x "$CLIENT" ] || [ tools/bench/pubsub_fanout.c -nt "$CLIENT" ]; then
    cc -std=c11 -O2 -Wall -Wextra -o "$CLIENT" tools/bench/pubsub_fanout.c
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -gt $((SUBS + 100)) ] || { echo "bench_pubsub: ulimit -n too low for $SUBS subscribers"; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/tern-bench-pubsub.XXXXXX")
PID=
cleanup() {
    [ -n "$PID" ] && kill -KILL "$PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# run_one BIN RESULTS: start BIN, run the client once, print its line,
# append its msg/s to the file RESULTS, stop BIN.
run_one() {
    local bin=$1 res=$2 port i out
    port=$(free_port)
    taskset -c "$SERVER_CPU" "$bin" --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --maxclients $((SUBS + 100)) --dir "$TMP" >"$TMP/server.log" 2>&1 &
    PID=$!
    for i in $(seq 1 100); do
        redis-cli -p "$port" ping >/dev/null 2>&1 && break
        sleep 0.05
    done
    out=$(taskset -c "$CLIENT_CPU" "$CLIENT" "$port" "$SUBS" "$MSGS" "$SIZE" "$WINDOW")
    kill -TERM "$PID"
    wait "$PID" 2>/dev/null || true
    PID=
    echo "$out"
    echo "$out" | sed -n 's/.*: \([0-9]*\) msg\/s.*/\1/p' >>"$res"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "pubsub fan-out: 1 publisher, $SUBS subscribers, $MSGS messages of $SIZE bytes, window $WINDOW, $ROUNDS rounds"
for r in $(seq 1 "$ROUNDS"); do
    echo -n "round $r tern:  "
    run_one "$TERN_BIN" "$TMP/tern.res"
    echo -n "round $r redis: "
    run_one "$REDIS_BIN" "$TMP/redis.res"
done
t=$(median <"$TMP/tern.res")
rd=$(median <"$TMP/redis.res")
printf '%-8s %14s\n' server "delivered/s"
printf '%-8s %14s\n' tern "$t" redis "$rd"
awk -v t="$t" -v r="$rd" 'BEGIN {printf "tern/redis %.2f\n", t / r}'
