/* aof_manifest: the AOF manifest (see aof_int.h for the layout): parsing,
 * formatting, naming new files and replacing the file atomically.
 *
 * Must not know: commands, clients, the keyspace.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "aof_int.h"
#include "config.h"
#include "mem.h"
#include "server.h"
#include "util.h"

struct aof_manifest *aofm_new(void)
{
    return mem_calloc(1, sizeof(struct aof_manifest));
}

static void free_file(struct aof_file *f)
{
    if (f)
        mem_free(f->name);
}

void aofm_free(struct aof_manifest *m)
{
    if (!m)
        return;
    if (m->base) {
        free_file(m->base);
        mem_free(m->base);
    }
    for (int i = 0; i < m->nincr; i++)
        free_file(&m->incr[i]);
    for (int i = 0; i < m->nhist; i++)
        free_file(&m->hist[i]);
    mem_free(m->incr);
    mem_free(m->hist);
    mem_free(m);
}

static void push(struct aof_file **arr, int *n, const char *name, long long seq, int type)
{
    *arr = mem_realloc(*arr, (size_t)(*n + 1) * sizeof(**arr));
    (*arr)[*n] = (struct aof_file){mem_strdup(name), seq, type};
    (*n)++;
}

struct aof_manifest *aofm_dup(const struct aof_manifest *m)
{
    struct aof_manifest *d = aofm_new();
    if (m->base) {
        d->base = mem_alloc(sizeof(*d->base));
        *d->base = (struct aof_file){mem_strdup(m->base->name), m->base->seq, AOF_FILE_BASE};
    }
    for (int i = 0; i < m->nincr; i++)
        push(&d->incr, &d->nincr, m->incr[i].name, m->incr[i].seq, AOF_FILE_INCR);
    for (int i = 0; i < m->nhist; i++)
        push(&d->hist, &d->nhist, m->hist[i].name, m->hist[i].seq, AOF_FILE_HIST);
    d->base_seq = m->base_seq;
    d->incr_seq = m->incr_seq;
    return d;
}

/* One parsed line: argv pairs "file X seq N type T". Returns 0 or -1. */
static int parse_line(struct aof_manifest *m, char **argv, int argc, char *err, size_t errlen)
{
    const char *name = NULL, *type = NULL;
    long long seq = -1;
    if (argc % 2) {
        snprintf(err, errlen, "Invalid AOF manifest file format");
        return -1;
    }
    for (int i = 0; i < argc; i += 2) {
        if (!strcmp(argv[i], "file"))
            name = argv[i + 1];
        else if (!strcmp(argv[i], "seq")) {
            if (!util_str2ll(argv[i + 1], strlen(argv[i + 1]), &seq) || seq < 1)
                seq = -1;
        } else if (!strcmp(argv[i], "type"))
            type = argv[i + 1];
    }
    if (!name || seq < 0 || !type || strlen(type) != 1 || strchr(name, '/')) {
        snprintf(err, errlen, "Invalid AOF manifest file format");
        return -1;
    }
    switch (type[0]) {
    case AOF_FILE_BASE:
        if (m->base) {
            snprintf(err, errlen, "Found duplicate base file information");
            return -1;
        }
        m->base = mem_alloc(sizeof(*m->base));
        *m->base = (struct aof_file){mem_strdup(name), seq, AOF_FILE_BASE};
        m->base_seq = seq;
        return 0;
    case AOF_FILE_INCR:
        if (seq <= m->incr_seq) {
            snprintf(err, errlen, "Found a non-monotonic sequence number");
            return -1;
        }
        push(&m->incr, &m->nincr, name, seq, AOF_FILE_INCR);
        m->incr_seq = seq;
        return 0;
    case AOF_FILE_HIST:
        push(&m->hist, &m->nhist, name, seq, AOF_FILE_HIST);
        return 0;
    }
    snprintf(err, errlen, "Unknown AOF file type");
    return -1;
}

struct aof_manifest *aofm_parse(const char *text, size_t len, char *err, size_t errlen)
{
    struct aof_manifest *m = aofm_new();
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        char *line = mem_strndup(text + pos, end - pos);
        pos = end + 1;
        size_t ll = strlen(line);
        while (ll && (line[ll - 1] == '\r' || line[ll - 1] == ' '))
            line[--ll] = '\0';
        if (ll == 0 || line[0] == '#') {
            mem_free(line);
            continue;
        }
        char **argv;
        int argc = config_split_args(line, &argv);
        mem_free(line);
        if (argc < 0) {
            snprintf(err, errlen, "Invalid AOF manifest file format");
            aofm_free(m);
            return NULL;
        }
        int r = parse_line(m, argv, argc, err, errlen);
        config_free_args(argv, argc);
        if (r == -1) {
            aofm_free(m);
            return NULL;
        }
    }
    if (!m->base && m->nincr == 0) {
        snprintf(err, errlen, "Found an empty AOF manifest");
        aofm_free(m);
        return NULL;
    }
    return m;
}

