/*
 * itest_geo.c - geo behaviour the compat scripts cannot see: the change
 * counter (INFO rdb_changes_since_last_save) after GEOADD and the STORE
 * forms counts one change per stored point, as Redis does. Validated
 * against redis-server (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"

static long long changes(redisContext *c)
{
    return hs_info_field(c, "persistence", "rdb_changes_since_last_save");
}

static void test_store_counts_each_point(void **state)
{
    redisContext *c = hs_connect(*state);
    long long before = changes(c);
    assert_int_equal(hs_cmd_expect(c, "3",
                                   "GEOADD pts 13.361389 38.115556 a 15.087269 37.502669 b "
                                   "13.5 38.0 c"),
                     0);
    assert_int_equal(changes(c) - before, 3);
    before = changes(c);
    assert_int_equal(
        hs_cmd_expect(c, "3", "GEOSEARCHSTORE dst pts FROMLONLAT 15 37 BYRADIUS 300 km ASC"), 0);
    assert_int_equal(changes(c) - before, 3);
    before = changes(c);
    assert_int_equal(hs_cmd_expect(c, "2", "GEORADIUS pts 13.4 38.1 50 km STORE dst2"), 0);
    assert_int_equal(changes(c) - before, 2);
    before = changes(c);
    /* Nothing found: the destination is deleted, one change. */
    assert_int_equal(hs_cmd_expect(c, "0", "GEOSEARCHSTORE dst pts FROMLONLAT 0 0 BYRADIUS 1 km"),
                     0);
    assert_int_equal(changes(c) - before, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_store_counts_each_point, hs_setup, hs_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
