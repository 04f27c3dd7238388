/* cmd_info: the COMMAND command family, generated from the command table:
 * COMMAND, COMMAND COUNT / LIST / INFO / DOCS / GETKEYS / GETKEYSANDFLAGS /
 * HELP, with Redis 7.0's reply shapes and error texts in RESP2 and RESP3.
 *
 * Only implemented commands exist here: a row whose handler is NULL (and a
 * container with no implemented subcommand) is skipped everywhere, exactly as
 * the dispatcher treats it as unknown. Lists come out in table order (sorted
 * by name); Redis prints them in its hash table's order, which varies.
 *
 * Must not know: data types, the keyspace, connections beyond struct client's
 * argv. Depends on cmd (the table, lookup), cmd_keys and reply.
 */
#include <string.h>

#include "client.h"
#include "cmd.h"
#include "cmd_procs.h"
#include "glob.h"
#include "reply.h"
#include "util.h"

/* Flag names COMMAND INFO shows, in Redis's order; hidden flags are absent. */
static const struct {
    uint64_t flag;
    const char *name;
} flag_names[] = {
    {CMD_WRITE, "write"},
    {CMD_READONLY, "readonly"},
    {CMD_DENYOOM, "denyoom"},
    {CMD_MODULE, "module"},
    {CMD_ADMIN, "admin"},
    {CMD_PUBSUB, "pubsub"},
    {CMD_NOSCRIPT, "noscript"},
    {CMD_BLOCKING, "blocking"},
    {CMD_LOADING, "loading"},
    {CMD_STALE, "stale"},
    {CMD_SKIP_MONITOR, "skip_monitor"},
    {CMD_SKIP_SLOWLOG, "skip_slowlog"},
    {CMD_ASKING, "asking"},
    {CMD_FAST, "fast"},
    {CMD_NO_AUTH, "no_auth"},
    {CMD_NO_MANDATORY_KEYS, "no_mandatory_keys"},
    {CMD_NO_ASYNC_LOADING, "no_async_loading"},
    {CMD_NO_MULTI, "no_multi"},
    {CMD_MOVABLE_KEYS, "movablekeys"},
    {CMD_ALLOW_BUSY, "allow_busy"},
};

static const char *const ks_flag_names[] = {
    "RO",     "RW",     "OW",      "RM",         "access",         "update",
    "insert", "delete", "not_key", "incomplete", "variable_flags",
};

static const char *const group_names[] = {
    [CMD_GROUP_GENERIC] = "generic",
    [CMD_GROUP_STRING] = "string",
    [CMD_GROUP_LIST] = "list",
    [CMD_GROUP_SET] = "set",
    [CMD_GROUP_SORTED_SET] = "sorted-set",
    [CMD_GROUP_HASH] = "hash",
    [CMD_GROUP_PUBSUB] = "pubsub",
    [CMD_GROUP_TRANSACTIONS] = "transactions",
    [CMD_GROUP_CONNECTION] = "connection",
    [CMD_GROUP_SERVER] = "server",
    [CMD_GROUP_SCRIPTING] = "scripting",
    [CMD_GROUP_HYPERLOGLOG] = "hyperloglog",
    [CMD_GROUP_CLUSTER] = "cluster",
    [CMD_GROUP_SENTINEL] = "sentinel",
    [CMD_GROUP_GEO] = "geo",
    [CMD_GROUP_STREAM] = "stream",
    [CMD_GROUP_BITMAP] = "bitmap",
    [CMD_GROUP_MODULE] = "module",
};

static const char *const arg_type_names[] = {
    [CMD_ARG_STRING] = "string",         [CMD_ARG_INTEGER] = "integer",
    [CMD_ARG_DOUBLE] = "double",         [CMD_ARG_KEY] = "key",
    [CMD_ARG_PATTERN] = "pattern",       [CMD_ARG_UNIX_TIME] = "unix-time",
    [CMD_ARG_PURE_TOKEN] = "pure-token", [CMD_ARG_ONEOF] = "oneof",
    [CMD_ARG_BLOCK] = "block",
};

static int count_visible(const struct cmd *rows, int n)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        count += cmd_visible(&rows[i]);
    return count;
}

static const char *fullname(const struct cmd *cmd)
{
    return cmd->fullname ? cmd->fullname : cmd->name;
}

/* ---- COMMAND INFO ---------------------------------------------------- */

