/* limits: every protocol and size limit in one place.
 *
 * Runtime-configurable limits (proto-max-bulk-len, client-query-buffer-limit,
 * maxclients, ...) have their defaults here and their live values in the
 * config table; the fixed ones are plain constants.
 */
#ifndef TERN_LIMITS_H
#define TERN_LIMITS_H

/* Longest inline command line, and longest "*<n>\r\n" / "$<n>\r\n" header
 * line we wait for before declaring a protocol error. */
#define LIM_INLINE_MAX (64 * 1024)
/* Largest element count a multibulk header may announce. */
#define LIM_MULTIBULK_MAX (1024 * 1024)
/* Before AUTH, Redis accepts only small requests (multibulk <= 10 elements,
 * bulks <= 16 KiB). */
#define LIM_UNAUTH_MULTIBULK_MAX 10
#define LIM_UNAUTH_BULK_MAX      16384

/* Defaults of the configurable limits. */
#define LIM_PROTO_MAX_BULK_LEN_DEFAULT (512LL * 1024 * 1024)
#define LIM_QUERY_BUFFER_DEFAULT       (1024LL * 1024 * 1024)
#define LIM_MAXCLIENTS_DEFAULT         10000

/* Reactor fairness: how much one connection may read, and how many accepts
 * one listener may do, per wakeup before others get their turn. */
#define LIM_READ_PER_EVENT    (1024 * 1024)
#define LIM_ACCEPTS_PER_EVENT 1000
/* Read size for one read() call. */
#define LIM_IOBUF (16 * 1024)
/* Size at which a bulk argument is read into its own exactly-sized buffer. */
#define LIM_BIG_ARG (32 * 1024)

/* Number of databases by default. */
#define LIM_DATABASES_DEFAULT 16

#endif
