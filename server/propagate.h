/* propagate: what a write command hands to the AOF (and, later, replicas).
 *
 * After each command runs, cmd_call() reports how many changes it made;
 * a command that changed something is recorded (as sent, or as rewritten by
 * the command for determinism). At the end of the top-level command,
 * propagate_flush() emits what was recorded, wrapped in MULTI/EXEC when
 * there is more than one.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_PROPAGATE_H
#define TERN_PROPAGATE_H

struct client;

/* The command c->cmd of c just ran and made dirty_delta changes. */
void propagate_after_call(struct client *c, long long dirty_delta);
/* End of a top-level command: emit what was recorded. */
void propagate_flush(void);

#endif
