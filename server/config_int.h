/* config_int: the parameter table's private interface, shared by config.c,
 * config_load.c, config_rewrite.c and config_cmd.c. Nothing else includes it.
 *
 * A row describes one parameter: its names, type, flags, range, default and
 * where its value lives. Alias names are separate identities (as in Redis:
 * "CONFIG SET slave-read-only yes replica-read-only no" is not a duplicate),
 * so lookups return the row plus which of its names matched.
 */
#ifndef TERN_CONFIG_INT_H
#define TERN_CONFIG_INT_H

#include "config.h"

/* server/limits.h shadows <limits.h> under -Iserver, so the few libc
 * limits needed here come from the compiler's predefined macros. */
#define CFG_INT_MAX    __INT_MAX__
#define CFG_INT_MIN    (-__INT_MAX__ - 1)
#define CFG_UINT_MAX   (__INT_MAX__ * 2U + 1U)
#define CFG_LLONG_MAX  __LONG_LONG_MAX__
#define CFG_ULLONG_MAX (__LONG_LONG_MAX__ * 2ULL + 1ULL)

enum cfg_type { CT_BOOL, CT_NUM, CT_ENUM, CT_STR, CT_SPECIAL };

#define CF_IMMUTABLE  (1u << 0) /* CONFIG SET refuses: "can't set immutable config" */
#define CF_PROTECTED  (1u << 1) /* allowed only per enable-protected-configs */
#define CF_MULTI      (1u << 2) /* takes several arguments (save, bind, ...) */
#define CF_HIDDEN     (1u << 3) /* CONFIG GET needs the exact name */
#define CF_MEMORY     (1u << 4) /* numeric with units (1k, 1mb, ...) */
#define CF_PERCENT    (1u << 5) /* numeric that also takes "N%" (stored as -N) */
#define CF_OCTAL      (1u << 6) /* numeric written in octal */
#define CF_UNSIGNED   (1u << 7) /* numeric range checked as unsigned */
#define CF_SENSITIVE  (1u << 8) /* value is a secret (redacted in logs) */
#define CF_EMPTY_NULL (1u << 9) /* string: "" is stored as NULL */

struct cfg_enum {
    const char *name;
    int val;
};

/* One line CONFIG REWRITE wants in the file; force says "write it even if
 * the file had no such line" (the value differs from the default). */
struct cfg_rwline {
    char *text;
    int force;
};

struct cfg_special {
    /* Returns 1 (changed), 2 (unchanged) or 0 with *err static. */
    int (*set)(char **argv, int argc, const char **err);
    char *(*get)(void); /* allocated */
    /* Lines for CONFIG REWRITE; returns the count, *out allocated. */
    int (*rewrite)(const char *name, struct cfg_rwline **out);
};

struct cfg {
    const char *name;
    const char *alias; /* NULL if none */
    enum cfg_type type;
    unsigned flags;
    void *ptr;        /* struct server field, or private storage */
    int width;        /* numeric storage size: sizeof(int) or sizeof(long long) */
    long long lo, hi; /* numeric range (hi as bit pattern when unsigned) */
    long long def;    /* bool / numeric / enum default */
    const char *sdef; /* string default (NULL: none) */
    const struct cfg_enum *enums;
    const struct cfg_special *special;
    int (*valid)(const char *s, const char **err); /* string validator */
    config_apply_fn apply;                         /* set at runtime by config_set_apply_hook() */
};

/* Find a row by any name, case-insensitive; *is_alias tells which name. */
struct cfg *cfg_lookup(const char *name, int *is_alias);
/* The registered (lower-case) name a lookup matched. */
const char *cfg_regname(const struct cfg *c, int is_alias);
/* Set from already split arguments (load time or CONFIG SET). */
int cfg_set_args(struct cfg *c, char **argv, int argc, const char **err);
/* Set from one CONFIG SET value (split on single spaces if multi-arg). */
int cfg_set_value(struct cfg *c, const char *value, const char **err);
/* Value as CONFIG GET shows it, allocated. */
char *cfg_get(const struct cfg *c);
/* Lines for CONFIG REWRITE (see struct cfg_rwline); returns the count. */
int cfg_rewrite_lines(const struct cfg *c, struct cfg_rwline **out);
/* The table. */
extern struct cfg cfg_table[];
extern const int cfg_count;
/* Reset the special parameters (save, bind, dir, ...) to their defaults. */
void cfg_table_special_defaults(void);
/* 1 while the loader runs (the first "save" line replaces the default). */
extern int cfg_loading;

/* Redis's memtoull: digits then an optional unit; no overflow check. */
int cfg_memtoull(const char *s, unsigned long long *out);
/* Strict integer parse (Redis's string2ll). */
int cfg_str2ll(const char *s, size_t len, long long *out);
/* bytes as redis.conf writes them: 1gb, 64mb, 16kb or plain (allocated). */
char *cfg_fmt_memory(long long v);
/* printf into a fresh allocation. */
char *cfg_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
