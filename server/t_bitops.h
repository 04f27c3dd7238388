/* t_bitops: helpers the bitmap command files (t_bitops.c, t_bitfield.c)
 * share. The command handlers themselves are declared in cmd_procs.h; the
 * bit arithmetic is in bitmap.h.
 *
 * Must not know: the physical layout of entries (kv.c), connections.
 */
#ifndef TERN_T_BITOPS_H
#define TERN_T_BITOPS_H

#include <stddef.h>
#include <stdint.h>

#include "resp.h"

struct client;

/* Parse a bit offset argument as Redis does: a strict integer, >= 0, whose
 * byte (offset / 8) is below proto-max-bulk-len (the AOF loader, which must
 * replay whatever was accepted, is exempt). With hash_bits > 0 the form
 * "#N" is also accepted and means N * hash_bits (BITFIELD), multiplied
 * modulo 2^64 as Redis does. On error replies "ERR bit offset is not an
 * integer or out of range" and returns -1; else 0 with *off set. */
int tbit_parse_offset(struct client *c, const struct resp_arg *a, int hash_bits, uint64_t *off);

/* Look key argv[1] up for a bit write that reaches bit maxbit, as Redis's
 * lookupStringForBitCommand: a missing key is created (raw, zeros), an
 * existing string becomes raw and writable and grows with zeros to hold
 * that bit (its TTL is kept). Sets *len to the string's length and *dirty
 * to 1 if the key was created or grew. Returns the writable bytes (valid
 * until the next db write or lookup), or NULL after replying WRONGTYPE. */
unsigned char *tbit_lookup_write(struct client *c, uint64_t maxbit, size_t *len, int *dirty);

#endif
