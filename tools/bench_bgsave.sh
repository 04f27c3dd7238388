#!/usr/bin/env bash
# tools/bench_bgsave.sh - GET latency while a BGSAVE runs, and the fork's
# copy-on-write cost, for Tern and redis-server.
#
# Usage: tools/bench_bgsave.sh
#
# Both servers are started fresh (--save '' --appendonly no, private temp
# dirs) and loaded with the same KEYS string keys of VALUE bytes (one
# generated file, through redis-cli --pipe). Then, ROUNDS times, each server
# gets two redis-benchmark GET runs (-c 50, -r KEYS, REQUESTS requests):
#   idle:   nothing else happening;
#   bgsave: one connection re-sends BGSAVE every 50 ms, so a child is
#           writing the snapshot for (nearly) the whole run.
# The runs alternate servers and modes (the order flips every round) so
# that the machine's noise lands on both alike. The BGSAVE driver is one
# python process on one connection: a loop of redis-cli INFO | tr | sed
# (the old driver) forked ~150 processes a second next to the server and
# was itself a large part of what the bgsave run measured.
# Reported per server: every round's p99 (idle/bgsave), the medians of p50
# and p99, the ratio of the p99 medians (the issue asks for <= 2x), the
# BGSAVEs started, and after a last BGSAVE on the idle dataset:
# rdb_last_cow_size and used_memory (the fork must not double the memory
# of an idle dataset).
#
# The servers are not pinned: the BGSAVE child must be free to run on
# another CPU. redis-benchmark runs on the last CPU when there are at least
# 2. On a shared machine the figures move a lot from run to run: compare
# the servers within one run, and look at every round.
#
# Environment:
#   TERN_BIN   server under test (default build/tern-server)
#   REDIS_BIN  reference server (default redis-server)
#   KEYS       keys to load (default 1000000)
#   VALUE      value size in bytes (default 100)
#   REQUESTS   GET requests per run (default 1000000)
#   ROUNDS     rounds of (idle, bgsave) runs per server (default 3)
# Writes nothing into the repository: everything lives in a mktemp -d dir.
set -euo pipefail

TERN_BIN=${TERN_BIN:-build/tern-server}
REDIS_BIN=${REDIS_BIN:-redis-server}
KEYS=${KEYS:-1000000}
VALUE=${VALUE:-100}
REQUESTS=${REQUESTS:-1000000}
ROUNDS=${ROUNDS:-3}

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

# gen FILE: KEYS SET commands with VALUE random-ish bytes each
# (incompressible enough that the snapshot has real work to do).
gen() {
    python3 - "$KEYS" "$VALUE" >"$1" <<'EOF'
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

# bgsave_loop PORT STOPFILE: BGSAVE every 50 ms on one connection until
# STOPFILE exists (a refusal while one runs costs the server one error
# reply); prints how many were started.
bgsave_loop() {
    python3 - "$1" "$2" <<'EOF'
import os, socket, sys, time
port, stop = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port))
f = s.makefile("rb")
n = 0
while not os.path.exists(stop):
    s.sendall(b"BGSAVE\r\n")
    if f.readline().startswith(b"+Background saving started"):
        n += 1
    time.sleep(0.05)
print(n)
EOF
}

# run NAME MODE: one GET run on server NAME, idle or under bgsave; appends
# "p50 p99 [bgsaves]" to $WORK/NAME.MODE.
run() {
    local name=$1 mode=$2 port loop p50 p99
    port=$(cat "$WORK/$name/port")
    if [ "$mode" = idle ]; then
        read -r p50 p99 < <(get_run "$port")
        echo "$p50 $p99" >>"$WORK/$name.$mode"
        return
    fi
    rm -f "$WORK/stop"
    bgsave_loop "$port" "$WORK/stop" >"$WORK/count" &
    loop=$!
    sleep 0.2
    read -r p50 p99 < <(get_run "$port")
    touch "$WORK/stop"
    wait "$loop"
    wait_no_bgsave "$port"
    echo "$p50 $p99 $(cat "$WORK/count")" >>"$WORK/$name.$mode"
}

# median FILE COLUMN
median() {
    sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report() { # report NAME
    local name=$1 port cow mem i99 b99 rounds
    port=$(cat "$WORK/$name/port")
    # COW of one BGSAVE of the idle dataset (nothing writes meanwhile).
    redis-cli -p "$port" BGSAVE >/dev/null
    wait_no_bgsave "$port"
    cow=$(info "$port" rdb_last_cow_size)
    mem=$(info "$port" used_memory)
    i99=$(median "$WORK/$name.idle" 2)
    b99=$(median "$WORK/$name.bgsave" 2)
    rounds=$(paste -d/ <(cut -d' ' -f2 "$WORK/$name.idle") <(cut -d' ' -f2 "$WORK/$name.bgsave") |
        paste -sd' ')
    printf '%-6s %8s %8s %9s %9s %6s %7s %12s %12s %6s  %s\n' "$name" \
        "$(median "$WORK/$name.idle" 1)" "$i99" "$(median "$WORK/$name.bgsave" 1)" "$b99" \
        "$(awk -v a="$b99" -v b="$i99" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')" \
        "$(awk '{ n += $3 } END { print n }' "$WORK/$name.bgsave")" "$cow" "$mem" \
        "$(awk -v a="$cow" -v b="$mem" 'BEGIN { printf "%.1f%%", (b > 0) ? 100 * a / b : 0 }')" \
        "$rounds"
}

gen "$WORK/data"
for name in tern redis; do
    bin=$TERN_BIN
    [ "$name" = redis ] && bin=$REDIS_BIN
    start_server "$name" "$bin"
    echo "$SRV_PORT" >"$WORK/$name/port"
    redis-cli -p "$SRV_PORT" --pipe <"$WORK/data" >/dev/null
    loaded=$(redis-cli -p "$SRV_PORT" DBSIZE)
    [ "$loaded" = "$KEYS" ] || { echo "bench_bgsave: $name loaded $loaded keys" >&2; exit 1; }
done
rm -f "$WORK/data"

for r in $(seq "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then
        order="tern:idle redis:idle tern:bgsave redis:bgsave"
    else
        order="redis:bgsave tern:bgsave redis:idle tern:idle"
    fi
    for step in $order; do
        run "${step%%:*}" "${step#*:}"
    done
done

echo "GET latency (ms) with and without a BGSAVE running; $KEYS keys of $VALUE bytes," \
    "medians of $ROUNDS rounds of $REQUESTS requests"
printf '%-6s %8s %8s %9s %9s %6s %7s %12s %12s %6s  %s\n' server idle_p50 idle_p99 bgsave_p50 \
    bgsave_p99 ratio bgsaves cow_bytes used_memory cow% "p99 idle/bgsave per round"
report tern
report redis
for name in tern redis; do
    redis-cli -p "$(cat "$WORK/$name/port")" SHUTDOWN NOSAVE >/dev/null 2>&1 || true
done