static void reply_cmd_flags(struct client *c, const struct cmd *cmd)
{
    uint64_t flags = cmd->flags;
    int n = 0;
    if (cmd_movable_keys(cmd))
        flags |= CMD_MOVABLE_KEYS;
    for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
        n += (flags & flag_names[i].flag) != 0;
    reply_set(c, n);
    for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
        if (flags & flag_names[i].flag)
            reply_status(c, flag_names[i].name);
}

static void reply_acl_cats(struct client *c, const struct cmd *cmd)
{
    int n = 0;
    for (int i = 0; cmd_acl_names[i]; i++)
        n += (cmd->acl >> i) & 1;
    reply_set(c, n);
    for (int i = 0; cmd_acl_names[i]; i++) {
        if ((cmd->acl >> i) & 1) {
            char buf[32] = "@";
            strncat(buf, cmd_acl_names[i], sizeof(buf) - 2);
            reply_status(c, buf);
        }
    }
}

static void reply_tips(struct client *c, const struct cmd *cmd)
{
    int n = 0;
    while (cmd->tips && cmd->tips[n])
        n++;
    reply_set(c, n);
    for (int i = 0; i < n; i++)
        reply_bulk_cstr(c, cmd->tips[i]);
}

/* Key-spec flags as a set of status strings (also GETKEYSANDFLAGS). */
static void reply_ks_flags(struct client *c, unsigned flags)
{
    int n = 0;
    for (size_t i = 0; i < sizeof(ks_flag_names) / sizeof(ks_flag_names[0]); i++)
        n += (flags >> i) & 1;
    reply_set(c, n);
    for (size_t i = 0; i < sizeof(ks_flag_names) / sizeof(ks_flag_names[0]); i++)
        if ((flags >> i) & 1)
            reply_status(c, ks_flag_names[i]);
}

static void reply_kv_int(struct client *c, const char *key, long long v)
{
    reply_bulk_cstr(c, key);
    reply_int(c, v);
}

/* One key spec: {flags, begin_search {type, spec}, find_keys {type, spec}}
 * (no "notes": Tern keeps none). */
static void reply_key_spec(struct client *c, const struct cmd_key_spec *ks)
{
    reply_map(c, 3);
    reply_bulk_cstr(c, "flags");
    reply_ks_flags(c, ks->flags);

    reply_bulk_cstr(c, "begin_search");
    reply_map(c, 2);
    reply_bulk_cstr(c, "type");
    if (ks->begin == CMD_KS_BEGIN_INDEX) {
        reply_bulk_cstr(c, "index");
        reply_bulk_cstr(c, "spec");
        reply_map(c, 1);
        reply_kv_int(c, "index", ks->bs.index.pos);
    } else if (ks->begin == CMD_KS_BEGIN_KEYWORD) {
        reply_bulk_cstr(c, "keyword");
        reply_bulk_cstr(c, "spec");
        reply_map(c, 2);
        reply_bulk_cstr(c, "keyword");
        reply_bulk_cstr(c, ks->bs.keyword.keyword);
        reply_kv_int(c, "startfrom", ks->bs.keyword.startfrom);
    } else {
        reply_bulk_cstr(c, "unknown");
        reply_bulk_cstr(c, "spec");
        reply_map(c, 0);
    }

    reply_bulk_cstr(c, "find_keys");
    reply_map(c, 2);
    reply_bulk_cstr(c, "type");
    if (ks->find == CMD_KS_FIND_RANGE) {
        reply_bulk_cstr(c, "range");
        reply_bulk_cstr(c, "spec");
        reply_map(c, 3);
        reply_kv_int(c, "lastkey", ks->fk.range.lastkey);
        reply_kv_int(c, "keystep", ks->fk.range.keystep);
        reply_kv_int(c, "limit", ks->fk.range.limit);
    } else if (ks->find == CMD_KS_FIND_KEYNUM) {
        reply_bulk_cstr(c, "keynum");
        reply_bulk_cstr(c, "spec");
        reply_map(c, 3);
        reply_kv_int(c, "keynumidx", ks->fk.keynum.keynumidx);
        reply_kv_int(c, "firstkey", ks->fk.keynum.firstkey);
        reply_kv_int(c, "keystep", ks->fk.keynum.keystep);
    } else {
        reply_bulk_cstr(c, "unknown");
        reply_bulk_cstr(c, "spec");
        reply_map(c, 0);
    }
}

