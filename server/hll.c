/* hll: HyperLogLog bytes, Redis 7.0 format (see hll.h for the layout and
 * invariants).
 *
 * Must not know: the keyspace, clients, replies.
 */
#include "hll.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"

#define HLL_P        14
#define HLL_Q        (64 - HLL_P) /* bits left for the run of zeros: 50 */
#define HLL_MASK     (HLL_REGISTERS - 1)
#define HLL_SEED     0xadc83b19ULL
#define SP_VAL_MAX   32 /* largest value a VAL opcode holds */
#define SP_VAL_RUN   4  /* longest run of one VAL opcode */
#define SP_ZERO_RUN  64
#define SP_XZERO_RUN 16384

/* ---- opcodes ---- */

static int op_is_zero(unsigned char b)
{
    return (b & 0xc0) == 0x00;
}
static int op_is_xzero(unsigned char b)
{
    return (b & 0xc0) == 0x40;
}
static int val_of(unsigned char b)
{
    return ((b >> 2) & 0x1f) + 1;
}
static int val_run(unsigned char b)
{
    return (b & 3) + 1;
}
static unsigned char mk_val(int val, int run)
{
    return (unsigned char)(0x80 | ((val - 1) << 2) | (run - 1));
}

/* The opcode at p (end bounds it): its length in bytes and its run. The
 * second byte of an XZERO cut off by the end reads as 0. */
static int op_decode(const unsigned char *p, const unsigned char *end, long *run)
{
    if (op_is_zero(*p)) {
        *run = (*p & 0x3f) + 1;
        return 1;
    }
    if (op_is_xzero(*p)) {
        unsigned lo = p + 1 < end ? p[1] : 0;
        *run = (long)(((unsigned)(*p & 0x3f) << 8) | lo) + 1;
        return 2;
    }
    *run = val_run(*p);
    return 1;
}

/* Write a zero run of n (1..16384) registers at out; returns bytes used. */
static int put_zeros(unsigned char *out, long n)
{
    if (n > SP_ZERO_RUN) {
        out[0] = (unsigned char)(0x40 | ((n - 1) >> 8));
        out[1] = (unsigned char)((n - 1) & 0xff);
        return 2;
    }
    out[0] = (unsigned char)(n - 1);
    return 1;
}

/* ---- header ---- */

void hll_init_empty(unsigned char out[HLL_EMPTY_SIZE])
{
    memset(out, 0, HLL_EMPTY_SIZE);
    memcpy(out, "HYLL", 4);
    out[4] = HLL_ENC_SPARSE;
    put_zeros(out + HLL_HDR_SIZE, HLL_REGISTERS);
}

int hll_is_hll(const unsigned char *p, size_t len)
{
    if (len < HLL_HDR_SIZE || memcmp(p, "HYLL", 4) != 0 || p[4] > HLL_ENC_SPARSE)
        return 0;
    return p[4] != HLL_ENC_DENSE || len == HLL_DENSE_SIZE;
}

int hll_encoding(const unsigned char *p)
{
    return p[4];
}
int hll_cache_valid(const unsigned char *p)
{
    return (p[15] & 0x80) == 0;
}
void hll_cache_invalidate(unsigned char *p)
{
    p[15] |= 0x80;
}

uint64_t hll_cache_get(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[8 + i];
    return v;
}

void hll_cache_set(unsigned char *p, uint64_t card)
{
    for (int i = 0; i < 8; i++)
        p[8 + i] = (unsigned char)(card >> (8 * i));
}

/* ---- hashing ---- */

