/* cmd_table: every Redis 7.0 command and subcommand, one row each, sorted by
 * name (subcommands sorted within their container).
 *
 * Generated once by tools/gen-cmd-table.py from a reference redis-server 7.0
 * and maintained by hand since: this file is the single source of truth for
 * dispatch, COMMAND, COMMAND INFO and COMMAND DOCS. Interface facts (arity,
 * flags, ACL categories, tips, key specs, argument trees, since versions) match
 * Redis 7.0; summaries are Tern's own words (tools/cmd-summaries.txt), and
 * history entries, key-spec notes and argument summaries are left out.
 *
 * Invariants (checked by tests/unit/test_cmd.c): names unique and sorted;
 * .proc is cmd_<name> (weak, see cmd_procs.h) for commands, NULL for
 * containers except COMMAND (the only one callable without a subcommand); CMD_MOVABLE_KEYS appears
 * only where the key specs do not already imply it (cmd_info.c derives it otherwise); key positions
 * fit the arity.
 *
 * Must not know: handlers' implementations, the reply layer.
 */
#include <stddef.h>

#include "cmd.h"
#include "cmd_procs.h"

/* ACL category names; bit i of struct cmd.acl is cmd_acl_names[i]. */
const char *const cmd_acl_names[] = {
    "keyspace", "read",        "write",      "set",         "sortedset", "list",  "hash", "string",
    "bitmap",   "hyperloglog", "geo",        "stream",      "pubsub",    "admin", "fast", "slow",
    "blocking", "dangerous",   "connection", "transaction", "scripting", NULL,
};

/* acl cat */
static const struct cmd_arg args_acl_cat[] = {
    {.name = "categoryname",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL},
};

