/* crc64: the CRC-64 Redis uses for RDB files and DUMP payloads (the "Jones"
 * polynomial 0xad93d23594c935a9, reflected input and output, initial value
 * 0, no final xor; crc64(0, "123456789", 9) == 0xe9c6d914c4b8d9ca).
 *
 * Must not know: RDB.
 */
#ifndef TERN_CRC64_H
#define TERN_CRC64_H

#include <stddef.h>
#include <stdint.h>

/* Continue crc over p[0..n). Table-driven (slice-by-8 or better). */
uint64_t crc64(uint64_t crc, const void *p, size_t n);

#endif