uint64_t hll_hash(const void *data, size_t len, uint64_t seed)
{
    const uint64_t m = 0xc6a4a7935bd1e995ULL;
    const int r = 47;
    const unsigned char *d = data;
    uint64_t h = seed ^ (len * m);
    size_t blocks = len / 8;

    for (size_t b = 0; b < blocks; b++, d += 8) {
        uint64_t k = 0;
        for (int i = 7; i >= 0; i--)
            k = (k << 8) | d[i];
        k *= m;
        k ^= k >> r;
        k *= m;
        h ^= k;
        h *= m;
    }
    size_t tail = len & 7;
    if (tail) {
        for (size_t i = tail; i > 0; i--)
            h ^= (uint64_t)d[i - 1] << (8 * (i - 1));
        h *= m;
    }
    h ^= h >> r;
    h *= m;
    h ^= h >> r;
    return h;
}

int hll_pattern(const void *ele, size_t len, long *index)
{
    uint64_t h = hll_hash(ele, len, HLL_SEED);
    *index = (long)(h & HLL_MASK);
    h >>= HLL_P;
    h |= 1ULL << HLL_Q; /* caps the count at Q + 1 */
    int count = 1;
    while ((h & 1) == 0) {
        count++;
        h >>= 1;
    }
    return count;
}

/* ---- dense ---- */

int hll_dense_get(const unsigned char *regs, long i)
{
    size_t bit = (size_t)i * 6, byte = bit / 8;
    unsigned shift = bit & 7;
    unsigned v = regs[byte] >> shift;
    if (shift > 2) /* the register spills into the next byte */
        v |= (unsigned)regs[byte + 1] << (8 - shift);
    return (int)(v & 63);
}

void hll_dense_set(unsigned char *regs, long i, int val)
{
    size_t bit = (size_t)i * 6, byte = bit / 8;
    unsigned shift = bit & 7, v = (unsigned)val & 63;
    regs[byte] = (unsigned char)((regs[byte] & ~(63u << shift)) | (v << shift));
    if (shift > 2) {
        unsigned spill = 8 - shift;
        regs[byte + 1] = (unsigned char)((regs[byte + 1] & ~(63u >> spill)) | (v >> spill));
    }
}

static int dense_raise(unsigned char *regs, long i, int val)
{
    if (hll_dense_get(regs, i) >= val)
        return 0;
    hll_dense_set(regs, i, val);
    return 1;
}

/* ---- sparse ---- */

int hll_to_dense(struct hll_str *s)
{
    if (s->p[4] == HLL_ENC_DENSE)
        return 0;
    size_t splen = s->len - HLL_HDR_SIZE;
    unsigned char *sp = mem_alloc(splen ? splen : 1);
    memcpy(sp, s->p + HLL_HDR_SIZE, splen);
    uint8_t *regs = mem_alloc(HLL_REGISTERS);
    memset(regs, 0, HLL_REGISTERS);

    const unsigned char *p = sp, *end = sp + splen;
    long idx = 0;
    while (p < end) {
        long run;
        int oplen = op_decode(p, end, &run);
        if (!op_is_zero(*p) && !op_is_xzero(*p)) {
            if (idx + run > HLL_REGISTERS)
                break;
            for (long k = 0; k < run; k++)
                regs[idx + k] = (uint8_t)val_of(*p);
        }
        idx += run;
        p += oplen;
    }
    int rc = -1;
    if (idx == HLL_REGISTERS) {
        s->p = s->resize(s->ctx, HLL_DENSE_SIZE);
        s->len = HLL_DENSE_SIZE;
        s->p[4] = HLL_ENC_DENSE;
        unsigned char *dregs = s->p + HLL_HDR_SIZE;
        memset(dregs, 0, HLL_DENSE_BYTES);
        for (long i = 0; i < HLL_REGISTERS; i++)
            if (regs[i])
                hll_dense_set(dregs, i, regs[i]);
        rc = 1;
    }
    mem_free(regs);
    mem_free(sp);
    return rc;
}

/* After an update, join VAL opcodes of equal value that now sit side by
 * side (their runs summing to at most 4), looking at up to five opcodes
 * from the one before the change (at), as Redis does, so the bytes match
 * its output. Returns the new length of the sparse part. */
