/* rdb: the RDB file format (version 10, Redis 7.0), written and read; also
 * the DUMP/RESTORE payload format (one value + RDB version + CRC64).
 *
 * Writing goes to a file descriptor (SAVE, the BGSAVE child, the AOF base)
 * through a buffered writer; reading comes from a file descriptor with a
 * progress callback so the caller can keep serving -LOADING meanwhile.
 * Loads accept RDB versions 8-10 (Redis 6.x ziplists and 7.0 listpacks).
 *
 * Must not know: fork, temp files, save points, clients (persist.c does all
 * that); the reactor.
 */
#ifndef TERN_RDB_H
#define TERN_RDB_H

#include <stddef.h>
#include <stdint.h>

struct kv;
struct db;

#define RDB_VERSION 10

/* rdb_save_fd flags */
#define RDB_SAVE_AOF_BASE (1 << 0) /* add the "aof-base" aux field */
#define RDB_SAVE_AUTOSYNC (1 << 1) /* fdatasync every UTIL_AUTOSYNC_BYTES */

/* Write the whole dataset (every db of server.db) as an RDB stream to fd:
 * header, aux fields (redis-ver 7.0.15, redis-bits, ctime, used-mem,
 * aof-base), per db SELECTDB + RESIZEDB + keys (with expiry and LRU/LFU
 * info), EOF and the CRC64 (zero when rdbchecksum is no). Compression
 * follows rdbcompression. Does not fsync or close fd (but with
 * RDB_SAVE_AUTOSYNC it fdatasyncs fd every 4 MB on the way). Returns 0, or -1 with
 * errno set and a message in err. */
int rdb_save_fd(int fd, int flags, char *err, size_t errlen);

/* Called during loading about every 2 MB read (bytes read so far). */
typedef void rdb_progress_fn(void *arg, size_t bytes_read);

struct rdb_load_info {
    rdb_progress_fn *progress; /* may be NULL */
    void *arg;
    size_t keys_loaded, keys_expired; /* out */
    int aof_base;                     /* out: the file had aux aof-base=1 */
    int keep_expired;                 /* in: load keys whose TTL has passed (an AOF base) */
};

/* Read an RDB stream from fd into server.db (the dbs should be empty; a
 * duplicate key is an error). Keys already expired are skipped. Verifies
 * the CRC64 when present and non-zero. Returns 0, or -1 with a clear
 * message in err (e.g. "Unsupported RDB type 15 (stream) for key 'x'",
 * "Bad RDB checksum", "Unexpected EOF at offset 1234"). On error the dbs
 * may hold a partial load: the caller decides (startup exits). */
int rdb_load_fd(int fd, struct rdb_load_info *info, char *err, size_t errlen);

/* DUMP: serialize the value of e (not its key or TTL) as Redis does:
 * type byte, value, 2-byte RDB version, 8-byte CRC64. Returns a mem_alloc'd
 * payload, length in *len. */
unsigned char *rdb_dump_value(const struct kv *e, size_t *len);

/* RESTORE: check a payload (footer version <= RDB_VERSION, CRC64 unless it
 * is zero... as Redis) and decode its value. On success returns 0 and sets
 * *type, *enc and *obj/strings as needed to build an entry with
 * db_set_object / db_set_string (see struct rdb_value). deep: full
 * validation of compact blobs (sanitize-dump-payload yes). Returns -1 if
 * the payload is invalid ("ERR DUMP payload version or checksum are wrong"
 * or "Bad data format"): *errmsg then points at Redis's error text. */
struct rdb_value {
    int type, enc;
    void *ptr; /* collection object (owned by the caller after) */
    char *str; /* string value (mem_alloc'd, owned by the caller) */
    size_t slen;
};
int rdb_restore_value(const unsigned char *p, size_t len, int deep, struct rdb_value *out,
                      const char **errmsg);
/* Free what a successful rdb_restore_value produced, if not stored. */
void rdb_value_free(struct rdb_value *v);
/* Store a decoded value under key in db, replacing any old value, with
 * expiry expire (-1: none); takes ownership of v's contents. Returns the
 * new entry. */
struct kv *rdb_store_value(struct db *db, const char *key, size_t klen, struct rdb_value *v,
                           long long expire);
/* Set e's LRU/LFU field as Redis's objectSetLRUOrLFU: under an LFU policy
 * freq (0..255, -1 none) becomes the counter; otherwise idle (seconds, -1
 * none) sets the access time that many seconds back. */
void rdb_set_lru_info(struct kv *e, long long idle, int freq);

#endif
