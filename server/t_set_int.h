/* t_set_int: what the set command files (t_set.c, t_set_ops.c) share: the
 * untagged set object and the few operations the multi-key algebra needs.
 * Not for other modules: they use t_set.h.
 *
 * Must not know: anything beyond client, db and reply.
 */
#ifndef TERN_T_SET_INT_H
#define TERN_T_SET_INT_H

#include <stddef.h>
#include <stdint.h>

#include "intset.h"
#include "sdict.h"
#include "t_set.h"

struct client;
struct resp_arg;

/* A set value, untagged: exactly one of is / d is in use, per enc. */
struct tset_obj {
    int enc; /* KV_ENC_INTSET or KV_ENC_HASHTABLE */
    struct intset *is;
    struct sdict *d;
};

/* One member as iteration yields it: the bytes, plus the integer when it
 * came from an intset (so intset-to-intset checks skip parsing). */
struct tset_elem {
    const char *p;
    size_t len;
    int is_int;
    int64_t v;
    char buf[24];
};

/* Mark for a missing key in a list of gathered sets (tset_obj.enc). */
#define TSET_ABSENT (-1)

/* The tagged pointer the keyspace stores for s (low bit set: intset). */
void *tset_tagged(const struct tset_obj *s);
void tset_free(struct tset_obj *s);
size_t tset_card(const struct tset_obj *s);
/* Add member p (copied), converting encodings as Redis. 1 if new. */
int tset_add(struct tset_obj *s, const char *p, size_t len);
/* Is m a member of s? O(1) hashtable, O(log N) intset. */
int tset_has_elem(const struct tset_obj *s, const struct tset_elem *m);
/* Every member of s, in encoding order; fn must not change s. O(N). */
void tset_each(const struct tset_obj *s, void (*fn)(void *priv, const struct tset_elem *m),
               void *priv);
/* Look key up (write: no hit/miss statistics): 1 with *out set, 0 if
 * absent, -1 after replying WRONGTYPE. */
int tset_lookup(struct client *c, const struct resp_arg *key, int write, struct tset_obj *out);
/* tset_each callback replying each member as a bulk (priv: the client). */
void tset_reply_member_cb(void *priv, const struct tset_elem *m);

#endif
