/* t_string: the string commands (GET, SET and its variants, INCR family,
 * APPEND, SETRANGE, GETRANGE, MGET/MSET, GETEX, GETDEL ...). LCS lives in
 * t_lcs.c.
 *
 * Semantics are Redis 7.0.15's, reply for reply and error text for error
 * text, including the order in which checks happen (which error wins when a
 * command has several problems), the keyspace events each command fires, and
 * the OBJECT ENCODING the new value gets:
 *   SET/GETSET/MSET/APPEND-on-missing: db's SET rule (int, embstr, raw);
 *   INCR/DECR family: int;  INCRBYFLOAT: embstr (raw above 44 bytes);
 *   APPEND/SETRANGE on an existing value, SETRANGE creating: raw.
 *
 * Invariants: every handler replies exactly once; entry pointers from a
 * lookup are never used after a db write or another lookup (db.h rule);
 * server.dirty grows by one per key changed, as in Redis.
 *
 * Must not know: the physical layout of entries (kv.c), connections, other
 * types' internals.
 */
#include <math.h>
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "db.h"
#include "notify.h"
#include "reply.h"
#include "server.h"
#include "t_string.h"
#include "util.h"

/* Longest string that gets the embstr encoding (Redis's
 * OBJ_ENCODING_EMBSTR_SIZE_LIMIT). */
#define EMBSTR_MAX 44

/* <limits.h> is shadowed by server/limits.h under -Iserver, so spell the
 * long long bounds out. */
#define LL_MAX ((long long)(~0ULL >> 1))
#define LL_MIN (-LL_MAX - 1)

/* ---- shared helpers ---- */

/* Look a key up for reading, as Redis's lookupKeyRead does: counts a
 * keyspace hit or miss and fires the "keymiss" event on a miss. Returns the
 * entry (valid until the next db write or lookup) or NULL. O(1). */
struct kv *tstr_lookup_read(struct client *c, const struct resp_arg *key)
{
    struct kv *e = db_lookup(c->db, key->ptr, key->len, 0);
    if (e) {
        server.stat_keyspace_hits++;
    } else {
        server.stat_keyspace_misses++;
        notify_event(NOTIFY_KEY_MISS, "keymiss", c->db, key->ptr, key->len);
    }
    return e;
}

struct kv *tstr_read_string(struct client *c, const struct resp_arg *key, long long missing)
{
    struct kv *e = tstr_lookup_read(c, key);
    if (!e) {
        reply_int(c, missing);
        return NULL;
    }
    if (kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return NULL;
    }
    return e;
}

/* Look a key up for writing (no hit/miss statistics). */
static struct kv *lookup_write(struct client *c, const struct resp_arg *key)
{
    return db_lookup(c->db, key->ptr, key->len, 0);
}

/* Does argument a spell word (ASCII, any case)? Redis compares options as C
 * strings, so bytes after an embedded NUL are ignored; we do the same so
 * that "NX\0junk" means NX there and here. */
int tstr_arg_is(const struct resp_arg *a, const char *word)
{
    const char *nul = memchr(a->ptr, '\0', a->len);
    size_t len = nul ? (size_t)(nul - a->ptr) : a->len;
    return util_eq_ci(a->ptr, len, word);
}

/* Signal a changed key and fire its event, as every write here must. */
static void touched(struct client *c, const struct resp_arg *key, int cls, const char *event)
{
    notify_key_modified(c->db, key->ptr, key->len);
    notify_event(cls, event, c->db, key->ptr, key->len);
}

/* Option flags for SET and GETEX (Redis's OBJ_SET_* / OBJ_EX ...). */
#define O_NX         (1u << 0)
#define O_XX         (1u << 1)
#define O_GET        (1u << 2)
#define O_KEEPTTL    (1u << 3)
#define O_PERSIST    (1u << 4)
#define O_EX         (1u << 5)
#define O_PX         (1u << 6)
#define O_EXAT       (1u << 7)
#define O_PXAT       (1u << 8)
#define O_ANY_EXPIRE (O_EX | O_PX | O_EXAT | O_PXAT)

/* Parse SET (is_set) or GETEX options from argv[first..]. Mirrors Redis's
 * rules: an option may repeat (the last expire wins), an option conflicting
 * with an earlier one, an unknown word, or a missing expire value is
 * "ERR syntax error". On success returns 0 with *flags and *expire set (the
 * expire argument, not yet parsed); on error replies and returns -1. */
