/* pubsub_cmd: the Pub/Sub command handlers (SUBSCRIBE family, PUBLISH,
 * SPUBLISH, PUBSUB ...). Tables and delivery live in pubsub.c.
 *
 * Confirmations, as Redis 7.0: one push [kind, name, count] per argument,
 * where count is channels + patterns for SUBSCRIBE/PSUBSCRIBE and their
 * UNSUBSCRIBE forms, and shard channels for the S* forms. An unsubscribe-all
 * with nothing to drop still replies once, with a null name. Unsubscribe-all
 * walks the client's subscriptions in the order they were made (Redis walks
 * a hash table, so its order for several channels is arbitrary).
 */
#include <string.h>

#include "client.h"
#include "cmd_procs.h"
#include "glob.h"
#include "pubsub_int.h"
#include "reply.h"
#include "resp.h"

static const char *const sub_names[PS_KINDS] = {"subscribe", "psubscribe", "ssubscribe"};
static const char *const unsub_names[PS_KINDS] = {"unsubscribe", "punsubscribe", "sunsubscribe"};

static long count_for(const struct client *c, int kind)
{
    if (!c->ps)
        return 0;
    if (kind == PS_SHARD)
        return (long)c->ps->l[PS_SHARD].n;
    return (long)(c->ps->l[PS_CHANNEL].n + c->ps->l[PS_PATTERN].n);
}

/* [what, name-or-null, count] as a push frame. */
static void confirm_n(struct client *c, const char *what, const char *name, size_t len, long n)
{
    reply_push_begin(c, 3);
    reply_bulk(c, what, strlen(what));
    if (name)
        reply_bulk(c, name, len);
    else
        reply_null(c);
    reply_int(c, n);
    reply_push_end(c);
}

static void confirm(struct client *c, const char *what, const char *name, size_t len, int kind)
{
    confirm_n(c, what, name, len, count_for(c, kind));
}

/* ps_unsubscribe_all callback: one confirmation per dropped entry. */
static void confirm_dropped(struct client *c, const struct ps_chan *e, long left, void *priv)
{
    confirm_n(c, priv, e->name, e->len, left);
}

static void subscribe_generic(struct client *c, int kind)
{
    for (int i = 1; i < c->argc; i++) {
        ps_subscribe(c, kind, c->argv[i].ptr, c->argv[i].len);
        confirm(c, sub_names[kind], c->argv[i].ptr, c->argv[i].len, kind);
    }
}

/* Unsubscribe from the named ones, or from all of this kind when none is
 * named. O(k) average for k names; O(subscriptions) for all. */
static void unsubscribe_generic(struct client *c, int kind)
{
    const char *what = unsub_names[kind];
    if (c->argc > 1) {
        for (int i = 1; i < c->argc; i++) {
            struct ps_chan *e = ps_find(ps_table_of(kind), c->argv[i].ptr, c->argv[i].len);
            if (e)
                ps_unsubscribe(c, kind, e);
            confirm(c, what, c->argv[i].ptr, c->argv[i].len, kind);
        }
        return;
    }
    if (ps_unsubscribe_all(c, kind, confirm_dropped, (void *)what) == 0)
        confirm(c, what, NULL, 0, kind); /* nothing to drop: still one reply */
}

void cmd_subscribe(struct client *c)
{
    subscribe_generic(c, PS_CHANNEL);
}

void cmd_psubscribe(struct client *c)
{
    subscribe_generic(c, PS_PATTERN);
}

void cmd_ssubscribe(struct client *c)
{
    subscribe_generic(c, PS_SHARD);
}

void cmd_unsubscribe(struct client *c)
{
    unsubscribe_generic(c, PS_CHANNEL);
}

void cmd_punsubscribe(struct client *c)
{
    unsubscribe_generic(c, PS_PATTERN);
}

void cmd_sunsubscribe(struct client *c)
{
    unsubscribe_generic(c, PS_SHARD);
}

void cmd_publish(struct client *c)
{
    reply_int(c, ps_publish(0, c->argv[1].ptr, c->argv[1].len, c->argv[2].ptr, c->argv[2].len));
}

void cmd_spublish(struct client *c)
{
    reply_int(c, ps_publish(1, c->argv[1].ptr, c->argv[1].len, c->argv[2].ptr, c->argv[2].len));
}

/* ---- PUBSUB introspection ---- */

/* PUBSUB CHANNELS / SHARDCHANNELS [pattern]: names with subscribers, in
 * creation order. O(channels). */
static void list_channels(struct client *c, struct ps_table *t)
{
    if (c->argc > 3) {
        reply_errorf(c,
                     "ERR unknown subcommand or wrong number of arguments for '%.*s'. Try PUBSUB "
                     "HELP.",
                     (int)c->argv[1].len, c->argv[1].ptr);
        return;
    }
    const struct resp_arg *pat = c->argc == 3 ? &c->argv[2] : NULL;
    long handle = reply_defer(c);
    long long n = 0;
    for (struct ps_chan *e = t->ohead; e; e = e->onext) {
        if (pat && !glob_match(pat->ptr, pat->len, e->name, e->len, 0))
            continue;
        reply_bulk(c, e->name, e->len);
        n++;
    }
    reply_defer_array(c, handle, n);
}

/* PUBSUB NUMSUB / SHARDNUMSUB ch...: a flat array of (name, count), also in
 * RESP3 (Redis 7.0 does not make it a map). */
static void num_subs(struct client *c, struct ps_table *t)
{
    reply_array(c, (long long)(c->argc - 2) * 2);
    for (int i = 2; i < c->argc; i++) {
        struct ps_chan *e = ps_find(t, c->argv[i].ptr, c->argv[i].len);
        reply_bulk(c, c->argv[i].ptr, c->argv[i].len);
        reply_int(c, e ? (long long)e->nsubs : 0);
    }
}

void cmd_pubsub_channels(struct client *c)
{
    list_channels(c, &ps_channels);
}

void cmd_pubsub_shardchannels(struct client *c)
{
    list_channels(c, &ps_shard);
}

void cmd_pubsub_numsub(struct client *c)
{
    num_subs(c, &ps_channels);
}

void cmd_pubsub_shardnumsub(struct client *c)
{
    num_subs(c, &ps_shard);
}

void cmd_pubsub_numpat(struct client *c)
{
    reply_int(c, (long long)ps_patterns.count);
}

void cmd_pubsub_help(struct client *c)
{
    static const char *const help[] = {
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
        NULL,
    };
    reply_help(c, help);
}
