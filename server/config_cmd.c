/* config_cmd: the CONFIG command family (GET, SET, RESETSTAT, REWRITE, HELP)
 * on top of the parameter table. This is the only config file that knows
 * clients and replies; the arity checks are the dispatcher's.
 */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "client.h"
#include "cmd_procs.h"
#include "config_int.h"
#include "glob.h"
#include "mem.h"
#include "reply.h"
#include "server.h"

/* One CONFIG GET result: the name as it will be shown and its row. */
struct match {
    char *key;
    const struct cfg *c;
};

struct matches {
    struct match *v;
    int n, cap;
};

/* Add unless a name equal ignoring case is already there (Redis keys the
 * result on the name, case-insensitively, keeping the first spelling). */
static void add_match(struct matches *m, const char *key, size_t len, const struct cfg *c)
{
    for (int i = 0; i < m->n; i++)
        if (strlen(m->v[i].key) == len && strncasecmp(m->v[i].key, key, len) == 0)
            return;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 32;
        m->v = mem_realloc(m->v, sizeof *m->v * (size_t)m->cap);
    }
    m->v[m->n].key = mem_strndup(key, len);
    m->v[m->n++].c = c;
}

struct glob_ctx {
    struct matches *m;
    const char *pat;
    size_t plen;
};

static void glob_one(const char *name, void *arg)
{
    struct glob_ctx *g = arg;
    if (glob_match(g->pat, g->plen, name, strlen(name), 1))
        add_match(g->m, name, strlen(name), cfg_lookup(name, NULL));
}

/* CONFIG GET pattern [pattern ...]: a map of every parameter name matched,
 * each once. Patterns without glob characters are exact lookups (hidden
 * parameters included) shown as typed. O(patterns * table). */
void cmd_config_get(struct client *c)
{
    struct matches m = {NULL, 0, 0};
    for (int i = 2; i < c->argc; i++) {
        const char *p = c->argv[i].ptr;
        size_t len = c->argv[i].len;
        if (!memchr(p, '*', len) && !memchr(p, '?', len) && !memchr(p, '[', len)) {
            char *name = mem_strndup(p, len);
            const struct cfg *cf = cfg_lookup(name, NULL);
            if (cf && strlen(name) == len)
                add_match(&m, p, len, cf);
            mem_free(name);
            continue;
        }
        struct glob_ctx g = {&m, p, len};
        config_foreach_name(glob_one, &g);
    }
    reply_map(c, m.n);
    for (int i = 0; i < m.n; i++) {
        reply_bulk_cstr(c, m.v[i].key);
        char *v = cfg_get(m.v[i].c);
        reply_bulk_cstr(c, v);
        mem_free(v);
        mem_free(m.v[i].key);
    }
    mem_free(m.v);
}

/* Whether the caller is on this host (unix socket or loopback), for
 * enable-protected-configs local. */
static int is_local(const struct client *c)
{
    if (c->flags & CLIENT_UNIX)
        return 1;
    return strncmp(c->addr, "127.", 4) == 0 || strncmp(c->addr, "::1:", 4) == 0 ||
           strncmp(c->addr, "[::1]", 5) == 0;
}

/* CONFIG SET name value [name value ...], all or nothing. */
void cmd_config_set(struct client *c)
{
    if (c->argc & 1) {
        reply_error_syntax(c);
        return;
    }
    int n = (c->argc - 2) / 2;
    char **names = mem_alloc(sizeof(char *) * (size_t)n);
    char **values = mem_alloc(sizeof(char *) * (size_t)n);
    for (int i = 0; i < n; i++) {
        names[i] = mem_strndup(c->argv[2 + 2 * i].ptr, c->argv[2 + 2 * i].len);
        values[i] = mem_strndup(c->argv[3 + 2 * i].ptr, c->argv[3 + 2 * i].len);
    }
    char *err = NULL;
    if (config_set_pairs(n, (const char *const *)names, (const char *const *)values, is_local(c),
                         &err) == 0) {
        reply_ok(c);
    } else {
        reply_error(c, err);
        mem_free(err);
    }
    for (int i = 0; i < n; i++) {
        mem_free(names[i]);
        mem_free(values[i]);
    }
    mem_free(names);
    mem_free(values);
}

/* CONFIG RESETSTAT: the server owns its counters (and knows the other
 * modules' ones: commandstats, errorstats), so it clears them through the
 * hook it registers. */
void cmd_config_resetstat(struct client *c)
{
    if (config_resetstat_hook)
        config_resetstat_hook();
    reply_ok(c);
}

/* CONFIG REWRITE */
void cmd_config_rewrite(struct client *c)
{
    if (!server.configfile) {
        reply_error(c, "ERR The server is running without a config file");
        return;
    }
    if (config_rewrite() < 0) {
        int e = errno;
        server_log(LL_WARNING, "CONFIG REWRITE failed: %s", strerror(e));
        reply_errorf(c, "ERR Rewriting config file: %s", strerror(e));
        return;
    }
    server_log(LL_NOTICE, "CONFIG REWRITE executed with success.");
    reply_ok(c);
}

void cmd_config_help(struct client *c)
{
    static const char *const help[] = {
        "GET <pattern>",
        "    Show every parameter whose name matches the glob-style <pattern>, with its value.",
        "SET <directive> <value>",
        "    Change <directive> to <value> at runtime.",
        "RESETSTAT",
        "    Zero the statistics that INFO reports.",
        "REWRITE",
        "    Save the running configuration into the configuration file.",
        NULL};
    reply_help(c, help);
}
