/* t_bitops: the bitmap commands on strings: SETBIT, GETBIT, BITCOUNT,
 * BITPOS and BITOP (BITFIELD lives in t_bitfield.c), plus the helpers the
 * two files share (t_bitops.h).
 *
 * Semantics are Redis 7.0.15's, reply for reply and error text for error
 * text, including the order of checks (which error wins), the quirks of
 * that version (BITCOUNT and BITPOS answer a missing key before they look at
 * their range arguments), the events fired ("setbit" only when the string
 * changed; BITOP "set" or "del") and the encodings made (a written bitmap is
 * raw). An int-encoded value is read through its decimal text.
 *
 * Invariants: every handler replies exactly once; entry pointers and string
 * bytes from a lookup are not used after a db write or a lookup of the same
 * key (db.h rule); server.dirty grows by one per key changed.
 *
 * Must not know: the physical layout of entries (kv.c), connections, other
 * types' internals. The bit arithmetic is bitmap.c's.
 */
#include <string.h>

#include "bitmap.h"
#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "notify.h"
#include "reply.h"
#include "server.h"
#include "t_bitops.h"
#include "t_string.h"
#include "util.h"

#define OFFSET_ERR "ERR bit offset is not an integer or out of range"

/* ---- shared helpers ---- */

int tbit_parse_offset(struct client *c, const struct resp_arg *a, int hash_bits, uint64_t *off)
{
    int hash = hash_bits > 0 && a->len > 0 && a->ptr[0] == '#';
    long long v;
    if (!util_str2ll(a->ptr + hash, a->len - (size_t)hash, &v)) {
        reply_error(c, OFFSET_ERR);
        return -1;
    }
    if (hash) /* modulo 2^64: Redis multiplies without an overflow check */
        v = (long long)((unsigned long long)v * (unsigned long long)hash_bits);
    /* The AOF loader's client has no connection; like Redis's master and
     * AOF clients it must obey, whatever proto-max-bulk-len says now. */
    int obey = c->conn.io.fd < 0;
    if (v < 0 || (!obey && (v >> 3) >= server.proto_max_bulk_len)) {
        reply_error(c, OFFSET_ERR);
        return -1;
    }
    *off = (uint64_t)v;
    return 0;
}

unsigned char *tbit_lookup_write(struct client *c, uint64_t maxbit, size_t *len, int *dirty)
{
    const struct resp_arg *key = &c->argv[1];
    size_t need = (size_t)(maxbit >> 3) + 1, old = 0;
    struct kv *e = db_lookup(c->db, key->ptr, key->len, 0);

    *dirty = 0;
    if (!e) {
        e = db_set_string(c->db, key->ptr, key->len, "", 0, KV_ENC_RAW, -1, 0);
        *dirty = 1;
    } else if (kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return NULL;
    } else {
        kv_str(e, &old);
        if (need > old)
            *dirty = 1;
    }
    /* Always through resize: like Redis's unshare step, even a write that
     * changes nothing leaves the value raw. */
    *len = need > old ? need : old;
    return (unsigned char *)db_string_resize(c->db, &e, *len);
}

/* The value of a string entry as bytes (an int-encoded value reads as its
 * decimal text). Valid as long as the entry. */
static const unsigned char *str_bytes(const struct kv *e, size_t *len)
{
    return (const unsigned char *)kv_str(e, len);
}

/* Normalise a [start, end] range over a string of len bytes, counted in
 * bits (isbit) or bytes, the way BITCOUNT and BITPOS do: negative indexes
 * count from the end, then both are clamped into the string. Returns 0 for
 * an empty range, else 1 with the inclusive bit range in *first / *last. */
static int bit_range(long long start, long long end, size_t len, int isbit, uint64_t *first,
                     uint64_t *last)
{
    long long total = isbit ? (long long)len * 8 : (long long)len;
    if (start < 0)
        start += total;
    if (end < 0)
        end += total;
    if (start < 0)
        start = 0;
    if (end < 0)
        end = 0;
    if (end >= total)
        end = total - 1;
    if (start > end)
        return 0;
    *first = isbit ? (uint64_t)start : (uint64_t)start * 8;
    *last = isbit ? (uint64_t)end : (uint64_t)end * 8 + 7;
    return 1;
}

/* Parse a BIT|BYTE argument; replies a syntax error and returns -1 for
 * anything else. */
static int parse_unit(struct client *c, const struct resp_arg *a, int *isbit)
{
    if (tstr_arg_is(a, "bit")) {
        *isbit = 1;
    } else if (tstr_arg_is(a, "byte")) {
        *isbit = 0;
    } else {
        reply_error_syntax(c);
        return -1;
    }
    return 0;
}

