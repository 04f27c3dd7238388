/* notify: what other features must hear when a key changes.
 *
 * Write commands call these exactly where Redis does, with Redis's event
 * names, so that keyspace notifications, WATCH and client-side caching can
 * hook in without touching each command again:
 *   - notify_key_modified(): every time a key's value changes or the key is
 *     removed/created (Redis's signalModifiedKey): invalidates WATCH and
 *     tracking;
 *   - notify_event(): a keyspace event ("set", "del", "expire", "expired",
 *     "incrby", ...) of a class below.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_NOTIFY_H
#define TERN_NOTIFY_H

#include <stddef.h>

struct db;

/* Event classes (the letters of notify-keyspace-events). */
#define NOTIFY_KEYSPACE (1 << 0)  /* K */
#define NOTIFY_KEYEVENT (1 << 1)  /* E */
#define NOTIFY_GENERIC  (1 << 2)  /* g */
#define NOTIFY_STRING   (1 << 3)  /* $ */
#define NOTIFY_LIST     (1 << 4)  /* l */
#define NOTIFY_SET      (1 << 5)  /* s */
#define NOTIFY_HASH     (1 << 6)  /* h */
#define NOTIFY_ZSET     (1 << 7)  /* z */
#define NOTIFY_EXPIRED  (1 << 8)  /* x */
#define NOTIFY_EVICTED  (1 << 9)  /* e */
#define NOTIFY_STREAM   (1 << 10) /* t */
#define NOTIFY_KEY_MISS (1 << 11) /* m */
#define NOTIFY_MODULE   (1 << 12) /* d */
#define NOTIFY_NEW      (1 << 13) /* n */

/* key == NULL (klen 0) means every key of db changed (FLUSHDB, FLUSHALL, SWAPDB). */
void notify_key_modified(struct db *db, const char *key, size_t klen);
void notify_event(int cls, const char *event, struct db *db, const char *key, size_t klen);
/* The "new" event (class n) for a key just added; the db hook on_key_added. */
void notify_key_added(struct db *db, const char *key, size_t klen);

#endif
