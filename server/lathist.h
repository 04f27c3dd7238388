/* lathist: a log-linear latency histogram with the bucket layout of an
 * HdrHistogram tracking 1 ns .. 1 s at 2 significant digits (what Redis 7.0
 * uses for its per-command latency-tracking), so that LATENCY HISTOGRAM and
 * INFO latencystats report the same bucket bounds and percentile values as
 * Redis for the same recorded durations.
 *
 * Layout: values below 256 ns have one slot each; every power-of-two range
 * [2^m, 2^(m+1)) above has 128 slots of width 2^(m-7). A slot's "lowest" and
 * "highest equivalent" values are its first and last value. 3072 slots cover
 * up to 2^30 - 1 ns; recorded values are clamped to [1 ns, 1e9 ns].
 *
 * Cost: recording is a clamp, a count-leading-zeros, a shift and two
 * increments (lathist_record is inline). A histogram takes ~24 KiB; callers
 * allocate it on first use.
 *
 * Must not know: commands, clients, replies.
 */
#ifndef TERN_LATHIST_H
#define TERN_LATHIST_H

#include <stdint.h>

#define LATHIST_SUB_HALF 128 /* half the slots of one power-of-two range */
#define LATHIST_SLOTS    3072
#define LATHIST_MIN_NS   1LL
#define LATHIST_MAX_NS   1000000000LL

struct lathist {
    uint64_t total;
    uint64_t counts[LATHIST_SLOTS];
};

/* A zeroed histogram (mem_alloc; free with lathist_free). */
struct lathist *lathist_new(void);
void lathist_free(struct lathist *h);

/* Slot of a value in [0, 2^30). */
static inline int lathist_slot(uint64_t ns)
{
    int bucket = 63 - __builtin_clzll(ns | 255) - 7; /* 0 for ns < 256 */
    return ((bucket + 1) << 7) + (int)(ns >> bucket) - LATHIST_SUB_HALF;
}

/* Count one duration of us microseconds (clamped to 1 ns .. 1 s). O(1). */
static inline void lathist_record(struct lathist *h, long long us)
{
    long long ns = us * 1000;
    if (ns < LATHIST_MIN_NS)
        ns = LATHIST_MIN_NS;
    else if (ns > LATHIST_MAX_NS)
        ns = LATHIST_MAX_NS;
    h->counts[lathist_slot((uint64_t)ns)]++;
    h->total++;
}

/* The value (ns) at percentile p (0..100) as HdrHistogram computes it: the
 * highest equivalent value of the slot where the cumulative count reaches
 * round(p/100 * total) (at least 1); the lowest equivalent for p == 0.
 * 0 for an empty histogram. O(slots). */
long long lathist_percentile(const struct lathist *h, double p);

/* Cumulative counts at the power-of-two levels 1024 ns, 2048 ns, ... 2^30 ns
 * (the reporting levels of Redis's LATENCY HISTOGRAM), keeping only levels
 * where the cumulative count grows. Fills bound_us[i] (the level's highest
 * equivalent value in whole microseconds) and cum[i]; returns how many (at
 * most LATHIST_LEVELS). O(slots). */
#define LATHIST_LEVELS 21
int lathist_levels(const struct lathist *h, long long bound_us[LATHIST_LEVELS],
                   uint64_t cum[LATHIST_LEVELS]);

#endif
