/* t_lcs: LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN], the
 * longest common subsequence of two string values, as Redis 7.0 computes
 * and reports it.
 *
 * Method: the classic dynamic-programming table of LCS lengths of every pair
 * of prefixes ((alen+1) x (blen+1) uint32 cells, O(alen*blen) time and
 * memory), then one walk back from the bottom-right corner that rebuilds the
 * subsequence and the matching ranges. The walk's tie rule (go up only when
 * the cell above is strictly larger, else left) decides which of several
 * equally long subsequences is reported, so it must stay as it is for our
 * replies to equal Redis's. Like Redis, we refuse a table larger than
 * proto-max-bulk-len bytes rather than exhaust memory.
 *
 * Missing keys count as empty strings; any non-string key is an error.
 *
 * Must not know: entry layout, connections.
 */
#include <stdint.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "reply.h"
#include "server.h"
#include "t_string.h"
#include "util.h"

struct lcs_opts {
    int len, idx, withmatchlen;
    long long minmatchlen;
};

/* Parse the options after the two keys. Replies and returns -1 on error. */
static int lcs_parse(struct client *c, struct lcs_opts *o)
{
    memset(o, 0, sizeof(*o));
    for (int j = 3; j < c->argc; j++) {
        const struct resp_arg *a = &c->argv[j];
        if (tstr_arg_is(a, "idx")) {
            o->idx = 1;
        } else if (tstr_arg_is(a, "len")) {
            o->len = 1;
        } else if (tstr_arg_is(a, "withmatchlen")) {
            o->withmatchlen = 1;
        } else if (tstr_arg_is(a, "minmatchlen") && j + 1 < c->argc) {
            j++;
            if (!util_str2ll(c->argv[j].ptr, c->argv[j].len, &o->minmatchlen)) {
                reply_error_not_int(c);
                return -1;
            }
            if (o->minmatchlen < 0)
                o->minmatchlen = 0;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    if (o->idx && o->len) {
        reply_error(c, "ERR If you want both the length and indexes, please just use IDX.");
        return -1;
    }
    return 0;
}

/* Fill the table: t[i*(blen+1)+j] = LCS length of a[0..i) and b[0..j).
 * O(alen*blen). */
static void lcs_fill(uint32_t *t, const char *a, uint32_t alen, const char *b, uint32_t blen)
{
    size_t w = (size_t)blen + 1;
    memset(t, 0, w * sizeof(*t)); /* row 0 */
    for (uint32_t i = 1; i <= alen; i++) {
        uint32_t *row = t + (size_t)i * w, *up = row - w;
        char ca = a[i - 1];
        row[0] = 0;
        for (uint32_t j = 1; j <= blen; j++) {
            if (ca == b[j - 1])
                row[j] = up[j - 1] + 1;
            else
                row[j] = up[j] > row[j - 1] ? up[j] : row[j - 1];
        }
    }
}

/* One matching range being grown backwards during the walk. */
struct lcs_range {
    int open;
    uint32_t a0, a1, b0, b1;
};

/* Emit range r as an IDX element: [[a0,a1],[b0,b1]] (+ its length). */
static void lcs_emit(struct client *c, const struct lcs_range *r, int withlen)
{
    reply_array(c, 2 + withlen);
    reply_array(c, 2);
    reply_int(c, r->a0);
    reply_int(c, r->a1);
    reply_array(c, 2);
    reply_int(c, r->b0);
    reply_int(c, r->b1);
    if (withlen)
        reply_int(c, (long long)r->a1 - r->a0 + 1);
}

/* Walk back through table t, writing the subsequence into out (n bytes,
 * n = the LCS length) and, when o->idx, replying each maximal contiguous
 * range (last to first) that is at least o->minmatchlen long. Returns how
 * many ranges were replied. O(alen + blen). */
static long long lcs_walk(struct client *c, const uint32_t *t, const char *a, uint32_t alen,
                          const char *b, uint32_t blen, char *out, uint32_t n,
                          const struct lcs_opts *o)
{
    size_t w = (size_t)blen + 1;
    uint32_t i = alen, j = blen;
    struct lcs_range r = {0};
    long long emitted = 0;

    while (i > 0 && j > 0) {
        int flush = 0;
        if (a[i - 1] == b[j - 1]) {
            out[--n] = a[i - 1];
            if (!r.open) {
                r = (struct lcs_range){1, i - 1, i - 1, j - 1, j - 1};
            } else if (r.a0 == i && r.b0 == j) {
                r.a0--; /* contiguous: extend backwards */
                r.b0--;
            } else {
                flush = 1;
            }
            if (r.a0 == 0 || r.b0 == 0)
                flush = 1; /* reached the start of a string */
            i--;
            j--;
        } else {
            if (t[(size_t)(i - 1) * w + j] > t[(size_t)i * w + j - 1])
                i--;
            else
                j--;
            flush = r.open;
        }
        if (flush) {
            long long mlen = (long long)r.a1 - r.a0 + 1;
            if (o->idx && (o->minmatchlen == 0 || mlen >= o->minmatchlen)) {
                lcs_emit(c, &r, o->withmatchlen);
                emitted++;
            }
            r.open = 0;
        }
    }
    return emitted;
}

/* Allocate the table for alen x blen, or reply Redis's error and return NULL:
 * too big for size_t, or larger than proto-max-bulk-len. */
static uint32_t *lcs_table(struct client *c, uint32_t alen, uint32_t blen)
{
    unsigned long long cells = (unsigned long long)(alen + 1ull) * (blen + 1ull);
    unsigned long long bytes = cells * sizeof(uint32_t);
    if (bytes / cells != sizeof(uint32_t) || bytes >= SIZE_MAX) {
        reply_error(c, "ERR Insufficient memory, failed allocating transient memory for LCS");
        return NULL;
    }
    if (bytes > (unsigned long long)server.proto_max_bulk_len) {
        reply_error(c, "ERR Insufficient memory, transient memory for LCS exceeds "
                       "proto-max-bulk-len");
        return NULL;
    }
    return mem_alloc((size_t)bytes);
}

void cmd_lcs(struct client *c)
{
    struct kv *ea = tstr_lookup_read(c, &c->argv[1]);
    int a_found = ea != NULL;
    struct kv *eb = tstr_lookup_read(c, &c->argv[2]);
    struct lcs_opts o;

    /* The second lookup may have written to the db (lazy expiry), which
     * invalidates ea: fetch it again (it was live a moment ago). */
    if (a_found)
        ea = db_lookup(c->db, c->argv[1].ptr, c->argv[1].len,
                       DB_LOOKUP_NOTOUCH | DB_LOOKUP_NOEXPIRE);
    if ((ea && kv_type(ea) != KV_STRING) || (eb && kv_type(eb) != KV_STRING)) {
        reply_error(c, "ERR The specified keys must contain string values");
        return;
    }
    size_t al = 0, bl = 0;
    const char *a = ea ? kv_str(ea, &al) : "";
    const char *b = eb ? kv_str(eb, &bl) : "";

    if (lcs_parse(c, &o) < 0)
        return;
    if (al >= UINT32_MAX - 1 || bl >= UINT32_MAX - 1) {
        reply_error(c, "ERR String too long for LCS");
        return;
    }
    uint32_t alen = (uint32_t)al, blen = (uint32_t)bl;
    uint32_t *t = lcs_table(c, alen, blen);
    if (!t)
        return;
    lcs_fill(t, a, alen, b, blen);
    uint32_t n = t[(size_t)alen * (blen + 1) + blen];

    if (o.len && !o.idx) {
        reply_int(c, n);
    } else {
        char *out = mem_alloc(n ? n : 1);
        long h = -1;
        if (o.idx) {
            reply_map(c, 2);
            reply_bulk_cstr(c, "matches");
            h = reply_defer(c);
        }
        long long ranges = lcs_walk(c, t, a, alen, b, blen, out, n, &o);
        if (o.idx) {
            reply_bulk_cstr(c, "len");
            reply_int(c, n);
            reply_defer_array(c, h, ranges);
        } else {
            reply_bulk(c, out, n);
        }
        mem_free(out);
    }
    mem_free(t);
}
