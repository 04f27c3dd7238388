/* rdb_int: what the RDB files share (rdb.c: stream IO and the file/payload
 * framing; rdb_save.c: one value written; rdb_load.c: one value read).
 * Not for other modules: they use rdb.h.
 *
 * The writer buffers output for a file descriptor (flushing every 64 KiB
 * and keeping a running CRC64 of what it flushed) or grows a memory buffer
 * (DUMP). The reader consumes a file descriptor through a 64 KiB buffer
 * (CRC64 of consumed bytes kept lazily) or a memory range (RESTORE); it
 * knows how many bytes remain when the source is a regular file or memory,
 * and every length read is checked against that before anything is
 * allocated.
 *
 * Must not know: clients, the reactor, fork.
 */
#ifndef TERN_RDB_INT_H
#define TERN_RDB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "rdb.h"
#include "util.h"

/* Value types and opcodes, as Redis numbers them. */
enum {
    RDB_TYPE_STRING = 0,
    RDB_TYPE_LIST = 1,
    RDB_TYPE_SET = 2,
    RDB_TYPE_ZSET = 3,
    RDB_TYPE_HASH = 4,
    RDB_TYPE_ZSET_2 = 5,
    RDB_TYPE_MODULE = 6,
    RDB_TYPE_MODULE_2 = 7,
    RDB_TYPE_HASH_ZIPMAP = 9,
    RDB_TYPE_LIST_ZIPLIST = 10,
    RDB_TYPE_SET_INTSET = 11,
    RDB_TYPE_ZSET_ZIPLIST = 12,
    RDB_TYPE_HASH_ZIPLIST = 13,
    RDB_TYPE_LIST_QUICKLIST = 14,
    RDB_TYPE_STREAM_LISTPACKS = 15,
    RDB_TYPE_HASH_LISTPACK = 16,
    RDB_TYPE_ZSET_LISTPACK = 17,
    RDB_TYPE_LIST_QUICKLIST_2 = 18,
    RDB_TYPE_STREAM_LISTPACKS_2 = 19,
    RDB_TYPE_SET_LISTPACK = 20,
    RDB_TYPE_STREAM_LISTPACKS_3 = 21,
};
enum {
    RDB_OPCODE_FUNCTION2 = 245,
    RDB_OPCODE_FUNCTION = 246,
    RDB_OPCODE_MODULE_AUX = 247,
    RDB_OPCODE_IDLE = 248,
    RDB_OPCODE_FREQ = 249,
    RDB_OPCODE_AUX = 250,
    RDB_OPCODE_RESIZEDB = 251,
    RDB_OPCODE_EXPIRETIME_MS = 252,
    RDB_OPCODE_EXPIRETIME = 253,
    RDB_OPCODE_SELECTDB = 254,
    RDB_OPCODE_EOF = 255,
};
/* Quicklist node containers (RDB_TYPE_LIST_QUICKLIST_2). */
#define RDB_QL_PLAIN  1
#define RDB_QL_PACKED 2

/* ---- writer ---- */
struct rdb_writer {
    struct util_sink out; /* out.fd -1: memory */
    unsigned char *buf;   /* pending bytes (fd) or the whole output (memory) */
    size_t len, cap;
    uint64_t crc;   /* of bytes flushed to fd */
    size_t written; /* bytes flushed to fd */
    int failed;     /* a write failed: later writes are dropped */
    int err_no;     /* errno of the failure */
};

void rdbw_init(struct rdb_writer *w, int fd);
void rdbw_free(struct rdb_writer *w);
void rdbw_put(struct rdb_writer *w, const void *p, size_t n);
void rdbw_byte(struct rdb_writer *w, int b);
/* A length (6, 14, 32 or 64 bit form). */
void rdbw_len(struct rdb_writer *w, uint64_t len);
/* A string as Redis's rdbSaveRawString: integer form when it is a
 * canonical integer of <= 11 chars fitting 32 bits, LZF when
 * rdbcompression is on, it is longer than 20 bytes and that saves space,
 * else raw. */
void rdbw_string(struct rdb_writer *w, const void *s, size_t len);
void rdbw_double_bin(struct rdb_writer *w, double d);
/* Push the buffer to fd (no-op for memory). -1 on failure. */
int rdbw_flush(struct rdb_writer *w);

/* The RDB type byte for e (Redis 7.0's choice for its encoding), or -1,
 * and the value of e in that form (rdb_save.c). */
int rdb_object_type(const struct kv *e);
void rdb_write_value(struct rdb_writer *w, const struct kv *e);

/* ---- reader ---- */
struct rdb_reader {
    int fd; /* -1: memory */
    const unsigned char *mem;
    size_t memlen;
    unsigned char *buf; /* fd buffer */
    size_t bpos, blen, crcpos;
    size_t off;   /* stream bytes consumed */
    size_t total; /* stream length when known, else SIZE_MAX */
    uint64_t crc; /* of consumed fd bytes up to crcpos */
    rdb_progress_fn *progress;
    void *parg;
    size_t next_progress;
    int deep; /* sanitize: duplicates in compact blobs are errors */
    char *err;
    size_t errlen;
    int failed;
};

void rdbr_init_fd(struct rdb_reader *r, int fd, char *err, size_t errlen);
void rdbr_init_mem(struct rdb_reader *r, const unsigned char *p, size_t len, char *err,
                   size_t errlen);
void rdbr_free(struct rdb_reader *r);
/* Record an error message (first one wins); returns -1. */
int rdbr_fail(struct rdb_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Bytes known to remain (SIZE_MAX when unknown). */
size_t rdbr_remaining(const struct rdb_reader *r);
/* Exactly n bytes into dst: 0, or -1 (error recorded). */
int rdbr_read(struct rdb_reader *r, void *dst, size_t n);
int rdbr_byte(struct rdb_reader *r, int *b);
/* A length; *encoded (may be NULL) set when it is a special string form
 * (then *len is the form: 0-2 int width, 3 LZF). */
int rdbr_len(struct rdb_reader *r, uint64_t *len, int *encoded);
/* A count of items, each taking at least min_bytes of the stream: checked
 * against what remains. */
int rdbr_count(struct rdb_reader *r, uint64_t *n, size_t min_bytes);
/* A string in any form: returns a mem_alloc'd, NUL-terminated copy and its
 * length, or NULL (error recorded). */
char *rdbr_string(struct rdb_reader *r, size_t *len);
int rdbr_double_bin(struct rdb_reader *r, double *d);
int rdbr_double_old(struct rdb_reader *r, double *d);
/* CRC64 of everything consumed so far (fd readers). */
uint64_t rdbr_crc(struct rdb_reader *r);

/* Read the value of a key of the given type (rdb_load.c). key names the key
 * in error messages. Returns 0 (out filled), 1 for an empty collection
 * (nothing allocated: Redis skips such keys on load and rejects them in
 * RESTORE), or -1 (error recorded). */
int rdb_read_object(struct rdb_reader *r, int type, const char *key, size_t klen,
                    struct rdb_value *out);

#endif
