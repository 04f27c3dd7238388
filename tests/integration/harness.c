/*
 * harness.c - process and socket plumbing for the integration tests.
 *
 * See harness.h for the contract. Everything here is blocking and
 * single-threaded; timeouts use poll() so a misbehaving server fails a test
 * instead of hanging it. Test code is a client of the server, not part of
 * it, so it uses libc malloc rather than the server's mem.h.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#define HS_READY_MS    5000
#define HS_PATH_MAX    4096 /* not PATH_MAX: -Iserver shadows <limits.h> */
#define HS_START_TRIES 5

long long hs_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void hs_sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
    }
}

const char *hs_server_path(void)
{
    static char buf[HS_PATH_MAX];
    const char *p = getenv("TERN_SERVER");
    if (p == NULL || *p == '\0') {
        const char *b = getenv("B");
        snprintf(buf, sizeof buf, "%s/tern-server", (b && *b) ? b : "build");
        p = buf;
    }
    /* The child chdirs into its private directory, so make a relative path
     * absolute; not realpath(): redis-server is a symlink whose name selects
     * its mode. A bare name ("redis-server") is left for execvp's PATH. */
    if (strchr(p, '/') != NULL && p[0] != '/') {
        static char full[2 * HS_PATH_MAX + 2];
        char cwd[HS_PATH_MAX];
        if (getcwd(cwd, sizeof cwd) != NULL) {
            snprintf(full, sizeof full, "%s/%s", cwd, p);
            return full;
        }
    }
    return p;
}

/* Ask the kernel for a free port: bind port 0, read it back, close.
 * Another process may grab it before the server binds; hs_start retries. */
static int pick_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sa;
    int port = -1;
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
        getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
        port = ntohs(sa.sin_port);
    close(fd);
    return port;
}

static int tcp_connect(int port, int rcvbuf)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (rcvbuf > 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/* Child side of hs_start: never returns. A config file, when set, must be
 * the first argument (redis-server only looks for it there). */
static void exec_server(const struct hserver *s, const char *path, const char *const *extra)
{
    const char *argv[128];
    int n = 0;
    char port[16];
    snprintf(port, sizeof port, "%d", s->port);
    argv[n++] = path;
    if (s->conf_path[0] != '\0')
        argv[n++] = s->conf_path;
    argv[n++] = "--port";
    argv[n++] = port;
    argv[n++] = "--save";
    argv[n++] = "";
    argv[n++] = "--appendonly";
    argv[n++] = "no";
    for (int i = 0; extra && extra[i] && n < 126; i++)
        argv[n++] = extra[i];
    argv[n] = NULL;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int log = open(s->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (log >= 0) {
        dup2(log, 1);
        dup2(log, 2);
        close(log);
    }
    if (chdir(s->dir) != 0)
        _exit(126);
    execvp(path, (char *const *)argv);
    fprintf(stderr, "exec %s: %s\n", path, strerror(errno));
    _exit(127);
}

static void remove_dir(struct hserver *s);
static void close_clients(struct hserver *s);

/* Poll until the server answers PING with any status/error line, the child
 * exits, or the deadline passes. Returns 0 when ready. */
static int wait_ready(struct hserver *s)
{
    long long deadline = hs_now_ms() + HS_READY_MS;
    while (hs_now_ms() < deadline) {
        int st;
        if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
            s->pid = 0;
            s->exit_status = st;
            return -1;
        }
        int fd = tcp_connect(s->port, 0);
        if (fd >= 0) {
            char line[256];
            int n = -1;
            if (hs_send_str(fd, "PING\r\n") == 0)
                n = hs_read_line(fd, line, sizeof line, 1000);
            close(fd);
            if (n > 0 && (line[0] == '+' || line[0] == '-'))
                return 0;
        }
        hs_sleep_ms(20);
    }
    return -1;
}

/* Servers started and not yet torn down, for cleanup_all(). */
#define HS_MAX_LIVE 16
static struct hserver *live[HS_MAX_LIVE];

static void live_add(struct hserver *s)
{
    for (int i = 0; i < HS_MAX_LIVE; i++)
        if (live[i] == s)
            return;
    for (int i = 0; i < HS_MAX_LIVE; i++)
        if (live[i] == NULL) {
            live[i] = s;
            return;
        }
}

static void live_del(struct hserver *s)
{
    for (int i = 0; i < HS_MAX_LIVE; i++)
        if (live[i] == s)
            live[i] = NULL;
}

/* Kill every live server and remove its directory. Runs from atexit() and
 * from the SIGTERM/SIGINT/SIGHUP handler; system() and waitpid() are not
 * strictly async-signal-safe, which is acceptable for a test binary that is
 * about to die anyway. */
static void cleanup_all(void)
{
    for (int i = 0; i < HS_MAX_LIVE; i++) {
        struct hserver *s = live[i];
        if (s == NULL)
            continue;
        live[i] = NULL;
        if (s->pid > 0) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, NULL, 0);
            s->pid = 0;
        }
        close_clients(s);
        remove_dir(s);
    }
}

