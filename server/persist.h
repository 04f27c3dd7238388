/* persist: the persistence runtime: SAVE/BGSAVE and save points, loading at
 * startup, the MISCONF write refusal, and INFO persistence.
 *
 * Must not know: the RDB byte format (rdb.h) or data-type internals.
 */
#ifndef TERN_PERSIST_H
#define TERN_PERSIST_H

struct client;

/* 1 if c's command is refused now (-LOADING while the dataset loads,
 * -MISCONF after a failed background save); the error was replied. */
int persist_gate(struct client *c);

#endif
