/* tracking_cmd: CLIENT TRACKING, CACHING, GETREDIR and TRACKINGINFO, with
 * Redis 7.0's option checks and error texts (checked against
 * redis-server 7.0.15). The tracking itself is tracking.c's.
 *
 * Must not know: the tracking table or how messages are sent.
 */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "mem.h"
#include "reply.h"
#include "resp.h"
#include "tracking.h"
#include "tracking_int.h"
#include "util.h"

static int arg_is(const struct client *c, int i, const char *word)
{
    return util_eq_ci(c->argv[i].ptr, c->argv[i].len, word);
}

/* Redis prints prefixes with %s: up to the first NUL byte. */
static int cstr_len(const char *s, size_t len)
{
    return (int)strnlen(s, len);
}

static int overlaps(const char *a, size_t alen, const char *b, size_t blen)
{
    return memcmp(a, b, alen < blen ? alen : blen) == 0;
}

/* Redis's checks that BCAST prefixes do not overlap each other or the
 * client's existing ones. Replies and returns -1 on a collision. */
static int check_prefixes(struct client *c, const int *pidx, int np)
{
    for (int i = 0; i < np; i++) {
        const struct resp_arg *a = &c->argv[pidx[i]];
        struct tracking_state *t = c->trk;
        for (int j = 0; t && j < t->nprefixes; j++) {
            const struct tprefix *p = t->prefixes[j];
            if (overlaps(p->p, p->len, a->ptr, a->len)) {
                reply_errorf(c,
                             "ERR Prefix '%.*s' overlaps with an existing prefix '%.*s'. "
                             "Prefixes for a single client must not overlap.",
                             cstr_len(a->ptr, a->len), a->ptr, cstr_len(p->p, p->len), p->p);
                return -1;
            }
        }
        for (int j = i + 1; j < np; j++) {
            const struct resp_arg *b = &c->argv[pidx[j]];
            if (overlaps(a->ptr, a->len, b->ptr, b->len)) {
                reply_errorf(c,
                             "ERR Prefix '%.*s' overlaps with another provided prefix '%.*s'. "
                             "Prefixes for a single client must not overlap.",
                             cstr_len(a->ptr, a->len), a->ptr, cstr_len(b->ptr, b->len), b->ptr);
                return -1;
            }
        }
    }
    return 0;
}

struct track_opts {
    long long redir;
    unsigned flags;
    int *pidx; /* argv indexes of the prefixes */
    int np;
};

/* Parse the options after ON|OFF. Replies and returns -1 on an error. */
static int parse_opts(struct client *c, struct track_opts *o)
{
    for (int j = 3; j < c->argc; j++) {
        int more = c->argc - 1 - j;
        if (arg_is(c, j, "redirect") && more) {
            j++;
            if (o->redir) {
                reply_error(c, "ERR A client can only redirect to a single other client");
                return -1;
            }
            if (!util_str2ll(c->argv[j].ptr, c->argv[j].len, &o->redir)) {
                reply_error_not_int(c);
                return -1;
            }
            struct client *r = o->redir > 0 ? client_by_id((uint64_t)o->redir) : NULL;
            if (!r) {
                reply_error(c, "ERR The client ID you want redirect to does not exist");
                return -1;
            }
        } else if (arg_is(c, j, "bcast")) {
            o->flags |= TRK_BCAST;
        } else if (arg_is(c, j, "optin")) {
            o->flags |= TRK_OPTIN;
        } else if (arg_is(c, j, "optout")) {
            o->flags |= TRK_OPTOUT;
        } else if (arg_is(c, j, "noloop")) {
            o->flags |= TRK_NOLOOP;
        } else if (arg_is(c, j, "prefix") && more) {
            o->pidx[o->np++] = ++j;
        } else {
            reply_error_syntax(c);
            return -1;
        }
    }
    return 0;
}

