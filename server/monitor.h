/* monitor: MONITOR clients and the line each executed command produces:
 *   +<unix secs>.<usecs> [<db> <addr>] "arg" "arg"...
 * (<addr> is "unix:<socket path>" for a unix-socket client.)
 * Must not know: data types. */
#ifndef TERN_MONITOR_H
#define TERN_MONITOR_H

struct client;

/* Send c's current command to every MONITOR client. Called by cmd_call
 * after the command ran: every executed command once (each command of EXEC
 * before the EXEC line; a blocking command when it first blocks). */
void monitor_feed(struct client *c);

/* Replace argument i of c's current command by "(redacted)" for whatever
 * shows it after the handler returns (MONITOR, SLOWLOG), as Redis does for
 * AUTH and HELLO AUTH secrets. Only the argv slot changes (it then points
 * to static bytes); the bytes it pointed to are untouched. */
void monitor_redact(struct client *c, int i);

#endif