static int parse_ll(struct client *c, const struct resp_arg *a, long long *v)
{
    if (!util_str2ll(a->ptr, a->len, v)) {
        reply_error_not_int(c);
        return -1;
    }
    return 0;
}

/* ---- SETBIT / GETBIT ---- */

/* SETBIT key offset 0|1: the bit's previous value. Grows (or creates) the
 * string with zeros to reach the bit. O(1) plus the growth. */
void cmd_setbit(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    uint64_t off;
    long on;

    if (tbit_parse_offset(c, &c->argv[2], 0, &off) < 0)
        return;
    if (!util_str2l(c->argv[3].ptr, c->argv[3].len, &on) || (on & ~1L)) {
        reply_error(c, "ERR bit is not an integer or out of range");
        return;
    }
    size_t len;
    int dirty;
    unsigned char *p = tbit_lookup_write(c, off, &len, &dirty);
    if (!p)
        return;
    unsigned char *byte = p + (off >> 3);
    unsigned mask = 1u << (7 - (off & 7));
    int old = (*byte & mask) != 0;
    /* Redis 7.0.15 signals and counts only a real change (new key, longer
     * string, or a flipped bit). */
    if (dirty || old != (int)on) {
        *byte = (unsigned char)(on ? (*byte | mask) : (*byte & ~mask));
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_STRING, "setbit", c->db, key->ptr, key->len);
        server.dirty++;
    }
    reply_int(c, old);
}

/* GETBIT key offset: 0 or 1 (0 past the end or for a missing key). O(1). */
void cmd_getbit(struct client *c)
{
    uint64_t off;
    if (tbit_parse_offset(c, &c->argv[2], 0, &off) < 0)
        return;
    struct kv *e = tstr_read_string(c, &c->argv[1], 0);
    if (!e)
        return;
    size_t len;
    const unsigned char *p = str_bytes(e, &len);
    int bit = 0;
    if ((off >> 3) < len)
        bit = (p[off >> 3] >> (7 - (off & 7))) & 1;
    reply_int(c, bit);
}

/* ---- BITCOUNT / BITPOS ---- */

/* BITCOUNT key [start end [BYTE|BIT]]: set bits in the range. A missing key
 * answers 0 before the arguments are looked at (Redis 7.0.15). O(range). */
void cmd_bitcount(struct client *c)
{
    struct kv *e = tstr_read_string(c, &c->argv[1], 0);
    if (!e)
        return;
    size_t len;
    const unsigned char *p = str_bytes(e, &len);
    long long start = 0, end = -1;
    int isbit = 0;
    if (c->argc == 4 || c->argc == 5) {
        if (parse_ll(c, &c->argv[2], &start) < 0 || parse_ll(c, &c->argv[3], &end) < 0)
            return;
        /* Both negative and crossed: 0 before the unit is even checked. */
        if (start < 0 && end < 0 && start > end) {
            reply_int(c, 0);
            return;
        }
        if (c->argc == 5 && parse_unit(c, &c->argv[4], &isbit) < 0)
            return;
    } else if (c->argc != 2) {
        reply_error_syntax(c);
        return;
    }
    uint64_t first, last;
    if (!bit_range(start, end, len, isbit, &first, &last)) {
        reply_int(c, 0);
        return;
    }
    reply_int(c, (long long)bitmap_count_range(p, first, last));
}

/* BITPOS key bit [start [end [BYTE|BIT]]]: the first bit equal to bit in the
 * range, or -1. When looking for a 0 without an explicit end, the string
 * counts as padded with zeros on the right: an all-ones range answers the
 * bit just after it. A missing key answers 0 (bit 0) or -1 (bit 1) before
 * the range is looked at. O(range), skipping whole words. */
