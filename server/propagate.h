/* propagate: what a write command hands to the AOF (and, later, replicas).
 *
 * After each command runs, cmd_call() reports how many changes it made;
 * a write command that changed something is recorded, either as sent or in
 * a deterministic form that replays to the same state (Redis 7.0's forms):
 *   EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT -> PEXPIREAT key <ms> (DEL if gone),
 *   SET ...EX|PX|EXAT, SETEX, PSETEX   -> SET key value PXAT <ms>,
 *   GETEX EX|PX|EXAT|PXAT|PERSIST      -> PEXPIREAT key <ms> / PERSIST key,
 *   GETDEL -> DEL, INCRBYFLOAT -> SET key value KEEPTTL,
 *   HINCRBYFLOAT -> HSET key field value, RESTORE ttl -> RESTORE ... ABSTTL,
 *   BLPOP/BRPOP -> LMPOP, BZPOPMIN/MAX -> ZMPOP, BLMPOP -> LMPOP,
 *   BZMPOP -> ZMPOP, BLMOVE -> LMOVE, BRPOPLPUSH -> RPOPLPUSH;
 * the forms are computed from the key's state right after the command (the
 * TTL it got, the value it holds). A handler whose effect the state cannot
 * tell (SPOP) records its own form with propagate_cmd() and calls
 * propagate_prevent(). Keys that expire become DEL.
 *
 * At the end of the top-level command, propagate_flush() emits what was
 * recorded, wrapped in MULTI/EXEC when there is more than one command (so
 * EXEC of a transaction, which runs each queued command through cmd_call,
 * is replayed atomically).
 *
 * Nothing is recorded unless the AOF is being fed (aof_feeding()), so the
 * cost with appendonly no is one branch per command.
 *
 * Must not know: data-type internals (it reads values through db.h and
 * t_hash.h only), file I/O.
 */
#ifndef TERN_PROPAGATE_H
#define TERN_PROPAGATE_H

#include <stddef.h>

struct client;
struct resp_arg;

/* The command c->cmd of c just ran and made dirty_delta changes. */
void propagate_after_call(struct client *c, long long dirty_delta);
/* End of a top-level command: emit what was recorded. */
void propagate_flush(void);
/* Emit what was recorded, one command at a time (no MULTI/EXEC): active
 * expiry, where each DEL stands alone. */
void propagate_flush_nowrap(void);

/* Record a command (argv[0] is its name) run in database dbid. Borrows
 * argv (copied). O(total length). */
void propagate_cmd(int dbid, int argc, const struct resp_arg *argv);
/* The command now running must not be recorded as sent: its handler
 * recorded what replaces it with propagate_cmd(). */
void propagate_prevent(void);
/* The command now running must be recorded even if it changed nothing
 * (FLUSHALL and FLUSHDB of an empty dataset, as Redis forces them). */
void propagate_force(void);
/* Forget what was recorded and the prevent flag (the AOF loader runs
 * handlers outside cmd_call, so nobody else would clear them). */
void propagate_discard(void);
/* A key was removed because it expired: record DEL key. */
void propagate_expired(int dbid, const char *key, size_t klen);

#endif
