/* notify_diff_corpus: the fixed command stream and the random templates of
 * notify_diff.c (included there only). */

static const char *const corpus[] = {
    /* strings */
    "SET s1 hello", "SET s1 world", "SET s1 x NX", "SET s1 y XX", "SET s1 z GET", "SETNX s2 a",
    "SETNX s2 b", "SETEX s3 100 v", "PSETEX s4 100000 v", "SET s5 v EX 100", "SET s5 v KEEPTTL",
    "MSET m1 a m2 b", "MSETNX m3 a m1 b", "MSETNX m3 a m4 b", "APPEND s1 more", "APPEND s6 new",
    "SETRANGE s1 2 XY", "SETRANGE s7 3 pad", "SETRANGE s7 0 \"\"", "INCR n1", "INCRBY n1 5",
    "DECR n1", "DECRBY n1 2", "INCRBYFLOAT f1 1.5", "GETSET s1 old", "GETDEL s1", "GETDEL s1",
    "SET g1 v", "GETEX g1 EX 100", "GETEX g1 PERSIST", "GETEX g1", "GETEX g1 PX 0",
    "SET g2 v", "GETEX g2 EXAT 1", "GET nokey", "MGET nokey s2", "STRLEN s2", "LCS s2 s6",
    /* keys */
    "DEL s2 s3 nokey", "UNLINK s4", "EXISTS s5", "EXPIRE s5 1000", "EXPIRE s5 1000 NX",
    "PEXPIRE s5 2000000", "EXPIREAT s5 4000000000", "PEXPIREAT s5 4000000000000", "PERSIST s5",
    "PERSIST s5", "SET e1 v", "EXPIRE e1 0", "SET e2 v", "EXPIRE e2 -5", "SET e3 v",
    "PEXPIREAT e3 1", "SET r1 v", "RENAME r1 r2", "RENAME r2 r2", "SET r3 w", "RENAME r2 r3",
    "RENAMENX r3 r4", "SET r5 x", "RENAMENX r4 r5", "RENAME nokey r9", "MOVE r4 1", "SELECT 1",
    "GET r4", "MOVE r4 0", "SET r4 dup", "MOVE r4 0", "SELECT 0", "COPY r5 c1", "COPY r5 c1",
    "COPY r5 c1 REPLACE", "COPY r5 c2 DB 1", "TOUCH r5 nokey", "TYPE r5", "@noreply RANDOMKEY",
    "RESTORE rs1 0 \"\\x00\\x05hello\\n\\x00cr\\xdfve4 \\n\"",
    "RESTORE rs1 0 \"\\x00\\x05hello\\n\\x00cr\\xdfve4 \\n\" REPLACE",
    "RESTORE rl1 0 \"\\x12\\x01\\x02\\x10\\x10\\x00\\x00\\x00\\x03\\x00\\x81a\\x02\\x81b\\x02\\x81c\\x02\\xff\\n\\x00\\xc8\\x18\\xb9\\x0c\\x953R\\x9e\"",
    "RESTORE rs2 100000 \"\\x00\\x05hello\\n\\x00cr\\xdfve4 \\n\"",
    /* expiry: lazy (active off), then active */
    "DEBUG SET-ACTIVE-EXPIRE 0", "SET lx 1 PX 20", "@sleep 60", "GET lx", "SET lx2 v PX 20",
    "@sleep 60", "SET lx2 again", "RPUSH lx3 a", "PEXPIRE lx3 20", "@sleep 60", "LPUSH lx3 b",
    "DEBUG SET-ACTIVE-EXPIRE 1", "SET ax 1 PX 20", "@sleep 500", "EXISTS ax",
    /* lists */
    "LPUSH l1 a b c", "RPUSH l1 d", "LPUSHX l1 e", "RPUSHX l1 f", "LPUSHX nol x", "LPOP l1",
    "RPOP l1 2", "LINSERT l1 BEFORE b z", "LINSERT l1 BEFORE nothere z", "LSET l1 0 q",
    "LREM l1 1 z", "LTRIM l1 0 1", "LTRIM l1 5 10", "RPUSH l2 a b c", "RPOPLPUSH l2 l3",
    "LMOVE l2 l3 LEFT RIGHT", "LMOVE l2 l2 LEFT RIGHT", "LMPOP 2 nol l2 LEFT", "LPOP l2",
    "LPOP l3 5", "RPUSH l4 x", "LPOS l4 x", "LRANGE l4 0 -1", "LINDEX l4 0", "LLEN l4",
    /* blocking pops */
    "@block BLPOP bl1 0", "LPUSH bl1 v1 v2", "@unblock", "@block BRPOP bl2 0", "RPUSH bl2 a",
    "@unblock", "@block BLMOVE bl3 bl4 LEFT RIGHT 0", "RPUSH bl3 m", "@unblock",
    "@block BZPOPMIN bz1 0", "ZADD bz1 1 a 2 b", "@unblock", "@block BLMPOP 0 1 bl5 RIGHT",
    "RPUSH bl5 a b", "@unblock", "@block BZMPOP 0 1 bz2 MAX", "ZADD bz2 1 a", "@unblock",
    "@block BRPOPLPUSH bl6 bl7 0", "LPUSH bl6 q", "@unblock",
    /* sets */
    "SADD t1 a b c", "SADD t1 a", "SREM t1 a", "SREM t1 zz", "SMOVE t1 t2 b", "SMOVE t1 t2 nope",
    "@noreply SPOP t2", "SADD t3 1 2 3", "@noreply SPOP t3 2", "@noreply SPOP t3 5", "SADD u1 a b c", "SADD u2 b c d",
    "SINTERSTORE u3 u1 u2", "SUNIONSTORE u4 u1 u2", "SDIFFSTORE u5 u1 u2", "SINTERSTORE u3 u1 nos",
    "SDIFFSTORE u4 nos u1", "SISMEMBER u1 a", "@noreply SRANDMEMBER u1", "SMEMBERS nos", "SREM u1 a b c",
    /* hashes */
    "HSET h1 f1 v1 f2 v2", "HSET h1 f1 v3", "HSETNX h1 f1 x", "HSETNX h1 f3 x", "HMSET h1 a b",
    "HINCRBY h1 n 5", "HINCRBYFLOAT h1 fl 1.5", "HDEL h1 f1 nof", "HDEL h1 nof", "HGET h1 f2",
    "HDEL h1 f2 f3 a n fl", "HGETALL h1",
    /* sorted sets */
    "ZADD z1 1 a 2 b 3 c", "ZADD z1 1 a", "ZADD z1 INCR 5 a", "ZINCRBY z1 2 b", "ZREM z1 c",
    "ZREM z1 nope", "ZADD z2 1 x 2 y 3 z 4 w", "ZREMRANGEBYSCORE z2 1 1", "ZREMRANGEBYRANK z2 0 0",
    "ZREMRANGEBYLEX z2 - +", "ZADD z3 1 a 2 b 3 c", "ZPOPMIN z3", "ZPOPMAX z3 5",
    "ZADD z4 1 a 2 b", "ZADD z5 2 b 3 c", "ZUNIONSTORE z6 2 z4 z5", "ZINTERSTORE z7 2 z4 z5",
    "ZDIFFSTORE z8 2 z4 z5", "ZINTERSTORE z7 2 z4 noz", "ZRANGESTORE z9 z4 0 -1",
    "ZRANGESTORE z9 z4 5 6", "ZMPOP 1 z4 MIN", "ZSCORE z5 b",
    /* SORT STORE */
    "RPUSH sl 3 1 2", "SORT sl STORE so1", "SORT sl STORE so1", "SORT nol STORE so1",
    "SORT_RO sl",
    /* bitmaps: "setbit" only on a change, BITOP "set"/"del", BITFIELD once per call */
    "SETBIT bm1 7 1", "SETBIT bm1 7 1", "SETBIT bm1 100 0", "SETBIT bm1 100 0", "GETBIT bm1 7",
    "GETBIT nokey 1", "BITCOUNT bm1", "BITCOUNT nokey", "BITPOS nokey 1", "BITPOS bm1 1",
    "BITOP OR bm2 bm1 nokey", "BITOP NOT bm2 bm2", "BITOP AND bm2 nokey", "BITOP AND bm2 nokey",
    "BITFIELD bm3 SET u8 0 1", "BITFIELD bm3 SET u8 0 1", "BITFIELD bm3 GET u8 0",
    "BITFIELD nokey GET u8 0", "BITFIELD bm4 OVERFLOW FAIL INCRBY u8 0 300",
    "BITFIELD bm4 OVERFLOW FAIL INCRBY u8 0 300", "BITFIELD_RO bm3 GET u8 0",
    "BITFIELD bm3 INCRBY u8 0 1 INCRBY u8 8 1 SET u8 16 0", "SET bm5 7", "SETBIT bm5 0 0",
    /* type changes, deletes of every type, flush */
    "SET l1 now-a-string", "DEL t2 u4 z5 h1 so1", "SWAPDB 0 1", "SWAPDB 0 1", "FLUSHDB",
    "SET after flush", "FLUSHALL",
};

