/* cmd: see cmd.h. Lookup is one pass over the name: a case-folding FNV-1a
 * hash into an open-addressing index built at startup, then one
 * case-insensitive compare. Subcommands are found by a linear scan of their
 * container's (short) array. */
#include "cmd.h"

#include <stdio.h>
#include <string.h>

#include "block.h"
#include "client.h"
#include "evict.h"
#include "lathist.h"
#include "latency.h"
#include "mem.h"
#include "monitor.h"
#include "multi.h"
#include "persist.h"
#include "propagate.h"
#include "pubsub.h"
#include "reply.h"
#include "server.h"
#include "slowlog.h"
#include "tracking.h"
#include "util.h"

#define INDEX_SIZE 1024 /* power of two, > 2x the number of commands */

static struct cmd *index_tab[INDEX_SIZE];

static inline unsigned char lower(unsigned char ch)
{
    return (ch >= 'A' && ch <= 'Z') ? (unsigned char)(ch + 32) : ch;
}

static uint32_t name_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= lower((unsigned char)s[i]);
        h *= 16777619u;
    }
    return h;
}

static int name_eq(const char *name, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (name[i] == '\0' || name[i] != (char)lower((unsigned char)s[i]))
            return 0;
    return name[len] == '\0';
}

/* Pipelines and benchmarks send runs of the same command: checking the
 * previous hit first skips the hash for them (one compare otherwise). The
 * check compares lengths first, then folds bytes by table (filled by
 * cmd_init; before that every byte folds to 0, which matches no name). */
static struct cmd *last_hit;
static size_t last_len;
static unsigned char fold_tab[256];

static void fold_init(void)
{
    for (int i = 0; i < 256; i++)
        fold_tab[i] = lower((unsigned char)i);
}

/* name_eq for a name known to be len bytes long. */
static inline int fold_eq(const char *name, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (fold_tab[(unsigned char)s[i]] != (unsigned char)name[i])
            return 0;
    return 1;
}

void cmd_init(void)
{
    fold_init();
    for (int i = 0; i < cmd_table_len; i++) {
        struct cmd *cmd = &cmd_table[i];
        cmd->fullname = mem_strdup(cmd->name);
        for (int j = 0; j < cmd->nsubcmds; j++) {
            struct cmd *sub = &cmd->subcmds[j];
            size_t n = strlen(cmd->name) + strlen(sub->name) + 2;
            sub->fullname = mem_alloc(n);
            snprintf(sub->fullname, n, "%s|%s", cmd->name, sub->name);
            sub->parent = cmd;
        }
        uint32_t h = name_hash(cmd->name, strlen(cmd->name)) & (INDEX_SIZE - 1);
        while (index_tab[h])
            h = (h + 1) & (INDEX_SIZE - 1);
        index_tab[h] = cmd;
    }
}

struct cmd *cmd_lookup(const char *name, size_t len)
{
    if (len == last_len && last_hit && fold_eq(last_hit->name, name, len))
        return last_hit;
    uint32_t h = name_hash(name, len) & (INDEX_SIZE - 1);
    while (index_tab[h]) {
        struct cmd *cmd = index_tab[h];
        if (name_eq(cmd->name, name, len)) {
            if (!cmd_visible(cmd))
                return NULL;
            last_hit = cmd;
            last_len = len;
            return cmd;
        }
        h = (h + 1) & (INDEX_SIZE - 1);
    }
    return NULL;
}

struct cmd *cmd_lookup_sub(const struct cmd *parent, const char *name, size_t len)
{
    for (int i = 0; i < parent->nsubcmds; i++) {
        struct cmd *sub = &parent->subcmds[i];
        if (sub->proc && name_eq(sub->name, name, len))
            return sub;
    }
    return NULL;
}

struct cmd *cmd_lookup_fullname(const char *name, size_t len)
{
    const char *bar = memchr(name, '|', len);
    if (!bar)
        return cmd_lookup(name, len);
    struct cmd *parent = cmd_lookup(name, (size_t)(bar - name));
    if (!parent)
        return NULL;
    return cmd_lookup_sub(parent, bar + 1, len - (size_t)(bar - name) - 1);
}

