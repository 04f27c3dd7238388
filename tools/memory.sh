#!/usr/bin/env bash
# tools/memory.sh - memory per key, Tern vs redis-server (RSS before/after
# loading MEM_KEYS keys per dataset). Same as `tools/bench.sh memory`; see
# that file for the environment variables (TERN_BIN, REDIS_BIN, MEM_KEYS,
# MEM_DATASETS).
exec bash "$(dirname "$0")/bench.sh" memory
