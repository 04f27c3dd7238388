/* notify: see notify.h. Until keyspace notifications, WATCH and tracking
 * exist (issue 5), nobody listens, so both calls do nothing. */
#include "notify.h"

void notify_key_modified(struct db *db, const char *key, size_t klen)
{
    (void)db;
    (void)key;
    (void)klen;
}

void notify_event(int cls, const char *event, struct db *db, const char *key, size_t klen)
{
    (void)cls;
    (void)event;
    (void)db;
    (void)key;
    (void)klen;
}