/* acl deluser */
static const struct cmd_arg args_acl_deluser[] = {
    {.name = "username", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* acl dryrun */
static const struct cmd_arg args_acl_dryrun[] = {
    {.name = "username", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "command", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* acl genpass */
static const struct cmd_arg args_acl_genpass[] = {
    {.name = "bits", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* acl getuser */
static const struct cmd_arg args_acl_getuser[] = {
    {.name = "username", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* acl help */

/* acl list */

/* acl load */

/* acl log */
static const struct cmd_arg args_acl_log_0[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "reset", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RESET"},
};
static const struct cmd_arg args_acl_log[] = {
    {.name = "operation",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_acl_log_0,
     .nsubargs = 2},
};

/* acl save */

/* acl setuser */
static const struct cmd_arg args_acl_setuser[] = {
    {.name = "username", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "rule",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* acl users */

/* acl whoami */

static struct cmd sub_acl[] = {
    {
        .name = "cat",
        .proc = cmd_acl_cat,
        .arity = -2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "List ACL categories, or the commands in one category",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_acl_cat,
        .nargs = 1,
    },
    {
        .name = "deluser",
        .proc = cmd_acl_deluser,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Remove ACL users and close their connections",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_acl_deluser,
        .nargs = 1,
    },
    {
        .name = "dryrun",
        .proc = cmd_acl_dryrun,
        .arity = -4,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Check whether a user could run a command, without running it",
        .since = "7.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_acl_dryrun,
        .nargs = 3,
    },
    {
        .name = "genpass",
        .proc = cmd_acl_genpass,
        .arity = -2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Produce a random password of a given length",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_acl_genpass,
        .nargs = 1,
    },
    {
        .name = "getuser",
        .proc = cmd_acl_getuser,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the rules of one ACL user",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_acl_getuser,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_acl_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the ACL subcommands",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "list",
        .proc = cmd_acl_list,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "List every ACL user with its rules, in config-file form",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "load",
        .proc = cmd_acl_load,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Replace the ACL users with those of the ACL file",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "log",
        .proc = cmd_acl_log,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Show or clear recent ACL denials",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_acl_log,
        .nargs = 1,
    },
    {
        .name = "save",
        .proc = cmd_acl_save,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Write the ACL users to the ACL file",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "setuser",
        .proc = cmd_acl_setuser,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Create an ACL user or change its rules",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_acl_setuser,
        .nargs = 2,
    },
    {
        .name = "users",
        .proc = cmd_acl_users,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "List the names of all ACL users",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "whoami",
        .proc = cmd_acl_whoami,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Name the user of this connection",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
};
/* acl */

/* append */
static const struct cmd_key_spec ks_append[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_append[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* asking */

/* auth */
static const struct cmd_arg args_auth[] = {
    {.name = "username",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .since = "6.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "password", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* bgrewriteaof */

/* bgsave */
static const struct cmd_arg args_bgsave[] = {
    {.name = "schedule",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "SCHEDULE",
     .since = "3.2.2",
     .flags = CMD_ARG_OPTIONAL},
};

/* bitcount */
static const struct cmd_key_spec ks_bitcount[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bitcount_1_2[] = {
    {.name = "byte", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BYTE"},
    {.name = "bit", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BIT"},
};
static const struct cmd_arg args_bitcount_1[] = {
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "end", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "index_unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_bitcount_1_2,
     .nsubargs = 2},
};
static const struct cmd_arg args_bitcount[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "index",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_bitcount_1,
     .nsubargs = 3},
};

/* bitfield */
static const struct cmd_key_spec ks_bitfield[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE | CMD_KS_VARIABLE_FLAGS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bitfield_1_0[] = {
    {.name = "encoding", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_bitfield_1_1_0[] = {
    {.name = "wrap", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "WRAP"},
    {.name = "sat", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SAT"},
    {.name = "fail", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FAIL"},
};
static const struct cmd_arg args_bitfield_1_1_1_0[] = {
    {.name = "encoding", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_bitfield_1_1_1_1[] = {
    {.name = "encoding", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "increment", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_bitfield_1_1_1[] = {
    {.name = "encoding_offset_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "SET",
     .subargs = args_bitfield_1_1_1_0,
     .nsubargs = 3},
    {.name = "encoding_offset_increment",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "INCRBY",
     .subargs = args_bitfield_1_1_1_1,
     .nsubargs = 3},
};
static const struct cmd_arg args_bitfield_1_1[] = {
    {.name = "wrap_sat_fail",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "OVERFLOW",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_bitfield_1_1_0,
     .nsubargs = 3},
    {.name = "write_operation",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_bitfield_1_1_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_bitfield_1[] = {
    {.name = "encoding_offset",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "GET",
     .subargs = args_bitfield_1_0,
     .nsubargs = 2},
    {.name = "write",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_bitfield_1_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_bitfield[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "operation",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE,
     .subargs = args_bitfield_1,
     .nsubargs = 2},
};

/* bitfield_ro */
static const struct cmd_key_spec ks_bitfield_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bitfield_ro_1[] = {
    {.name = "encoding", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_bitfield_ro[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "encoding_offset",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "GET",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE | CMD_ARG_MULTIPLE_TOKEN,
     .subargs = args_bitfield_ro_1,
     .nsubargs = 2},
};

/* bitop */
static const struct cmd_key_spec ks_bitop[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 3},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bitop[] = {
    {.name = "operation", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "destkey", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
};

/* bitpos */
static const struct cmd_key_spec ks_bitpos[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bitpos_2_1_1[] = {
    {.name = "byte", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BYTE"},
    {.name = "bit", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BIT"},
};
static const struct cmd_arg args_bitpos_2_1[] = {
    {.name = "end", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "index_unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_bitpos_2_1_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_bitpos_2[] = {
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "end_index",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_bitpos_2_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_bitpos[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "bit", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "index",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_bitpos_2,
     .nsubargs = 2},
};

/* blmove */
static const struct cmd_key_spec ks_blmove[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_blmove_2[] = {
    {.name = "left", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LEFT"},
    {.name = "right", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RIGHT"},
};
static const struct cmd_arg args_blmove_3[] = {
    {.name = "left", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LEFT"},
    {.name = "right", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RIGHT"},
};
static const struct cmd_arg args_blmove[] = {
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "wherefrom",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_blmove_2,
     .nsubargs = 2},
    {.name = "whereto",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_blmove_3,
     .nsubargs = 2},
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* blmpop */
static const struct cmd_key_spec ks_blmpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_blmpop_3[] = {
    {.name = "left", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LEFT"},
    {.name = "right", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RIGHT"},
};
static const struct cmd_arg args_blmpop[] = {
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "where",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_blmpop_3,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* blpop */
static const struct cmd_key_spec ks_blpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -2, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_blpop[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* brpop */
static const struct cmd_key_spec ks_brpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -2, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_brpop[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* brpoplpush */
static const struct cmd_key_spec ks_brpoplpush[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_brpoplpush[] = {
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* bzmpop */
static const struct cmd_key_spec ks_bzmpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_bzmpop_3[] = {
    {.name = "min", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MIN"},
    {.name = "max", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAX"},
};
static const struct cmd_arg args_bzmpop[] = {
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "where",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_bzmpop_3,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* bzpopmax */
static const struct cmd_key_spec ks_bzpopmax[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -2, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bzpopmax[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* bzpopmin */
static const struct cmd_key_spec ks_bzpopmin[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -2, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_bzpopmin[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "timeout", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* client caching */
static const struct cmd_arg args_client_caching_0[] = {
    {.name = "yes", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "YES"},
    {.name = "no", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NO"},
};
static const struct cmd_arg args_client_caching[] = {
    {.name = "mode",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_client_caching_0,
     .nsubargs = 2},
};

/* client getname */

/* client getredir */

/* client help */

/* client id */

/* client info */
static const char *const tips_client_info[] = {"nondeterministic_output", NULL};

/* client kill */
static const struct cmd_arg args_client_kill_0_1_1[] = {
    {.name = "normal", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NORMAL"},
    {.name = "master",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "MASTER",
     .since = "3.2.0"},
    {.name = "slave", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SLAVE"},
    {.name = "replica",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REPLICA",
     .since = "5.0.0"},
    {.name = "pubsub", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "PUBSUB"},
};
static const struct cmd_arg args_client_kill_0_1[] = {
    {.name = "client-id",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "ID",
     .since = "2.8.12",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "normal_master_slave_pubsub",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "TYPE",
     .since = "2.8.12",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_client_kill_0_1_1,
     .nsubargs = 5},
    {.name = "username",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "USER",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "ip:port",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "ADDR",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "ip:port",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "LADDR",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "yes/no",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "SKIPME",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_client_kill_0[] = {
    {.name = "ip:port", .type = CMD_ARG_STRING, .key_spec_index = -1, .deprecated_since = "2.8.12"},
    {.name = "new-format",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_client_kill_0_1,
     .nsubargs = 6},
};
static const struct cmd_arg args_client_kill[] = {
    {.name = "filter",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_client_kill_0,
     .nsubargs = 2},
};

/* client list */
static const char *const tips_client_list[] = {"nondeterministic_output", NULL};
static const struct cmd_arg args_client_list_0[] = {
    {.name = "normal", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NORMAL"},
    {.name = "master", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MASTER"},
    {.name = "replica", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "REPLICA"},
    {.name = "pubsub", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "PUBSUB"},
};
static const struct cmd_arg args_client_list_1[] = {
    {.name = "client-id", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};
static const struct cmd_arg args_client_list[] = {
    {.name = "normal_master_replica_pubsub",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "TYPE",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_client_list_0,
     .nsubargs = 4},
    {.name = "id",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "ID",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_client_list_1,
     .nsubargs = 1},
};

/* client no-evict */
static const struct cmd_arg args_client_no_evict_0[] = {
    {.name = "on", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ON"},
    {.name = "off", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "OFF"},
};
static const struct cmd_arg args_client_no_evict[] = {
    {.name = "enabled",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_client_no_evict_0,
     .nsubargs = 2},
};

/* client pause */
static const struct cmd_arg args_client_pause_1[] = {
    {.name = "write", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "WRITE"},
    {.name = "all", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ALL"},
};
static const struct cmd_arg args_client_pause[] = {
    {.name = "timeout", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "mode",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_client_pause_1,
     .nsubargs = 2},
};

/* client reply */
static const struct cmd_arg args_client_reply_0[] = {
    {.name = "on", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ON"},
    {.name = "off", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "OFF"},
    {.name = "skip", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SKIP"},
};
static const struct cmd_arg args_client_reply[] = {
    {.name = "on_off_skip",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_client_reply_0,
     .nsubargs = 3},
};

/* client setinfo */
static const char *const tips_client_setinfo[] = {"request_policy:all_nodes",
                                                  "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_client_setinfo_0[] = {
    {.name = "libname", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "LIB-NAME"},
    {.name = "libver", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "LIB-VER"},
};
static const struct cmd_arg args_client_setinfo[] = {
    {.name = "attr",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_client_setinfo_0,
     .nsubargs = 2},
};

/* client setname */
static const struct cmd_arg args_client_setname[] = {
    {.name = "connection-name", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* client tracking */
static const struct cmd_arg args_client_tracking_0[] = {
    {.name = "on", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ON"},
    {.name = "off", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "OFF"},
};
static const struct cmd_arg args_client_tracking[] = {
    {.name = "status",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_client_tracking_0,
     .nsubargs = 2},
    {.name = "client-id",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "REDIRECT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "prefix",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "PREFIX",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE | CMD_ARG_MULTIPLE_TOKEN},
    {.name = "bcast",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "BCAST",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "optin",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "OPTIN",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "optout",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "OPTOUT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "noloop",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "NOLOOP",
     .flags = CMD_ARG_OPTIONAL},
};

/* client trackinginfo */

/* client unblock */
static const struct cmd_arg args_client_unblock_1[] = {
    {.name = "timeout", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "TIMEOUT"},
    {.name = "error", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ERROR"},
};
static const struct cmd_arg args_client_unblock[] = {
    {.name = "client-id", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "timeout_error",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_client_unblock_1,
     .nsubargs = 2},
};

/* client unpause */

static struct cmd sub_client[] = {
    {
        .name = "caching",
        .proc = cmd_client_caching,
        .arity = 3,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Choose whether the next read is tracked (opt-in/opt-out tracking)",
        .since = "6.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_caching,
        .nargs = 1,
    },
    {
        .name = "getname",
        .proc = cmd_client_getname,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Return the name of this connection",
        .since = "2.6.9",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "getredir",
        .proc = cmd_client_getredir,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Return the id of the client receiving this one's invalidations",
        .since = "6.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "help",
        .proc = cmd_client_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the CLIENT subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "id",
        .proc = cmd_client_id,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Return the id of this connection",
        .since = "5.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "info",
        .proc = cmd_client_info,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_client_info,
        .summary = "Describe this connection",
        .since = "6.2.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "kill",
        .proc = cmd_client_kill,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Close client connections chosen by address, id or other filters",
        .since = "2.4.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(N)",
        .args = args_client_kill,
        .nargs = 1,
    },
    {
        .name = "list",
        .proc = cmd_client_list,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_client_list,
        .summary = "Describe all client connections",
        .since = "2.4.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(N)",
        .args = args_client_list,
        .nargs = 2,
    },
    {
        .name = "no-evict",
        .proc = cmd_client_no_evict,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Exempt this connection from client eviction, or stop doing so",
        .since = "7.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_no_evict,
        .nargs = 1,
    },
    {
        .name = "pause",
        .proc = cmd_client_pause,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Hold client commands for a time",
        .since = "2.9.50",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_pause,
        .nargs = 2,
    },
    {
        .name = "reply",
        .proc = cmd_client_reply,
        .arity = 3,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Turn the server's replies to this connection on or off",
        .since = "3.2.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_reply,
        .nargs = 1,
    },
    {
        .name = "setinfo",
        .proc = cmd_client_setinfo,
        .arity = 4,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_client_setinfo,
        .summary = "Record the client library's name or version for this connection",
        .since = "7.2.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_setinfo,
        .nargs = 1,
    },
    {
        .name = "setname",
        .proc = cmd_client_setname,
        .arity = 3,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Give this connection a name",
        .since = "2.6.9",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_setname,
        .nargs = 1,
    },
    {
        .name = "tracking",
        .proc = cmd_client_tracking,
        .arity = -3,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Turn server-assisted client-side caching on or off",
        .since = "6.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_client_tracking,
        .nargs = 7,
    },
    {
        .name = "trackinginfo",
        .proc = cmd_client_trackinginfo,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe this connection's client-side caching state",
        .since = "6.2.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "unblock",
        .proc = cmd_client_unblock,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Wake a client blocked in a blocking command",
        .since = "5.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(log N)",
        .args = args_client_unblock,
        .nargs = 2,
    },
    {
        .name = "unpause",
        .proc = cmd_client_unpause,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Release clients held by CLIENT PAUSE",
        .since = "6.2.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(N)",
    },
};
/* client */

/* cluster addslots */
static const struct cmd_arg args_cluster_addslots[] = {
    {.name = "slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* cluster addslotsrange */
static const struct cmd_arg args_cluster_addslotsrange_0[] = {
    {.name = "start-slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "end-slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_cluster_addslotsrange[] = {
    {.name = "start-slot_end-slot",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_cluster_addslotsrange_0,
     .nsubargs = 2},
};

/* cluster bumpepoch */
static const char *const tips_cluster_bumpepoch[] = {"nondeterministic_output", NULL};

/* cluster count-failure-reports */
static const char *const tips_cluster_count_failure_reports[] = {"nondeterministic_output", NULL};
static const struct cmd_arg args_cluster_count_failure_reports[] = {
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* cluster countkeysinslot */
static const struct cmd_arg args_cluster_countkeysinslot[] = {
    {.name = "slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* cluster delslots */
static const struct cmd_arg args_cluster_delslots[] = {
    {.name = "slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* cluster delslotsrange */
static const struct cmd_arg args_cluster_delslotsrange_0[] = {
    {.name = "start-slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "end-slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_cluster_delslotsrange[] = {
    {.name = "start-slot_end-slot",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_cluster_delslotsrange_0,
     .nsubargs = 2},
};

/* cluster failover */
static const struct cmd_arg args_cluster_failover_0[] = {
    {.name = "force", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FORCE"},
    {.name = "takeover", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "TAKEOVER"},
};
static const struct cmd_arg args_cluster_failover[] = {
    {.name = "options",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_cluster_failover_0,
     .nsubargs = 2},
};

/* cluster flushslots */

/* cluster forget */
static const struct cmd_arg args_cluster_forget[] = {
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* cluster getkeysinslot */
static const char *const tips_cluster_getkeysinslot[] = {"nondeterministic_output", NULL};
static const struct cmd_arg args_cluster_getkeysinslot[] = {
    {.name = "slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* cluster help */

/* cluster info */
static const char *const tips_cluster_info[] = {"nondeterministic_output", NULL};

/* cluster keyslot */
static const struct cmd_arg args_cluster_keyslot[] = {
    {.name = "key", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* cluster links */
static const char *const tips_cluster_links[] = {"nondeterministic_output", NULL};

/* cluster meet */
static const struct cmd_arg args_cluster_meet[] = {
    {.name = "ip", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "port", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "cluster_bus_port",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .since = "4.0.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* cluster myid */

/* cluster nodes */
static const char *const tips_cluster_nodes[] = {"nondeterministic_output", NULL};

/* cluster replicas */
static const char *const tips_cluster_replicas[] = {"nondeterministic_output", NULL};
static const struct cmd_arg args_cluster_replicas[] = {
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* cluster replicate */
static const struct cmd_arg args_cluster_replicate[] = {
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* cluster reset */
static const struct cmd_arg args_cluster_reset_0[] = {
    {.name = "hard", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "HARD"},
    {.name = "soft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SOFT"},
};
static const struct cmd_arg args_cluster_reset[] = {
    {.name = "hard_soft",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_cluster_reset_0,
     .nsubargs = 2},
};

/* cluster saveconfig */

/* cluster set-config-epoch */
static const struct cmd_arg args_cluster_set_config_epoch[] = {
    {.name = "config-epoch", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* cluster setslot */
static const struct cmd_arg args_cluster_setslot_1[] = {
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "IMPORTING"},
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "MIGRATING"},
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "NODE"},
    {.name = "stable", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "STABLE"},
};
static const struct cmd_arg args_cluster_setslot[] = {
    {.name = "slot", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "subcommand",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_cluster_setslot_1,
     .nsubargs = 4},
};

/* cluster shards */
static const char *const tips_cluster_shards[] = {"nondeterministic_output", NULL};

/* cluster slaves */
static const char *const tips_cluster_slaves[] = {"nondeterministic_output", NULL};
static const struct cmd_arg args_cluster_slaves[] = {
    {.name = "node-id", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* cluster slots */
static const char *const tips_cluster_slots[] = {"nondeterministic_output", NULL};

static struct cmd sub_cluster[] = {
    {
        .name = "addslots",
        .proc = cmd_cluster_addslots,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Give hash slots to this node",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_addslots,
        .nargs = 1,
    },
    {
        .name = "addslotsrange",
        .proc = cmd_cluster_addslotsrange,
        .arity = -4,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Give ranges of hash slots to this node",
        .since = "7.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_addslotsrange,
        .nargs = 1,
    },
    {
        .name = "bumpepoch",
        .proc = cmd_cluster_bumpepoch,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_bumpepoch,
        .summary = "Move this node to a new configuration epoch",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "count-failure-reports",
        .proc = cmd_cluster_count_failure_reports,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_count_failure_reports,
        .summary = "Count the failure reports about a node",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_count_failure_reports,
        .nargs = 1,
    },
    {
        .name = "countkeysinslot",
        .proc = cmd_cluster_countkeysinslot,
        .arity = 3,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Count the keys in a hash slot",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_countkeysinslot,
        .nargs = 1,
    },
    {
        .name = "delslots",
        .proc = cmd_cluster_delslots,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Take hash slots away from this node",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_delslots,
        .nargs = 1,
    },
    {
        .name = "delslotsrange",
        .proc = cmd_cluster_delslotsrange,
        .arity = -4,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Take ranges of hash slots away from this node",
        .since = "7.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_delslotsrange,
        .nargs = 1,
    },
    {
        .name = "failover",
        .proc = cmd_cluster_failover,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Make this replica take over from its master",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_failover,
        .nargs = 1,
    },
    {
        .name = "flushslots",
        .proc = cmd_cluster_flushslots,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Drop every hash slot of this node",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "forget",
        .proc = cmd_cluster_forget,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Drop a node from this node's view of the cluster",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_forget,
        .nargs = 1,
    },
    {
        .name = "getkeysinslot",
        .proc = cmd_cluster_getkeysinslot,
        .arity = 4,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_getkeysinslot,
        .summary = "List key names in a hash slot",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(log(N))",
        .args = args_cluster_getkeysinslot,
        .nargs = 2,
    },
    {
        .name = "help",
        .proc = cmd_cluster_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the CLUSTER subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "info",
        .proc = cmd_cluster_info,
        .arity = 2,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_info,
        .summary = "Report the state of the cluster",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "keyslot",
        .proc = cmd_cluster_keyslot,
        .arity = 3,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Compute the hash slot of a key name",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_keyslot,
        .nargs = 1,
    },
    {
        .name = "links",
        .proc = cmd_cluster_links,
        .arity = 2,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_links,
        .summary = "Describe this node's cluster bus links",
        .since = "7.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
    },
    {
        .name = "meet",
        .proc = cmd_cluster_meet,
        .arity = -4,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Join a node to the cluster",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_meet,
        .nargs = 3,
    },
    {
        .name = "myid",
        .proc = cmd_cluster_myid,
        .arity = 2,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Return this node's id",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "nodes",
        .proc = cmd_cluster_nodes,
        .arity = 2,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_nodes,
        .summary = "Describe the cluster as this node sees it",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
    },
    {
        .name = "replicas",
        .proc = cmd_cluster_replicas,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_replicas,
        .summary = "List the replicas of a master node",
        .since = "5.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_replicas,
        .nargs = 1,
    },
    {
        .name = "replicate",
        .proc = cmd_cluster_replicate,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Make this node a replica of a master",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_replicate,
        .nargs = 1,
    },
    {
        .name = "reset",
        .proc = cmd_cluster_reset,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Reset this node's cluster state",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .args = args_cluster_reset,
        .nargs = 1,
    },
    {
        .name = "saveconfig",
        .proc = cmd_cluster_saveconfig,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Write the cluster configuration to disk",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "set-config-epoch",
        .proc = cmd_cluster_set_config_epoch,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Set the configuration epoch of a new node",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_set_config_epoch,
        .nargs = 1,
    },
    {
        .name = "setslot",
        .proc = cmd_cluster_setslot,
        .arity = -4,
        .flags = CMD_ADMIN | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Change the state of a hash slot on this node",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .args = args_cluster_setslot,
        .nargs = 2,
    },
    {
        .name = "shards",
        .proc = cmd_cluster_shards,
        .arity = 2,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_shards,
        .summary = "Describe the cluster's shards",
        .since = "7.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
    },
    {
        .name = "slaves",
        .proc = cmd_cluster_slaves,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_slaves,
        .summary = "List the replicas of a master node (old name)",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "5.0.0",
        .replaced_by = "`CLUSTER REPLICAS`",
        .args = args_cluster_slaves,
        .nargs = 1,
    },
    {
        .name = "slots",
        .proc = cmd_cluster_slots,
        .arity = 2,
        .flags = CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_cluster_slots,
        .summary = "Map hash slot ranges to nodes",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(N)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "7.0.0",
        .replaced_by = "`CLUSTER SHARDS`",
    },
};
/* cluster */

/* command count */

/* command docs */
static const char *const tips_command_docs[] = {"nondeterministic_output_order", NULL};
static const struct cmd_arg args_command_docs[] = {
    {.name = "command-name",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* command getkeys */

/* command getkeysandflags */

/* command help */

/* command info */
static const char *const tips_command_info[] = {"nondeterministic_output_order", NULL};
static const struct cmd_arg args_command_info[] = {
    {.name = "command-name",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* command list */
static const char *const tips_command_list[] = {"nondeterministic_output_order", NULL};
static const struct cmd_arg args_command_list_0[] = {
    {.name = "module-name", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "MODULE"},
    {.name = "category", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "ACLCAT"},
    {.name = "pattern", .type = CMD_ARG_PATTERN, .key_spec_index = -1, .token = "PATTERN"},
};
static const struct cmd_arg args_command_list[] = {
    {.name = "filterby",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "FILTERBY",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_command_list_0,
     .nsubargs = 3},
};

static struct cmd sub_command[] = {
    {
        .name = "count",
        .proc = cmd_command_count,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Count the commands",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "docs",
        .proc = cmd_command_docs,
        .arity = -2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_command_docs,
        .summary = "Return the documentation of commands",
        .since = "7.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_command_docs,
        .nargs = 1,
    },
    {
        .name = "getkeys",
        .proc = cmd_command_getkeys,
        .arity = -4,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Find the key names in a full command line",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "getkeysandflags",
        .proc = cmd_command_getkeysandflags,
        .arity = -4,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Find the key names in a full command line, with their access flags",
        .since = "7.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "help",
        .proc = cmd_command_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the COMMAND subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "info",
        .proc = cmd_command_info,
        .arity = -2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_command_info,
        .summary = "Describe the named commands, or all of them",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_command_info,
        .nargs = 1,
    },
    {
        .name = "list",
        .proc = cmd_command_list,
        .arity = -2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_command_list,
        .summary = "List command names, optionally filtered",
        .since = "7.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_command_list,
        .nargs = 1,
    },
};
/* command */
static const char *const tips_command[] = {"nondeterministic_output_order", NULL};

/* config get */
static const struct cmd_arg args_config_get_0[] = {
    {.name = "parameter", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_config_get[] = {
    {.name = "parameter",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_config_get_0,
     .nsubargs = 1},
};

/* config help */

/* config resetstat */

/* config rewrite */

/* config set */
static const char *const tips_config_set[] = {"request_policy:all_nodes",
                                              "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_config_set_0[] = {
    {.name = "parameter", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_config_set[] = {
    {.name = "parameter_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_config_set_0,
     .nsubargs = 2},
};

static struct cmd sub_config[] = {
    {
        .name = "get",
        .proc = cmd_config_get,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Read configuration parameters matching patterns",
        .since = "2.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_config_get,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_config_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the CONFIG subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "resetstat",
        .proc = cmd_config_resetstat,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Zero the statistics that INFO reports",
        .since = "2.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "rewrite",
        .proc = cmd_config_rewrite,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Write the running configuration back to the config file",
        .since = "2.8.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "set",
        .proc = cmd_config_set,
        .arity = -4,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_config_set,
        .summary = "Change configuration parameters at run time",
        .since = "2.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_config_set,
        .nargs = 1,
    },
};
/* config */

/* copy */
static const struct cmd_key_spec ks_copy[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_copy[] = {
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "destination-db",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "DB",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "replace",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REPLACE",
     .flags = CMD_ARG_OPTIONAL},
};

/* dbsize */
static const char *const tips_dbsize[] = {"request_policy:all_shards", "response_policy:agg_sum",
                                          NULL};

/* debug */

/* decr */
static const struct cmd_key_spec ks_decr[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_decr[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* decrby */
static const struct cmd_key_spec ks_decrby[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_decrby[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "decrement", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* del */
static const char *const tips_del[] = {"request_policy:multi_shard", "response_policy:agg_sum",
                                       NULL};
static const struct cmd_key_spec ks_del[] = {
    {.flags = CMD_KS_RM | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_del[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* discard */

/* dump */
static const char *const tips_dump[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_dump[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_dump[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* echo */
static const struct cmd_arg args_echo[] = {
    {.name = "message", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* eval */
static const struct cmd_key_spec ks_eval[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_eval[] = {
    {.name = "script", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 0,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* eval_ro */
static const struct cmd_key_spec ks_eval_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_eval_ro[] = {
    {.name = "script", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 0,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* evalsha */
static const struct cmd_key_spec ks_evalsha[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_evalsha[] = {
    {.name = "sha1", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 0,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* evalsha_ro */
static const struct cmd_key_spec ks_evalsha_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_evalsha_ro[] = {
    {.name = "sha1", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 0,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* exec */

/* exists */
static const char *const tips_exists[] = {"request_policy:multi_shard", "response_policy:agg_sum",
                                          NULL};
static const struct cmd_key_spec ks_exists[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_exists[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* expire */
static const struct cmd_key_spec ks_expire[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_expire_2[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
    {.name = "gt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "GT"},
    {.name = "lt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LT"},
};
static const struct cmd_arg args_expire[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "seconds", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_expire_2,
     .nsubargs = 4},
};

/* expireat */
static const struct cmd_key_spec ks_expireat[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_expireat_2[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
    {.name = "gt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "GT"},
    {.name = "lt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LT"},
};
static const struct cmd_arg args_expireat[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "unix-time-seconds", .type = CMD_ARG_UNIX_TIME, .key_spec_index = -1},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_expireat_2,
     .nsubargs = 4},
};

/* expiretime */
static const struct cmd_key_spec ks_expiretime[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_expiretime[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* failover */
static const struct cmd_arg args_failover_0[] = {
    {.name = "host", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "port", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "force",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "FORCE",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_failover[] = {
    {.name = "target",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "TO",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_failover_0,
     .nsubargs = 3},
    {.name = "abort",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ABORT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "milliseconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "TIMEOUT",
     .flags = CMD_ARG_OPTIONAL},
};

/* fcall */
static const struct cmd_key_spec ks_fcall[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_fcall[] = {
    {.name = "function", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 0,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* fcall_ro */
static const struct cmd_key_spec ks_fcall_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_fcall_ro[] = {
    {.name = "function", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 0,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* flushall */
static const char *const tips_flushall[] = {"request_policy:all_shards",
                                            "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_flushall_0[] = {
    {.name = "async",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ASYNC",
     .since = "4.0.0"},
    {.name = "sync",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "SYNC",
     .since = "6.2.0"},
};
static const struct cmd_arg args_flushall[] = {
    {.name = "async",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_flushall_0,
     .nsubargs = 2},
};

/* flushdb */
static const char *const tips_flushdb[] = {"request_policy:all_shards",
                                           "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_flushdb_0[] = {
    {.name = "async",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ASYNC",
     .since = "4.0.0"},
    {.name = "sync",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "SYNC",
     .since = "6.2.0"},
};
static const struct cmd_arg args_flushdb[] = {
    {.name = "async",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_flushdb_0,
     .nsubargs = 2},
};

/* function delete */
static const char *const tips_function_delete[] = {"request_policy:all_shards",
                                                   "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_function_delete[] = {
    {.name = "library-name", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* function dump */

/* function flush */
static const char *const tips_function_flush[] = {"request_policy:all_shards",
                                                  "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_function_flush_0[] = {
    {.name = "async", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASYNC"},
    {.name = "sync", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SYNC"},
};
static const struct cmd_arg args_function_flush[] = {
    {.name = "async",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_function_flush_0,
     .nsubargs = 2},
};

/* function help */

/* function kill */
static const char *const tips_function_kill[] = {"request_policy:all_shards",
                                                 "response_policy:one_succeeded", NULL};

/* function list */
static const char *const tips_function_list[] = {"nondeterministic_output_order", NULL};
static const struct cmd_arg args_function_list[] = {
    {.name = "library-name-pattern",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "LIBRARYNAME",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withcode",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHCODE",
     .flags = CMD_ARG_OPTIONAL},
};

/* function load */
static const char *const tips_function_load[] = {"request_policy:all_shards",
                                                 "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_function_load[] = {
    {.name = "replace",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REPLACE",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "function-code", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* function restore */
static const char *const tips_function_restore[] = {"request_policy:all_shards",
                                                    "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_function_restore_1[] = {
    {.name = "flush", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FLUSH"},
    {.name = "append", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "APPEND"},
    {.name = "replace", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "REPLACE"},
};
static const struct cmd_arg args_function_restore[] = {
    {.name = "serialized-value", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "policy",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_function_restore_1,
     .nsubargs = 3},
};

/* function stats */
static const char *const tips_function_stats[] = {
    "nondeterministic_output", "request_policy:all_shards", "response_policy:special", NULL};

static struct cmd sub_function[] = {
    {
        .name = "delete",
        .proc = cmd_function_delete,
        .arity = 3,
        .flags = CMD_WRITE | CMD_NOSCRIPT,
        .acl = CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_delete,
        .summary = "Remove a function library",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
        .args = args_function_delete,
        .nargs = 1,
    },
    {
        .name = "dump",
        .proc = cmd_function_dump,
        .arity = 2,
        .flags = CMD_NOSCRIPT,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Serialize all function libraries",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N)",
    },
    {
        .name = "flush",
        .proc = cmd_function_flush,
        .arity = -2,
        .flags = CMD_WRITE | CMD_NOSCRIPT,
        .acl = CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_flush,
        .summary = "Remove all function libraries",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N)",
        .args = args_function_flush,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_function_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the FUNCTION subcommands",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
    },
    {
        .name = "kill",
        .proc = cmd_function_kill,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_kill,
        .summary = "Stop the running function",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
    },
    {
        .name = "list",
        .proc = cmd_function_list,
        .arity = -2,
        .flags = CMD_NOSCRIPT,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_list,
        .summary = "Describe the function libraries",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N)",
        .args = args_function_list,
        .nargs = 2,
    },
    {
        .name = "load",
        .proc = cmd_function_load,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_NOSCRIPT,
        .acl = CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_load,
        .summary = "Add a function library",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
        .args = args_function_load,
        .nargs = 2,
    },
    {
        .name = "restore",
        .proc = cmd_function_restore,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_NOSCRIPT,
        .acl = CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_restore,
        .summary = "Load function libraries from a serialized payload",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N)",
        .args = args_function_restore,
        .nargs = 2,
    },
    {
        .name = "stats",
        .proc = cmd_function_stats,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_function_stats,
        .summary = "Report the running function and the engines",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
    },
};
/* function */

/* geoadd */
static const struct cmd_key_spec ks_geoadd[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_geoadd_1[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
};
static const struct cmd_arg args_geoadd_3[] = {
    {.name = "longitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "latitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_geoadd[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_geoadd_1,
     .nsubargs = 2},
    {.name = "change",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "CH",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "longitude_latitude_member",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_geoadd_3,
     .nsubargs = 3},
};

/* geodist */
static const struct cmd_key_spec ks_geodist[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_geodist_3[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_geodist[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member1", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "member2", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_geodist_3,
     .nsubargs = 4},
};

/* geohash */
static const struct cmd_key_spec ks_geohash[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_geohash[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* geopos */
static const struct cmd_key_spec ks_geopos[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_geopos[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* georadius */
static const struct cmd_key_spec ks_georadius[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "STORE", .startfrom = 6},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "STOREDIST", .startfrom = 6},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_georadius_4[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_georadius_8[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "COUNT"},
    {.name = "any",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ANY",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_georadius_9[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_georadius[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "longitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "latitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "radius", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_georadius_4,
     .nsubargs = 4},
    {.name = "withcoord",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHCOORD",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withdist",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHDIST",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withhash",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHHASH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadius_8,
     .nsubargs = 2},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadius_9,
     .nsubargs = 2},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 1,
     .token = "STORE",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 2,
     .token = "STOREDIST",
     .flags = CMD_ARG_OPTIONAL},
};

/* georadius_ro */
static const struct cmd_key_spec ks_georadius_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_georadius_ro_4[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_georadius_ro_8[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "COUNT"},
    {.name = "any",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ANY",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_georadius_ro_9[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_georadius_ro[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "longitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "latitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "radius", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_georadius_ro_4,
     .nsubargs = 4},
    {.name = "withcoord",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHCOORD",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withdist",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHDIST",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withhash",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHHASH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadius_ro_8,
     .nsubargs = 2},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadius_ro_9,
     .nsubargs = 2},
};

/* georadiusbymember */
static const struct cmd_key_spec ks_georadiusbymember[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "STORE", .startfrom = 5},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "STOREDIST", .startfrom = 5},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_georadiusbymember_3[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_georadiusbymember_7[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "COUNT"},
    {.name = "any",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ANY",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_georadiusbymember_8[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_georadiusbymember[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "radius", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_georadiusbymember_3,
     .nsubargs = 4},
    {.name = "withcoord",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHCOORD",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withdist",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHDIST",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withhash",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHHASH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadiusbymember_7,
     .nsubargs = 2},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadiusbymember_8,
     .nsubargs = 2},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 1,
     .token = "STORE",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 2,
     .token = "STOREDIST",
     .flags = CMD_ARG_OPTIONAL},
};

/* georadiusbymember_ro */
static const struct cmd_key_spec ks_georadiusbymember_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_georadiusbymember_ro_3[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_georadiusbymember_ro_7[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "COUNT"},
    {.name = "any",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ANY",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_georadiusbymember_ro_8[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_georadiusbymember_ro[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "radius", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_georadiusbymember_ro_3,
     .nsubargs = 4},
    {.name = "withcoord",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHCOORD",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withdist",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHDIST",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withhash",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHHASH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadiusbymember_ro_7,
     .nsubargs = 2},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_georadiusbymember_ro_8,
     .nsubargs = 2},
};

/* geosearch */
static const struct cmd_key_spec ks_geosearch[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_geosearch_1_1[] = {
    {.name = "longitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "latitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};
static const struct cmd_arg args_geosearch_1[] = {
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "FROMMEMBER"},
    {.name = "longitude_latitude",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "FROMLONLAT",
     .subargs = args_geosearch_1_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_geosearch_2_0_1[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_geosearch_2_0[] = {
    {.name = "radius", .type = CMD_ARG_DOUBLE, .key_spec_index = -1, .token = "BYRADIUS"},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearch_2_0_1,
     .nsubargs = 4},
};
static const struct cmd_arg args_geosearch_2_1_2[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_geosearch_2_1[] = {
    {.name = "width", .type = CMD_ARG_DOUBLE, .key_spec_index = -1, .token = "BYBOX"},
    {.name = "height", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearch_2_1_2,
     .nsubargs = 4},
};
static const struct cmd_arg args_geosearch_2[] = {
    {.name = "circle",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_geosearch_2_0,
     .nsubargs = 2},
    {.name = "box",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_geosearch_2_1,
     .nsubargs = 3},
};
static const struct cmd_arg args_geosearch_3[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_geosearch_4[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "COUNT"},
    {.name = "any",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ANY",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_geosearch[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "from",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearch_1,
     .nsubargs = 2},
    {.name = "by",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearch_2,
     .nsubargs = 2},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_geosearch_3,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_geosearch_4,
     .nsubargs = 2},
    {.name = "withcoord",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHCOORD",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withdist",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHDIST",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withhash",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHHASH",
     .flags = CMD_ARG_OPTIONAL},
};

/* geosearchstore */
static const struct cmd_key_spec ks_geosearchstore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_geosearchstore_2_1[] = {
    {.name = "longitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "latitude", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};
static const struct cmd_arg args_geosearchstore_2[] = {
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .token = "FROMMEMBER"},
    {.name = "longitude_latitude",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "FROMLONLAT",
     .subargs = args_geosearchstore_2_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_geosearchstore_3_0_1[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_geosearchstore_3_0[] = {
    {.name = "radius", .type = CMD_ARG_DOUBLE, .key_spec_index = -1, .token = "BYRADIUS"},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearchstore_3_0_1,
     .nsubargs = 4},
};
static const struct cmd_arg args_geosearchstore_3_1_2[] = {
    {.name = "m", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "M"},
    {.name = "km", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "KM"},
    {.name = "ft", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "FT"},
    {.name = "mi", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MI"},
};
static const struct cmd_arg args_geosearchstore_3_1[] = {
    {.name = "width", .type = CMD_ARG_DOUBLE, .key_spec_index = -1, .token = "BYBOX"},
    {.name = "height", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "unit",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearchstore_3_1_2,
     .nsubargs = 4},
};
static const struct cmd_arg args_geosearchstore_3[] = {
    {.name = "circle",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_geosearchstore_3_0,
     .nsubargs = 2},
    {.name = "box",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_geosearchstore_3_1,
     .nsubargs = 3},
};
static const struct cmd_arg args_geosearchstore_4[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_geosearchstore_5[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "COUNT"},
    {.name = "any",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ANY",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_geosearchstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "from",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearchstore_2,
     .nsubargs = 2},
    {.name = "by",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_geosearchstore_3,
     .nsubargs = 2},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_geosearchstore_4,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_geosearchstore_5,
     .nsubargs = 2},
    {.name = "storedist",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "STOREDIST",
     .flags = CMD_ARG_OPTIONAL},
};

/* get */
static const struct cmd_key_spec ks_get[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_get[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* getbit */
static const struct cmd_key_spec ks_getbit[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_getbit[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* getdel */
static const struct cmd_key_spec ks_getdel[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_getdel[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* getex */
static const struct cmd_key_spec ks_getex[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_getex_1[] = {
    {.name = "seconds", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "EX"},
    {.name = "milliseconds", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .token = "PX"},
    {.name = "unix-time-seconds", .type = CMD_ARG_UNIX_TIME, .key_spec_index = -1, .token = "EXAT"},
    {.name = "unix-time-milliseconds",
     .type = CMD_ARG_UNIX_TIME,
     .key_spec_index = -1,
     .token = "PXAT"},
    {.name = "persist", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "PERSIST"},
};
static const struct cmd_arg args_getex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "expiration",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_getex_1,
     .nsubargs = 5},
};

/* getrange */
static const struct cmd_key_spec ks_getrange[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_getrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "end", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* getset */
static const struct cmd_key_spec ks_getset[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_getset[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* hdel */
static const struct cmd_key_spec ks_hdel[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hdel[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* hello */
static const struct cmd_arg args_hello_0_1[] = {
    {.name = "username", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "password", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_hello_0[] = {
    {.name = "protover", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "username_password",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "AUTH",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_hello_0_1,
     .nsubargs = 2},
    {.name = "clientname",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "SETNAME",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_hello[] = {
    {.name = "arguments",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_hello_0,
     .nsubargs = 3},
};

/* hexists */
static const struct cmd_key_spec ks_hexists[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hexists[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* hget */
static const struct cmd_key_spec ks_hget[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hget[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* hgetall */
static const char *const tips_hgetall[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_hgetall[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hgetall[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* hincrby */
static const struct cmd_key_spec ks_hincrby[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hincrby[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "increment", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* hincrbyfloat */
static const struct cmd_key_spec ks_hincrbyfloat[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hincrbyfloat[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "increment", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* hkeys */
static const char *const tips_hkeys[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_hkeys[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hkeys[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* hlen */
static const struct cmd_key_spec ks_hlen[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hlen[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* hmget */
static const struct cmd_key_spec ks_hmget[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hmget[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* hmset */
static const struct cmd_key_spec ks_hmset[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hmset_1[] = {
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_hmset[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_hmset_1,
     .nsubargs = 2},
};

/* hrandfield */
static const char *const tips_hrandfield[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_hrandfield[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hrandfield_1[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "withvalues",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHVALUES",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_hrandfield[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "options",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_hrandfield_1,
     .nsubargs = 2},
};

/* hscan */
static const char *const tips_hscan[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_hscan[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hscan[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "cursor", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = -1,
     .token = "MATCH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* hset */
static const struct cmd_key_spec ks_hset[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hset_1[] = {
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_hset[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_hset_1,
     .nsubargs = 2},
};

/* hsetnx */
static const struct cmd_key_spec ks_hsetnx[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hsetnx[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* hstrlen */
static const struct cmd_key_spec ks_hstrlen[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hstrlen[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* hvals */
static const char *const tips_hvals[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_hvals[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_hvals[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* incr */
static const struct cmd_key_spec ks_incr[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_incr[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* incrby */
static const struct cmd_key_spec ks_incrby[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_incrby[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "increment", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* incrbyfloat */
static const struct cmd_key_spec ks_incrbyfloat[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_incrbyfloat[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "increment", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* info */
static const char *const tips_info[] = {"nondeterministic_output", "request_policy:all_shards",
                                        "response_policy:special", NULL};
static const struct cmd_arg args_info[] = {
    {.name = "section",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* keys */
static const char *const tips_keys[] = {"request_policy:all_shards",
                                        "nondeterministic_output_order", NULL};
static const struct cmd_arg args_keys[] = {
    {.name = "pattern", .type = CMD_ARG_PATTERN, .key_spec_index = -1},
};

/* lastsave */
static const char *const tips_lastsave[] = {"nondeterministic_output", NULL};

/* latency doctor */
static const char *const tips_latency_doctor[] = {
    "nondeterministic_output", "request_policy:all_nodes", "response_policy:special", NULL};

/* latency graph */
static const char *const tips_latency_graph[] = {
    "nondeterministic_output", "request_policy:all_nodes", "response_policy:special", NULL};
static const struct cmd_arg args_latency_graph[] = {
    {.name = "event", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* latency help */

/* latency histogram */
static const char *const tips_latency_histogram[] = {
    "nondeterministic_output", "request_policy:all_nodes", "response_policy:special", NULL};
static const struct cmd_arg args_latency_histogram[] = {
    {.name = "command",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* latency history */
static const char *const tips_latency_history[] = {
    "nondeterministic_output", "request_policy:all_nodes", "response_policy:special", NULL};
static const struct cmd_arg args_latency_history[] = {
    {.name = "event", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* latency latest */
static const char *const tips_latency_latest[] = {
    "nondeterministic_output", "request_policy:all_nodes", "response_policy:special", NULL};

/* latency reset */
static const char *const tips_latency_reset[] = {"request_policy:all_nodes",
                                                 "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_latency_reset[] = {
    {.name = "event",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

static struct cmd sub_latency[] = {
    {
        .name = "doctor",
        .proc = cmd_latency_doctor,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_latency_doctor,
        .summary = "Explain the latency monitor's findings in words",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "graph",
        .proc = cmd_latency_graph,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_latency_graph,
        .summary = "Draw a text graph of one latency event",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_latency_graph,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_latency_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the LATENCY subcommands",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "histogram",
        .proc = cmd_latency_histogram,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_latency_histogram,
        .summary = "Report per-command latency histograms",
        .since = "7.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_latency_histogram,
        .nargs = 1,
    },
    {
        .name = "history",
        .proc = cmd_latency_history,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_latency_history,
        .summary = "Return the recorded samples of one latency event",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_latency_history,
        .nargs = 1,
    },
    {
        .name = "latest",
        .proc = cmd_latency_latest,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_latency_latest,
        .summary = "Return the latest sample of each latency event",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "reset",
        .proc = cmd_latency_reset,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_latency_reset,
        .summary = "Clear latency monitor data",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_latency_reset,
        .nargs = 1,
    },
};
/* latency */

/* lcs */
static const struct cmd_key_spec ks_lcs[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lcs[] = {
    {.name = "key1", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "key2", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "len",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "LEN",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "idx",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "IDX",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "len",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "MINMATCHLEN",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "withmatchlen",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHMATCHLEN",
     .flags = CMD_ARG_OPTIONAL},
};

/* lindex */
static const struct cmd_key_spec ks_lindex[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lindex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "index", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* linsert */
static const struct cmd_key_spec ks_linsert[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_linsert_1[] = {
    {.name = "before", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BEFORE"},
    {.name = "after", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "AFTER"},
};
static const struct cmd_arg args_linsert[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "where",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_linsert_1,
     .nsubargs = 2},
    {.name = "pivot", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* llen */
static const struct cmd_key_spec ks_llen[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_llen[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* lmove */
static const struct cmd_key_spec ks_lmove[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lmove_2[] = {
    {.name = "left", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LEFT"},
    {.name = "right", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RIGHT"},
};
static const struct cmd_arg args_lmove_3[] = {
    {.name = "left", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LEFT"},
    {.name = "right", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RIGHT"},
};
static const struct cmd_arg args_lmove[] = {
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "wherefrom",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_lmove_2,
     .nsubargs = 2},
    {.name = "whereto",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_lmove_3,
     .nsubargs = 2},
};

/* lmpop */
static const struct cmd_key_spec ks_lmpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_lmpop_2[] = {
    {.name = "left", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LEFT"},
    {.name = "right", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "RIGHT"},
};
static const struct cmd_arg args_lmpop[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "where",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_lmpop_2,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* lolwut */
static const struct cmd_arg args_lolwut[] = {
    {.name = "version",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "VERSION",
     .flags = CMD_ARG_OPTIONAL},
};

/* lpop */
static const struct cmd_key_spec ks_lpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lpop[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* lpos */
static const struct cmd_key_spec ks_lpos[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lpos[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "rank",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "RANK",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "num-matches",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "len",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "MAXLEN",
     .flags = CMD_ARG_OPTIONAL},
};

/* lpush */
static const struct cmd_key_spec ks_lpush[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lpush[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* lpushx */
static const struct cmd_key_spec ks_lpushx[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lpushx[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* lrange */
static const struct cmd_key_spec ks_lrange[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "stop", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* lrem */
static const struct cmd_key_spec ks_lrem[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lrem[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* lset */
static const struct cmd_key_spec ks_lset[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_lset[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "index", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* ltrim */
static const struct cmd_key_spec ks_ltrim[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_ltrim[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "stop", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* memory doctor */
static const char *const tips_memory_doctor[] = {
    "nondeterministic_output", "request_policy:all_shards", "response_policy:special", NULL};

/* memory help */

/* memory malloc-stats */
static const char *const tips_memory_malloc_stats[] = {
    "nondeterministic_output", "request_policy:all_shards", "response_policy:special", NULL};

/* memory purge */
static const char *const tips_memory_purge[] = {"request_policy:all_shards",
                                                "response_policy:all_succeeded", NULL};

/* memory stats */
static const char *const tips_memory_stats[] = {
    "nondeterministic_output", "request_policy:all_shards", "response_policy:special", NULL};

/* memory usage */
static const struct cmd_key_spec ks_memory_usage[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_memory_usage[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "SAMPLES",
     .flags = CMD_ARG_OPTIONAL},
};

static struct cmd sub_memory[] = {
    {
        .name = "doctor",
        .proc = cmd_memory_doctor,
        .arity = 2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_memory_doctor,
        .summary = "Explain the memory state in words",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "help",
        .proc = cmd_memory_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the MEMORY subcommands",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "malloc-stats",
        .proc = cmd_memory_malloc_stats,
        .arity = 2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_memory_malloc_stats,
        .summary = "Report allocator statistics",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the allocator",
    },
    {
        .name = "purge",
        .proc = cmd_memory_purge,
        .arity = 2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_memory_purge,
        .summary = "Ask the allocator to return free memory",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the allocator",
    },
    {
        .name = "stats",
        .proc = cmd_memory_stats,
        .arity = 2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_memory_stats,
        .summary = "Report memory usage details",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "usage",
        .proc = cmd_memory_usage,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_memory_usage,
        .nkey_specs = 1,
        .summary = "Estimate the memory a key uses",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_memory_usage,
        .nargs = 2,
    },
};
/* memory */

/* mget */
static const char *const tips_mget[] = {"request_policy:multi_shard", NULL};
static const struct cmd_key_spec ks_mget[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_mget[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* migrate */
static const char *const tips_migrate[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_migrate[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 3},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE | CMD_KS_INCOMPLETE,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "KEYS", .startfrom = -2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_migrate_2[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "empty_string", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = ""},
};
static const struct cmd_arg args_migrate_7_1[] = {
    {.name = "username", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "password", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_migrate_7[] = {
    {.name = "password",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "AUTH",
     .since = "4.0.7",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "username_password",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "AUTH2",
     .since = "6.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_migrate_7_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_migrate[] = {
    {.name = "host", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "port", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key_or_empty_string",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_migrate_2,
     .nsubargs = 2},
    {.name = "destination-db", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "timeout", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "copy",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "COPY",
     .since = "3.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "replace",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REPLACE",
     .since = "3.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "authentication",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_migrate_7,
     .nsubargs = 2},
    {.name = "key",
     .type = CMD_ARG_KEY,
     .key_spec_index = 1,
     .token = "KEYS",
     .since = "3.0.6",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* module help */

/* module list */
static const char *const tips_module_list[] = {"nondeterministic_output_order", NULL};

/* module load */
static const struct cmd_arg args_module_load[] = {
    {.name = "path", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "arg",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* module loadex */
static const struct cmd_arg args_module_loadex_1[] = {
    {.name = "name", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_module_loadex_2[] = {
    {.name = "arg", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_module_loadex[] = {
    {.name = "path", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "configs",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "CONFIG",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE | CMD_ARG_MULTIPLE_TOKEN,
     .subargs = args_module_loadex_1,
     .nsubargs = 2},
    {.name = "args",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "ARGS",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE,
     .subargs = args_module_loadex_2,
     .nsubargs = 1},
};

/* module unload */
static const struct cmd_arg args_module_unload[] = {
    {.name = "name", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

static struct cmd sub_module[] = {
    {
        .name = "help",
        .proc = cmd_module_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the MODULE subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "list",
        .proc = cmd_module_list,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_module_list,
        .summary = "List the loaded modules",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "load",
        .proc = cmd_module_load,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_PROTECTED | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Load a module",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_module_load,
        .nargs = 2,
    },
    {
        .name = "loadex",
        .proc = cmd_module_loadex,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_PROTECTED | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Load a module with configuration and arguments",
        .since = "7.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_module_loadex,
        .nargs = 3,
    },
    {
        .name = "unload",
        .proc = cmd_module_unload,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_PROTECTED | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Unload a module",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_module_unload,
        .nargs = 1,
    },
};
/* module */

/* monitor */

/* move */
static const struct cmd_key_spec ks_move[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_move[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "db", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* mset */
static const char *const tips_mset[] = {"request_policy:multi_shard",
                                        "response_policy:all_succeeded", NULL};
static const struct cmd_key_spec ks_mset[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 2, .limit = 0}},
};
static const struct cmd_arg args_mset_0[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_mset[] = {
    {.name = "key_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_mset_0,
     .nsubargs = 2},
};

/* msetnx */
static const char *const tips_msetnx[] = {"request_policy:multi_shard", "response_policy:agg_min",
                                          NULL};
static const struct cmd_key_spec ks_msetnx[] = {
    {.flags = CMD_KS_OW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 2, .limit = 0}},
};
static const struct cmd_arg args_msetnx_0[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_msetnx[] = {
    {.name = "key_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_msetnx_0,
     .nsubargs = 2},
};

/* multi */

/* object encoding */
static const char *const tips_object_encoding[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_object_encoding[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_object_encoding[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* object freq */
static const char *const tips_object_freq[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_object_freq[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_object_freq[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* object help */

/* object idletime */
static const char *const tips_object_idletime[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_object_idletime[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_object_idletime[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* object refcount */
static const char *const tips_object_refcount[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_object_refcount[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_object_refcount[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

static struct cmd sub_object[] = {
    {
        .name = "encoding",
        .proc = cmd_object_encoding,
        .arity = 3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .tips = tips_object_encoding,
        .key_specs = ks_object_encoding,
        .nkey_specs = 1,
        .summary = "Return the internal encoding of a key's value",
        .since = "2.2.3",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_object_encoding,
        .nargs = 1,
    },
    {
        .name = "freq",
        .proc = cmd_object_freq,
        .arity = 3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .tips = tips_object_freq,
        .key_specs = ks_object_freq,
        .nkey_specs = 1,
        .summary = "Return the access frequency counter of a key (LFU)",
        .since = "4.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_object_freq,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_object_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the OBJECT subcommands",
        .since = "6.2.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
    },
    {
        .name = "idletime",
        .proc = cmd_object_idletime,
        .arity = 3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .tips = tips_object_idletime,
        .key_specs = ks_object_idletime,
        .nkey_specs = 1,
        .summary = "Return the seconds since a key was last accessed",
        .since = "2.2.3",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_object_idletime,
        .nargs = 1,
    },
    {
        .name = "refcount",
        .proc = cmd_object_refcount,
        .arity = 3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .tips = tips_object_refcount,
        .key_specs = ks_object_refcount,
        .nkey_specs = 1,
        .summary = "Return the reference count of a key's value",
        .since = "2.2.3",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_object_refcount,
        .nargs = 1,
    },
};
/* object */

/* persist */
static const struct cmd_key_spec ks_persist[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_persist[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* pexpire */
static const struct cmd_key_spec ks_pexpire[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pexpire_2[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
    {.name = "gt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "GT"},
    {.name = "lt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LT"},
};
static const struct cmd_arg args_pexpire[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "milliseconds", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_pexpire_2,
     .nsubargs = 4},
};

/* pexpireat */
static const struct cmd_key_spec ks_pexpireat[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pexpireat_2[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
    {.name = "gt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "GT"},
    {.name = "lt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LT"},
};
static const struct cmd_arg args_pexpireat[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "unix-time-milliseconds", .type = CMD_ARG_UNIX_TIME, .key_spec_index = -1},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_pexpireat_2,
     .nsubargs = 4},
};

/* pexpiretime */
static const struct cmd_key_spec ks_pexpiretime[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pexpiretime[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* pfadd */
static const struct cmd_key_spec ks_pfadd[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pfadd[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "element",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* pfcount */
static const struct cmd_key_spec ks_pfcount[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pfcount[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* pfdebug */
static const struct cmd_key_spec ks_pfdebug[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pfdebug[] = {
    {.name = "subcommand", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* pfmerge */
static const struct cmd_key_spec ks_pfmerge[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pfmerge[] = {
    {.name = "destkey", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "sourcekey", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
};

/* pfselftest */

/* ping */
static const char *const tips_ping[] = {"request_policy:all_shards",
                                        "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_ping[] = {
    {.name = "message", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* psetex */
static const struct cmd_key_spec ks_psetex[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_psetex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "milliseconds", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* psubscribe */
static const struct cmd_arg args_psubscribe_0[] = {
    {.name = "pattern", .type = CMD_ARG_PATTERN, .key_spec_index = -1},
};
static const struct cmd_arg args_psubscribe[] = {
    {.name = "pattern",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_psubscribe_0,
     .nsubargs = 1},
};

/* psync */
static const struct cmd_arg args_psync[] = {
    {.name = "replicationid", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* pttl */
static const char *const tips_pttl[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_pttl[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_pttl[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* publish */
static const struct cmd_arg args_publish[] = {
    {.name = "channel", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "message", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* pubsub channels */
static const struct cmd_arg args_pubsub_channels[] = {
    {.name = "pattern", .type = CMD_ARG_PATTERN, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* pubsub help */

/* pubsub numpat */

/* pubsub numsub */
static const struct cmd_arg args_pubsub_numsub[] = {
    {.name = "channel",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* pubsub shardchannels */
static const struct cmd_arg args_pubsub_shardchannels[] = {
    {.name = "pattern", .type = CMD_ARG_PATTERN, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* pubsub shardnumsub */
static const struct cmd_arg args_pubsub_shardnumsub[] = {
    {.name = "shardchannel",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

static struct cmd sub_pubsub[] = {
    {
        .name = "channels",
        .proc = cmd_pubsub_channels,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "List channels with subscribers",
        .since = "2.8.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_pubsub_channels,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_pubsub_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the PUBSUB subcommands",
        .since = "6.2.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(1)",
    },
    {
        .name = "numpat",
        .proc = cmd_pubsub_numpat,
        .arity = 2,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Count pattern subscriptions",
        .since = "2.8.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(1)",
    },
    {
        .name = "numsub",
        .proc = cmd_pubsub_numsub,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Count the subscribers of channels",
        .since = "2.8.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_pubsub_numsub,
        .nargs = 1,
    },
    {
        .name = "shardchannels",
        .proc = cmd_pubsub_shardchannels,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "List shard channels with subscribers",
        .since = "7.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_pubsub_shardchannels,
        .nargs = 1,
    },
    {
        .name = "shardnumsub",
        .proc = cmd_pubsub_shardnumsub,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Count the subscribers of shard channels",
        .since = "7.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_pubsub_shardnumsub,
        .nargs = 1,
    },
};
/* pubsub */

/* punsubscribe */
static const struct cmd_arg args_punsubscribe[] = {
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* quit */

/* randomkey */
static const char *const tips_randomkey[] = {"request_policy:all_shards", "nondeterministic_output",
                                             NULL};

/* readonly */

/* readwrite */

/* rename */
static const struct cmd_key_spec ks_rename[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_rename[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "newkey", .type = CMD_ARG_KEY, .key_spec_index = 1},
};

/* renamenx */
static const struct cmd_key_spec ks_renamenx[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_OW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_renamenx[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "newkey", .type = CMD_ARG_KEY, .key_spec_index = 1},
};

/* replconf */

/* replicaof */
static const struct cmd_arg args_replicaof_0_0[] = {
    {.name = "host", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "port", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_replicaof_0_1[] = {
    {.name = "no", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NO"},
    {.name = "one", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ONE"},
};
static const struct cmd_arg args_replicaof_0[] = {
    {.name = "host-port",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_replicaof_0_0,
     .nsubargs = 2},
    {.name = "no-one",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_replicaof_0_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_replicaof[] = {
    {.name = "args",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_replicaof_0,
     .nsubargs = 2},
};

/* reset */

/* restore */
static const struct cmd_key_spec ks_restore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_restore[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "ttl", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "serialized-value", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "replace",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REPLACE",
     .since = "3.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "absttl",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ABSTTL",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "seconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "IDLETIME",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "frequency",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "FREQ",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* restore-asking */
static const struct cmd_key_spec ks_restore_asking[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_restore_asking[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "ttl", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "serialized-value", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "replace",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REPLACE",
     .since = "3.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "absttl",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ABSTTL",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "seconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "IDLETIME",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "frequency",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "FREQ",
     .since = "5.0.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* role */

/* rpop */
static const struct cmd_key_spec ks_rpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_rpop[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* rpoplpush */
static const struct cmd_key_spec ks_rpoplpush[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_rpoplpush[] = {
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 1},
};

/* rpush */
static const struct cmd_key_spec ks_rpush[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_rpush[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* rpushx */
static const struct cmd_key_spec ks_rpushx[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_rpushx[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "element", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* sadd */
static const struct cmd_key_spec ks_sadd[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sadd[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* save */

/* scan */
static const char *const tips_scan[] = {"nondeterministic_output", "request_policy:special", NULL};
static const struct cmd_arg args_scan[] = {
    {.name = "cursor", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = -1,
     .token = "MATCH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "type",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "TYPE",
     .since = "6.0.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* scard */
static const struct cmd_key_spec ks_scard[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_scard[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* script debug */
static const struct cmd_arg args_script_debug_0[] = {
    {.name = "yes", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "YES"},
    {.name = "sync", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SYNC"},
    {.name = "no", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NO"},
};
static const struct cmd_arg args_script_debug[] = {
    {.name = "mode",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_script_debug_0,
     .nsubargs = 3},
};

/* script exists */
static const char *const tips_script_exists[] = {"request_policy:all_shards",
                                                 "response_policy:agg_logical_and", NULL};
static const struct cmd_arg args_script_exists[] = {
    {.name = "sha1", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* script flush */
static const char *const tips_script_flush[] = {"request_policy:all_nodes",
                                                "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_script_flush_0[] = {
    {.name = "async", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASYNC"},
    {.name = "sync", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SYNC"},
};
static const struct cmd_arg args_script_flush[] = {
    {.name = "async",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_script_flush_0,
     .nsubargs = 2},
};

/* script help */

/* script kill */
static const char *const tips_script_kill[] = {"request_policy:all_shards",
                                               "response_policy:one_succeeded", NULL};

/* script load */
static const char *const tips_script_load[] = {"request_policy:all_nodes",
                                               "response_policy:all_succeeded", NULL};
static const struct cmd_arg args_script_load[] = {
    {.name = "script", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

static struct cmd sub_script[] = {
    {
        .name = "debug",
        .proc = cmd_script_debug,
        .arity = 3,
        .flags = CMD_NOSCRIPT,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Choose the debug mode of later scripts",
        .since = "3.2.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
        .args = args_script_debug,
        .nargs = 1,
    },
    {
        .name = "exists",
        .proc = cmd_script_exists,
        .arity = -3,
        .flags = CMD_NOSCRIPT,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_script_exists,
        .summary = "Tell whether scripts are cached",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N), O(1)",
        .args = args_script_exists,
        .nargs = 1,
    },
    {
        .name = "flush",
        .proc = cmd_script_flush,
        .arity = -2,
        .flags = CMD_NOSCRIPT,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_script_flush,
        .summary = "Empty the script cache",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N)",
        .args = args_script_flush,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_script_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the SCRIPT subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
    },
    {
        .name = "kill",
        .proc = cmd_script_kill,
        .arity = 2,
        .flags = CMD_NOSCRIPT | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_script_kill,
        .summary = "Stop the running script",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(1)",
    },
    {
        .name = "load",
        .proc = cmd_script_load,
        .arity = 3,
        .flags = CMD_NOSCRIPT | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_script_load,
        .summary = "Cache a script without running it",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "O(N)",
        .args = args_script_load,
        .nargs = 1,
    },
};
/* script */

/* sdiff */
static const char *const tips_sdiff[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_sdiff[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sdiff[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* sdiffstore */
static const struct cmd_key_spec ks_sdiffstore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sdiffstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
};

/* select */
static const struct cmd_arg args_select[] = {
    {.name = "index", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* set */
static const struct cmd_key_spec ks_set[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE | CMD_KS_VARIABLE_FLAGS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_set_2[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
};
static const struct cmd_arg args_set_4[] = {
    {.name = "seconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "EX",
     .since = "2.6.12"},
    {.name = "milliseconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "PX",
     .since = "2.6.12"},
    {.name = "unix-time-seconds",
     .type = CMD_ARG_UNIX_TIME,
     .key_spec_index = -1,
     .token = "EXAT",
     .since = "6.2.0"},
    {.name = "unix-time-milliseconds",
     .type = CMD_ARG_UNIX_TIME,
     .key_spec_index = -1,
     .token = "PXAT",
     .since = "6.2.0"},
    {.name = "keepttl",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "KEEPTTL",
     .since = "6.0.0"},
};
static const struct cmd_arg args_set[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "2.6.12",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_set_2,
     .nsubargs = 2},
    {.name = "get",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "GET",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "expiration",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_set_4,
     .nsubargs = 5},
};

/* setbit */
static const struct cmd_key_spec ks_setbit[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_setbit[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* setex */
static const struct cmd_key_spec ks_setex[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_setex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "seconds", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* setnx */
static const struct cmd_key_spec ks_setnx[] = {
    {.flags = CMD_KS_OW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_setnx[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* setrange */
static const struct cmd_key_spec ks_setrange[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_setrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* shutdown */
static const struct cmd_arg args_shutdown_0[] = {
    {.name = "nosave", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NOSAVE"},
    {.name = "save", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SAVE"},
};
static const struct cmd_arg args_shutdown[] = {
    {.name = "nosave_save",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_shutdown_0,
     .nsubargs = 2},
    {.name = "now",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "NOW",
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "force",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "FORCE",
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "abort",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ABORT",
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* sinter */
static const char *const tips_sinter[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_sinter[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sinter[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* sintercard */
static const struct cmd_key_spec ks_sintercard[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_sintercard[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "limit",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL},
};

/* sinterstore */
static const struct cmd_key_spec ks_sinterstore[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sinterstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
};

/* sismember */
static const struct cmd_key_spec ks_sismember[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sismember[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* slaveof */
static const struct cmd_arg args_slaveof_0_0[] = {
    {.name = "host", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "port", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_slaveof_0_1[] = {
    {.name = "no", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NO"},
    {.name = "one", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ONE"},
};
static const struct cmd_arg args_slaveof_0[] = {
    {.name = "host-port",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_slaveof_0_0,
     .nsubargs = 2},
    {.name = "no-one",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_slaveof_0_1,
     .nsubargs = 2},
};
static const struct cmd_arg args_slaveof[] = {
    {.name = "args",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_slaveof_0,
     .nsubargs = 2},
};

/* slowlog get */
static const char *const tips_slowlog_get[] = {"request_policy:all_nodes",
                                               "nondeterministic_output", NULL};
static const struct cmd_arg args_slowlog_get[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* slowlog help */

/* slowlog len */
static const char *const tips_slowlog_len[] = {
    "request_policy:all_nodes", "response_policy:agg_sum", "nondeterministic_output", NULL};

/* slowlog reset */
static const char *const tips_slowlog_reset[] = {"request_policy:all_nodes",
                                                 "response_policy:all_succeeded", NULL};

static struct cmd sub_slowlog[] = {
    {
        .name = "get",
        .proc = cmd_slowlog_get,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_slowlog_get,
        .summary = "Return slow log entries",
        .since = "2.2.12",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_slowlog_get,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_slowlog_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the SLOWLOG subcommands",
        .since = "6.2.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "len",
        .proc = cmd_slowlog_len,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_slowlog_len,
        .summary = "Count the slow log entries",
        .since = "2.2.12",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "reset",
        .proc = cmd_slowlog_reset,
        .arity = 2,
        .flags = CMD_ADMIN | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_slowlog_reset,
        .summary = "Empty the slow log",
        .since = "2.2.12",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
};
/* slowlog */

/* smembers */
static const char *const tips_smembers[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_smembers[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_smembers[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* smismember */
static const struct cmd_key_spec ks_smismember[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_smismember[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* smove */
static const struct cmd_key_spec ks_smove[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_smove[] = {
    {.name = "source", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* sort */
static const struct cmd_key_spec ks_sort[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_UNKNOWN,
     .find = CMD_KS_FIND_UNKNOWN},
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_UNKNOWN,
     .find = CMD_KS_FIND_UNKNOWN},
};
static const struct cmd_arg args_sort_2[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_sort_4[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_sort[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = 1,
     .token = "BY",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_sort_2,
     .nsubargs = 2},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = 1,
     .token = "GET",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE | CMD_ARG_MULTIPLE_TOKEN},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_sort_4,
     .nsubargs = 2},
    {.name = "sorting",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ALPHA",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "destination",
     .type = CMD_ARG_KEY,
     .key_spec_index = 2,
     .token = "STORE",
     .flags = CMD_ARG_OPTIONAL},
};

/* sort_ro */
static const struct cmd_key_spec ks_sort_ro[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_UNKNOWN,
     .find = CMD_KS_FIND_UNKNOWN},
};
static const struct cmd_arg args_sort_ro_2[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_sort_ro_4[] = {
    {.name = "asc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "ASC"},
    {.name = "desc", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "DESC"},
};
static const struct cmd_arg args_sort_ro[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = 1,
     .token = "BY",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_sort_ro_2,
     .nsubargs = 2},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = 1,
     .token = "GET",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE | CMD_ARG_MULTIPLE_TOKEN},
    {.name = "order",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_sort_ro_4,
     .nsubargs = 2},
    {.name = "sorting",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "ALPHA",
     .flags = CMD_ARG_OPTIONAL},
};

/* spop */
static const char *const tips_spop[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_spop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_spop[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .since = "3.2.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* spublish */
static const struct cmd_key_spec ks_spublish[] = {
    {.flags = CMD_KS_NOT_KEY,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_spublish[] = {
    {.name = "shardchannel", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "message", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* srandmember */
static const char *const tips_srandmember[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_srandmember[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_srandmember[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .since = "2.6.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* srem */
static const struct cmd_key_spec ks_srem[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_srem[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* sscan */
static const char *const tips_sscan[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_sscan[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sscan[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "cursor", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = -1,
     .token = "MATCH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* ssubscribe */
static const struct cmd_key_spec ks_ssubscribe[] = {
    {.flags = CMD_KS_NOT_KEY,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_ssubscribe[] = {
    {.name = "shardchannel",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE},
};

/* strlen */
static const struct cmd_key_spec ks_strlen[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_strlen[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* subscribe */
static const struct cmd_arg args_subscribe[] = {
    {.name = "channel", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* substr */
static const struct cmd_key_spec ks_substr[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_substr[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "end", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* sunion */
static const char *const tips_sunion[] = {"nondeterministic_output_order", NULL};
static const struct cmd_key_spec ks_sunion[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sunion[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* sunionstore */
static const struct cmd_key_spec ks_sunionstore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sunionstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
};

/* sunsubscribe */
static const struct cmd_key_spec ks_sunsubscribe[] = {
    {.flags = CMD_KS_NOT_KEY,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_sunsubscribe[] = {
    {.name = "shardchannel",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* swapdb */
static const struct cmd_arg args_swapdb[] = {
    {.name = "index1", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "index2", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* sync */

/* time */
static const char *const tips_time[] = {"nondeterministic_output", NULL};

/* touch */
static const char *const tips_touch[] = {"request_policy:multi_shard", "response_policy:agg_sum",
                                         NULL};
static const struct cmd_key_spec ks_touch[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_touch[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* ttl */
static const char *const tips_ttl[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_ttl[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_ttl[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* type */
static const struct cmd_key_spec ks_type[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_type[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* unlink */
static const char *const tips_unlink[] = {"request_policy:multi_shard", "response_policy:agg_sum",
                                          NULL};
static const struct cmd_key_spec ks_unlink[] = {
    {.flags = CMD_KS_RM | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_unlink[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* unsubscribe */
static const struct cmd_arg args_unsubscribe[] = {
    {.name = "channel",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
};

/* unwatch */

/* wait */
static const char *const tips_wait[] = {"request_policy:all_shards", "response_policy:agg_min",
                                        NULL};
static const struct cmd_arg args_wait[] = {
    {.name = "numreplicas", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "timeout", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* watch */
static const struct cmd_key_spec ks_watch[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_watch[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
};

/* xack */
static const struct cmd_key_spec ks_xack[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xack[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "group", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* xadd */
static const char *const tips_xadd[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_xadd[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xadd_2_0[] = {
    {.name = "maxlen", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAXLEN"},
    {.name = "minid",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "MINID",
     .since = "6.2.0"},
};
static const struct cmd_arg args_xadd_2_1[] = {
    {.name = "equal", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "="},
    {.name = "approximately", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "~"},
};
static const struct cmd_arg args_xadd_2[] = {
    {.name = "strategy",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_xadd_2_0,
     .nsubargs = 2},
    {.name = "operator",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_xadd_2_1,
     .nsubargs = 2},
    {.name = "threshold", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "LIMIT",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_xadd_3[] = {
    {.name = "auto_id", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "*"},
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_xadd_4[] = {
    {.name = "field", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "value", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_xadd[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "nomkstream",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "NOMKSTREAM",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "trim",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_xadd_2,
     .nsubargs = 4},
    {.name = "id_or_auto",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_xadd_3,
     .nsubargs = 2},
    {.name = "field_value",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_xadd_4,
     .nsubargs = 2},
};

/* xautoclaim */
static const char *const tips_xautoclaim[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_xautoclaim[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xautoclaim[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "group", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "consumer", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "min-idle-time", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "start", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "justid",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "JUSTID",
     .flags = CMD_ARG_OPTIONAL},
};

/* xclaim */
static const char *const tips_xclaim[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_xclaim[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xclaim[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "group", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "consumer", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "min-idle-time", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
    {.name = "ms",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "IDLE",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "unix-time-milliseconds",
     .type = CMD_ARG_UNIX_TIME,
     .key_spec_index = -1,
     .token = "TIME",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "RETRYCOUNT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "force",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "FORCE",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "justid",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "JUSTID",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "id",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "LASTID",
     .flags = CMD_ARG_OPTIONAL},
};

/* xdel */
static const struct cmd_key_spec ks_xdel[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xdel[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* xgroup create */
static const struct cmd_key_spec ks_xgroup_create[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xgroup_create_2[] = {
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "new_id", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "$"},
};
static const struct cmd_arg args_xgroup_create[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "groupname", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "id",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_xgroup_create_2,
     .nsubargs = 2},
    {.name = "mkstream",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "MKSTREAM",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "entries_read",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "ENTRIESREAD",
     .flags = CMD_ARG_OPTIONAL},
};

/* xgroup createconsumer */
static const struct cmd_key_spec ks_xgroup_createconsumer[] = {
    {.flags = CMD_KS_RW | CMD_KS_INSERT,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xgroup_createconsumer[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "groupname", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "consumername", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* xgroup delconsumer */
static const struct cmd_key_spec ks_xgroup_delconsumer[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xgroup_delconsumer[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "groupname", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "consumername", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* xgroup destroy */
static const struct cmd_key_spec ks_xgroup_destroy[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xgroup_destroy[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "groupname", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* xgroup help */

/* xgroup setid */
static const struct cmd_key_spec ks_xgroup_setid[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xgroup_setid_2[] = {
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "new_id", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "$"},
};
static const struct cmd_arg args_xgroup_setid[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "groupname", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "id",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_xgroup_setid_2,
     .nsubargs = 2},
    {.name = "entries_read",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "ENTRIESREAD",
     .flags = CMD_ARG_OPTIONAL},
};

static struct cmd sub_xgroup[] = {
    {
        .name = "create",
        .proc = cmd_xgroup_create,
        .arity = -5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xgroup_create,
        .nkey_specs = 1,
        .summary = "Create a consumer group",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xgroup_create,
        .nargs = 5,
    },
    {
        .name = "createconsumer",
        .proc = cmd_xgroup_createconsumer,
        .arity = 5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xgroup_createconsumer,
        .nkey_specs = 1,
        .summary = "Create a consumer in a group",
        .since = "6.2.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xgroup_createconsumer,
        .nargs = 3,
    },
    {
        .name = "delconsumer",
        .proc = cmd_xgroup_delconsumer,
        .arity = 5,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xgroup_delconsumer,
        .nkey_specs = 1,
        .summary = "Remove a consumer from a group",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xgroup_delconsumer,
        .nargs = 3,
    },
    {
        .name = "destroy",
        .proc = cmd_xgroup_destroy,
        .arity = 4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xgroup_destroy,
        .nkey_specs = 1,
        .summary = "Remove a consumer group",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(N)",
        .args = args_xgroup_destroy,
        .nargs = 2,
    },
    {
        .name = "help",
        .proc = cmd_xgroup_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the XGROUP subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
    },
    {
        .name = "setid",
        .proc = cmd_xgroup_setid,
        .arity = -5,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xgroup_setid,
        .nkey_specs = 1,
        .summary = "Move a group's last delivered id",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xgroup_setid,
        .nargs = 4,
    },
};
/* xgroup */

/* xinfo consumers */
static const char *const tips_xinfo_consumers[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_xinfo_consumers[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xinfo_consumers[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "groupname", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* xinfo groups */
static const struct cmd_key_spec ks_xinfo_groups[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xinfo_groups[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* xinfo help */

/* xinfo stream */
static const struct cmd_key_spec ks_xinfo_stream[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xinfo_stream_1[] = {
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_xinfo_stream[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "full",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "FULL",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_xinfo_stream_1,
     .nsubargs = 1},
};

static struct cmd sub_xinfo[] = {
    {
        .name = "consumers",
        .proc = cmd_xinfo_consumers,
        .arity = 4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .tips = tips_xinfo_consumers,
        .key_specs = ks_xinfo_consumers,
        .nkey_specs = 1,
        .summary = "Describe the consumers of a group",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xinfo_consumers,
        .nargs = 2,
    },
    {
        .name = "groups",
        .proc = cmd_xinfo_groups,
        .arity = 3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xinfo_groups,
        .nkey_specs = 1,
        .summary = "Describe the consumer groups of a stream",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xinfo_groups,
        .nargs = 1,
    },
    {
        .name = "help",
        .proc = cmd_xinfo_help,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe the XINFO subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
    },
    {
        .name = "stream",
        .proc = cmd_xinfo_stream,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_xinfo_stream,
        .nkey_specs = 1,
        .summary = "Describe a stream",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xinfo_stream,
        .nargs = 2,
    },
};
/* xinfo */

/* xlen */
static const struct cmd_key_spec ks_xlen[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xlen[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* xpending */
static const char *const tips_xpending[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_xpending[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xpending_2[] = {
    {.name = "min-idle-time",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "IDLE",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "start", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "end", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "consumer", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_xpending[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "group", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "filters",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_xpending_2,
     .nsubargs = 5},
};

/* xrange */
static const struct cmd_key_spec ks_xrange[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "end", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* xread */
static const struct cmd_key_spec ks_xread[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "STREAMS", .startfrom = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 2}},
};
static const struct cmd_arg args_xread_2[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};
static const struct cmd_arg args_xread[] = {
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "milliseconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "BLOCK",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "streams",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "STREAMS",
     .subargs = args_xread_2,
     .nsubargs = 2},
};

/* xreadgroup */
static const struct cmd_key_spec ks_xreadgroup[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_KEYWORD,
     .bs.keyword = {.keyword = "STREAMS", .startfrom = 4},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = -1, .keystep = 1, .limit = 2}},
};
static const struct cmd_arg args_xreadgroup_0[] = {
    {.name = "group", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "consumer", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_xreadgroup_4[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "id", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};
static const struct cmd_arg args_xreadgroup[] = {
    {.name = "group_consumer",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "GROUP",
     .subargs = args_xreadgroup_0,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "milliseconds",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "BLOCK",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "noack",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "NOACK",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "streams",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "STREAMS",
     .subargs = args_xreadgroup_4,
     .nsubargs = 2},
};

/* xrevrange */
static const struct cmd_key_spec ks_xrevrange[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xrevrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "end", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "start", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* xsetid */
static const struct cmd_key_spec ks_xsetid[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xsetid[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "last-id", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "entries_added",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "ENTRIESADDED",
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "max_deleted_entry_id",
     .type = CMD_ARG_STRING,
     .key_spec_index = -1,
     .token = "MAXDELETEDID",
     .since = "7.0.0",
     .flags = CMD_ARG_OPTIONAL},
};

/* xtrim */
static const char *const tips_xtrim[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_xtrim[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_xtrim_1_0[] = {
    {.name = "maxlen", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAXLEN"},
    {.name = "minid",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "MINID",
     .since = "6.2.0"},
};
static const struct cmd_arg args_xtrim_1_1[] = {
    {.name = "equal", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "="},
    {.name = "approximately", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "~"},
};
static const struct cmd_arg args_xtrim_1[] = {
    {.name = "strategy",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_xtrim_1_0,
     .nsubargs = 2},
    {.name = "operator",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_xtrim_1_1,
     .nsubargs = 2},
    {.name = "threshold", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "LIMIT",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_xtrim[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "trim",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .subargs = args_xtrim_1,
     .nsubargs = 4},
};

/* zadd */
static const struct cmd_key_spec ks_zadd[] = {
    {.flags = CMD_KS_RW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zadd_1[] = {
    {.name = "nx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "NX"},
    {.name = "xx", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "XX"},
};
static const struct cmd_arg args_zadd_2[] = {
    {.name = "gt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "GT"},
    {.name = "lt", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "LT"},
};
static const struct cmd_arg args_zadd_5[] = {
    {.name = "score", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};
static const struct cmd_arg args_zadd[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "condition",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "3.0.2",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zadd_1,
     .nsubargs = 2},
    {.name = "comparison",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zadd_2,
     .nsubargs = 2},
    {.name = "change",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "CH",
     .since = "3.0.2",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "increment",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "INCR",
     .since = "3.0.2",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "score_member",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_MULTIPLE,
     .subargs = args_zadd_5,
     .nsubargs = 2},
};

/* zcard */
static const struct cmd_key_spec ks_zcard[] = {
    {.flags = CMD_KS_RO,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zcard[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
};

/* zcount */
static const struct cmd_key_spec ks_zcount[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zcount[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "min", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* zdiff */
static const struct cmd_key_spec ks_zdiff[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zdiff[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
};

/* zdiffstore */
static const struct cmd_key_spec ks_zdiffstore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zdiffstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
};

/* zincrby */
static const struct cmd_key_spec ks_zincrby[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zincrby[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "increment", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* zinter */
static const struct cmd_key_spec ks_zinter[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zinter_3[] = {
    {.name = "sum", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SUM"},
    {.name = "min", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MIN"},
    {.name = "max", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAX"},
};
static const struct cmd_arg args_zinter[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "weight",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "WEIGHTS",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "aggregate",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "AGGREGATE",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zinter_3,
     .nsubargs = 3},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
};

/* zintercard */
static const struct cmd_key_spec ks_zintercard[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zintercard[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "limit",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL},
};

/* zinterstore */
static const struct cmd_key_spec ks_zinterstore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zinterstore_4[] = {
    {.name = "sum", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SUM"},
    {.name = "min", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MIN"},
    {.name = "max", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAX"},
};
static const struct cmd_arg args_zinterstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
    {.name = "weight",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "WEIGHTS",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "aggregate",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "AGGREGATE",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zinterstore_4,
     .nsubargs = 3},
};

/* zlexcount */
static const struct cmd_key_spec ks_zlexcount[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zlexcount[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "min", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* zmpop */
static const struct cmd_key_spec ks_zmpop[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zmpop_2[] = {
    {.name = "min", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MIN"},
    {.name = "max", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAX"},
};
static const struct cmd_arg args_zmpop[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "where",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .subargs = args_zmpop_2,
     .nsubargs = 2},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* zmscore */
static const struct cmd_key_spec ks_zmscore[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zmscore[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* zpopmax */
static const struct cmd_key_spec ks_zpopmax[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zpopmax[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* zpopmin */
static const struct cmd_key_spec ks_zpopmin[] = {
    {.flags = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zpopmin[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1, .flags = CMD_ARG_OPTIONAL},
};

/* zrandmember */
static const char *const tips_zrandmember[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_zrandmember[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrandmember_1[] = {
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
};
static const struct cmd_arg args_zrandmember[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "options",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrandmember_1,
     .nsubargs = 2},
};

/* zrange */
static const struct cmd_key_spec ks_zrange[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrange_3[] = {
    {.name = "byscore", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BYSCORE"},
    {.name = "bylex", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BYLEX"},
};
static const struct cmd_arg args_zrange_5[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_zrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "stop", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "sortby",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrange_3,
     .nsubargs = 2},
    {.name = "rev",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REV",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .since = "6.2.0",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrange_5,
     .nsubargs = 2},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
};

/* zrangebylex */
static const struct cmd_key_spec ks_zrangebylex[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrangebylex_3[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_zrangebylex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "min", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrangebylex_3,
     .nsubargs = 2},
};

/* zrangebyscore */
static const struct cmd_key_spec ks_zrangebyscore[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrangebyscore_4[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_zrangebyscore[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "min", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .since = "2.0.0",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrangebyscore_4,
     .nsubargs = 2},
};

/* zrangestore */
static const struct cmd_key_spec ks_zrangestore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrangestore_4[] = {
    {.name = "byscore", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BYSCORE"},
    {.name = "bylex", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "BYLEX"},
};
static const struct cmd_arg args_zrangestore_6[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_zrangestore[] = {
    {.name = "dst", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "src", .type = CMD_ARG_KEY, .key_spec_index = 1},
    {.name = "min", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "sortby",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrangestore_4,
     .nsubargs = 2},
    {.name = "rev",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "REV",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrangestore_6,
     .nsubargs = 2},
};

/* zrank */
static const struct cmd_key_spec ks_zrank[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrank[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* zrem */
static const struct cmd_key_spec ks_zrem[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrem[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1, .flags = CMD_ARG_MULTIPLE},
};

/* zremrangebylex */
static const struct cmd_key_spec ks_zremrangebylex[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zremrangebylex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "min", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* zremrangebyrank */
static const struct cmd_key_spec ks_zremrangebyrank[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zremrangebyrank[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "stop", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};

/* zremrangebyscore */
static const struct cmd_key_spec ks_zremrangebyscore[] = {
    {.flags = CMD_KS_RW | CMD_KS_DELETE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zremrangebyscore[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "min", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "max", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
};

/* zrevrange */
static const struct cmd_key_spec ks_zrevrange[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrevrange[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "start", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "stop", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
};

/* zrevrangebylex */
static const struct cmd_key_spec ks_zrevrangebylex[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrevrangebylex_3[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_zrevrangebylex[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "max", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "min", .type = CMD_ARG_STRING, .key_spec_index = -1},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrevrangebylex_3,
     .nsubargs = 2},
};

/* zrevrangebyscore */
static const struct cmd_key_spec ks_zrevrangebyscore[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrevrangebyscore_4[] = {
    {.name = "offset", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "count", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
};
static const struct cmd_arg args_zrevrangebyscore[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "max", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "min", .type = CMD_ARG_DOUBLE, .key_spec_index = -1},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "offset_count",
     .type = CMD_ARG_BLOCK,
     .key_spec_index = -1,
     .token = "LIMIT",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zrevrangebyscore_4,
     .nsubargs = 2},
};

/* zrevrank */
static const struct cmd_key_spec ks_zrevrank[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zrevrank[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* zscan */
static const char *const tips_zscan[] = {"nondeterministic_output", NULL};
static const struct cmd_key_spec ks_zscan[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zscan[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "cursor", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "pattern",
     .type = CMD_ARG_PATTERN,
     .key_spec_index = -1,
     .token = "MATCH",
     .flags = CMD_ARG_OPTIONAL},
    {.name = "count",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "COUNT",
     .flags = CMD_ARG_OPTIONAL},
};

/* zscore */
static const struct cmd_key_spec ks_zscore[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
};
static const struct cmd_arg args_zscore[] = {
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "member", .type = CMD_ARG_STRING, .key_spec_index = -1},
};

/* zunion */
static const struct cmd_key_spec ks_zunion[] = {
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zunion_3[] = {
    {.name = "sum", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SUM"},
    {.name = "min", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MIN"},
    {.name = "max", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAX"},
};
static const struct cmd_arg args_zunion[] = {
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 0, .flags = CMD_ARG_MULTIPLE},
    {.name = "weight",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "WEIGHTS",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "aggregate",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "AGGREGATE",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zunion_3,
     .nsubargs = 3},
    {.name = "withscores",
     .type = CMD_ARG_PURE_TOKEN,
     .key_spec_index = -1,
     .token = "WITHSCORES",
     .flags = CMD_ARG_OPTIONAL},
};

/* zunionstore */
static const struct cmd_key_spec ks_zunionstore[] = {
    {.flags = CMD_KS_OW | CMD_KS_UPDATE,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 1},
     .find = CMD_KS_FIND_RANGE,
     .fk.range = {.lastkey = 0, .keystep = 1, .limit = 0}},
    {.flags = CMD_KS_RO | CMD_KS_ACCESS,
     .begin = CMD_KS_BEGIN_INDEX,
     .bs.index = {.pos = 2},
     .find = CMD_KS_FIND_KEYNUM,
     .fk.keynum = {.keynumidx = 0, .firstkey = 1, .keystep = 1}},
};
static const struct cmd_arg args_zunionstore_4[] = {
    {.name = "sum", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "SUM"},
    {.name = "min", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MIN"},
    {.name = "max", .type = CMD_ARG_PURE_TOKEN, .key_spec_index = -1, .token = "MAX"},
};
static const struct cmd_arg args_zunionstore[] = {
    {.name = "destination", .type = CMD_ARG_KEY, .key_spec_index = 0},
    {.name = "numkeys", .type = CMD_ARG_INTEGER, .key_spec_index = -1},
    {.name = "key", .type = CMD_ARG_KEY, .key_spec_index = 1, .flags = CMD_ARG_MULTIPLE},
    {.name = "weight",
     .type = CMD_ARG_INTEGER,
     .key_spec_index = -1,
     .token = "WEIGHTS",
     .flags = CMD_ARG_OPTIONAL | CMD_ARG_MULTIPLE},
    {.name = "aggregate",
     .type = CMD_ARG_ONEOF,
     .key_spec_index = -1,
     .token = "AGGREGATE",
     .flags = CMD_ARG_OPTIONAL,
     .subargs = args_zunionstore_4,
     .nsubargs = 3},
};

struct cmd cmd_table[] = {
    {
        .name = "acl",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_acl,
        .nsubcmds = 13,
        .summary = "Container for access control list subcommands",
        .since = "6.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "append",
        .proc = cmd_append,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_append,
        .nkey_specs = 1,
        .summary = "Add a string to the end of a key's string value",
        .since = "2.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_append,
        .nargs = 2,
    },
    {
        .name = "asking",
        .proc = cmd_asking,
        .arity = 1,
        .flags = CMD_FAST,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Mark the next command as following an ASK redirect",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "auth",
        .proc = cmd_auth,
        .arity = -2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_NO_AUTH | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Authenticate this connection",
        .since = "1.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(N)",
        .args = args_auth,
        .nargs = 2,
    },
    {
        .name = "bgrewriteaof",
        .proc = cmd_bgrewriteaof,
        .arity = 1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Rewrite the append-only file in the background",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "bgsave",
        .proc = cmd_bgsave,
        .arity = -1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Save a snapshot of the dataset in the background",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_bgsave,
        .nargs = 1,
    },
    {
        .name = "bitcount",
        .proc = cmd_bitcount,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_BITMAP | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_bitcount,
        .nkey_specs = 1,
        .summary = "Count the set bits in a string",
        .since = "2.6.0",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(N)",
        .args = args_bitcount,
        .nargs = 2,
    },
    {
        .name = "bitfield",
        .proc = cmd_bitfield,
        .arity = -2,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_BITMAP | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_bitfield,
        .nkey_specs = 1,
        .summary = "Read and change integer fields packed in a string",
        .since = "3.2.0",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(1)",
        .args = args_bitfield,
        .nargs = 2,
    },
    {
        .name = "bitfield_ro",
        .proc = cmd_bitfield_ro,
        .arity = -2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_BITMAP | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_bitfield_ro,
        .nkey_specs = 1,
        .summary = "Read integer fields packed in a string",
        .since = "6.0.0",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(1)",
        .args = args_bitfield_ro,
        .nargs = 2,
    },
    {
        .name = "bitop",
        .proc = cmd_bitop,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_BITMAP | CMD_ACL_SLOW,
        .first_key = 2,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_bitop,
        .nkey_specs = 2,
        .summary = "Combine strings bit by bit and store the result",
        .since = "2.6.0",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(N)",
        .args = args_bitop,
        .nargs = 3,
    },
    {
        .name = "bitpos",
        .proc = cmd_bitpos,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_BITMAP | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_bitpos,
        .nkey_specs = 1,
        .summary = "Find the first bit set to 0 or 1 in a string",
        .since = "2.8.7",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(N)",
        .args = args_bitpos,
        .nargs = 3,
    },
    {
        .name = "blmove",
        .proc = cmd_blmove,
        .arity = 6,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_NOSCRIPT | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_blmove,
        .nkey_specs = 2,
        .summary = "Move an element between lists, waiting while the source is empty",
        .since = "6.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1)",
        .args = args_blmove,
        .nargs = 5,
    },
    {
        .name = "blmpop",
        .proc = cmd_blmpop,
        .arity = -5,
        .flags = CMD_WRITE | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_blmpop,
        .nkey_specs = 1,
        .summary = "Pop elements from the first non-empty list, waiting if all are empty",
        .since = "7.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N+M)",
        .args = args_blmpop,
        .nargs = 5,
    },
    {
        .name = "blpop",
        .proc = cmd_blpop,
        .arity = -3,
        .flags = CMD_WRITE | CMD_NOSCRIPT | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 1,
        .last_key = -2,
        .step = 1,
        .key_specs = ks_blpop,
        .nkey_specs = 1,
        .summary = "Pop the head of the first non-empty list, waiting if all are empty",
        .since = "2.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N)",
        .args = args_blpop,
        .nargs = 2,
    },
    {
        .name = "brpop",
        .proc = cmd_brpop,
        .arity = -3,
        .flags = CMD_WRITE | CMD_NOSCRIPT | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 1,
        .last_key = -2,
        .step = 1,
        .key_specs = ks_brpop,
        .nkey_specs = 1,
        .summary = "Pop the tail of the first non-empty list, waiting if all are empty",
        .since = "2.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N)",
        .args = args_brpop,
        .nargs = 2,
    },
    {
        .name = "brpoplpush",
        .proc = cmd_brpoplpush,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_NOSCRIPT | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_brpoplpush,
        .nkey_specs = 2,
        .summary =
            "Move the tail of one list to the head of another, waiting while the source is empty",
        .since = "2.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`BLMOVE` with the `RIGHT` and `LEFT` arguments",
        .args = args_brpoplpush,
        .nargs = 3,
    },
    {
        .name = "bzmpop",
        .proc = cmd_bzmpop,
        .arity = -5,
        .flags = CMD_WRITE | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_bzmpop,
        .nkey_specs = 1,
        .summary =
            "Pop members by score from the first non-empty sorted set, waiting if all are empty",
        .since = "7.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(K), O(M*log(N))",
        .args = args_bzmpop,
        .nargs = 5,
    },
    {
        .name = "bzpopmax",
        .proc = cmd_bzpopmax,
        .arity = -3,
        .flags = CMD_WRITE | CMD_NOSCRIPT | CMD_BLOCKING | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST | CMD_ACL_BLOCKING,
        .first_key = 1,
        .last_key = -2,
        .step = 1,
        .key_specs = ks_bzpopmax,
        .nkey_specs = 1,
        .summary = "Pop the highest-scored member of the first non-empty sorted set, waiting if "
                   "all are empty",
        .since = "5.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_bzpopmax,
        .nargs = 2,
    },
    {
        .name = "bzpopmin",
        .proc = cmd_bzpopmin,
        .arity = -3,
        .flags = CMD_WRITE | CMD_NOSCRIPT | CMD_BLOCKING | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST | CMD_ACL_BLOCKING,
        .first_key = 1,
        .last_key = -2,
        .step = 1,
        .key_specs = ks_bzpopmin,
        .nkey_specs = 1,
        .summary = "Pop the lowest-scored member of the first non-empty sorted set, waiting if all "
                   "are empty",
        .since = "5.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_bzpopmin,
        .nargs = 2,
    },
    {
        .name = "client",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_client,
        .nsubcmds = 17,
        .summary = "Container for client connection subcommands",
        .since = "2.4.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "cluster",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_cluster,
        .nsubcmds = 27,
        .summary = "Container for cluster subcommands",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "command",
        .proc = cmd_command,
        .arity = -1,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_command,
        .subcmds = sub_command,
        .nsubcmds = 7,
        .summary = "Describe all commands",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "config",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_config,
        .nsubcmds = 5,
        .summary = "Container for configuration subcommands",
        .since = "2.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "copy",
        .proc = cmd_copy,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_copy,
        .nkey_specs = 2,
        .summary = "Duplicate a key's value under another name",
        .since = "6.2.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N), O(1)",
        .args = args_copy,
        .nargs = 4,
    },
    {
        .name = "dbsize",
        .proc = cmd_dbsize,
        .arity = 1,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_dbsize,
        .summary = "Count the keys in the selected database",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "debug",
        .proc = cmd_debug,
        .arity = -2,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_PROTECTED,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Debugging and testing aids",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
        .doc_flags = CMD_DOC_SYSCMD,
    },
    {
        .name = "decr",
        .proc = cmd_decr,
        .arity = 2,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_decr,
        .nkey_specs = 1,
        .summary = "Subtract one from a key's integer value",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_decr,
        .nargs = 1,
    },
    {
        .name = "decrby",
        .proc = cmd_decrby,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_decrby,
        .nkey_specs = 1,
        .summary = "Subtract a number from a key's integer value",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_decrby,
        .nargs = 2,
    },
    {
        .name = "del",
        .proc = cmd_del,
        .arity = -2,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_del,
        .key_specs = ks_del,
        .nkey_specs = 1,
        .summary = "Remove keys",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N), O(M), O(1)",
        .args = args_del,
        .nargs = 1,
    },
    {
        .name = "discard",
        .proc = cmd_discard,
        .arity = 1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_TRANSACTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Drop the commands queued after MULTI",
        .since = "2.0.0",
        .group = CMD_GROUP_TRANSACTIONS,
        .complexity = "O(N)",
    },
    {
        .name = "dump",
        .proc = cmd_dump,
        .arity = 2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_dump,
        .key_specs = ks_dump,
        .nkey_specs = 1,
        .summary = "Serialize a key's value",
        .since = "2.6.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1), O(N*M), O(1*M)",
        .args = args_dump,
        .nargs = 1,
    },
    {
        .name = "echo",
        .proc = cmd_echo,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Return the argument",
        .since = "1.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_echo,
        .nargs = 1,
    },
    {
        .name = "eval",
        .proc = cmd_eval,
        .arity = -3,
        .flags =
            CMD_NOSCRIPT | CMD_STALE | CMD_SKIP_MONITOR | CMD_MAY_REPLICATE | CMD_NO_MANDATORY_KEYS,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_eval,
        .nkey_specs = 1,
        .summary = "Run a Lua script",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the script",
        .args = args_eval,
        .nargs = 4,
    },
    {
        .name = "eval_ro",
        .proc = cmd_eval_ro,
        .arity = -3,
        .flags = CMD_READONLY | CMD_NOSCRIPT | CMD_STALE | CMD_SKIP_MONITOR | CMD_NO_MANDATORY_KEYS,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_eval_ro,
        .nkey_specs = 1,
        .summary = "Run a read-only Lua script",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the script",
        .args = args_eval_ro,
        .nargs = 4,
    },
    {
        .name = "evalsha",
        .proc = cmd_evalsha,
        .arity = -3,
        .flags =
            CMD_NOSCRIPT | CMD_STALE | CMD_SKIP_MONITOR | CMD_MAY_REPLICATE | CMD_NO_MANDATORY_KEYS,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_evalsha,
        .nkey_specs = 1,
        .summary = "Run a cached Lua script by its SHA1 digest",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the script",
        .args = args_evalsha,
        .nargs = 4,
    },
    {
        .name = "evalsha_ro",
        .proc = cmd_evalsha_ro,
        .arity = -3,
        .flags = CMD_READONLY | CMD_NOSCRIPT | CMD_STALE | CMD_SKIP_MONITOR | CMD_NO_MANDATORY_KEYS,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_evalsha_ro,
        .nkey_specs = 1,
        .summary = "Run a cached read-only Lua script by its SHA1 digest",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the script",
        .args = args_evalsha_ro,
        .nargs = 4,
    },
    {
        .name = "exec",
        .proc = cmd_exec,
        .arity = 1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_SKIP_SLOWLOG,
        .acl = CMD_ACL_SLOW | CMD_ACL_TRANSACTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Run the commands queued after MULTI",
        .since = "1.2.0",
        .group = CMD_GROUP_TRANSACTIONS,
        .complexity = "Depends on the queued commands",
    },
    {
        .name = "exists",
        .proc = cmd_exists,
        .arity = -2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_exists,
        .key_specs = ks_exists,
        .nkey_specs = 1,
        .summary = "Count how many of the keys exist",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N)",
        .args = args_exists,
        .nargs = 1,
    },
    {
        .name = "expire",
        .proc = cmd_expire,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_expire,
        .nkey_specs = 1,
        .summary = "Give a key a time to live in seconds",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_expire,
        .nargs = 3,
    },
    {
        .name = "expireat",
        .proc = cmd_expireat,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_expireat,
        .nkey_specs = 1,
        .summary = "Give a key an expiry time as a Unix time in seconds",
        .since = "1.2.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_expireat,
        .nargs = 3,
    },
    {
        .name = "expiretime",
        .proc = cmd_expiretime,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_expiretime,
        .nkey_specs = 1,
        .summary = "Return a key's expiry time as a Unix time in seconds",
        .since = "7.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_expiretime,
        .nargs = 1,
    },
    {
        .name = "failover",
        .proc = cmd_failover,
        .arity = -1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Hand the master role to a replica in a controlled way",
        .since = "6.2.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_failover,
        .nargs = 3,
    },
    {
        .name = "fcall",
        .proc = cmd_fcall,
        .arity = -3,
        .flags =
            CMD_NOSCRIPT | CMD_STALE | CMD_SKIP_MONITOR | CMD_MAY_REPLICATE | CMD_NO_MANDATORY_KEYS,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_fcall,
        .nkey_specs = 1,
        .summary = "Call a function",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the function",
        .args = args_fcall,
        .nargs = 4,
    },
    {
        .name = "fcall_ro",
        .proc = cmd_fcall_ro,
        .arity = -3,
        .flags = CMD_READONLY | CMD_NOSCRIPT | CMD_STALE | CMD_SKIP_MONITOR | CMD_NO_MANDATORY_KEYS,
        .acl = CMD_ACL_SLOW | CMD_ACL_SCRIPTING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_fcall_ro,
        .nkey_specs = 1,
        .summary = "Call a read-only function",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the function",
        .args = args_fcall_ro,
        .nargs = 4,
    },
    {
        .name = "flushall",
        .proc = cmd_flushall,
        .arity = -1,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_flushall,
        .summary = "Remove every key of every database",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_flushall,
        .nargs = 1,
    },
    {
        .name = "flushdb",
        .proc = cmd_flushdb,
        .arity = -1,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_flushdb,
        .summary = "Remove every key of the selected database",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_flushdb,
        .nargs = 1,
    },
    {
        .name = "function",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_function,
        .nsubcmds = 9,
        .summary = "Container for function subcommands",
        .since = "7.0.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "geoadd",
        .proc = cmd_geoadd,
        .arity = -5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_geoadd,
        .nkey_specs = 1,
        .summary = "Add members with longitude and latitude to a geospatial index",
        .since = "3.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(log(N))",
        .args = args_geoadd,
        .nargs = 4,
    },
    {
        .name = "geodist",
        .proc = cmd_geodist,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_geodist,
        .nkey_specs = 1,
        .summary = "Compute the distance between two members of a geospatial index",
        .since = "3.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(log(N))",
        .args = args_geodist,
        .nargs = 4,
    },
    {
        .name = "geohash",
        .proc = cmd_geohash,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_geohash,
        .nkey_specs = 1,
        .summary = "Return members' positions as geohash strings",
        .since = "3.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(log(N))",
        .args = args_geohash,
        .nargs = 2,
    },
    {
        .name = "geopos",
        .proc = cmd_geopos,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_geopos,
        .nkey_specs = 1,
        .summary = "Return members' longitude and latitude",
        .since = "3.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N)",
        .args = args_geopos,
        .nargs = 2,
    },
    {
        .name = "georadius",
        .proc = cmd_georadius,
        .arity = -6,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_georadius,
        .nkey_specs = 3,
        .summary = "Find members within a radius of a point, optionally storing them",
        .since = "3.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N+log(M))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument",
        .args = args_georadius,
        .nargs = 12,
    },
    {
        .name = "georadius_ro",
        .proc = cmd_georadius_ro,
        .arity = -6,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_georadius_ro,
        .nkey_specs = 1,
        .summary = "Find members within a radius of a point",
        .since = "3.2.10",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N+log(M))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`GEOSEARCH` with the `BYRADIUS` argument",
        .args = args_georadius_ro,
        .nargs = 10,
    },
    {
        .name = "georadiusbymember",
        .proc = cmd_georadiusbymember,
        .arity = -5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_georadiusbymember,
        .nkey_specs = 3,
        .summary = "Find members within a radius of a member, optionally storing them",
        .since = "3.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N+log(M))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by =
            "`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments",
        .args = args_georadiusbymember,
        .nargs = 11,
    },
    {
        .name = "georadiusbymember_ro",
        .proc = cmd_georadiusbymember_ro,
        .arity = -5,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_georadiusbymember_ro,
        .nkey_specs = 1,
        .summary = "Find members within a radius of a member",
        .since = "3.2.10",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N+log(M))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments",
        .args = args_georadiusbymember_ro,
        .nargs = 9,
    },
    {
        .name = "geosearch",
        .proc = cmd_geosearch,
        .arity = -7,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_geosearch,
        .nkey_specs = 1,
        .summary = "Find members inside a circle or box",
        .since = "6.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N+log(M))",
        .args = args_geosearch,
        .nargs = 8,
    },
    {
        .name = "geosearchstore",
        .proc = cmd_geosearchstore,
        .arity = -8,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_GEO | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_geosearchstore,
        .nkey_specs = 2,
        .summary = "Find members inside a circle or box and store them",
        .since = "6.2.0",
        .group = CMD_GROUP_GEO,
        .complexity = "O(N+log(M))",
        .args = args_geosearchstore,
        .nargs = 7,
    },
    {
        .name = "get",
        .proc = cmd_get,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_get,
        .nkey_specs = 1,
        .summary = "Return the string stored at a key",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_get,
        .nargs = 1,
    },
    {
        .name = "getbit",
        .proc = cmd_getbit,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_BITMAP | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_getbit,
        .nkey_specs = 1,
        .summary = "Read one bit of a string",
        .since = "2.2.0",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(1)",
        .args = args_getbit,
        .nargs = 2,
    },
    {
        .name = "getdel",
        .proc = cmd_getdel,
        .arity = 2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_getdel,
        .nkey_specs = 1,
        .summary = "Return a key's string value and remove the key",
        .since = "6.2.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_getdel,
        .nargs = 1,
    },
    {
        .name = "getex",
        .proc = cmd_getex,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_getex,
        .nkey_specs = 1,
        .summary = "Return a key's string value and change its expiry",
        .since = "6.2.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_getex,
        .nargs = 2,
    },
    {
        .name = "getrange",
        .proc = cmd_getrange,
        .arity = 4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_getrange,
        .nkey_specs = 1,
        .summary = "Return part of a string",
        .since = "2.4.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(N), O(1)",
        .args = args_getrange,
        .nargs = 3,
    },
    {
        .name = "getset",
        .proc = cmd_getset,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_getset,
        .nkey_specs = 1,
        .summary = "Replace a key's string value and return the old one",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`SET` with the `!GET` argument",
        .args = args_getset,
        .nargs = 2,
    },
    {
        .name = "hdel",
        .proc = cmd_hdel,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hdel,
        .nkey_specs = 1,
        .summary = "Remove fields from a hash",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .args = args_hdel,
        .nargs = 2,
    },
    {
        .name = "hello",
        .proc = cmd_hello,
        .arity = -1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_NO_AUTH | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Choose the protocol version, optionally authenticate and name the connection",
        .since = "6.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_hello,
        .nargs = 1,
    },
    {
        .name = "hexists",
        .proc = cmd_hexists,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hexists,
        .nkey_specs = 1,
        .summary = "Tell whether a hash has a field",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hexists,
        .nargs = 2,
    },
    {
        .name = "hget",
        .proc = cmd_hget,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hget,
        .nkey_specs = 1,
        .summary = "Return the value of a hash field",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hget,
        .nargs = 2,
    },
    {
        .name = "hgetall",
        .proc = cmd_hgetall,
        .arity = 2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_hgetall,
        .key_specs = ks_hgetall,
        .nkey_specs = 1,
        .summary = "Return every field and value of a hash",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .args = args_hgetall,
        .nargs = 1,
    },
    {
        .name = "hincrby",
        .proc = cmd_hincrby,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hincrby,
        .nkey_specs = 1,
        .summary = "Add an integer to a hash field",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hincrby,
        .nargs = 3,
    },
    {
        .name = "hincrbyfloat",
        .proc = cmd_hincrbyfloat,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hincrbyfloat,
        .nkey_specs = 1,
        .summary = "Add a floating point number to a hash field",
        .since = "2.6.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hincrbyfloat,
        .nargs = 3,
    },
    {
        .name = "hkeys",
        .proc = cmd_hkeys,
        .arity = 2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_hkeys,
        .key_specs = ks_hkeys,
        .nkey_specs = 1,
        .summary = "Return the field names of a hash",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .args = args_hkeys,
        .nargs = 1,
    },
    {
        .name = "hlen",
        .proc = cmd_hlen,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hlen,
        .nkey_specs = 1,
        .summary = "Count the fields of a hash",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hlen,
        .nargs = 1,
    },
    {
        .name = "hmget",
        .proc = cmd_hmget,
        .arity = -3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hmget,
        .nkey_specs = 1,
        .summary = "Return the values of several hash fields",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .args = args_hmget,
        .nargs = 2,
    },
    {
        .name = "hmset",
        .proc = cmd_hmset,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hmset,
        .nkey_specs = 1,
        .summary = "Set several hash fields",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "4.0.0",
        .replaced_by = "`HSET` with multiple field-value pairs",
        .args = args_hmset,
        .nargs = 2,
    },
    {
        .name = "hrandfield",
        .proc = cmd_hrandfield,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_hrandfield,
        .key_specs = ks_hrandfield,
        .nkey_specs = 1,
        .summary = "Return random fields of a hash",
        .since = "6.2.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .args = args_hrandfield,
        .nargs = 2,
    },
    {
        .name = "hscan",
        .proc = cmd_hscan,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_hscan,
        .key_specs = ks_hscan,
        .nkey_specs = 1,
        .summary = "Iterate over the fields of a hash",
        .since = "2.8.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1), O(N)",
        .args = args_hscan,
        .nargs = 4,
    },
    {
        .name = "hset",
        .proc = cmd_hset,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hset,
        .nkey_specs = 1,
        .summary = "Set hash fields",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1), O(N)",
        .args = args_hset,
        .nargs = 2,
    },
    {
        .name = "hsetnx",
        .proc = cmd_hsetnx,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hsetnx,
        .nkey_specs = 1,
        .summary = "Set a hash field only when it is absent",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hsetnx,
        .nargs = 3,
    },
    {
        .name = "hstrlen",
        .proc = cmd_hstrlen,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_hstrlen,
        .nkey_specs = 1,
        .summary = "Return the length of a hash field's value",
        .since = "3.2.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(1)",
        .args = args_hstrlen,
        .nargs = 2,
    },
    {
        .name = "hvals",
        .proc = cmd_hvals,
        .arity = 2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_HASH | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_hvals,
        .key_specs = ks_hvals,
        .nkey_specs = 1,
        .summary = "Return the values of a hash",
        .since = "2.0.0",
        .group = CMD_GROUP_HASH,
        .complexity = "O(N)",
        .args = args_hvals,
        .nargs = 1,
    },
    {
        .name = "incr",
        .proc = cmd_incr,
        .arity = 2,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_incr,
        .nkey_specs = 1,
        .summary = "Add one to a key's integer value",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_incr,
        .nargs = 1,
    },
    {
        .name = "incrby",
        .proc = cmd_incrby,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_incrby,
        .nkey_specs = 1,
        .summary = "Add an integer to a key's integer value",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_incrby,
        .nargs = 2,
    },
    {
        .name = "incrbyfloat",
        .proc = cmd_incrbyfloat,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_incrbyfloat,
        .nkey_specs = 1,
        .summary = "Add a floating point number to a key's value",
        .since = "2.6.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_incrbyfloat,
        .nargs = 2,
    },
    {
        .name = "info",
        .proc = cmd_info,
        .arity = -1,
        .flags = CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_info,
        .summary = "Report server information and statistics",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_info,
        .nargs = 1,
    },
    {
        .name = "keys",
        .proc = cmd_keys,
        .arity = 2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_keys,
        .summary = "List key names matching a pattern",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N)",
        .args = args_keys,
        .nargs = 1,
    },
    {
        .name = "lastsave",
        .proc = cmd_lastsave,
        .arity = 1,
        .flags = CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_ADMIN | CMD_ACL_FAST | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_lastsave,
        .summary = "Return the Unix time of the last successful save",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "latency",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_latency,
        .nsubcmds = 7,
        .summary = "Container for latency monitor subcommands",
        .since = "2.8.13",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "lcs",
        .proc = cmd_lcs,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_lcs,
        .nkey_specs = 1,
        .summary = "Find the longest common subsequence of two strings",
        .since = "7.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(N*M)",
        .args = args_lcs,
        .nargs = 6,
    },
    {
        .name = "lindex",
        .proc = cmd_lindex,
        .arity = 3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lindex,
        .nkey_specs = 1,
        .summary = "Return the list element at an index",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N), O(1)",
        .args = args_lindex,
        .nargs = 2,
    },
    {
        .name = "linsert",
        .proc = cmd_linsert,
        .arity = 5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_linsert,
        .nkey_specs = 1,
        .summary = "Insert an element before or after another in a list",
        .since = "2.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N), O(1)",
        .args = args_linsert,
        .nargs = 4,
    },
    {
        .name = "llen",
        .proc = cmd_llen,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_llen,
        .nkey_specs = 1,
        .summary = "Count the elements of a list",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1)",
        .args = args_llen,
        .nargs = 1,
    },
    {
        .name = "lmove",
        .proc = cmd_lmove,
        .arity = 5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_lmove,
        .nkey_specs = 2,
        .summary = "Move an element from one list to another",
        .since = "6.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1)",
        .args = args_lmove,
        .nargs = 4,
    },
    {
        .name = "lmpop",
        .proc = cmd_lmpop,
        .arity = -4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_lmpop,
        .nkey_specs = 1,
        .summary = "Pop elements from the first non-empty list",
        .since = "7.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N+M)",
        .args = args_lmpop,
        .nargs = 4,
    },
    {
        .name = "lolwut",
        .proc = cmd_lolwut,
        .arity = -1,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Show a piece of generative art and the server version",
        .since = "5.0.0",
        .group = CMD_GROUP_SERVER,
        .args = args_lolwut,
        .nargs = 1,
    },
    {
        .name = "lpop",
        .proc = cmd_lpop,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lpop,
        .nkey_specs = 1,
        .summary = "Remove and return elements from the head of a list",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N)",
        .args = args_lpop,
        .nargs = 2,
    },
    {
        .name = "lpos",
        .proc = cmd_lpos,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lpos,
        .nkey_specs = 1,
        .summary = "Find the indexes of matching list elements",
        .since = "6.0.6",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N)",
        .args = args_lpos,
        .nargs = 5,
    },
    {
        .name = "lpush",
        .proc = cmd_lpush,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lpush,
        .nkey_specs = 1,
        .summary = "Insert elements at the head of a list",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1), O(N)",
        .args = args_lpush,
        .nargs = 2,
    },
    {
        .name = "lpushx",
        .proc = cmd_lpushx,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lpushx,
        .nkey_specs = 1,
        .summary = "Insert elements at the head of an existing list",
        .since = "2.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1), O(N)",
        .args = args_lpushx,
        .nargs = 2,
    },
    {
        .name = "lrange",
        .proc = cmd_lrange,
        .arity = 4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lrange,
        .nkey_specs = 1,
        .summary = "Return a range of list elements",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(S+N)",
        .args = args_lrange,
        .nargs = 3,
    },
    {
        .name = "lrem",
        .proc = cmd_lrem,
        .arity = 4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lrem,
        .nkey_specs = 1,
        .summary = "Remove list elements equal to a value",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N+M)",
        .args = args_lrem,
        .nargs = 3,
    },
    {
        .name = "lset",
        .proc = cmd_lset,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_lset,
        .nkey_specs = 1,
        .summary = "Replace the list element at an index",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N), O(1)",
        .args = args_lset,
        .nargs = 3,
    },
    {
        .name = "ltrim",
        .proc = cmd_ltrim,
        .arity = 4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_ltrim,
        .nkey_specs = 1,
        .summary = "Keep only a range of a list",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N)",
        .args = args_ltrim,
        .nargs = 3,
    },
    {
        .name = "memory",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_memory,
        .nsubcmds = 6,
        .summary = "Container for memory diagnostics subcommands",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "mget",
        .proc = cmd_mget,
        .arity = -2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_mget,
        .key_specs = ks_mget,
        .nkey_specs = 1,
        .summary = "Return the string values of several keys",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(N)",
        .args = args_mget,
        .nargs = 1,
    },
    {
        .name = "migrate",
        .proc = cmd_migrate,
        .arity = -6,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 3,
        .last_key = 3,
        .step = 1,
        .tips = tips_migrate,
        .key_specs = ks_migrate,
        .nkey_specs = 2,
        .summary = "Move keys to another server",
        .since = "2.6.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N)",
        .args = args_migrate,
        .nargs = 9,
    },
    {
        .name = "module",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_module,
        .nsubcmds = 5,
        .summary = "Container for module subcommands",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "monitor",
        .proc = cmd_monitor,
        .arity = 1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Stream every command the server runs",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
    },
    {
        .name = "move",
        .proc = cmd_move,
        .arity = 3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_move,
        .nkey_specs = 1,
        .summary = "Move a key to another database",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_move,
        .nargs = 2,
    },
    {
        .name = "mset",
        .proc = cmd_mset,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 2,
        .tips = tips_mset,
        .key_specs = ks_mset,
        .nkey_specs = 1,
        .summary = "Set several keys to string values",
        .since = "1.0.1",
        .group = CMD_GROUP_STRING,
        .complexity = "O(N)",
        .args = args_mset,
        .nargs = 1,
    },
    {
        .name = "msetnx",
        .proc = cmd_msetnx,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 2,
        .tips = tips_msetnx,
        .key_specs = ks_msetnx,
        .nkey_specs = 1,
        .summary = "Set several keys only when none of them exists",
        .since = "1.0.1",
        .group = CMD_GROUP_STRING,
        .complexity = "O(N)",
        .args = args_msetnx,
        .nargs = 1,
    },
    {
        .name = "multi",
        .proc = cmd_multi,
        .arity = 1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_TRANSACTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Start queueing a transaction",
        .since = "1.2.0",
        .group = CMD_GROUP_TRANSACTIONS,
        .complexity = "O(1)",
    },
    {
        .name = "object",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_object,
        .nsubcmds = 5,
        .summary = "Container for object introspection subcommands",
        .since = "2.2.3",
        .group = CMD_GROUP_GENERIC,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "persist",
        .proc = cmd_persist,
        .arity = 2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_persist,
        .nkey_specs = 1,
        .summary = "Remove a key's expiry",
        .since = "2.2.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_persist,
        .nargs = 1,
    },
    {
        .name = "pexpire",
        .proc = cmd_pexpire,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_pexpire,
        .nkey_specs = 1,
        .summary = "Give a key a time to live in milliseconds",
        .since = "2.6.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_pexpire,
        .nargs = 3,
    },
    {
        .name = "pexpireat",
        .proc = cmd_pexpireat,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_pexpireat,
        .nkey_specs = 1,
        .summary = "Give a key an expiry time as a Unix time in milliseconds",
        .since = "2.6.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_pexpireat,
        .nargs = 3,
    },
    {
        .name = "pexpiretime",
        .proc = cmd_pexpiretime,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_pexpiretime,
        .nkey_specs = 1,
        .summary = "Return a key's expiry time as a Unix time in milliseconds",
        .since = "7.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_pexpiretime,
        .nargs = 1,
    },
    {
        .name = "pfadd",
        .proc = cmd_pfadd,
        .arity = -2,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_HYPERLOGLOG | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_pfadd,
        .nkey_specs = 1,
        .summary = "Add elements to a HyperLogLog",
        .since = "2.8.9",
        .group = CMD_GROUP_HYPERLOGLOG,
        .complexity = "O(1)",
        .args = args_pfadd,
        .nargs = 2,
    },
    {
        .name = "pfcount",
        .proc = cmd_pfcount,
        .arity = -2,
        .flags = CMD_READONLY | CMD_MAY_REPLICATE,
        .acl = CMD_ACL_READ | CMD_ACL_HYPERLOGLOG | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_pfcount,
        .nkey_specs = 1,
        .summary = "Estimate the number of distinct elements seen by HyperLogLogs",
        .since = "2.8.9",
        .group = CMD_GROUP_HYPERLOGLOG,
        .complexity = "O(1), O(N)",
        .args = args_pfcount,
        .nargs = 1,
    },
    {
        .name = "pfdebug",
        .proc = cmd_pfdebug,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_ADMIN,
        .acl =
            CMD_ACL_WRITE | CMD_ACL_HYPERLOGLOG | CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 2,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_pfdebug,
        .nkey_specs = 1,
        .summary = "Inspect HyperLogLog internals",
        .since = "2.8.9",
        .group = CMD_GROUP_HYPERLOGLOG,
        .complexity = "N/A",
        .doc_flags = CMD_DOC_SYSCMD,
        .args = args_pfdebug,
        .nargs = 2,
    },
    {
        .name = "pfmerge",
        .proc = cmd_pfmerge,
        .arity = -2,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_HYPERLOGLOG | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_pfmerge,
        .nkey_specs = 2,
        .summary = "Merge HyperLogLogs into one",
        .since = "2.8.9",
        .group = CMD_GROUP_HYPERLOGLOG,
        .complexity = "O(N)",
        .args = args_pfmerge,
        .nargs = 2,
    },
    {
        .name = "pfselftest",
        .proc = cmd_pfselftest,
        .arity = 1,
        .flags = CMD_ADMIN,
        .acl = CMD_ACL_HYPERLOGLOG | CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Test the HyperLogLog implementation",
        .since = "2.8.9",
        .group = CMD_GROUP_HYPERLOGLOG,
        .complexity = "N/A",
        .doc_flags = CMD_DOC_SYSCMD,
    },
    {
        .name = "ping",
        .proc = cmd_ping,
        .arity = -1,
        .flags = CMD_FAST,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_ping,
        .summary = "Check that the server answers",
        .since = "1.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_ping,
        .nargs = 1,
    },
    {
        .name = "psetex",
        .proc = cmd_psetex,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_psetex,
        .nkey_specs = 1,
        .summary = "Set a key's string value with a time to live in milliseconds",
        .since = "2.6.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_psetex,
        .nargs = 3,
    },
    {
        .name = "psubscribe",
        .proc = cmd_psubscribe,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Receive messages on channels matching patterns",
        .since = "2.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_psubscribe,
        .nargs = 1,
    },
    {
        .name = "psync",
        .proc = cmd_psync,
        .arity = -3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_NO_ASYNC_LOADING | CMD_NO_MULTI,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Start or continue replication from this server (internal)",
        .since = "2.8.0",
        .group = CMD_GROUP_SERVER,
        .args = args_psync,
        .nargs = 2,
    },
    {
        .name = "pttl",
        .proc = cmd_pttl,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_pttl,
        .key_specs = ks_pttl,
        .nkey_specs = 1,
        .summary = "Return a key's time to live in milliseconds",
        .since = "2.6.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_pttl,
        .nargs = 1,
    },
    {
        .name = "publish",
        .proc = cmd_publish,
        .arity = 3,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_MAY_REPLICATE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_FAST,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Send a message to a channel",
        .since = "2.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N+M)",
        .args = args_publish,
        .nargs = 2,
    },
    {
        .name = "pubsub",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_pubsub,
        .nsubcmds = 6,
        .summary = "Container for publish/subscribe introspection subcommands",
        .since = "2.8.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "punsubscribe",
        .proc = cmd_punsubscribe,
        .arity = -1,
        .flags = CMD_PUBSUB | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Stop receiving messages on channel patterns",
        .since = "2.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N+M)",
        .args = args_punsubscribe,
        .nargs = 1,
    },
    {
        .name = "quit",
        .proc = cmd_quit,
        .arity = -1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_NO_AUTH | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Close the connection",
        .since = "1.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "randomkey",
        .proc = cmd_randomkey,
        .arity = 1,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_randomkey,
        .summary = "Return a random key name",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
    },
    {
        .name = "readonly",
        .proc = cmd_readonly,
        .arity = 1,
        .flags = CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Allow reads from a cluster replica on this connection",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "readwrite",
        .proc = cmd_readwrite,
        .arity = 1,
        .flags = CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Stop reads from a cluster replica on this connection",
        .since = "3.0.0",
        .group = CMD_GROUP_CLUSTER,
        .complexity = "O(1)",
    },
    {
        .name = "rename",
        .proc = cmd_rename,
        .arity = 3,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_rename,
        .nkey_specs = 2,
        .summary = "Give a key a new name",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_rename,
        .nargs = 2,
    },
    {
        .name = "renamenx",
        .proc = cmd_renamenx,
        .arity = 3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_renamenx,
        .nkey_specs = 2,
        .summary = "Give a key a new name only when that name is free",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_renamenx,
        .nargs = 2,
    },
    {
        .name = "replconf",
        .proc = cmd_replconf,
        .arity = -1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Exchange replication settings (internal)",
        .since = "3.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .doc_flags = CMD_DOC_SYSCMD,
    },
    {
        .name = "replicaof",
        .proc = cmd_replicaof,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Make this server a replica of another, or a master again",
        .since = "5.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .args = args_replicaof,
        .nargs = 1,
    },
    {
        .name = "reset",
        .proc = cmd_reset,
        .arity = 1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_NO_AUTH | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Return the connection to its initial state",
        .since = "6.2.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
    },
    {
        .name = "restore",
        .proc = cmd_restore,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_restore,
        .nkey_specs = 1,
        .summary = "Create a key from a serialized value",
        .since = "2.6.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1), O(N*M), O(1*M), O(N*M*log(N)), O(log(N))",
        .args = args_restore,
        .nargs = 7,
    },
    {
        .name = "restore-asking",
        .proc = cmd_restore_asking,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_ASKING,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_restore_asking,
        .nkey_specs = 1,
        .summary = "Create a key from a serialized value during migration (internal)",
        .since = "3.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1), O(N*M), O(1*M), O(N*M*log(N)), O(log(N))",
        .doc_flags = CMD_DOC_SYSCMD,
        .args = args_restore_asking,
        .nargs = 7,
    },
    {
        .name = "role",
        .proc = cmd_role,
        .arity = 1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_ADMIN | CMD_ACL_FAST | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Describe this server's replication role",
        .since = "2.8.12",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "rpop",
        .proc = cmd_rpop,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_rpop,
        .nkey_specs = 1,
        .summary = "Remove and return elements from the tail of a list",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(N)",
        .args = args_rpop,
        .nargs = 2,
    },
    {
        .name = "rpoplpush",
        .proc = cmd_rpoplpush,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_rpoplpush,
        .nkey_specs = 2,
        .summary = "Move the tail of one list to the head of another",
        .since = "1.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`LMOVE` with the `RIGHT` and `LEFT` arguments",
        .args = args_rpoplpush,
        .nargs = 2,
    },
    {
        .name = "rpush",
        .proc = cmd_rpush,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_rpush,
        .nkey_specs = 1,
        .summary = "Append elements to a list",
        .since = "1.0.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1), O(N)",
        .args = args_rpush,
        .nargs = 2,
    },
    {
        .name = "rpushx",
        .proc = cmd_rpushx,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_LIST | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_rpushx,
        .nkey_specs = 1,
        .summary = "Append elements to an existing list",
        .since = "2.2.0",
        .group = CMD_GROUP_LIST,
        .complexity = "O(1), O(N)",
        .args = args_rpushx,
        .nargs = 2,
    },
    {
        .name = "sadd",
        .proc = cmd_sadd,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_sadd,
        .nkey_specs = 1,
        .summary = "Add members to a set",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1), O(N)",
        .args = args_sadd,
        .nargs = 2,
    },
    {
        .name = "save",
        .proc = cmd_save,
        .arity = 1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_NO_ASYNC_LOADING | CMD_NO_MULTI,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Save a snapshot of the dataset now",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
    },
    {
        .name = "scan",
        .proc = cmd_scan,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_scan,
        .summary = "Iterate over the key names of the database",
        .since = "2.8.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1), O(N)",
        .args = args_scan,
        .nargs = 4,
    },
    {
        .name = "scard",
        .proc = cmd_scard,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_scard,
        .nkey_specs = 1,
        .summary = "Count the members of a set",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1)",
        .args = args_scard,
        .nargs = 1,
    },
    {
        .name = "script",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_script,
        .nsubcmds = 6,
        .summary = "Container for Lua script subcommands",
        .since = "2.6.0",
        .group = CMD_GROUP_SCRIPTING,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "sdiff",
        .proc = cmd_sdiff,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_sdiff,
        .key_specs = ks_sdiff,
        .nkey_specs = 1,
        .summary = "Return the members of a set absent from the others",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_sdiff,
        .nargs = 1,
    },
    {
        .name = "sdiffstore",
        .proc = cmd_sdiffstore,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_sdiffstore,
        .nkey_specs = 2,
        .summary = "Store the difference of sets",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_sdiffstore,
        .nargs = 2,
    },
    {
        .name = "select",
        .proc = cmd_select,
        .arity = 2,
        .flags = CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_FAST | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Choose the database of this connection",
        .since = "1.0.0",
        .group = CMD_GROUP_CONNECTION,
        .complexity = "O(1)",
        .args = args_select,
        .nargs = 1,
    },
    {
        .name = "set",
        .proc = cmd_set,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_set,
        .nkey_specs = 1,
        .summary = "Set a key's string value, with options for expiry and conditions",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_set,
        .nargs = 5,
    },
    {
        .name = "setbit",
        .proc = cmd_setbit,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_BITMAP | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_setbit,
        .nkey_specs = 1,
        .summary = "Change one bit of a string",
        .since = "2.2.0",
        .group = CMD_GROUP_BITMAP,
        .complexity = "O(1)",
        .args = args_setbit,
        .nargs = 3,
    },
    {
        .name = "setex",
        .proc = cmd_setex,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_setex,
        .nkey_specs = 1,
        .summary = "Set a key's string value with a time to live in seconds",
        .since = "2.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_setex,
        .nargs = 3,
    },
    {
        .name = "setnx",
        .proc = cmd_setnx,
        .arity = 3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_setnx,
        .nkey_specs = 1,
        .summary = "Set a key's string value only when the key is absent",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_setnx,
        .nargs = 2,
    },
    {
        .name = "setrange",
        .proc = cmd_setrange,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_setrange,
        .nkey_specs = 1,
        .summary = "Overwrite part of a string at an offset",
        .since = "2.2.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1), O(M)",
        .args = args_setrange,
        .nargs = 3,
    },
    {
        .name = "shutdown",
        .proc = cmd_shutdown,
        .arity = -1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_NO_MULTI | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Stop the server, optionally saving first",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N), O(1)",
        .args = args_shutdown,
        .nargs = 4,
    },
    {
        .name = "sinter",
        .proc = cmd_sinter,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_sinter,
        .key_specs = ks_sinter,
        .nkey_specs = 1,
        .summary = "Return the members common to all sets",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N*M)",
        .args = args_sinter,
        .nargs = 1,
    },
    {
        .name = "sintercard",
        .proc = cmd_sintercard,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_sintercard,
        .nkey_specs = 1,
        .summary = "Count the members common to all sets",
        .since = "7.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N*M)",
        .args = args_sintercard,
        .nargs = 3,
    },
    {
        .name = "sinterstore",
        .proc = cmd_sinterstore,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_sinterstore,
        .nkey_specs = 2,
        .summary = "Store the intersection of sets",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N*M)",
        .args = args_sinterstore,
        .nargs = 2,
    },
    {
        .name = "sismember",
        .proc = cmd_sismember,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_sismember,
        .nkey_specs = 1,
        .summary = "Tell whether a value is a set member",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1)",
        .args = args_sismember,
        .nargs = 2,
    },
    {
        .name = "slaveof",
        .proc = cmd_slaveof,
        .arity = 3,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_STALE | CMD_NO_ASYNC_LOADING,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Make this server a replica of another, or a master again (old name)",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "5.0.0",
        .replaced_by = "`REPLICAOF`",
        .args = args_slaveof,
        .nargs = 1,
    },
    {
        .name = "slowlog",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_slowlog,
        .nsubcmds = 4,
        .summary = "Container for slow log subcommands",
        .since = "2.2.12",
        .group = CMD_GROUP_SERVER,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "smembers",
        .proc = cmd_smembers,
        .arity = 2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_smembers,
        .key_specs = ks_smembers,
        .nkey_specs = 1,
        .summary = "Return every member of a set",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_smembers,
        .nargs = 1,
    },
    {
        .name = "smismember",
        .proc = cmd_smismember,
        .arity = -3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_smismember,
        .nkey_specs = 1,
        .summary = "Tell for each value whether it is a set member",
        .since = "6.2.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_smismember,
        .nargs = 2,
    },
    {
        .name = "smove",
        .proc = cmd_smove,
        .arity = 4,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_smove,
        .nkey_specs = 2,
        .summary = "Move a member from one set to another",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1)",
        .args = args_smove,
        .nargs = 3,
    },
    {
        .name = "sort",
        .proc = cmd_sort,
        .arity = -2,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_SORTEDSET | CMD_ACL_LIST | CMD_ACL_SLOW |
               CMD_ACL_DANGEROUS,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_sort,
        .nkey_specs = 3,
        .summary = "Sort a list, set or sorted set, optionally storing the result",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N+M*log(M)), O(N)",
        .args = args_sort,
        .nargs = 7,
    },
    {
        .name = "sort_ro",
        .proc = cmd_sort_ro,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SORTEDSET | CMD_ACL_LIST | CMD_ACL_SLOW |
               CMD_ACL_DANGEROUS,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_sort_ro,
        .nkey_specs = 2,
        .summary = "Sort a list, set or sorted set",
        .since = "7.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N+M*log(M)), O(N)",
        .args = args_sort_ro,
        .nargs = 6,
    },
    {
        .name = "spop",
        .proc = cmd_spop,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_spop,
        .key_specs = ks_spop,
        .nkey_specs = 1,
        .summary = "Remove and return random set members",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1), O(N)",
        .args = args_spop,
        .nargs = 2,
    },
    {
        .name = "spublish",
        .proc = cmd_spublish,
        .arity = 3,
        .flags = CMD_PUBSUB | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_MAY_REPLICATE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_spublish,
        .nkey_specs = 1,
        .summary = "Send a message to a shard channel",
        .since = "7.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_spublish,
        .nargs = 2,
    },
    {
        .name = "srandmember",
        .proc = cmd_srandmember,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_srandmember,
        .key_specs = ks_srandmember,
        .nkey_specs = 1,
        .summary = "Return random set members",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1), O(N)",
        .args = args_srandmember,
        .nargs = 2,
    },
    {
        .name = "srem",
        .proc = cmd_srem,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_srem,
        .nkey_specs = 1,
        .summary = "Remove members from a set",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_srem,
        .nargs = 2,
    },
    {
        .name = "sscan",
        .proc = cmd_sscan,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_sscan,
        .key_specs = ks_sscan,
        .nkey_specs = 1,
        .summary = "Iterate over the members of a set",
        .since = "2.8.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(1), O(N)",
        .args = args_sscan,
        .nargs = 4,
    },
    {
        .name = "ssubscribe",
        .proc = cmd_ssubscribe,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_ssubscribe,
        .nkey_specs = 1,
        .summary = "Receive messages on shard channels",
        .since = "7.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_ssubscribe,
        .nargs = 1,
    },
    {
        .name = "strlen",
        .proc = cmd_strlen,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_STRING | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_strlen,
        .nkey_specs = 1,
        .summary = "Return the length of a string value",
        .since = "2.2.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(1)",
        .args = args_strlen,
        .nargs = 1,
    },
    {
        .name = "subscribe",
        .proc = cmd_subscribe,
        .arity = -2,
        .flags = CMD_PUBSUB | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Receive messages on channels",
        .since = "2.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_subscribe,
        .nargs = 1,
    },
    {
        .name = "substr",
        .proc = cmd_substr,
        .arity = 4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STRING | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_substr,
        .nkey_specs = 1,
        .summary = "Return part of a string (old name of GETRANGE)",
        .since = "1.0.0",
        .group = CMD_GROUP_STRING,
        .complexity = "O(N), O(1)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "2.0.0",
        .replaced_by = "`GETRANGE`",
        .args = args_substr,
        .nargs = 3,
    },
    {
        .name = "sunion",
        .proc = cmd_sunion,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_sunion,
        .key_specs = ks_sunion,
        .nkey_specs = 1,
        .summary = "Return the members of all sets combined",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_sunion,
        .nargs = 1,
    },
    {
        .name = "sunionstore",
        .proc = cmd_sunionstore,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_sunionstore,
        .nkey_specs = 2,
        .summary = "Store the union of sets",
        .since = "1.0.0",
        .group = CMD_GROUP_SET,
        .complexity = "O(N)",
        .args = args_sunionstore,
        .nargs = 2,
    },
    {
        .name = "sunsubscribe",
        .proc = cmd_sunsubscribe,
        .arity = -1,
        .flags = CMD_PUBSUB | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_sunsubscribe,
        .nkey_specs = 1,
        .summary = "Stop receiving messages on shard channels",
        .since = "7.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_sunsubscribe,
        .nargs = 1,
    },
    {
        .name = "swapdb",
        .proc = cmd_swapdb,
        .arity = 3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Exchange the contents of two databases",
        .since = "4.0.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(N)",
        .args = args_swapdb,
        .nargs = 2,
    },
    {
        .name = "sync",
        .proc = cmd_sync,
        .arity = 1,
        .flags = CMD_ADMIN | CMD_NOSCRIPT | CMD_NO_ASYNC_LOADING | CMD_NO_MULTI,
        .acl = CMD_ACL_ADMIN | CMD_ACL_SLOW | CMD_ACL_DANGEROUS,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Start full replication from this server (internal)",
        .since = "1.0.0",
        .group = CMD_GROUP_SERVER,
    },
    {
        .name = "time",
        .proc = cmd_time,
        .arity = 1,
        .flags = CMD_LOADING | CMD_STALE | CMD_FAST,
        .acl = CMD_ACL_FAST,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_time,
        .summary = "Return the server's clock",
        .since = "2.6.0",
        .group = CMD_GROUP_SERVER,
        .complexity = "O(1)",
    },
    {
        .name = "touch",
        .proc = cmd_touch,
        .arity = -2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_touch,
        .key_specs = ks_touch,
        .nkey_specs = 1,
        .summary = "Update keys' last access time and count those that exist",
        .since = "3.2.1",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(N)",
        .args = args_touch,
        .nargs = 1,
    },
    {
        .name = "ttl",
        .proc = cmd_ttl,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_ttl,
        .key_specs = ks_ttl,
        .nkey_specs = 1,
        .summary = "Return a key's time to live in seconds",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_ttl,
        .nargs = 1,
    },
    {
        .name = "type",
        .proc = cmd_type,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_READ | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_type,
        .nkey_specs = 1,
        .summary = "Name the type of a key's value",
        .since = "1.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_type,
        .nargs = 1,
    },
    {
        .name = "unlink",
        .proc = cmd_unlink,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_KEYSPACE | CMD_ACL_WRITE | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .tips = tips_unlink,
        .key_specs = ks_unlink,
        .nkey_specs = 1,
        .summary = "Remove keys, freeing their memory in the background",
        .since = "4.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1), O(N)",
        .args = args_unlink,
        .nargs = 1,
    },
    {
        .name = "unsubscribe",
        .proc = cmd_unsubscribe,
        .arity = -1,
        .flags = CMD_PUBSUB | CMD_NOSCRIPT | CMD_LOADING | CMD_STALE,
        .acl = CMD_ACL_PUBSUB | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Stop receiving messages on channels",
        .since = "2.0.0",
        .group = CMD_GROUP_PUBSUB,
        .complexity = "O(N)",
        .args = args_unsubscribe,
        .nargs = 1,
    },
    {
        .name = "unwatch",
        .proc = cmd_unwatch,
        .arity = 1,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_TRANSACTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .summary = "Forget all watched keys",
        .since = "2.2.0",
        .group = CMD_GROUP_TRANSACTIONS,
        .complexity = "O(1)",
    },
    {
        .name = "wait",
        .proc = cmd_wait,
        .arity = 3,
        .flags = CMD_NOSCRIPT,
        .acl = CMD_ACL_SLOW | CMD_ACL_CONNECTION,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .tips = tips_wait,
        .summary = "Wait until replicas have acknowledged this connection's writes",
        .since = "3.0.0",
        .group = CMD_GROUP_GENERIC,
        .complexity = "O(1)",
        .args = args_wait,
        .nargs = 2,
    },
    {
        .name = "watch",
        .proc = cmd_watch,
        .arity = -2,
        .flags = CMD_NOSCRIPT | CMD_LOADING | CMD_STALE | CMD_FAST | CMD_ALLOW_BUSY,
        .acl = CMD_ACL_FAST | CMD_ACL_TRANSACTION,
        .first_key = 1,
        .last_key = -1,
        .step = 1,
        .key_specs = ks_watch,
        .nkey_specs = 1,
        .summary = "Watch keys so that EXEC fails if they change",
        .since = "2.2.0",
        .group = CMD_GROUP_TRANSACTIONS,
        .complexity = "O(1)",
        .args = args_watch,
        .nargs = 1,
    },
    {
        .name = "xack",
        .proc = cmd_xack,
        .arity = -4,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_xack,
        .nkey_specs = 1,
        .summary = "Acknowledge stream messages for a consumer group",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xack,
        .nargs = 3,
    },
    {
        .name = "xadd",
        .proc = cmd_xadd,
        .arity = -5,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_xadd,
        .key_specs = ks_xadd,
        .nkey_specs = 1,
        .summary = "Append an entry to a stream",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1), O(N)",
        .args = args_xadd,
        .nargs = 5,
    },
    {
        .name = "xautoclaim",
        .proc = cmd_xautoclaim,
        .arity = -6,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_xautoclaim,
        .key_specs = ks_xautoclaim,
        .nkey_specs = 1,
        .summary = "Take over pending stream messages idle for long enough, scanning the group",
        .since = "6.2.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xautoclaim,
        .nargs = 7,
    },
    {
        .name = "xclaim",
        .proc = cmd_xclaim,
        .arity = -6,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_xclaim,
        .key_specs = ks_xclaim,
        .nkey_specs = 1,
        .summary = "Take over pending stream messages from another consumer",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(log N)",
        .args = args_xclaim,
        .nargs = 11,
    },
    {
        .name = "xdel",
        .proc = cmd_xdel,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_xdel,
        .nkey_specs = 1,
        .summary = "Remove entries from a stream",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xdel,
        .nargs = 2,
    },
    {
        .name = "xgroup",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_xgroup,
        .nsubcmds = 6,
        .summary = "Container for stream consumer group subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "xinfo",
        .proc = NULL,
        .arity = -2,
        .flags = 0,
        .acl = CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .subcmds = sub_xinfo,
        .nsubcmds = 4,
        .summary = "Container for stream introspection subcommands",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "Depends on the subcommand",
    },
    {
        .name = "xlen",
        .proc = cmd_xlen,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_xlen,
        .nkey_specs = 1,
        .summary = "Count the entries of a stream",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xlen,
        .nargs = 1,
    },
    {
        .name = "xpending",
        .proc = cmd_xpending,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_xpending,
        .key_specs = ks_xpending,
        .nkey_specs = 1,
        .summary = "Report the pending messages of a consumer group",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(N), O(1), O(M)",
        .args = args_xpending,
        .nargs = 3,
    },
    {
        .name = "xrange",
        .proc = cmd_xrange,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_xrange,
        .nkey_specs = 1,
        .summary = "Return stream entries in an id range",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(N), O(1)",
        .args = args_xrange,
        .nargs = 4,
    },
    {
        .name = "xread",
        .proc = cmd_xread,
        .arity = -4,
        .flags = CMD_READONLY | CMD_BLOCKING,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_xread,
        .nkey_specs = 1,
        .summary = "Read entries from streams, optionally waiting for new ones",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(N), O(1), O(M)",
        .args = args_xread,
        .nargs = 3,
    },
    {
        .name = "xreadgroup",
        .proc = cmd_xreadgroup,
        .arity = -7,
        .flags = CMD_WRITE | CMD_BLOCKING,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW | CMD_ACL_BLOCKING,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_xreadgroup,
        .nkey_specs = 1,
        .summary = "Read entries from streams as a group consumer, optionally waiting",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(M), O(1), O(N)",
        .args = args_xreadgroup,
        .nargs = 5,
    },
    {
        .name = "xrevrange",
        .proc = cmd_xrevrange,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_xrevrange,
        .nkey_specs = 1,
        .summary = "Return stream entries in an id range, newest first",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(N), O(1)",
        .args = args_xrevrange,
        .nargs = 4,
    },
    {
        .name = "xsetid",
        .proc = cmd_xsetid,
        .arity = -3,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_xsetid,
        .nkey_specs = 1,
        .summary = "Set a stream's last id (internal)",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(1)",
        .args = args_xsetid,
        .nargs = 4,
    },
    {
        .name = "xtrim",
        .proc = cmd_xtrim,
        .arity = -4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_STREAM | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_xtrim,
        .key_specs = ks_xtrim,
        .nkey_specs = 1,
        .summary = "Remove old entries from a stream",
        .since = "5.0.0",
        .group = CMD_GROUP_STREAM,
        .complexity = "O(N)",
        .args = args_xtrim,
        .nargs = 2,
    },
    {
        .name = "zadd",
        .proc = cmd_zadd,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zadd,
        .nkey_specs = 1,
        .summary = "Add members to a sorted set or update their scores",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_zadd,
        .nargs = 6,
    },
    {
        .name = "zcard",
        .proc = cmd_zcard,
        .arity = 2,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zcard,
        .nkey_specs = 1,
        .summary = "Count the members of a sorted set",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(1)",
        .args = args_zcard,
        .nargs = 1,
    },
    {
        .name = "zcount",
        .proc = cmd_zcount,
        .arity = 4,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zcount,
        .nkey_specs = 1,
        .summary = "Count sorted set members in a score range",
        .since = "2.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_zcount,
        .nargs = 3,
    },
    {
        .name = "zdiff",
        .proc = cmd_zdiff,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_zdiff,
        .nkey_specs = 1,
        .summary = "Return the members of a sorted set absent from the others",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(L + (N-K)log(N))",
        .args = args_zdiff,
        .nargs = 3,
    },
    {
        .name = "zdiffstore",
        .proc = cmd_zdiffstore,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zdiffstore,
        .nkey_specs = 2,
        .summary = "Store the difference of sorted sets",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(L + (N-K)log(N))",
        .args = args_zdiffstore,
        .nargs = 3,
    },
    {
        .name = "zincrby",
        .proc = cmd_zincrby,
        .arity = 4,
        .flags = CMD_WRITE | CMD_DENYOOM | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zincrby,
        .nkey_specs = 1,
        .summary = "Add to a sorted set member's score",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_zincrby,
        .nargs = 3,
    },
    {
        .name = "zinter",
        .proc = cmd_zinter,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_zinter,
        .nkey_specs = 1,
        .summary = "Return the intersection of sorted sets",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N*K), O(M*log(M))",
        .args = args_zinter,
        .nargs = 5,
    },
    {
        .name = "zintercard",
        .proc = cmd_zintercard,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_zintercard,
        .nkey_specs = 1,
        .summary = "Count the members common to all sorted sets",
        .since = "7.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N*K)",
        .args = args_zintercard,
        .nargs = 3,
    },
    {
        .name = "zinterstore",
        .proc = cmd_zinterstore,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zinterstore,
        .nkey_specs = 2,
        .summary = "Store the intersection of sorted sets",
        .since = "2.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N*K), O(M*log(M))",
        .args = args_zinterstore,
        .nargs = 5,
    },
    {
        .name = "zlexcount",
        .proc = cmd_zlexcount,
        .arity = 4,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zlexcount,
        .nkey_specs = 1,
        .summary = "Count sorted set members in a lexicographic range",
        .since = "2.8.9",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_zlexcount,
        .nargs = 3,
    },
    {
        .name = "zmpop",
        .proc = cmd_zmpop,
        .arity = -4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_zmpop,
        .nkey_specs = 1,
        .summary = "Pop members by score from the first non-empty sorted set",
        .since = "7.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(K), O(M*log(N))",
        .args = args_zmpop,
        .nargs = 4,
    },
    {
        .name = "zmscore",
        .proc = cmd_zmscore,
        .arity = -3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zmscore,
        .nkey_specs = 1,
        .summary = "Return the scores of several sorted set members",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N)",
        .args = args_zmscore,
        .nargs = 2,
    },
    {
        .name = "zpopmax",
        .proc = cmd_zpopmax,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zpopmax,
        .nkey_specs = 1,
        .summary = "Remove and return the highest-scored members",
        .since = "5.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)*M)",
        .args = args_zpopmax,
        .nargs = 2,
    },
    {
        .name = "zpopmin",
        .proc = cmd_zpopmin,
        .arity = -2,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zpopmin,
        .nkey_specs = 1,
        .summary = "Remove and return the lowest-scored members",
        .since = "5.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)*M)",
        .args = args_zpopmin,
        .nargs = 2,
    },
    {
        .name = "zrandmember",
        .proc = cmd_zrandmember,
        .arity = -2,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_zrandmember,
        .key_specs = ks_zrandmember,
        .nkey_specs = 1,
        .summary = "Return random sorted set members",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N)",
        .args = args_zrandmember,
        .nargs = 2,
    },
    {
        .name = "zrange",
        .proc = cmd_zrange,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrange,
        .nkey_specs = 1,
        .summary = "Return sorted set members in a range of ranks, scores or names",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M)",
        .args = args_zrange,
        .nargs = 7,
    },
    {
        .name = "zrangebylex",
        .proc = cmd_zrangebylex,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrangebylex,
        .nkey_specs = 1,
        .summary = "Return sorted set members in a lexicographic range",
        .since = "2.8.9",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M), O(log(N))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`ZRANGE` with the `BYLEX` argument",
        .args = args_zrangebylex,
        .nargs = 4,
    },
    {
        .name = "zrangebyscore",
        .proc = cmd_zrangebyscore,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrangebyscore,
        .nkey_specs = 1,
        .summary = "Return sorted set members in a score range",
        .since = "1.0.5",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M), O(log(N))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`ZRANGE` with the `BYSCORE` argument",
        .args = args_zrangebyscore,
        .nargs = 5,
    },
    {
        .name = "zrangestore",
        .proc = cmd_zrangestore,
        .arity = -5,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 2,
        .step = 1,
        .key_specs = ks_zrangestore,
        .nkey_specs = 2,
        .summary = "Store a range of a sorted set",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M)",
        .args = args_zrangestore,
        .nargs = 7,
    },
    {
        .name = "zrank",
        .proc = cmd_zrank,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrank,
        .nkey_specs = 1,
        .summary = "Return a member's rank, lowest score first",
        .since = "2.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_zrank,
        .nargs = 2,
    },
    {
        .name = "zrem",
        .proc = cmd_zrem,
        .arity = -3,
        .flags = CMD_WRITE | CMD_FAST,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrem,
        .nkey_specs = 1,
        .summary = "Remove members from a sorted set",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(M*log(N))",
        .args = args_zrem,
        .nargs = 2,
    },
    {
        .name = "zremrangebylex",
        .proc = cmd_zremrangebylex,
        .arity = 4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zremrangebylex,
        .nkey_specs = 1,
        .summary = "Remove sorted set members in a lexicographic range",
        .since = "2.8.9",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M)",
        .args = args_zremrangebylex,
        .nargs = 3,
    },
    {
        .name = "zremrangebyrank",
        .proc = cmd_zremrangebyrank,
        .arity = 4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zremrangebyrank,
        .nkey_specs = 1,
        .summary = "Remove sorted set members in a rank range",
        .since = "2.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M)",
        .args = args_zremrangebyrank,
        .nargs = 3,
    },
    {
        .name = "zremrangebyscore",
        .proc = cmd_zremrangebyscore,
        .arity = 4,
        .flags = CMD_WRITE,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zremrangebyscore,
        .nkey_specs = 1,
        .summary = "Remove sorted set members in a score range",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M)",
        .args = args_zremrangebyscore,
        .nargs = 3,
    },
    {
        .name = "zrevrange",
        .proc = cmd_zrevrange,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrevrange,
        .nkey_specs = 1,
        .summary = "Return sorted set members by rank, highest score first",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M)",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`ZRANGE` with the `REV` argument",
        .args = args_zrevrange,
        .nargs = 4,
    },
    {
        .name = "zrevrangebylex",
        .proc = cmd_zrevrangebylex,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrevrangebylex,
        .nkey_specs = 1,
        .summary = "Return sorted set members in a lexicographic range, in reverse",
        .since = "2.8.9",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M), O(log(N))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`ZRANGE` with the `REV` and `BYLEX` arguments",
        .args = args_zrevrangebylex,
        .nargs = 4,
    },
    {
        .name = "zrevrangebyscore",
        .proc = cmd_zrevrangebyscore,
        .arity = -4,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrevrangebyscore,
        .nkey_specs = 1,
        .summary = "Return sorted set members in a score range, highest first",
        .since = "2.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N)+M), O(log(N))",
        .doc_flags = CMD_DOC_DEPRECATED,
        .deprecated_since = "6.2.0",
        .replaced_by = "`ZRANGE` with the `REV` and `BYSCORE` arguments",
        .args = args_zrevrangebyscore,
        .nargs = 5,
    },
    {
        .name = "zrevrank",
        .proc = cmd_zrevrank,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zrevrank,
        .nkey_specs = 1,
        .summary = "Return a member's rank, highest score first",
        .since = "2.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(log(N))",
        .args = args_zrevrank,
        .nargs = 2,
    },
    {
        .name = "zscan",
        .proc = cmd_zscan,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .tips = tips_zscan,
        .key_specs = ks_zscan,
        .nkey_specs = 1,
        .summary = "Iterate over the members of a sorted set",
        .since = "2.8.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(1), O(N)",
        .args = args_zscan,
        .nargs = 4,
    },
    {
        .name = "zscore",
        .proc = cmd_zscore,
        .arity = 3,
        .flags = CMD_READONLY | CMD_FAST,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_FAST,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zscore,
        .nkey_specs = 1,
        .summary = "Return a sorted set member's score",
        .since = "1.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(1)",
        .args = args_zscore,
        .nargs = 2,
    },
    {
        .name = "zunion",
        .proc = cmd_zunion,
        .arity = -3,
        .flags = CMD_READONLY,
        .acl = CMD_ACL_READ | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 0,
        .last_key = 0,
        .step = 0,
        .key_specs = ks_zunion,
        .nkey_specs = 1,
        .summary = "Return the union of sorted sets",
        .since = "6.2.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N), O(M*log(M))",
        .args = args_zunion,
        .nargs = 5,
    },
    {
        .name = "zunionstore",
        .proc = cmd_zunionstore,
        .arity = -4,
        .flags = CMD_WRITE | CMD_DENYOOM,
        .acl = CMD_ACL_WRITE | CMD_ACL_SORTEDSET | CMD_ACL_SLOW,
        .first_key = 1,
        .last_key = 1,
        .step = 1,
        .key_specs = ks_zunionstore,
        .nkey_specs = 2,
        .summary = "Store the union of sorted sets",
        .since = "2.0.0",
        .group = CMD_GROUP_SORTED_SET,
        .complexity = "O(N), O(M log(M))",
        .args = args_zunionstore,
        .nargs = 5,
    },
};

const int cmd_table_len = (int)(sizeof(cmd_table) / sizeof(cmd_table[0]));
