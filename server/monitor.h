/* monitor: MONITOR clients and the line each executed command produces:
 *   +<unix secs>.<usecs> [<db> <addr>] "arg" "arg"...
 * Must not know: data types. */
#ifndef TERN_MONITOR_H
#define TERN_MONITOR_H

struct client;

/* Send c's current command to every MONITOR client. */
void monitor_feed(struct client *c);

#endif
