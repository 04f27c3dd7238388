/* client: the per-connection state that commands see.
 *
 * struct client embeds the transport (struct conn) as its first member, so the
 * reactor's data.ptr leads to both. Everything a command handler may read or
 * change about "who is calling" lives here; the keyspace does not.
 */
#ifndef TERN_CLIENT_H
#define TERN_CLIENT_H

#include <stdint.h>

#include "conn.h"
#include "resp.h"

struct block_state;
struct multi_state;
struct tracking_state;
struct pubsub_state;
struct cmd;
struct db;

/* client.flags */
#define CLIENT_AUTHED          (1u << 0) /* passed AUTH (or no password is set) */
#define CLIENT_MONITOR         (1u << 1) /* receives MONITOR lines */
#define CLIENT_REPLY_OFF       (1u << 2) /* CLIENT REPLY OFF */
#define CLIENT_REPLY_SKIP      (1u << 3) /* CLIENT REPLY SKIP: skip the next reply */
#define CLIENT_REPLY_SKIP_NEXT (1u << 4)
#define CLIENT_NO_EVICT        (1u << 5)  /* CLIENT NO-EVICT on */
#define CLIENT_PAUSED          (1u << 6)  /* held by CLIENT PAUSE */
#define CLIENT_UNIX            (1u << 7)  /* connected over a unix socket */
#define CLIENT_KILLED          (1u << 8)  /* CLIENT KILL chose it; close after this batch */
#define CLIENT_IN_CMD          (1u << 9)  /* a command is executing */
#define CLIENT_CLOSE_AFTER_CMD (1u << 10) /* close once this command has replied */
#define CLIENT_UNBLOCK_ERR     (1u << 11) /* CLIENT UNBLOCK ... ERROR: fail the held command */
#define CLIENT_MULTI           (1u << 12) /* inside MULTI (multi.c) */
#define CLIENT_DENY_BLOCKING   (1u << 13) /* running EXEC: blocking commands reply as on timeout */
#define CLIENT_TRACKING        (1u << 14) /* CLIENT TRACKING on (tracking.c) */

struct client {
    struct conn conn; /* must stay first: see conn.h */
    uint64_t id;
    unsigned flags;
    int resp; /* 2 or 3 */
    int db_index;
    struct db *db;
    struct resp_parser parser;
    /* The current command: argv slices point into conn.qbuf and are valid
     * only while the handler runs. */
    int argc;
    struct resp_arg *argv;
    struct cmd *cmd; /* the command (or subcommand) being run */
    struct cmd *last_cmd;
    char *name;               /* CLIENT SETNAME, owned; NULL if none */
    char *lib_name, *lib_ver; /* CLIENT SETINFO, owned */
    char addr[64];            /* "ip:port" of the peer */
    char laddr[64];           /* "ip:port" of our end */
    long long ctime_ms;       /* connection time */
    long long last_ms;        /* last interaction (idle time, timeout) */
    long long pause_end_ms;
    uint64_t pause_seq;         /* when CLIENT PAUSE held it: resume order */
    struct client *next, *prev; /* the server's list of all clients */
    struct client *mon_next;    /* list of MONITOR clients */
    struct block_state *blk;    /* non-NULL while blocked on keys (block.c) */
    struct multi_state *mst;    /* MULTI queue and WATCHed keys (multi.c), or NULL */
    struct tracking_state *trk; /* CLIENT TRACKING state (tracking.c), or NULL */
    struct pubsub_state *ps;    /* subscriptions (pubsub.c), or NULL */
};

/* Create a client for an accepted fd and register it with the reactor.
 * peer is "ip:port". Returns NULL (fd closed) on failure. */
struct client *client_create(int fd, int is_unix, const char *peer);
/* Close a client: now, or once its pending replies are written. */
void client_close(struct client *c);
void client_close_after_reply(struct client *c);
/* Iterate over all clients, oldest first. fn may close clients (closing is
 * deferred), but must not create any. */
void client_foreach(void (*fn)(struct client *c, void *priv), void *priv);
/* Find a live client by id; NULL if none. O(n). */
struct client *client_by_id(uint64_t id);
/* Switch the client to database idx (0 <= idx < databases). */
void client_select(struct client *c, int idx);
/* Leave MONITOR mode (a no-op if not monitoring). O(number of monitors). */
void client_unmonitor(struct client *c);
/* Idle-timeout sweep, run from the cron. */
void client_cron(long long now_ms);
/* Process buffered input of a client whose reading was held (CLIENT UNPAUSE). */
void client_resume(struct client *c);

#endif
