/* cmd: the command table, lookup, the checks every command shares (arity,
 * authentication, flags), dispatch, and command statistics.
 *
 * The table (cmd_table.c) is the single source for dispatch and for COMMAND,
 * COMMAND INFO, COMMAND DOCS, COMMAND COUNT/LIST/GETKEYS (cmd_info.c). One row
 * per command, designated initialisers, bitmask flags. A row whose .proc is
 * NULL is a Redis command Tern does not implement yet: it is invisible (as
 * unknown) to clients and to COMMAND.
 *
 * Handlers are named cmd_<name> (cmd_<container>_<sub> for subcommands) and
 * declared in cmd_procs.h; they live in the module that owns their data.
 * A handler replies exactly once; the dispatcher has already checked arity,
 * authentication and that the command exists.
 *
 * Must not know: data-type internals.
 */
#ifndef TERN_CMD_H
#define TERN_CMD_H

#include <stddef.h>
#include <stdint.h>

struct client;
struct lathist;

typedef void cmd_proc(struct client *c);

/* Command flags (COMMAND INFO names in comments). */
#define CMD_WRITE              (1ull << 0)  /* write */
#define CMD_READONLY           (1ull << 1)  /* readonly */
#define CMD_DENYOOM            (1ull << 2)  /* denyoom */
#define CMD_MODULE             (1ull << 3)  /* module */
#define CMD_ADMIN              (1ull << 4)  /* admin */
#define CMD_PUBSUB             (1ull << 5)  /* pubsub */
#define CMD_NOSCRIPT           (1ull << 6)  /* noscript */
#define CMD_BLOCKING           (1ull << 7)  /* blocking */
#define CMD_LOADING            (1ull << 8)  /* loading */
#define CMD_STALE              (1ull << 9)  /* stale */
#define CMD_SKIP_MONITOR       (1ull << 10) /* skip_monitor */
#define CMD_SKIP_SLOWLOG       (1ull << 11) /* skip_slowlog */
#define CMD_ASKING             (1ull << 12) /* asking */
#define CMD_FAST               (1ull << 13) /* fast */
#define CMD_NO_AUTH            (1ull << 14) /* no_auth */
#define CMD_MAY_REPLICATE      (1ull << 15) /* may_replicate */
#define CMD_SENTINEL           (1ull << 16) /* (not shown) */
#define CMD_ONLY_SENTINEL      (1ull << 17) /* (not shown) */
#define CMD_NO_MANDATORY_KEYS  (1ull << 18) /* no_mandatory_keys */
#define CMD_PROTECTED          (1ull << 19) /* protected */
#define CMD_MODULE_GETKEYS     (1ull << 20) /* (not shown) */
#define CMD_MODULE_NO_CLUSTER  (1ull << 21) /* (not shown) */
#define CMD_NO_ASYNC_LOADING   (1ull << 22) /* no_async_loading */
#define CMD_NO_MULTI           (1ull << 23) /* no_multi */
#define CMD_MOVABLE_KEYS       (1ull << 24) /* movablekeys (computed, as Redis does) */
#define CMD_ALLOW_BUSY         (1ull << 25) /* allow_busy */
#define CMD_MODULE_GETCHANNELS (1ull << 26) /* (not shown) */

/* ACL categories: bit i is cmd_acl_names[i] ("keyspace", "read", ...). */
extern const char *const cmd_acl_names[];
#define CMD_ACL_KEYSPACE    (1ull << 0)
#define CMD_ACL_READ        (1ull << 1)
#define CMD_ACL_WRITE       (1ull << 2)
#define CMD_ACL_SET         (1ull << 3)
#define CMD_ACL_SORTEDSET   (1ull << 4)
#define CMD_ACL_LIST        (1ull << 5)
#define CMD_ACL_HASH        (1ull << 6)
#define CMD_ACL_STRING      (1ull << 7)
#define CMD_ACL_BITMAP      (1ull << 8)
#define CMD_ACL_HYPERLOGLOG (1ull << 9)
#define CMD_ACL_GEO         (1ull << 10)
#define CMD_ACL_STREAM      (1ull << 11)
#define CMD_ACL_PUBSUB      (1ull << 12)
#define CMD_ACL_ADMIN       (1ull << 13)
#define CMD_ACL_FAST        (1ull << 14)
#define CMD_ACL_SLOW        (1ull << 15)
#define CMD_ACL_BLOCKING    (1ull << 16)
#define CMD_ACL_DANGEROUS   (1ull << 17)
#define CMD_ACL_CONNECTION  (1ull << 18)
#define CMD_ACL_TRANSACTION (1ull << 19)
#define CMD_ACL_SCRIPTING   (1ull << 20)

