/* t_bitfield: BITFIELD and BITFIELD_RO, integer fields of 1..64 bits (i1..i64,
 * u1..u63) at any bit offset of a string.
 *
 * The whole argument list is parsed (and every error reported) before the
 * key is touched; then the operations run in order against one buffer, so a
 * GET after a SET in the same call sees the new value. Semantics are Redis
 * 7.0.15's: a call with any SET/INCRBY grows (or creates) the string to hold
 * the farthest field written even when OVERFLOW FAIL then writes nothing;
 * the key is signalled and "setbit" fired once, and server.dirty grows by
 * the number of fields that changed (or were written into a new or longer
 * string); a GET-only call is a read (keyspace hit/miss, no growth).
 *
 * Must not know: the physical layout of entries (kv.c), connections.
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

enum bf_opcode { BF_GET, BF_SET, BF_INCRBY };

struct bf_op {
    uint64_t offset;
    int64_t value; /* SET value or INCRBY increment */
    enum bf_opcode code;
    enum bitmap_overflow overflow;
    int bits;
    int is_signed;
};

/* Parse a field type "i<1..64>" or "u<1..63>". The digits are read as a C
 * string (up to an embedded NUL), as Redis reads them. Replies and returns
 * -1 on error. */
static int parse_type(struct client *c, const struct resp_arg *a, int *is_signed, int *bits)
{
    const char *nul = a->len ? memchr(a->ptr, '\0', a->len) : NULL;
    size_t len = nul ? (size_t)(nul - a->ptr) : a->len;
    long long n;
    int ok = len >= 1 && (a->ptr[0] == 'i' || a->ptr[0] == 'u');
    if (ok) {
        *is_signed = a->ptr[0] == 'i';
        ok = util_str2ll(a->ptr + 1, len - 1, &n) && n >= 1 && n <= (*is_signed ? 64 : 63);
    }
    if (!ok) {
        reply_error(c, "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is "
                       "not supported but i64 is.");
        return -1;
    }
    *bits = (int)n;
    return 0;
}

/* Parse argv[2..] into ops (room for argc / 2 entries). Returns the number
 * of ops and sets *writes (any SET/INCRBY) and *maxbit (the farthest bit
 * written); replies and returns -1 on the first error. */
static int parse_ops(struct client *c, struct bf_op *ops, int *writes, uint64_t *maxbit)
{
    enum bitmap_overflow overflow = BITMAP_WRAP;
    int n = 0;
    *writes = 0;
    *maxbit = 0;
    for (int j = 2; j < c->argc; j++) {
        int rest = c->argc - j - 1;
        const struct resp_arg *a = &c->argv[j];
        struct bf_op *op = &ops[n];
        if (tstr_arg_is(a, "get") && rest >= 2) {
            op->code = BF_GET;
        } else if (tstr_arg_is(a, "set") && rest >= 3) {
            op->code = BF_SET;
        } else if (tstr_arg_is(a, "incrby") && rest >= 3) {
            op->code = BF_INCRBY;
        } else if (tstr_arg_is(a, "overflow") && rest >= 1) {
            const struct resp_arg *t = &c->argv[++j];
            if (tstr_arg_is(t, "wrap")) {
                overflow = BITMAP_WRAP;
            } else if (tstr_arg_is(t, "sat")) {
                overflow = BITMAP_SAT;
            } else if (tstr_arg_is(t, "fail")) {
                overflow = BITMAP_FAIL;
            } else {
                reply_error(c, "ERR Invalid OVERFLOW type specified");
                return -1;
            }
            continue;
        } else {
            reply_error_syntax(c);
            return -1;
        }
        if (parse_type(c, &c->argv[j + 1], &op->is_signed, &op->bits) < 0 ||
            tbit_parse_offset(c, &c->argv[j + 2], op->bits, &op->offset) < 0)
            return -1;
        op->value = 0;
        op->overflow = overflow;
        if (op->code != BF_GET) {
            *writes = 1;
            uint64_t top = op->offset + (uint64_t)op->bits - 1;
            if (top > *maxbit)
                *maxbit = top;
            long long v;
            if (!util_str2ll(c->argv[j + 3].ptr, c->argv[j + 3].len, &v)) {
                reply_error_not_int(c);
                return -1;
            }
            op->value = v;
            j += 3;
        } else {
            j += 2;
        }
        n++;
    }
    return n;
}

