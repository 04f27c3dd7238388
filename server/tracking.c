/* tracking: see tracking.h. Placeholder until client-side caching lands. */
#include "tracking.h"

void tracking_after_call(struct client *c)
{
    (void)c;
}