static void on_fatal_signal(int sig)
{
    cleanup_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Install the exit-time cleanup once per process. */
static void install_cleanup(void)
{
    static int installed;
    if (installed)
        return;
    installed = 1;
    atexit(cleanup_all);
    static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_fatal_signal);
}

/* Make s->dir (a fresh private directory). Returns 0 or -1. */
static int make_dir(struct hserver *s)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%s/tern-itest-XXXXXX", (tmp && *tmp) ? tmp : "/tmp");
    if (mkdtemp(s->dir) == NULL) {
        perror("mkdtemp");
        s->dir[0] = '\0';
        return -1;
    }
    snprintf(s->log_path, sizeof s->log_path, "%s/server.log", s->dir);
    return 0;
}

/* Start the server in the existing s->dir on a fresh port, retrying a few
 * times. On failure prints the log and returns -1 (the directory stays;
 * the caller decides). */
static int launch(struct hserver *s, const char *const *extra)
{
    const char *path = hs_server_path();
    install_cleanup();
    live_add(s);
    for (int attempt = 0; attempt < HS_START_TRIES; attempt++) {
        s->port = pick_port();
        if (s->port <= 0)
            continue;
        fflush(NULL);
        s->pid = fork();
        if (s->pid < 0) {
            perror("fork");
            s->pid = 0;
            return -1;
        }
        if (s->pid == 0)
            exec_server(s, path, extra);
        if (wait_ready(s) == 0)
            return 0;
        if (s->pid > 0) { /* alive but silent: give up on this one */
            kill(s->pid, SIGKILL);
            waitpid(s->pid, NULL, 0);
            s->pid = 0;
        }
    }
    fprintf(stderr, "harness: %s did not start; log follows\n", path);
    char *log = hs_log(s);
    if (log) {
        fprintf(stderr, "%s\n", log);
        free(log);
    }
    return -1;
}

/* Forget any previous run of s: stop it, close its clients, remove its
 * directory, zero the struct. */
static void reset(struct hserver *s)
{
    if (s->pid > 0)
        hs_stop(s);
    close_clients(s);
    remove_dir(s);
    memset(s, 0, sizeof *s);
    signal(SIGPIPE, SIG_IGN);
}

int hs_start(struct hserver *s, const char *const *extra)
{
    /* A stopped server may be restarted through the same struct. */
    reset(s);
    if (make_dir(s) != 0)
        return -1;
    if (launch(s, extra) != 0) {
        remove_dir(s);
        return -1;
    }
    return 0;
}

int hs_start_conf(struct hserver *s, const char *conf_text, const char *const *extra)
{
    reset(s);
    if (make_dir(s) != 0)
        return -1;
    snprintf(s->conf_path, sizeof s->conf_path, "%s/tern.conf", s->dir);
    FILE *f = fopen(s->conf_path, "w");
    if (f == NULL || fputs(conf_text, f) < 0 || fclose(f) != 0) {
        perror(s->conf_path);
        remove_dir(s);
        return -1;
    }
    if (launch(s, extra) != 0) {
        remove_dir(s);
        return -1;
    }
    return 0;
}

