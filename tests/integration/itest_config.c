/*
 * itest_config.c - the config file: CONFIG REWRITE round trip, fatal config
 * errors, and the --help / --version command-line switches.
 *
 * - CONFIG REWRITE: a server started with a commented config file takes
 *   CONFIG SET changes, rewrites the file in place (comments kept, changed
 *   lines updated, new directives appended), and a restart from the
 *   rewritten file comes up with the changed values.
 * - An unknown directive at line 2 makes the server exit 1 and print
 *   "*** FATAL CONFIG FILE ERROR", the line number and the offending line
 *   on stderr.
 * - --version and --help exit 0 with output. (Real redis-server prints its
 *   --help text to stderr and exits 1; against it only the output is
 *   checked.)
 *
 * Validated against redis-server 7.0.15 (TERN_SERVER=/usr/bin/redis-server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"

#define RUN_TIMEOUT_MS 20000 /* sanitized builds start slowly */
#define OUT_CAP        65536

/* Per-test state: a server (for the rewrite test) and a scratch directory
 * (for the tests that run the binary by hand). */
struct fixture {
    struct hserver *s;
    char dir[256];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    f->s = calloc(1, sizeof *f->s);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/tern-itest-cfg-XXXXXX", (tmp && *tmp) ? tmp : "/tmp");
    if (f->s == NULL || mkdtemp(f->dir) == NULL) {
        free(f->s);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

/* Remove the scratch directory and stop the server (failing if it exited
 * non-zero, so a sanitizer report fails the test). */
static int teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd) == 0 ? 0 : -1;
    void *sp = f->s;
    if (hs_teardown(&sp) != 0)
        rc = -1;
    free(f);
    *state = NULL;
    return rc;
}

/* Output of one run of the server binary. */
struct run {
    int status; /* raw waitpid status; -1 if it had to be killed */
    char out[OUT_CAP];
    char err[OUT_CAP];
};

/* Read what is available on *fd into buf (NUL-terminated); closes and sets
 * *fd = -1 at EOF. */
static void drain(int *fd, char *buf, size_t *len)
{
    char tmp[4096];
    ssize_t n = read(*fd, tmp, sizeof tmp);
    if (n < 0 && errno == EINTR)
        return;
    if (n <= 0) {
        close(*fd);
        *fd = -1;
        return;
    }
    size_t room = OUT_CAP - 1 - *len;
    size_t take = (size_t)n < room ? (size_t)n : room;
    memcpy(buf + *len, tmp, take);
    *len += take;
    buf[*len] = '\0';
}

/* Run the server binary with argv[1..] = args (NULL-terminated) in dir,
 * collecting stdout and stderr separately. Kills it after RUN_TIMEOUT_MS. */
