/* reply: encode replies for one client, in its protocol (RESP2 or RESP3),
 * straight into the client's output buffer.
 *
 * A command handler replies exactly once (one top-level value, which may be
 * an aggregate followed by its elements). Errors are replies: reply_error()
 * takes the full text without the leading '-' and without CRLF, for example
 * "ERR syntax error" or "WRONGTYPE Operation against a key holding the wrong
 * kind of value"; newlines in it are replaced by spaces, and the error is
 * counted in INFO errorstats under its first word.
 *
 * RESP2 <-> RESP3 mapping, as in Redis:
 *   reply_null        $-1      |  _
 *   reply_null_array  *-1      |  _
 *   reply_map(n)      *2n      |  %n
 *   reply_set(n)      *n       |  ~n
 *   reply_double      $bulk    |  ,d
 *   reply_bool        :0/:1    |  #f/#t
 *   reply_verbatim    $bulk    |  =len\r\ntxt:...
 *   reply_push(n)     *n       |  >n
 *
 * Must not know: commands or the keyspace. Depends on conn (the buffer) and
 * resp (the encoders).
 */
#ifndef TERN_REPLY_H
#define TERN_REPLY_H

#include <stddef.h>

struct client;

void reply_ok(struct client *c);
/* "+<s>\r\n"; s must not contain CR or LF. */
void reply_status(struct client *c, const char *s);
void reply_error(struct client *c, const char *msg);
void reply_errorf(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The common error texts, as Redis words them. */
void reply_error_syntax(struct client *c);    /* ERR syntax error */
void reply_error_wrongtype(struct client *c); /* WRONGTYPE Operation against ... */
void reply_error_not_int(struct client *c);   /* ERR value is not an integer or out of range */
void reply_error_not_float(struct client *c); /* ERR value is not a valid float */
void reply_error_arity(struct client *c); /* ERR wrong number of arguments for '<cmd>' command */

void reply_int(struct client *c, long long v);
void reply_bulk(struct client *c, const void *p, size_t len);
void reply_bulk_cstr(struct client *c, const char *s); /* NULL gives reply_null */
void reply_bulk_ll(struct client *c, long long v);     /* integer as a bulk string */
void reply_null(struct client *c);
void reply_null_array(struct client *c);
void reply_array(struct client *c, long long n);
void reply_map(struct client *c, long long n);
void reply_set(struct client *c, long long n);
void reply_push(struct client *c, long long n);
/* A push frame that is written even under CLIENT REPLY OFF/SKIP (Pub/Sub
 * messages and confirmations, invalidations): reply_push_begin writes the
 * header ('>' RESP3, '*' RESP2) of n elements; the elements follow with the
 * usual reply_*() calls; reply_push_end closes the bypass. Not nestable. */
void reply_push_begin(struct client *c, long long n);
void reply_push_end(struct client *c);
void reply_double(struct client *c, double d);
/* A long double in INCRBYFLOAT's human format, as a bulk (RESP2 and RESP3). */
void reply_bool(struct client *c, int v);
void reply_verbatim(struct client *c, const char *p, size_t len, const char *ext);
void reply_bignum(struct client *c, const char *p, size_t len);
/* Help text: an array of status lines, "<CMD> <subcommand> ..." first, as
 * Redis's addReplyHelp does (with its trailing HELP lines). lines ends at NULL. */
void reply_help(struct client *c, const char *const *lines);
/* Raw bytes appended as they are (already RESP). */
void reply_raw(struct client *c, const void *p, size_t len);

/* Aggregates whose length is known only at the end. reply_defer() returns a
 * handle; reply_defer_array/map/set() fill it in later. The handle stays valid
 * while more replies are appended to the same client. */
long reply_defer(struct client *c);
void reply_defer_array(struct client *c, long handle, long long n);
void reply_defer_map(struct client *c, long handle, long long n);
void reply_defer_set(struct client *c, long handle, long long n);

/* INFO errorstats: fn is called once per error code seen ("ERR",
 * "WRONGTYPE", ...) with its count. At most REPLY_MAX_ERROR_CODES codes are
 * tracked, as Redis caps them; later new codes are only counted in total. */
#define REPLY_MAX_ERROR_CODES 128
void reply_errorstats(void (*fn)(void *priv, const char *code, long long count), void *priv);
void reply_errorstats_reset(void);
/* Total error replies sent since start or the last reset. */
long long reply_error_total(void);

#endif
