/* t_scan: KEYS and SCAN over the current database.
 *
 * KEYS walks every entry (O(n)) and skips expired keys without deleting
 * them (the walk must not write to the db). SCAN does one bounded step of
 * the db's reverse-binary cursor walk (db_scan), copies the key names it
 * found, then filters them as Redis 7.0 does, in this order: MATCH pattern,
 * TYPE name (case-insensitive; an unknown name matches nothing), expiry
 * (an expired key is deleted now, as a lazy lookup would). The copy is what
 * lets the filter delete entries safely.
 *
 * Reply shapes: KEYS an array of bulks; SCAN [cursor as a bulk, [keys]].
 *
 * Must not know: data-type internals, the dict layout behind the cursor.
 */
#include <stdint.h> /* not <limits.h>: server/limits.h shadows it under -Iserver */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "glob.h"
#include "mem.h"
#include "reply.h"
#include "t_keys.h"
#include "util.h"

/* ---- KEYS ---- */

struct keys_walk {
    struct client *c;
    const char *pat;
    size_t plen;
    int allkeys; /* pattern is exactly "*": skip the matcher */
    long long n; /* keys replied so far */
};

static void keys_cb(void *priv, struct kv *e)
{
    struct keys_walk *w = priv;
    size_t klen;
    const char *key = kv_key(e, &klen);
    if (!w->allkeys && !glob_match(w->pat, w->plen, key, klen, 0))
        return;
    if (keys_is_expired(e))
        return;
    reply_bulk(w->c, key, klen);
    w->n++;
}

/* KEYS pattern. O(keys in the db). */
void cmd_keys(struct client *c)
{
    struct keys_walk w = {.c = c, .pat = c->argv[1].ptr, .plen = c->argv[1].len, .n = 0};
    w.allkeys = w.plen == 1 && w.pat[0] == '*';
    long h = reply_defer(c);
    db_foreach(c->db, keys_cb, &w);
    reply_defer_array(c, h, w.n);
}

/* ---- SCAN ---- */

/* Parse a SCAN cursor the way Redis 7.0 does (strtoul base 10 over the
 * whole argument): optional '+' or '-' (negation wraps modulo 2^64), then
 * digits; an empty string is cursor 0; no leading space, no trailing bytes
 * (an embedded NUL ends the text, as in C), no overflow. Returns 1 on
 * success. */
static int parse_cursor(const char *s, size_t len, unsigned long long *out)
{
    size_t i = 0;
    int neg = 0;
    unsigned long long v = 0;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        i = 1;
    }
    size_t digits_start = i;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return 0; /* ERANGE */
        v = v * 10 + d;
    }
    if (i == digits_start) {
        /* No conversion: strtoul leaves the end pointer at the start, so
         * only the empty string (or one starting with NUL) passes. */
        *out = 0;
        return len == 0 || s[0] == '\0';
    }
    if (i < len && s[i] != '\0')
        return 0;
    *out = neg ? (unsigned long long)0 - v : v;
    return 1;
}

/* Key names copied out of the db during a SCAN step: a sequence of
 * (size_t length, bytes) records. Starts on the stack; grows on the heap
 * (mem_alloc) only for large COUNTs or long keys. */
struct key_buf {
    char *p;
    size_t len, cap;
    int heap;
    long n;
};

static void key_buf_push(struct key_buf *b, const char *key, size_t klen)
{
    size_t need = sizeof(size_t) + klen;
    if (b->len + need > b->cap) {
        size_t ncap = b->cap * 2 > b->len + need ? b->cap * 2 : b->len + need;
        char *np = mem_alloc(ncap);
        memcpy(np, b->p, b->len);
        if (b->heap)
            mem_free(b->p);
        b->p = np;
        b->cap = ncap;
        b->heap = 1;
    }
    memcpy(b->p + b->len, &klen, sizeof(size_t));
    memcpy(b->p + b->len + sizeof(size_t), key, klen);
    b->len += need;
    b->n++;
}