void cmd_reset_stats(void)
{
    for (int i = 0; i < cmd_table_len; i++) {
        struct cmd *cmd = &cmd_table[i];
        cmd->calls = cmd->usec = cmd->rejected_calls = cmd->failed_calls = 0;
        lathist_free(cmd->lat); /* as Redis: RESETSTAT drops the histograms */
        cmd->lat = NULL;
        for (int j = 0; j < cmd->nsubcmds; j++) {
            struct cmd *sub = &cmd->subcmds[j];
            sub->calls = sub->usec = sub->rejected_calls = sub->failed_calls = 0;
            lathist_free(sub->lat);
            sub->lat = NULL;
        }
    }
}

/* Append "%.Ns" of a slice: up to max bytes, stopping at a NUL byte, as the
 * C formatting Redis uses for these messages does. Returns bytes written. */
static size_t cstr_prefix(char *dst, const char *s, size_t len, size_t max)
{
    size_t n = 0;
    while (n < len && n < max && s[n] != '\0') {
        dst[n] = s[n];
        n++;
    }
    return n;
}

static void reject_unknown_command(struct client *c)
{
    char args[512];
    size_t alen = 0;
    for (int i = 1; i < c->argc && alen < 128; i++) {
        args[alen++] = '\'';
        alen += cstr_prefix(args + alen, c->argv[i].ptr, c->argv[i].len, 128 - (alen - 1));
        args[alen++] = '\'';
        args[alen++] = ' ';
    }
    char name[129];
    size_t nlen = cstr_prefix(name, c->argv[0].ptr, c->argv[0].len, 128);
    reply_errorf(c, "ERR unknown command '%.*s', with args beginning with: %.*s", (int)nlen, name,
                 (int)alen, args);
}

static void reject_unknown_subcommand(struct client *c)
{
    char sub[129], up[129];
    size_t slen = cstr_prefix(sub, c->argv[1].ptr, c->argv[1].len, 128);
    size_t ulen = cstr_prefix(up, c->argv[0].ptr, c->argv[0].len, 128);
    for (size_t i = 0; i < ulen; i++)
        if (up[i] >= 'a' && up[i] <= 'z')
            up[i] = (char)(up[i] - 32);
    reply_errorf(c, "ERR unknown subcommand '%.*s'. Try %.*s HELP.", (int)slen, sub, (int)ulen, up);
}

/* Whether CLIENT PAUSE holds this command now (EXEC counts as a write when
 * its transaction holds one). */
static int held_by_pause(const struct client *c, const struct cmd *cmd)
{
    if (!server.pause_type)
        return 0;
    if (server.pause_type == 2)
        return 1;
    return (multi_effective_flags(c, cmd) & (CMD_WRITE | CMD_MAY_REPLICATE)) != 0;
}

/* Refuse a command before it runs: count it against the command (if known)
 * and mark an open transaction as failed, as every early rejection does. */
static void rejected(struct client *c, struct cmd *cmd)
{
    if (cmd)
        cmd->rejected_calls++;
    multi_flag_error(c);
}

void cmd_call(struct client *c)
{
    struct cmd *cmd = c->cmd;
    /* Errors are counted against the innermost command that replied them
     * (as Redis's prev_err_count): EXEC fails only for its own error, not
     * for those of the commands it ran, which move the mark past theirs. */
    static long long error_mark;
    error_mark = reply_error_total();
    long long dirty_before = server.dirty;
    long long start = util_mono_us();
    unsigned in_cmd = c->flags & CLIENT_IN_CMD;
    /* A blocked command run again was shown to MONITOR when it blocked. */
    int rerun = c->blk != NULL;
    struct client *caller = server.current_client;
    c->flags |= CLIENT_IN_CMD;
    server.current_client = c;
    cmd->proc(c);
    server.current_client = caller;
    c->flags = (c->flags & ~CLIENT_IN_CMD) | in_cmd;
    long long dur = util_mono_us() - start;
    c->last_cmd = cmd; /* CLIENT LIST shows a blocked command too */
    /* As Redis's call(): after the command ran (SELECT shows the new db,
     * AUTH its redacted arguments), each command of EXEC before EXEC. */
    if (server.monitors && !rerun && !(cmd->flags & (CMD_SKIP_MONITOR | CMD_ADMIN)))
        monitor_feed(c);
    if (c->blk && block_is_pending(c))
        return; /* blocked: it is counted when it finally runs */

    cmd->calls++;
    cmd->usec += dur;
    if (server.latency_tracking) {
        if (!cmd->lat)
            cmd->lat = lathist_new(); /* once per command: no allocation per call */
        lathist_record(cmd->lat, dur);
    }
    long long errors = reply_error_total();
    if (errors != error_mark)
        cmd->failed_calls++;
    error_mark = errors;
    server.stat_numcommands++;
    propagate_after_call(c, server.dirty - dirty_before);
    tracking_after_call(c);
    if (!(cmd->flags & CMD_SKIP_SLOWLOG))
        slowlog_maybe_add(c, dur);
    if (server.latency_monitor_threshold > 0)
        latency_add_sample((cmd->flags & CMD_FAST) ? "fast-command" : "command", dur / 1000);
}

