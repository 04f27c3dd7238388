#!/usr/bin/env python3
"""Write a RESP command stream that loads N keys, for `redis-cli --pipe`.

Usage: gen_resp.py DATASET N
Datasets (keep in step with MEM_DATASETS in tools/bench.sh):
  string      SET key val             16-byte key, 16-byte value
  string_ttl  SET key val EX 100000   same, plus a TTL on every key
Keys are "key:%012d" (16 bytes), values "val:%012d" (16 bytes).
Add a dataset by adding a function to DATASETS that returns one command's
argument list for index i.
"""
import sys


def resp(args):
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        out.append(b"$%d\r\n%s\r\n" % (len(a), a))
    return b"".join(out)


def key(i):
    return b"key:%012d" % i


def val(i):
    return b"val:%012d" % i


DATASETS = {
    "string": lambda i: [b"SET", key(i), val(i)],
    "string_ttl": lambda i: [b"SET", key(i), val(i), b"EX", b"100000"],
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in DATASETS:
        sys.exit("usage: gen_resp.py {%s} N" % "|".join(DATASETS))
    make, n = DATASETS[sys.argv[1]], int(sys.argv[2])
    assert len(key(n - 1)) == 16 and len(val(n - 1)) == 16, "N too large for 16-byte keys"
    w = sys.stdout.buffer
    batch = []
    for i in range(n):
        batch.append(resp(make(i)))
        if len(batch) == 10000:
            w.write(b"".join(batch))
            batch = []
    w.write(b"".join(batch))
    w.flush()


if __name__ == "__main__":
    main()
