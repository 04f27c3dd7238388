/* t_conn: the connection commands: PING, ECHO, QUIT, RESET, HELLO, AUTH,
 * and CLIENT's subcommands. Each follows Redis 7.0's replies and error
 * texts (checked against redis-server 7.0.15). CLIENT SETINFO comes from
 * Redis 7.2: clients send it on connect, so Tern accepts it (a documented
 * difference).
 *
 * Must not know: data types. Uses the client list (client.h) and the
 * server's pause state.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "block.h"
#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "db.h"
#include "mem.h"
#include "monitor.h"
#include "multi.h"
#include "net.h"
#include "pubsub.h"
#include "reply.h"
#include "server.h"
#include "tracking.h"
#include "util.h"

static int arg_is(const struct client *c, int i, const char *word)
{
    return util_eq_ci(c->argv[i].ptr, c->argv[i].len, word);
}

void cmd_ping(struct client *c)
{
    if (c->argc > 2) {
        reply_error_arity(c);
        return;
    }
    if (pubsub_ping(c))
        return; /* RESP2 subscribed context: ["pong", arg] */
    if (c->argc == 1)
        reply_status(c, "PONG");
    else
        reply_bulk(c, c->argv[1].ptr, c->argv[1].len);
}

void cmd_echo(struct client *c)
{
    reply_bulk(c, c->argv[1].ptr, c->argv[1].len);
}

void cmd_quit(struct client *c)
{
    reply_ok(c);
    client_close_after_reply(c);
}

void cmd_reset(struct client *c)
{
    /* Redis 7.0 keeps NO-EVICT across RESET, but drops the name. */
    c->flags &= ~(CLIENT_REPLY_OFF | CLIENT_REPLY_SKIP | CLIENT_REPLY_SKIP_NEXT);
    mem_free(c->name);
    c->name = NULL;
    client_unmonitor(c);
    multi_reset(c);
    tracking_reset(c);
    pubsub_client_gone(c);
    c->resp = 2;
    client_select(c, 0);
    if (server.requirepass && server.requirepass[0])
        c->flags &= ~CLIENT_AUTHED;
    reply_status(c, "RESET");
}

/* Check a password for user "default". Returns 1 when it matches. */
static int password_ok(const struct resp_arg *user, const struct resp_arg *pass)
{
    if (user && !util_eq_ci(user->ptr, user->len, "default"))
        return 0;
    if (!server.requirepass || !server.requirepass[0])
        return 1; /* nopass user: any password works */
    size_t n = strlen(server.requirepass);
    return pass->len == n && memcmp(pass->ptr, server.requirepass, n) == 0;
}

void cmd_auth(struct client *c)
{
    if (c->argc > 3) {
        reply_error_syntax(c);
        return;
    }
    /* MONITOR and SLOWLOG, which see argv after we return, must never show
     * the secrets (Redis redacts them even when AUTH then fails). */
    struct resp_arg user_arg = c->argv[1], pass_arg = c->argv[c->argc - 1];
    const struct resp_arg *user = c->argc == 3 ? &user_arg : NULL, *pass = &pass_arg;
    for (int i = 1; i < c->argc; i++)
        monitor_redact(c, i);
    if (c->argc == 2 && !(server.requirepass && server.requirepass[0])) {
        reply_error(c, "ERR AUTH <password> called without any password configured for the "
                       "default user. Are you sure your configuration is correct?");
        return;
    }
    if (!password_ok(user, pass)) {
        reply_error(c, "WRONGPASS invalid username-password pair or user is disabled.");
        return;
    }
    c->flags |= CLIENT_AUTHED;
    reply_ok(c);
}

/* Client names may not hold spaces, newlines or other special bytes. */
static int valid_name(const struct resp_arg *a)
{
    for (size_t i = 0; i < a->len; i++) {
        unsigned char ch = (unsigned char)a->ptr[i];
        if (ch < '!' || ch > '~')
            return 0;
    }
    return 1;
}

static int set_name(struct client *c, const struct resp_arg *a)
{
    if (!valid_name(a)) {
        reply_error(c, "ERR Client names cannot contain spaces, newlines or special characters.");
        return -1;
    }
    mem_free(c->name);
    c->name = a->len ? mem_strndup(a->ptr, a->len) : NULL;
    return 0;
}