void cmd_bitpos(struct client *c)
{
    long bit;
    if (!util_str2l(c->argv[2].ptr, c->argv[2].len, &bit)) {
        reply_error_not_int(c);
        return;
    }
    if (bit != 0 && bit != 1) {
        reply_error(c, "ERR The bit argument must be 1 or 0.");
        return;
    }
    struct kv *e = tstr_read_string(c, &c->argv[1], bit ? -1 : 0);
    if (!e)
        return;
    size_t len;
    const unsigned char *p = str_bytes(e, &len);
    long long start = 0, end = -1;
    int isbit = 0, end_given = 0;
    if (c->argc >= 4 && c->argc <= 6) {
        if (parse_ll(c, &c->argv[3], &start) < 0)
            return;
        /* The unit is checked before end is parsed, as in Redis. */
        if (c->argc == 6 && parse_unit(c, &c->argv[5], &isbit) < 0)
            return;
        if (c->argc >= 5) {
            if (parse_ll(c, &c->argv[4], &end) < 0)
                return;
            end_given = 1;
        }
    } else if (c->argc != 3) {
        reply_error_syntax(c);
        return;
    }
    uint64_t first, last;
    if (!bit_range(start, end, len, isbit, &first, &last)) {
        reply_int(c, -1);
        return;
    }
    int64_t pos = bitmap_find(p, first, last, (int)bit);
    if (pos < 0 && bit == 0 && !end_given)
        pos = (int64_t)last + 1;
    reply_int(c, pos);
}

/* ---- BITOP ---- */

/* Does argument a name the same key as any of the n arguments from? */
static int key_among(const struct resp_arg *a, const struct resp_arg *from, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (from[i].len == a->len && memcmp(from[i].ptr, a->ptr, a->len) == 0)
            return 1;
    return 0;
}

/* Compute the BITOP result (maxlen > 0 bytes) into destination key dest,
 * replacing any value of any type; the TTL goes (Redis's setKey). When
 * dest is not a source the result is computed straight into its new
 * string, saving a copy of up to 512 MB: the source bytes stay valid
 * across that write because a db write moves or frees only the entry it
 * writes (db.h). Otherwise it goes through a scratch buffer. */
static void bitop_store(struct client *c, int op, const unsigned char *const *src,
                        const size_t *len, size_t n, size_t maxlen)
{
    const struct resp_arg *dest = &c->argv[2];
    if (key_among(dest, &c->argv[3], n)) {
        unsigned char *res = mem_alloc(maxlen);
        bitmap_op((enum bitmap_op)op, res, maxlen, src, len, n);
        db_set_string(c->db, dest->ptr, dest->len, (const char *)res, maxlen, KV_ENC_RAW, -1, 0);
        mem_free(res);
    } else {
        struct kv *e = db_set_string(c->db, dest->ptr, dest->len, "", 0, KV_ENC_RAW, -1, 0);
        unsigned char *p = (unsigned char *)db_string_resize(c->db, &e, maxlen);
        bitmap_op((enum bitmap_op)op, p, maxlen, src, len, n);
    }
    notify_key_modified(c->db, dest->ptr, dest->len);
    notify_event(NOTIFY_STRING, "set", c->db, dest->ptr, dest->len);
    server.dirty++;
}

/* BITOP AND|OR|XOR|NOT destkey key [key ...]: the result's length (the
 * longest source's). Missing sources are empty strings; an empty result
 * deletes destkey. O(sources * length). */
void cmd_bitop(struct client *c)
{
    static const char *const names[] = {"and", "or", "xor", "not"};
    int op = -1;
    for (int i = 0; i < 4 && op < 0; i++)
        if (tstr_arg_is(&c->argv[1], names[i]))
            op = i;
    if (op < 0) {
        reply_error_syntax(c);
        return;
    }
    if (op == BITMAP_NOT && c->argc != 4) {
        reply_error(c, "ERR BITOP NOT must be called with a single source key.");
        return;
    }
    size_t n = (size_t)c->argc - 3, maxlen = 0;
    const unsigned char **src = mem_alloc(n * sizeof(*src));
    size_t *len = mem_alloc(n * sizeof(*len));
    /* Each lookup may lazily expire only the key it looks up, so the bytes
     * of the sources found earlier stay valid. */
    for (size_t i = 0; i < n; i++) {
        struct kv *e = tstr_lookup_read(c, &c->argv[3 + i]);
        src[i] = NULL;
        len[i] = 0;
        if (!e)
            continue;
        if (kv_type(e) != KV_STRING) {
            reply_error_wrongtype(c);
            goto out;
        }
        src[i] = str_bytes(e, &len[i]);
        if (len[i] > maxlen)
            maxlen = len[i];
    }
    if (maxlen) {
        bitop_store(c, op, src, len, n, maxlen);
    } else if (db_delete(c->db, c->argv[2].ptr, c->argv[2].len)) {
        notify_key_modified(c->db, c->argv[2].ptr, c->argv[2].len);
        notify_event(NOTIFY_GENERIC, "del", c->db, c->argv[2].ptr, c->argv[2].len);
        server.dirty++;
    }
    reply_int(c, (long long)maxlen);
out:
    mem_free(src);
    mem_free(len);
}
