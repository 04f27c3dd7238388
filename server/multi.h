/* multi: transactions (MULTI, EXEC, DISCARD, WATCH, UNWATCH).
 *
 * The dispatcher asks multi_gate() before running a command: inside MULTI
 * the command is queued (or refused) there. Any command refused before it
 * runs calls multi_flag_error(), so that EXEC then aborts with EXECABORT.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_MULTI_H
#define TERN_MULTI_H

#include <stddef.h>

struct client;
struct db;

/* 1 if c is in MULTI and this command was queued or refused (a reply was
 * sent); 0 if the dispatcher must run it now. */
int multi_gate(struct client *c);
/* A command of c was refused before it ran: an open transaction fails. */
void multi_flag_error(struct client *c);
/* A key changed (key NULL: every key of db): clients WATCHing it fail
 * their next EXEC. Called by notify_key_modified(). */
void multi_touch_key(struct db *db, const char *key, size_t klen);

#endif
