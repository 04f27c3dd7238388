/* t_geo_search: GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and
 * their _RO forms (see t_geo.c for the shared design).
 *
 * The search reads at most 9 cells around the centre (geohash.h), each as a
 * score range of the sorted set, keeps the points inside the circle or box,
 * sorts them by distance when asked (or when COUNT is given without ANY),
 * then replies or stores the first COUNT. With COUNT ANY the scan stops as
 * soon as COUNT points were found.
 *
 * Must not know: the sorted set encodings (t_zset.h's API only), connections.
 */
#include <math.h>
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
#include "reply.h"
#include "server.h"
#include "t_string.h"
#include "t_zset.h"
#include "util.h"

/* Kinds of search (bit flags, as the commands differ). */
#define GS_COORDS  (1 << 0) /* GEORADIUS: centre from lon lat */
#define GS_MEMBER  (1 << 1) /* GEORADIUSBYMEMBER: centre from a member */
#define GS_SEARCH  (1 << 2) /* GEOSEARCH syntax */
#define GS_STORE   (1 << 3) /* GEOSEARCHSTORE */
#define GS_NOSTORE (1 << 4) /* _RO forms: no STORE option */

struct gshape {
    int box;
    double xy[2]; /* centre: lon, lat */
    double radius, width, height, conv;
};

struct gpoint {
    double xy[2];
    double dist;
    double score;
    char *m; /* owned copy */
    size_t len;
};

struct garr {
    struct gpoint *p;
    size_t used, cap;
};

struct gopts {
    int withdist, withhash, withcoord, any, sort, storedist;
    long long count;
    const struct resp_arg *storekey;
};

#define SORT_NONE 0
#define SORT_ASC  1
#define SORT_DESC 2

/* 1 and *dist (metres) if the point xy is inside shape s. */
static int in_shape(const struct gshape *s, const double xy[2], double *dist)
{
    if (!s->box) {
        *dist = geo_distance(s->xy[0], s->xy[1], xy[0], xy[1]);
        return *dist <= s->radius * s->conv;
    }
    double w = s->width * s->conv, h = s->height * s->conv;
    if (geo_lat_distance(xy[1], s->xy[1]) > h / 2)
        return 0;
    if (geo_distance(xy[0], xy[1], s->xy[0], xy[1]) > w / 2)
        return 0;
    *dist = geo_distance(s->xy[0], s->xy[1], xy[0], xy[1]);
    return 1;
}

/* Append the points of z whose scores are in [min, max) and inside s,
 * stopping once out holds limit points (limit 0: no limit). */
static void scan_range(struct zobj *z, double min, double max, const struct gshape *s,
                       struct garr *out, size_t limit)
{
    struct sl_range r = {min, max, 0, 1};
    unsigned long first, n = zobj_score_bounds(z, &r, &first);
    if (!n)
        return;
    struct zcur cur;
    zcur_at(&cur, z, first);
    for (unsigned long k = 0; k < n; k++) {
        const char *m;
        size_t len;
        double score, xy[2], dist;
        if (k)
            zcur_next(&cur);
        zcur_get(&cur, &m, &len, &score);
        geo_decode_score((uint64_t)score, xy);
        if (!in_shape(s, xy, &dist))
            continue;
        if (out->used == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 16;
            out->p = mem_realloc(out->p, out->cap * sizeof(*out->p));
        }
        /* Copied: m may point into the cursor's buffer (integer members). */
        char *copy = mem_alloc(len ? len : 1);
        memcpy(copy, m, len);
        out->p[out->used++] = (struct gpoint){{xy[0], xy[1]}, dist, score, copy, len};
        if (limit && out->used >= limit)
            return;
    }
}

/* The 9 cells to scan: [0] the centre's, then N, S, E, W, NE, NW, SE, SW;
 * cells the bounding box cannot reach get step 0. */
