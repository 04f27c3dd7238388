/* tracking: client-side caching (CLIENT TRACKING) and its invalidations.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_TRACKING_H
#define TERN_TRACKING_H

#include <stddef.h>

struct client;
struct db;

/* The command of c just ran: remember the keys a tracking client read. */
void tracking_after_call(struct client *c);
/* A key changed (key NULL: every key of db): send invalidations. Called by
 * notify_key_modified(). */
void tracking_invalidate_key(struct db *db, const char *key, size_t klen);

#endif
