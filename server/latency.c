/* latency: see latency.h. Each event keeps a ring of LATENCY_SAMPLES
 * one-per-second samples (a second with several samples keeps the largest),
 * plus the all-time maximum. The per-command histograms themselves live in
 * each command's row (cmd->lat, filled by cmd_call); this file only reports
 * them. */
#include "latency.h"

#include <stdio.h>
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "config.h"
#include "lathist.h"
#include "mem.h"
#include "reply.h"
#include "server.h"
#include "util.h"

#define LATENCY_SAMPLES    160
#define LATENCY_MAX_EVENTS 32

struct sample {
    long long time; /* unix seconds */
    long long ms;
};

struct event {
    char name[48];
    struct sample ring[LATENCY_SAMPLES];
    int idx;   /* next slot */
    int count; /* samples held */
    long long max;
};

static struct event events[LATENCY_MAX_EVENTS];
static int nevents;

static struct event *find(const char *name, size_t len)
{
    for (int i = 0; i < nevents; i++)
        if (strlen(events[i].name) == len && memcmp(events[i].name, name, len) == 0)
            return &events[i];
    return NULL;
}

void latency_add_sample(const char *name, long long ms)
{
    if (server.latency_monitor_threshold <= 0 || ms < server.latency_monitor_threshold)
        return;
    struct event *e = find(name, strlen(name));
    if (!e) {
        if (nevents == LATENCY_MAX_EVENTS)
            return;
        e = &events[nevents++];
        memset(e, 0, sizeof(*e));
        strncpy(e->name, name, sizeof(e->name) - 1);
    }
    long long now = util_time_ms() / 1000;
    int prev = (e->idx + LATENCY_SAMPLES - 1) % LATENCY_SAMPLES;
    if (e->count > 0 && e->ring[prev].time == now) {
        if (ms > e->ring[prev].ms)
            e->ring[prev].ms = ms;
    } else {
        e->ring[e->idx].time = now;
        e->ring[e->idx].ms = ms;
        e->idx = (e->idx + 1) % LATENCY_SAMPLES;
        if (e->count < LATENCY_SAMPLES)
            e->count++;
    }
    if (ms > e->max)
        e->max = ms;
}

void cmd_latency_latest(struct client *c)
{
    reply_array(c, nevents);
    for (int i = 0; i < nevents; i++) {
        struct event *e = &events[i];
        const struct sample *last = &e->ring[(e->idx + LATENCY_SAMPLES - 1) % LATENCY_SAMPLES];
        reply_array(c, 4);
        reply_bulk_cstr(c, e->name);
        reply_int(c, last->time);
        reply_int(c, last->ms);
        reply_int(c, e->max);
    }
}

void cmd_latency_history(struct client *c)
{
    struct event *e = find(c->argv[2].ptr, c->argv[2].len);
    if (!e) {
        reply_array(c, 0);
        return;
    }
    reply_array(c, e->count);
    int start = (e->idx + LATENCY_SAMPLES - e->count) % LATENCY_SAMPLES;
    for (int i = 0; i < e->count; i++) {
        const struct sample *s = &e->ring[(start + i) % LATENCY_SAMPLES];
        reply_array(c, 2);
        reply_int(c, s->time);
        reply_int(c, s->ms);
    }
}

static void remove_event(struct event *e)
{
    int i = (int)(e - events);
    memmove(&events[i], &events[i + 1], sizeof(events[0]) * (size_t)(nevents - i - 1));
    nevents--;
}

void cmd_latency_reset(struct client *c)
{
    long long resets = 0;
    if (c->argc == 2) {
        resets = nevents;
        nevents = 0;
    } else {
        for (int i = 2; i < c->argc; i++) {
            struct event *e = find(c->argv[i].ptr, c->argv[i].len);
            if (e) {
                remove_event(e);
                resets++;
            }
        }
    }
    reply_int(c, resets);
}

void cmd_latency_help(struct client *c)
{
    static const char *const help[] = {
        "DOCTOR",
        "    Not available in Tern.",
        "GRAPH <event>",
        "    Not available in Tern.",
        "HISTOGRAM [<command> ...]",
        "    Return a cumulative distribution of the latencies of the given commands (all",
        "    commands when none is given), in microseconds, as recorded by latency-tracking.",
        "HISTORY <event>",
        "    Return up to 160 (time, latency in ms) samples recorded for <event>.",
        "LATEST",
        "    Return, for every event, the time and latency of its last sample and its maximum.",
        "RESET [<event> ...]",
        "    Forget the samples of the given events, or of all events.",
        NULL,
    };
    reply_help(c, help);
}

/* LATENCY DOCTOR: a plain-text summary of what the monitor recorded, in our
 * own words (Redis's report is prose and is not reproduced). */
