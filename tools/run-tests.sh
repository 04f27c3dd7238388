#!/usr/bin/env bash
# run-tests.sh: run Tern's test suites and print one closing line
# "N passed, M failed".
#
# Usage: tools/run-tests.sh [unit|integration|compat|random|record]...
#   (no argument = unit integration compat random)
#   record   re-record tests/compat/golden/*.golden from redis-server
#
# Environment:
#   B                    build directory (default build)
#   TERN_SERVER          server binary for integration + compat (default $B/tern-server)
#   TERN_VALGRIND=1      run unit binaries under valgrind --error-exitcode=1
#   TERN_SANITIZED=1     the binaries are ASAN/UBSAN builds (longer timeouts)
#   TERN_COMPAT_ONLY     space-separated script names to run (default: all)
#   TERN_COMPAT_ORACLE   oracle binary (default redis-server from PATH)
#
# Unit and integration binaries are cmocka programs: their "[  PASSED  ] N
# test(s)." and "[  FAILED  ] M test(s)" lines are summed; a binary that exits
# non-zero without reporting a failure counts as one failure (a crash, a
# valgrind error, a leak). Compat: when the oracle redis-server is present,
# every script is recorded from it into $B/compat/golden and Tern is compared
# with that live recording (a difference from the committed golden is only a
# note); otherwise Tern is compared with tests/compat/golden.
set -u
cd "$(dirname "$0")/.."

B=${B:-build}
export B
SERVER=${TERN_SERVER:-$B/tern-server}
ORACLE=${TERN_COMPAT_ORACLE:-$(command -v redis-server || true)}
RUNNER=$B/tests/compat-runner
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tern-tests.XXXXXX")
PASSED=0
FAILED=0
SERVER_PIDS=()
TIMEOUT=300
[ "${TERN_SANITIZED:-0}" = 1 ] && TIMEOUT=900

cleanup() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do
        kill -KILL "$pid" 2>/dev/null
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# fail_detail FILE: print a failed binary's output, bounded.
fail_detail() {
    local n
    n=$(wc -l <"$1")
    if [ "$n" -gt 200 ]; then
        head -n 100 "$1"
        echo "    ... ($((n - 200)) lines cut) ..."
        tail -n 100 "$1"
    else
        cat "$1"
    fi | sed 's/^/    /'
}

# run_cmocka KIND BIN [wrapper...]: run one cmocka binary, add its counts.
run_cmocka() {
    local kind=$1 bin=$2 out="$TMP/out" rc p f name
    shift 2
    name=$(basename "$bin")
    timeout "$TIMEOUT" "$@" "$bin" >"$out" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1 # crashed, timed out (124), valgrind/sanitizer error or leak
        echo "$kind $name: exit status $rc without a reported failure (counted as 1 failure)"
    fi
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "$kind $name: no cmocka summary (counted as 1 failure)"
    fi
    echo "$kind $name: $p passed, $f failed"
    [ "$f" -gt 0 ] && fail_detail "$out"
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
}

suite_unit() {
    local bin wrap=()
    if [ "${TERN_VALGRIND:-0}" = 1 ]; then
        wrap=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite)
    fi
    for bin in "$B"/tests/test_*; do
        [ -x "$bin" ] || continue
        run_cmocka unit "$bin" "${wrap[@]}"
    done
}

suite_integration() {
    local bin
    if [ ! -x "$SERVER" ]; then
        echo "integration: $SERVER is missing (counted as 1 failure)"
        FAILED=$((FAILED + 1))
        return
    fi
    for bin in "$B"/tests/itest_*; do
        [ -x "$bin" ] || continue
        TERN_SERVER=$SERVER run_cmocka integration "$bin"
    done
    # RESP3 push frames through Debian's redis-py (prints cmocka-style lines).
    TERN_SERVER=$SERVER run_cmocka integration tests/integration/test_push.py
}

# ping_port PORT: succeed if something answers PING with +PONG.
ping_port() {
    local line
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    printf 'PING\r\n' >&3
    read -r -t 1 line <&3 || line=
    exec 3<&- 3>&-
    [ "${line%$'\r'}" = "+PONG" ]
}

