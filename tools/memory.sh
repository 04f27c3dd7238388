#!/usr/bin/env bash
# tools/memory.sh - memory per element, Tern vs redis-server (RSS before/after
# loading MEM_KEYS elements per dataset: strings, hashes, sets, a sorted set,
# a list). Same as `tools/bench.sh memory`; see that file for the datasets and
# environment variables (TERN_BIN, REDIS_BIN, MEM_KEYS, MEM_DATASETS).
exec bash "$(dirname "$0")/bench.sh" memory
