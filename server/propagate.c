/* propagate: see propagate.h. Placeholder until the AOF lands. */
#include "propagate.h"

void propagate_after_call(struct client *c, long long dirty_delta)
{
    (void)c;
    (void)dirty_delta;
}

void propagate_flush(void)
{
}