static int parse_options(struct client *c, int first, int is_set, unsigned *flags,
                         const struct resp_arg **expire)
{
    unsigned f = 0;
    for (int j = first; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        int has_next = j + 1 < c->argc;
        unsigned ex = 0, excl = 0;

        if (is_set && tstr_arg_is(a, "nx") && !(f & O_XX)) {
            f |= O_NX;
        } else if (is_set && tstr_arg_is(a, "xx") && !(f & O_NX)) {
            f |= O_XX;
        } else if (is_set && tstr_arg_is(a, "get")) {
            f |= O_GET;
        } else if (is_set && tstr_arg_is(a, "keepttl") && !(f & (O_PERSIST | O_ANY_EXPIRE))) {
            f |= O_KEEPTTL;
        } else if (!is_set && tstr_arg_is(a, "persist") && !(f & (O_KEEPTTL | O_ANY_EXPIRE))) {
            f |= O_PERSIST;
        } else {
            if (tstr_arg_is(a, "ex"))
                ex = O_EX;
            else if (tstr_arg_is(a, "px"))
                ex = O_PX;
            else if (tstr_arg_is(a, "exat"))
                ex = O_EXAT;
            else if (tstr_arg_is(a, "pxat"))
                ex = O_PXAT;
            /* Each expire form excludes the other three (not itself). */
            excl = O_KEEPTTL | O_PERSIST | (O_ANY_EXPIRE & ~ex);
            if (!ex || (f & excl) || !has_next) {
                reply_error_syntax(c);
                return -1;
            }
            f |= ex;
            *expire = &c->argv[++j];
        }
    }
    *flags = f;
    return 0;
}

static void reply_bad_expire(struct client *c, const char *cmdname)
{
    reply_errorf(c, "ERR invalid expire time in '%s' command", cmdname);
}

/* Turn an expire argument into an absolute unix-ms time, as Redis's
 * getExpireMillisecondsOrReply: an integer > 0, seconds scaled by 1000
 * without overflow, relative forms (EX/PX) added to now without overflow.
 * Replies and returns -1 on error. */
static int parse_expire(struct client *c, const struct resp_arg *arg, unsigned form,
                        const char *cmdname, long long *out)
{
    long long v;
    if (!util_str2ll(arg->ptr, arg->len, &v)) {
        reply_error_not_int(c);
        return -1;
    }
    int secs = (form & (O_EX | O_EXAT)) != 0;
    if (v <= 0 || (secs && v > LL_MAX / 1000)) {
        reply_bad_expire(c, cmdname);
        return -1;
    }
    if (secs)
        v *= 1000;
    if (form & (O_EX | O_PX)) {
        /* Redis adds and then checks for a wrapped (<= 0) result. */
        if (db_clock_ms > 0 && v > LL_MAX - db_clock_ms) {
            reply_bad_expire(c, cmdname);
            return -1;
        }
        v += db_clock_ms;
    }
    *out = v;
    return 0;
}

/* GET's core, shared by GET, GETSET, GETDEL and SET ... GET: replies with the
 * value or a null; WRONGTYPE (and returns -1) on a non-string. *ep gets the
 * entry (NULL if absent); it is valid until the next db call. */
static int get_generic(struct client *c, struct kv **ep)
{
    struct kv *e = tstr_lookup_read(c, &c->argv[1]);
    *ep = e;
    if (!e) {
        reply_null(c);
        return 0;
    }
    if (kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return -1;
    }
    size_t len;
    const char *s = kv_str(e, &len);
    reply_bulk(c, s, len);
    return 0;
}

/* ---- SET family ---- */

/* Reply kinds for set_generic when it sets / aborts. */
enum { SETR_OK, SETR_ONE };

/* The body of SET, SETEX, PSETEX and SETNX (Redis's setGenericCommand):
 * expire validation, then GET's reply, then the NX/XX check, then the write.
 * form is the expire option (O_EX ...) or 0 with expire == NULL. */
static void set_generic(struct client *c, unsigned flags, const struct resp_arg *key,
                        const struct resp_arg *val, const struct resp_arg *expire,
                        const char *cmdname, int rkind)
{
    long long when = -1;
    struct kv *e;

    if (expire && parse_expire(c, expire, flags & O_ANY_EXPIRE, cmdname, &when) < 0)
        return;
    if ((flags & O_GET) && get_generic(c, &e) < 0)
        return;
    /* Look up only for NX/XX: db_set_string itself reaps an expired old key
     * (so KEEPTTL keeps nothing of it), which saves SET a hash lookup. */
    if (flags & (O_NX | O_XX)) {
        int found = lookup_write(c, key) != NULL;
        if (((flags & O_NX) && found) || ((flags & O_XX) && !found)) {
            if (!(flags & O_GET)) {
                if (rkind == SETR_ONE)
                    reply_int(c, 0);
                else
                    reply_null(c);
            }
            return;
        }
    }
    db_set_string(c->db, key->ptr, key->len, val->ptr, val->len, -1, when,
                  (flags & O_KEEPTTL) ? DB_SET_KEEPTTL : 0);
    server.dirty++;
    touched(c, key, NOTIFY_STRING, "set");
    if (expire)
        notify_event(NOTIFY_GENERIC, "expire", c->db, key->ptr, key->len);
    if (!(flags & O_GET)) {
        if (rkind == SETR_ONE)
            reply_int(c, 1);
        else
            reply_ok(c);
    }
}