/* Command groups for COMMAND DOCS ("generic", "string", ...). */
enum cmd_group {
    CMD_GROUP_GENERIC,
    CMD_GROUP_STRING,
    CMD_GROUP_LIST,
    CMD_GROUP_SET,
    CMD_GROUP_SORTED_SET,
    CMD_GROUP_HASH,
    CMD_GROUP_PUBSUB,
    CMD_GROUP_TRANSACTIONS,
    CMD_GROUP_CONNECTION,
    CMD_GROUP_SERVER,
    CMD_GROUP_SCRIPTING,
    CMD_GROUP_HYPERLOGLOG,
    CMD_GROUP_CLUSTER,
    CMD_GROUP_SENTINEL,
    CMD_GROUP_GEO,
    CMD_GROUP_STREAM,
    CMD_GROUP_BITMAP,
    CMD_GROUP_MODULE
};

/* Key specs (Redis 7 "key specifications"). */
#define CMD_KS_RO             (1u << 0)
#define CMD_KS_RW             (1u << 1)
#define CMD_KS_OW             (1u << 2)
#define CMD_KS_RM             (1u << 3)
#define CMD_KS_ACCESS         (1u << 4)
#define CMD_KS_UPDATE         (1u << 5)
#define CMD_KS_INSERT         (1u << 6)
#define CMD_KS_DELETE         (1u << 7)
#define CMD_KS_NOT_KEY        (1u << 8)
#define CMD_KS_INCOMPLETE     (1u << 9)
#define CMD_KS_VARIABLE_FLAGS (1u << 10)

enum cmd_ks_begin {
    CMD_KS_BEGIN_INVALID,
    CMD_KS_BEGIN_INDEX,
    CMD_KS_BEGIN_KEYWORD,
    CMD_KS_BEGIN_UNKNOWN
};
enum cmd_ks_find {
    CMD_KS_FIND_INVALID,
    CMD_KS_FIND_RANGE,
    CMD_KS_FIND_KEYNUM,
    CMD_KS_FIND_UNKNOWN
};

struct cmd_key_spec {
    const char *notes;
    unsigned flags;
    enum cmd_ks_begin begin;
    union {
        struct {
            int pos;
        } index;
        struct {
            const char *keyword;
            int startfrom;
        } keyword;
    } bs;
    enum cmd_ks_find find;
    union {
        struct {
            int lastkey, keystep, limit;
        } range;
        struct {
            int keynumidx, firstkey, keystep;
        } keynum;
    } fk;
};

/* Argument docs (COMMAND DOCS "arguments"). */
enum cmd_arg_type {
    CMD_ARG_STRING,
    CMD_ARG_INTEGER,
    CMD_ARG_DOUBLE,
    CMD_ARG_KEY,
    CMD_ARG_PATTERN,
    CMD_ARG_UNIX_TIME,
    CMD_ARG_PURE_TOKEN,
    CMD_ARG_ONEOF,
    CMD_ARG_BLOCK
};
#define CMD_ARG_OPTIONAL       (1u << 0)
#define CMD_ARG_MULTIPLE       (1u << 1)
#define CMD_ARG_MULTIPLE_TOKEN (1u << 2)

struct cmd_arg {
    const char *name;
    enum cmd_arg_type type;
    int key_spec_index; /* -1 if none */
    const char *token;
    const char *summary;
    const char *since;
    unsigned flags;
    const char *deprecated_since;
    const struct cmd_arg *subargs;
    int nsubargs;
};

struct cmd_history {
    const char *since;
    const char *changes;
};

