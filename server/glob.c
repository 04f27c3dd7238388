/* glob: Redis 7.0's glob matcher (stringmatchlen), without its recursion.
 *
 * Every token other than '*' ('?', a literal, "\x", "[...]") matches exactly
 * one byte, so when a later token fails we only need to retry from the most
 * recent '*': letting an earlier '*' swallow more can never help, because the
 * most recent one could have absorbed the same bytes. That gives
 * O(len(pattern) * len(string)) worst case instead of exponential time, with
 * the same answers as Redis's recursive version.
 *
 * Redis's quirks kept on purpose (verified against redis-server 7.0.15):
 *   - an unclosed '[' runs to the end of the pattern ("[abc" is "[abc]",
 *     "[^" matches any one byte); "[]" and "[]]" match nothing first;
 *   - in a class, "x-y" is a range even when y is ']' ("[a-]" is the range
 *     ']'..'a', unclosed), reversed ranges work, and bytes compare as signed
 *     char (so "[a-\xff]" covers \x00..a and \xff but not \x80..\xfe);
 *   - an escaped byte inside a class ignores nocase;
 *   - a trailing '\' is a literal backslash;
 *   - the empty string matches only the empty pattern (not even "*");
 *   - Redis gives up (no match) once it nests past 1000 '*' groups, i.e.
 *     when matching reaches the 1001st '*' group and it is not the last
 *     token of the pattern.
 *
 * Must not know: anything else. Pure function, no allocation.
 */
#include "glob.h"

/* Redis stops recursing beyond this many '*' groups. */
#define GLOB_MAX_NESTING 1000

/* ASCII tolower on a (possibly negative) char value, like tolower() in
 * the C locale. */
static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Match the class that opens at pat[*pi] ('[') against byte c; moves *pi past
 * the class. Mirrors Redis's walk exactly, including unclosed classes. */
static int match_class(const char *pat, size_t plen, size_t *pi, char c, int nocase)
{
    size_t p = *pi + 1;
    int neg = 0, match = 0;

    if (p < plen && pat[p] == '^') {
        neg = 1;
        p++;
    }
    for (;;) {
        size_t rem = plen - p;
        if (rem >= 2 && pat[p] == '\\') {
            p++;
            if (pat[p] == c)
                match = 1;
        } else if (rem > 0 && pat[p] == ']') {
            break;
        } else if (rem == 0) {
            p--; // unclosed: the class ends with the pattern
            break;
        } else if (rem >= 3 && pat[p + 1] == '-') {
            int start = (signed char)pat[p], end = (signed char)pat[p + 2];
            int v = (signed char)c;
            if (start > end) {
                int t = start;
                start = end;
                end = t;
            }
            if (nocase) {
                start = lower(start);
                end = lower(end);
                v = lower(v);
            }
            if (v >= start && v <= end)
                match = 1;
            p += 2;
        } else if (nocase ? lower(pat[p]) == lower(c) : pat[p] == c) {
            match = 1;
        }
        p++;
    }
    *pi = p + 1;
    return neg ? !match : match;
}

/* Match the single-byte token at pat[*pi] against c, advancing *pi past it. */
static int match_token(const char *pat, size_t plen, size_t *pi, char c, int nocase)
{
    char t = pat[*pi];

    if (t == '?') {
        (*pi)++;
        return 1;
    }
    if (t == '[')
        return match_class(pat, plen, pi, c, nocase);
    if (t == '\\' && plen - *pi >= 2)
        t = pat[++*pi];
    (*pi)++;
    return nocase ? lower(t) == lower(c) : t == c;
}

/* See glob.h. Cost: O(plen * slen) worst case, O(plen + slen) typically. */
int glob_match(const char *pat, size_t plen, const char *str, size_t slen, int nocase)
{
    size_t pi = 0, si = 0;
    size_t star_p = 0, star_s = 0; // resume point after the latest '*'
    int have_star = 0, groups = 0;

    /* Redis's loop never runs for an empty string: only an empty pattern
     * matches it ("*" does not; KEYS and SCAN special-case a lone "*"). */
    if (slen == 0)
        return plen == 0;
    while (si < slen) {
        if (pi < plen && pat[pi] == '*') {
            while (pi < plen && pat[pi] == '*')
                pi++;
            if (pi == plen)
                return 1;
            if (++groups > GLOB_MAX_NESTING)
                return 0;
            have_star = 1;
            star_p = pi;
            star_s = si;
            continue;
        }
        if (pi < plen && match_token(pat, plen, &pi, str[si], nocase)) {
            si++;
            continue;
        }
        if (!have_star)
            return 0;
        /* Let the latest '*' take one more byte and retry what follows it. */
        pi = star_p;
        si = ++star_s;
    }
    while (pi < plen && pat[pi] == '*')
        pi++;
    return pi == plen;
}