/* Random templates: "<family char>:<command>"; {k} is a key of the family. */
static const char *const templates[] = {
    "s:SET {k} {v}", "s:APPEND {k} {v}", "s:INCR {k}", "s:INCRBY {k} {n}", "s:GETDEL {k}",
    "s:SETRANGE {k} {n} {v}", "s:GETEX {k} PERSIST", "s:SETNX {k} {v}", "s:INCRBYFLOAT {k} 1.5",
    "s:GETSET {k} {v}", "s:MSET {k} {v} {k} {v}", "s:GET {k}", "s:SETBIT {k} {n} 1",
    "s:SETBIT {k} 9 0", "s:BITOP OR {k} {k} {K}", "s:BITOP NOT {k} {k}", "s:BITOP AND {k} nokey",
    "s:BITFIELD {k} INCRBY u8 {n} 1", "s:BITFIELD {k} OVERFLOW FAIL INCRBY u2 0 3",
    "s:BITFIELD {k} SET u8 0 0", "s:BITCOUNT {k}",
    "l:LPUSH {k} {v}", "l:RPUSH {k} {v} {v}", "l:LPOP {k}", "l:RPOP {k} 2", "l:LSET {k} 0 {v}",
    "l:LREM {k} 0 {v}", "l:LTRIM {k} 1 -1", "l:LINSERT {k} AFTER {v} {v}",
    "l:LMOVE {k} {k} LEFT RIGHT", "l:RPOPLPUSH {k} {K}", "l:LMPOP 1 {k} LEFT COUNT 2",
    "t:SADD {k} {f} {f}", "t:SREM {k} {f}", "t:@noreply SPOP {k} 100", "t:SMOVE {k} {k} {f}",
    "t:SINTERSTORE {k} {k} {K}", "t:SUNIONSTORE {k} {k} {k}", "t:SDIFFSTORE {k} {k} {K}",
    "h:HSET {k} {f} {v}", "h:HDEL {k} {f}", "h:HINCRBY {k} {f} {n}", "h:HSETNX {k} {f} {v}",
    "h:HINCRBYFLOAT {k} {f} 2.5",
    "z:ZADD {k} {n} {f}", "z:ZINCRBY {k} {n} {f}", "z:ZREM {k} {f}", "z:ZPOPMIN {k}",
    "z:ZREMRANGEBYSCORE {k} 0 1", "z:ZUNIONSTORE {k} 2 {k} {K}", "z:ZINTERSTORE {k} 1 {k}",
    "z:ZRANGESTORE {k} {k} 0 1", "z:ZMPOP 1 {k} MAX",
    "x:DEL {K} {K}", "x:RENAME {K} {K}", "x:RENAMENX {K} {K}", "x:COPY {K} {K}",
    "x:COPY {K} {K} REPLACE", "x:MOVE {K} 1", "x:EXPIRE {K} 1000", "x:EXPIRE {K} 0",
    "x:PERSIST {K}", "x:PEXPIREAT {K} 1", "x:SORT {K} ALPHA STORE {K}", "x:UNLINK {K}",
    "x:TYPE {K}", "x:EXISTS {K}",
};