/* Redis quotes a name that holds spaces, quotes or control bytes. */
static int needs_repr(const char *s)
{
    for (; *s; s++)
        if (*s <= ' ' || *s == '"' || *s == '\'' || *s == '\\' || (unsigned char)*s >= 127)
            return 1;
    return 0;
}

static void append_line(char **out, size_t *len, const struct aof_file *f)
{
    char *name = needs_repr(f->name) ? config_repr(f->name, strlen(f->name)) : NULL;
    char line[1200];
    int n = snprintf(line, sizeof(line), "file %s seq %lld type %c\n", name ? name : f->name,
                     f->seq, f->type);
    mem_free(name);
    if (n < 0 || (size_t)n >= sizeof(line))
        return; /* names are limited by the config checks; never this long */
    *out = mem_realloc(*out, *len + (size_t)n + 1);
    memcpy(*out + *len, line, (size_t)n + 1);
    *len += (size_t)n;
}

char *aofm_format(const struct aof_manifest *m, size_t *len)
{
    char *out = mem_strdup("");
    *len = 0;
    if (m->base)
        append_line(&out, len, m->base);
    for (int i = 0; i < m->nhist; i++)
        append_line(&out, len, &m->hist[i]);
    for (int i = 0; i < m->nincr; i++)
        append_line(&out, len, &m->incr[i]);
    return out;
}

const char *aofm_new_base(struct aof_manifest *m, int rdb)
{
    char name[1100];
    snprintf(name, sizeof(name), "%s.%lld.base.%s", server.appendfilename, ++m->base_seq,
             rdb ? "rdb" : "aof");
    if (m->base) {
        /* The old base becomes history; the caller persists the manifest. */
        m->base->type = AOF_FILE_HIST;
        push(&m->hist, &m->nhist, m->base->name, m->base->seq, AOF_FILE_HIST);
        free_file(m->base);
    } else {
        m->base = mem_alloc(sizeof(*m->base));
    }
    *m->base = (struct aof_file){mem_strdup(name), m->base_seq, AOF_FILE_BASE};
    return m->base->name;
}

const char *aofm_new_incr(struct aof_manifest *m)
{
    char name[1100];
    snprintf(name, sizeof(name), "%s.%lld.incr.aof", server.appendfilename, ++m->incr_seq);
    push(&m->incr, &m->nincr, name, m->incr_seq, AOF_FILE_INCR);
    return m->incr[m->nincr - 1].name;
}

void aofm_to_history(struct aof_manifest *m, int keep_last_incr)
{
    int move = m->nincr - keep_last_incr;
    if (move <= 0)
        return;
    for (int i = 0; i < move; i++) {
        push(&m->hist, &m->nhist, m->incr[i].name, m->incr[i].seq, AOF_FILE_HIST);
        free_file(&m->incr[i]);
    }
    memmove(m->incr, m->incr + move, (size_t)keep_last_incr * sizeof(*m->incr));
    m->nincr = keep_last_incr;
}

const char *aof_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", server.appenddirname, name);
    return buf;
}

const char *aof_manifest_name(char *buf, size_t cap)
{
    snprintf(buf, cap, "%s.manifest", server.appendfilename);
    return buf;
}

void aof_fsync_dir(void)
{
    int fd = open(server.appenddirname, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd == -1)
        return;
    if (fsync(fd) == -1 && errno != EINVAL)
        server_log(LL_WARNING, "Fail to fsync AOF directory %s: %s", server.appenddirname,
                   strerror(errno));
    close(fd);
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int aofm_persist(const struct aof_manifest *m)
{
    char name[1100], tmpname[1200], path[1400], tmppath[1400];
    aof_manifest_name(name, sizeof(name));
    snprintf(tmpname, sizeof(tmpname), "temp-%s", name);
    aof_path(path, sizeof(path), name);
    aof_path(tmppath, sizeof(tmppath), tmpname);
    size_t len;
    char *text = aofm_format(m, &len);
    int fd = open(tmppath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int r = -1, saved = 0;
    if (fd != -1) {
        if (write_all(fd, text, len) == 0 && fsync(fd) == 0)
            r = 0;
        saved = errno;
        close(fd);
    } else {
        saved = errno;
    }
    mem_free(text);
    if (r == 0 && rename(tmppath, path) == -1) {
        saved = errno;
        r = -1;
    }
    if (r == -1) {
        unlink(tmppath);
        errno = saved;
        return -1;
    }
    aof_fsync_dir();
    return 0;
}