static size_t sparse_join(unsigned char *sp, size_t splen, size_t at)
{
    unsigned char *p = sp + at, *end = sp + splen;
    int budget = 5;
    while (p < end && budget-- > 0) {
        if (op_is_xzero(*p)) {
            p += 2;
            continue;
        }
        if (op_is_zero(*p)) {
            p++;
            continue;
        }
        if (p + 1 < end && !op_is_zero(p[1]) && !op_is_xzero(p[1]) && val_of(*p) == val_of(p[1]) &&
            val_run(*p) + val_run(p[1]) <= SP_VAL_RUN) {
            p[1] = mk_val(val_of(*p), val_run(*p) + val_run(p[1]));
            memmove(p, p + 1, (size_t)(end - p - 1));
            end--;
            continue; /* try the joined opcode with its new right neighbour */
        }
        p++;
    }
    return (size_t)(end - sp);
}

/* Promote to dense, then set the register. */
static int promote_and_set(struct hll_str *s, long index, int val)
{
    if (hll_to_dense(s) < 0)
        return -1;
    return dense_raise(s->p + HLL_HDR_SIZE, index, val);
}

/* The sparse update: find the opcode covering index, split it into at most
 * three (before, the new VAL, after), then join neighbours. */
static int sparse_set(struct hll_str *s, long index, int val, long long max_sparse)
{
    if (val > SP_VAL_MAX)
        return promote_and_set(s, index, val);

    unsigned char *sp = s->p + HLL_HDR_SIZE, *p = sp, *end = s->p + s->len;
    unsigned char *prev = NULL;
    long first = 0, run = 0;
    int oplen = 1;
    while (p < end) {
        oplen = op_decode(p, end, &run);
        if (index <= first + run - 1)
            break;
        prev = p;
        p += oplen;
        first += run;
    }
    /* No opcode covers index, or the covering XZERO is cut off by the end
     * (Redis's behaviour there is undefined; we call it corrupted). */
    if (run == 0 || p >= end || p + oplen > end)
        return -1;

    unsigned char seq[5];
    int seqlen = 0;
    if (!op_is_zero(*p) && !op_is_xzero(*p)) {
        int cur = val_of(*p);
        if (cur >= val)
            return 0;
        if (run == 1) {
            *p = mk_val(val, 1);
            goto updated;
        }
        long last = first + run - 1;
        if (index != first)
            seq[seqlen++] = mk_val(cur, (int)(index - first));
        seq[seqlen++] = mk_val(val, 1);
        if (index != last)
            seq[seqlen++] = mk_val(cur, (int)(last - index));
    } else if (op_is_zero(*p) && run == 1) {
        *p = mk_val(val, 1);
        goto updated;
    } else {
        long last = first + run - 1;
        if (index != first)
            seqlen += put_zeros(seq + seqlen, index - first);
        seq[seqlen++] = mk_val(val, 1);
        if (index != last)
            seqlen += put_zeros(seq + seqlen, last - index);
    }

    long delta = seqlen - oplen;
    if (delta > 0 && (long long)s->len + delta > max_sparse)
        return promote_and_set(s, index, val);
    size_t at = (size_t)(p - s->p), tail = s->len - at - (size_t)oplen;
    size_t prev_at = prev ? (size_t)(prev - sp) : 0;
    if (delta > 0) {
        s->p = s->resize(s->ctx, s->len + (size_t)delta);
        s->len += (size_t)delta;
    }
    memmove(s->p + at + seqlen, s->p + at + oplen, tail);
    memcpy(s->p + at, seq, (size_t)seqlen);
    if (delta < 0) { /* an XZERO of one register became a VAL */
        s->p = s->resize(s->ctx, s->len - (size_t)(-delta));
        s->len -= (size_t)(-delta);
    }
    sp = s->p + HLL_HDR_SIZE;
    prev = prev ? sp + prev_at : NULL;
updated:;
    size_t splen = s->len - HLL_HDR_SIZE;
    size_t newlen = sparse_join(sp, splen, prev ? (size_t)(prev - sp) : 0);
    if (newlen != splen) {
        s->p = s->resize(s->ctx, HLL_HDR_SIZE + newlen);
        s->len = HLL_HDR_SIZE + newlen;
    }
    return 1;
}

