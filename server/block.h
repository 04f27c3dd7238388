/* block: clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN, ... ) and their
 * timeouts.
 *
 * Model: a blocking command that finds nothing to serve calls
 * block_on_keys() and returns without replying. The dispatcher then holds
 * the command: it stays, unconsumed, in the client's query buffer and the
 * client stops reading. When a write signals one of its keys
 * (block_signal_key), or its timeout fires, or CLIENT UNBLOCK picks it, the
 * command is simply run again: it serves now, or (on timeout) replies its
 * timeout value because block_timed_out() says so, or blocks again keeping
 * its place in line. Clients waiting on one key are served first come,
 * first served.
 *
 * Timeouts are reactor timers; nothing polls. Ready keys are served right
 * after the command that made them ready, as in Redis.
 *
 * Must not know: data types (they only call the functions below).
 */
#ifndef TERN_BLOCK_H
#define TERN_BLOCK_H

#include <stddef.h>
#include <stdint.h>

struct client;
struct db;
struct resp_arg;

/* Block c (its current command) on keys[0..nkeys) of c->db until a key is
 * signalled or timeout_ms passes (0 = forever). Called again by the same
 * command when it is re-run and still cannot serve: then it keeps its place
 * and its original deadline. The handler must not reply after calling it. */
void block_on_keys(struct client *c, const struct resp_arg *keys, int nkeys, long long timeout_ms);
/* Parse a blocking command's timeout in seconds (decimals allowed) into
 * milliseconds (0 = forever), as Redis 7.0 does: the value times 1000 is
 * truncated to a long long, and anything negative after that (including
 * an overflow) is "timeout is negative". Replies the error and returns -1
 * on failure. */
int block_parse_timeout(struct client *c, const struct resp_arg *a, long long *ms);

/* 1 while the current command of c is re-run because its timeout expired
 * (or CLIENT UNBLOCK ... TIMEOUT): reply the timeout value, do not block. */
int block_timed_out(const struct client *c);
/* 1 if c is blocked (waiting). */
int block_is_blocked(const struct client *c);
/* For a blocking command's key scan: 1 if c is being re-run while blocked
 * and key exists in db with a type other than want, so the key must be
 * skipped as if absent (Redis serves a waiter only from a key of the type
 * it waits for, and a timeout still replies nil). 0 otherwise: on its first
 * run the command answers WRONGTYPE as usual. */
int block_skip_wrong_type(const struct client *c, struct db *db, const struct resp_arg *key,
                          int want);

/* A write made key able to serve waiters (a push, a ZADD). O(1); the
 * waiters are served after the current command. */
void block_signal_key(struct db *db, const char *key, size_t klen);
/* Serve clients waiting on keys signalled so far. Safe to call any time;
 * nested calls return at once. */
void block_serve_ready(void);
int block_have_ready(void);

/* The dispatcher's side: after a handler ran, 1 if it blocked the client
 * (the command must be held), 0 if it completed (registrations dropped). */
int block_after_command(struct client *c);
/* 1 if the handler that just ran blocked c (block_after_command not yet
 * called). */
int block_is_pending(const struct client *c);

/* CLIENT UNBLOCK: 1 if the client was blocked and is now released (with a
 * timeout reply, or with an -UNBLOCKED error when as_error). */
int block_unblock(struct client *c, int as_error);
/* A client that goes away is forgotten at once. */
void block_client_gone(struct client *c);
/* Blocked clients now (INFO blocked_clients). */
size_t block_count(void);
/* Blocked clients with a timeout (INFO clients_in_timeout_table). */
size_t block_count_with_timeout(void);

#endif
