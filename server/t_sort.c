/* t_sort: SORT and SORT_RO over lists, sets and sorted sets, with BY
 * (weights from string keys or hash fields, or "no sort" when the pattern
 * has no '*'), LIMIT, GET (multiple, "#" for the element itself), ASC/DESC,
 * ALPHA and STORE (the result becomes a list).
 *
 * Behaviour follows Redis 7.0 exactly, including its quirks: numeric sort
 * parses values with strtod (an empty value is 0, "0x10" is 16), missing BY
 * keys weigh 0, equal numeric weights fall back to comparing the elements,
 * a sorted set is converted to the skiplist encoding by any SORT, and a set
 * sorted "BY nosort" with STORE is sorted alphabetically so the stored list
 * is deterministic.
 *
 * Invariants: elements are copied out of the source object before any
 * pattern lookup (lookups may expire keys), and pattern values are used
 * before the next lookup; the handler replies exactly once.
 *
 * Must not know: the encodings of lists, sets and sorted sets beyond their
 * headers (quicklist.h, t_set.h, t_zset.h, t_hash.h); connections.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "lp.h"
#include "mem.h"
#include "notify.h"
#include "quicklist.h"
#include "reply.h"
#include "server.h"
#include "t_hash.h"
#include "t_set.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

/* One element to sort: its bytes (owned), numeric weight, and for ALPHA BY
 * the weight string (owned; NULL when the BY key is missing). */
struct sort_item {
    char *s;
    size_t len;
    double score;
    char *cmp;
    size_t cmplen;
};

/* Parsed options. */
struct sort_opts {
    int desc, alpha, dontsort;
    long limit_start, limit_count;
    const struct resp_arg *by;    /* BY pattern or NULL */
    const struct resp_arg *store; /* STORE key or NULL */
    const struct resp_arg **gets; /* GET patterns (array of argv pointers) */
    int ngets;
};

/* Context for the comparison (qsort_r). */
struct sort_ctx {
    int desc, alpha, bypattern;
};

/* Byte-wise comparison, shorter first on a common prefix. */
static int cmp_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    int r = memcmp(a, b, n);
    if (r)
        return r;
    return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

/* qsort_r comparator, Redis's order: numeric weights (ties by element
 * bytes), or ALPHA by the BY strings (missing first) or by the elements. */
static int sort_cmp(const void *pa, const void *pb, void *priv)
{
    const struct sort_item *a = pa, *b = pb;
    const struct sort_ctx *ctx = priv;
    int r;
    if (!ctx->alpha) {
        if (a->score > b->score)
            r = 1;
        else if (a->score < b->score)
            r = -1;
        else
            r = cmp_bytes(a->s, a->len, b->s, b->len);
    } else if (ctx->bypattern) {
        if (!a->cmp || !b->cmp)
            r = a->cmp == b->cmp ? 0 : (a->cmp ? 1 : -1);
        else
            r = cmp_bytes(a->cmp, a->cmplen, b->cmp, b->cmplen);
    } else {
        r = cmp_bytes(a->s, a->len, b->s, b->len);
    }
    return ctx->desc ? -r : r;
}

/* The value a pattern names for element elem: "#" gives the element; else
 * the first '*' is replaced by elem and the string key (or, with "->field"
 * after the '*', the hash field) is looked up. Returns 1 and sets *out and *outlen
 * (valid until the next db access; buf holds integer values) or 0 if there
 * is none. Counts keyspace hits/misses as Redis does. O(key + field). */