static void search_cells(const struct gshape *s, struct geo_cell cells[9])
{
    double lon = s->xy[0], lat = s->xy[1];
    double hm = s->conv * (s->box ? s->height / 2 : s->radius);
    double wm = s->conv * (s->box ? s->width / 2 : s->radius);
    double radius_m =
        s->box ? s->conv * sqrt((s->width / 2) * (s->width / 2) + (s->height / 2) * (s->height / 2))
               : s->radius * s->conv;
    /* Bounding box of the shape, in degrees. */
    double dlat = hm / GEO_EARTH_RADIUS * 180.0 / M_PI;
    double dlon_top = wm / GEO_EARTH_RADIUS / cos((lat + dlat) * M_PI / 180.0) * 180.0 / M_PI;
    double dlon_bot = wm / GEO_EARTH_RADIUS / cos((lat - dlat) * M_PI / 180.0) * 180.0 / M_PI;
    double dlon = lat < 0 ? dlon_bot : dlon_top;
    double min_lon = lon - dlon, max_lon = lon + dlon;
    double min_lat = lat - dlat, max_lat = lat + dlat;

    int step = geo_step_for_radius(radius_m, lat);
    struct geo_area area, a;
    for (int pass = 0; pass < 2; pass++) {
        geo_encode(lon, lat, step, &cells[0]);
        geo_neighbours(&cells[0], cells + 1);
        geo_decode_area(&cells[0], &area);
        if (pass)
            break;
        /* A centre near its cell's edge may need bigger cells. */
        int coarser = 0;
        geo_decode_area(&cells[1], &a);
        coarser |= a.lat_max < max_lat;
        geo_decode_area(&cells[2], &a);
        coarser |= a.lat_min > min_lat;
        geo_decode_area(&cells[3], &a);
        coarser |= a.lon_max < max_lon;
        geo_decode_area(&cells[4], &a);
        coarser |= a.lon_min > min_lon;
        if (step <= 1 || !coarser)
            break;
        step--;
    }
    if (step < 2)
        return;
    /* Drop the neighbours on sides the bounding box does not reach. */
    static const int south[3] = {2, 7, 8}, north[3] = {1, 5, 6};
    static const int west[3] = {4, 8, 6}, east[3] = {3, 7, 5};
    for (int k = 0; k < 3; k++) {
        if (area.lat_min < min_lat)
            cells[south[k]].step = 0, cells[south[k]].bits = 0;
        if (area.lat_max > max_lat)
            cells[north[k]].step = 0, cells[north[k]].bits = 0;
        if (area.lon_min < min_lon)
            cells[west[k]].step = 0, cells[west[k]].bits = 0;
        if (area.lon_max > max_lon)
            cells[east[k]].step = 0, cells[east[k]].bits = 0;
    }
}

/* All points of z inside s into out (at most limit when limit > 0). */
static void search(struct zobj *z, const struct gshape *s, struct garr *out, size_t limit)
{
    struct geo_cell cells[9];
    search_cells(s, cells);
    int last = 0;
    for (int i = 0; i < 9; i++) {
        if (cells[i].step == 0 && cells[i].bits == 0)
            continue;
        /* Huge radii can make adjacent cells the same: skip repeats. */
        if (last && cells[i].bits == cells[last].bits && cells[i].step == cells[last].step)
            continue;
        if (limit && out->used >= limit)
            break;
        int shift = 52 - cells[i].step * 2;
        double min = (double)(cells[i].bits << shift);
        double max = (double)((cells[i].bits + 1) << shift);
        scan_range(z, min, max, s, out, limit);
        last = i;
    }
}

static int by_dist_asc(const void *a, const void *b)
{
    double x = ((const struct gpoint *)a)->dist, y = ((const struct gpoint *)b)->dist;
    return x > y ? 1 : x == y ? 0 : -1;
}

static int by_dist_desc(const void *a, const void *b)
{
    return by_dist_asc(b, a);
}