void cmd_hello(struct client *c)
{
    long long ver = 0;
    int next = 1;
    if (c->argc >= 2) {
        if (!util_str2ll(c->argv[1].ptr, c->argv[1].len, &ver)) {
            reply_error(c, "ERR Protocol version is not an integer or out of range");
            return;
        }
        next = 2;
        if (ver < 2 || ver > 3) {
            reply_error(c, "NOPROTO unsupported protocol version");
            return;
        }
    }
    /* Options take effect one by one, as in Redis 7.0: a SETNAME before a
     * failing AUTH or a bad option stays set, and AUTH runs where it is. */
    for (int j = next; j < c->argc; j++) {
        int more = c->argc - j - 1;
        if (arg_is(c, j, "AUTH") && more >= 2) {
            struct resp_arg user = c->argv[j + 1], pass = c->argv[j + 2];
            monitor_redact(c, j + 1); /* as AUTH: MONITOR/SLOWLOG hide them */
            monitor_redact(c, j + 2);
            if (!password_ok(&user, &pass)) {
                reply_error(c, "WRONGPASS invalid username-password pair or user is disabled.");
                return;
            }
            c->flags |= CLIENT_AUTHED;
            j += 2;
        } else if (arg_is(c, j, "SETNAME") && more >= 1) {
            if (set_name(c, &c->argv[j + 1]) == -1)
                return;
            j++;
        } else {
            reply_errorf(c, "ERR Syntax error in HELLO option '%.*s'", (int)c->argv[j].len,
                         c->argv[j].ptr);
            return;
        }
    }
    if (!(c->flags & CLIENT_AUTHED)) {
        reply_error(c, "NOAUTH HELLO must be called with the client already authenticated, "
                       "otherwise the HELLO AUTH <user> <pass> option can be used to "
                       "authenticate the client and select the RESP protocol version at the same "
                       "time");
        return;
    }
    if (ver)
        c->resp = (int)ver;
    reply_map(c, 7);
    reply_bulk_cstr(c, "server");
    reply_bulk_cstr(c, "redis");
    reply_bulk_cstr(c, "version");
    reply_bulk_cstr(c, TERN_REDIS_VERSION);
    reply_bulk_cstr(c, "proto");
    reply_int(c, c->resp);
    reply_bulk_cstr(c, "id");
    reply_int(c, (long long)c->id);
    reply_bulk_cstr(c, "mode");
    reply_bulk_cstr(c, "standalone");
    reply_bulk_cstr(c, "role");
    reply_bulk_cstr(c, "master");
    reply_bulk_cstr(c, "modules");
    reply_array(c, 0);
}

/* ---- CLIENT ---- */

/* Bytes of k's query buffer taken by the command it is held on (blocked
 * or paused: the command stays unconsumed until it runs), so qbuf= shows
 * only what follows it, as in Redis, where that command is already parsed.
 * O(command length). */
static size_t held_cmd_bytes(const struct client *k)
{
    const struct conn *cn = &k->conn;
    const char *start = cn->qbuf + cn->qpos, *limit = cn->qbuf + cn->qlen;
    if (k->argc < 1)
        return 0;
    const struct resp_arg *last = &k->argv[k->argc - 1];
    const char *p = last->ptr + last->len;
    if (last->ptr < start || p > limit)
        return 0;                   /* not a slice of the buffer: count nothing */
    while (p < limit && *p != '\n') /* the CRLF (RESP) or line end (inline) */
        p++;
    return (size_t)(p < limit ? p + 1 - start : p - start);
}

/* The CLIENT LIST / CLIENT INFO line of one client, in Redis 7.0's field
 * order. Returns its length; buf must hold CLIENT_INFO_MAX bytes. */