static int pattern_value(struct client *c, const struct resp_arg *pat, const char *elem,
                         size_t elen, char buf[21], const char **out, size_t *outlen)
{
    const char *sp = pat->ptr;
    size_t clen = strnlen(sp, pat->len); /* Redis scans the pattern as a C string */
    if (clen == 1 && sp[0] == '#') {
        *out = elem;
        *outlen = elen;
        return 1;
    }
    const char *star = memchr(sp, '*', clen);
    if (!star)
        return 0;
    const char *field = NULL;
    size_t fieldlen = 0;
    for (const char *q = star + 1; q + 1 < sp + clen; q++) {
        if (q[0] == '-' && q[1] == '>') {
            if (q + 2 < sp + clen) {
                field = q + 2;
                fieldlen = pat->len - (size_t)(field - sp);
            }
            break;
        }
    }
    size_t prefix = (size_t)(star - sp);
    size_t postfix = pat->len - prefix - 1 - (field ? fieldlen + 2 : 0);
    size_t klen = prefix + elen + postfix;
    char *key = mem_alloc(klen + 1);
    memcpy(key, sp, prefix);
    memcpy(key + prefix, elem, elen);
    memcpy(key + prefix + elen, star + 1, postfix);
    struct resp_arg ka = {key, klen};
    struct kv *e = tstr_lookup_read(c, &ka);
    mem_free(key);
    if (!e)
        return 0;
    if (!field) {
        if (kv_type(e) != KV_STRING)
            return 0;
        *out = kv_str(e, outlen);
        return 1;
    }
    if (kv_type(e) != KV_HASH)
        return 0;
    return t_hash_get(e, field, fieldlen, out, outlen, buf);
}

/* Parse the options after the key. Returns 0 after replying an error. */
static int parse_opts(struct client *c, int readonly, struct sort_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->limit_count = -1;
    o->gets = mem_alloc(sizeof(*o->gets) * (size_t)c->argc);
    for (int j = 2; j < c->argc; j++) {
        int left = c->argc - j - 1;
        const struct resp_arg *a = &c->argv[j];
        if (tstr_arg_is(a, "asc")) {
            o->desc = 0;
        } else if (tstr_arg_is(a, "desc")) {
            o->desc = 1;
        } else if (tstr_arg_is(a, "alpha")) {
            o->alpha = 1;
        } else if (tstr_arg_is(a, "limit") && left >= 2) {
            if (!util_str2l(c->argv[j + 1].ptr, c->argv[j + 1].len, &o->limit_start) ||
                !util_str2l(c->argv[j + 2].ptr, c->argv[j + 2].len, &o->limit_count)) {
                reply_error_not_int(c);
                return 0;
            }
            j += 2;
        } else if (!readonly && tstr_arg_is(a, "store") && left >= 1) {
            o->store = &c->argv[++j];
        } else if (tstr_arg_is(a, "by") && left >= 1) {
            o->by = &c->argv[++j];
            if (!memchr(o->by->ptr, '*', strnlen(o->by->ptr, o->by->len)))
                o->dontsort = 1;
        } else if (tstr_arg_is(a, "get") && left >= 1) {
            o->gets[o->ngets++] = &c->argv[++j];
        } else {
            reply_error_syntax(c);
            return 0;
        }
    }
    return 1;
}

/* Collector state for tset_foreach. */
struct collect {
    struct sort_item *v;
    size_t n;
};

static void collect_one(void *priv, const char *p, size_t len)
{
    struct collect *col = priv;
    struct sort_item *it = &col->v[col->n++];
    it->s = mem_strndup(p, len);
    it->len = len;
}

/* Copy the list's elements [start, start+n) (from the tail end when desc)
 * into v. */
static size_t load_list(struct quicklist *ql, long start, size_t n, int desc, struct sort_item *v)
{
    struct ql_iter it;
    struct lp_entry le;
    size_t j = 0;
    long long idx = desc ? (long long)ql->count - start - 1 : start;
    if (n == 0 || !ql_iter_init(&it, ql, idx, desc ? QL_TAIL : QL_HEAD))
        return 0;
    while (j < n && ql_iter_next(&it, &le)) {
        char b[21];
        size_t len;
        const unsigned char *p = lp_bytes_of(&le, b, &len);
        v[j].s = mem_strndup((const char *)p, len);
        v[j].len = len;
        j++;
    }
    ql_settle(ql);
    return j;
}

/* Copy n sorted-set members from ascending rank start (or from descending
 * rank start when desc) into v. */
static size_t load_zset(struct zobj *z, long start, size_t n, int desc, struct sort_item *v)
{
    struct zcur cur;
    if (n == 0)
        return 0;
    size_t zlen = zobj_len(z);
    zcur_at(&cur, z, desc ? zlen - 1 - (size_t)start : (size_t)start);
    for (size_t j = 0; j < n; j++) {
        const char *m;
        size_t len;
        double sc;
        zcur_get(&cur, &m, &len, &sc);
        v[j].s = mem_strndup(m, len);
        v[j].len = len;
        if (j + 1 < n) {
            if (desc)
                zcur_prev(&cur);
            else
                zcur_next(&cur);
        }
    }
    return n;
}