static void scan_cb(void *priv, struct kv *e)
{
    size_t klen;
    const char *key = kv_key(e, &klen);
    key_buf_push(priv, key, klen);
}

/* Options of SCAN after the cursor. */
struct scan_opts {
    long count;
    const struct resp_arg *match; /* NULL: no MATCH, or MATCH "*" */
    const struct resp_arg *type;  /* NULL: no TYPE */
};

/* Parse COUNT / MATCH / TYPE from argv[2..]. Returns 0, or -1 after replying
 * the error. A repeated option: the last one wins. */
static int scan_parse_opts(struct client *c, struct scan_opts *o)
{
    o->count = 10;
    o->match = NULL;
    o->type = NULL;
    for (int j = 2; j < c->argc; j += 2) {
        const struct resp_arg *a = &c->argv[j];
        int has_val = c->argc - j >= 2;
        if (has_val && util_eq_ci(a->ptr, a->len, "count")) {
            long long n;
            if (!util_str2ll(c->argv[j + 1].ptr, c->argv[j + 1].len, &n)) {
                reply_error_not_int(c);
                return -1;
            }
            if (n < 1) {
                reply_error_syntax(c);
                return -1;
            }
            o->count = (long)n; /* long is 64-bit (LP64) */
        } else if (has_val && util_eq_ci(a->ptr, a->len, "match")) {
            const struct resp_arg *p = &c->argv[j + 1];
            o->match = (p->len == 1 && p->ptr[0] == '*') ? NULL : p;
        } else if (has_val && util_eq_ci(a->ptr, a->len, "type")) {
            o->type = &c->argv[j + 1];
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

/* 1 if the key copied at key[0..klen) passes the MATCH, TYPE and expiry
 * filters. May delete it from the db if it has expired. */
static int scan_keep(struct client *c, const struct scan_opts *o, const char *key, size_t klen)
{
    if (o->match && !glob_match(o->match->ptr, o->match->len, key, klen, 0))
        return 0;
    struct resp_arg k = {.ptr = (char *)key, .len = klen};
    if (o->type) {
        struct kv *e = keys_lookup_read(c, &k, DB_LOOKUP_NOTOUCH, 1);
        const char *name = e ? kv_type_name(kv_type(e)) : "none";
        if (!util_eq_ci(o->type->ptr, o->type->len, name))
            return 0;
    }
    return db_lookup(c->db, key, klen, DB_LOOKUP_NOTOUCH) != NULL;
}

/* SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. Visits about
 * COUNT entries (at most 10*COUNT buckets, as Redis bounds it). One heap
 * allocation at most (when the copied names outgrow the stack buffer). */
void cmd_scan(struct client *c)
{
    unsigned long long cursor;
    if (!parse_cursor(c->argv[1].ptr, c->argv[1].len, &cursor)) {
        reply_error(c, "ERR invalid cursor");
        return;
    }
    struct scan_opts o;
    if (scan_parse_opts(c, &o) < 0)
        return;

    char stack[2048];
    struct key_buf b = {.p = stack, .len = 0, .cap = sizeof(stack), .heap = 0, .n = 0};
    /* db_scan bounds the step to about count entries or 10 * count buckets;
     * clamp so that product cannot overflow. */
    long step = o.count > INT64_MAX / 10 ? INT64_MAX / 10 : o.count;
    cursor = db_scan(c->db, cursor, step, scan_cb, &b);

    char num[24];
    size_t nlen = util_ull2str(num, cursor);
    reply_array(c, 2);
    reply_bulk(c, num, nlen);
    long h = reply_defer(c);
    long long kept = 0;
    for (size_t off = 0; off < b.len;) {
        size_t klen;
        memcpy(&klen, b.p + off, sizeof(size_t));
        const char *key = b.p + off + sizeof(size_t);
        off += sizeof(size_t) + klen;
        if (scan_keep(c, &o, key, klen)) {
            reply_bulk(c, key, klen);
            kept++;
        }
    }
    reply_defer_array(c, h, kept);
    if (b.heap)
        mem_free(b.p);
}