#define CLIENT_INFO_MAX 1024
#define REPLY_CHUNK     (16 * 1024) /* Redis's client reply buffer */
static size_t client_info_line(struct client *k, char *buf)
{
    char flags[16], *f = flags;
    if (k->flags & CLIENT_MONITOR)
        *f++ = 'O';
    if (pubsub_client_subscribed(k))
        *f++ = 'P';
    if (k->flags & CLIENT_MULTI)
        *f++ = 'x';
    /* A client held by CLIENT PAUSE is a blocked client in Redis 7.0. */
    int held = block_is_blocked(k) || (k->flags & CLIENT_PAUSED);
    if (held)
        *f++ = 'b';
    f += tracking_client_flags(k, f);
    if (multi_dirty(k))
        *f++ = 'd';
    if (k->conn.flags & CONN_CLOSE_AFTER_REPLY)
        *f++ = 'c';
    if (k->flags & CLIENT_KILLED)
        *f++ = 'A';
    if (k->flags & CLIENT_UNIX)
        *f++ = 'U';
    if (k->flags & CLIENT_NO_EVICT)
        *f++ = 'e';
    if (f == flags)
        *f++ = 'N';
    *f = '\0';
    const struct conn *cn = &k->conn;
    long long now = util_time_ms();
    long sub, psub, ssub;
    pubsub_client_counts(k, &sub, &psub, &ssub);
    size_t argv_mem = 0, qbuf = cn->qlen - cn->qpos;
    if ((k->flags & CLIENT_IN_CMD) || held)
        for (int i = 0; i < k->argc; i++)
            argv_mem += k->argv[i].len;
    if (held)
        qbuf -= held_cmd_bytes(k);
    size_t pending = cn->olen - cn->osent;
    /* Redis keeps the first 16 KB of pending output in the client's buffer
     * (obl) and the rest in a list of >= 16 KB blocks (oll blocks, omem
     * bytes, what client-output-buffer-limit counts). Tern has one flat
     * buffer; it reports the same split, with full 16 KB blocks. */
    size_t obl = pending < REPLY_CHUNK ? pending : REPLY_CHUNK;
    size_t omem = pending - obl, oll = (omem + REPLY_CHUNK - 1) / REPLY_CHUNK;
    size_t tot = sizeof(*k) + cn->qcap + cn->ocap + argv_mem;
    /* A held client does not read, but Redis keeps its read handler: "r". */
    int rd = (cn->io.mask & EV_READ) || (held && !(cn->flags & CONN_CLOSING));
    const char *events = (cn->io.mask & EV_WRITE) ? (rd ? "rw" : "w") : (rd ? "r" : "");
    int n = snprintf(buf, CLIENT_INFO_MAX,
                     "id=%llu addr=%s laddr=%s fd=%d name=%s age=%lld idle=%lld flags=%s db=%d "
                     "sub=%ld psub=%ld ssub=%ld multi=%ld qbuf=%zu qbuf-free=%zu argv-mem=%zu "
                     "multi-mem=%zu rbs=%zu rbp=%zu obl=%zu oll=%zu omem=%zu tot-mem=%zu events=%s "
                     "cmd=%s user=default redir=%lld resp=%d",
                     (unsigned long long)k->id, k->addr, k->laddr, cn->io.fd,
                     k->name ? k->name : "", (now - k->ctime_ms) / 1000, (now - k->last_ms) / 1000,
                     flags, k->db_index, sub, psub, ssub, multi_count(k), qbuf, cn->qcap - cn->qlen,
                     argv_mem, multi_mem(k), cn->ocap, cn->ocap, obl, oll, omem, tot, events,
                     k->last_cmd ? k->last_cmd->fullname : "NULL", tracking_redirect(k), k->resp);
    return n < 0 ? 0 : ((size_t)n >= CLIENT_INFO_MAX ? CLIENT_INFO_MAX - 1 : (size_t)n);
}

void cmd_client_id(struct client *c)
{
    reply_int(c, (long long)c->id);
}

void cmd_client_info(struct client *c)
{
    char line[CLIENT_INFO_MAX + 1];
    size_t n = client_info_line(c, line);
    line[n++] = '\n';
    reply_verbatim(c, line, n, "txt");
}

/* Client types for LIST / KILL TYPE, as Redis's getClientType: a client
 * with any subscription is "pubsub", others "normal" (MONITOR included);
 * Tern has no master/replica clients. */
