/* pubsub: channels and patterns (SUBSCRIBE, PUBLISH, PUBSUB ...).
 *
 * Must not know: the keyspace or data types.
 */
#ifndef TERN_PUBSUB_H
#define TERN_PUBSUB_H

struct client;

/* 1 if c's command is refused because a RESP2 client in subscribed mode may
 * only run the subscribe family, PING, QUIT and RESET (error replied). */
int pubsub_gate(struct client *c);

#endif
