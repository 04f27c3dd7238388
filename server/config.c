/* config: the generic side of the parameter table: lookup by name, the four
 * plain types (bool, numeric, enum, string) with Redis 7.0's parsing rules
 * and error texts, defaults, CONFIG SET's all-or-nothing logic, and the
 * values CONFIG GET / CONFIG REWRITE show.
 *
 * The rows themselves and the special parameters (save, bind, dir, ...) are
 * in config_table.c; reading files and argv is config_load.c; rewriting the
 * file is config_rewrite.c; the command handlers are config_cmd.c.
 *
 * Invariant: every row's ptr is non-NULL after config_init_defaults(); rows
 * without a struct server field get private storage here.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_int.h"
#include "mem.h"
#include "server.h"

void (*config_resetstat_hook)(void);
int (*config_rename_command_hook)(const char *from, const char *to, const char **err);
int cfg_loading;

/* Private storage for rows that have no struct server field. */
union cfg_slot {
    int i;
    long long ll;
    char *s;
};
static union cfg_slot *slots;

/* Formatted error texts returned through "const char **err" live here, as
 * Redis's do; valid until the next error. */
static char errbuf[512];

char *cfg_fmt(const char *fmt, ...)
{
    va_list ap;
    if (!fmt)
        fmt = ""; /* never true; silences GCC's -Wformat-truncation under UBSan */
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = mem_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

int cfg_str2ll(const char *s, size_t len, long long *out)
{
    if (len == 0 || len > 20)
        return 0;
    size_t i = 0;
    int neg = 0;
    if (s[0] == '-') {
        neg = 1;
        if (++i == len)
            return 0;
    }
    if (s[i] == '0' && len - i > 1)
        return 0; /* no leading zeros */
    if (neg && s[i] == '0')
        return 0; /* no "-0" */
    unsigned long long v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (CFG_ULLONG_MAX - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    if (neg) {
        if (v > (unsigned long long)CFG_LLONG_MAX + 1)
            return 0;
        *out = (long long)(0 - v);
    } else {
        if (v > (unsigned long long)CFG_LLONG_MAX)
            return 0;
        *out = (long long)v;
    }
    return 1;
}

/* Digits, then nothing or one of b k kb m mb g gb (any case). Like Redis,
 * strtoull saturates and the multiplication wraps: "99999999999gb" is
 * accepted. Returns 1 on success. */
int cfg_memtoull(const char *s, unsigned long long *out)
{
    const char *p = s;
    while (*p >= '0' && *p <= '9')
        p++;
    static const struct {
        const char *u;
        unsigned long long mul;
    } units[] = {{"", 1},        {"b", 1},        {"k", 1000},          {"kb", 1024},
                 {"m", 1000000}, {"mb", 1 << 20}, {"g", 1000000000ULL}, {"gb", 1ULL << 30}};
    unsigned long long mul = 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcasecmp(p, units[i].u) == 0)
            mul = units[i].mul;
    if (mul == 0)
        return 0;
    char digits[128];
    size_t n = (size_t)(p - s);
    if (n >= sizeof digits)
        n = sizeof digits - 1;
    memcpy(digits, s, n);
    digits[n] = '\0';
    *out = strtoull(digits, NULL, 10) * mul;
    return 1;
}

struct cfg *cfg_lookup(const char *name, int *is_alias)
{
    for (int i = 0; i < cfg_count; i++) {
        struct cfg *c = &cfg_table[i];
        if (strcasecmp(c->name, name) == 0) {
            if (is_alias)
                *is_alias = 0;
            return c;
        }
        if (c->alias && strcasecmp(c->alias, name) == 0) {
            if (is_alias)
                *is_alias = 1;
            return c;
        }
    }
    return NULL;
}

const char *cfg_regname(const struct cfg *c, int is_alias)
{
    return is_alias ? c->alias : c->name;
}

/* ---- numeric storage: int-sized or long long-sized fields ---- */

static long long num_load(const struct cfg *c)
{
    if (c->width == (int)sizeof(int))
        return (c->flags & CF_UNSIGNED) ? (long long)*(unsigned *)c->ptr : *(int *)c->ptr;
    return *(long long *)c->ptr;
}

static void num_store(const struct cfg *c, long long v)
{
    if (c->width == (int)sizeof(int))
        *(int *)c->ptr = (int)v;
    else
        *(long long *)c->ptr = v;
}

/* Parse a numeric parameter's value: memory units, "N%", octal or a plain
 * integer depending on the row's flags. Returns 1 or 0 with *err. */
static int num_parse(const struct cfg *c, const char *s, long long *out, const char **err)
{
    if (c->flags & CF_MEMORY) {
        unsigned long long u;
        if (cfg_memtoull(s, &u)) {
            *out = (long long)u;
            return 1;
        }
    }
    size_t len = strlen(s);
    if ((c->flags & CF_PERCENT) && len > 1 && s[len - 1] == '%' && cfg_str2ll(s, len - 1, out) &&
        *out >= 0) {
        *out = -*out;
        return 1;
    }
    if (c->flags & CF_OCTAL) {
        char *end;
        errno = 0;
        *out = strtoll(s, &end, 8);
        if (errno == 0 && *end == '\0')
            return 1;
    }
    if (!(c->flags & (CF_MEMORY | CF_PERCENT | CF_OCTAL)) && cfg_str2ll(s, len, out))
        return 1;
    if ((c->flags & CF_MEMORY) && (c->flags & CF_PERCENT))
        *err = "argument must be a memory or percent value";
    else if (c->flags & CF_MEMORY)
        *err = "argument must be a memory value";
    else if (c->flags & CF_OCTAL)
        *err = "argument couldn't be parsed as an octal number";
    else
        *err = "argument couldn't be parsed into an integer";
    return 0;
}

/* Range check with Redis's messages (unsigned rows compare as unsigned). */
static int num_check(const struct cfg *c, long long v, const char **err)
{
    if (c->flags & CF_UNSIGNED) {
        unsigned long long u = (unsigned long long)v;
        unsigned long long lo = (unsigned long long)c->lo, hi = (unsigned long long)c->hi;
        if (u >= lo && u <= hi)
            return 1;
        snprintf(errbuf, sizeof errbuf,
                 (c->flags & CF_OCTAL) ? "argument must be between %llo and %llo inclusive"
                                       : "argument must be between %llu and %llu inclusive",
                 lo, hi);
    } else if ((c->flags & CF_PERCENT) && v < 0) {
        if (v >= c->lo)
            return 1;
        snprintf(errbuf, sizeof errbuf, "percentage argument must be less or equal to %lld",
                 -c->lo);
    } else {
        if (v >= c->lo && v <= c->hi)
            return 1;
        snprintf(errbuf, sizeof errbuf, "argument must be between %lld and %lld inclusive", c->lo,
                 c->hi);
    }
    *err = errbuf;
    return 0;
}

static int enum_lookup(const struct cfg *c, const char *s)
{
    for (const struct cfg_enum *e = c->enums; e->name; e++)
        if (strcasecmp(e->name, s) == 0)
            return e->val;
    return CFG_INT_MIN;
}

static const char *enum_name(const struct cfg *c, int v)
{
    for (const struct cfg_enum *e = c->enums; e->name; e++)
        if (e->val == v)
            return e->name;
    return "unknown";
}

static int enum_set(struct cfg *c, const char *s, const char **err)
{
    int v = enum_lookup(c, s);
    if (v == CFG_INT_MIN) {
        size_t n =
            (size_t)snprintf(errbuf, sizeof errbuf, "argument(s) must be one of the following: ");
        for (const struct cfg_enum *e = c->enums; e->name && n < sizeof errbuf; e++)
            n += (size_t)snprintf(errbuf + n, sizeof errbuf - n, "%s%s", e->name,
                                  e[1].name ? ", " : "");
        *err = errbuf;
        return 0;
    }
    if (*(int *)c->ptr == v)
        return 2;
    *(int *)c->ptr = v;
    return 1;
}

static int str_set(struct cfg *c, const char *s, const char **err)
{
    if (c->valid && !c->valid(s, err))
        return 0;
    char **slot = (char **)c->ptr;
    const char *nv = ((c->flags & CF_EMPTY_NULL) && s[0] == '\0') ? NULL : s;
    if (nv == NULL && *slot == NULL)
        return 2;
    if (nv && *slot && strcmp(nv, *slot) == 0)
        return 2;
    mem_free(*slot);
    *slot = nv ? mem_strdup(nv) : NULL;
    return 1;
}

int cfg_set_args(struct cfg *c, char **argv, int argc, const char **err)
{
    if (c->type == CT_SPECIAL)
        return c->special->set(argv, argc, err);
    if (argc != 1) {
        *err = "wrong number of arguments";
        return 0;
    }
    const char *s = argv[0];
    switch (c->type) {
    case CT_BOOL: {
        int v;
        if (strcasecmp(s, "yes") == 0)
            v = 1;
        else if (strcasecmp(s, "no") == 0)
            v = 0;
        else {
            *err = "argument must be 'yes' or 'no'";
            return 0;
        }
        if (*(int *)c->ptr == v)
            return 2;
        *(int *)c->ptr = v;
        return 1;
    }
    case CT_NUM: {
        long long v;
        if (!num_parse(c, s, &v, err) || !num_check(c, v, err))
            return 0;
        if (c->ptr == &server.hz) { /* a hint: out-of-range values are capped */
            if (v < 1)
                v = 1;
            if (v > 500)
                v = 500;
        }
        if (num_load(c) == v)
            return 2;
        num_store(c, v);
        return 1;
    }
    case CT_ENUM:
        return enum_set(c, s, err);
    case CT_STR:
        return str_set(c, s, err);
    default:
        return 0;
    }
}

/* A CONFIG SET value: multi-argument parameters split it on single spaces
 * (empty pieces kept, an empty value gives no arguments), as Redis does. */
int cfg_set_value(struct cfg *c, const char *value, const char **err)
{
    if (!(c->flags & CF_MULTI)) {
        char *one = (char *)value;
        return cfg_set_args(c, &one, 1, err);
    }
    int argc = 0, cap = 4;
    char **argv = mem_alloc(sizeof(char *) * (size_t)cap);
    if (value[0] != '\0') {
        const char *p = value;
        for (;;) {
            const char *sp = strchr(p, ' ');
            size_t n = sp ? (size_t)(sp - p) : strlen(p);
            if (argc == cap)
                argv = mem_realloc(argv, sizeof(char *) * (size_t)(cap *= 2));
            argv[argc++] = mem_strndup(p, n);
            if (!sp)
                break;
            p = sp + 1;
        }
    }
    int r = cfg_set_args(c, argv, argc, err);
    config_free_args(argv, argc);
    return r;
}

char *cfg_get(const struct cfg *c)
{
    switch (c->type) {
    case CT_BOOL:
        return mem_strdup(*(int *)c->ptr ? "yes" : "no");
    case CT_ENUM:
        return mem_strdup(enum_name(c, *(int *)c->ptr));
    case CT_STR: {
        const char *s = *(char **)c->ptr;
        return mem_strdup(s ? s : "");
    }
    case CT_NUM: {
        long long v = num_load(c);
        if ((c->flags & CF_PERCENT) && v < 0)
            return cfg_fmt("%lld%%", -v);
        if (c->flags & CF_MEMORY)
            return cfg_fmt("%llu", (unsigned long long)v);
        if (c->flags & CF_OCTAL)
            return cfg_fmt("%llo", (unsigned long long)v);
        if (c->flags & CF_UNSIGNED)
            return cfg_fmt("%llu", (unsigned long long)v);
        return cfg_fmt("%lld", v);
    }
    case CT_SPECIAL:
        return c->special->get();
    }
    return mem_strdup("");
}

/* bytes as redis.conf likes them: 1gb, 64mb, 16kb, or plain. */
char *cfg_fmt_memory(long long v)
{
    const long long gb = 1LL << 30, mb = 1LL << 20, kb = 1LL << 10;
    if (v && v % gb == 0)
        return cfg_fmt("%lldgb", v / gb);
    if (v && v % mb == 0)
        return cfg_fmt("%lldmb", v / mb);
    if (v && v % kb == 0)
        return cfg_fmt("%lldkb", v / kb);
    return cfg_fmt("%lld", v);
}

int cfg_rewrite_lines(const struct cfg *c, struct cfg_rwline **out)
{
    if (c->type == CT_SPECIAL)
        return c->special->rewrite(c->name, out);
    struct cfg_rwline *l = mem_alloc(sizeof *l);
    *out = l;
    switch (c->type) {
    case CT_BOOL: {
        int v = *(int *)c->ptr;
        l->text = cfg_fmt("%s %s", c->name, v ? "yes" : "no");
        l->force = v != c->def;
        return 1;
    }
    case CT_ENUM: {
        int v = *(int *)c->ptr;
        l->text = cfg_fmt("%s %s", c->name, enum_name(c, v));
        l->force = v != c->def;
        return 1;
    }
    case CT_NUM: {
        long long v = num_load(c);
        l->force = v != c->def;
        if ((c->flags & CF_PERCENT) && v < 0) {
            l->text = cfg_fmt("%s %lld%%", c->name, -v);
        } else if (c->flags & CF_MEMORY) {
            char *m = cfg_fmt_memory(v);
            l->text = cfg_fmt("%s %s", c->name, m);
            mem_free(m);
        } else if (c->flags & CF_OCTAL) {
            l->text = cfg_fmt("%s %llo", c->name, (unsigned long long)v);
        } else {
            l->text = cfg_fmt("%s %lld", c->name, v);
        }
        return 1;
    }
    case CT_STR: {
        const char *s = *(char **)c->ptr;
        if (s == NULL) { /* absent from the file is how NULL comes back */
            mem_free(l);
            *out = NULL;
            return 0;
        }
        char *q = config_repr(s, strlen(s));
        l->text = cfg_fmt("%s %s", c->name, q);
        mem_free(q);
        l->force = !(c->sdef && strcmp(s, c->sdef) == 0);
        return 1;
    }
    default:
        mem_free(l);
        *out = NULL;
        return 0;
    }
}

void config_init_defaults(void)
{
    if (!slots)
        slots = mem_calloc((size_t)cfg_count, sizeof *slots);
    for (int i = 0; i < cfg_count; i++) {
        struct cfg *c = &cfg_table[i];
        if (c->ptr == NULL) {
            if (c->type == CT_STR) {
                c->ptr = &slots[i].s;
            } else if (c->type == CT_NUM) {
                c->ptr = &slots[i].ll;
                c->width = sizeof(long long);
            } else if (c->type != CT_SPECIAL) {
                c->ptr = &slots[i].i;
            }
        }
        switch (c->type) {
        case CT_BOOL:
        case CT_ENUM:
            *(int *)c->ptr = (int)c->def;
            break;
        case CT_NUM:
            num_store(c, c->def);
            break;
        case CT_STR:
            mem_free(*(char **)c->ptr);
            *(char **)c->ptr = c->sdef ? mem_strdup(c->sdef) : NULL;
            break;
        case CT_SPECIAL:
            break;
        }
    }
    cfg_table_special_defaults();
}

int config_set_apply_hook(const char *name, config_apply_fn fn)
{
    struct cfg *c = cfg_lookup(name, NULL);
    if (!c)
        return -1;
    c->apply = fn;
    return 0;
}

char *config_get_value(const char *name)
{
    struct cfg *c = cfg_lookup(name, NULL);
    return c ? cfg_get(c) : NULL;
}

int config_exists(const char *name)
{
    return cfg_lookup(name, NULL) != NULL;
}

const char *config_canonical(const char *name)
{
    int al;
    struct cfg *c = cfg_lookup(name, &al);
    return c ? cfg_regname(c, al) : NULL;
}

void config_foreach_name(void (*fn)(const char *name, void *arg), void *arg)
{
    for (int i = 0; i < cfg_count; i++) {
        if (cfg_table[i].flags & CF_HIDDEN)
            continue;
        fn(cfg_table[i].name, arg);
        if (cfg_table[i].alias)
            fn(cfg_table[i].alias, arg);
    }
}

/* Put back old values (from their CONFIG GET text) for rows [0, n). */
static void restore(struct cfg **cs, char **old, int n)
{
    const char *err;
    for (int i = 0; i < n; i++)
        if (cs[i] && old[i])
            cfg_set_value(cs[i], old[i], &err);
}

/* Redis's configSetCommand, minus the client: validate names (unknown,
 * immutable, protected, duplicate), back up, set all, then run each distinct
 * apply hook once; any failure restores every value. O(n^2) in the number of
 * pairs, which is tiny. */
static int set_pairs(int n, const char *const *names, const char *const *values, int local_client,
                     int any_protected, char **err)
{
    struct cfg **cs = mem_calloc((size_t)n, sizeof *cs);
    int *al = mem_calloc((size_t)n, sizeof *al);
    char **old = mem_calloc((size_t)n, sizeof *old);
    config_apply_fn *fns = mem_calloc((size_t)n + 1, sizeof *fns);
    int *fn_row = mem_calloc((size_t)n + 1, sizeof *fn_row);
    const char *invalid_name = NULL, *errstr = NULL, *err_name = NULL;
    int invalid = 0, nfns = 0, rc = -1;

    for (int i = 0; i < n && !invalid; i++) {
        struct cfg *c = cfg_lookup(names[i], &al[i]);
        if (!c) {
            invalid_name = names[i];
            invalid = 1;
            break;
        }
        int prot_ok = any_protected || server.enable_protected_configs == CONFIG_PROTECTED_YES ||
                      (server.enable_protected_configs == CONFIG_PROTECTED_LOCAL && local_client);
        if ((c->flags & CF_IMMUTABLE) || ((c->flags & CF_PROTECTED) && !prot_ok)) {
            errstr = (c->flags & CF_IMMUTABLE) ? "can't set immutable config"
                                               : "can't set protected config";
            err_name = names[i];
            invalid = 1;
            break;
        }
        for (int j = 0; j < i; j++) {
            if (cs[j] == c && al[j] == al[i]) {
                errstr = "duplicate parameter";
                err_name = names[i];
                invalid = 1;
                break;
            }
        }
        cs[i] = c;
    }
    if (invalid)
        goto done;

    for (int i = 0; i < n; i++)
        old[i] = cfg_get(cs[i]);
    for (int i = 0; i < n; i++) {
        int r = cfg_set_value(cs[i], values[i], &errstr);
        if (r == 0) {
            restore(cs, old, i + 1);
            err_name = cfg_regname(cs[i], al[i]);
            goto done;
        }
        if (r == 1 && cs[i]->apply) {
            int seen = 0;
            for (int k = 0; k < nfns; k++)
                seen |= fns[k] == cs[i]->apply;
            if (!seen) {
                fn_row[nfns] = i;
                fns[nfns++] = cs[i]->apply;
            }
        }
    }
    for (int k = 0; k < nfns; k++) {
        if (!fns[k](&errstr)) {
            restore(cs, old, n);
            const char *ignored;
            for (int m = 0; m < nfns; m++)
                fns[m](&ignored);
            err_name = cfg_regname(cs[fn_row[k]], al[fn_row[k]]);
            goto done;
        }
    }
    rc = 0;
done:
    if (rc != 0) {
        if (invalid_name)
            *err = cfg_fmt("ERR Unknown option or number of arguments for CONFIG SET - '%s'",
                           invalid_name);
        else if (errstr)
            *err = cfg_fmt("ERR CONFIG SET failed (possibly related to argument '%s') - %s",
                           err_name, errstr);
        else
            *err = cfg_fmt("ERR CONFIG SET failed (possibly related to argument '%s')", err_name);
    }
    for (int i = 0; i < n; i++)
        mem_free(old[i]);
    mem_free(old);
    mem_free(cs);
    mem_free(al);
    mem_free(fns);
    mem_free(fn_row);
    return rc;
}

int config_set_pairs(int n, const char *const *names, const char *const *values, int local_client,
                     char **err)
{
    return set_pairs(n, names, values, local_client, 0, err);
}

int config_set_one(const char *name, const char *value, char **err)
{
    return set_pairs(1, &name, &value, 1, 1, err);
}
