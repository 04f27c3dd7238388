/* Unit tests for geohash: encode/decode of known points (values checked
 * against Redis 7.0.15's GEOADD / GEOPOS / GEOHASH / GEODIST replies), the
 * edges of the ranges, the standard geohash string, neighbours and the
 * radius-to-step estimate. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "geohash.h"

static void test_encode_known(void **state)
{
    (void)state;
    struct geo_cell c;
    assert_true(geo_encode(13.361389, 38.115556, GEO_STEP_MAX, &c));
    assert_int_equal(c.bits, 3479099956230698ULL);
    assert_true(geo_encode(15.087269, 37.502669, GEO_STEP_MAX, &c));
    assert_int_equal(c.bits, 3479447370796909ULL);
    assert_true(geo_encode(0, 0, GEO_STEP_MAX, &c));
    assert_int_equal(c.bits, 3377699720527872ULL);
    assert_true(geo_encode(-180, GEO_LAT_MIN, GEO_STEP_MAX, &c));
    assert_int_equal(c.bits, 0);
    /* The top corner overflows the 26 bits, as in Redis. */
    assert_true(geo_encode(180, GEO_LAT_MAX, GEO_STEP_MAX, &c));
    assert_int_equal(c.bits, 13510798882111488ULL);
    assert_false(geo_encode(180.0001, 0, GEO_STEP_MAX, &c));
    assert_false(geo_encode(0, 85.06, GEO_STEP_MAX, &c));
    assert_false(geo_valid(-181, 0));
    assert_true(geo_valid(-180, -85.05112878));
}

static void test_decode_known(void **state)
{
    (void)state;
    double xy[2];
    char buf[64];
    geo_decode_score(3479099956230698ULL, xy);
    snprintf(buf, sizeof buf, "%.17Lf", (long double)xy[0]);
    assert_string_equal(buf, "13.36138933897018433");
    snprintf(buf, sizeof buf, "%.17Lf", (long double)xy[1]);
    assert_string_equal(buf, "38.11555639549629859");
    geo_decode_score(13510798882111488ULL, xy); /* clamped to the range */
    assert_true(xy[0] == 180.0);
    assert_true(xy[1] == GEO_LAT_MAX);
    geo_decode_score(0, xy);
    snprintf(buf, sizeof buf, "%.17Lf", (long double)xy[0]);
    assert_string_equal(buf, "-179.99999731779098511");
}

static void test_hash_string(void **state)
{
    (void)state;
    char s[12];
    geo_hash_string(3479099956230698ULL, s);
    assert_string_equal(s, "sqc8b49rny0");
    geo_hash_string(3479447370796909ULL, s);
    assert_string_equal(s, "sqdtr74hyu0");
    geo_hash_string(3377699720527872ULL, s);
    assert_string_equal(s, "s0000000000");
    geo_hash_string(0, s);
    assert_string_equal(s, "00bh0hbj200");
    geo_hash_string(13510798882111488ULL, s);
    assert_string_equal(s, "bp05b5048p0");
}

static void test_distance(void **state)
{
    (void)state;
    double a[2], b[2];
    char buf[64];
    geo_decode_score(3479099956230698ULL, a);
    geo_decode_score(3479447370796909ULL, b);
    snprintf(buf, sizeof buf, "%.4f", geo_distance(a[0], a[1], b[0], b[1]));
    assert_string_equal(buf, "166274.1516");
    assert_true(geo_distance(1, 2, 1, 2) == 0);
    /* Same longitude: the meridian distance. */
    assert_true(fabs(geo_distance(10, 0, 10, 1) - GEO_EARTH_RADIUS * M_PI / 180) < 1e-6);
    assert_true(fabs(geo_lat_distance(1, 0) - GEO_EARTH_RADIUS * M_PI / 180) < 1e-6);
}

static void test_step_and_neighbours(void **state)
{
    (void)state;
    assert_int_equal(geo_step_for_radius(0, 0), 26);
    assert_int_equal(geo_step_for_radius(1, 0), 24);
    assert_int_equal(geo_step_for_radius(200000, 0), 6);
    assert_int_equal(geo_step_for_radius(200000, 70), 5);
    assert_int_equal(geo_step_for_radius(200000, -81), 4);
    assert_int_equal(geo_step_for_radius(1e9, 0), 1);

    struct geo_cell c, n[8];
    struct geo_area a, na;
    assert_true(geo_encode(13.361389, 38.115556, 10, &c));
    geo_decode_area(&c, &a);
    assert_true(a.lon_min <= 13.361389 && 13.361389 <= a.lon_max);
    assert_true(a.lat_min <= 38.115556 && 38.115556 <= a.lat_max);
    geo_neighbours(&c, n);
    geo_decode_area(&n[0], &na); /* north */
    assert_true(fabs(na.lat_min - a.lat_max) < 1e-9 && na.lon_min == a.lon_min);
    geo_decode_area(&n[3], &na); /* west */
    assert_true(fabs(na.lon_max - a.lon_min) < 1e-9 && na.lat_min == a.lat_min);
    geo_decode_area(&n[7], &na); /* south west */
    assert_true(fabs(na.lon_max - a.lon_min) < 1e-9 && fabs(na.lat_max - a.lat_min) < 1e-9);
    /* Wrap-around at the west edge. */
    assert_true(geo_encode(-180, 0, 4, &c));
    geo_neighbours(&c, n);
    geo_decode_area(&n[3], &na);
    assert_true(na.lon_max == 180.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_known),        cmocka_unit_test(test_decode_known),
        cmocka_unit_test(test_hash_string),         cmocka_unit_test(test_distance),
        cmocka_unit_test(test_step_and_neighbours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
