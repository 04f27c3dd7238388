/* aof: the append-only file, in Redis 7.0's multi-part layout (a directory
 * with a manifest, one base file, RDB or AOF, and incr files; see
 * aof_int.h).
 *
 * Writes reach it through propagate.c (aof_feed). The buffer is written to
 * the current incr file before any reply leaves (aof_before_reply, called
 * from the event loop hooks and from conn before every socket write), and
 * fsynced per appendfsync: always (right there, so a write is acknowledged
 * only once it is on disk), everysec (on a background thread that reports
 * through an eventfd), no.
 *
 * BGREWRITEAOF forks (child.h); the parent switches to a new incr file at
 * once, and when the child's new base is ready swaps the manifest
 * atomically and deletes the old files. CONFIG SET appendonly yes starts
 * such a rewrite (writes go to a temp incr file until it is done).
 *
 * Must not know: data-type internals (the base file is written by rdb.c,
 * or as commands from the types' iterators in aof_base.c), client I/O.
 */
#ifndef TERN_AOF_H
#define TERN_AOF_H

#include <stddef.h>

/* Register the config hooks (appendonly, appendfsync) and the eventfd of
 * the fsync thread. Call once from server_init, before loading. */
int aof_init(void);
/* At startup, when appendonly is yes, after the listeners are open: load
 * the AOF (manifest, base, incr files; a Redis 6 single file is upgraded),
 * serving -LOADING and INFO loading:1 meanwhile, or create a fresh one
 * (base per aof-use-rdb-preamble), then open the last incr file for
 * appending. Logs progress. Returns 0, or -1 after logging why (the caller
 * exits). */
int aof_load_at_startup(void);
/* 1 if written commands must be fed (AOF on or waiting for its first
 * rewrite). */
int aof_feeding(void);
/* Append one command, already RESP-encoded, run in database dbid (-1: no
 * database, MULTI/EXEC). Emits SELECT first when the database changed. */
void aof_feed(int dbid, const char *resp, size_t len);
/* Write the buffer to the incr file; with appendfsync always also fsync.
 * Must run before replies are written. Cheap when nothing is pending. */
void aof_before_reply(void);
/* Once per cron tick: everysec fsync, auto rewrite, scheduled rewrite. */
void aof_cron(void);
/* At shutdown: write and fsync what is pending, stop the fsync thread. */
void aof_shutdown(void);
/* BGREWRITEAOF as a function (also used by CONFIG SET appendonly yes).
 * Returns 0 started, 1 scheduled (another child runs), -1 failed. */
int aof_rewrite_background(void);
/* The strerror text of the last failed write or background fsync, or NULL
 * when writes work or the AOF is off. persist_gate refuses writes and PING
 * with "-MISCONF Errors writing to the AOF file: <text>" while it is set;
 * the failed data stays buffered and is retried before every reply batch
 * and from cron, so writes recover once the disk can take them. With
 * appendfsync always a failed write exits the process instead (Redis). */
const char *aof_write_error(void);
/* INFO persistence: the aof_enabled..aof_last_cow_size lines (head) and
 * the lines shown only while the AOF is on (tail, may be empty). Write at
 * most cap bytes (NUL-terminated) and return the length. */
size_t aof_info_head(char *dst, size_t cap);
size_t aof_info_tail(char *dst, size_t cap);
/* Bytes held by the AOF write buffer (its capacity, as Redis counts its
 * aof_buf): maxmemory does not count them (mem_not_counted_for_evict). */
size_t aof_buffer_mem(void);
/* 1 while a rewrite child runs / is scheduled. */
int aof_rewrite_in_progress(void);
/* DEBUG LOADAOF: write and fsync what is buffered (AOF on), empty every
 * database and load the files the manifest on disk names, as Redis does
 * (also with the AOF off, after a BGREWRITEAOF; no events are served
 * meanwhile). Returns 0, 1 when there is no manifest (nothing done), or -1
 * when loading failed (logged; the dataset may then be partial). */
int aof_debug_loadaof(void);

#endif
