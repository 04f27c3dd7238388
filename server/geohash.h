/* geohash: pure geohash arithmetic for the geo commands (t_geo.c).
 *
 * A geo set stores each point as a 52-bit interleaved geohash: 26 bits of
 * longitude (range [-180, 180]) and 26 bits of latitude (range
 * [-85.05112878, 85.05112878], the Web Mercator limits). In each bit pair
 * the longitude bit is the more significant one. A cell at step s (1..26)
 * is the 2*s-bit prefix; its scores span [bits << (52-2s), (bits+1) << (52-2s)).
 *
 * Distances use the haversine formula on a sphere of radius GEO_EARTH_RADIUS
 * metres. Decoded points are cell centres, clamped to the ranges above.
 *
 * Must not know: clients, replies, the keyspace, allocation.
 */
#ifndef TERN_GEOHASH_H
#define TERN_GEOHASH_H

#include <stdint.h>

#define GEO_STEP_MAX     26
#define GEO_LAT_MIN      -85.05112878
#define GEO_LAT_MAX      85.05112878
#define GEO_LON_MIN      -180.0
#define GEO_LON_MAX      180.0
#define GEO_EARTH_RADIUS 6372797.560856
#define GEO_MERCATOR_MAX 20037726.37

/* A cell: its bit prefix and step (step 0 means "no cell"). */
struct geo_cell {
    uint64_t bits;
    int step;
};

/* A cell's bounds in degrees. */
struct geo_area {
    double lon_min, lon_max, lat_min, lat_max;
};

/* 1 if (lon, lat) is inside the indexable ranges. */
int geo_valid(double lon, double lat);
/* Encode (lon, lat) at step into *cell using the given latitude limits
 * (GEO_LAT_MIN/MAX for stored points, -90/90 for the standard geohash
 * string). Returns 0 if the point is outside the ranges. */
int geo_encode_range(double lon, double lat, double lat_min, double lat_max, int step,
                     struct geo_cell *cell);
/* geo_encode_range with the stored-point limits. */
int geo_encode(double lon, double lat, int step, struct geo_cell *cell);
/* Bounds of cell (stored-point limits). */
void geo_decode_area(const struct geo_cell *cell, struct geo_area *a);
/* Centre of the 52-bit score's cell into xy[0] (lon), xy[1] (lat). */
void geo_decode_score(uint64_t score, double xy[2]);
/* The 11-character standard geohash of a stored 52-bit score, into out
 * (at least 12 bytes, NUL-terminated). */
void geo_hash_string(uint64_t score, char out[12]);

/* Great-circle distance in metres between two points given in degrees. */
double geo_distance(double lon1, double lat1, double lon2, double lat2);
/* Distance in metres along a meridian between two latitudes. */
double geo_lat_distance(double lat1, double lat2);

/* The step whose cells are about the size of range_m metres at latitude lat,
 * coarser near the poles; 1..26 (26 for range 0). */
int geo_step_for_radius(double range_m, double lat);
/* The 8 neighbours of cell, in the order N, S, E, W, NE, NW, SE, SW,
 * wrapping around at the edges of the bit ranges. */
void geo_neighbours(const struct geo_cell *cell, struct geo_cell out[8]);

#endif