int hll_set(struct hll_str *s, long index, int val, long long max_sparse)
{
    if (s->p[4] == HLL_ENC_DENSE)
        return dense_raise(s->p + HLL_HDR_SIZE, index, val);
    return sparse_set(s, index, val, max_sparse);
}

int hll_add(struct hll_str *s, const void *ele, size_t len, long long max_sparse)
{
    long index;
    int val = hll_pattern(ele, len, &index);
    return hll_set(s, index, val, max_sparse);
}

int hll_merge_into(uint8_t max[HLL_REGISTERS], const unsigned char *p, size_t len)
{
    if (p[4] == HLL_ENC_DENSE) {
        for (long i = 0; i < HLL_REGISTERS; i++) {
            int v = hll_dense_get(p + HLL_HDR_SIZE, i);
            if (v > max[i])
                max[i] = (uint8_t)v;
        }
        return 0;
    }
    const unsigned char *q = p + HLL_HDR_SIZE, *end = p + len;
    long i = 0;
    while (q < end) {
        long run;
        int oplen = op_decode(q, end, &run);
        if (!op_is_zero(*q) && !op_is_xzero(*q)) {
            if (i + run > HLL_REGISTERS)
                break;
            int v = val_of(*q);
            for (long k = 0; k < run; k++)
                if (v > max[i + k])
                    max[i + k] = (uint8_t)v;
        }
        i += run;
        q += oplen;
    }
    return i == HLL_REGISTERS ? 0 : -1;
}

/* ---- estimator (Ertl, "New cardinality estimation algorithms for
 * HyperLogLog sketches", 2017: the improved raw estimator) ---- */

/* sigma(x) = x + sum_{k>=1} x^(2^k) 2^(k-1), summed until it stops changing. */
static double est_sigma(double x)
{
    if (x == 1.0)
        return INFINITY;
    double y = 1.0, z = x, prev;
    do {
        x *= x;
        prev = z;
        z += x * y;
        y += y;
    } while (z != prev);
    return z;
}

/* tau(x) = (1 - x - sum_{k>=1} (1 - x^(2^-k))^2 2^-k) / 3. */
static double est_tau(double x)
{
    if (x == 0.0 || x == 1.0)
        return 0.0;
    double y = 1.0, z = 1.0 - x, prev;
    do {
        x = sqrt(x);
        prev = z;
        y *= 0.5;
        z -= pow(1.0 - x, 2) * y;
    } while (z != prev);
    return z / 3.0;
}

/* The estimate from a histogram of register values (0..Q+1). */
static uint64_t estimate(const long long hist[64])
{
    const double m = HLL_REGISTERS;
    const double alpha_inf = 0.721347520444481703680; /* 1 / (2 ln 2) */
    double z = m * est_tau((m - (double)hist[HLL_Q + 1]) / m);
    for (int k = HLL_Q; k >= 1; k--) {
        z += (double)hist[k];
        z *= 0.5;
    }
    z += m * est_sigma((double)hist[0] / m);
    return (uint64_t)llroundl(alpha_inf * m * m / z);
}

uint64_t hll_count_raw(const uint8_t regs[HLL_REGISTERS])
{
    long long hist[64] = {0};
    for (long i = 0; i < HLL_REGISTERS; i++)
        hist[regs[i] & 63]++;
    return estimate(hist);
}

