/* client: accepted connections become clients; their input is parsed one
 * command at a time and handed to the dispatcher.
 *
 * Invariants: argv slices point into conn.qbuf, and the query buffer is only
 * compacted by conn between input events, never while a handler runs; a
 * client is freed only by conn_reap() after the event batch.
 */
#include "client.h"

#include <stdio.h>
#include <string.h>

#include "block.h"
#include "cmd.h"
#include "db.h"
#include "mem.h"
#include "multi.h"
#include "pubsub.h"
#include "reply.h"
#include "server.h"
#include "tracking.h"
#include "util.h"

static struct client *tail; /* oldest client; server.clients is the newest */

static void on_input(struct conn *conn);
static void on_free(struct conn *conn);

static const struct conn_ops client_ops = {
    .on_input = on_input,
    .on_free = on_free,
};

struct client *client_create(int fd, int is_unix, const char *peer)
{
    struct client *c = mem_calloc(1, sizeof(*c));
    if (conn_init(&c->conn, server.loop, fd, &client_ops) == -1) {
        mem_free(c);
        return NULL;
    }
    c->id = server.next_client_id++;
    c->resp = 2;
    c->flags = (server.requirepass && server.requirepass[0]) ? 0 : CLIENT_AUTHED;
    if (is_unix)
        c->flags |= CLIENT_UNIX;
    client_select(c, 0);
    resp_parser_init(&c->parser);
    snprintf(c->addr, sizeof(c->addr), "%s", peer ? peer : "");
    c->ctime_ms = c->last_ms = util_time_ms();
    c->next = server.clients;
    if (server.clients)
        server.clients->prev = c;
    server.clients = c;
    if (!tail)
        tail = c;
    server.connected_clients++;
    return c;
}

void client_close(struct client *c)
{
    conn_close(&c->conn);
}

void client_close_after_reply(struct client *c)
{
    conn_close_after_reply(&c->conn);
}

void client_select(struct client *c, int idx)
{
    c->db_index = idx;
    c->db = server.db[idx];
}

void client_foreach(void (*fn)(struct client *c, void *priv), void *priv)
{
    for (struct client *c = tail; c;) {
        struct client *prev = c->prev;
        fn(c, priv);
        c = prev;
    }
}

struct client *client_by_id(uint64_t id)
{
    for (struct client *c = server.clients; c; c = c->next)
        if (c->id == id && !(c->conn.flags & CONN_CLOSING))
            return c;
    return NULL;
}

void client_unmonitor(struct client *c)
{
    if (!(c->flags & CLIENT_MONITOR))
        return;
    struct client **pp = &server.monitors;
    while (*pp && *pp != c)
        pp = &(*pp)->mon_next;
    if (*pp)
        *pp = c->mon_next;
    c->flags &= ~CLIENT_MONITOR;
}

static void unlink_client(struct client *c)
{
    if (c->prev)
        c->prev->next = c->next;
    else
        server.clients = c->next;
    if (c->next)
        c->next->prev = c->prev;
    else
        tail = c->prev;
    client_unmonitor(c);
}

static void on_free(struct conn *conn)
{
    struct client *c = (struct client *)conn;
    unlink_client(c);
    block_client_gone(c);
    multi_reset(c);
    tracking_client_gone(c);
    pubsub_client_gone(c);
    server.connected_clients--;
    resp_parser_free(&c->parser);
    mem_free(c->name);
    mem_free(c->lib_name);
    mem_free(c->lib_ver);
    mem_free(c);
}

/* Parse and run every complete command in the query buffer. Stops early if
 * the client is closing or its reading is held (CLIENT PAUSE). */
static void on_input(struct conn *conn)
{
    struct client *c = (struct client *)conn;
    c->last_ms = util_time_ms();
    while (conn->qpos < conn->qlen) {
        if (conn->flags & (CONN_CLOSING | CONN_CLOSE_AFTER_REPLY | CONN_READ_PAUSED))
            return;
        struct resp_limits lim = {
            .max_bulk = server.proto_max_bulk_len,
            .unauthenticated = !(c->flags & CLIENT_AUTHED),
        };
        ssize_t n = resp_parse(&c->parser, conn->qbuf + conn->qpos, conn->qlen - conn->qpos, &lim);
        if (n == 0)
            return;
        if (n < 0) {
            server_log(LL_VERBOSE, "Protocol error (%s) from client: id=%llu addr=%s",
                       c->parser.err, (unsigned long long)c->id, c->addr);
            reply_errorf(c, "ERR %s", c->parser.err);
            resp_parser_free(&c->parser);
            resp_parser_init(&c->parser);
            client_close_after_reply(c);
            return;
        }
        if (c->parser.argc == 0) {
            conn->qpos += (size_t)n;
            continue;
        }
        c->argc = c->parser.argc;
        c->argv = c->parser.argv;
        if (cmd_execute(c) != 0)
            return; /* held: the command stays in the buffer for later */
        conn->qpos += (size_t)n;
        if (c->flags & CLIENT_CLOSE_AFTER_CMD) {
            client_close_after_reply(c);
            return;
        }
        c->argc = 0;
        c->argv = NULL;
    }
}

void client_resume(struct client *c)
{
    conn_resume_reading(&c->conn);
}

static void check_timeout(struct client *c, void *priv)
{
    long long now = *(long long *)priv;
    if (c->flags & CLIENT_MONITOR)
        return;
    if (now - c->last_ms > server.timeout * 1000) {
        server_log(LL_VERBOSE, "Closing idle client");
        client_close(c);
    }
}

void client_cron(long long now_ms)
{
    if (server.timeout > 0)
        client_foreach(check_timeout, &now_ms);
}