/* The 10-element COMMAND INFO entry of one command, subcommands included.
 * O(size of the row). */
static void reply_cmd_info(struct client *c, const struct cmd *cmd)
{
    reply_array(c, 10);
    reply_bulk_cstr(c, fullname(cmd));
    reply_int(c, cmd->arity);
    reply_cmd_flags(c, cmd);
    reply_int(c, cmd->first_key);
    reply_int(c, cmd->last_key);
    reply_int(c, cmd->step);
    reply_acl_cats(c, cmd);
    reply_tips(c, cmd);
    reply_set(c, cmd->nkey_specs);
    for (int i = 0; i < cmd->nkey_specs; i++)
        reply_key_spec(c, &cmd->key_specs[i]);
    if (!cmd->nsubcmds) {
        reply_set(c, 0);
        return;
    }
    reply_array(c, count_visible(cmd->subcmds, cmd->nsubcmds));
    for (int i = 0; i < cmd->nsubcmds; i++)
        if (cmd_visible(&cmd->subcmds[i]))
            reply_cmd_info(c, &cmd->subcmds[i]);
}

/* COMMAND: the info of every visible command. */
void cmd_command(struct client *c)
{
    reply_array(c, count_visible(cmd_table, cmd_table_len));
    for (int i = 0; i < cmd_table_len; i++)
        if (cmd_visible(&cmd_table[i]))
            reply_cmd_info(c, &cmd_table[i]);
}

/* COMMAND INFO [name ...]: every command without names; else one entry per
 * name, null for an unknown one. Names may be "container|sub". */
void cmd_command_info(struct client *c)
{
    if (c->argc == 2) {
        cmd_command(c);
        return;
    }
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++) {
        const struct cmd *cmd = cmd_lookup_fullname(c->argv[i].ptr, c->argv[i].len);
        if (cmd)
            reply_cmd_info(c, cmd);
        else
            reply_null(c);
    }
}

/* COMMAND COUNT: the number of visible top-level commands. */
void cmd_command_count(struct client *c)
{
    reply_int(c, count_visible(cmd_table, cmd_table_len));
}

/* ---- COMMAND DOCS ---------------------------------------------------- */

static void reply_kv_str(struct client *c, const char *key, const char *v)
{
    reply_bulk_cstr(c, key);
    reply_bulk_cstr(c, v);
}

/* An argument list as an array of maps, recursively. O(size of the tree). */
static void reply_args(struct client *c, const struct cmd_arg *args, int nargs)
{
    static const char *const arg_flag_names[] = {"optional", "multiple", "multiple_token"};
    reply_array(c, nargs);
    for (int i = 0; i < nargs; i++) {
        const struct cmd_arg *a = &args[i];
        int nflags = 0;
        for (int f = 0; f < 3; f++)
            nflags += (a->flags >> f) & 1;
        reply_map(c, 2 + (a->key_spec_index >= 0) + !!a->token + !!a->summary + !!a->since +
                         !!nflags + !!a->deprecated_since + !!a->nsubargs);
        reply_kv_str(c, "name", a->name);
        reply_kv_str(c, "type", arg_type_names[a->type]);
        if (a->key_spec_index >= 0)
            reply_kv_int(c, "key_spec_index", a->key_spec_index);
        if (a->token)
            reply_kv_str(c, "token", a->token);
        if (a->summary)
            reply_kv_str(c, "summary", a->summary);
        if (a->since)
            reply_kv_str(c, "since", a->since);
        if (nflags) {
            reply_bulk_cstr(c, "flags");
            reply_set(c, nflags);
            for (int f = 0; f < 3; f++)
                if ((a->flags >> f) & 1)
                    reply_status(c, arg_flag_names[f]);
        }
        if (a->deprecated_since)
            reply_kv_str(c, "deprecated_since", a->deprecated_since);
        if (a->nsubargs) {
            reply_bulk_cstr(c, "arguments");
            reply_args(c, a->subargs, a->nsubargs);
        }
    }
}

static void reply_doc_flags(struct client *c, unsigned flags)
{
    reply_bulk_cstr(c, "doc_flags");
    reply_set(c, !!(flags & CMD_DOC_DEPRECATED) + !!(flags & CMD_DOC_SYSCMD));
    if (flags & CMD_DOC_DEPRECATED)
        reply_status(c, "deprecated");
    if (flags & CMD_DOC_SYSCMD)
        reply_status(c, "syscmd");
}

