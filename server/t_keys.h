/* t_keys: helpers shared by the generic keyspace command files (t_keys.c,
 * t_expire.c, t_scan.c, t_object.c). Internal to those files: no other
 * module should include this header; the handlers themselves are declared in
 * cmd_procs.h.
 *
 * Must not know: data-type internals (only kv_* accessors and db_* calls).
 */
#ifndef TERN_T_KEYS_H
#define TERN_T_KEYS_H

#include <stddef.h>

struct client;
struct db;
struct kv;
struct resp_arg;

/* Look a key up for reading, as Redis's lookupKeyRead does: counts
 * keyspace_hits / keyspace_misses in server stats and, when notify_miss is
 * set, emits the "keymiss" event on a miss. flags are DB_LOOKUP_*.
 * Returns the entry (borrowed, valid until the db is written) or NULL. O(1). */
struct kv *keys_lookup_read(struct client *c, const struct resp_arg *key, unsigned flags,
                            int notify_miss);

/* Parse an int argument as Redis's getIntFromObjectOrReply: on failure reply
 * with msg (when not NULL, prefixed "ERR ") or Redis's default text and
 * return -1; on success set *out and return 0. */
int keys_get_int(struct client *c, const struct resp_arg *a, const char *msg, int *out);

/* 1 if the entry's TTL is in the past by the db clock (Redis's keyIsExpired:
 * now > when), without deleting anything. */
int keys_is_expired(const struct kv *e);

#endif