/* Run one SET or INCRBY on the writable buffer p: replies the old value
 * (SET) or the new one (INCRBY), or null when OVERFLOW FAIL refuses it.
 * Returns 1 if the field changed, 0 if it was written unchanged, -1 if it
 * was refused. */
static int run_write(struct client *c, const struct bf_op *op, unsigned char *p, size_t len)
{
    uint64_t raw = bitmap_get_field(p, len, op->offset, op->bits);
    uint64_t newraw;
    long long shown;
    int over;
    if (op->is_signed) {
        int64_t old = bitmap_sign_extend(raw, op->bits), nv = 0;
        if (op->code == BF_INCRBY)
            over = bitmap_add_signed(old, op->value, op->bits, op->overflow, &nv);
        else
            over = bitmap_add_signed(op->value, 0, op->bits, op->overflow, &nv);
        shown = op->code == BF_INCRBY ? nv : old;
        newraw = (uint64_t)nv;
    } else {
        uint64_t nv = 0;
        if (op->code == BF_INCRBY)
            over = bitmap_add_unsigned(raw, op->value, op->bits, op->overflow, &nv);
        else
            over = bitmap_add_unsigned((uint64_t)op->value, 0, op->bits, op->overflow, &nv);
        shown = op->code == BF_INCRBY ? (long long)nv : (long long)raw;
        newraw = nv;
    }
    if (over && op->overflow == BITMAP_FAIL) {
        reply_null(c);
        return -1;
    }
    reply_int(c, shown);
    bitmap_set_field(p, op->offset, op->bits, newraw);
    return bitmap_get_field(p, len, op->offset, op->bits) != raw;
}

/* A GET against bytes p (len; NULL for a missing key). */
static void run_get(struct client *c, const struct bf_op *op, const unsigned char *p, size_t len)
{
    uint64_t raw = p ? bitmap_get_field(p, len, op->offset, op->bits) : 0;
    reply_int(c, op->is_signed ? (long long)bitmap_sign_extend(raw, op->bits) : (long long)raw);
}

/* BITFIELD / BITFIELD_RO (ro: only GET allowed). */
static void bitfield(struct client *c, int ro)
{
    const struct resp_arg *key = &c->argv[1];
    struct bf_op *ops = mem_alloc(sizeof(*ops) * (size_t)(c->argc / 2 + 1));
    int writes;
    uint64_t maxbit;
    int n = parse_ops(c, ops, &writes, &maxbit);
    if (n < 0)
        goto out;

    unsigned char *p = NULL;
    size_t len = 0;
    int dirty = 0;
    if (!writes) {
        struct kv *e = tstr_lookup_read(c, key);
        if (e && kv_type(e) != KV_STRING) {
            reply_error_wrongtype(c);
            goto out;
        }
        if (e)
            p = (unsigned char *)kv_str(e, &len); /* only read on this path */
    } else if (ro) {
        reply_error(c, "ERR BITFIELD_RO only supports the GET subcommand");
        goto out;
    } else if (!(p = tbit_lookup_write(c, maxbit, &len, &dirty))) {
        goto out;
    }

    long long changes = 0;
    reply_array(c, n);
    for (int i = 0; i < n; i++) {
        if (ops[i].code == BF_GET) {
            run_get(c, &ops[i], p, len);
            continue;
        }
        /* A write counts when it changed the field, or went into a new or
         * grown string; a refused one (FAIL) never does. */
        int r = run_write(c, &ops[i], p, len);
        if (r > 0 || (r == 0 && dirty))
            changes++;
    }
    if (changes) {
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_STRING, "setbit", c->db, key->ptr, key->len);
        server.dirty += changes;
    }
out:
    mem_free(ops);
}

void cmd_bitfield(struct client *c)
{
    bitfield(c, 0);
}

void cmd_bitfield_ro(struct client *c)
{
    bitfield(c, 1);
}
