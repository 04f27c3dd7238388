/* t_list: the list type (LPUSH, LPOP, LRANGE, LMOVE ... non-blocking
 * commands). Every list is a quicklist, as in Redis 7.0 (OBJECT ENCODING
 * "quicklist" from the first element on). Handlers are declared in
 * cmd_procs.h.
 *
 * Must not know: other types' internals, connections.
 */
#ifndef TERN_T_LIST_H
#define TERN_T_LIST_H

/* Register the list type's free/dup/mem with the keyspace. Called once by
 * server_init(). */
void t_list_init(void);

#endif
