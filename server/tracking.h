/* tracking: client-side caching (CLIENT TRACKING) and its invalidations,
 * as Redis 7.0.
 *
 * Default mode: the keys a tracking client reads (read-only commands) are
 * remembered in a table keyed by key name (every database shares it, as in
 * Redis); when one changes, each client that read it gets one invalidation
 * and the key is forgotten. BCAST mode: the client registers prefixes
 * (empty = every key) and gets, once per event-loop iteration, the keys
 * changed under each prefix. OPTIN/OPTOUT with CLIENT CACHING choose which
 * reads are remembered; NOLOOP skips the client's own writes.
 *
 * Messages: RESP3 push ">2 invalidate <keys>"; to a REDIRECT client in RESP3
 * the same, or in RESP2 when it is subscribed, a Pub/Sub message on
 * "__redis__:invalidate" (through pubsub.h). FLUSHDB/FLUSHALL send a null
 * key list to every tracking client. Invalidations of a client's own keys
 * are sent after its reply (after EXEC's whole reply in a transaction).
 *
 * tracking-table-max-keys: before remembering more keys, random keys are
 * invalidated until the table fits, with growing effort as Redis does.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_TRACKING_H
#define TERN_TRACKING_H

#include <stddef.h>

struct client;
struct db;

/* The command of c just ran (called by cmd_call): remember the keys a
 * tracking client read, enforce tracking-table-max-keys, and at the end of
 * a top-level command send c's own pending invalidations. */
void tracking_after_call(struct client *c);
/* A key changed (key NULL: db is flushed): send invalidations. Called by
 * notify_key_modified(). */
void tracking_invalidate_key(struct db *db, const char *key, size_t klen);
/* Before the event loop sleeps: send the BCAST invalidations gathered. */
void tracking_before_sleep(void);
/* c goes away: tracking off, forget it as a redirect target. */
void tracking_client_gone(struct client *c);
/* RESET: tracking off (c stays a valid redirect target). */
void tracking_reset(struct client *c);

/* CLIENT LIST: append c's tracking flag letters ('t', 'R', 'B') to out;
 * returns how many (at most 3). */
int tracking_client_flags(const struct client *c, char *out);
/* CLIENT LIST redir= field: the redirect client id (0 for none) while
 * tracking, or -1. */
long long tracking_redirect(const struct client *c);

/* INFO: tracking_clients, tracking_total_keys, tracking_total_items,
 * tracking_total_prefixes. */
void tracking_info(long long *clients, long long *keys, long long *items, long long *prefixes);

#endif
