/* Unit tests for the configuration table: parsing (quotes, escapes, units,
 * include), argv options, fatal error texts with line numbers, per-type
 * validation, CONFIG SET's all-or-nothing rule and CONFIG REWRITE's round
 * trip. Expected texts were taken from redis-server 7.0.15. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "mem.h"
#include "notify.h"
#include "server.h"

struct server server;

static char tmpdir[64];
static char cwd0[4096];

static int setup(void **state)
{
    (void)state;
    config_init_defaults();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (chdir(cwd0) != 0)
        return -1;
    return 0;
}

/* Write text to tmpdir/name and return the path (static buffer). */
static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static char *read_all(const char *path)
{
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static void assert_value(const char *name, const char *expect)
{
    char *v = config_get_value(name);
    assert_non_null(v);
    assert_string_equal(v, expect);
    mem_free(v);
}

static void count_name(const char *name, void *arg)
{
    (void)name;
    (*(int *)arg)++;
}

static void test_defaults(void **state)
{
    (void)state;
    int n = 0;
    config_foreach_name(count_name, &n);
    assert_int_equal(n, 192); /* CONFIG GET * on redis-server 7.0.15 */
    assert_value("port", "6379");
    assert_value("bind", "127.0.0.1 -::1");
    assert_value("save", "3600 1 300 100 60 10000");
    assert_value("client-output-buffer-limit",
                 "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
    assert_value("maxmemory", "0");
    assert_value("hz", "10");
    assert_value("hash-max-ziplist-entries", "512");
    assert_value("HASH-MAX-LISTPACK-ENTRIES", "512");
    assert_value("loglevel", "notice");
    assert_value("notify-keyspace-events", "");
    assert_value("latency-tracking-info-percentiles", "50 99 99.9");
    assert_value("unixsocketperm", "0");
    assert_value("proto-max-bulk-len", "536870912");
    assert_value("list-max-ziplist-size", "-2");
    assert_value("enable-debug-command", "no");
    assert_value("oom-score-adj-values", "0 200 800");
    assert_value("rdb-key-save-delay", "0"); /* hidden, still readable by name */
    assert_null(config_get_value("no-such-thing"));
    assert_int_equal(server.port, 6379);
    assert_int_equal(server.databases, 16);
    assert_int_equal(server.maxclients, 10000);
    assert_int_equal(server.verbosity, LL_NOTICE);
    assert_int_equal(server.appendfsync, CONFIG_FSYNC_EVERYSEC);
    assert_int_equal(server.save_params_len, 3);
    assert_null(server.requirepass);
    assert_string_equal(server.dbfilename, "dump.rdb");
}

static void test_split_args(void **state)
{
    (void)state;
    char **v;
    int n = config_split_args("  set \"a b\\x41\\n\\t\\\\\\\"\" 'it\\'s' x\"y z\" \"\" ", &v);
    assert_int_equal(n, 5);
    assert_string_equal(v[0], "set");
    assert_string_equal(v[1], "a bA\n\t\\\"");
    assert_string_equal(v[2], "it's");
    assert_string_equal(v[3], "xy z");
    assert_string_equal(v[4], "");
    config_free_args(v, n);
    assert_int_equal(config_split_args("a \"unterminated", &v), -1);
    assert_int_equal(config_split_args("a \"x\"y", &v), -1); /* quote must end the word */
    assert_int_equal(config_split_args("a 'x", &v), -1);
    assert_int_equal(config_split_args("   ", &v), 0);
    config_free_args(v, 0);
}

static void test_repr(void **state)
{
    (void)state;
    char *r = config_repr("a\"b\\c\n\x01 d", 9);
    assert_string_equal(r, "\"a\\\"b\\\\c\\n\\x01 d\"");
    char **v;
    assert_int_equal(config_split_args(r, &v), 1);
    assert_memory_equal(v[0], "a\"b\\c\n\x01 d", 9);
    config_free_args(v, 1);
    mem_free(r);
}

static void test_load_text(void **state)
{
    (void)state;
    const char *inc = write_file("inc.conf", "timeout 42\n# nested comment\nmaxmemory 2GB\n");
    char text[1024];
    snprintf(text, sizeof text,
             "# comment\n\n   \t\nport 7000\r\n  maxmemory 1k  \nproto-max-bulk-len 1mb\n"
             "client-query-buffer-limit 2Mb\ndbfilename \"my db.rdb\"\nrequirepass 'se\\'cret'\n"
             "include %s\nhash-max-ziplist-entries 100\nSLAVE-READ-ONLY no\n"
             "loglevel WARNING\nsave 900 1\nsave 300 10\nnotify-keyspace-events KEA\n"
             "client-output-buffer-limit pubsub 1mb 2kb 3\nlist-max-ziplist-entries 5\n"
             "bind 127.0.0.1 ::1\nunixsocketperm 700\nmaxmemory-clients 5%%\nhz 1000\n",
             inc);
    char *err = NULL;
    assert_int_equal(config_load_string(text, &err), 0);
    assert_null(err);
    assert_int_equal(server.port, 7000);
    assert_int_equal(server.timeout, 42);
    assert_int_equal(server.maxmemory, 2LL << 30); /* the include came later */
    assert_int_equal(server.proto_max_bulk_len, 1 << 20);
    assert_int_equal(server.client_query_buffer_limit, 2 << 20);
    assert_string_equal(server.dbfilename, "my db.rdb");
    assert_string_equal(server.requirepass, "se'cret");
    assert_int_equal(server.hash_max_listpack_entries, 100);
    assert_value("replica-read-only", "no");
    assert_int_equal(server.verbosity, LL_WARNING);
    assert_value("save", "900 1 300 10");
    assert_value("notify-keyspace-events", "AKE");
    assert_true(server.notify_keyspace_events & NOTIFY_KEYSPACE);
    assert_value("client-output-buffer-limit",
                 "normal 0 0 0 slave 268435456 67108864 60 pubsub 1048576 2048 3");
    assert_int_equal(server.bind_count, 2);
    assert_string_equal(server.bind[1], "::1");
    assert_int_equal(server.unixsocketperm, 0700);
    assert_value("unixsocketperm", "700");
    assert_value("maxmemory-clients", "5%");
    assert_int_equal(server.maxmemory_clients, -5);
    assert_int_equal(server.hz, 500); /* capped */
    assert_int_equal(config_load_string("maxmemory 1K\n", &err), 0);
    assert_int_equal(server.maxmemory, 1000);
    assert_int_equal(config_load_string("maxmemory 3kb", &err), 0);
    assert_int_equal(server.maxmemory, 3072);
    assert_int_equal(config_load_string("maxmemory 5m\nmaxmemory-clients 7g", &err), 0);
    assert_int_equal(server.maxmemory, 5000000);
    assert_int_equal(server.maxmemory_clients, 7000000000LL);
}

static void expect_load_error(const char *text, const char *msg)
{
    char *err = NULL;
    assert_int_equal(config_load_string(text, &err), -1);
    assert_non_null(err);
    assert_string_equal(err, msg);
    mem_free(err);
}

#define FATAL "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\n"

static void test_load_errors(void **state)
{
    (void)state;
    expect_load_error("port 23003\nfoo bar\n",
                      FATAL "Reading the configuration file, at line 2\n"
                            ">>> 'foo bar'\nBad directive or wrong number of "
                            "arguments\n");
    expect_load_error("\n\n  port \"abc\"  \n",
                      FATAL "Reading the configuration file, at line 3\n"
                            ">>> 'port \"abc\"'\nargument couldn't be parsed "
                            "into an integer\n");
    expect_load_error("maxmemory 10zb", FATAL "Reading the configuration file, at line 1\n"
                                              ">>> 'maxmemory 10zb'\nargument must be a memory "
                                              "value\n");
    expect_load_error("loglevel foo", FATAL "Reading the configuration file, at line 1\n"
                                            ">>> 'loglevel foo'\nargument(s) must be one of the "
                                            "following: debug, verbose, notice, warning\n");
    expect_load_error("port 1 2", FATAL "Reading the configuration file, at line 1\n"
                                        ">>> 'port 1 2'\nwrong number of arguments\n");
    expect_load_error("port 70000", FATAL "Reading the configuration file, at line 1\n"
                                          ">>> 'port 70000'\nargument must be between 0 and 65535 "
                                          "inclusive\n");
    expect_load_error("dbfilename \"abc", FATAL "Reading the configuration file, at line 1\n"
                                                ">>> 'dbfilename \"abc'\nUnbalanced quotes in "
                                                "configuration line\n");
    expect_load_error("appendonly maybe", FATAL "Reading the configuration file, at line 1\n"
                                                ">>> 'appendonly maybe'\nargument must be 'yes' or "
                                                "'no'\n");
    expect_load_error("unixsocketperm 1777", FATAL "Reading the configuration file, at line 1\n"
                                                   ">>> 'unixsocketperm 1777'\nargument must be "
                                                   "between 0 and 777 inclusive\n");
    expect_load_error("maxmemory-clients 200%", FATAL "Reading the configuration file, at line 1\n"
                                                      ">>> 'maxmemory-clients 200%'\npercentage "
                                                      "argument must be less or equal to 100\n");
    expect_load_error("save 1", FATAL "Reading the configuration file, at line 1\n"
                                      ">>> 'save 1'\nInvalid save parameters\n");
    expect_load_error("notify-keyspace-events Q",
                      FATAL "Reading the configuration file, at line 1\n"
                            ">>> 'notify-keyspace-events Q'\nInvalid event class character. "
                            "Use 'Ag$lshzxeKEtmdn'.\n");
    /* An error inside an include reports the included file's line. */
    const char *inc = write_file("bad_inc.conf", "hz 5\n\nfoo\n");
    char text[512];
    snprintf(text, sizeof text, "port 1\ninclude %s\n", inc);
    expect_load_error(text, FATAL "Reading the configuration file, at line 3\n>>> 'foo'\n"
                                  "Bad directive or wrong number of arguments\n");
    snprintf(text, sizeof text, "include %s/missing.conf\n", tmpdir);
    char expect[512];
    snprintf(expect, sizeof expect,
             "Fatal error, can't open config file '%s/missing.conf': No such file or directory",
             tmpdir);
    expect_load_error(text, expect);
}

static void test_argv_options(void **state)
{
    (void)state;
    int in;
    char *a1[] = {"--port", "7", "--save", "--appendonly", "yes", "--dbfilename", "a b"};
    char *t = config_options_from_argv(7, a1, &in);
    assert_string_equal(t, "port \"7\" \nsave \"\"\nappendonly \"yes\" \ndbfilename \"a b\" ");
    assert_int_equal(in, 0);
    mem_free(t);
    char *a2[] = {"--port", "--5"}; /* a value may start with "--" right after a name */
    t = config_options_from_argv(2, a2, &in);
    assert_string_equal(t, "port \"--5\" ");
    mem_free(t);
    char *a3[] = {"-", "--save", "60", "1", "--save"};
    t = config_options_from_argv(5, a3, &in);
    assert_string_equal(t, "save \"60\" \"1\" \nsave \"\"");
    assert_int_equal(in, 1);
    mem_free(t);

    char *a4[] = {"--port", "7001", "--save", "60", "1", "--hz", "20"};
    assert_int_equal(config_load(NULL, 7, a4), 0);
    assert_int_equal(server.port, 7001);
    assert_int_equal(server.hz, 20);
    assert_value("save", "60 1");

    const char *path = write_file("opt.conf", "port 1\nhz 3\n");
    char *a5[] = {"--hz", "4"};
    assert_int_equal(config_load(path, 2, a5), 0);
    assert_int_equal(server.hz, 4); /* options come after the file */
    assert_non_null(server.configfile);
    assert_string_equal(server.configfile, path);

    char *a6[] = {"tern-server", (char *)path, "--maxmemory", "10zb"};
    fflush(stderr);
    assert_int_equal(config_load_main(4, a6), -1);
}

static void expect_set_error(const char *name, const char *value, const char *msg)
{
    char *err = NULL;
    assert_int_equal(config_set_one(name, value, &err), -1);
    assert_non_null(err);
    assert_string_equal(err, msg);
    mem_free(err);
}

#define SETFAIL(n) "ERR CONFIG SET failed (possibly related to argument '" n "') - "

static void test_set_validation(void **state)
{
    (void)state;
    char *err = NULL;
    expect_set_error("foo", "bar",
                     "ERR Unknown option or number of arguments for CONFIG SET - 'foo'");
    expect_set_error("maxmemory", "10zb", SETFAIL("maxmemory") "argument must be a memory value");
    expect_set_error("maxmemory", "-1", SETFAIL("maxmemory") "argument must be a memory value");
    expect_set_error("maxmemory", "1.5mb", SETFAIL("maxmemory") "argument must be a memory value");
    expect_set_error("MAXMEMORY", "x", SETFAIL("maxmemory") "argument must be a memory value");
    expect_set_error("port", "abc", SETFAIL("port") "argument couldn't be parsed into an integer");
    expect_set_error("timeout", "+1",
                     SETFAIL("timeout") "argument couldn't be parsed into an integer");
    expect_set_error("timeout", "01",
                     SETFAIL("timeout") "argument couldn't be parsed into an integer");
    expect_set_error("timeout", "-1",
                     SETFAIL("timeout") "argument must be between 0 and 2147483647 inclusive");
    expect_set_error("slowlog-log-slower-than", "-2",
                     SETFAIL("slowlog-log-slower-than") "argument must be between -1 and "
                                                        "9223372036854775807 inclusive");
    expect_set_error("maxclients", "0",
                     SETFAIL("maxclients") "argument must be between 1 and 4294967295 inclusive");
    expect_set_error("hash-max-ziplist-entries", "-1",
                     SETFAIL("hash-max-ziplist-entries") "argument must be between 0 and "
                                                         "9223372036854775807 inclusive");
    expect_set_error("proto-max-bulk-len", "10",
                     SETFAIL("proto-max-bulk-len") "argument must be between 1048576 and "
                                                   "9223372036854775807 inclusive");
    expect_set_error("appendonly", "maybe", SETFAIL("appendonly") "argument must be 'yes' or 'no'");
    expect_set_error("appendfsync", "foo",
                     SETFAIL("appendfsync") "argument(s) must be one of the following: everysec, "
                                            "always, no");
    expect_set_error("maxmemory-clients", "abc",
                     SETFAIL("maxmemory-clients") "argument must be a memory or percent value");
    expect_set_error("save", "100", SETFAIL("save") "Invalid save parameters");
    expect_set_error("save", "0 10", SETFAIL("save") "Invalid save parameters");
    expect_set_error("client-output-buffer-limit", "normal 1mb 0",
                     SETFAIL("client-output-buffer-limit") "Wrong number of arguments in buffer "
                                                           "limit configuration.");
    expect_set_error("client-output-buffer-limit", "master 1 1 1",
                     SETFAIL("client-output-buffer-limit") "Invalid client class specified in "
                                                           "buffer limit configuration.");
    expect_set_error("client-output-buffer-limit", "normal 1 1 -1",
                     SETFAIL("client-output-buffer-limit") "Error in hard, soft or soft_seconds "
                                                           "setting in buffer limit "
                                                           "configuration.");
    expect_set_error("latency-tracking-info-percentiles", "50 abc",
                     SETFAIL("latency-tracking-info-percentiles") "Invalid "
                                                                  "latency-tracking-info-"
                                                                  "percentiles parameters");
    expect_set_error("oom-score-adj-values", "1 2",
                     SETFAIL("oom-score-adj-values") "wrong number of arguments");
    expect_set_error("databases", "5", SETFAIL("databases") "can't set immutable config");
    expect_set_error("daemonize", "no", SETFAIL("daemonize") "can't set immutable config");
    expect_set_error("enable-debug-command", "yes",
                     SETFAIL("enable-debug-command") "can't set immutable config");
    expect_set_error("slaveof", "a 1", SETFAIL("slaveof") "can't set immutable config");

    /* successes, with units and normalised output */
    assert_int_equal(config_set_one("maxmemory", "1MB", &err), 0);
    assert_value("maxmemory", "1048576");
    assert_int_equal(config_set_one("maxmemory", "18446744073709551615", &err), 0);
    assert_value("maxmemory", "18446744073709551615");
    assert_int_equal(config_set_one("hz", "0", &err), 0);
    assert_value("hz", "1");
    assert_int_equal(config_set_one("notify-keyspace-events", "KEmn", &err), 0);
    assert_value("notify-keyspace-events", "nKEm");
    assert_int_equal(config_set_one("notify-keyspace-events", "Kx", &err), 0);
    assert_value("notify-keyspace-events", "xK");
    assert_int_equal(config_set_one("client-output-buffer-limit", "replica 1 2 3", &err), 0);
    assert_value("client-output-buffer-limit",
                 "normal 0 0 0 slave 1 2 3 pubsub 33554432 8388608 60");
    assert_int_equal(config_set_one("client-output-buffer-limit", "normal 1mb 0 0", &err), 0);
    assert_int_equal(server.cobl_normal_hard, 1 << 20);
    assert_int_equal(server.cobl_replica_secs, 3);
    assert_int_equal(config_set_one("save", "", &err), 0);
    assert_int_equal(server.save_params_len, 0);
    assert_int_equal(config_set_one("requirepass", "", &err), 0);
    assert_null(server.requirepass);
    assert_int_equal(config_set_one("lua-time-limit", "6000", &err), 0);
    assert_value("busy-reply-threshold", "6000");
    assert_int_equal(config_set_one("oom-score-adj", "relative", &err), 0);
    assert_value("oom-score-adj", "yes");
    assert_int_equal(config_set_one("dbfilename", "x.rdb", &err), 0); /* tests allow protected */
    expect_set_error("dbfilename", "a/b",
                     SETFAIL("dbfilename") "dbfilename can't be a path, just a filename");
}

static int hook_calls;
static int hook_fail;

static int test_hook(const char **err)
{
    hook_calls++;
    if (hook_fail) {
        *err = "Unable to listen on this port. Check server logs.";
        return 0;
    }
    return 1;
}

static void test_set_pairs(void **state)
{
    (void)state;
    char *err = NULL;
    const char *n1[] = {"maxmemory", "port", "timeout"};
    const char *v1[] = {"5mb", "abc", "7"};
    assert_int_equal(config_set_pairs(3, n1, v1, 1, &err), -1);
    assert_string_equal(err, SETFAIL("port") "argument couldn't be parsed into an integer");
    mem_free(err);
    assert_int_equal(server.maxmemory, 0); /* nothing changed */
    assert_int_equal(server.timeout, 0);

    const char *n2[] = {"maxmemory", "maxmemory"};
    const char *v2[] = {"1", "2"};
    assert_int_equal(config_set_pairs(2, n2, v2, 1, &err), -1);
    assert_string_equal(err, SETFAIL("maxmemory") "duplicate parameter");
    mem_free(err);

    /* an alias and its primary are different names, as in Redis */
    const char *n3[] = {"slave-read-only", "replica-read-only"};
    const char *v3[] = {"yes", "no"};
    assert_int_equal(config_set_pairs(2, n3, v3, 1, &err), 0);
    assert_value("replica-read-only", "no");

    const char *n4[] = {"dir", "hz"};
    const char *v4[] = {"/", "5"};
    assert_int_equal(config_set_pairs(2, n4, v4, 0, &err), -1);
    assert_string_equal(err, SETFAIL("dir") "can't set protected config");
    mem_free(err);

    const char *n5[] = {"hz", "nosuch", "databases"};
    const char *v5[] = {"5", "1", "1"};
    assert_int_equal(config_set_pairs(3, n5, v5, 1, &err), -1);
    assert_string_equal(err, "ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'");
    mem_free(err);
    assert_int_equal(server.hz, 10);

    /* apply hooks: one call per distinct hook; a failure restores all */
    assert_int_equal(config_set_apply_hook("port", test_hook), 0);
    assert_int_equal(config_set_apply_hook("bind", test_hook), 0);
    assert_int_equal(config_set_apply_hook("nosuch", test_hook), -1);
    const char *n6[] = {"port", "bind", "timeout"};
    const char *v6[] = {"7000", "127.0.0.1", "9"};
    hook_calls = 0;
    assert_int_equal(config_set_pairs(3, n6, v6, 1, &err), 0);
    assert_int_equal(hook_calls, 1);
    assert_int_equal(server.port, 7000);
    const char *v7[] = {"7001", "0.0.0.0", "11"};
    hook_calls = 0;
    hook_fail = 1;
    assert_int_equal(config_set_pairs(3, n6, v7, 1, &err), -1);
    hook_fail = 0;
    assert_string_equal(err, SETFAIL("port") "Unable to listen on this port. Check server logs.");
    mem_free(err);
    assert_int_equal(hook_calls, 2); /* the failed apply, then the re-apply after restore */
    assert_int_equal(server.port, 7000);
    assert_value("bind", "127.0.0.1");
    assert_int_equal(server.timeout, 9);
    /* setting the same value is not a change: no apply */
    hook_calls = 0;
    assert_int_equal(config_set_one("port", "7000", &err), 0);
    assert_int_equal(hook_calls, 0);
    config_set_apply_hook("port", NULL);
    config_set_apply_hook("bind", NULL);
}

static void snapshot_name(const char *name, void *arg)
{
    char ***out = arg;
    char *v = config_get_value(name);
    char *line = mem_alloc(strlen(name) + strlen(v) + 2);
    sprintf(line, "%s=%s", name, v);
    mem_free(v);
    *(*out)++ = line;
}

/* Every name=value pair, in table order; caller frees. */
static char **snapshot(int *n)
{
    int count = 0;
    config_foreach_name(count_name, &count);
    char **all = mem_calloc((size_t)count, sizeof(char *)), **p = all;
    config_foreach_name(snapshot_name, &p);
    *n = count;
    return all;
}

static void test_rewrite(void **state)
{
    (void)state;
    const char *path = write_file("rw.conf", "# Top comment\n"
                                             "port 7000\n"
                                             "\n"
                                             "# Memory\n"
                                             "maxmemory 100mb\n"
                                             "slave-read-only no\n"
                                             "save 900 1\n"
                                             "save 300 10\n"
                                             "timeout 5\n"
                                             "masterauth old\n"
                                             "include /dev/null\n");
    char *a[] = {NULL};
    assert_int_equal(config_load(path, 0, a), 0);
    char *err = NULL;
    assert_int_equal(config_set_one("maxmemory", "2gb", &err), 0);
    assert_int_equal(config_set_one("timeout", "0", &err), 0);   /* default, but line reused */
    assert_int_equal(config_set_one("masterauth", "", &err), 0); /* NULL: its line goes */
    assert_int_equal(config_set_one("save", "60 5", &err), 0);
    assert_int_equal(config_set_one("requirepass", "pa ss\n", &err), 0);
    assert_int_equal(config_set_one("hash-max-ziplist-entries", "77", &err), 0);
    assert_int_equal(config_set_one("client-output-buffer-limit", "pubsub 1mb 1kb 9", &err), 0);
    assert_int_equal(config_rewrite(), 0);

    const char *text = read_all(path);
    assert_non_null(strstr(text, "# Top comment\nport 7000\n\n# Memory\nmaxmemory 2gb\n"));
    assert_non_null(strstr(text, "replica-read-only no\n"));
    assert_non_null(strstr(text, "save 60 5\n"));
    assert_null(strstr(text, "save 300 10"));
    assert_non_null(strstr(text, "\ntimeout 0\n"));
    assert_null(strstr(text, "masterauth"));
    assert_non_null(strstr(text, "include /dev/null\n"));
    assert_non_null(strstr(text, "# Generated by CONFIG REWRITE\n"));
    assert_non_null(strstr(text, "requirepass \"pa ss\\n\"\n"));
    assert_non_null(strstr(text, "hash-max-listpack-entries 77\n"));
    assert_non_null(strstr(text, "client-output-buffer-limit pubsub 1mb 1kb 9\n"));
    assert_null(strstr(text, "client-output-buffer-limit normal")); /* default class omitted */
    assert_null(strstr(text, "\n\n\n"));

    /* restart with the rewritten file: same configuration */
    int n1, n2;
    char **before = snapshot(&n1);
    config_init_defaults();
    assert_int_equal(config_load(path, 0, a), 0);
    char **after = snapshot(&n2);
    assert_int_equal(n1, n2);
    for (int i = 0; i < n1; i++) {
        assert_string_equal(before[i], after[i]);
        mem_free(before[i]);
        mem_free(after[i]);
    }
    mem_free(before);
    mem_free(after);

    /* a second rewrite changes nothing */
    char first[65536];
    strcpy(first, read_all(path));
    assert_int_equal(config_rewrite(), 0);
    assert_string_equal(read_all(path), first);

    /* no config file */
    mem_free(server.configfile);
    server.configfile = NULL;
    assert_int_equal(config_rewrite(), -1);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/tern-test-config-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    if (!getcwd(cwd0, sizeof cwd0))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_args, setup, teardown),
        cmocka_unit_test_setup_teardown(test_repr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_argv_options, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_validation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_pairs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rewrite, setup, teardown),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
