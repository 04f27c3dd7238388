/* latency: the latency monitor (latency-monitor-threshold): per-event latest
 * and max samples plus a short history, and the LATENCY command; also the
 * reports of latency-tracking's per-command histograms (LATENCY HISTOGRAM,
 * INFO latencystats), which cmd_call records into each command's row. */
#ifndef TERN_LATENCY_H
#define TERN_LATENCY_H

/* Record a sample for event (e.g. "command", "fast-command", "expire-cycle")
 * if it reaches the configured threshold. */
void latency_add_sample(const char *event, long long ms);

/* Report each timed command's latency-tracking-info-percentiles for INFO
 * latencystats: fn(priv, "config|get", "p50=1.003,p99=2.007,p99.9=2.007")
 * in command-table order. Nothing while latency-tracking is off (as Redis).
 * The strings are valid during the call only. */
typedef void latency_info_fn(void *priv, const char *cmd, const char *values);
void latency_info_percentiles(latency_info_fn *fn, void *priv);

#endif
