/* siphash: see siphash.h. The state is four 64-bit words initialised from the
 * key xor four fixed constants ("somepseudorandomlygeneratedbytes"). Each
 * 8-byte little-endian message word m is absorbed as v3 ^= m; c rounds;
 * v0 ^= m. The final word holds the remaining 0..7 bytes with the length
 * (mod 256) in its top byte. Finalisation: v2 ^= 0xff, d rounds, and the
 * result is v0 ^ v1 ^ v2 ^ v3. */
#include "siphash.h"

#include <string.h>

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

/* One unaligned little-endian 64-bit load (a single mov on x86-64; the
 * byte-by-byte loop it replaces cost a third of all instructions spent on a
 * pipelined SET). */
static inline uint64_t load_le64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* One SipRound: two add-rotate-xor half rounds over the pairs (v0,v1) and
 * (v2,v3), then across. */
static inline void sipround(uint64_t v[4])
{
    v[0] += v[1];
    v[1] = ROTL(v[1], 13);
    v[1] ^= v[0];
    v[0] = ROTL(v[0], 32);
    v[2] += v[3];
    v[3] = ROTL(v[3], 16);
    v[3] ^= v[2];
    v[0] += v[3];
    v[3] = ROTL(v[3], 21);
    v[3] ^= v[0];
    v[2] += v[1];
    v[1] = ROTL(v[1], 17);
    v[1] ^= v[2];
    v[2] = ROTL(v[2], 32);
}

/* SipHash-c-d of in[0..len). The round counts are compile-time constants at
 * both call sites, so the compiler unrolls the loops. */
static inline __attribute__((always_inline)) uint64_t
siphash_cd(const uint8_t *in, size_t len, const uint8_t key[16], int c, int d)
{
    uint64_t k0 = load_le64(key), k1 = load_le64(key + 8);
    uint64_t v[4] = {k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
                     k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
    size_t whole = len & ~(size_t)7;
    for (size_t i = 0; i < whole; i += 8) {
        uint64_t m = load_le64(in + i);
        v[3] ^= m;
        for (int r = 0; r < c; r++)
            sipround(v);
        v[0] ^= m;
    }
    uint64_t last = (uint64_t)(len & 0xff) << 56;
    for (size_t i = 0; i < (len & 7); i++)
        last |= (uint64_t)in[whole + i] << (8 * i);
    v[3] ^= last;
    for (int r = 0; r < c; r++)
        sipround(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for (int r = 0; r < d; r++)
        sipround(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}

uint64_t siphash13(const void *in, size_t len, const uint8_t key[16])
{
    /* Constant c and d let the compiler unroll the rounds. */
    return siphash_cd(in, len, key, 1, 3);
}

uint64_t siphash24(const void *in, size_t len, const uint8_t key[16])
{
    return siphash_cd(in, len, key, 2, 4);
}
