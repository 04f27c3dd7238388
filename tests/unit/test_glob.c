/* Unit tests for glob: a table of (pattern, string, expected) cases whose
 * expected values were recorded from redis-server 7.0.15 (KEYS pattern over
 * a single key), nocase rules, Redis's 1000-group nesting limit, and the
 * pathological patterns that must not take exponential time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "glob.h"
#include "mem.h"

struct gcase {
    const char *pat;
    size_t plen;
    const char *str;
    size_t slen;
    int match;
};

/* Generated from redis-server 7.0.15 (see the file comment). */
static const struct gcase cases[] = {
    {"", 0, "", 0, 1},
    {"a", 1, "", 0, 0},
    {"**", 2, "", 0, 0},
    {"", 0, "a", 1, 0},
    {"abc", 3, "abc", 3, 1},
    {"abc", 3, "abd", 3, 0},
    {"abc", 3, "ab", 2, 0},
    {"ab", 2, "abc", 3, 0},
    {"*", 1, "anything", 8, 1},
    {"a*", 2, "a", 1, 1},
    {"a*", 2, "abc", 3, 1},
    {"*c", 2, "abc", 3, 1},
    {"*c", 2, "abcd", 4, 0},
    {"a*c", 3, "ac", 2, 1},
    {"a*c", 3, "abbbc", 5, 1},
    {"a*c", 3, "abbbcd", 6, 0},
    {"a**c", 4, "axc", 3, 1},
    {"*a*b*", 5, "xaxbx", 5, 1},
    {"*ab", 3, "aab", 3, 1},
    {"*ab", 3, "aba", 3, 0},
    {"a*b*c", 5, "abbbbc", 6, 1},
    {"a*b*c", 5, "acb", 3, 0},
    {"\077", 1, "a", 1, 1},
    {"\077", 1, "", 0, 0},
    {"\077", 1, "ab", 2, 0},
    {"a\077c", 3, "abc", 3, 1},
    {"a\077c", 3, "ac", 2, 0},
    {"\077\077*", 3, "ab", 2, 1},
    {"\077\077*", 3, "a", 1, 0},
    {"[abc]", 5, "b", 1, 1},
    {"[abc]", 5, "d", 1, 0},
    {"[^abc]", 6, "d", 1, 1},
    {"[^abc]", 6, "a", 1, 0},
    {"[a-c]", 5, "b", 1, 1},
    {"[a-c]", 5, "d", 1, 0},
    {"[c-a]", 5, "b", 1, 1},
    {"[^a-c]", 6, "b", 1, 0},
    {"[a-c-e]", 7, "-", 1, 1},
    {"[a-c-e]", 7, "d", 1, 0},
    {"[-a]", 4, "-", 1, 1},
    {"h[ae]llo", 8, "hello", 5, 1},
    {"h[ae]llo", 8, "hillo", 5, 0},
    {"[", 1, "[", 1, 0},
    {"[", 1, "a", 1, 0},
    {"[a", 2, "a", 1, 1},
    {"[a", 2, "b", 1, 0},
    {"[ab", 3, "b", 1, 1},
    {"[^", 2, "x", 1, 1},
    {"[^", 2, "", 0, 0},
    {"[]", 2, "]", 1, 0},
    {"[]]", 3, "]", 1, 0},
    {"[]]", 3, "]]", 2, 0},
    {"[^]]", 4, "x]", 2, 1},
    {"[^]", 3, "x", 1, 1},
    {"[^]", 3, "]", 1, 1},
    {"[a-]", 4, "]", 1, 1},
    {"[a-]", 4, "_", 1, 1},
    {"[a-]", 4, "-", 1, 0},
    {"[a-]", 4, "b", 1, 0},
    {"[a-]]", 5, "]]", 2, 0},
    {"[\134]]", 4, "]", 1, 1},
    {"[\134", 2, "\134", 1, 1},
    {"[\134a]", 4, "a", 1, 1},
    {"[\134-]", 4, "-", 1, 1},
    {"\134", 1, "\134", 1, 1},
    {"a\134", 2, "a\134", 2, 1},
    {"\134*", 2, "*", 1, 1},
    {"\134*", 2, "a", 1, 0},
    {"\134\077", 2, "\077", 1, 1},
    {"\134\077", 2, "x", 1, 0},
    {"\134[a]", 4, "[a]", 3, 1},
    {"\134a", 2, "a", 1, 1},
    {"*\134*", 3, "xx*", 3, 1},
    {"*\134", 2, "x\134", 2, 1},
    {"[a-\377]", 5, "\377", 1, 1},
    {"[a-\377]", 5, "\200", 1, 0},
    {"[a-\377]", 5, "0", 1, 1},
    {"[a-\377]", 5, "b", 1, 0},
    {"[\200-\377]", 5, "\220", 1, 1},
    {"[\377-a]", 5, "\376", 1, 0},
    {"a*[bc]\077", 7, "axxbz", 5, 1},
    {"user:*:name", 11, "user:42:name", 12, 1},
    {"user:*:name", 11, "user:42:age", 11, 0},
    {"A", 1, "a", 1, 0},
    {"[A-Z]", 5, "a", 1, 0},
};

