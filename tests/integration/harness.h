/*
 * harness.h - start a server under test and talk to it (integration tests).
 *
 * Purpose: every tests/integration/itest_*.c binary uses this to start one
 * server process on an ephemeral port, wait until it answers, open hiredis
 * contexts or raw sockets to it, and stop it again, checking its exit status.
 *
 * The binary comes from $TERN_SERVER, else "$B/tern-server" when $B is set,
 * else build/tern-server. Any Redis-compatible server works: the suite is
 * validated against Debian's redis-server (TERN_SERVER=/usr/bin/redis-server).
 * The server always gets "--port N --save '' --appendonly no" plus the extra
 * "--name value" pairs a test asks for, runs in a private temporary directory
 * and logs to a file there (hs_log() reads it back).
 *
 * Invariants:
 * - A started server is always stopped by hs_stop() (cmocka teardown calls
 *   it even after a failed assertion); SIGKILL is the last resort. The child
 *   also gets PR_SET_PDEATHSIG so a crashed test binary leaves no orphan.
 * - A running server's directory is removed even when the test binary is
 *   stopped by SIGTERM/SIGINT/SIGHUP (e.g. by `timeout`) or leaves main()
 *   without a teardown: the harness keeps a list of live servers and cleans
 *   them up from a signal handler and from atexit().
 * - Every client opened through the harness is closed by hs_stop(), so a
 *   test that fails half-way leaks nothing.
 *
 * Boundary: this is a client. It knows RESP only as bytes on a socket and
 * must not include any server/ header.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stddef.h>
#include <sys/types.h>

#include <hiredis/hiredis.h>

#define HS_MAX_TRACKED 4096 /* clients remembered for cleanup */

struct hserver {
    pid_t pid;          /* 0 when not running */
    int port;           /* TCP port on 127.0.0.1 */
    int exit_status;    /* raw waitpid status after hs_stop() */
    char dir[256];      /* private working directory */
    char log_path[300]; /* server's stdout+stderr */
    int nfds;           /* raw sockets opened through hs_raw_connect() */
    int fds[HS_MAX_TRACKED];
    int nctx; /* hiredis contexts opened through hs_connect() */
    redisContext *ctx[HS_MAX_TRACKED];
    char conf_path[300]; /* config file given to the server, or "" */
};

/* Start the server with extra args (NULL-terminated list of "--name",
 * "value", ...; may be NULL). Picks a free port, retries a few times if the
 * server dies early (port stolen), waits up to 5 s for a reply to PING.
 * Returns 0 on success, -1 on failure (message on stderr). */
int hs_start(struct hserver *s, const char *const *extra);

/* Like hs_start, but first writes conf_text to "<dir>/tern.conf" and passes
 * that absolute path as the server's first argument (before --port ...), the
 * way redis-server expects a config file. Returns 0 or -1. */
int hs_start_conf(struct hserver *s, const char *conf_text, const char *const *extra);

/* Stop the server (SIGTERM, closing clients) and start it again in the same
 * directory with the same config file (if any) and the given extra args, on
 * a new port. Returns 0 or -1. */
int hs_restart(struct hserver *s, const char *const *extra);

/* Path of the server binary under test ($TERN_SERVER, else $B/tern-server,
 * else build/tern-server), made absolute when relative. Static storage. */
const char *hs_server_path(void);

/* Send sig to the server and wait up to timeout_ms for it to exit; SIGKILL
 * after that. Closes every tracked client first unless keep_clients.
 * Returns the exit code (0..255) on a normal exit, -1 if it had to be
 * killed or died by a signal. Safe to call when not running (returns -1). */
int hs_stop_sig(struct hserver *s, int sig, int timeout_ms, int keep_clients);

/* hs_stop_sig(s, SIGTERM, 5000, 0). */
int hs_stop(struct hserver *s);

/* cmocka-style teardown helper: stop the server and also free *state.
 * Returns 0 if the server exited with status 0, -1 otherwise (so a crash
 * or sanitizer report in the server fails the test). */
int hs_teardown(void **state);
/* cmocka setup: a server started with the defaults (hs_start(s, NULL)) in
 * *state; pair it with hs_teardown. */