int hs_restart(struct hserver *s, const char *const *extra)
{
    if (s->pid > 0 && hs_stop(s) != 0)
        return -1;
    close_clients(s);
    return launch(s, extra);
}

/* Close every tracked client. */
static void close_clients(struct hserver *s)
{
    for (int i = 0; i < s->nctx; i++)
        if (s->ctx[i])
            redisFree(s->ctx[i]);
    for (int i = 0; i < s->nfds; i++)
        if (s->fds[i] >= 0)
            close(s->fds[i]);
    s->nctx = s->nfds = 0;
}

/* 1 if path is a directory make_dir() could have made: its last component
 * is "tern-itest-" plus six characters and it holds no quote or "..". A
 * guard against a stale or clobbered struct (a test that kept its hserver
 * on the stack once made cleanup remove /tmp itself). */
static int is_own_dir(const char *path)
{
    const char *base = strrchr(path, '/');
    if (!base || strncmp(base + 1, "tern-itest-", 11) != 0 || strlen(base + 1) != 17)
        return 0;
    return strchr(path, '\'') == NULL && strstr(path, "..") == NULL;
}

/* Remove the private directory (flat: log plus whatever the server wrote). */
static void remove_dir(struct hserver *s)
{
    if (s->dir[0] == '\0' || getenv("HS_KEEP_DIR"))
        return;
    if (!is_own_dir(s->dir)) {
        fprintf(stderr, "harness: refusing to remove '%.256s' (not a test directory)\n", s->dir);
        s->dir[0] = '\0';
        return;
    }
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "harness: could not remove %s\n", s->dir);
    s->dir[0] = '\0';
}

int hs_stop_sig(struct hserver *s, int sig, int timeout_ms, int keep_clients)
{
    if (!keep_clients)
        close_clients(s);
    if (s->pid <= 0)
        return -1;
    kill(s->pid, sig);
    long long deadline = hs_now_ms() + timeout_ms;
    int st = 0;
    pid_t r = 0;
    while ((r = waitpid(s->pid, &st, WNOHANG)) == 0 && hs_now_ms() < deadline)
        hs_sleep_ms(5);
    int code = -1;
    if (r == s->pid) {
        s->exit_status = st;
        if (WIFEXITED(st))
            code = WEXITSTATUS(st);
        else
            fprintf(stderr, "harness: server died by signal %d\n", WTERMSIG(st));
    } else {
        fprintf(stderr, "harness: server ignored signal %d for %d ms; SIGKILL\n", sig, timeout_ms);
        kill(s->pid, SIGKILL);
        waitpid(s->pid, &st, 0);
        s->exit_status = st;
    }
    s->pid = 0;
    if (code != 0) {
        char *log = hs_log(s);
        if (log) {
            size_t n = strlen(log);
            fprintf(stderr, "harness: exit code %d; server log tail:\n%s\n", code,
                    log + (n > 4000 ? n - 4000 : 0));
            free(log);
        }
    }
    return code;
}

int hs_stop(struct hserver *s)
{
    return hs_stop_sig(s, SIGTERM, 5000, 0);
}

