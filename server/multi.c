/* multi: see multi.h. Placeholder until transactions land: nothing is ever
 * queued. */
#include "multi.h"

int multi_gate(struct client *c)
{
    (void)c;
    return 0;
}

void multi_flag_error(struct client *c)
{
    (void)c;
}

void multi_touch_key(struct db *db, const char *key, size_t klen)
{
    (void)db;
    (void)key;
    (void)klen;
}
