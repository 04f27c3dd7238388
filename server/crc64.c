/* crc64: Redis's CRC-64 (Jones polynomial, reflected), slice-by-8.
 *
 * Reflected CRC: the register shifts right and the polynomial is used
 * bit-reversed (0x95ac9329ac4bc9b5 for 0xad93d23594c935a9). Table k maps a
 * byte to its effect after k more zero bytes have passed, so eight input
 * bytes fold into the register with eight lookups.
 *
 * Invariants: the tables are built once (pthread_once), so crc64() is safe
 * from any thread and from fork children.
 * Must not know: RDB.
 */
#include "crc64.h"

#include <pthread.h>

#define CRC64_POLY_REFLECTED 0x95ac9329ac4bc9b5ULL

static uint64_t crc_tab[8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

/* Build the 8 tables: 16 KiB, a few microseconds, once per process. */
static void crc_init(void)
{
    for (unsigned i = 0; i < 256; i++) {
        uint64_t c = i;
        for (int b = 0; b < 8; b++)
            c = (c & 1) ? (c >> 1) ^ CRC64_POLY_REFLECTED : c >> 1;
        crc_tab[0][i] = c;
    }
    for (unsigned i = 0; i < 256; i++)
        for (int k = 1; k < 8; k++)
            crc_tab[k][i] = (crc_tab[k - 1][i] >> 8) ^ crc_tab[0][crc_tab[k - 1][i] & 0xff];
}

/* Little-endian 64-bit load from an unaligned pointer. */
static inline uint64_t load_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* Eight bytes per step through the slice tables, then byte by byte for
 * the tail. O(n). */
uint64_t crc64(uint64_t crc, const void *p_, size_t n)
{
    const unsigned char *p = p_;

    pthread_once(&crc_once, crc_init);
    while (n >= 8) {
        crc ^= load_le64(p);
        crc = crc_tab[7][crc & 0xff] ^ crc_tab[6][(crc >> 8) & 0xff] ^
              crc_tab[5][(crc >> 16) & 0xff] ^ crc_tab[4][(crc >> 24) & 0xff] ^
              crc_tab[3][(crc >> 32) & 0xff] ^ crc_tab[2][(crc >> 40) & 0xff] ^
              crc_tab[1][(crc >> 48) & 0xff] ^ crc_tab[0][crc >> 56];
        p += 8;
        n -= 8;
    }
    while (n--)
        crc = crc_tab[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc;
}
