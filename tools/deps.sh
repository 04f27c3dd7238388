#!/usr/bin/env bash
# deps.sh: make sure what `make test` needs is installed.
#
# Required: a C compiler, make, libhiredis-dev and libcmocka-dev (integration
# and unit tests), and redis-server and redis-tools: the oracle the compat and
# randomized differential suites compare Tern with (redis-benchmark and
# redis-cli for the tools). As root, missing packages are installed with
# apt-get; otherwise the exact command is printed and the script fails.
set -u

required=()
wanted=()
command -v cc >/dev/null 2>&1 || required+=(gcc)
command -v make >/dev/null 2>&1 || required+=(make)
[ -f /usr/include/hiredis/hiredis.h ] || required+=(libhiredis-dev)
[ -f /usr/include/cmocka.h ] || required+=(libcmocka-dev)
command -v redis-server >/dev/null 2>&1 || required+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || required+=(redis-tools)
# python3-redis (Debian's, for /usr/bin/python3): tests/integration/test_push.py
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import redis' >/dev/null 2>&1 || required+=(python3-redis)
if [ "${1:-}" = valgrind ]; then
    command -v valgrind >/dev/null 2>&1 || required+=(valgrind)
fi

missing=("${required[@]}" "${wanted[@]}")
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/tern-deps.log 2>&1; then
        apt-get update -q >>/tmp/tern-deps.log 2>&1
        if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/tern-deps.log 2>&1; then
            echo "deps: apt-get install failed; see /tmp/tern-deps.log"
            tail -n 20 /tmp/tern-deps.log
            [ ${#required[@]} -eq 0 ] || exit 1
        fi
    fi
    exit 0
fi

echo "deps: missing packages; run:"
echo "  sudo apt-get install -y ${missing[*]}"
exit 1