/* SORT converts a listpack sorted set to a skiplist for good (Redis 7.0
 * does so destructively); rebuild e's value in that encoding. O(n log n). */
static void zset_to_skiplist(struct kv *e)
{
    struct zobj *z = kv_ptr(e);
    if (zobj_enc(z) == KV_ENC_SKIPLIST)
        return;
    struct zobj *nz = zobj_new(0);
    size_t n = zobj_len(z);
    struct zcur cur;
    if (n)
        zcur_at(&cur, z, 0);
    for (size_t j = 0; j < n; j++) {
        const char *m;
        size_t len;
        double sc, ns;
        int out;
        zcur_get(&cur, &m, &len, &sc);
        zobj_add(nz, sc, m, len, 0, &out, &ns);
        if (j + 1 < n)
            zcur_next(&cur);
    }
    kv_set_ptr(e, nz);
    kv_set_enc(e, KV_ENC_SKIPLIST);
    zobj_free(z);
}

/* Numeric weight of s[0..len) with strtod's rules; 0 on a value Redis
 * refuses (trailing bytes, out of range, NaN). */
static int parse_weight(const char *s, size_t len, double *out)
{
    char sb[64];
    char *tmp = len < sizeof(sb) ? sb : mem_alloc(len + 1);
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    char *end;
    errno = 0;
    double d = strtod(tmp, &end);
    int ok = !(end[0] != '\0' || errno == ERANGE || isnan(d));
    if (tmp != sb)
        mem_free(tmp);
    *out = d;
    return ok;
}

/* Fill in the weights of v[0..n) (BY pattern, or the elements). Returns 0
 * if some weight is not a number (numeric sort only). */
static int load_weights(struct client *c, const struct sort_opts *o, struct sort_item *v, size_t n)
{
    int ok = 1;
    for (size_t j = 0; j < n; j++) {
        const char *val = v[j].s;
        size_t vlen = v[j].len;
        char buf[21];
        if (o->by && !pattern_value(c, o->by, v[j].s, v[j].len, buf, &val, &vlen))
            continue;
        if (o->alpha) {
            if (o->by) {
                v[j].cmp = mem_strndup(val, vlen);
                v[j].cmplen = vlen;
            }
        } else if (!parse_weight(val, vlen, &v[j].score)) {
            ok = 0;
        }
    }
    return ok;
}

/* Reply with (or, with STORE, store) v[start..end], expanded by the GET
 * patterns. */
static void emit(struct client *c, const struct sort_opts *o, struct sort_item *v, long start,
                 long end)
{
    long count = end - start + 1;
    long long outlen = o->ngets ? (long long)o->ngets * count : count;
    if (!o->store) {
        reply_array(c, outlen);
        for (long j = start; j <= end; j++) {
            if (!o->ngets)
                reply_bulk(c, v[j].s, v[j].len);
            for (int g = 0; g < o->ngets; g++) {
                const char *val;
                size_t vlen;
                char buf[21];
                if (pattern_value(c, o->gets[g], v[j].s, v[j].len, buf, &val, &vlen))
                    reply_bulk(c, val, vlen);
                else
                    reply_null(c);
            }
        }
        return;
    }
    struct quicklist *ql = ql_new(server.list_max_listpack_size);
    ql_set_depth(ql, server.list_compress_depth);
    for (long j = start; j <= end; j++) {
        if (!o->ngets)
            ql_push(ql, QL_TAIL, v[j].s, v[j].len);
        for (int g = 0; g < o->ngets; g++) {
            const char *val;
            size_t vlen;
            char buf[21];
            if (!pattern_value(c, o->gets[g], v[j].s, v[j].len, buf, &val, &vlen)) {
                val = "";
                vlen = 0;
            }
            ql_push(ql, QL_TAIL, val, vlen);
        }
    }
    const struct resp_arg *k = o->store;
    if (outlen) {
        db_set_object(c->db, k->ptr, k->len, KV_LIST, KV_ENC_QUICKLIST, ql, -1, 0);
        notify_key_modified(c->db, k->ptr, k->len);
        notify_event(NOTIFY_LIST, "sortstore", c->db, k->ptr, k->len);
        server.dirty += outlen;
    } else {
        ql_free(ql);
        if (db_delete(c->db, k->ptr, k->len)) {
            notify_key_modified(c->db, k->ptr, k->len);
            notify_event(NOTIFY_GENERIC, "del", c->db, k->ptr, k->len);
            server.dirty++;
        }
    }
    reply_int(c, outlen);
}

