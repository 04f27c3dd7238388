#!/usr/bin/env bash
# compat-record.sh: re-record the committed compat goldens
# (tests/compat/golden/*.golden) from the local redis-server, after adding or
# editing a script. Review the diff before committing: a golden is the spec.
# Usage: tools/compat-record.sh [script-name...]   (default: every script)
set -eu
cd "$(dirname "$0")/.."
B=${B:-build}
make --no-print-directory "$B/tests/compat-runner"
if [ $# -gt 0 ]; then
    export TERN_COMPAT_ONLY="$*"
fi
B=$B bash tools/run-tests.sh record