/* The COMMAND DOCS map of one command: summary, since, group, then the
 * optional fields in Redis's order, present only when set. */
static void reply_cmd_docs(struct client *c, const struct cmd *cmd)
{
    int nsubs = cmd->nsubcmds ? count_visible(cmd->subcmds, cmd->nsubcmds) : 0;
    reply_map(c, 3 + !!cmd->complexity + !!cmd->doc_flags + !!cmd->deprecated_since +
                     !!cmd->replaced_by + !!cmd->nhistory + !!cmd->nargs + !!nsubs);
    reply_kv_str(c, "summary", cmd->summary);
    reply_kv_str(c, "since", cmd->since);
    reply_kv_str(c, "group", group_names[cmd->group]);
    if (cmd->complexity)
        reply_kv_str(c, "complexity", cmd->complexity);
    if (cmd->doc_flags)
        reply_doc_flags(c, cmd->doc_flags);
    if (cmd->deprecated_since)
        reply_kv_str(c, "deprecated_since", cmd->deprecated_since);
    if (cmd->replaced_by)
        reply_kv_str(c, "replaced_by", cmd->replaced_by);
    if (cmd->nhistory) {
        reply_bulk_cstr(c, "history");
        reply_set(c, cmd->nhistory);
        for (int i = 0; i < cmd->nhistory; i++) {
            reply_array(c, 2);
            reply_bulk_cstr(c, cmd->history[i].since);
            reply_bulk_cstr(c, cmd->history[i].changes);
        }
    }
    if (cmd->nargs) {
        reply_bulk_cstr(c, "arguments");
        reply_args(c, cmd->args, cmd->nargs);
    }
    if (nsubs) {
        reply_bulk_cstr(c, "subcommands");
        reply_map(c, nsubs);
        for (int i = 0; i < cmd->nsubcmds; i++) {
            if (cmd_visible(&cmd->subcmds[i])) {
                reply_bulk_cstr(c, fullname(&cmd->subcmds[i]));
                reply_cmd_docs(c, &cmd->subcmds[i]);
            }
        }
    }
}

/* COMMAND DOCS [name ...]: a map from name to docs; unknown names are left
 * out. */
void cmd_command_docs(struct client *c)
{
    if (c->argc == 2) {
        reply_map(c, count_visible(cmd_table, cmd_table_len));
        for (int i = 0; i < cmd_table_len; i++) {
            if (cmd_visible(&cmd_table[i])) {
                reply_bulk_cstr(c, fullname(&cmd_table[i]));
                reply_cmd_docs(c, &cmd_table[i]);
            }
        }
        return;
    }
    long handle = reply_defer(c);
    int n = 0;
    for (int i = 2; i < c->argc; i++) {
        const struct cmd *cmd = cmd_lookup_fullname(c->argv[i].ptr, c->argv[i].len);
        if (!cmd)
            continue;
        reply_bulk_cstr(c, fullname(cmd));
        reply_cmd_docs(c, cmd);
        n++;
    }
    reply_defer_map(c, handle, n);
}

/* ---- COMMAND LIST ---------------------------------------------------- */

enum list_filter { LIST_ALL, LIST_MODULE, LIST_ACLCAT, LIST_PATTERN };

/* 1 if the row passes the filter (arg: category name or pattern). */
static int list_match(const struct cmd *cmd, enum list_filter f, const struct resp_arg *arg)
{
    const char *name = fullname(cmd);
    switch (f) {
    case LIST_ALL:
        return 1;
    case LIST_MODULE:
        return 0; // Tern loads no modules
    case LIST_ACLCAT:
        for (int i = 0; cmd_acl_names[i]; i++)
            if (util_eq_ci(arg->ptr, arg->len, cmd_acl_names[i]))
                return (cmd->acl >> i) & 1;
        return 0;
    case LIST_PATTERN:
        return glob_match(arg->ptr, arg->len, name, strlen(name), 1);
    }
    return 0;
}

/* COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]:
 * the names of visible commands and subcommands that pass the filter. */