/* SET key value [NX|XX] [GET] [EX s|PX ms|EXAT ts|PXAT ms-ts|KEEPTTL] */
void cmd_set(struct client *c)
{
    unsigned flags = 0;
    const struct resp_arg *expire = NULL;

    if (c->argc > 3 && parse_options(c, 3, 1, &flags, &expire) < 0)
        return;
    set_generic(c, flags, &c->argv[1], &c->argv[2], expire, "set", SETR_OK);
}

/* SETNX key value: 1 if set, 0 if the key existed. */
void cmd_setnx(struct client *c)
{
    set_generic(c, O_NX, &c->argv[1], &c->argv[2], NULL, "setnx", SETR_ONE);
}

/* SETEX key seconds value */
void cmd_setex(struct client *c)
{
    set_generic(c, O_EX, &c->argv[1], &c->argv[3], &c->argv[2], "setex", SETR_OK);
}

/* PSETEX key milliseconds value */
void cmd_psetex(struct client *c)
{
    set_generic(c, O_PX, &c->argv[1], &c->argv[3], &c->argv[2], "psetex", SETR_OK);
}

/* ---- GET family ---- */

void cmd_get(struct client *c)
{
    struct kv *e;
    get_generic(c, &e);
}

/* GETSET key value: the old value, then a plain SET (the TTL is dropped). */
void cmd_getset(struct client *c)
{
    struct kv *e;
    const struct resp_arg *key = &c->argv[1], *val = &c->argv[2];

    if (get_generic(c, &e) < 0)
        return;
    db_set_string(c->db, key->ptr, key->len, val->ptr, val->len, -1, -1, 0);
    touched(c, key, NOTIFY_STRING, "set");
    server.dirty++;
}

/* GETDEL key: the value, then the key is deleted (event "del"). */
void cmd_getdel(struct client *c)
{
    struct kv *e;

    if (get_generic(c, &e) < 0 || !e)
        return;
    /* Replying does not touch the db, so e is still valid. */
    db_delete_entry(c->db, e);
    touched(c, &c->argv[1], NOTIFY_GENERIC, "del");
    server.dirty++;
}

/* GETEX key [EX s|PX ms|EXAT ts|PXAT ms-ts|PERSIST]: the value, then the TTL
 * change. An absolute time already past deletes the key ("del"). */
void cmd_getex(struct client *c)
{
    unsigned flags = 0;
    const struct resp_arg *expire = NULL, *key = &c->argv[1];
    long long when = -1;

    if (c->argc > 2 && parse_options(c, 2, 0, &flags, &expire) < 0)
        return;
    struct kv *e = tstr_lookup_read(c, key);
    if (!e) {
        reply_null(c);
        return;
    }
    if (kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return;
    }
    if (expire && parse_expire(c, expire, flags & O_ANY_EXPIRE, "getex", &when) < 0)
        return;
    size_t len;
    const char *s = kv_str(e, &len);
    reply_bulk(c, s, len);

    if ((flags & (O_EXAT | O_PXAT)) && when <= db_clock_ms) {
        db_delete_entry(c->db, e);
        touched(c, key, NOTIFY_GENERIC, "del");
        server.dirty++;
    } else if (expire) {
        db_set_expire(c->db, &e, when);
        touched(c, key, NOTIFY_GENERIC, "expire");
        server.dirty++;
    } else if ((flags & O_PERSIST) && kv_expire(e) >= 0) {
        db_set_expire(c->db, &e, -1);
        touched(c, key, NOTIFY_GENERIC, "persist");
        server.dirty++;
    }
}

/* MGET key [key ...]: nulls for missing keys and for non-strings. */
void cmd_mget(struct client *c)
{
    reply_array(c, c->argc - 1);
    for (int j = 1; j < c->argc; j++) {
        struct kv *e = tstr_lookup_read(c, &c->argv[j]);
        if (!e || kv_type(e) != KV_STRING) {
            reply_null(c);
        } else {
            size_t len;
            const char *s = kv_str(e, &len);
            reply_bulk(c, s, len);
        }
    }
}

