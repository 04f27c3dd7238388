/* slowlog: see slowlog.h. A ring of at most slowlog-max-len entries, newest
 * first, each holding a copy of (a bounded prefix of) the command. */
#include "slowlog.h"

#include <stdio.h>
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "mem.h"
#include "reply.h"
#include "server.h"
#include "util.h"

#define SLOWLOG_MAX_ARGC   32
#define SLOWLOG_MAX_ARGLEN 128

struct slow_entry {
    long long id, time, duration;
    int argc;
    struct resp_arg *argv; /* owned copies */
    char *peer, *name;
    struct slow_entry *next; /* older */
};

static struct slow_entry *newest;
static long long nentries;
static long long next_id;

static void entry_free(struct slow_entry *e)
{
    for (int i = 0; i < e->argc; i++)
        mem_free(e->argv[i].ptr);
    mem_free(e->argv);
    mem_free(e->peer);
    mem_free(e->name);
    mem_free(e);
}

/* Drop entries beyond max (the oldest). O(n) walk, n <= slowlog-max-len. */
static void trim(long long max)
{
    struct slow_entry **pp = &newest;
    long long kept = 0;
    while (*pp && kept < max) {
        pp = &(*pp)->next;
        kept++;
    }
    struct slow_entry *e = *pp;
    *pp = NULL;
    while (e) {
        struct slow_entry *next = e->next;
        entry_free(e);
        nentries--;
        e = next;
    }
}

static char *copy_arg(const struct resp_arg *a, size_t *len)
{
    if (a->len <= SLOWLOG_MAX_ARGLEN) {
        *len = a->len;
        return mem_strndup(a->ptr, a->len);
    }
    char buf[SLOWLOG_MAX_ARGLEN + 64];
    memcpy(buf, a->ptr, SLOWLOG_MAX_ARGLEN);
    int n =
        snprintf(buf + SLOWLOG_MAX_ARGLEN, 64, "... (%zu more bytes)", a->len - SLOWLOG_MAX_ARGLEN);
    *len = SLOWLOG_MAX_ARGLEN + (size_t)n;
    return mem_strndup(buf, *len);
}

void slowlog_maybe_add(struct client *c, long long duration_us)
{
    if (server.slowlog_log_slower_than < 0 || duration_us < server.slowlog_log_slower_than)
        return;
    struct slow_entry *e = mem_calloc(1, sizeof(*e));
    e->id = next_id++;
    e->time = util_time_ms() / 1000;
    e->duration = duration_us;
    e->argc = c->argc > SLOWLOG_MAX_ARGC ? SLOWLOG_MAX_ARGC : c->argc;
    e->argv = mem_alloc(sizeof(*e->argv) * (size_t)e->argc);
    for (int i = 0; i < e->argc; i++) {
        if (i == SLOWLOG_MAX_ARGC - 1 && c->argc > SLOWLOG_MAX_ARGC) {
            char buf[64];
            int n = snprintf(buf, sizeof(buf), "... (%d more arguments)",
                             c->argc - SLOWLOG_MAX_ARGC + 1);
            e->argv[i].ptr = mem_strndup(buf, (size_t)n);
            e->argv[i].len = (size_t)n;
        } else {
            e->argv[i].ptr = copy_arg(&c->argv[i], &e->argv[i].len);
        }
    }
    e->peer = mem_strdup(c->addr);
    e->name = mem_strdup(c->name ? c->name : "");
    e->next = newest;
    newest = e;
    nentries++;
    trim(server.slowlog_max_len);
}

void cmd_slowlog_get(struct client *c)
{
    long long count = 10;
    if (c->argc > 3) {
        reply_error(
            c, "ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.");
        return;
    }
    if (c->argc == 3) {
        if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &count) || count < -1) {
            reply_error(c, "ERR count should be greater than or equal to -1");
            return;
        }
        if (count == -1)
            count = nentries;
    }
    if (count > nentries)
        count = nentries;
    reply_array(c, count);
    struct slow_entry *e = newest;
    for (long long i = 0; i < count && e; i++, e = e->next) {
        reply_array(c, 6);
        reply_int(c, e->id);
        reply_int(c, e->time);
        reply_int(c, e->duration);
        reply_array(c, e->argc);
        for (int j = 0; j < e->argc; j++)
            reply_bulk(c, e->argv[j].ptr, e->argv[j].len);
        reply_bulk_cstr(c, e->peer);
        reply_bulk_cstr(c, e->name);
    }
}

void cmd_slowlog_len(struct client *c)
{
    reply_int(c, nentries);
}

void cmd_slowlog_reset(struct client *c)
{
    trim(0);
    reply_ok(c);
}

void cmd_slowlog_help(struct client *c)
{
    static const char *const help[] = {
        "GET [<count>]",
        "    Return the <count> newest entries of the slow log (10 by default; -1 for all).",
        "    Each entry holds: the entry id, the unix time it was logged, the run time in",
        "    microseconds, the command's arguments, the client's address and its name.",
        "LEN",
        "    Return how many entries the slow log holds.",
        "RESET",
        "    Remove every entry from the slow log.",
        NULL,
    };
    reply_help(c, help);
}
