/* resp: the pure RESP request parser and the RESP2/RESP3 encoders.
 *
 * The parser turns bytes into one command at a time (an argv of slices that
 * point into the caller's buffer). It does no I/O and keeps its resumable
 * state in struct resp_parser, not in any connection, so it can be unit-tested
 * by feeding it bytes split anywhere, and fuzzed alone.
 *
 * Accepted input, as Redis accepts it:
 *   - multibulk: "*<n>\r\n" then n times "$<len>\r\n<len bytes>\r\n";
 *     "*0\r\n" and "*-1\r\n" (n <= 0) are consumed and yield an empty command
 *     (argc == 0) that the caller skips;
 *   - inline: a line ending in "\n" (an optional "\r" before it is dropped),
 *     split on spaces with Redis's quoting rules ("..." with \n \r \t \b \a
 *     \\ \" \xHH escapes, '...' with \' only); an empty line gives argc == 0.
 *     Inline arguments are unescaped in place, so the buffer must be writable.
 *
 * Errors (the message is Redis's text, without the leading "-ERR "):
 *   "Protocol error: invalid multibulk length"      (*n with n > INT_MAX or not a number)
 *   "Protocol error: invalid bulk length"           ($n with n < 0, n > max_bulk, not a number)
 *   "Protocol error: expected '$', got 'x'"         (x is the byte seen; '\r' and '\n'
 *                                                     are shown as ' ', as Redis does)
 *   "Protocol error: too big inline request"        (no newline in LIM_INLINE_MAX bytes)
 *   "Protocol error: too big mbulk count string"    (no \r\n after '*' in LIM_INLINE_MAX bytes)
 *   "Protocol error: too big bulk count string"     (no \r\n after '$' in LIM_INLINE_MAX bytes)
 *   "Protocol error: unbalanced quotes in request"  (inline)
 *   "Protocol error: unauthenticated multibulk length" / "... bulk length"
 *                                                    (when lim->unauthenticated and the
 *                                                     count > 10 or a bulk > 16384)
 * After an error the caller replies "-ERR <msg>\r\n" and closes the connection.
 *
 * Quirks kept from Redis 7.0 (verified against redis-server 7.0.15):
 *   - a header line ends at the first '\r' and the byte after it is skipped
 *     unchecked ("*1\rX$4..." works); the two bytes after bulk data are also
 *     skipped unchecked ("$4\r\nPINGxx" is a valid PING);
 *   - Redis finds line ends with strchr(), so a NUL byte before the '\r' (or,
 *     inline, before the '\n') hides it: the parser waits, and fails with the
 *     "too big ..." error once more than LIM_INLINE_MAX bytes are pending;
 *   - the element count preallocates at most 1024 argv entries.
 *
 * Invariants: the parser never reads outside buf[0..len); it never allocates
 * more than O(argc) memory for argv regardless of what the input announces
 * (it grows argv as elements actually arrive, capped by what was announced).
 */
#ifndef TERN_RESP_H
#define TERN_RESP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* One argument: a slice of the caller's buffer. */
struct resp_arg {
    char *ptr;
    size_t len;
};

struct resp_limits {
    long long max_bulk;  /* proto-max-bulk-len */
    int unauthenticated; /* apply the stricter pre-AUTH limits */
};

/* Resumable parser state. Fields below "private" are the parser's own. */
struct resp_parser {
    int argc;              /* valid after resp_parse() returned > 0 */
    struct resp_arg *argv; /* ditto; owned by the parser */
    const char *err;       /* message after a -1 return (lives as long as p) */
    /* The parser wants at least this many bytes in total (from the start of the
     * command) before it can make progress; 0 when unknown. The caller may use
     * it to size its read buffer once for a big bulk. */
    size_t want;
    /* private */
    int state;
    long long multibulk_left;
    long long bulk_len;
    size_t pos;  /* offset of the current line / element in the command */
    size_t scan; /* offset up to which the line end was searched */
    int stuck;   /* a NUL hides the line end: wait for the size error */
    int argcap;
    size_t *offs;    /* argument offsets from the command start, while incomplete */
    char errbuf[48]; /* holds the "expected '$', got 'x'" message */
};

/* Initialise an empty parser (zeroes it: call it on a fresh struct only,
 * or after resp_parser_free()). */
void resp_parser_init(struct resp_parser *p);
/* Free what the parser owns. */
void resp_parser_free(struct resp_parser *p);

/* Parse at most one command from buf[0..len), where buf starts at the first
 * byte of the command (the caller keeps unconsumed bytes and calls again with
 * the same start once more bytes have arrived; the buffer may have moved).
 * Returns:
 *   > 0  bytes consumed; p->argc/p->argv hold the command, the slices valid
 *        until the next resp_parse() call or until buf changes;
 *   0    incomplete: call again with more bytes (state is kept);
 *   -1   protocol error: p->err says which (valid until the parser is freed);
 *        later calls return -1 again. To reuse the parser, call
 *        resp_parser_free() then resp_parser_init().
 * Cost: O(new bytes) per call, amortised; never rescans completed elements. */
ssize_t resp_parse(struct resp_parser *p, char *buf, size_t len, const struct resp_limits *lim);

/* ---- Encoders: pure functions that format RESP into a caller's buffer. ----
 * Each writes at most the stated number of bytes into dst and returns the
 * number written. RESP_HDR_MAX is enough for any header. */
#define RESP_HDR_MAX 32

/* "<prefix><n>\r\n", e.g. resp_hdr(dst, '*', 3) writes "*3\r\n". */
size_t resp_hdr(char *dst, char prefix, long long n);
/* ":<v>\r\n" */
size_t resp_int(char *dst, long long v);
/* The text Redis 7.0 uses for a double (printf "%.17g", with "inf", "-inf"
 * and "nan"): writes at most RESP_DOUBLE_MAX bytes, no CRLF, returns length. */
#define RESP_DOUBLE_MAX 40
size_t resp_double_text(char *dst, double d);

#endif
