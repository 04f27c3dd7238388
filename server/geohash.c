/* geohash: see geohash.h. Every function is O(1) and allocation free. */
#include <math.h>

#include "geohash.h"

#define DEG2RAD (M_PI / 180.0)

int geo_valid(double lon, double lat)
{
    return !(lon < GEO_LON_MIN || lon > GEO_LON_MAX || lat < GEO_LAT_MIN || lat > GEO_LAT_MAX);
}

/* Spread the low 32 bits of v to the even bit positions. */
static uint64_t spread(uint32_t v32)
{
    uint64_t v = v32;
    v = (v | (v << 16)) & 0x0000FFFF0000FFFFULL;
    v = (v | (v << 8)) & 0x00FF00FF00FF00FFULL;
    v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FULL;
    v = (v | (v << 2)) & 0x3333333333333333ULL;
    v = (v | (v << 1)) & 0x5555555555555555ULL;
    return v;
}

/* Gather the even bit positions of v into 32 bits (inverse of spread). */
static uint32_t gather(uint64_t v)
{
    v &= 0x5555555555555555ULL;
    v = (v | (v >> 1)) & 0x3333333333333333ULL;
    v = (v | (v >> 2)) & 0x0F0F0F0F0F0F0F0FULL;
    v = (v | (v >> 4)) & 0x00FF00FF00FF00FFULL;
    v = (v | (v >> 8)) & 0x0000FFFF0000FFFFULL;
    v = (v | (v >> 16)) & 0x00000000FFFFFFFFULL;
    return (uint32_t)v;
}

int geo_encode_range(double lon, double lat, double lat_min, double lat_max, int step,
                     struct geo_cell *cell)
{
    if (step < 1 || step > 32 || lon < GEO_LON_MIN || lon > GEO_LON_MAX || lat < lat_min ||
        lat > lat_max)
        return 0;
    double lat_off = (lat - lat_min) / (lat_max - lat_min);
    double lon_off = (lon - GEO_LON_MIN) / (GEO_LON_MAX - GEO_LON_MIN);
    lat_off *= (double)(1ULL << step);
    lon_off *= (double)(1ULL << step);
    cell->bits = spread((uint32_t)lat_off) | (spread((uint32_t)lon_off) << 1);
    cell->step = step;
    return 1;
}

int geo_encode(double lon, double lat, int step, struct geo_cell *cell)
{
    return geo_encode_range(lon, lat, GEO_LAT_MIN, GEO_LAT_MAX, step, cell);
}

void geo_decode_area(const struct geo_cell *cell, struct geo_area *a)
{
    uint32_t ilat = gather(cell->bits), ilon = gather(cell->bits >> 1);
    double n = (double)(1ULL << cell->step);
    double lat_scale = GEO_LAT_MAX - GEO_LAT_MIN, lon_scale = GEO_LON_MAX - GEO_LON_MIN;
    a->lat_min = GEO_LAT_MIN + (ilat * 1.0 / n) * lat_scale;
    a->lat_max = GEO_LAT_MIN + ((ilat + 1) * 1.0 / n) * lat_scale;
    a->lon_min = GEO_LON_MIN + (ilon * 1.0 / n) * lon_scale;
    a->lon_max = GEO_LON_MIN + ((ilon + 1) * 1.0 / n) * lon_scale;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void geo_decode_score(uint64_t score, double xy[2])
{
    struct geo_cell cell = {score, GEO_STEP_MAX};
    struct geo_area a;
    geo_decode_area(&cell, &a);
    xy[0] = clamp((a.lon_min + a.lon_max) / 2, GEO_LON_MIN, GEO_LON_MAX);
    xy[1] = clamp((a.lat_min + a.lat_max) / 2, GEO_LAT_MIN, GEO_LAT_MAX);
}

void geo_hash_string(uint64_t score, char out[12])
{
    static const char alphabet[] = "0123456789bcdefghjkmnpqrstuvwxyz";
    double xy[2];
    struct geo_cell cell = {0, 0};
    geo_decode_score(score, xy);
    geo_encode_range(xy[0], xy[1], -90.0, 90.0, GEO_STEP_MAX, &cell);
    for (int i = 0; i < 11; i++) {
        /* 55 bits are needed for 11 characters; the last one gets zeros. */
        unsigned idx = i == 10 ? 0 : (unsigned)((cell.bits >> (52 - (i + 1) * 5)) & 0x1f);
        out[i] = alphabet[idx];
    }
    out[11] = '\0';
}

double geo_lat_distance(double lat1, double lat2)
{
    return GEO_EARTH_RADIUS * fabs(lat2 * DEG2RAD - lat1 * DEG2RAD);
}

double geo_distance(double lon1, double lat1, double lon2, double lat2)
{
    double lat1r = lat1 * DEG2RAD, lat2r = lat2 * DEG2RAD;
    double lon1r = lon1 * DEG2RAD, lon2r = lon2 * DEG2RAD;
    double v = sin((lon2r - lon1r) / 2);
    if (v == 0.0)
        return geo_lat_distance(lat1, lat2);
    double u = sin((lat2r - lat1r) / 2);
    double a = u * u + cos(lat1r) * cos(lat2r) * v * v;
    return 2.0 * GEO_EARTH_RADIUS * asin(sqrt(a));
}

int geo_step_for_radius(double range_m, double lat)
{
    if (range_m == 0)
        return GEO_STEP_MAX;
    int step = 1;
    while (range_m < GEO_MERCATOR_MAX) {
        range_m *= 2;
        step++;
    }
    step -= 2; /* make sure the range is included in most of the base cases */
    /* Cells shrink in width towards the poles: use coarser ones there. */
    if (lat > 66 || lat < -66) {
        step--;
        if (lat > 80 || lat < -80)
            step--;
    }
    if (step < 1)
        step = 1;
    if (step > GEO_STEP_MAX)
        step = GEO_STEP_MAX;
    return step;
}

/* The cell dlon / dlat cells away from c (each -1, 0 or 1), wrapping. */
static struct geo_cell moved(const struct geo_cell *c, int dlon, int dlat)
{
    uint32_t mask = (uint32_t)((1ULL << c->step) - 1);
    uint32_t ilat = (gather(c->bits) + (uint32_t)dlat) & mask;
    uint32_t ilon = (gather(c->bits >> 1) + (uint32_t)dlon) & mask;
    return (struct geo_cell){spread(ilat) | (spread(ilon) << 1), c->step};
}

void geo_neighbours(const struct geo_cell *cell, struct geo_cell out[8])
{
    static const int d[8][2] = {{0, 1}, {0, -1}, {1, 0},  {-1, 0},
                                {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
    for (int i = 0; i < 8; i++)
        out[i] = moved(cell, d[i][0], d[i][1]);
}