/* The mode checks of CLIENT TRACKING ON, in Redis's order. */
static int check_on(struct client *c, const struct track_opts *o)
{
    unsigned cur = (c->flags & CLIENT_TRACKING) ? c->trk->flags : 0;
    if (!(o->flags & TRK_BCAST) && o->np) {
        reply_error(c, "ERR PREFIX option requires BCAST mode to be enabled");
        return -1;
    }
    if ((c->flags & CLIENT_TRACKING) && !(cur & TRK_BCAST) != !(o->flags & TRK_BCAST)) {
        reply_error(c, "ERR You can't switch BCAST mode on/off before disabling tracking for "
                       "this client, and then re-enabling it with a different mode.");
        return -1;
    }
    if ((o->flags & TRK_BCAST) && (o->flags & (TRK_OPTIN | TRK_OPTOUT))) {
        reply_error(c, "ERR OPTIN and OPTOUT are not compatible with BCAST");
        return -1;
    }
    if ((o->flags & TRK_OPTIN) && (o->flags & TRK_OPTOUT)) {
        reply_error(c, "ERR You can't specify both OPTIN mode and OPTOUT mode");
        return -1;
    }
    if (((o->flags & TRK_OPTIN) && (cur & TRK_OPTOUT)) ||
        ((o->flags & TRK_OPTOUT) && (cur & TRK_OPTIN))) {
        reply_error(c, "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for "
                       "this client, and then re-enabling it with a different mode.");
        return -1;
    }
    if ((o->flags & TRK_BCAST) && check_prefixes(c, o->pidx, o->np) < 0)
        return -1;
    return 0;
}

void cmd_client_tracking(struct client *c)
{
    int stackidx[16];
    struct track_opts o = {0};
    o.pidx = c->argc <= 16 ? stackidx : mem_alloc((size_t)c->argc * sizeof(int));
    if (parse_opts(c, &o) < 0)
        goto done;
    if (arg_is(c, 2, "on")) {
        if (check_on(c, &o) < 0)
            goto done;
        tracking_enable(c, o.redir, o.flags, o.pidx, o.np);
    } else if (arg_is(c, 2, "off")) {
        tracking_disable(c);
    } else {
        reply_error_syntax(c);
        goto done;
    }
    reply_ok(c);
done:
    if (o.pidx != stackidx)
        mem_free(o.pidx);
}

void cmd_client_caching(struct client *c)
{
    if (!(c->flags & CLIENT_TRACKING)) {
        reply_error(c, "ERR CLIENT CACHING can be called only when the client is in tracking "
                       "mode with OPTIN or OPTOUT mode enabled");
        return;
    }
    struct tracking_state *t = c->trk;
    if (arg_is(c, 2, "yes")) {
        if (!(t->flags & TRK_OPTIN)) {
            reply_error(c, "ERR CLIENT CACHING YES is only valid when tracking is enabled in "
                           "OPTIN mode.");
            return;
        }
    } else if (arg_is(c, 2, "no")) {
        if (!(t->flags & TRK_OPTOUT)) {
            reply_error(c, "ERR CLIENT CACHING NO is only valid when tracking is enabled in "
                           "OPTOUT mode.");
            return;
        }
    } else {
        reply_error_syntax(c);
        return;
    }
    t->flags |= TRK_CACHING;
    reply_ok(c);
}

void cmd_client_getredir(struct client *c)
{
    reply_int(c, tracking_redirect(c));
}

void cmd_client_trackinginfo(struct client *c)
{
    static const struct {
        unsigned flag, needs;
        const char *name;
    } names[] = {
        {TRK_BCAST, 0, "bcast"},
        {TRK_OPTIN, 0, "optin"},
        {TRK_CACHING, TRK_OPTIN, "caching-yes"},
        {TRK_OPTOUT, 0, "optout"},
        {TRK_CACHING, TRK_OPTOUT, "caching-no"},
        {TRK_NOLOOP, 0, "noloop"},
        {TRK_BROKEN, 0, "broken_redirect"},
    };
    unsigned f = (c->flags & CLIENT_TRACKING) ? c->trk->flags : 0;
    int n = 1;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        n += (f & names[i].flag) && (!names[i].needs || (f & names[i].needs));
    reply_map(c, 3);
    reply_bulk_cstr(c, "flags");
    reply_set(c, n);
    reply_bulk_cstr(c, (c->flags & CLIENT_TRACKING) ? "on" : "off");
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if ((f & names[i].flag) && (!names[i].needs || (f & names[i].needs)))
            reply_bulk_cstr(c, names[i].name);
    reply_bulk_cstr(c, "redirect");
    reply_int(c, tracking_redirect(c));
    reply_bulk_cstr(c, "prefixes");
    int np = c->trk ? c->trk->nprefixes : 0;
    reply_array(c, np);
    for (int i = 0; i < np; i++)
        reply_bulk(c, c->trk->prefixes[i]->p, c->trk->prefixes[i]->len);
}
