#!/usr/bin/env bash
# fuzz.sh: build and run every libFuzzer harness (run by `make fuzz`).
#
# A harness is a file tests/fuzz/fuzz_<name>.c defining LLVMFuzzerTestOneInput.
# It names the server modules it links on a line of its own comment:
#     fuzz-deps: resp mem
# (server/resp.c and server/mem.c), or the single word ALL for every
# server/*.c except main.c (harnesses that need the keyspace and the types,
# such as the RDB loader). Optional companions:
#     tests/fuzz/corpus/<name>/   seed inputs (copied to a temp dir, so the
#                                 repository's corpus is never modified)
#     tests/fuzz/<name>.dict      a libFuzzer dictionary
# Adding a harness needs no change here: drop the file in tests/fuzz/.
#
# Usage: tools/fuzz.sh [name...]     (default: every harness)
# Environment: FUZZ_SECONDS (default 60) per harness, CLANG (default clang),
# FUZZ_JOBS extra libFuzzer flags. Crash inputs go to build/fuzz/artifacts/.
# Exits non-zero if a harness fails to build or finds a crash.
set -u
cd "$(dirname "$0")/.." || exit 2

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
CLANG=${CLANG:-clang}
OUT=build/fuzz
mkdir -p "$OUT/artifacts" "$OUT/logs"

if ! command -v "$CLANG" >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "fuzz: installing clang"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang \
            >"$OUT/logs/apt.log" 2>&1 ||
            { apt-get update -q >>"$OUT/logs/apt.log" 2>&1 &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang \
                  >>"$OUT/logs/apt.log" 2>&1; }
    fi
    if ! command -v "$CLANG" >/dev/null 2>&1; then
        echo "fuzz: $CLANG not found (apt-get install clang)"
        exit 2
    fi
fi

if [ $# -gt 0 ]; then
    harnesses=()
    for n in "$@"; do harnesses+=("tests/fuzz/fuzz_$n.c"); done
else
    harnesses=(tests/fuzz/fuzz_*.c)
fi

CFLAGS=(-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -Wall -Wextra -iquote server
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
passed=0
failed=0
for h in "${harnesses[@]}"; do
    [ -f "$h" ] || { echo "fuzz: no harness $h"; failed=$((failed + 1)); continue; }
    name=$(basename "$h" .c)
    name=${name#fuzz_}
    deps=$(sed -n 's/.*fuzz-deps:[[:space:]]*\([A-Za-z0-9_ ]*\).*/\1/p' "$h" | head -n 1)
    srcs=()
    for d in $deps; do
        if [ "$d" = ALL ]; then
            for f in server/*.c; do [ "$f" = server/main.c ] || srcs+=("$f"); done
        else
            srcs+=("server/$d.c")
        fi
    done
    bin="$OUT/fuzz_$name"
    log="$OUT/logs/$name.log"
    echo "fuzz: building $name (links: ${deps:-nothing})"
    if ! "$CLANG" "${CFLAGS[@]}" -o "$bin" "$h" "${srcs[@]}" -lm >"$log" 2>&1; then
        echo "fuzz: $name FAILED to build"
        tail -n 30 "$log"
        failed=$((failed + 1))
        continue
    fi

    work=$(mktemp -d "${TMPDIR:-/tmp}/tern-fuzz-$name.XXXXXX")
    if [ -d "tests/fuzz/corpus/$name" ]; then
        cp -R "tests/fuzz/corpus/$name/." "$work/"
    fi
    extra=()
    [ -f "tests/fuzz/$name.dict" ] && extra+=("-dict=tests/fuzz/$name.dict")
    echo "fuzz: running $name for ${FUZZ_SECONDS}s ($(ls "$work" | wc -l) seeds)"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$name-" \
        "${extra[@]}" ${FUZZ_JOBS:-} "$work" >>"$log" 2>&1
    rc=$?
    rm -rf "$work"
    stats=$(grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -n 1)
    if [ $rc -eq 0 ]; then
        echo "fuzz: $name ok: ${stats:-done}"
        passed=$((passed + 1))
    else
        echo "fuzz: $name FAILED (exit $rc); log $log, crash inputs in $OUT/artifacts/"
        grep -E 'ERROR|SUMMARY|Test unit written|deadly signal' "$log" | head -n 10
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
