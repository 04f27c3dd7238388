/* t_hash: the hash type. A hash is either a listpack of field, value,
 * field, value... in insertion order (KV_ENC_LISTPACK) or an sdict field ->
 * value (KV_ENC_HASHTABLE). The keyspace stores the listpack or sdict
 * pointer itself as the entry's value (no wrapper object); t_hash.c tags a
 * listpack pointer's low bit so the type callbacks can tell the two apart.
 * Only t_hash.c knows that layout: other modules read hashes through the
 * accessor below. A listpack becomes a table, exactly when Redis 7.0
 * converts, once it would hold more than hash-max-listpack-entries fields or
 * a field or value longer than hash-max-listpack-value bytes; it never
 * converts back.
 *
 * Must not know: other types' internals, connections. The command handlers
 * are declared in cmd_procs.h.
 */
#ifndef TERN_T_HASH_H
#define TERN_T_HASH_H

#include <stddef.h>

struct kv;

/* Called once at startup: registers the type's free/dup/mem. */
void t_hash_init(void);

/* Value of field f in the hash entry e (kv_type(e) == KV_HASH): sets *v and
 * *vlen and returns 1, or returns 0 if the field is absent. *v is borrowed:
 * it points into the hash (valid until the next db write) or into buf (the
 * text of an integer-encoded listpack value). O(n) listpack, O(1) table. */
int t_hash_get(const struct kv *e, const char *f, size_t flen, const char **v, size_t *vlen,
               char buf[21]);

/* ---- for the RDB code (rdb_save.c, rdb_load.c): additive API ---- */

/* Fields in the hash entry e. O(1) table, O(1)/O(n) listpack. */
size_t t_hash_len(const struct kv *e);
/* Calls fn for every field/value pair of e (listpack order or table order);
 * the bytes are valid only during the call. fn must not write to the db. */
typedef void t_hash_pair_fn(void *priv, const char *f, size_t flen, const char *v, size_t vlen);
void t_hash_foreach(const struct kv *e, t_hash_pair_fn *fn, void *priv);
/* A detached hash value (the pointer db_set_object stores): new and empty
 * (a listpack); set a field (copied; converts to a table exactly as HSET
 * does, *val is updated; returns 1 if the field is new, 0 if it existed);
 * its encoding (KV_ENC_LISTPACK / KV_ENC_HASHTABLE); its field count; free
 * a value that was never stored. */
void *t_hash_value_new(void);
int t_hash_value_set(void **val, const void *f, size_t flen, const void *v, size_t vlen);
int t_hash_value_enc(const void *val);
size_t t_hash_value_len(const void *val);
void t_hash_value_free(void *val);

#endif
