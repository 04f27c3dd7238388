/* pubsub_int: what pubsub.c (tables, delivery) shares with pubsub_cmd.c
 * (command handlers). Not for other modules: they use pubsub.h.
 */
#ifndef TERN_PUBSUB_INT_H
#define TERN_PUBSUB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "pubsub.h"

struct client;

/* Subscription kinds: index into pubsub_state.l. */
#define PS_CHANNEL 0
#define PS_PATTERN 1
#define PS_SHARD   2
#define PS_KINDS   3

struct ps_sub;

/* One channel, pattern or shard channel with at least one subscriber. */
struct ps_chan {
    struct ps_chan *next;          /* hash chain */
    struct ps_chan *onext, *oprev; /* creation order (patterns match in this order) */
    uint64_t hash;
    struct ps_sub *head, *tail; /* subscribers, in subscription order */
    size_t nsubs;
    size_t len;
    char name[]; /* NUL-terminated for convenience; binary-safe by len */
};

/* One (client, chan) subscription. It sits in three lists at once: the
 * chan's subscribers, the client's subscriptions of that kind (both doubly
 * linked, so removal keeps everyone else's order and costs O(1)), and a
 * hash chain of the server-wide (client, chan) index that finds it in O(1). */
struct ps_sub {
    struct client *c;
    struct ps_chan *e;
    struct ps_sub *cnext, *cprev; /* e's subscribers */
    struct ps_sub *lnext, *lprev; /* c's subscriptions of e's kind */
    struct ps_sub *hnext;         /* index hash chain */
};

struct ps_table {
    struct ps_chan **b;
    size_t size, count; /* size is 0 or a power of two */
    struct ps_chan *ohead, *otail;
};

/* A client's subscriptions of one kind, in subscription order. */
struct ps_list {
    struct ps_sub *head, *tail;
    size_t n;
};

/* client.ps: allocated at the first subscription, freed when the client is. */
struct pubsub_state {
    struct ps_list l[PS_KINDS];
};

extern struct ps_table ps_channels, ps_patterns, ps_shard;

struct ps_table *ps_table_of(int kind);
/* Lookup; NULL if nobody is subscribed to name. O(1) average. */
struct ps_chan *ps_find(struct ps_table *t, const char *name, size_t len);
/* Add c to name's subscribers. Returns 1, or 0 if it already was. Updates the
 * output-limit class. O(1) average. */
int ps_subscribe(struct client *c, int kind, const char *name, size_t len);
/* Remove c from e (e is freed when it was the last subscriber). Returns 1, or
 * 0 if c was not subscribed to e. O(1) average, whatever e's subscriber count. */
int ps_unsubscribe(struct client *c, int kind, struct ps_chan *e);
/* Drop every subscription of this kind, in subscription order; before each
 * entry goes (it may be freed), fn (if not NULL) is called with the count
 * the confirmation reports. Returns how many there were. O(entries dropped). */
long ps_unsubscribe_all(struct client *c, int kind,
                        void (*fn)(struct client *c, const struct ps_chan *e, long left,
                                   void *priv),
                        void *priv);
/* PUBLISH (shard 0) / SPUBLISH (shard 1). Returns the receiver count. */
long long ps_publish(int shard, const char *ch, size_t chlen, const char *msg, size_t mlen);

#endif
