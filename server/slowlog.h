/* slowlog: the SLOWLOG ring (slowlog-log-slower-than, slowlog-max-len) and
 * the SLOWLOG command. Must not know: data types. */
#ifndef TERN_SLOWLOG_H
#define TERN_SLOWLOG_H

struct client;

/* Record c's current command if it took at least the configured threshold. */
void slowlog_maybe_add(struct client *c, long long duration_us);

#endif
