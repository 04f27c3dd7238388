/* config: the table of configuration parameters, read the way redis-server
 * reads them: a redis.conf-syntax file (quoted strings, "include", units such
 * as 1gb / 100mb) followed by "--name value ..." command-line options, which
 * are parsed by the same code as extra lines. CONFIG GET / SET / RESETSTAT /
 * REWRITE work on the same table.
 *
 * Each parameter has Redis's name (and aliases), a type, a default, and
 * points at its field in struct server. An optional apply hook makes a
 * runtime change take effect (for example maxclients, timeout, hz).
 *
 * Must not know: connections or the keyspace beyond what apply hooks touch.
 */
#ifndef TERN_CONFIG_H
#define TERN_CONFIG_H

#include <stddef.h>

/* Set every parameter to its default. Call before loading. */
void config_init_defaults(void);

/* Load configuration from an optional file plus command-line options (argv
 * after the file name, "--name value..." and also "-" meaning "read config
 * from stdin"). On error, prints Redis's fatal message:
 *
 *   *** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***
 *   Reading the configuration file, at line N
 *   >>> 'the line'
 *   <reason>
 *
 * and returns -1. Returns 0 on success. */
int config_load(const char *path, int argc, char **argv);

/* Apply one "name value..." setting as CONFIG SET would. Returns 0, or -1 and
 * sets *err to a static or allocated message (caller frees with mem_free if
 * *err_owned). Used by tests. */
int config_set_one(const char *name, const char *value, char **err);

/* Current value of a parameter as CONFIG GET shows it; NULL if unknown.
 * Returned string is owned by the caller (mem_free). */
char *config_get_value(const char *name);

/* Write the running config back to server.configfile, keeping comments and
 * the order of existing lines, as CONFIG REWRITE does. Returns 0 or -1 with
 * errno. */
int config_rewrite(void);

#endif
