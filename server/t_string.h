/* t_string: helpers the string command files (t_string.c, t_lcs.c) share.
 * The command handlers themselves are declared in cmd_procs.h.
 *
 * Must not know: anything beyond client, db and reply.
 */
#ifndef TERN_T_STRING_H
#define TERN_T_STRING_H

#include "resp.h"

struct client;
struct kv;

/* Look a key up for reading, as Redis's lookupKeyRead: counts a keyspace hit
 * or miss and fires "keymiss" on a miss. The entry is valid until the next
 * db write or lookup. O(1). */
struct kv *tstr_lookup_read(struct client *c, const struct resp_arg *key);
/* A string key for reading (hit/miss counted as above): the entry, or NULL
 * after replying the integer missing (no key) or WRONGTYPE (another type). */
struct kv *tstr_read_string(struct client *c, const struct resp_arg *key, long long missing);

/* Does the argument spell word (any case)? Compared as a C string, as Redis
 * compares options: bytes from an embedded NUL on are ignored. */
int tstr_arg_is(const struct resp_arg *a, const char *word);

#endif