int hs_setup(void **state)
{
    struct hserver *s = calloc(1, sizeof *s);
    if (s == NULL || hs_start(s, NULL) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

int hs_setup_debug(void **state)
{
    struct hserver *s = calloc(1, sizeof *s);
    static const char *const extra[] = {"--enable-debug-command", "local", NULL};
    if (s == NULL || hs_start(s, extra) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

int hs_setup_unstarted(void **state)
{
    *state = calloc(1, sizeof(struct hserver));
    return *state ? 0 : -1;
}

int hs_client_port(redisContext *c)
{
    redisReply *r = redisCommand(c, "CLIENT INFO");
    int port = -1;
    const char *p = r && r->type == REDIS_REPLY_STRING ? strstr(r->str, " addr=127.0.0.1:") : NULL;
    if (p)
        port = atoi(p + strlen(" addr=127.0.0.1:"));
    freeReplyObject(r);
    return port;
}

long long hs_info_field(redisContext *c, const char *section, const char *field)
{
    redisReply *r = redisCommand(c, "INFO %s", section);
    long long v = -1;
    if (r && r->type == REDIS_REPLY_STRING) {
        char pat[128];
        snprintf(pat, sizeof pat, "\r\n%s:", field);
        const char *p = strstr(r->str, pat);
        if (p)
            v = atoll(p + strlen(pat));
    }
    freeReplyObject(r);
    return v;
}

int hs_log_has(const struct hserver *s, const char *text)
{
    char *log = hs_log(s);
    int found = log && strstr(log, text) != NULL;
    free(log);
    return found;
}

redisContext *hs_connect_loaded(struct hserver *s)
{
    redisContext *c = hs_connect(s);
    for (int i = 0; c && i < 1000; i++) {
        redisReply *r = redisCommand(c, "PING");
        int loading = r && r->type == REDIS_REPLY_ERROR && !strncmp(r->str, "LOADING", 7);
        freeReplyObject(r);
        if (!loading)
            break;
        hs_sleep_ms(10);
    }
    return c;
}

int hs_teardown(void **state)
{
    struct hserver *s = *state;
    if (s == NULL)
        return 0;
    int code = s->pid > 0 ? hs_stop(s) : 0;
    close_clients(s);
    remove_dir(s);
    live_del(s);
    free(s);
    *state = NULL;
    return code == 0 ? 0 : -1;
}

redisContext *hs_connect(struct hserver *s)
{
    struct timeval tv = {10, 0};
    redisContext *c = redisConnectWithTimeout("127.0.0.1", s->port, tv);
    if (c == NULL || c->err) {
        fprintf(stderr, "harness: connect: %s\n", c ? c->errstr : "oom");
        if (c)
            redisFree(c);
        return NULL;
    }
    redisSetTimeout(c, tv);
    if (s->nctx < HS_MAX_TRACKED)
        s->ctx[s->nctx++] = c;
    return c;
}

/* Track a freshly connected context (or free a failed one). */
static redisContext *track_ctx(struct hserver *s, redisContext *c, const char *what)
{
    if (c == NULL || c->err) {
        fprintf(stderr, "harness: connect %s: %s\n", what, c ? c->errstr : "oom");
        if (c)
            redisFree(c);
        return NULL;
    }
    struct timeval tv = {10, 0};
    redisSetTimeout(c, tv);
    if (s->nctx < HS_MAX_TRACKED)
        s->ctx[s->nctx++] = c;
    return c;
}

redisContext *hs_connect_host(struct hserver *s, const char *host)
{
    struct timeval tv = {10, 0};
    return track_ctx(s, redisConnectWithTimeout(host, s->port, tv), host);
}

redisContext *hs_connect_unix(struct hserver *s, const char *path)
{
    struct timeval tv = {10, 0};
    return track_ctx(s, redisConnectUnixWithTimeout(path, tv), path);
}

void hs_close_ctx(struct hserver *s, redisContext *c)
{
    for (int i = 0; i < s->nctx; i++)
        if (s->ctx[i] == c)
            s->ctx[i] = NULL;
    redisFree(c);
}

int hs_raw_connect(struct hserver *s, int rcvbuf)
{
    int fd = tcp_connect(s->port, rcvbuf);
    if (fd >= 0 && s->nfds < HS_MAX_TRACKED)
        s->fds[s->nfds++] = fd;
    return fd;
}

void hs_close_fd(struct hserver *s, int fd)
{
    for (int i = 0; i < s->nfds; i++)
        if (s->fds[i] == fd)
            s->fds[i] = -1;
    close(fd);
}

int hs_send_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int hs_send_str(int fd, const char *str)
{
    return hs_send_all(fd, str, strlen(str));
}

/* Wait until fd is readable or the deadline passes. Returns 1 if readable. */
static int wait_readable(int fd, long long deadline)
{
    for (;;) {
        long long left = deadline - hs_now_ms();
        if (left <= 0)
            return 0;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)left);
        if (r > 0)
            return 1;
        if (r < 0 && errno != EINTR)
            return 0;
    }
}

size_t hs_read_n(int fd, void *buf, size_t len, int timeout_ms)
{
    long long deadline = hs_now_ms() + timeout_ms;
    size_t got = 0;
    while (got < len && wait_readable(fd, deadline)) {
        ssize_t n = recv(fd, (char *)buf + got, len - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return got;
}

int hs_expect(int fd, const char *expect, int timeout_ms)
{
    size_t len = strlen(expect);
    char *buf = malloc(len + 1);
    size_t got = hs_read_n(fd, buf, len, timeout_ms);
    buf[got] = '\0';
    int ok = got == len && memcmp(buf, expect, len) == 0;
    if (!ok)
        fprintf(stderr, "harness: expected \"%s\", got %zu bytes \"%s\"\n", expect, got, buf);
    free(buf);
    return ok ? 0 : -1;
}

int hs_read_line(int fd, char *buf, size_t cap, int timeout_ms)
{
    long long deadline = hs_now_ms() + timeout_ms;
    size_t n = 0;
    while (n + 1 < cap) {
        if (!wait_readable(fd, deadline))
            return -1;
        ssize_t r = recv(fd, buf + n, 1, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        n++;
        if (n >= 2 && buf[n - 2] == '\r' && buf[n - 1] == '\n') {
            buf[n] = '\0';
            return (int)n;
        }
    }
    return -1;
}

long hs_read_until(int fd, char *buf, size_t cap, const char *suffix, int timeout_ms)
{
    long long deadline = hs_now_ms() + timeout_ms;
    size_t n = 0, slen = strlen(suffix);
    buf[0] = '\0';
    while (n + 1 < cap && wait_readable(fd, deadline)) {
        ssize_t r = recv(fd, buf + n, cap - 1 - n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
        buf[n] = '\0';
        if (n >= slen && memcmp(buf + n - slen, suffix, slen) == 0)
            return (long)n;
    }
    fprintf(stderr, "harness: no \"%s\" after %zu bytes: \"%.200s\"\n", suffix, n, buf);
    return -1;
}

int hs_wait_closed(int fd, int timeout_ms, size_t *discarded)
{
    long long deadline = hs_now_ms() + timeout_ms;
    static char sink[65536];
    size_t total = 0;
    int closed = 0;
    while (wait_readable(fd, deadline)) {
        ssize_t n = recv(fd, sink, sizeof sink, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            closed = 1;
            break;
        }
        total += (size_t)n;
    }
    if (discarded)
        *discarded = total;
    return closed;
}

char *hs_log(const struct hserver *s)
{
    FILE *f = fopen(s->log_path, "r");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    buf[len] = '\0';
    fclose(f);
    return buf;
}

long hs_raise_nofile(long n)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return -1;
    if ((long)rl.rlim_cur < n) {
        rl.rlim_cur =
            rl.rlim_max == RLIM_INFINITY || (long)rl.rlim_max >= n ? (rlim_t)n : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        getrlimit(RLIMIT_NOFILE, &rl);
    }
    return (long)rl.rlim_cur;
}

int hs_cmd_expect(redisContext *c, const char *expect, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    redisReply *r = redisvCommand(c, fmt, ap);
    va_end(ap);
    if (r == NULL) {
        fprintf(stderr, "harness: %s: no reply (%s)\n", fmt, c->errstr);
        return -1;
    }
    char num[32];
    const char *got = NULL;
    if (r->type == REDIS_REPLY_STATUS || r->type == REDIS_REPLY_STRING ||
        r->type == REDIS_REPLY_ERROR) {
        got = r->str;
    } else if (r->type == REDIS_REPLY_INTEGER) {
        snprintf(num, sizeof num, "%lld", r->integer);
        got = num;
    }
    int ok = got != NULL && strcmp(got, expect) == 0;
    if (!ok)
        fprintf(stderr, "harness: %s: expected \"%s\", got type %d \"%s\"\n", fmt, expect, r->type,
                got ? got : "(nil/array)");
    freeReplyObject(r);
    return ok ? 0 : -1;
}
