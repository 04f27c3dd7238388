/* evict: maxmemory. Keeps the memory the dataset uses under the configured
 * limit by deleting keys per maxmemory-policy, and refuses commands that may
 * grow memory (the "denyoom" ones) while it can't, as Redis 7.0 does.
 *
 * Used memory is mem_used() minus what Redis does not count against the
 * limit (mem_not_counted_for_evict: here the AOF write buffer; Tern has no
 * replica buffers). It includes client query and reply buffers, as Redis's
 * does.
 *
 * Policies (Redis's approximations):
 *   - *-lru, *-lfu, volatile-ttl: each round samples maxmemory-samples keys
 *     in every database (db_sample) into a pool of the 16 best candidates
 *     kept across rounds (score: idle time, 255 - LFU counter, or how soon
 *     the TTL ends), then evicts the best pool entry that still exists;
 *   - *-random: one random key, visiting databases in turn;
 *   - volatile-* consider only keys with a TTL; noeviction evicts nothing.
 * A round stops once enough bytes were freed; after maxmemory-eviction-
 * tenacity's time budget it yields and a 0 ms timer carries on (commands
 * are still served meanwhile, not refused).
 *
 * An evicted key goes the way of a deleted one: WATCH and client tracking
 * see it modified, the "evicted" keyspace event (class e) fires, and DEL is
 * propagated on its own (not inside the current command's MULTI/EXEC).
 * Deletion is always synchronous: lazyfree-lazy-eviction is accepted but
 * has no effect (Tern has no lazy-free thread).
 *
 * Invariants: nothing is evicted while the dataset loads, during CLIENT
 * PAUSE (the dataset must stay static), or from inside EXEC (CONFIG SET
 * maxmemory there takes effect at the next command, as in Redis 7.0).
 *
 * Must not know: data-type internals (only db_* and kv_* accessors).
 */
#ifndef TERN_EVICT_H
#define TERN_EVICT_H

#include <stddef.h>

struct client;

/* evict_perform results, as Redis's EVICT_OK / EVICT_RUNNING / EVICT_FAIL. */
#define EVICT_OK      0 /* under the limit (or eviction not allowed now) */
#define EVICT_RUNNING 1 /* over, but the time budget ran out: the timer goes on */
#define EVICT_FAIL    2 /* over, and nothing (more) could be evicted */

/* The OOM error, without its leading '-'. */
#define EVICT_OOM_MSG "OOM command not allowed when used memory > 'maxmemory'."

/* Register the config hooks (maxmemory, maxmemory-policy, lfu-*) and bring
 * db_lfu in step with the configuration. Call once from server_init. */
void evict_init(void);

/* Evict keys until used memory is back under maxmemory (or the time budget
 * runs out, or no candidate is left). Returns EVICT_*. O(keys evicted *
 * (databases * maxmemory-samples)); O(1) when under the limit. */
int evict_perform(void);

/* The dispatcher's maxmemory gate, before the command runs: when maxmemory
 * is set, evicts as needed; if memory is still over the limit, refuses a
 * denyoom command (EXEC of a transaction holding one, or any command but
 * EXEC/DISCARD/QUIT/RESET queued inside MULTI) with EVICT_OOM_MSG (EXEC:
 * EXECABORT). Returns 1 when it refused (replied), else 0. */
int evict_gate(struct client *c);

/* Bytes mem_used() counts that maxmemory does not (INFO
 * mem_not_counted_for_evict). */
size_t evict_not_counted(void);
/* "noeviction", "allkeys-lru", ... for a CONFIG_MAXMEMORY_* value. */
const char *evict_policy_name(int policy);

/* INFO stats: keys evicted, and the milliseconds used memory has spent over
 * the limit (total, including the current stretch; current stretch). */
long long evict_stat_keys(void);
long long evict_stat_exceeded_total_ms(void);
long long evict_stat_exceeded_current_ms(void);
/* CONFIG RESETSTAT. */
void evict_reset_stats(void);

#endif
