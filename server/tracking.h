/* tracking: client-side caching (CLIENT TRACKING) and its invalidations.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_TRACKING_H
#define TERN_TRACKING_H

struct client;

/* The command of c just ran: remember the keys a tracking client read. */
void tracking_after_call(struct client *c);

#endif