int cmd_execute(struct client *c)
{
    struct cmd *cmd = cmd_lookup(c->argv[0].ptr, c->argv[0].len);
    /* CLIENT LIST's cmd= is the last command looked up, as Redis's lastcmd:
     * NULL after an unknown (sub)command, set even if it is then refused. */
    c->cmd = c->last_cmd = cmd;
    if (!cmd) {
        rejected(c, NULL);
        reject_unknown_command(c);
        return 0;
    }
    if (cmd->nsubcmds && c->argc >= 2) {
        struct cmd *sub = cmd_lookup_sub(cmd, c->argv[1].ptr, c->argv[1].len);
        if (!sub) {
            c->last_cmd = NULL;
            rejected(c, NULL);
            reject_unknown_subcommand(c);
            return 0;
        }
        c->cmd = c->last_cmd = cmd = sub;
    }
    if ((cmd->arity > 0 && cmd->arity != c->argc) || c->argc < -cmd->arity) {
        rejected(c, cmd);
        if (!multi_exec_rejected(c, "wrong number of arguments for 'exec' command"))
            reply_error_arity(c);
        return 0;
    }
    if (!(c->flags & CLIENT_AUTHED) && !(cmd->flags & CMD_NO_AUTH)) {
        rejected(c, cmd);
        if (!multi_exec_rejected(c, "NOAUTH Authentication required."))
            reply_error(c, "NOAUTH Authentication required.");
        return 0;
    }
    /* Feature gates, in Redis's order: maxmemory (OOM), refused writes
     * (MISCONF), the RESP2 subscribed context, loading; each replies itself
     * when it refuses. The inline tests skip the calls in the common case
     * (no maxmemory; a client without subscriptions has c->ps NULL). */
    if ((server.maxmemory > 0 && evict_gate(c)) || persist_gate(c) || (c->ps && pubsub_gate(c))) {
        rejected(c, cmd);
        return 0;
    }
    /* CLIENT PAUSE holds a command before MULTI would queue it, as Redis. */
    if (held_by_pause(c, cmd) && !(c->flags & CLIENT_PAUSED)) {
        static uint64_t pause_seq;
        c->flags |= CLIENT_PAUSED;
        c->pause_seq = ++pause_seq; /* server_unpause resumes oldest first */
        conn_pause_reading(&c->conn);
        return 1;
    }
    if ((c->flags & CLIENT_MULTI) && multi_gate(c))
        return 0; /* queued inside MULTI (or refused there) */

    if (c->flags & CLIENT_UNBLOCK_ERR) {
        /* CLIENT UNBLOCK ... ERROR released this held command. */
        c->flags &= ~CLIENT_UNBLOCK_ERR;
        block_client_gone(c);
        reply_error(c, "UNBLOCKED client unblocked via CLIENT UNBLOCK");
        return 0;
    }

    cmd_call(c);
    if (c->blk && block_after_command(c)) {
        /* Blocked: hold the command unconsumed; it runs again when a key it
         * waits on is signalled or its timeout fires (block.c). */
        propagate_flush();
        conn_pause_reading(&c->conn);
        return 1;
    }
    propagate_flush();

    /* CLIENT REPLY SKIP silences exactly the command after it. */
    if (c->flags & CLIENT_REPLY_SKIP)
        c->flags &= ~CLIENT_REPLY_SKIP;
    if (c->flags & CLIENT_REPLY_SKIP_NEXT) {
        c->flags &= ~CLIENT_REPLY_SKIP_NEXT;
        c->flags |= CLIENT_REPLY_SKIP;
    }
    if (block_have_ready())
        block_serve_ready();
    return 0;
}
