/* lathist: see lathist.h. */
#include "lathist.h"

#include <string.h>

#include "mem.h"

struct lathist *lathist_new(void)
{
    struct lathist *h = mem_alloc(sizeof(*h));
    memset(h, 0, sizeof(*h));
    return h;
}

void lathist_free(struct lathist *h)
{
    mem_free(h);
}

/* First value of slot s, and the width of its range (log2). */
static int slot_shift(int s)
{
    return s < 2 * LATHIST_SUB_HALF ? 0 : (s >> 7) - 1;
}

static long long slot_lowest(int s)
{
    if (s < 2 * LATHIST_SUB_HALF)
        return s;
    return (long long)((s & (LATHIST_SUB_HALF - 1)) + LATHIST_SUB_HALF) << slot_shift(s);
}

static long long slot_highest(int s)
{
    return slot_lowest(s) + (1LL << slot_shift(s)) - 1;
}

long long lathist_percentile(const struct lathist *h, double p)
{
    if (h->total == 0)
        return 0;
    double want_p = p < 100.0 ? p : 100.0;
    int64_t want = (int64_t)(want_p / 100.0 * (double)h->total + 0.5);
    if (want < 1)
        want = 1;
    uint64_t seen = 0;
    for (int s = 0; s < LATHIST_SLOTS; s++) {
        seen += h->counts[s];
        if (seen >= (uint64_t)want)
            return p == 0.0 ? slot_lowest(s) : slot_highest(s);
    }
    return 0;
}

int lathist_levels(const struct lathist *h, long long bound_us[LATHIST_LEVELS],
                   uint64_t cum[LATHIST_LEVELS])
{
    int n = 0, s = 0;
    uint64_t seen = 0, prev = 0;
    for (int k = 0; k < LATHIST_LEVELS && prev < h->total; k++) {
        long long level = 1024LL << k;
        long long bound;
        if (level <= slot_lowest(LATHIST_SLOTS - 1)) {
            int last = lathist_slot((uint64_t)level);
            for (; s <= last; s++)
                seen += h->counts[s];
            bound = slot_highest(last);
        } else {
            /* Past the last slot: everything, bounded by the last slot. */
            for (; s < LATHIST_SLOTS; s++)
                seen += h->counts[s];
            bound = slot_highest(LATHIST_SLOTS - 1);
        }
        if (seen > prev) {
            bound_us[n] = bound / 1000;
            cum[n++] = seen;
        }
        prev = seen;
    }
    return n;
}
