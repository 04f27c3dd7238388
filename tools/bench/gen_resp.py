#!/usr/bin/env python3
"""Write a RESP command stream that loads N elements, for `redis-cli --pipe`.

Usage: gen_resp.py DATASET N          write the command stream to stdout
       gen_resp.py --info DATASET N   print "COMMANDS KEYS": the replies
                                      --pipe must report, and the DBSIZE after
Datasets (keep in step with MEM_DATASETS in tools/bench.sh); N counts
elements (a string key, a hash field, a set/zset member, a list element):
  string      SET key val             N keys, 16-byte key, 16-byte value
  string_ttl  SET key val EX 100000   same, plus a TTL on every key
  hash        HSET h f0 v .. f9 v     N/10 hashes of 10 fields f0..f9, 8-byte values
  set         SADD s i0 .. i9         N/10 sets of 10 integers (intset)
  zset        ZADD z sc m ...         one sorted set, N members "m%d", integer scores
  list        RPUSH l v ...           one list, N values "v%d"
Collections with one key are loaded 100 elements per command.
"""
import sys

BATCH = 100  # elements per command for the one-key datasets


def resp(args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def key(i):
    return b"key:%012d" % i


def val(i):
    return b"val:%012d" % i


def hash_cmd(i):
    args = [b"HSET", b"hash:%08d" % i]
    for j in range(10):
        args += [b"f%d" % j, b"%08d" % (i * 10 + j)]
    return args


def set_cmd(i):
    return [b"SADD", b"set:%08d" % i] + [b"%d" % (i * 10 + j) for j in range(10)]


def zset_cmd(i):
    args = [b"ZADD", b"zset"]
    for j in range(i * BATCH, (i + 1) * BATCH):
        args += [b"%d" % (j * 7 % 1000003), b"m%d" % j]
    return args


def list_cmd(i):
    return [b"RPUSH", b"list"] + [b"v%d" % j for j in range(i * BATCH, (i + 1) * BATCH)]


# name -> (command for index i, elements per command, one key per command?)
DATASETS = {
    "string": (lambda i: [b"SET", key(i), val(i)], 1, True),
    "string_ttl": (lambda i: [b"SET", key(i), val(i), b"EX", b"100000"], 1, True),
    "hash": (hash_cmd, 10, True),
    "set": (set_cmd, 10, True),
    "zset": (zset_cmd, BATCH, False),
    "list": (list_cmd, BATCH, False),
}


def main():
    argv = sys.argv[1:]
    info = bool(argv) and argv[0] == "--info"
    if info:
        argv = argv[1:]
    if len(argv) != 2 or argv[0] not in DATASETS:
        sys.exit("usage: gen_resp.py [--info] {%s} N" % "|".join(DATASETS))
    (make, per, keyed), n = DATASETS[argv[0]], int(argv[1])
    if n % per:
        sys.exit("gen_resp.py: N must be a multiple of %d for %s" % (per, argv[0]))
    ncmd = n // per
    if info:
        print(ncmd, ncmd if keyed else 1)
        return
    assert len(key(n - 1)) == 16 and len(val(n - 1)) == 16, "N too large for 16-byte keys"
    w = sys.stdout.buffer
    batch = []
    for i in range(ncmd):
        batch.append(resp(make(i)))
        if len(batch) == 10000:
            w.write(b"".join(batch))
            batch = []
    w.write(b"".join(batch))
    w.flush()


if __name__ == "__main__":
    main()
