/* t_hash: the hash type. A hash value (kv_ptr of a KV_HASH entry) is a
 * struct hobj: either a listpack of field, value, field, value... in
 * insertion order (lp != NULL; KV_ENC_LISTPACK) or an sdict field -> value
 * (d != NULL; KV_ENC_HASHTABLE). A listpack becomes a table, exactly when
 * Redis 7.0 converts, once it would hold more than hash-max-listpack-entries
 * fields or a field or value longer than hash-max-listpack-value bytes; it
 * never converts back.
 *
 * Must not know: other types' internals, connections. The command handlers
 * are declared in cmd_procs.h.
 */
#ifndef TERN_T_HASH_H
#define TERN_T_HASH_H

#include <stddef.h>

struct sdict;

struct hobj {
    unsigned char *lp; /* listpack encoding, or NULL */
    struct sdict *d;   /* hashtable encoding, or NULL */
};

/* Called once at startup: registers the type's free/dup/mem. */
void t_hash_init(void);

#endif
