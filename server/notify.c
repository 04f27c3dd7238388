/* notify: see notify.h. A modified key reaches WATCH (multi.c) and
 * client-side caching (tracking.c); a keyspace event is published through
 * pubsub as Redis does:
 *   __keyspace@<db>__:<key>   -> <event>   (class K)
 *   __keyevent@<db>__:<event> -> <key>     (class E)
 * keyspace first, and only when the event's class is enabled in
 * notify-keyspace-events (server.notify_keyspace_events).
 */
#include "notify.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "mem.h"
#include "multi.h"
#include "pubsub.h"
#include "server.h"
#include "tracking.h"

void notify_key_modified(struct db *db, const char *key, size_t klen)
{
    multi_touch_key(db, key, klen);
    tracking_invalidate_key(db, key, klen);
}

/* Publish "<prefix><db>__:<suffix>" -> msg. The channel is built on the
 * stack when short, else in a temporary allocation. O(len + receivers). */
static void publish_on(const char *prefix, int dbid, const char *suffix, size_t slen,
                       const char *msg, size_t mlen)
{
    char head[48];
    int h = snprintf(head, sizeof(head), "%s%d__:", prefix, dbid);
    char small[256];
    size_t n = (size_t)h + slen;
    char *ch = n <= sizeof(small) ? small : mem_alloc(n);
    memcpy(ch, head, (size_t)h);
    memcpy(ch + h, suffix, slen);
    pubsub_publish(ch, n, msg, mlen);
    if (ch != small)
        mem_free(ch);
}

void notify_event(int cls, const char *event, struct db *db, const char *key, size_t klen)
{
    int flags = server.notify_keyspace_events;
    if (!(flags & cls) || !(flags & (NOTIFY_KEYSPACE | NOTIFY_KEYEVENT)))
        return;
    int id = db_id(db);
    size_t elen = strlen(event);
    if (flags & NOTIFY_KEYSPACE)
        publish_on("__keyspace@", id, key, klen, event, elen);
    if (flags & NOTIFY_KEYEVENT)
        publish_on("__keyevent@", id, event, elen, key, klen);
}

void notify_key_added(struct db *db, const char *key, size_t klen)
{
    notify_event(NOTIFY_NEW, "new", db, key, klen);
}
