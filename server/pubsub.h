/* pubsub: channels, patterns and shard channels (SUBSCRIBE, PSUBSCRIBE,
 * SSUBSCRIBE, PUBLISH, SPUBLISH, PUBSUB ...), as Redis 7.0 outside cluster
 * mode.
 *
 * Three namespaces: channels, patterns (glob.h rules) and shard channels.
 * PUBLISH reaches channel subscribers (in subscription order), then every
 * matching pattern's subscribers (patterns in the order they were first
 * subscribed); SPUBLISH reaches only shard-channel subscribers.
 *
 * Messages and (un)subscribe confirmations are push frames: '>' in RESP3,
 * plain arrays in RESP2; like Redis 7.0 they are written even when the client
 * set CLIENT REPLY OFF/SKIP. A client with at least one subscription of any
 * kind is "subscribed": in RESP2 it may then run only the subscribe family,
 * PING, QUIT and RESET (pubsub_gate), and its output buffer is held to the
 * client-output-buffer-limit pubsub class (conn.h CONN_LIMIT_PUBSUB), so a
 * slow subscriber is disconnected without affecting anyone else.
 *
 * Invariants: a client appears in a channel's subscriber list iff the channel
 * is in the client's own list; a channel/pattern entry exists iff it has at
 * least one subscriber.
 *
 * Must not know: the keyspace or data types (notify.c publishes keyspace
 * events through pubsub_publish; tracking.c sends RESP2 invalidations through
 * pubsub_message_begin/end).
 */
#ifndef TERN_PUBSUB_H
#define TERN_PUBSUB_H

#include <stddef.h>

struct client;

/* 1 if c's command is refused because a RESP2 client in subscribed mode may
 * only run the subscribe family, PING, QUIT and RESET (error replied). */
int pubsub_gate(struct client *c);

/* PING in the RESP2 subscribed context replies ["pong", <arg or "">]: returns
 * 1 after replying so, 0 (nothing written) when the normal reply applies. */
int pubsub_ping(struct client *c);

/* Deliver msg on channel to its subscribers and matching patterns, as
 * PUBLISH does. Returns the number of receivers. Borrows both buffers.
 * O(subscribers + patterns). */
long long pubsub_publish(const char *ch, size_t chlen, const char *msg, size_t mlen);

/* 1 if c has any subscription (channel, pattern or shard channel). O(1). */
int pubsub_client_subscribed(const struct client *c);
/* 1 if c is subscribed to exactly this channel (not via a pattern). */
int pubsub_client_has_channel(const struct client *c, const char *ch, size_t len);
/* Subscription counts for CLIENT LIST/INFO sub=, psub=, ssub=. */
void pubsub_client_counts(const struct client *c, long *sub, long *psub, long *ssub);

/* Send one "message" push to c alone, whose payload the caller writes:
 * pubsub_message_begin writes the frame header (>3 or *3), "message" and ch;
 * the caller then writes exactly one value with reply_*() (a bulk, an array
 * of keys, ...), and calls pubsub_message_end. In between, replies to c are
 * written even under CLIENT REPLY OFF, as Redis does for pushes. */
void pubsub_message_begin(struct client *c, const char *ch, size_t len);
void pubsub_message_end(struct client *c);

/* Drop every subscription of c without replying (RESET, client freed). */
void pubsub_client_gone(struct client *c);

/* Server-wide counts (INFO stats pubsub_channels / pubsub_patterns). */
long pubsub_num_channels(void);
long pubsub_num_patterns(void);
long pubsub_num_shard_channels(void);

#endif
