/* multi: transactions (MULTI, EXEC, DISCARD, WATCH, UNWATCH).
 *
 * The dispatcher asks multi_gate() before running a command: inside MULTI
 * the command is queued (or refused) there. Any command refused before it
 * runs calls multi_flag_error(), so that EXEC then aborts with EXECABORT.
 * EXEC runs each queued command through cmd_call(), with
 * CLIENT_DENY_BLOCKING set so blocking commands reply as on a timeout.
 *
 * WATCH follows Redis 7.0: a watched key fails the next EXEC when it is
 * modified (notify_key_modified), when it expires after WATCH (a key that
 * was already expired at WATCH time and is then deleted counts as
 * unchanged), or when FLUSHDB/FLUSHALL/SWAPDB removes or replaces it (keys
 * that existed in neither database are not affected).
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_MULTI_H
#define TERN_MULTI_H

#include <stddef.h>
#include <stdint.h>

struct client;
struct cmd;
struct db;

/* 1 if c is in MULTI and this command was queued or refused (a reply was
 * sent); 0 if the dispatcher must run it now. */
int multi_gate(struct client *c);
/* A command of c was refused before it ran: an open transaction fails. */
void multi_flag_error(struct client *c);
/* A key changed (key NULL: every key of db is about to be removed, as by
 * FLUSHDB/FLUSHALL: call it while the keys are still there): clients
 * WATCHing it fail their next EXEC. Called by notify_key_modified(). */
void multi_touch_key(struct db *db, const char *key, size_t klen);
/* SWAPDB a b is about to exchange the two databases: call before the swap.
 * O(keys watched). */
void multi_touch_swap(struct db *a, struct db *b);

/* The flags a command of c counts with for CLIENT PAUSE and write checks:
 * cmd->flags, plus for EXEC the flags of every queued command (as Redis
 * treats EXEC of a transaction holding a write as a write). */
uint64_t multi_effective_flags(const struct client *c, const struct cmd *cmd);

/* CLIENT LIST: queued commands (-1 when not in MULTI), and the bytes of
 * their arguments as Redis counts them (multi-mem). */
long multi_count(const struct client *c);
size_t multi_mem(const struct client *c);
/* 1 if a WATCHed key of c was touched (CLIENT LIST flag 'd'). */
int multi_dirty(const struct client *c);

/* The dispatcher refused c's command before it ran (why: the error text
 * without "ERR "). If the command is EXEC, the transaction is discarded and
 * the reply is "EXECABORT Transaction discarded because of: <why>", as
 * Redis words it: returns 1 (replied). Otherwise returns 0. */
int multi_exec_rejected(struct client *c, const char *why);

/* RESET, or the client goes away: discard the transaction, unwatch all. */
void multi_reset(struct client *c);

#endif