#define CTYPE_ANY    (-1)
#define CTYPE_NONE   0 /* master, replica, slave: matches nobody */
#define CTYPE_NORMAL 1
#define CTYPE_PUBSUB 2

static int client_type(const struct client *k)
{
    return pubsub_client_subscribed(k) ? CTYPE_PUBSUB : CTYPE_NORMAL;
}

/* Returns 1 if the name is valid and sets *type (CTYPE_*). */
static int parse_type(const struct resp_arg *a, int *type)
{
    static const char *const names[] = {"normal", "master", "replica", "slave", "pubsub"};
    static const int types[] = {CTYPE_NORMAL, CTYPE_NONE, CTYPE_NONE, CTYPE_NONE, CTYPE_PUBSUB};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (util_eq_ci(a->ptr, a->len, names[i])) {
            *type = types[i];
            return 1;
        }
    }
    return 0;
}

struct list_filter {
    uint64_t *ids;
    int nids;
    int type; /* CTYPE_* */
    char *out;
    size_t len, cap;
};

static void list_one(struct client *k, void *priv)
{
    struct list_filter *lf = priv;
    if (k->conn.flags & CONN_CLOSING)
        return;
    if (lf->type != CTYPE_ANY && client_type(k) != lf->type)
        return;
    if (lf->nids) {
        int found = 0;
        for (int i = 0; i < lf->nids; i++)
            found |= lf->ids[i] == k->id;
        if (!found)
            return;
    }
    if (lf->cap - lf->len < CLIENT_INFO_MAX + 1) {
        lf->cap = lf->cap * 2 + CLIENT_INFO_MAX + 1;
        lf->out = mem_realloc(lf->out, lf->cap);
    }
    lf->len += client_info_line(k, lf->out + lf->len);
    lf->out[lf->len++] = '\n';
}

void cmd_client_list(struct client *c)
{
    struct list_filter lf = {.type = CTYPE_ANY};
    if (c->argc == 4 && arg_is(c, 2, "TYPE")) {
        if (!parse_type(&c->argv[3], &lf.type)) {
            reply_errorf(c, "ERR Unknown client type '%.*s'", (int)c->argv[3].len, c->argv[3].ptr);
            return;
        }
    } else if (c->argc > 3 && arg_is(c, 2, "ID")) {
        lf.nids = c->argc - 3;
        lf.ids = mem_alloc(sizeof(*lf.ids) * (size_t)lf.nids);
        for (int j = 3; j < c->argc; j++) {
            long long id;
            if (!util_str2ll(c->argv[j].ptr, c->argv[j].len, &id) || id <= 0) {
                mem_free(lf.ids);
                reply_error(c, "ERR Invalid client ID");
                return;
            }
            lf.ids[j - 3] = (uint64_t)id;
        }
    } else if (c->argc != 2) {
        reply_error_syntax(c);
        return;
    }
    if (lf.type != CTYPE_NONE)
        client_foreach(list_one, &lf);
    reply_verbatim(c, lf.out ? lf.out : "", lf.len, "txt");
    mem_free(lf.out);
    mem_free(lf.ids);
}

struct kill_filter {
    struct client *self;
    uint64_t id;
    const struct resp_arg *addr, *laddr;
    int skipme, type; /* type: CTYPE_* */
    long long killed;
};

static int slice_eq(const struct resp_arg *a, const char *s)
{
    return strlen(s) == a->len && memcmp(s, a->ptr, a->len) == 0;
}

static void kill_one(struct client *k, void *priv)
{
    struct kill_filter *kf = priv;
    if (k->conn.flags & CONN_CLOSING)
        return;
    if ((kf->id && k->id != kf->id) || (kf->addr && !slice_eq(kf->addr, k->addr)) ||
        (kf->laddr && !slice_eq(kf->laddr, k->laddr)) ||
        (kf->type != CTYPE_ANY && client_type(k) != kf->type) || (kf->skipme && k == kf->self))
        return;
    kf->killed++;
    if (k == kf->self) {
        /* Killing ourselves: the reply must still go out first. */
        k->flags |= CLIENT_CLOSE_AFTER_CMD;
    } else {
        k->flags |= CLIENT_KILLED;
        client_close(k);
    }
}

