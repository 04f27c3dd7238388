/* notify: see notify.h. A modified key reaches WATCH (multi.c) and
 * client-side caching (tracking.c); keyspace events are not published yet. */
#include "notify.h"

#include "multi.h"
#include "tracking.h"

void notify_key_modified(struct db *db, const char *key, size_t klen)
{
    multi_touch_key(db, key, klen);
    tracking_invalidate_key(db, key, klen);
}

void notify_event(int cls, const char *event, struct db *db, const char *key, size_t klen)
{
    (void)cls;
    (void)event;
    (void)db;
    (void)key;
    (void)klen;
}
