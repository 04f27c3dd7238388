/* cmd_keys: find the key arguments of a command line from the table's key
 * specs, as Redis 7.0 does for COMMAND GETKEYS / GETKEYSANDFLAGS (and, later,
 * for cluster slot checks, ACL key patterns and WATCH-like tracking).
 *
 * The search follows each spec: a begin-search step (a fixed index, or a
 * keyword looked for from a start position) and a find-keys step (a range
 * with optional negative last key and limit, or a key count read from the
 * line). A spec that can't be followed (unknown steps, INCOMPLETE, a bad key
 * count, positions past the end) makes the whole spec search fail; then, like
 * Redis's getkeys_proc fallbacks, a few commands have their own scanners
 * (SORT, SORT_RO, MIGRATE, and SET/BITFIELD whose key flags depend on the
 * arguments). Any other failure gives no keys.
 *
 * Must not know: clients, replies, the keyspace. Pure functions of the table
 * row and the argument vector.
 */
#include <string.h>

#include "cmd.h"
#include "resp.h"
#include "util.h"

/* Collects key positions into the caller's arrays. */
struct keys_out {
    int *pos;
    unsigned *flags;
    int cap;
    int n;
};

static void add_key(struct keys_out *k, int pos, unsigned flags)
{
    if (k->n < k->cap) {
        k->pos[k->n] = pos;
        if (k->flags)
            k->flags[k->n] = flags;
    }
    k->n++;
}

static int arg_is(const struct resp_arg *a, const char *word)
{
    return util_eq_ci(a->ptr, a->len, word);
}

int cmd_has_keys(const struct cmd *cmd)
{
    for (int i = 0; i < cmd->nkey_specs; i++)
        if (!(cmd->key_specs[i].flags & CMD_KS_NOT_KEY))
            return 1;
    return 0;
}

int cmd_movable_keys(const struct cmd *cmd)
{
    if (cmd->flags & CMD_MOVABLE_KEYS)
        return 1;
    for (int i = 0; i < cmd->nkey_specs; i++) {
        const struct cmd_key_spec *ks = &cmd->key_specs[i];
        if (ks->begin != CMD_KS_BEGIN_INDEX || ks->find != CMD_KS_FIND_RANGE)
            return 1;
    }
    return 0;
}

/* The index just after the spec's keyword, or 0 if the keyword is absent.
 * A positive startfrom searches forward from it, stopping before the last
 * argument (a key must follow); a negative one searches backward from
 * argc + startfrom, stopping before argv[1]. */
static int find_keyword(const struct cmd_key_spec *ks, int argc, const struct resp_arg *argv)
{
    int from = ks->bs.keyword.startfrom;
    if (from > 0) {
        for (int i = from; i < argc - 1; i++)
            if (arg_is(&argv[i], ks->bs.keyword.keyword))
                return i + 1;
    } else {
        for (int i = argc + from; i > 1; i--)
            if (i < argc && arg_is(&argv[i], ks->bs.keyword.keyword))
                return i + 1;
    }
    return 0;
}

/* Follow every key spec. Returns 0 on success (keys in *k), -1 if some spec
 * can't be followed on this line. */
static int keys_from_specs(const struct cmd *cmd, int argc, const struct resp_arg *argv,
                           struct keys_out *k)
{
    for (int j = 0; j < cmd->nkey_specs; j++) {
        const struct cmd_key_spec *ks = &cmd->key_specs[j];
        int first, last, step;
        if (ks->flags & CMD_KS_NOT_KEY)
            continue;
        if (ks->begin == CMD_KS_BEGIN_INDEX) {
            first = ks->bs.index.pos;
        } else if (ks->begin == CMD_KS_BEGIN_KEYWORD) {
            first = find_keyword(ks, argc, argv);
            if (!first)
                continue; // optional keyword not given: no keys from this spec
        } else {
            return -1;
        }
        if (ks->find == CMD_KS_FIND_RANGE) {
            step = ks->fk.range.keystep;
            if (ks->fk.range.lastkey >= 0)
                last = first + ks->fk.range.lastkey;
            else if (!ks->fk.range.limit)
                last = argc + ks->fk.range.lastkey;
            else // e.g. XREAD STREAMS k1 k2 id1 id2: keys are the first 1/limit
                last = first + (argc - first) / ks->fk.range.limit + ks->fk.range.lastkey;
        } else if (ks->find == CMD_KS_FIND_KEYNUM) {
            long long num;
            int at = first + ks->fk.keynum.keynumidx;
            step = ks->fk.keynum.keystep;
            if (at >= argc || !util_str2ll(argv[at].ptr, argv[at].len, &num) || num < 0 ||
                num > argc)
                return -1;
            first += ks->fk.keynum.firstkey;
            last = first + (int)num - 1;
        } else {
            return -1;
        }
        if (first >= argc || last >= argc || last < first || step < 1)
            return -1;
        for (int i = first; i <= last; i += step)
            add_key(k, i, ks->flags);
        if (ks->flags & CMD_KS_INCOMPLETE)
            return -1;
    }
    return 0;
}