/* Load the elements of e (NULL: empty) into a new vector, applying Redis's
 * direct-range shortcut for lists and sorted sets when nothing is sorted.
 * Sets *n, and adjusts *start / *end to the vector. */
static struct sort_item *load_items(struct kv *e, const struct sort_opts *o, long *start, long *end,
                                    size_t *n)
{
    size_t total = 0;
    int type = e ? kv_type(e) : KV_LIST;
    if (e)
        total = type == KV_LIST ? ((struct quicklist *)kv_ptr(e))->count
                                : (type == KV_SET ? tset_size(e) : zobj_len(kv_ptr(e)));
    long len = (long)total;
    *start = o->limit_start < 0 ? 0 : o->limit_start;
    *end = o->limit_count < 0 ? len - 1 : *start + o->limit_count - 1;
    if (*start >= len) {
        *start = len - 1;
        *end = len - 2;
    }
    if (*end >= len)
        *end = len - 1;
    int direct = e && type != KV_SET && o->dontsort;
    size_t vlen = total;
    if (direct && (*start != 0 || *end != len - 1))
        vlen = (size_t)(*end - *start + 1);
    struct sort_item *v = mem_calloc(vlen ? vlen : 1, sizeof(*v));
    *n = vlen;
    if (!e)
        return v;
    if (direct) {
        if (type == KV_LIST && *end < *start)
            return v; /* Redis leaves start/end alone here; nothing is output */
        if (type == KV_LIST)
            load_list(kv_ptr(e), *start, vlen, o->desc, v);
        else
            load_zset(kv_ptr(e), *start, vlen, o->desc, v);
        *end -= *start;
        *start = 0;
    } else if (type == KV_LIST) {
        load_list(kv_ptr(e), 0, vlen, 0, v);
    } else if (type == KV_SET) {
        struct collect col = {v, 0};
        tset_foreach(e, collect_one, &col);
    } else {
        load_zset(kv_ptr(e), 0, vlen, 0, v);
    }
    return v;
}

/* SORT / SORT_RO. Cost: O(N + M log M) plus a lookup per element and
 * pattern. */
static void sort_generic(struct client *c, int readonly)
{
    struct sort_opts o;
    if (!parse_opts(c, readonly, &o)) {
        mem_free(o.gets);
        return;
    }
    struct kv *e = tstr_lookup_read(c, &c->argv[1]); /* counted even with STORE */
    if (e && kv_type(e) != KV_LIST && kv_type(e) != KV_SET && kv_type(e) != KV_ZSET) {
        reply_error_wrongtype(c);
        mem_free(o.gets);
        return;
    }
    if (o.dontsort && e && kv_type(e) == KV_SET && o.store) {
        o.dontsort = 0; /* deterministic stored result */
        o.alpha = 1;
        o.by = NULL;
    }
    if (e && kv_type(e) == KV_ZSET)
        zset_to_skiplist(e);
    long start, end;
    size_t n;
    struct sort_item *v = load_items(e, &o, &start, &end, &n);
    int ok = 1;
    if (!o.dontsort) {
        ok = load_weights(c, &o, v, n);
        struct sort_ctx ctx = {o.desc, o.alpha, o.by != NULL};
        qsort_r(v, n, sizeof(*v), sort_cmp, &ctx);
    }
    if (!ok)
        reply_error(c, "ERR One or more scores can't be converted into double");
    else
        emit(c, &o, v, start, end);
    for (size_t j = 0; j < n; j++) {
        mem_free(v[j].s);
        mem_free(v[j].cmp);
    }
    mem_free(v);
    mem_free(o.gets);
}

void cmd_sort(struct client *c)
{
    sort_generic(c, 0);
}

void cmd_sort_ro(struct client *c)
{
    sort_generic(c, 1);
}
