/* glob: Redis's glob-style pattern matcher (KEYS, SCAN MATCH, PSUBSCRIBE,
 * CONFIG GET, CLIENT KILL ...).
 *
 * Rules: '*' any run, '?' any one byte, '[abc]', '[^abc]', '[a-z]' (reversed
 * ranges work), '\x' escapes x; matching is on bytes; nocase folds ASCII.
 * It must not take exponential time on hostile patterns ("a*a*a*a*...b"):
 * the matcher is linear-ish (a '*' remembers only the latest backtrack point).
 * Behaviour on malformed patterns (unclosed '[', trailing '\') matches Redis 7.0.
 *
 * Must not know: anything else. Pure function.
 */
#ifndef TERN_GLOB_H
#define TERN_GLOB_H

#include <stddef.h>

/* 1 if str[0..slen) matches pat[0..plen), 0 otherwise. */
int glob_match(const char *pat, size_t plen, const char *str, size_t slen, int nocase);

#endif