/* CLIENT KILL <filter> <value> ... (the new form). */
static int parse_kill_filters(struct client *c, struct kill_filter *kf)
{
    for (int j = 2; j < c->argc; j += 2) {
        if (j + 1 >= c->argc) {
            reply_error_syntax(c);
            return -1;
        }
        const struct resp_arg *v = &c->argv[j + 1];
        if (arg_is(c, j, "ID")) {
            long long id;
            if (!util_str2ll(v->ptr, v->len, &id) || id <= 0) {
                reply_error(c, "ERR client-id should be greater than 0");
                return -1;
            }
            kf->id = (uint64_t)id;
        } else if (arg_is(c, j, "TYPE")) {
            if (!parse_type(v, &kf->type)) {
                reply_errorf(c, "ERR Unknown client type '%.*s'", (int)v->len, v->ptr);
                return -1;
            }
        } else if (arg_is(c, j, "ADDR")) {
            kf->addr = v;
        } else if (arg_is(c, j, "LADDR")) {
            kf->laddr = v;
        } else if (arg_is(c, j, "USER")) {
            if (!util_eq_ci(v->ptr, v->len, "default")) {
                reply_errorf(c, "ERR No such user '%.*s'", (int)v->len, v->ptr);
                return -1;
            }
        } else if (arg_is(c, j, "SKIPME")) {
            if (util_eq_ci(v->ptr, v->len, "yes"))
                kf->skipme = 1;
            else if (util_eq_ci(v->ptr, v->len, "no"))
                kf->skipme = 0;
            else {
                reply_error_syntax(c);
                return -1;
            }
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

void cmd_client_kill(struct client *c)
{
    struct kill_filter kf = {.self = c, .skipme = 1, .type = CTYPE_ANY};
    if (c->argc == 3) {
        /* Old form: CLIENT KILL addr:port, replies OK or an error. */
        kf.addr = &c->argv[2];
        kf.skipme = 0;
        client_foreach(kill_one, &kf);
        if (kf.killed)
            reply_ok(c);
        else
            reply_error(c, "ERR No such client");
        return;
    }
    if (parse_kill_filters(c, &kf) == -1)
        return;
    client_foreach(kill_one, &kf);
    reply_int(c, kf.killed);
}

void cmd_client_setname(struct client *c)
{
    if (set_name(c, &c->argv[2]) == 0)
        reply_ok(c);
}

void cmd_client_getname(struct client *c)
{
    reply_bulk_cstr(c, c->name);
}

/* CLIENT SETINFO LIB-NAME|LIB-VER value (Redis 7.2, accepted by Tern). */
void cmd_client_setinfo(struct client *c)
{
    char **field;
    if (arg_is(c, 2, "LIB-NAME"))
        field = &c->lib_name;
    else if (arg_is(c, 2, "LIB-VER"))
        field = &c->lib_ver;
    else {
        reply_errorf(c, "ERR Unrecognized option '%.*s'", (int)c->argv[2].len, c->argv[2].ptr);
        return;
    }
    const struct resp_arg *v = &c->argv[3];
    if (!valid_name(v)) {
        reply_errorf(c, "ERR %s cannot contain spaces, newlines or special characters.",
                     field == &c->lib_name ? "lib-name" : "lib-ver");
        return;
    }
    mem_free(*field);
    *field = v->len ? mem_strndup(v->ptr, v->len) : NULL;
    reply_ok(c);
}

void cmd_client_no_evict(struct client *c)
{
    if (arg_is(c, 2, "ON"))
        c->flags |= CLIENT_NO_EVICT;
    else if (arg_is(c, 2, "OFF"))
        c->flags &= ~CLIENT_NO_EVICT;
    else {
        reply_error_syntax(c);
        return;
    }
    reply_ok(c);
}

void cmd_client_reply(struct client *c)
{
    if (arg_is(c, 2, "ON")) {
        c->flags &= ~(CLIENT_REPLY_OFF | CLIENT_REPLY_SKIP | CLIENT_REPLY_SKIP_NEXT);
        reply_ok(c);
    } else if (arg_is(c, 2, "OFF")) {
        c->flags |= CLIENT_REPLY_OFF;
    } else if (arg_is(c, 2, "SKIP")) {
        if (!(c->flags & CLIENT_REPLY_OFF))
            c->flags |= CLIENT_REPLY_SKIP_NEXT;
    } else {
        reply_error_syntax(c);
    }
}

void cmd_client_pause(struct client *c)
{
    long long ms;
    int type = 2;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &ms)) {
        reply_error(c, "ERR timeout is not an integer or out of range");
        return;
    }
    if (ms < 0) {
        reply_error(c, "ERR timeout is negative");
        return;
    }
    if (c->argc == 4) {
        if (arg_is(c, 3, "WRITE"))
            type = 1;
        else if (arg_is(c, 3, "ALL"))
            type = 2;
        else {
            reply_error(c, "ERR CLIENT PAUSE mode must be WRITE or ALL");
            return;
        }
    } else if (c->argc > 4) {
        reply_error_syntax(c);
        return;
    }
    long long end = util_time_ms() + ms;
    /* A stronger or longer pause wins over the one in force, as in Redis. */
    if (type > server.pause_type)
        server.pause_type = type;
    if (end > server.pause_end_ms)
        server.pause_end_ms = end;
    db_expiry_held_until = server.pause_end_ms; /* no reaping while paused */
    reply_ok(c);
}

void cmd_client_unpause(struct client *c)
{
    server_unpause();
    reply_ok(c);
}

void cmd_client_help(struct client *c)
{
    static const char *const help[] = {
        "GETNAME",
        "    Return the name of the current connection.",
        "ID",
        "    Return the ID of the current connection.",
        "INFO",
        "    Return information about the current connection.",
        "KILL <ip:port>",
        "    Kill the connection at <ip:port>.",
        "KILL <option> <value> [<option> <value> [...]]",
        "    Kill the connections that match all the filters. Options:",
        "    * ID <client-id>",
        "      Kill the connection with this ID.",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Kill connections of this type.",
        "    * USER <username>",
        "      Kill connections authenticated as this user.",
        "    * ADDR (<ip:port>|<unixsocket>:0)",
        "      Kill the connection from this remote address.",
        "    * LADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made to this local address.",
        "    * SKIPME (YES|NO)",
        "      Whether to spare the calling connection (YES by default).",
        "LIST [options ...]",
        "    Return information about connections. Options:",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Only connections of this type.",
        "    * ID id [id ...]",
        "      Only connections with these IDs.",
        "UNPAUSE",
        "    Resume the processing of paused connections.",
        "PAUSE <timeout> [WRITE|ALL]",
        "    Hold connections for <timeout> milliseconds: all commands (ALL, the default)",
        "    or only those that write (WRITE).",
        "REPLY (ON|OFF|SKIP)",
        "    Turn replies to this connection on or off, or skip the next one.",
        "SETINFO <LIB-NAME|LIB-VER> <value>",
        "    Record the client library's name or version.",
        "SETNAME <name>",
        "    Name the current connection.",
        "NO-EVICT (ON|OFF)",
        "    Protect this connection from client eviction, or stop doing so.",
        NULL,
    };
    reply_help(c, help);
}

/* CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO live in tracking.c. */

/* CLIENT UNBLOCK id [TIMEOUT|ERROR]: release a client blocked on keys, as
 * if its timeout expired (the default) or with an -UNBLOCKED error. */
void cmd_client_unblock(struct client *c)
{
    long long id;
    int as_error = 0;
    if (!util_str2ll(c->argv[2].ptr, c->argv[2].len, &id)) {
        reply_error_not_int(c);
        return;
    }
    if (c->argc == 4) {
        if (arg_is(c, 3, "ERROR"))
            as_error = 1;
        else if (!arg_is(c, 3, "TIMEOUT")) {
            reply_error(c, "ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
            return;
        }
    } else if (c->argc > 4) {
        reply_errorf(
            c,
            "ERR unknown subcommand or wrong number of arguments for 'unblock'. Try CLIENT HELP.");
        return;
    }
    struct client *target = id > 0 ? client_by_id((uint64_t)id) : NULL;
    reply_int(c, target && target != c && block_unblock(target, as_error) ? 1 : 0);
}