/* Reply with (or store) the first n points of g. */
static void search_output(struct client *c, const struct gshape *s, const struct gopts *o,
                          struct garr *g, size_t n, int flags)
{
    if (o->storekey) {
        size_t maxlen = 0;
        for (size_t i = 0; i < n; i++)
            if (g->p[i].len > maxlen)
                maxlen = g->p[i].len;
        struct zobj *z = zobj_new_for(n, maxlen);
        for (size_t i = 0; i < n; i++) {
            int out;
            double ns, score = o->storedist ? g->p[i].dist / s->conv : g->p[i].score;
            zobj_add(z, score, g->p[i].m, g->p[i].len, 0, &out, &ns);
        }
        tzset_store(c, o->storekey, z, (flags & GS_SEARCH) ? "geosearchstore" : "georadiusstore");
        /* Redis counts one change per stored point (tzset_store counted 1). */
        if (n > 1)
            server.dirty += (long long)n - 1;
        reply_int(c, (long long)n);
        return;
    }
    int opts = o->withdist + o->withhash + o->withcoord;
    reply_array(c, (long long)n);
    for (size_t i = 0; i < n; i++) {
        const struct gpoint *p = &g->p[i];
        if (opts)
            reply_array(c, opts + 1);
        reply_bulk(c, p->m, p->len);
        if (o->withdist) {
            char buf[512];
            int len = snprintf(buf, sizeof buf, "%.4f", p->dist / s->conv);
            reply_bulk(c, buf, (size_t)len);
        }
        if (o->withhash)
            reply_int(c, (long long)p->score);
        if (o->withcoord) {
            reply_array(c, 2);
            geo_reply_coord(c, p->xy[0]);
            geo_reply_coord(c, p->xy[1]);
        }
    }
}

/* Parse a radius "r unit" or box "w h unit" at a; replies on error. */
static int parse_radius(struct client *c, const struct resp_arg *a, struct gshape *s)
{
    if (!util_str2d(a[0].ptr, a[0].len, &s->radius)) {
        reply_error(c, "ERR need numeric radius");
        return 0;
    }
    if (s->radius < 0) {
        reply_error(c, "ERR radius cannot be negative");
        return 0;
    }
    return geo_parse_unit(c, &a[1], &s->conv);
}

static int parse_box(struct client *c, const struct resp_arg *a, struct gshape *s)
{
    if (!util_str2d(a[0].ptr, a[0].len, &s->width)) {
        reply_error(c, "ERR need numeric width");
        return 0;
    }
    if (!util_str2d(a[1].ptr, a[1].len, &s->height)) {
        reply_error(c, "ERR need numeric height");
        return 0;
    }
    if (s->height < 0 || s->width < 0) {
        reply_error(c, "ERR height or width cannot be negative");
        return 0;
    }
    return geo_parse_unit(c, &a[2], &s->conv);
}

