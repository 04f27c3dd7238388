#!/usr/bin/env bash
# tools/bench_bgsave.sh - GET latency while a BGSAVE runs, and the fork's
# copy-on-write cost, for Tern and redis-server.
#
# Usage: tools/bench_bgsave.sh
#
# For each server: start it fresh (--save '' --appendonly no, private temp
# dir), load KEYS string keys of VALUE bytes through redis-cli --pipe, then
# run redis-benchmark GET (-c 50, -r KEYS, REQUESTS requests, --csv) twice:
#   idle:   nothing else happening;
#   bgsave: a loop issues BGSAVE again whenever none is running, so a child
#           is writing the snapshot for (nearly) the whole run.
# Reported per server: p50/p99 of both runs, the p99 ratio bgsave/idle (the
# issue asks for <= 2x), the number of BGSAVEs during the run, and after a
# final BGSAVE on the idle dataset: rdb_last_cow_size and used_memory (the
# fork must not double the memory of an idle dataset).
#
# The server is not pinned: the BGSAVE child must be free to run on another
# CPU (with both on one CPU the child steals the server's time and the
# measure is of the scheduler, not of the server). redis-benchmark runs on
# the last CPU when there are at least 2.
#
# Environment:
#   TERN_BIN   server under test (default build/tern-server)
#   REDIS_BIN  reference server (default redis-server)
#   KEYS       keys to load (default 1000000)
#   VALUE      value size in bytes (default 100)
#   REQUESTS   GET requests per run (default 1000000)
# Writes nothing into the repository: everything lives in a mktemp -d dir.
set -euo pipefail

TERN_BIN=${TERN_BIN:-build/tern-server}
REDIS_BIN=${REDIS_BIN:-redis-server}
KEYS=${KEYS:-1000000}
VALUE=${VALUE:-100}
REQUESTS=${REQUESTS:-1000000}

for tool in redis-benchmark redis-cli python3; do
    command -v "$tool" >/dev/null || { echo "bench_bgsave: $tool is missing" >&2; exit 1; }
done
TERN_BIN=$(cd "$(dirname "$TERN_BIN")" && pwd)/$(basename "$TERN_BIN")
REDIS_BIN=$(command -v "$REDIS_BIN")

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do
        { kill -9 "$p" && wait "$p"; } 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

BENCH_CPU=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    BENCH_CPU=(taskset -c "$(($(nproc) - 1))")
fi

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_server NAME BIN: sets SRV_PID, SRV_PORT.
start_server() {
    local name=$1 bin=$2 i
    SRV_PORT=$(free_port)
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && exec "$bin" --port "$SRV_PORT" --save '' --appendonly no \
        --dir "$WORK/$name" >"$WORK/$name/log" 2>&1) &
    SRV_PID=$!
    PIDS+=("$SRV_PID")
    for i in $(seq 200); do
        [ "$(redis-cli -p "$SRV_PORT" PING 2>/dev/null)" = PONG ] && return 0
        sleep 0.05
    done
    echo "bench_bgsave: cannot start $bin; log:" >&2
    cat "$WORK/$name/log" >&2
    exit 1
}

info() { # info PORT FIELD
    redis-cli -p "$1" INFO everything | tr -d '\r' | sed -n "s/^$2://p"
}

wait_no_bgsave() {
    while [ "$(info "$1" rdb_bgsave_in_progress)" != 0 ]; do sleep 0.05; done
}

# load PORT: KEYS keys of VALUE random-ish bytes (incompressible enough that
# the snapshot has real work to do).
load() {
    python3 - "$KEYS" "$VALUE" <<'EOF' | redis-cli -p "$1" --pipe >/dev/null
import os, sys
n, vlen = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
chunk = []
for i in range(n):
    k = b"key:%012d" % i
    v = os.urandom(vlen // 2 + 1).hex().encode()[:vlen]
    chunk.append(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(k), k, len(v), v))
    if len(chunk) == 10000:
        out.write(b"".join(chunk)); chunk = []
out.write(b"".join(chunk))
EOF
}

# get_run PORT: prints "p50 p99" of a GET run over the loaded keys.
get_run() {
    "${BENCH_CPU[@]}" redis-benchmark -p "$1" -t get -n "$REQUESTS" -c 50 -r "$KEYS" --csv 2>/dev/null |
        awk -F'"' '$2 == "GET" { print $10, $14 }'
}

# bgsave_loop PORT STOPFILE: BGSAVE back to back until STOPFILE exists;
# prints how many were started.
bgsave_loop() {
    local n=0
    while [ ! -e "$2" ]; do
        if [ "$(info "$1" rdb_bgsave_in_progress)" = 0 ]; then
            redis-cli -p "$1" BGSAVE >/dev/null
            n=$((n + 1))
        fi
        sleep 0.02
    done
    echo "$n"
}

measure() { # measure NAME BIN
    local name=$1 bin=$2
    start_server "$name" "$bin"
    local port=$SRV_PORT pid=$SRV_PID
    load "$port"
    local loaded
    loaded=$(redis-cli -p "$port" DBSIZE)
    [ "$loaded" = "$KEYS" ] || { echo "bench_bgsave: $name loaded $loaded keys" >&2; exit 1; }
    read -r idle50 idle99 < <(get_run "$port")
    rm -f "$WORK/stop"
    bgsave_loop "$port" "$WORK/stop" >"$WORK/$name.count" &
    local loop=$!
    sleep 0.2
    read -r bg50 bg99 < <(get_run "$port")
    touch "$WORK/stop"
    wait "$loop"
    wait_no_bgsave "$port"
    # COW of one BGSAVE of the idle dataset (nothing writes meanwhile).
    redis-cli -p "$port" BGSAVE >/dev/null
    wait_no_bgsave "$port"
    local cow mem
    cow=$(info "$port" rdb_last_cow_size)
    mem=$(info "$port" used_memory)
    printf '%-6s %8s %8s %9s %9s %6s %7s %12s %12s %6s\n' "$name" "$idle50" "$idle99" "$bg50" \
        "$bg99" "$(awk -v a="$bg99" -v b="$idle99" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')" \
        "$(cat "$WORK/$name.count")" "$cow" "$mem" \
        "$(awk -v a="$cow" -v b="$mem" 'BEGIN { printf "%.1f%%", (b > 0) ? 100 * a / b : 0 }')"
    redis-cli -p "$port" SHUTDOWN NOSAVE >/dev/null 2>&1 || true
    wait "$pid" 2>/dev/null || true
}

echo "GET latency (ms) with and without a BGSAVE running; $KEYS keys of $VALUE bytes"
printf '%-6s %8s %8s %9s %9s %6s %7s %12s %12s %6s\n' server idle_p50 idle_p99 bgsave_p50 \
    bgsave_p99 ratio bgsaves cow_bytes used_memory cow%
measure tern "$TERN_BIN"
measure redis "$REDIS_BIN"
