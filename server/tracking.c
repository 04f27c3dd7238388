/* tracking: see tracking.h. Placeholder until client-side caching lands. */
#include "tracking.h"

void tracking_after_call(struct client *c)
{
    (void)c;
}

void tracking_invalidate_key(struct db *db, const char *key, size_t klen)
{
    (void)db;
    (void)key;
    (void)klen;
}
