/* config: the table of configuration parameters, read the way redis-server
 * reads them: a redis.conf-syntax file (quoted strings, "include", units such
 * as 1gb / 100mb) followed by "--name value ..." command-line options, which
 * are parsed by the same code as extra lines. CONFIG GET / SET / RESETSTAT /
 * REWRITE work on the same table.
 *
 * Each parameter has Redis 7.0's name (and alias), a type, a default, and
 * points at its field in struct server (or at private storage in config.c
 * for the parameters Tern only stores). An optional apply hook, registered
 * at runtime by the module that owns the behaviour, makes a CONFIG SET change
 * take effect (for example maxclients, port, bind, appendonly).
 *
 * Files: config.c (table, types, set/get), config_load.c (file and argv
 * parsing), config_rewrite.c (CONFIG REWRITE), config_cmd.c (the CONFIG
 * command handlers; the only part that knows clients and replies).
 *
 * Must not know: connections or the keyspace beyond what apply hooks touch.
 */
#ifndef TERN_CONFIG_H
#define TERN_CONFIG_H

#include <stddef.h>

/* Values of the enum parameters that other modules read. */
#define CONFIG_FSYNC_EVERYSEC 0
#define CONFIG_FSYNC_ALWAYS   1
#define CONFIG_FSYNC_NO       2

#define CONFIG_MAXMEMORY_VOLATILE_LRU    0
#define CONFIG_MAXMEMORY_VOLATILE_LFU    1
#define CONFIG_MAXMEMORY_VOLATILE_RANDOM 2
#define CONFIG_MAXMEMORY_VOLATILE_TTL    3
#define CONFIG_MAXMEMORY_ALLKEYS_LRU     4
#define CONFIG_MAXMEMORY_ALLKEYS_LFU     5
#define CONFIG_MAXMEMORY_ALLKEYS_RANDOM  6
#define CONFIG_MAXMEMORY_NOEVICTION      7

/* enable-debug-command, enable-protected-configs, enable-module-command. */
#define CONFIG_PROTECTED_NO    0
#define CONFIG_PROTECTED_YES   1
#define CONFIG_PROTECTED_LOCAL 2

#define CONFIG_SANITIZE_NO      0
#define CONFIG_SANITIZE_YES     1
#define CONFIG_SANITIZE_CLIENTS 2

/* An apply hook runs after CONFIG SET stored the new value(s). It returns 1
 * on success, or 0 and sets *err to a static message; CONFIG SET then
 * restores every previous value and runs the hooks again. The same hook
 * registered for several parameters runs once per CONFIG SET. */
typedef int (*config_apply_fn)(const char **err);

/* Set every parameter to its default (frees previous strings). Call once
 * before loading; tests call it between cases. */
void config_init_defaults(void);

/* Register (or clear with NULL) the apply hook of a parameter by its name or
 * alias. Returns 0, or -1 if there is no such parameter. */
int config_set_apply_hook(const char *name, config_apply_fn fn);

/* Hooks other modules may set; NULL means "nothing to do".
 *  - resetstat: CONFIG RESETSTAT calls it after clearing server.stat_*.
 *  - rename_command: a "rename-command old new" line (new "" = remove);
 *    returns 0, or -1 with *err static. Without a hook the line is an error
 *    ("No such command in rename-command"). */
extern void (*config_resetstat_hook)(void);
extern int (*config_rename_command_hook)(const char *from, const char *to, const char **err);

/* latency-tracking-info-percentiles as currently set: *out points at n
 * doubles in [0, 100] (static storage, valid until the next CONFIG SET). */
int config_latency_percentiles(const double **out);

/* Load configuration from an optional file (path may be NULL; "-" means read
 * stdin) plus options (argv[0..argc), "--name value ..." as redis-server
 * takes them; a lone "-" first or last among them also means stdin). On
 * error prints Redis's fatal message to stderr:
 *
 *   (blank line)
 *   *** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***
 *   Reading the configuration file, at line N
 *   >>> 'the line'
 *   <reason>
 *
 * and returns -1. Returns 0 on success. Sets server.configfile to the file's
 * absolute path. */
int config_load(const char *path, int argc, char **argv);

/* Same, from the whole process argv as main() gets it (argv[0] is the
 * program): argv[1] is the config file unless it starts with '-'. The lead's
 * main() handles --help / --version / -v before calling this. */
int config_load_main(int argc, char **argv);

/* Parse configuration text (lines as in a file; includes are followed) into
 * the running config. Returns 0, or -1 and sets *errmsg to the full fatal
 * message text above (allocated; caller mem_free). Used by config_load and
 * tests. */
int config_load_string(const char *text, char **errmsg);

/* Build the options text for argv (as redis-server does: each "--name"
 * starts a line, values are appended quoted). Returns an allocated string
 * (caller mem_free); *from_stdin is set if a lone "-" asked for stdin. */
char *config_options_from_argv(int argc, char **argv, int *from_stdin);

/* CONFIG SET of n name/value pairs, all or nothing. local_client says
 * whether enable-protected-configs=local allows protected parameters.
 * Returns 0, or -1 and sets *err to the exact error reply text without the
 * leading '-' (allocated; caller mem_free). */
int config_set_pairs(int n, const char *const *names, const char *const *values, int local_client,
                     char **err);

/* Apply one "name value" as CONFIG SET would (protected parameters allowed).
 * Returns 0, or -1 and sets *err as config_set_pairs does. */
int config_set_one(const char *name, const char *value, char **err);

/* Current value of a parameter (name or alias, any case) as CONFIG GET shows
 * it; NULL if unknown. Returned string is owned by the caller (mem_free). */
char *config_get_value(const char *name);

/* Walk the table for CONFIG GET: calls fn(name, arg) for every visible name
 * (primary names and aliases; hidden parameters excluded) in table order. */
void config_foreach_name(void (*fn)(const char *name, void *arg), void *arg);
/* 1 if name (any case) is a parameter or alias, hidden ones included. */
int config_exists(const char *name);
/* Canonical spelling of name (the registered name or alias in lower case),
 * or NULL. */
const char *config_canonical(const char *name);

/* Write the running config back to server.configfile, keeping comments and
 * the order of existing lines, as CONFIG REWRITE does. Returns 0 or -1 with
 * errno set. */
int config_rewrite(void);
/* The same on an explicit path (tests). */
int config_rewrite_file(const char *path);

/* Quote s the way Redis's sdscatrepr does ("..." with \n \r \t \a \b \\ \"
 * and \xHH escapes). Returns an allocated string (caller mem_free). */
char *config_repr(const char *s, size_t len);

/* Split a line into arguments with redis.conf's quoting rules. Returns the
 * number of arguments and sets *out to an allocated array of allocated
 * strings (free with config_free_args), or -1 on unbalanced quotes. */
int config_split_args(const char *line, char ***out);
void config_free_args(char **argv, int argc);

#endif