void cmd_latency_doctor(struct client *c)
{
    char buf[4096];
    size_t n = 0;
    if (server.latency_monitor_threshold <= 0) {
        n = (size_t)snprintf(buf, sizeof(buf),
                             "The latency monitor is off (latency-monitor-threshold is 0). "
                             "Enable it with CONFIG SET latency-monitor-threshold <ms>.\n");
    } else if (nevents == 0) {
        n = (size_t)snprintf(buf, sizeof(buf),
                             "No event reached the latency threshold of %lld ms so far.\n",
                             server.latency_monitor_threshold);
    } else {
        n = (size_t)snprintf(buf, sizeof(buf), "Events over the %lld ms threshold:\n",
                             server.latency_monitor_threshold);
        for (int i = 0; i < nevents && n < sizeof(buf) - 128; i++) {
            const struct event *e = &events[i];
            long long sum = 0;
            for (int j = 0; j < e->count; j++)
                sum += e->ring[j].ms;
            n += (size_t)snprintf(buf + n, sizeof(buf) - n,
                                  "- %s: %d samples, average %lld ms, worst %lld ms.\n", e->name,
                                  e->count, e->count ? sum / e->count : 0, e->max);
        }
    }
    reply_verbatim(c, buf, n, "txt");
}

/* One LATENCY HISTOGRAM entry: name -> {calls, histogram_usec}. */
static void reply_histogram(struct client *c, const struct cmd *cmd)
{
    long long bound[LATHIST_LEVELS];
    uint64_t cum[LATHIST_LEVELS];
    int n = lathist_levels(cmd->lat, bound, cum);
    reply_bulk_cstr(c, cmd->fullname);
    reply_map(c, 2);
    reply_bulk_cstr(c, "calls");
    reply_int(c, (long long)cmd->lat->total);
    reply_bulk_cstr(c, "histogram_usec");
    reply_map(c, n);
    for (int i = 0; i < n; i++) {
        reply_int(c, bound[i]);
        reply_int(c, (long long)cum[i]);
    }
}

/* Reply the histograms of cmd (of each of its subcommands for a container)
 * that have one; returns how many. */
static long long reply_cmd_histograms(struct client *c, const struct cmd *cmd)
{
    long long n = 0;
    if (cmd->nsubcmds) {
        for (int j = 0; j < cmd->nsubcmds; j++)
            if (cmd->subcmds[j].lat) {
                reply_histogram(c, &cmd->subcmds[j]);
                n++;
            }
    } else if (cmd->lat) {
        reply_histogram(c, cmd);
        n++;
    }
    return n;
}

/* LATENCY HISTOGRAM [command ...]: a map of command -> histogram, for the
 * named commands (unknown names and commands never timed are skipped; a
 * container stands for its subcommands) or for every timed command. */
void cmd_latency_histogram(struct client *c)
{
    long handle = reply_defer(c);
    long long n = 0;
    if (c->argc == 2) {
        for (int i = 0; i < cmd_table_len; i++)
            n += reply_cmd_histograms(c, &cmd_table[i]);
    } else {
        for (int i = 2; i < c->argc; i++) {
            const struct cmd *cmd = cmd_lookup_fullname(c->argv[i].ptr, c->argv[i].len);
            if (cmd)
                n += reply_cmd_histograms(c, cmd);
        }
    }
    reply_defer_map(c, handle, n);
}

/* A percentile as CONFIG GET prints it: %f without trailing zeros. */
static int pct_label(char *buf, size_t size, double p)
{
    int n = snprintf(buf, size, "%f", p);
    while (n > 1 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 1 && buf[n - 1] == '.')
        buf[--n] = '\0';
    return n;
}

static void percentile_line(const struct cmd *cmd, latency_info_fn *fn, void *priv)
{
    const double *pcts;
    int npct = config_latency_percentiles(&pcts);
    char buf[8192], label[400];
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < npct && len < sizeof(buf) - 512; i++) {
        pct_label(label, sizeof(label), pcts[i]);
        long long ns = lathist_percentile(cmd->lat, pcts[i]);
        len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%sp%s=%.3f", i ? "," : "", label,
                                (double)ns / 1000.0);
    }
    fn(priv, cmd->fullname, buf);
}

void latency_info_percentiles(latency_info_fn *fn, void *priv)
{
    if (!server.latency_tracking)
        return;
    for (int i = 0; i < cmd_table_len; i++) {
        const struct cmd *cmd = &cmd_table[i];
        if (cmd->lat)
            percentile_line(cmd, fn, priv);
        for (int j = 0; j < cmd->nsubcmds; j++)
            if (cmd->subcmds[j].lat)
                percentile_line(&cmd->subcmds[j], fn, priv);
    }
}