void cmd_command_list(struct client *c)
{
    enum list_filter f = LIST_ALL;
    const struct resp_arg *arg = NULL;
    if (c->argc == 5 && util_eq_ci(c->argv[2].ptr, c->argv[2].len, "filterby")) {
        const struct resp_arg *kind = &c->argv[3];
        arg = &c->argv[4];
        if (util_eq_ci(kind->ptr, kind->len, "module"))
            f = LIST_MODULE;
        else if (util_eq_ci(kind->ptr, kind->len, "aclcat"))
            f = LIST_ACLCAT;
        else if (util_eq_ci(kind->ptr, kind->len, "pattern"))
            f = LIST_PATTERN;
        else
            arg = NULL;
    }
    if (c->argc != 2 && !arg) {
        reply_error_syntax(c);
        return;
    }
    long handle = reply_defer(c);
    int n = 0;
    for (int i = 0; i < cmd_table_len; i++) {
        const struct cmd *cmd = &cmd_table[i];
        if (!cmd_visible(cmd))
            continue;
        if (list_match(cmd, f, arg)) {
            reply_bulk_cstr(c, fullname(cmd));
            n++;
        }
        for (int j = 0; j < cmd->nsubcmds; j++) {
            if (cmd->subcmds[j].proc && list_match(&cmd->subcmds[j], f, arg)) {
                reply_bulk_cstr(c, fullname(&cmd->subcmds[j]));
                n++;
            }
        }
    }
    reply_defer_array(c, handle, n);
}

/* ---- COMMAND GETKEYS / GETKEYSANDFLAGS ------------------------------- */

/* Look up the command named by argv[2..] as the dispatcher would. */
static const struct cmd *lookup_line(const struct client *c)
{
    const struct cmd *cmd = cmd_lookup(c->argv[2].ptr, c->argv[2].len);
    if (cmd && cmd->nsubcmds && c->argc >= 4)
        cmd = cmd_lookup_sub(cmd, c->argv[3].ptr, c->argv[3].len);
    return cmd;
}

static void getkeys(struct client *c, int with_flags)
{
    const struct cmd *cmd = lookup_line(c);
    int argc = c->argc - 2;
    if (!cmd) {
        reply_error(c, "ERR Invalid command specified");
        return;
    }
    if (!cmd_has_keys(cmd)) {
        reply_error(c, "ERR The command has no key arguments");
        return;
    }
    if ((cmd->arity > 0 && cmd->arity != argc) || argc < -cmd->arity) {
        reply_error(c, "ERR Invalid number of arguments specified for command");
        return;
    }
    /* At most argc keys: Redis 7.0's specs never name an argument twice. */
    int pos[argc];
    unsigned flags[argc];
    int n = cmd_get_keys(cmd, argc, c->argv + 2, pos, argc, flags);
    if (n > argc)
        n = argc;
    if (n == 0) {
        if (cmd->flags & CMD_NO_MANDATORY_KEYS)
            reply_array(c, 0);
        else
            reply_error(c, "ERR Invalid arguments specified for command");
        return;
    }
    reply_array(c, n);
    for (int i = 0; i < n; i++) {
        const struct resp_arg *key = &c->argv[2 + pos[i]];
        if (with_flags)
            reply_array(c, 2);
        reply_bulk(c, key->ptr, key->len);
        if (with_flags)
            reply_ks_flags(c, flags[i]);
    }
}

/* COMMAND GETKEYS command [arg ...] */
void cmd_command_getkeys(struct client *c)
{
    getkeys(c, 0);
}

/* COMMAND GETKEYSANDFLAGS command [arg ...] */
void cmd_command_getkeysandflags(struct client *c)
{
    getkeys(c, 1);
}

/* COMMAND HELP, in Tern's words. */
void cmd_command_help(struct client *c)
{
    static const char *const lines[] = {
        "(no subcommand)",
        "    Describe every command, as COMMAND INFO does for all.",
        "COUNT",
        "    Give the number of commands.",
        "DOCS [<command-name> ...]",
        "    Give the documentation of the named commands, or of all of them.",
        "GETKEYS <full-command>",
        "    Give the key names of a full command line.",
        "GETKEYSANDFLAGS <full-command>",
        "    Give the key names of a full command line and how each is accessed.",
        "INFO [<command-name> ...]",
        "    Describe the named commands, or all of them. A subcommand is named",
        "    <container>|<subcommand>.",
        "LIST [FILTERBY (MODULE <module-name>|ACLCAT <category>|PATTERN <pattern>)]",
        "    Give the names of all commands, or of those matching the filter.",
        NULL,
    };
    reply_help(c, lines);
}