# start_server BIN LOGNAME: start BIN on a free port with the compat
# configuration; sets STARTED_PORT and STARTED_PID. Returns 1 on failure.
start_server() {
    local bin=$1 log="$TMP/$2.log" dir="$TMP/$2.dir" try port pid i
    mkdir -p "$dir"
    for try in 1 2 3 4 5; do
        port=$("$RUNNER" --free-port) || return 1
        "$bin" --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
            --dir "$dir" --enable-debug-command local >"$log" 2>&1 &
        pid=$!
        for i in $(seq 1 100); do
            if ping_port "$port"; then
                STARTED_PORT=$port
                STARTED_PID=$pid
                SERVER_PIDS+=("$pid")
                return 0
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.05
        done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    echo "compat: $bin did not start; its log:"
    sed 's/^/    /' "$log" | tail -n 20
    return 1
}

# stop_server PID: SIGTERM, wait up to 10 s (then SIGKILL); sets STOP_RC to
# the exit status (128+N for a signal). Not for use in $(...): only this
# shell can wait for its children.
stop_server() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    STOP_RC=$?
    local keep=() p
    for p in "${SERVER_PIDS[@]}"; do
        [ "$p" = "$pid" ] || keep+=("$p")
    done
    SERVER_PIDS=("${keep[@]}")
}

# add_summary KIND NAME RC OUT: add the "NAME: N passed, M failed" line in
# file OUT to the totals and print it; a non-zero exit status RC with no
# reported failure counts as one failure. Sets SUM_FAILED to this run's M.
add_summary() {
    local kind=$1 name=$2 rc=$3 out=$4 line p f
    line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$out" | tail -n 1)
    p=$(echo "$line" | sed -n 's/^[^:]*: \([0-9]*\) passed.*/\1/p')
    f=$(echo "$line" | sed -n 's/.* passed, \([0-9]*\) failed.*/\1/p')
    p=${p:-0}
    f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "$kind $name: exit status $rc (counted as 1 failure)"
    fi
    echo "$kind ${line:-$name: no summary}"
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    SUM_FAILED=$f
}