int hs_setup(void **state);
/* The same with `--enable-debug-command local` (tests that use DEBUG). */
int hs_setup_debug(void **state);
/* cmocka setup: an unstarted server struct in *state (the test starts it
 * with its own options); pair it with hs_teardown. */
int hs_setup_unstarted(void **state);

/* hiredis client connected to the server (blocking, 10 s I/O timeout).
 * Tracked: hs_stop() frees it unless hs_forget_ctx() was called. Asserts
 * the connection succeeded. */
redisContext *hs_connect(struct hserver *s);

/* Like hs_connect, but over TCP to host (e.g. "::1") on the server's port.
 * Returns NULL (message on stderr) if the connection failed. */
redisContext *hs_connect_host(struct hserver *s, const char *host);

/* Like hs_connect, but over the unix socket at path. NULL on failure. */
redisContext *hs_connect_unix(struct hserver *s, const char *path);

/* Free a tracked hiredis context early. */
void hs_close_ctx(struct hserver *s, redisContext *c);

/* Raw blocking TCP socket to the server; rcvbuf > 0 sets SO_RCVBUF before
 * connect. Tracked like hs_connect(). Returns the fd or -1. */
int hs_raw_connect(struct hserver *s, int rcvbuf);

/* Close a tracked raw socket early. */
void hs_close_fd(struct hserver *s, int fd);

/* Write all of buf (MSG_NOSIGNAL). Returns 0, or -1 with errno set. */
int hs_send_all(int fd, const void *buf, size_t len);

/* Write a C string. */
int hs_send_str(int fd, const char *str);

/* Read from fd until the bytes read so far contain `expect` at their start
 * and are at least strlen(expect) long, or EOF, or timeout_ms elapses.
 * Returns 0 if exactly the prefix matched, -1 otherwise (what arrived is
 * printed to stderr). Reads at most strlen(expect) bytes. */
int hs_expect(int fd, const char *expect, int timeout_ms);

/* Read exactly len bytes within timeout_ms into buf. Returns bytes read
 * (less than len on EOF/timeout/error). */
size_t hs_read_n(int fd, void *buf, size_t len, int timeout_ms);

/* Read one CRLF-terminated line (including CRLF) into buf, NUL-terminated.
 * Byte-at-a-time; meant for short replies. Returns length or -1. */
int hs_read_line(int fd, char *buf, size_t cap, int timeout_ms);

/* Read into buf (NUL-terminated, at most cap-1 bytes) until the data read
 * so far ends with `suffix`, or EOF/timeout/full. Returns bytes read, or -1
 * if the suffix was not seen. */
long hs_read_until(int fd, char *buf, size_t cap, const char *suffix, int timeout_ms);

/* Wait for the peer to close: read and discard until EOF or ECONNRESET.
 * Returns 1 if closed within timeout_ms, 0 if still open, and stores the
 * number of bytes discarded in *discarded when non-NULL. */
int hs_wait_closed(int fd, int timeout_ms, size_t *discarded);

/* Milliseconds from a monotonic clock. */
long long hs_now_ms(void);

/* Sleep for ms milliseconds. */
void hs_sleep_ms(int ms);

/* Whole server log (malloc'd, NUL-terminated; caller frees) or NULL. */
char *hs_log(const struct hserver *s);
/* The peer port of client c, from CLIENT INFO's addr=127.0.0.1:<port>
 * (-1 if the reply has none). */
int hs_client_port(redisContext *c);
/* The numeric value of "field:" in INFO section on c, or -1 if the reply
 * is not a string or has no such field (values reported are never
 * negative, so -1 fails any comparison a test makes). */
long long hs_info_field(redisContext *c, const char *section, const char *field);
/* 1 if the server's log contains text. */
int hs_log_has(const struct hserver *s, const char *text);
/* hs_connect, then wait (up to 10 s) until PING no longer answers -LOADING:
 * hs_start counts a server that is still loading its dataset as started. */
redisContext *hs_connect_loaded(struct hserver *s);

/* Raise RLIMIT_NOFILE to at least n (up to the hard limit). Returns the
 * resulting soft limit. */
long hs_raise_nofile(long n);

/* Run a command on c and check its reply is a status/string equal to
 * expect (for integers, the decimal text). Returns 0 if equal. */
int hs_cmd_expect(redisContext *c, const char *expect, const char *fmt, ...);

#endif
