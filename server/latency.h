/* latency: the latency monitor (latency-monitor-threshold): per-event latest
 * and max samples plus a short history, and the LATENCY command. */
#ifndef TERN_LATENCY_H
#define TERN_LATENCY_H

/* Record a sample for event (e.g. "command", "fast-command", "expire-cycle")
 * if it reaches the configured threshold. */
void latency_add_sample(const char *event, long long ms);

#endif