compat_scripts() {
    local s name
    for s in tests/compat/scripts/*.txt; do
        name=$(basename "$s" .txt)
        if [ -n "${TERN_COMPAT_ONLY:-}" ] && [[ " $TERN_COMPAT_ONLY " != *" $name "* ]]; then
            continue
        fi
        echo "$s"
    done
}

# record_all DESTDIR: record every script's golden from the oracle.
# Returns 1 if the oracle could not be used.
record_all() {
    local dest=$1 s name rc
    mkdir -p "$dest"
    start_server "$ORACLE" oracle || return 1
    local oport=$STARTED_PORT opid=$STARTED_PID
    for s in $(compat_scripts); do
        name=$(basename "$s" .txt)
        "$RUNNER" --port "$oport" --record "$dest/$name.golden" "$s" >"$TMP/rec.out" 2>&1
        rc=$?
        if [ "$rc" -ne 0 ]; then
            echo "compat: recording $name from the oracle failed (counted as 1 failure):"
            fail_detail "$TMP/rec.out"
            FAILED=$((FAILED + 1))
        fi
    done
    stop_server "$opid"
}

suite_compat() {
    local golden=tests/compat/golden s name rc line p f
    if [ ! -x "$RUNNER" ]; then
        echo "compat: $RUNNER is missing (counted as 1 failure)"
        FAILED=$((FAILED + 1))
        return
    fi
    if [ -n "$ORACLE" ] && [ -x "$ORACLE" ]; then
        golden=$B/compat/golden
        if record_all "$golden"; then
            for s in $(compat_scripts); do
                name=$(basename "$s" .txt)
                if ! cmp -s "$golden/$name.golden" "tests/compat/golden/$name.golden"; then
                    echo "compat: note: live $ORACLE replies for $name differ from the committed golden" \
                        "(tools/compat-record.sh updates it)"
                fi
            done
        else
            echo "compat: note: oracle unusable; comparing with the committed goldens"
            golden=tests/compat/golden
        fi
    else
        echo "compat: note: redis-server not found; comparing with the committed goldens"
    fi
    if [ ! -x "$SERVER" ] || ! start_server "$SERVER" tern; then
        echo "compat: $SERVER is missing or did not start (counted as 1 failure)"
        FAILED=$((FAILED + 1))
        return
    fi
    local tport=$STARTED_PORT tpid=$STARTED_PID
    for s in $(compat_scripts); do
        name=$(basename "$s" .txt)
        if [ ! -f "$golden/$name.golden" ]; then
            echo "compat $name: no golden file (counted as 1 failure)"
            FAILED=$((FAILED + 1))
            continue
        fi
        "$RUNNER" --port "$tport" --golden "$golden/$name.golden" "$s" >"$TMP/cmp.out" 2>&1
        add_summary compat "$name" $? "$TMP/cmp.out"
        grep -v -E "^$name: [0-9]+ passed" "$TMP/cmp.out" | sed 's/^/    /'
        if ! kill -0 "$tpid" 2>/dev/null; then
            echo "compat: $SERVER died during $name; log tail:"
            tail -n 30 "$TMP/tern.log" | sed 's/^/    /'
            FAILED=$((FAILED + 1))
            start_server "$SERVER" tern || return
            tport=$STARTED_PORT tpid=$STARTED_PID
        fi
    done
    stop_server "$tpid"
    if [ "$STOP_RC" -ne 0 ]; then
        echo "compat: $SERVER exited with status $STOP_RC on SIGTERM (counted as 1 failure); log tail:"
        tail -n 30 "$TMP/tern.log" | sed 's/^/    /'
        FAILED=$((FAILED + 1))
    fi
}

# The randomized differential test: the same seeded command streams sent to
# the oracle and to Tern, every reply compared (one test per seed and
# group). It needs a live redis-server, which `make test` installs.
suite_random() {
    local bin=$B/tests/random-diff out="$TMP/random.out"
    if [ -z "$ORACLE" ] || [ ! -x "$ORACLE" ]; then
        echo "random: redis-server not found; the randomized differential test needs it (counted as 1 failure)"
        FAILED=$((FAILED + 1))
        return
    fi
    if [ ! -x "$bin" ] || [ ! -x "$SERVER" ]; then
        echo "random: $bin or $SERVER is missing (counted as 1 failure)"
        FAILED=$((FAILED + 1))
        return
    fi
    start_server "$ORACLE" random-oracle || { FAILED=$((FAILED + 1)); return; }
    local oport=$STARTED_PORT opid=$STARTED_PID
    if ! start_server "$SERVER" random-tern; then
        stop_server "$opid"
        FAILED=$((FAILED + 1))
        return
    fi
    local tport=$STARTED_PORT tpid=$STARTED_PID
    timeout "$TIMEOUT" "$bin" --port-a "$oport" --port-b "$tport" \
        --seeds "${TERN_RANDOM_SEEDS:-50}" --ops "${TERN_RANDOM_OPS:-2000}" >"$out" 2>&1
    add_summary random random_diff $? "$out"
    [ "$SUM_FAILED" -gt 0 ] && fail_detail "$out"
    # helper F (issue 5): keyspace events, same two servers (notify_diff.c).
    if [ -x "$B/tests/notify-diff" ]; then
        timeout "$TIMEOUT" "$B/tests/notify-diff" --port-a "$oport" --port-b "$tport" \
            --seeds "${TERN_NOTIFY_SEEDS:-10}" --ops 300 >"$TMP/notify.out" 2>&1
        add_summary random notify_diff $? "$TMP/notify.out"
        [ "$SUM_FAILED" -gt 0 ] && fail_detail "$TMP/notify.out"
    else
        echo "random: $B/tests/notify-diff is missing (counted as 1 failure)"
        FAILED=$((FAILED + 1))
    fi
    stop_server "$tpid"
    if [ "$STOP_RC" -ne 0 ]; then
        echo "random: $SERVER exited with status $STOP_RC on SIGTERM (counted as 1 failure)"
        FAILED=$((FAILED + 1))
    fi
    stop_server "$opid"
}

suite_record() {
    if [ -z "$ORACLE" ] || [ ! -x "$ORACLE" ] || [ ! -x "$RUNNER" ]; then
        echo "record: needs redis-server and $RUNNER (make $RUNNER)"
        FAILED=$((FAILED + 1))
        return
    fi
    record_all tests/compat/golden && echo "record: wrote tests/compat/golden/ from $("$ORACLE" --version)"
}

suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(unit integration compat random)
for s in "${suites[@]}"; do
    case $s in
    unit | integration | compat | random | record) "suite_$s" ;;
    *)
        echo "usage: $0 [unit|integration|compat|random|record]..." >&2
        exit 2
        ;;
    esac
done
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