uint64_t hll_count(const unsigned char *p, size_t len, int *invalid)
{
    long long hist[64] = {0};
    if (p[4] == HLL_ENC_DENSE) {
        for (long i = 0; i < HLL_REGISTERS; i++)
            hist[hll_dense_get(p + HLL_HDR_SIZE, i)]++;
        return estimate(hist);
    }
    const unsigned char *q = p + HLL_HDR_SIZE, *end = p + len;
    long idx = 0;
    while (q < end) {
        long run;
        int oplen = op_decode(q, end, &run);
        int v = (op_is_zero(*q) || op_is_xzero(*q)) ? 0 : val_of(*q);
        hist[v] += run;
        idx += run;
        q += oplen;
    }
    if (idx != HLL_REGISTERS) {
        *invalid = 1;
        return 0;
    }
    return estimate(hist);
}

char *hll_decode(const unsigned char *p, size_t len, size_t *outlen)
{
    size_t splen = len - HLL_HDR_SIZE, cap = splen * 12 + 1, n = 0;
    char *out = mem_alloc(cap);
    const unsigned char *q = p + HLL_HDR_SIZE, *end = p + len;
    while (q < end) {
        long run;
        int oplen = op_decode(q, end, &run);
        if (op_is_zero(*q))
            n += (size_t)snprintf(out + n, cap - n, "z:%ld ", run);
        else if (op_is_xzero(*q))
            n += (size_t)snprintf(out + n, cap - n, "Z:%ld ", run);
        else
            n += (size_t)snprintf(out + n, cap - n, "v:%d,%ld ", val_of(*q), run);
        q += oplen;
    }
    if (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    *outlen = n;
    return out;
}

/* ---- self test ---- */

static unsigned char *selftest_resize(void *ctx, size_t newlen)
{
    struct hll_str *s = ctx;
    s->p = mem_realloc(s->p, newlen);
    if (newlen > s->len)
        memset(s->p + s->len, 0, newlen - s->len);
    return s->p;
}

const char *hll_selftest(void)
{
    /* Register packing: every value at every position reads back, and
     * neighbours stay untouched. */
    unsigned char regs[HLL_DENSE_BYTES + 1];
    memset(regs, 0, sizeof(regs));
    for (long i = 0; i < HLL_REGISTERS; i++)
        hll_dense_set(regs, i, (int)((i * 7 + 3) & 63));
    for (long i = 0; i < HLL_REGISTERS; i++)
        if (hll_dense_get(regs, i) != (int)((i * 7 + 3) & 63))
            return "TESTFAILED Register error";

    /* The estimate of n distinct elements stays within 5 standard errors,
     * sparse and dense alike, and both encodings agree. */
    struct hll_str sp = {0}, dn = {0};
    sp.resize = dn.resize = selftest_resize;
    sp.ctx = &sp;
    dn.ctx = &dn;
    sp.p = mem_alloc(HLL_EMPTY_SIZE);
    sp.len = HLL_EMPTY_SIZE;
    hll_init_empty(sp.p);
    dn.p = mem_alloc(HLL_EMPTY_SIZE);
    dn.len = HLL_EMPTY_SIZE;
    hll_init_empty(dn.p);
    hll_to_dense(&dn);
    const char *err = NULL;
    double relerr = 1.04 / sqrt(HLL_REGISTERS);
    for (unsigned long j = 1; j <= 20000 && !err; j++) {
        char ele[24];
        int n = snprintf(ele, sizeof(ele), "%lu", j * 2654435761UL);
        hll_add(&sp, ele, (size_t)n, 3000);
        hll_add(&dn, ele, (size_t)n, 3000);
        if (j % 997 != 0)
            continue;
        int bad = 0;
        uint64_t a = hll_count(sp.p, sp.len, &bad), b = hll_count(dn.p, dn.len, &bad);
        double tol = 5 * relerr * (double)j + 1;
        if (bad || a != b || fabs((double)b - (double)j) > tol)
            err = "TESTFAILED Too big error";
    }
    mem_free(sp.p);
    mem_free(dn.p);
    return err;
}