/* MSET / MSETNX. With nx, nothing is set (reply 0) if any key exists. Pairs
 * are set left to right, so a repeated key ends with its last value. */
static void mset_generic(struct client *c, int nx)
{
    if (c->argc % 2 == 0) {
        reply_error_arity(c);
        return;
    }
    if (nx) {
        for (int j = 1; j < c->argc; j += 2) {
            if (lookup_write(c, &c->argv[j])) {
                reply_int(c, 0);
                return;
            }
        }
    }
    for (int j = 1; j < c->argc; j += 2) {
        const struct resp_arg *k = &c->argv[j], *v = &c->argv[j + 1];
        db_set_string(c->db, k->ptr, k->len, v->ptr, v->len, -1, -1, 0);
        touched(c, k, NOTIFY_STRING, "set");
    }
    server.dirty += (c->argc - 1) / 2;
    if (nx)
        reply_int(c, 1);
    else
        reply_ok(c);
}

void cmd_mset(struct client *c)
{
    mset_generic(c, 0);
}

void cmd_msetnx(struct client *c)
{
    mset_generic(c, 1);
}

/* STRLEN key: 0 for a missing key. */
void cmd_strlen(struct client *c)
{
    struct kv *e = tstr_read_string(c, &c->argv[1], 0);
    if (!e)
        return;
    size_t len;
    kv_str(e, &len);
    reply_int(c, (long long)len);
}

/* GETRANGE key start end (and its old name SUBSTR). Indexes are inclusive;
 * negative ones count from the end; the range is clamped. Both indexes are
 * parsed before the key is looked at, as in Redis. */
void cmd_getrange(struct client *c)
{
    long long start, end;

    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &start) ||
        !util_str2ll(c->argv[3].ptr, c->argv[3].len, &end)) {
        reply_error_not_int(c);
        return;
    }
    struct kv *e = tstr_lookup_read(c, &c->argv[1]);
    if (!e) {
        reply_bulk(c, "", 0);
        return;
    }
    if (kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return;
    }
    size_t slen;
    const char *s = kv_str(e, &slen);
    long long n = (long long)slen;

    if (start < 0 && end < 0 && start > end) {
        reply_bulk(c, "", 0);
        return;
    }
    if (start < 0)
        start += n;
    if (end < 0)
        end += n;
    if (start < 0)
        start = 0;
    if (end < 0)
        end = 0;
    if (end >= n)
        end = n - 1;
    if (n == 0 || start > end)
        reply_bulk(c, "", 0);
    else
        reply_bulk(c, s + start, (size_t)(end - start + 1));
}

void cmd_substr(struct client *c)
{
    cmd_getrange(c);
}

/* ---- in-place writes ---- */

/* Redis's checkStringLength: may a string of size bytes grow by add bytes?
 * The limit is proto-max-bulk-len; overflow counts as too big. Replies and
 * returns -1 if not. */
static int check_len(struct client *c, unsigned long long size, unsigned long long add)
{
    unsigned long long total = size + add;
    if (total < size || total > (unsigned long long)server.proto_max_bulk_len) {
        reply_error(c, "ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        return -1;
    }
    return 0;
}

/* APPEND key value: the new length. A missing key is created as SET would
 * create it; an existing value becomes raw and grows in place (amortised
 * O(len(value))). */
void cmd_append(struct client *c)
{
    const struct resp_arg *key = &c->argv[1], *val = &c->argv[2];
    struct kv *e = lookup_write(c, key);
    size_t total;

    if (!e) {
        db_set_string(c->db, key->ptr, key->len, val->ptr, val->len, -1, -1, 0);
        total = val->len;
    } else {
        if (kv_type(e) != KV_STRING) {
            reply_error_wrongtype(c);
            return;
        }
        size_t old;
        kv_str(e, &old);
        if (check_len(c, old, val->len) < 0)
            return;
        char *p = db_string_resize(c->db, &e, old + val->len);
        memcpy(p + old, val->ptr, val->len);
        total = old + val->len;
    }
    touched(c, key, NOTIFY_STRING, "append");
    server.dirty++;
    reply_int(c, (long long)total);
}

/* SETRANGE key offset value: overwrite from offset, zero-padding as needed;
 * the new length. An empty value changes nothing (and creates no key). */
void cmd_setrange(struct client *c)
{
    const struct resp_arg *key = &c->argv[1], *val = &c->argv[3];
    long long off;

    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &off)) {
        reply_error_not_int(c);
        return;
    }
    if (off < 0) {
        reply_error(c, "ERR offset is out of range");
        return;
    }
    struct kv *e = lookup_write(c, key);
    size_t old = 0;
    if (!e) {
        if (val->len == 0) {
            reply_int(c, 0);
            return;
        }
        if (check_len(c, (unsigned long long)off, val->len) < 0)
            return;
        e = db_set_string(c->db, key->ptr, key->len, "", 0, KV_ENC_RAW, -1, 0);
    } else {
        if (kv_type(e) != KV_STRING) {
            reply_error_wrongtype(c);
            return;
        }
        kv_str(e, &old);
        if (val->len == 0) {
            reply_int(c, (long long)old);
            return;
        }
        if (check_len(c, (unsigned long long)off, val->len) < 0)
            return;
    }
    size_t need = (size_t)off + val->len;
    size_t newlen = need > old ? need : old;
    char *p = db_string_resize(c->db, &e, newlen);
    memcpy(p + off, val->ptr, val->len);
    touched(c, key, NOTIFY_STRING, "setrange");
    server.dirty++;
    reply_int(c, (long long)newlen);
}