/* Doc flags */
#define CMD_DOC_DEPRECATED (1u << 0)
#define CMD_DOC_SYSCMD     (1u << 1)

struct cmd {
    /* dispatch */
    const char *name;              /* lower case; a subcommand's own name */
    cmd_proc *proc;                /* NULL: not implemented by Tern */
    int arity;                     /* N exactly N args (name included), -N at least N */
    uint64_t flags;                /* CMD_* */
    uint64_t acl;                  /* bit i = cmd_acl_names[i] */
    int first_key, last_key, step; /* legacy key positions (COMMAND INFO) */
    const char *const *tips;       /* NULL-terminated, or NULL */
    const struct cmd_key_spec *key_specs;
    int nkey_specs;
    struct cmd *subcmds; /* container commands only */
    int nsubcmds;
    /* docs */
    const char *summary;
    const char *since;
    enum cmd_group group;
    const char *complexity;
    unsigned doc_flags;
    const char *deprecated_since;
    const char *replaced_by;
    const struct cmd_history *history;
    int nhistory;
    const struct cmd_arg *args;
    int nargs;
    /* runtime, filled at init and by the dispatcher */
    struct cmd *parent; /* container of a subcommand */
    char *fullname;     /* "config|get", or the name */
    long long calls, usec, rejected_calls, failed_calls;
    struct lathist *lat; /* latency-tracking histogram, NULL until first call */
};

/* The table, defined in cmd_table.c. */
extern struct cmd cmd_table[];
extern const int cmd_table_len;

/* A row clients can see: it has a handler, or it is a container with at
 * least one subcommand that has one. */
static inline int cmd_visible(const struct cmd *cmd)
{
    if (cmd->proc)
        return 1;
    for (int i = 0; i < cmd->nsubcmds; i++)
        if (cmd->subcmds[i].proc)
            return 1;
    return 0;
}

/* Build the lookup index; call once at startup. */
void cmd_init(void);
/* Look up a top-level command by name (any case). NULL if absent or not
 * implemented. O(len). */
struct cmd *cmd_lookup(const char *name, size_t len);
/* Look up a subcommand of a container. */
struct cmd *cmd_lookup_sub(const struct cmd *parent, const char *name, size_t len);
/* "config|get" style lookup used by COMMAND INFO / DOCS. */
struct cmd *cmd_lookup_fullname(const char *name, size_t len);

/* Run the command in c->argv: lookup, checks, handler, stats, slowlog,
 * MONITOR feed. Returns 0 when the command was handled (run or rejected),
 * or 1 when it must wait (the client is held by CLIENT PAUSE): the caller
 * keeps it in the buffer and calls again later. */
int cmd_execute(struct client *c);
/* Run c->cmd (already looked up and checked) with c->argv: the handler,
 * then its statistics, propagation, tracking, slowlog and latency sample.
 * cmd_execute uses it, and so does EXEC for each queued command. */
void cmd_call(struct client *c);

/* Reset all calls/usec/... counters (CONFIG RESETSTAT). */
void cmd_reset_stats(void);

/* Key extraction from the key specs (cmd_keys.c), as Redis 7.0's
 * getKeysFromCommandWithSpecs: argv[0..argc) is the whole command line
 * (argv[0] the command name, argv[1] the subcommand's for a subcommand).
 * Stores the argv index of each key in out[] (and its CMD_KS_* flags in
 * flags_out[] unless NULL), at most outcap of them; outcap >= argc always
 * suffices for the Redis 7.0 table. Returns the number of keys found (may
 * exceed outcap), 0 when the line doesn't fit the specs. O(argc). */
struct resp_arg;
int cmd_get_keys(const struct cmd *cmd, int argc, const struct resp_arg *argv, int *out, int outcap,
                 unsigned *flags_out);
/* 1 if the command has at least one key spec that names a real key. */
int cmd_has_keys(const struct cmd *cmd);
/* 1 if the key positions can't be told from first/last/step alone (the
 * "movablekeys" flag COMMAND INFO shows): a key spec that is not a plain
 * index + range, or CMD_MOVABLE_KEYS set in the row. */
int cmd_movable_keys(const struct cmd *cmd);

#endif