static void test_redis_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct gcase *c = &cases[i];
        int got = glob_match(c->pat, c->plen, c->str, c->slen, 0);
        if (got != c->match)
            fail_msg("case %zu: pattern \"%.*s\" string \"%.*s\": want %d got %d", i, (int)c->plen,
                     c->pat, (int)c->slen, c->str, c->match, got);
    }
}

static int m(const char *pat, const char *str, int nocase)
{
    return glob_match(pat, strlen(pat), str, strlen(str), nocase);
}

static void test_nocase(void **state)
{
    (void)state;
    assert_true(m("HeLLo", "hello", 1));
    assert_false(m("HeLLo", "hello", 0));
    assert_true(m("h?L*", "HELLO", 1));
    assert_true(m("[A-Z]", "q", 1));
    assert_true(m("[a-z]", "Q", 1));
    assert_false(m("[a-z]", "Q", 0));
    assert_true(m("[^A-Z]", "1", 1));
    assert_false(m("[^A-Z]", "q", 1));
    assert_true(m("[xY]", "y", 1));
    /* Redis compares an escaped byte inside a class exactly, even nocase. */
    assert_false(m("[\\A]", "a", 1));
    assert_true(m("[\\A]", "A", 1));
    /* Outside a class an escaped byte does fold. */
    assert_true(m("\\A", "a", 1));
    assert_true(m("maxmemory*", "MAXMEMORY-POLICY", 1));
}

/* Slices are honoured: bytes past plen/slen are never looked at. */
static void test_slices(void **state)
{
    (void)state;
    assert_true(glob_match("ab*zzz", 2, "abXXX", 2, 0));
    assert_true(glob_match("a*", 2, "abc", 3, 0));
    assert_false(glob_match("a*", 2, "bac", 3, 0));
    assert_true(glob_match("[ab]xx", 3, "b", 1, 0));  // class unclosed within the slice
    assert_true(glob_match("a\\b", 2, "a\\", 2, 0));  // trailing '\' within the slice
    assert_true(glob_match("a\0b", 3, "a\0b", 3, 0)); // NUL bytes are ordinary
    assert_false(glob_match("a\0b", 3, "a\0c", 3, 0));
}

/* Redis stops after nesting 1000 '*' groups (checked against 7.0.15). */
static void test_nesting_limit(void **state)
{
    (void)state;
    size_t slen = 3000;
    char *str = mem_alloc(slen);
    char *pat = mem_alloc(2 * 1002 + 1);
    memset(str, 'a', slen);
    for (int n = 999; n <= 1002; n++) {
        for (int i = 0; i < n; i++)
            memcpy(pat + 2 * i, "a*", 2);
        pat[2 * n] = 'a';
        /* n groups, the last followed by "a": only up to 1000 groups work. */
        assert_int_equal(glob_match(pat, 2 * (size_t)n + 1, str, slen, 0), n <= 1000);
        /* n groups, the last one trailing: 1001 is still fine, 1002 is not. */
        assert_int_equal(glob_match(pat, 2 * (size_t)n, str, slen, 0), n <= 1001);
    }
    mem_free(pat);
    mem_free(str);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Patterns that take exponential time in a naive backtracking matcher. */
static void test_pathological(void **state)
{
    (void)state;
    size_t n = 10000;
    char *s = mem_alloc(n);
    const char *p = "a*a*a*a*a*a*a*a*a*a*a*b";
    const char *p2 = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*?b";
    double t0 = now_s();

    memset(s, 'a', n);
    assert_false(glob_match(p, strlen(p), s, n, 0));
    assert_false(glob_match(p2, strlen(p2), s, n, 1));
    s[n - 1] = 'b';
    assert_true(glob_match(p, strlen(p), s, n, 0));
    assert_true(glob_match(p2, strlen(p2), s, n, 0));
    /* Quadratic bound: each would take years if exponential. Allow slack for
     * sanitizer and valgrind builds. */
    assert_true(now_s() - t0 < 2.0);
    mem_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_redis_table),  cmocka_unit_test(test_nocase),
        cmocka_unit_test(test_slices),       cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_pathological),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
