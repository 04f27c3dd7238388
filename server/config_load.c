/* config_load: reading configuration the way redis-server does: the file's
 * text, then stdin's (for "-"), then a newline and the command-line options
 * turned into lines ("--port 7000 --save 60 1" becomes "port \"7000\"\n
 * save \"60\" \"1\""), all parsed by one function so errors carry a line
 * number. Also the quoting rules (config_split_args) and their inverse
 * (config_repr), which CONFIG REWRITE uses too.
 *
 * Must not know: clients, replies, the keyspace.
 */
#include <ctype.h>
#include <errno.h>
#include <dirent.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_int.h"
#include "mem.h"
#include "server.h"

/* A growable byte string, local to this file. */
struct buf {
    char *p;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = mem_realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Split one line: whitespace separates arguments; "double quotes" take
 * \n \r \t \b \a \\ \" and \xHH escapes; 'single quotes' take \' only; a
 * closing quote must be followed by whitespace or the end; a quote inside a
 * bare word opens a quoted part of the same argument. O(len). */
int config_split_args(const char *line, char ***out)
{
    const char *p = line;
    int argc = 0, cap = 8;
    char **argv = mem_alloc(sizeof(char *) * (size_t)cap);
    for (;;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        struct buf cur = {NULL, 0, 0};
        buf_add(&cur, "", 0);
        int inq = 0, insq = 0, done = 0;
        while (!done) {
            if (inq) {
                if (p[0] == '\\' && p[1] == 'x' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0) {
                    char ch = (char)(hexval(p[2]) * 16 + hexval(p[3]));
                    buf_add(&cur, &ch, 1);
                    p += 3;
                } else if (p[0] == '\\' && p[1]) {
                    char ch = p[1];
                    switch (ch) {
                    case 'n':
                        ch = '\n';
                        break;
                    case 'r':
                        ch = '\r';
                        break;
                    case 't':
                        ch = '\t';
                        break;
                    case 'b':
                        ch = '\b';
                        break;
                    case 'a':
                        ch = '\a';
                        break;
                    default:
                        break;
                    }
                    buf_add(&cur, &ch, 1);
                    p++;
                } else if (*p == '"') {
                    if (p[1] && !isspace((unsigned char)p[1]))
                        goto err;
                    done = 1;
                } else if (!*p) {
                    goto err;
                } else {
                    buf_add(&cur, p, 1);
                }
            } else if (insq) {
                if (p[0] == '\\' && p[1] == '\'') {
                    buf_add(&cur, "'", 1);
                    p++;
                } else if (*p == '\'') {
                    if (p[1] && !isspace((unsigned char)p[1]))
                        goto err;
                    done = 1;
                } else if (!*p) {
                    goto err;
                } else {
                    buf_add(&cur, p, 1);
                }
            } else {
                switch (*p) {
                case ' ':
                case '\n':
                case '\r':
                case '\t':
                case '\0':
                    done = 1;
                    break;
                case '"':
                    inq = 1;
                    break;
                case '\'':
                    insq = 1;
                    break;
                default:
                    buf_add(&cur, p, 1);
                    break;
                }
            }
            if (*p)
                p++;
            continue;
        err:
            mem_free(cur.p);
            config_free_args(argv, argc);
            *out = NULL;
            return -1;
        }
        if (argc == cap)
            argv = mem_realloc(argv, sizeof(char *) * (size_t)(cap *= 2));
        argv[argc++] = cur.p;
    }
    *out = argv;
    return argc;
}

void config_free_args(char **argv, int argc)
{
    if (!argv)
        return;
    for (int i = 0; i < argc; i++)
        mem_free(argv[i]);
    mem_free(argv);
}

char *config_repr(const char *s, size_t len)
{
    struct buf b = {NULL, 0, 0};
    buf_add(&b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        char esc[8];
        switch (ch) {
        case '\\':
            buf_add(&b, "\\\\", 2);
            break;
        case '"':
            buf_add(&b, "\\\"", 2);
            break;
        case '\n':
            buf_add(&b, "\\n", 2);
            break;
        case '\r':
            buf_add(&b, "\\r", 2);
            break;
        case '\t':
            buf_add(&b, "\\t", 2);
            break;
        case '\a':
            buf_add(&b, "\\a", 2);
            break;
        case '\b':
            buf_add(&b, "\\b", 2);
            break;
        default:
            if (isprint(ch)) {
                buf_add(&b, (const char *)&ch, 1);
            } else {
                snprintf(esc, sizeof esc, "\\x%02x", ch);
                buf_adds(&b, esc);
            }
        }
    }
    buf_add(&b, "\"", 1);
    return b.p;
}

/* Append a whole stream to b. Returns 0, or -1 on a read error. */
static int read_stream(FILE *fp, struct buf *b)
{
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_add(b, chunk, n);
    return ferror(fp) ? -1 : 0;
}

static int read_one_file(const char *f, struct buf *b, char **errmsg)
{
    FILE *fp = fopen(f, "r");
    if (!fp || read_stream(fp, b) < 0) {
        *errmsg = cfg_fmt("Fatal error, can't open config file '%s': %s", f, strerror(errno));
        if (fp)
            fclose(fp);
        return -1;
    }
    fclose(fp);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a file into b; a wildcard (* ? [) in the last path component reads
 * every matching file in name order, and no match is fine, as Redis's use of
 * glob(3) does. (server/glob.h shadows <glob.h>, hence fnmatch: wildcards in
 * directory components are not supported.) Returns 0, or -1 and *errmsg. */
static int read_config_file(const char *path, struct buf *b, char **errmsg)
{
    if (!b->p)
        buf_add(b, "", 0);
    if (!strpbrk(path, "*?["))
        return read_one_file(path, b, errmsg);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? mem_strndup(path, (size_t)(slash - path) + 1) : mem_strdup("./");
    const char *pat = slash ? slash + 1 : path;
    DIR *d = opendir(dir);
    char **names = NULL;
    int n = 0, rc = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        if (fnmatch(pat, de->d_name, FNM_PERIOD) != 0)
            continue;
        names = mem_realloc(names, sizeof(char *) * (size_t)(n + 1));
        names[n++] = slash ? cfg_fmt("%s%s", dir, de->d_name) : mem_strdup(de->d_name);
    }
    if (d)
        closedir(d);
    if (n)
        qsort(names, (size_t)n, sizeof(char *), cmp_str);
    for (int i = 0; i < n; i++) {
        if (rc == 0 && read_one_file(names[i], b, errmsg) < 0)
            rc = -1;
        mem_free(names[i]);
    }
    mem_free(names);
    mem_free(dir);
    return rc;
}

static int load_text(const char *text, char **errmsg, int depth);

/* One directive that is not a table parameter. Returns 0, or -1 with *err
 * static, or -2 when *errmsg was already set by a nested include. */
static int other_directive(char **argv, int argc, const char **err, char **errmsg, int depth)
{
    if (!strcasecmp(argv[0], "list-max-ziplist-entries") ||
        !strcasecmp(argv[0], "list-max-ziplist-value") ||
        !strcasecmp(argv[0], "lua-replicate-commands")) {
        if (argc == 2)
            return 0; /* deprecated, ignored as Redis does */
    }
    if (!strcasecmp(argv[0], "include") && argc == 2) {
        if (depth > 64) {
            *err = "include nesting too deep";
            return -1;
        }
        struct buf b = {NULL, 0, 0};
        if (read_config_file(argv[1], &b, errmsg) < 0) {
            mem_free(b.p);
            return -2;
        }
        int r = load_text(b.p, errmsg, depth + 1);
        mem_free(b.p);
        return r < 0 ? -2 : 0;
    }
    if (!strcasecmp(argv[0], "rename-command") && argc == 3) {
        if (!config_rename_command_hook) {
            *err = "No such command in rename-command";
            return -1;
        }
        return config_rename_command_hook(argv[1], argv[2], err) < 0 ? -1 : 0;
    }
    if (!strcasecmp(argv[0], "user") && argc >= 2)
        return 0; /* no ACL users yet */
    if (!strcasecmp(argv[0], "loadmodule") && argc >= 2)
        return 0; /* no modules */
    if (!strcasecmp(argv[0], "sentinel")) {
        if (argc == 1)
            return 0;
        *err = "sentinel directive while not in sentinel mode";
        return -1;
    }
    *err = "Bad directive or wrong number of arguments";
    return -1;
}

/* Parse configuration text line by line. On error sets *errmsg to the full
 * fatal message (unless a nested include already did) and returns -1. */
static int load_text(const char *text, char **errmsg, int depth)
{
    const char *p = text;
    int linenum = 0;
    while (*p || linenum == 0) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        linenum++;
        /* trim " \t\r\n" both ends */
        const char *s = p, *e = p + n;
        while (s < e && strchr(" \t\r\n", *s))
            s++;
        while (e > s && strchr(" \t\r\n", e[-1]))
            e--;
        char *line = mem_strndup(s, (size_t)(e - s));
        p = nl ? nl + 1 : p + n;
        const char *err = NULL;
        char **argv = NULL;
        int argc = 0, r = 0;
        if (line[0] != '#' && line[0] != '\0') {
            argc = config_split_args(line, &argv);
            if (argc < 0) {
                err = "Unbalanced quotes in configuration line";
                r = -1;
            } else if (argc > 0) {
                for (char *q = argv[0]; *q; q++)
                    *q = (char)tolower((unsigned char)*q);
                struct cfg *c = cfg_lookup(argv[0], NULL);
                if (c) {
                    if (!(c->flags & CF_MULTI) && argc != 2) {
                        err = "wrong number of arguments";
                        r = -1;
                    } else if ((c->flags & CF_MULTI) && argc == 2 && argv[1][0]) {
                        /* One non-empty argument to a multi-argument
                         * parameter (--save "900 1", --client-output-buffer-limit
                         * "normal 1mb 0 0") is split again, as Redis does. */
                        char **sub;
                        int subc = config_split_args(argv[1], &sub);
                        if (subc < 0) {
                            err = "Unbalanced quotes in configuration line";
                            r = -1;
                        } else {
                            if (!cfg_set_args(c, sub, subc, &err))
                                r = -1;
                            config_free_args(sub, subc);
                        }
                    } else if (!cfg_set_args(c, argv + 1, argc - 1, &err)) {
                        r = -1;
                    }
                } else {
                    r = other_directive(argv, argc, &err, errmsg, depth);
                }
            }
        }
        config_free_args(argv, argc > 0 ? argc : 0);
        if (r == -1)
            *errmsg = cfg_fmt("\n*** FATAL CONFIG FILE ERROR (Redis %s) ***\n"
                              "Reading the configuration file, at line %d\n>>> '%s'\n%s\n",
                              TERN_REDIS_VERSION, linenum, line, err);
        mem_free(line);
        if (r < 0)
            return -1;
        if (!nl)
            break;
    }
    return 0;
}

int config_load_string(const char *text, char **errmsg)
{
    *errmsg = NULL;
    cfg_loading = 1;
    int r = load_text(text, errmsg, 0);
    cfg_loading = 0;
    if (r < 0)
        return -1;
    if (server.logfile && server.logfile[0]) {
        FILE *fp = fopen(server.logfile, "a");
        if (!fp) {
            *errmsg = cfg_fmt("\n*** FATAL CONFIG FILE ERROR (Redis %s) ***\n"
                              "Can't open the log file: %s\n",
                              TERN_REDIS_VERSION, strerror(errno));
            return -1;
        }
        fclose(fp);
    }
    return 0;
}

/* redis-server's rules: "--name" starts an option line unless the previous
 * option name got no value yet (then it is that value: "--port --5" gives
 * port "--5"); "--save" directly followed by another option or the end gets
 * an empty value; other words are values, appended quoted. */
static char *options_text(int argc, char **argv, int first_ok, int *from_stdin)
{
    struct buf b = {NULL, 0, 0};
    int have_value = 1;
    buf_add(&b, "", 0);
    *from_stdin = 0;
    for (int j = 0; j < argc; j++) {
        const char *a = argv[j];
        if (a[0] == '-' && a[1] == '\0' && ((j == 0 && first_ok) || j == argc - 1)) {
            *from_stdin = 1;
        } else if (have_value && a[0] == '-' && a[1] == '-') {
            if (b.len)
                buf_add(&b, "\n", 1);
            buf_adds(&b, a + 2);
            buf_add(&b, " ", 1);
            char **parts;
            int n = config_split_args(a, &parts);
            config_free_args(parts, n > 0 ? n : 0);
            if (n == 1) {
                have_value = 0;
                int next_is_opt = j != argc - 1 && argv[j + 1][0] == '-' && argv[j + 1][1] == '-';
                if (!strcasecmp(a, "--save") && (next_is_opt || j == argc - 1)) {
                    buf_adds(&b, "\"\"");
                    have_value = next_is_opt;
                }
            } else {
                have_value = 1; /* "--port 6380" in one argument */
            }
        } else {
            char *q = config_repr(a, strlen(a));
            buf_adds(&b, q);
            buf_add(&b, " ", 1);
            mem_free(q);
            have_value = 1;
        }
    }
    return b.p;
}

char *config_options_from_argv(int argc, char **argv, int *from_stdin)
{
    return options_text(argc, argv, 1, from_stdin);
}

int config_load(const char *path, int argc, char **argv)
{
    struct buf b = {NULL, 0, 0};
    char *errmsg = NULL;
    int from_stdin = 0;
    /* A lone "-" counts first only when no file name came before it. */
    char *opts = options_text(argc, argv, path == NULL, &from_stdin);
    buf_add(&b, "", 0);
    if (path && strcmp(path, "-") == 0) {
        from_stdin = 1;
        path = NULL;
    }
    if (path) {
        if (read_config_file(path, &b, &errmsg) < 0)
            goto fail;
        char *abs = realpath(path, NULL);
        mem_free(server.configfile);
        server.configfile = mem_strdup(abs ? abs : path);
        free(abs); /* realpath's buffer comes from libc's malloc */
    }
    if (from_stdin)
        read_stream(stdin, &b);
    if (opts[0]) {
        buf_add(&b, "\n", 1);
        buf_adds(&b, opts);
    }
    if (config_load_string(b.p, &errmsg) < 0)
        goto fail;
    mem_free(opts);
    mem_free(b.p);
    return 0;
fail:
    fprintf(stderr, "%s", errmsg);
    if (errmsg[strlen(errmsg) - 1] != '\n')
        fputc('\n', stderr);
    mem_free(errmsg);
    mem_free(opts);
    mem_free(b.p);
    return -1;
}

int config_load_main(int argc, char **argv)
{
    const char *path = NULL;
    int j = 1;
    if (argc >= 2 && argv[1][0] != '-') {
        path = argv[1];
        j = 2;
    }
    return config_load(path, argc - j, argv + j);
}