static void run_server(struct run *r, const char *dir, const char *const *args)
{
    const char *argv[16];
    int n = 0;
    argv[n++] = hs_server_path();
    for (int i = 0; args[i] && n < 15; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    int po[2], pe[2];
    assert_int_equal(pipe(po), 0);
    assert_int_equal(pipe(pe), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(pe[0]);
        close(po[1]);
        close(pe[1]);
        if (chdir(dir) != 0)
            _exit(126);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);
    size_t lo = 0, le = 0;
    r->out[0] = r->err[0] = '\0';
    long long deadline = hs_now_ms() + RUN_TIMEOUT_MS;
    int fo = po[0], fe = pe[0];
    while ((fo >= 0 || fe >= 0) && hs_now_ms() < deadline) {
        struct pollfd p[2] = {{.fd = fo, .events = POLLIN}, {.fd = fe, .events = POLLIN}};
        if (poll(p, 2, 100) <= 0)
            continue;
        if (fo >= 0 && p[0].revents)
            drain(&fo, r->out, &lo);
        if (fe >= 0 && p[1].revents)
            drain(&fe, r->err, &le);
    }
    int st = 0;
    pid_t w = 0;
    while ((w = waitpid(pid, &st, WNOHANG)) == 0 && hs_now_ms() < deadline)
        hs_sleep_ms(10);
    if (w != pid) {
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
        st = -1;
    }
    if (fo >= 0)
        close(fo);
    if (fe >= 0)
        close(fe);
    r->status = st;
}

/* Exit code of a finished run, or -1 if it was killed or died by a signal. */
static int exit_code(const struct run *r)
{
    return r->status != -1 && WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
}

/* CONFIG GET name on c; checks the single value equals want. */
static void expect_config(redisContext *c, const char *name, const char *want)
{
    redisReply *r = redisCommand(c, "CONFIG GET %s", name);
    assert_non_null(r);
    assert_int_equal(r->type, REDIS_REPLY_ARRAY);
    assert_int_equal(r->elements, 2);
    assert_string_equal(r->element[1]->str, want);
    freeReplyObject(r);
}

/* Whole file at path (malloc'd) or NULL. */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return NULL;
    char *buf = calloc(1, OUT_CAP);
    size_t n = fread(buf, 1, OUT_CAP - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static const char rewrite_conf[] = "# Tern itest config: first comment survives\n"
                                   "maxmemory 1mb\n"
                                   "\n"
                                   "# second comment, between directives\n"
                                   "hz 10\n"
                                   "timeout 0\n";

static void test_config_rewrite_roundtrip(void **state)
{
    struct fixture *f = *state;
    struct hserver *s = f->s;
    assert_int_equal(hs_start_conf(s, rewrite_conf, NULL), 0);
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    expect_config(c, "maxmemory", "1048576");
    expect_config(c, "hz", "10");
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET maxmemory 2mb"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET hz 20"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG SET maxmemory-policy allkeys-lru"), 0);
    assert_int_equal(hs_cmd_expect(c, "OK", "CONFIG REWRITE"), 0);

    char *text = slurp(s->conf_path);
    assert_non_null(text);
    const char *c1 = strstr(text, "# Tern itest config: first comment survives\n");
    const char *m = strstr(text, "\nmaxmemory 2mb\n");
    const char *c2 = strstr(text, "# second comment, between directives\n");
    const char *h = strstr(text, "\nhz 20\n");
    int ok = c1 && m && c2 && h && c1 < m && m < c2 && c2 < h && !strstr(text, "maxmemory 1mb") &&
             !strstr(text, "hz 10\n") && strstr(text, "\nmaxmemory-policy allkeys-lru\n");
    if (!ok)
        fprintf(stderr, "rewritten file:\n%s\n", text);
    free(text);
    assert_true(ok);

    /* A restart from the rewritten file has the new values. */
    assert_int_equal(hs_restart(s, NULL), 0);
    c = hs_connect(s);
    assert_non_null(c);
    expect_config(c, "maxmemory", "2097152");
    expect_config(c, "hz", "20");
    expect_config(c, "maxmemory-policy", "allkeys-lru");
    expect_config(c, "timeout", "0");
}

/* THP_enabled of the server process (/proc/PID/status), or -1 when the
 * kernel does not report it. */
static int thp_enabled(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    char *text = slurp(path);
    if (text == NULL)
        return -1;
    const char *p = strstr(text, "THP_enabled:");
    int v = p ? atoi(p + strlen("THP_enabled:")) : -1;
    free(text);
    return v;
}

/* disable-thp yes (the default, as Redis) turns transparent huge pages off
 * for the server process; disable-thp no leaves the system's choice. */
static void test_disable_thp(void **state)
{
    struct fixture *f = *state;
    struct hserver *s = f->s;
    assert_int_equal(hs_start(s, NULL), 0);
    int on = thp_enabled(s->pid);
    if (on == -1) {
        skip(); /* kernel without the THP_enabled field (before 6.x) */
        return;
    }
    assert_int_equal(on, 0);
    redisContext *c = hs_connect(s);
    assert_non_null(c);
    expect_config(c, "disable-thp", "yes");
    hs_stop(s);
    const char *const off[] = {"--disable-thp", "no", NULL};
    assert_int_equal(hs_start(s, off), 0);
    assert_int_equal(thp_enabled(s->pid), 1);
}

static void test_unknown_directive_is_fatal(void **state)
{
    struct fixture *f = *state;
    char path[400];
    snprintf(path, sizeof path, "%s/bad.conf", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("hz 10\nno-such-directive yes\nport 0\n", fp);
    fclose(fp);
    static struct run r;
    const char *args[] = {path, NULL};
    run_server(&r, f->dir, args);
    if (exit_code(&r) != 1 || !strstr(r.err, "*** FATAL CONFIG FILE ERROR"))
        fprintf(stderr, "status %d\nstdout: %s\nstderr: %s\n", r.status, r.out, r.err);
    assert_int_equal(exit_code(&r), 1);
    assert_non_null(strstr(r.err, "*** FATAL CONFIG FILE ERROR"));
    assert_non_null(strstr(r.err, "line 2"));
    assert_non_null(strstr(r.err, ">>> 'no-such-directive yes'"));
    assert_non_null(strstr(r.err, "Bad directive or wrong number of arguments"));
}

static void test_bad_value_is_fatal(void **state)
{
    struct fixture *f = *state;
    char path[400];
    snprintf(path, sizeof path, "%s/bad.conf", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("# comment\nhz 10\nmaxmemory-policy sometimes\n", fp);
    fclose(fp);
    static struct run r;
    const char *args[] = {path, NULL};
    run_server(&r, f->dir, args);
    if (exit_code(&r) != 1 || !strstr(r.err, "line 3"))
        fprintf(stderr, "status %d\nstdout: %s\nstderr: %s\n", r.status, r.out, r.err);
    assert_int_equal(exit_code(&r), 1);
    assert_non_null(strstr(r.err, "*** FATAL CONFIG FILE ERROR"));
    assert_non_null(strstr(r.err, "line 3"));
    assert_non_null(strstr(r.err, ">>> 'maxmemory-policy sometimes'"));
}

static void test_version_and_help(void **state)
{
    struct fixture *f = *state;
    static struct run r;
    const char *vargs[] = {"--version", NULL};
    run_server(&r, f->dir, vargs);
    assert_int_equal(exit_code(&r), 0);
    assert_non_null(strstr(r.out, "v="));
    assert_true(strstr(r.out, "7.0.15") != NULL || strstr(r.out, "Tern") != NULL);
    int is_redis = strncmp(r.out, "Redis server", 12) == 0;

    const char *hargs[] = {"--help", NULL};
    run_server(&r, f->dir, hargs);
    if (is_redis) {
        assert_int_equal(exit_code(&r), 1); /* redis-server's usage() exits 1 */
        assert_non_null(strstr(r.err, "Usage"));
    } else {
        assert_int_equal(exit_code(&r), 0);
        assert_non_null(strstr(r.out, "Usage"));
    }
}

/* daemonize yes: the launching process exits 0 at once, and the server
 * keeps serving from a new session, writes its pidfile and removes it on
 * SHUTDOWN. */
static void test_daemonize(void **state)
{
    struct fixture *f = *state;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t slen = sizeof sa;
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &slen), 0);
    close(fd);
    char port[16], pidfile[400];
    snprintf(port, sizeof port, "%d", ntohs(sa.sin_port));
    snprintf(pidfile, sizeof pidfile, "%s/tern.pid", f->dir);
    static struct run r;
    const char *args[] = {"--daemonize", "yes",  "--port", port, "--pidfile", pidfile,
                          "--dir",       f->dir, "--save", "",   NULL};
    run_server(&r, f->dir, args);
    assert_int_equal(exit_code(&r), 0);
    redisContext *c = NULL;
    for (int i = 0; i < 500 && !c; i++) {
        c = redisConnect("127.0.0.1", ntohs(sa.sin_port));
        if (c && c->err) {
            redisFree(c);
            c = NULL;
            hs_sleep_ms(10);
        }
    }
    assert_non_null(c);
    assert_int_equal(hs_cmd_expect(c, "PONG", "PING"), 0);
    FILE *pf = fopen(pidfile, "r");
    assert_non_null(pf);
    int pid = 0;
    assert_int_equal(fscanf(pf, "%d", &pid), 1);
    fclose(pf);
    assert_true(pid > 0 && kill(pid, 0) == 0);
    assert_int_equal(getsid(pid), pid); /* its own session */
    redisReply *rep = redisCommand(c, "SHUTDOWN NOSAVE");
    freeReplyObject(rep);
    redisFree(c);
    for (int i = 0; i < 500 && kill(pid, 0) == 0; i++)
        hs_sleep_ms(10);
    assert_int_not_equal(kill(pid, 0), 0);
    assert_int_not_equal(access(pidfile, F_OK), 0); /* removed on exit */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_config_rewrite_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disable_thp, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_directive_is_fatal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_value_is_fatal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_version_and_help, setup, teardown),
        cmocka_unit_test_setup_teardown(test_daemonize, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
