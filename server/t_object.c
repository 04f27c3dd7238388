/* t_object: OBJECT ENCODING | FREQ | IDLETIME | REFCOUNT | HELP.
 *
 * Each looks the key up without touching its access time and replies nil
 * for a missing key (before any policy error, as Redis 7.0 does).
 *
 * Tern has no reference-counted value objects, so REFCOUNT reproduces what
 * Redis would report: 2147483647 (OBJ_SHARED_REFCOUNT) for an int-encoded
 * string in 0..9999 when shared integers are in use (maxmemory is 0 or the
 * policy is neither LRU nor LFU), 1 otherwise. IDLETIME and FREQ decode the
 * entry's 24-bit LRU/LFU field as Redis keeps it: LRU = seconds clock mod
 * 2^24; LFU = 16-bit minutes of the last decrement << 8 | 8-bit log counter.
 *
 * Must not know: data-type internals beyond kv_* accessors.
 */
#include <stdint.h> /* not <limits.h>: server/limits.h shadows it under -Iserver */

#include "client.h"
#include "config.h"
#include "cmd_procs.h"
#include "db.h"
#include "reply.h"
#include "server.h"
#include "t_keys.h"
#include "util.h"

#define SHARED_INTEGERS 10000
#define LRU_CLOCK_MAX   ((1u << 24) - 1)

/* 1 if maxmemory-policy is one of the LFU policies (policy_is_lru: LRU). */
static int policy_is_lfu(void)
{
    return server.maxmemory_policy == CONFIG_MAXMEMORY_VOLATILE_LFU ||
           server.maxmemory_policy == CONFIG_MAXMEMORY_ALLKEYS_LFU;
}

static int policy_is_lru(void)
{
    return server.maxmemory_policy == CONFIG_MAXMEMORY_VOLATILE_LRU ||
           server.maxmemory_policy == CONFIG_MAXMEMORY_ALLKEYS_LRU;
}

/* The key in argv[2] (stats counted, no LRU touch, no keymiss event), or
 * NULL after replying nil. */
static struct kv *object_lookup(struct client *c)
{
    struct kv *e = keys_lookup_read(c, &c->argv[2], DB_LOOKUP_NOTOUCH, 0);
    if (!e)
        reply_null(c);
    return e;
}

void cmd_object_encoding(struct client *c)
{
    struct kv *e = object_lookup(c);
    if (e)
        reply_bulk_cstr(c, kv_enc_name(kv_enc(e)));
}

/* 1 if Redis would have stored this value as a shared integer object. */
static int is_shared_integer(const struct kv *e)
{
    if (kv_type(e) != KV_STRING || kv_enc(e) != KV_ENC_INT || kv_int_unshared(e))
        return 0;
    if (server.maxmemory != 0 && (policy_is_lru() || policy_is_lfu()))
        return 0;
    size_t len;
    const char *s = kv_str(e, &len);
    long long v;
    return util_str2ll(s, len, &v) && v >= 0 && v < SHARED_INTEGERS;
}

void cmd_object_refcount(struct client *c)
{
    struct kv *e = object_lookup(c);
    if (e)
        reply_int(c, is_shared_integer(e) ? INT32_MAX : 1);
}

/* Seconds since the last access, from the 24-bit seconds LRU clock
 * (wrapping after about 194 days, as in Redis). */
void cmd_object_idletime(struct client *c)
{
    struct kv *e = object_lookup(c);
    if (!e)
        return;
    if (policy_is_lfu()) {
        reply_error(c, "ERR An LFU maxmemory policy is selected, idle time not tracked. Please "
                       "note that when switching between policies at runtime LRU and LFU data "
                       "will take some time to adjust.");
        return;
    }
    unsigned now = (unsigned)((db_clock_ms / 1000) & LRU_CLOCK_MAX);
    unsigned lru = kv_lru(e) & LRU_CLOCK_MAX;
    unsigned idle = now >= lru ? now - lru : now + (LRU_CLOCK_MAX - lru);
    reply_int(c, (long long)idle);
}

/* The LFU counter after the decay due since its last decrement time, with
 * lfu-decay-time (not stored back: reading the frequency does not change
 * it). */
void cmd_object_freq(struct client *c)
{
    struct kv *e = object_lookup(c);
    if (!e)
        return;
    if (!policy_is_lfu()) {
        reply_error(c, "ERR An LFU maxmemory policy is not selected, access frequency not "
                       "tracked. Please note that when switching between policies at runtime "
                       "LRU and LFU data will take some time to adjust.");
        return;
    }
    reply_int(c, (long long)db_lfu_counter(kv_lru(e)));
}

void cmd_object_help(struct client *c)
{
    static const char *const lines[] = {
        "ENCODING <key>",
        "    Return the internal representation (encoding) used to store the value",
        "    of <key>.",
        "FREQ <key>",
        "    Return the logarithmic access frequency counter of <key> (needs an LFU",
        "    maxmemory policy).",
        "IDLETIME <key>",
        "    Return the approximate number of seconds since <key> was last accessed.",
        "REFCOUNT <key>",
        "    Return the number of references to the value stored at <key>.",
        NULL,
    };
    reply_help(c, lines);
}