/* Parse the options from argv[i]; replies and returns 0 on error. */
static int parse_opts(struct client *c, int i, int flags, struct zobj *z, struct gshape *s,
                      struct gopts *o)
{
    int frommember = 0, fromloc = 0, byradius = 0, bybox = 0;
    for (; i < c->argc; i++) {
        const struct resp_arg *a = &c->argv[i];
        int left = c->argc - i - 1;
        int search = (flags & GS_SEARCH) != 0;
        int store_ok = !(flags & (GS_NOSTORE | GS_SEARCH));
        if (tstr_arg_is(a, "withdist"))
            o->withdist = 1;
        else if (tstr_arg_is(a, "withhash"))
            o->withhash = 1;
        else if (tstr_arg_is(a, "withcoord"))
            o->withcoord = 1;
        else if (tstr_arg_is(a, "any"))
            o->any = 1;
        else if (tstr_arg_is(a, "asc"))
            o->sort = SORT_ASC;
        else if (tstr_arg_is(a, "desc"))
            o->sort = SORT_DESC;
        else if (tstr_arg_is(a, "count") && left >= 1) {
            if (!util_str2ll(a[1].ptr, a[1].len, &o->count)) {
                reply_error_not_int(c);
                return 0;
            }
            if (o->count <= 0) {
                reply_error(c, "ERR COUNT must be > 0");
                return 0;
            }
            i++;
        } else if ((tstr_arg_is(a, "store") || tstr_arg_is(a, "storedist")) && left >= 1 &&
                   store_ok) {
            o->storekey = &a[1];
            o->storedist = tstr_arg_is(a, "storedist");
            i++;
        } else if (tstr_arg_is(a, "storedist") && (flags & GS_STORE)) {
            o->storedist = 1;
        } else if (tstr_arg_is(a, "frommember") && left >= 1 && search && !fromloc) {
            if (z && !geo_member_pos(z, &a[1], s->xy)) {
                reply_error(c, "ERR could not decode requested zset member");
                return 0;
            }
            frommember = 1;
            i++;
        } else if (tstr_arg_is(a, "fromlonlat") && left >= 2 && search && !frommember) {
            if (!geo_parse_lonlat(c, &a[1], s->xy))
                return 0;
            fromloc = 1;
            i += 2;
        } else if (tstr_arg_is(a, "byradius") && left >= 2 && search && !bybox) {
            if (!parse_radius(c, &a[1], s))
                return 0;
            s->box = 0;
            byradius = 1;
            i += 2;
        } else if (tstr_arg_is(a, "bybox") && left >= 3 && search && !byradius) {
            if (!parse_box(c, &a[1], s))
                return 0;
            s->box = 1;
            bybox = 1;
            i += 3;
        } else {
            reply_error_syntax(c);
            return 0;
        }
    }
    if ((flags & GS_SEARCH) && !(frommember || fromloc)) {
        reply_errorf(c, "ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for %.*s",
                     (int)c->argv[0].len, c->argv[0].ptr);
        return 0;
    }
    if ((flags & GS_SEARCH) && !(byradius || bybox)) {
        reply_errorf(c, "ERR exactly one of BYRADIUS and BYBOX can be specified for %.*s",
                     (int)c->argv[0].len, c->argv[0].ptr);
        return 0;
    }
    if (o->any && !o->count) {
        reply_error(c, "ERR the ANY argument requires COUNT argument");
        return 0;
    }
    if (o->storekey && (o->withdist || o->withhash || o->withcoord)) {
        reply_errorf(c, "ERR %s is not compatible with WITHDIST, WITHHASH and WITHCOORD options",
                     (flags & GS_STORE) ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS");
        return 0;
    }
    return 1;
}

/* The body of every search command; flags is a GS_* mix. */
static void search_generic(struct client *c, int srcidx, int flags)
{
    struct kv *e;
    struct gshape s = {0};
    struct gopts o = {0};
    if (!tzset_lookup(c, &c->argv[srcidx], 0, &e))
        return;
    struct zobj *z = e ? kv_ptr(e) : NULL;
    int base;
    if (flags & GS_COORDS) {
        base = 6;
        if (!geo_parse_lonlat(c, &c->argv[2], s.xy) || !parse_radius(c, &c->argv[4], &s))
            return;
    } else if (flags & GS_MEMBER) {
        base = 5;
        if (z) {
            if (!geo_member_pos(z, &c->argv[2], s.xy)) {
                reply_error(c, "ERR could not decode requested zset member");
                return;
            }
            if (!parse_radius(c, &c->argv[3], &s))
                return;
        }
    } else {
        base = (flags & GS_STORE) ? 3 : 2;
        if (flags & GS_STORE)
            o.storekey = &c->argv[1];
    }
    if (!parse_opts(c, base, flags, z, &s, &o))
        return;
    if (!z) {
        if (o.storekey) {
            tzset_store(c, o.storekey, zobj_new(1), "");
            reply_int(c, 0);
        } else {
            reply_array(c, 0);
        }
        return;
    }
    if (o.count && o.sort == SORT_NONE && !o.any)
        o.sort = SORT_ASC;
    struct garr g = {0};
    search(z, &s, &g, o.any ? (size_t)o.count : 0);
    /* qsort must not see the NULL array of an empty result. */
    if (g.used > 1 && o.sort == SORT_ASC)
        qsort(g.p, g.used, sizeof(*g.p), by_dist_asc);
    else if (g.used > 1 && o.sort == SORT_DESC)
        qsort(g.p, g.used, sizeof(*g.p), by_dist_desc);
    size_t n = (o.count == 0 || g.used < (size_t)o.count) ? g.used : (size_t)o.count;
    search_output(c, &s, &o, &g, n, flags);
    for (size_t i = 0; i < g.used; i++)
        mem_free(g.p[i].m);
    mem_free(g.p);
}

void cmd_georadius(struct client *c)
{
    search_generic(c, 1, GS_COORDS);
}

void cmd_georadius_ro(struct client *c)
{
    search_generic(c, 1, GS_COORDS | GS_NOSTORE);
}

void cmd_georadiusbymember(struct client *c)
{
    search_generic(c, 1, GS_MEMBER);
}

void cmd_georadiusbymember_ro(struct client *c)
{
    search_generic(c, 1, GS_MEMBER | GS_NOSTORE);
}

void cmd_geosearch(struct client *c)
{
    search_generic(c, 1, GS_SEARCH);
}

void cmd_geosearchstore(struct client *c)
{
    search_generic(c, 2, GS_SEARCH | GS_STORE);
}