/* SORT key [BY p] [LIMIT o c] [GET p ...] [ASC|DESC] [ALPHA] [STORE dst]:
 * the sorted key, and the last STORE destination. */
static void sort_keys(int argc, const struct resp_arg *argv, int ro, struct keys_out *k)
{
    int store = 0;
    add_key(k, 1, CMD_KS_RO | CMD_KS_ACCESS);
    for (int i = 2; !ro && i < argc; i++) {
        if (arg_is(&argv[i], "limit"))
            i += 2;
        else if (arg_is(&argv[i], "get") || arg_is(&argv[i], "by"))
            i += 1;
        else if (arg_is(&argv[i], "store") && i + 1 < argc)
            store = ++i;
    }
    if (store)
        add_key(k, store, CMD_KS_OW | CMD_KS_UPDATE);
}

/* MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw]
 * [AUTH2 user pw] [KEYS k ...]: the single key, or the keys after KEYS when
 * the key argument is empty. */
static void migrate_keys(int argc, const struct resp_arg *argv, struct keys_out *k)
{
    unsigned fl = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_DELETE;
    for (int i = 6; i < argc; i++) {
        if (arg_is(&argv[i], "auth")) {
            i += 1;
        } else if (arg_is(&argv[i], "auth2")) {
            i += 2;
        } else if (arg_is(&argv[i], "keys")) {
            if (argv[3].len > 0)
                return; // KEYS needs the empty key argument: a syntax error
            for (int j = i + 1; j < argc; j++)
                add_key(k, j, fl);
            return;
        }
    }
    add_key(k, 3, fl);
}

/* SET: read-write when GET is given, overwrite otherwise. */
static void set_keys(int argc, const struct resp_arg *argv, struct keys_out *k)
{
    unsigned fl = CMD_KS_OW | CMD_KS_UPDATE;
    for (int i = 3; i < argc; i++)
        if (arg_is(&argv[i], "get"))
            fl = CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE;
    add_key(k, 1, fl);
}

/* BITFIELD: read-only when every operation is a GET (or OVERFLOW). */
static void bitfield_keys(int argc, const struct resp_arg *argv, struct keys_out *k)
{
    int ro = 1;
    for (int i = 2; i < argc && ro; i++) {
        int left = argc - i - 1;
        if (arg_is(&argv[i], "get") && left >= 2)
            i += 2;
        else if (arg_is(&argv[i], "overflow") && left >= 1)
            i += 1;
        else
            ro = 0; // SET, INCRBY, or a syntax error: assume a write
    }
    add_key(k, 1, ro ? CMD_KS_RO | CMD_KS_ACCESS : CMD_KS_RW | CMD_KS_ACCESS | CMD_KS_UPDATE);
}

/* The command's own scanner, for the commands Redis gives one whose specs
 * can be incomplete or have argument-dependent flags. 0 if none. */
static int native_keys(const struct cmd *cmd, int argc, const struct resp_arg *argv,
                       struct keys_out *k)
{
    if (cmd->parent)
        return 0;
    if (!strcmp(cmd->name, "sort") || !strcmp(cmd->name, "sort_ro"))
        sort_keys(argc, argv, cmd->name[4] == '_', k);
    else if (!strcmp(cmd->name, "migrate"))
        migrate_keys(argc, argv, k);
    else if (!strcmp(cmd->name, "set"))
        set_keys(argc, argv, k);
    else if (!strcmp(cmd->name, "bitfield"))
        bitfield_keys(argc, argv, k);
    else
        return 0;
    return 1;
}

int cmd_get_keys(const struct cmd *cmd, int argc, const struct resp_arg *argv, int *out, int outcap,
                 unsigned *flags_out)
{
    struct keys_out k = {out, flags_out, outcap, 0};
    int varflags = 0;
    for (int i = 0; i < cmd->nkey_specs; i++)
        varflags |= (cmd->key_specs[i].flags & CMD_KS_VARIABLE_FLAGS) != 0;
    /* Specs first, when their flags can be trusted; else, or when they fail
     * on this line, the command's own scanner. */
    if (cmd_has_keys(cmd) && !varflags) {
        if (keys_from_specs(cmd, argc, argv, &k) == 0)
            return k.n;
        k.n = 0;
    }
    if (native_keys(cmd, argc, argv, &k))
        return k.n;
    return 0;
}