/* ---- counters ---- */

/* INCR/DECR/INCRBY/DECRBY with a parsed increment: the stored value must be
 * a canonical integer; the result is stored int-encoded, TTL kept. */
static void incr_generic(struct client *c, long long incr)
{
    const struct resp_arg *key = &c->argv[1];
    struct kv *e = lookup_write(c, key);
    long long v = 0;

    if (e) {
        if (kv_type(e) != KV_STRING) {
            reply_error_wrongtype(c);
            return;
        }
        size_t len;
        const char *s = kv_str(e, &len);
        if (!util_str2ll(s, len, &v)) {
            reply_error_not_int(c);
            return;
        }
    }
    if ((incr < 0 && v < 0 && incr < LL_MIN - v) || (incr > 0 && v > 0 && incr > LL_MAX - v)) {
        reply_error(c, "ERR increment or decrement would overflow");
        return;
    }
    v += incr;
    char buf[32];
    size_t n = util_ll2str(buf, v);
    /* As Redis: an int-encoded counter outside the shared range 0..9999 is
     * changed in place (the entry keeps its address, DEBUG OBJECT "at:")
     * when the new digits fit its bytes; otherwise a new value is stored. */
    int in_place =
        e && kv_enc(e) == KV_ENC_INT && (v < 0 || v >= 10000) && kv_str_overwrite(e, buf, n);
    if (!in_place)
        db_set_string(c->db, key->ptr, key->len, buf, n, KV_ENC_INT, -1, DB_SET_KEEPTTL);
    touched(c, key, NOTIFY_STRING, "incrby");
    server.dirty++;
    reply_int(c, v);
}

void cmd_incr(struct client *c)
{
    incr_generic(c, 1);
}

void cmd_decr(struct client *c)
{
    incr_generic(c, -1);
}

void cmd_incrby(struct client *c)
{
    long long incr;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &incr)) {
        reply_error_not_int(c);
        return;
    }
    incr_generic(c, incr);
}

void cmd_decrby(struct client *c)
{
    long long incr;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &incr)) {
        reply_error_not_int(c);
        return;
    }
    if (incr == LL_MIN) {
        reply_error(c, "ERR decrement would overflow");
        return;
    }
    incr_generic(c, -incr);
}

/* INCRBYFLOAT key increment: long double arithmetic, printed in Redis's
 * human format (at most 17 fractional digits, no exponent). The type check
 * comes before both number checks; the stored value's parse before the
 * increment's. */
void cmd_incrbyfloat(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    struct kv *e = lookup_write(c, key);
    long double v = 0, incr;

    if (e && kv_type(e) != KV_STRING) {
        reply_error_wrongtype(c);
        return;
    }
    if (e) {
        size_t len;
        const char *s = kv_str(e, &len);
        if (!util_str2ld(s, len, &v)) {
            reply_error_not_float(c);
            return;
        }
    }
    if (!util_str2ld(c->argv[2].ptr, c->argv[2].len, &incr)) {
        reply_error_not_float(c);
        return;
    }
    v += incr;
    if (isnan(v) || isinf(v)) {
        reply_error(c, "ERR increment would produce NaN or Infinity");
        return;
    }
    char buf[UTIL_LD_STR_MAX];
    size_t n = util_ld2str_human(buf, sizeof(buf), v);
    db_set_string(c->db, key->ptr, key->len, buf, n, n <= EMBSTR_MAX ? KV_ENC_EMBSTR : KV_ENC_RAW,
                  -1, DB_SET_KEEPTTL);
    touched(c, key, NOTIFY_STRING, "incrbyfloat");
    server.dirty++;
    reply_bulk(c, buf, n);
}
