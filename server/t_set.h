/* t_set: the set type (SADD ... SSCAN) and its two encodings, intset (all
 * members integers, at most set-max-intset-entries of them) and hashtable
 * (an sdict). Command handlers are declared in cmd_procs.h.
 *
 * Other modules (SORT, DEBUG) read a set only through this header.
 * Must not know: other types' internals, connections.
 */
#ifndef TERN_T_SET_H
#define TERN_T_SET_H

#include <stddef.h>

struct kv;

/* Register the set type's free/dup/mem with the keyspace (server start). */
void t_set_init(void);

/* Members of the set held by entry e (which must be a KV_SET). O(1). */
size_t tset_size(const struct kv *e);

/* Call fn for every member of the set e: p/len are valid only during the
 * call (integers are formatted into a temporary buffer). fn must not write
 * to the db. O(N). */
void tset_foreach(const struct kv *e, void (*fn)(void *priv, const char *p, size_t len),
                  void *priv);

#endif
