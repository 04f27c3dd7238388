/* t_geo: the geo commands (GEOADD, GEOPOS, GEODIST, GEOHASH, GEOSEARCH,
 * GEOSEARCHSTORE, GEORADIUS[BYMEMBER][_RO]) on top of sorted sets.
 *
 * A geo set is an ordinary sorted set whose scores are 52-bit geohashes
 * (geohash.h). A search picks a cell size from the radius (or the box's
 * half diagonal), takes the centre's cell and its 8 neighbours, drops the
 * neighbours the bounding box cannot reach, reads each cell's score range in
 * order and keeps the points within the shape. Semantics are Redis 7.0.15's:
 * reply shapes (coordinates as human long doubles, bulk in RESP2 and doubles
 * in RESP3; distances as "%.4f" bulks), error texts and their order,
 * keyspace events ("zadd"; "georadiusstore"/"geosearchstore", "del").
 * GEOADD is propagated as the ZADD it amounts to.
 *
 * Must not know: the sorted set encodings (t_zset.h's API only), connections.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "db.h"
#include "geohash.h"
#include "t_geo.h"
#include "mem.h"
#include "notify.h"
#include "propagate.h"
#include "reply.h"
#include "server.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

/* ---- small reply and parse helpers ---- */

/* A coordinate as Redis prints it: human long double, a bulk in RESP2 and a
 * double in RESP3. */
void geo_reply_coord(struct client *c, double v)
{
    char buf[UTIL_LD_STR_MAX + 8];
    size_t n = util_ld2str_human(buf + 1, sizeof buf - 3, (long double)v);
    if (c->resp == 2) {
        reply_bulk(c, buf + 1, n);
        return;
    }
    buf[0] = ',';
    memcpy(buf + 1 + n, "\r\n", 2);
    reply_raw(c, buf, n + 3);
}

static void reply_point(struct client *c, const double xy[2])
{
    reply_array(c, 2);
    geo_reply_coord(c, xy[0]);
    geo_reply_coord(c, xy[1]);
}

static void reply_distance(struct client *c, double d)
{
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%.4f", d);
    reply_bulk(c, buf, (size_t)n);
}

/* Longitude and latitude from a[0], a[1]; replies and returns 0 on error. */
int geo_parse_lonlat(struct client *c, const struct resp_arg *a, double xy[2])
{
    if (!util_str2d(a[0].ptr, a[0].len, &xy[0]) || !util_str2d(a[1].ptr, a[1].len, &xy[1])) {
        reply_error_not_float(c);
        return 0;
    }
    if (!geo_valid(xy[0], xy[1])) {
        reply_errorf(c, "ERR invalid longitude,latitude pair %f,%f", xy[0], xy[1]);
        return 0;
    }
    return 1;
}

/* Metres per unit of a (m, km, ft, mi); replies and returns 0 if unknown. */
int geo_parse_unit(struct client *c, const struct resp_arg *a, double *conv)
{
    if (tstr_arg_is(a, "m"))
        *conv = 1;
    else if (tstr_arg_is(a, "km"))
        *conv = 1000;
    else if (tstr_arg_is(a, "ft"))
        *conv = 0.3048;
    else if (tstr_arg_is(a, "mi"))
        *conv = 1609.34;
    else {
        reply_error(c, "ERR unsupported unit provided. please use M, KM, FT, MI");
        return 0;
    }
    return 1;
}

/* Centre of member m's cell into xy; 0 if m is not in z. */
int geo_member_pos(struct zobj *z, const struct resp_arg *m, double xy[2])
{
    double score;
    if (!z || !zobj_score(z, m->ptr, m->len, &score))
        return 0;
    geo_decode_score((uint64_t)score, xy);
    return 1;
}

/* ---- GEOADD ---- */

/* GEOADD key [NX|XX] [CH] lon lat member [...]: a ZADD of the geohashes.
 * Propagated as "zadd key [flags] score member ...". O(n log N). */
void cmd_geoadd(struct client *c)
{
    const struct resp_arg *key = &c->argv[1];
    int flags = 0, ch = 0, i = 2;
    for (; i < c->argc; i++) {
        if (tstr_arg_is(&c->argv[i], "nx"))
            flags |= ZA_NX;
        else if (tstr_arg_is(&c->argv[i], "xx"))
            flags |= ZA_XX;
        else if (tstr_arg_is(&c->argv[i], "ch"))
            ch = 1;
        else
            break;
    }
    int n = (c->argc - i) / 3;
    if ((c->argc - i) % 3 || n == 0 || ((flags & ZA_NX) && (flags & ZA_XX))) {
        reply_error_syntax(c);
        return;
    }
    long long *hash = mem_alloc(sizeof(long long) * (size_t)n);
    for (int j = 0; j < n; j++) {
        double xy[2];
        struct geo_cell cell;
        if (!geo_parse_lonlat(c, &c->argv[i + j * 3], xy))
            goto done;
        geo_encode(xy[0], xy[1], GEO_STEP_MAX, &cell);
        hash[j] = (long long)cell.bits;
    }
    struct kv *e;
    if (!tzset_lookup(c, key, 1, &e))
        goto done;
    int added = 0, updated = 0;
    if (!e) {
        if (flags & ZA_XX) {
            reply_int(c, 0);
            goto done;
        }
        struct zobj *nz = zobj_new(server.zset_max_listpack_entries != 0 &&
                                   c->argv[i + 2].len <= (size_t)server.zset_max_listpack_value);
        e = db_set_object(c->db, key->ptr, key->len, KV_ZSET, zobj_enc(nz), nz, -1, 0);
    }
    struct zobj *z = kv_ptr(e);
    for (int j = 0; j < n; j++) {
        const struct resp_arg *m = &c->argv[i + j * 3 + 2];
        int out;
        double ns;
        zobj_add(z, (double)hash[j], m->ptr, m->len, flags, &out, &ns);
        added += (out & ZA_ADDED) != 0;
        updated += (out & ZA_UPDATED) != 0;
    }
    kv_set_enc(e, zobj_enc(z));
    reply_int(c, ch ? added + updated : added);
    if (added || updated) {
        notify_key_modified(c->db, key->ptr, key->len);
        notify_event(NOTIFY_ZSET, "zadd", c->db, key->ptr, key->len);
        server.dirty += added + updated;
        /* Propagate the ZADD: flags as given, then score/member pairs. */
        int pargc = 2 + (i - 2) + n * 2;
        struct resp_arg *pa = mem_alloc(sizeof(*pa) * (size_t)pargc);
        char *nums = mem_alloc((size_t)n * 24);
        pa[0] = (struct resp_arg){(char *)"zadd", 4};
        pa[1] = *key;
        for (int j = 2; j < i; j++)
            pa[j] = c->argv[j];
        for (int j = 0; j < n; j++) {
            char *s = nums + j * 24;
            int len = snprintf(s, 24, "%lld", hash[j]);
            pa[i + j * 2] = (struct resp_arg){s, (size_t)len};
            pa[i + j * 2 + 1] = c->argv[i + j * 3 + 2];
        }
        propagate_cmd(c->db_index, pargc, pa);
        propagate_prevent();
        mem_free(nums);
        mem_free(pa);
    }
done:
    mem_free(hash);
}

/* ---- GEOPOS / GEODIST / GEOHASH ---- */

void cmd_geopos(struct client *c)
{
    struct kv *e;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    struct zobj *z = e ? kv_ptr(e) : NULL;
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++) {
        double xy[2];
        if (geo_member_pos(z, &c->argv[i], xy))
            reply_point(c, xy);
        else
            reply_null_array(c);
    }
}

void cmd_geodist(struct client *c)
{
    double conv = 1;
    if (c->argc == 5) {
        if (!geo_parse_unit(c, &c->argv[4], &conv))
            return;
    } else if (c->argc > 5) {
        reply_error_syntax(c);
        return;
    }
    struct kv *e;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    double a[2], b[2];
    struct zobj *z = e ? kv_ptr(e) : NULL;
    if (!geo_member_pos(z, &c->argv[2], a) || !geo_member_pos(z, &c->argv[3], b)) {
        reply_null(c);
        return;
    }
    reply_distance(c, geo_distance(a[0], a[1], b[0], b[1]) / conv);
}

void cmd_geohash(struct client *c)
{
    struct kv *e;
    if (!tzset_lookup(c, &c->argv[1], 0, &e))
        return;
    struct zobj *z = e ? kv_ptr(e) : NULL;
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++) {
        double score;
        char s[12];
        if (z && zobj_score(z, c->argv[i].ptr, c->argv[i].len, &score)) {
            geo_hash_string((uint64_t)score, s);
            reply_bulk(c, s, 11);
        } else {
            reply_null(c);
        }
    }
}
