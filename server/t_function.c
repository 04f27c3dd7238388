/* t_function: FUNCTION (FLUSH, LIST, STATS, DUMP, RESTORE, DELETE, KILL,
 * LOAD, HELP) and FCALL / FCALL_RO, for a server that has no scripting
 * engine.
 *
 * Tern has no Lua, so its function library is always empty, and honestly
 * so: every command behaves as Redis 7.0 does with no library loaded and no
 * engine registered. FLUSH succeeds (counted as a change, so it reaches the
 * AOF as in Redis), LIST and STATS describe nothing, DUMP writes the payload
 * of an empty library set (just the RDB version and the CRC64, which Redis's
 * FUNCTION RESTORE accepts), RESTORE validates a payload exactly as Redis
 * does and accepts it when it holds no library, FCALL finds no function.
 * Code that names an engine (LOAD, or a library inside a RESTORE payload)
 * goes through Redis's metadata checks and then fails with Redis's
 * "Engine '<name>' not found": for "#!lua" that is the reply a Redis without
 * the Lua engine would give (real Redis 7.0 always has it).
 *
 * Invariants: every handler replies exactly once; no state is kept (the
 * library set is empty by construction).
 *
 * Must not know: the keyspace. It reads RDB strings from a payload through
 * rdb_int.h's memory reader (the function payload is RDB data: opcode 245
 * or the pre-GA 246, then strings), rather than a second copy of the
 * string/LZF decoder.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "client.h"
#include "cmd_procs.h"
#include "config.h"
#include "crc64.h"
#include "mem.h"
#include "rdb_int.h"
#include "reply.h"
#include "server.h"
#include "util.h"

static int arg_is(const struct resp_arg *a, const char *word)
{
    return util_eq_ci(a->ptr, a->len, word);
}

static void reply_sub_syntax(struct client *c)
{
    reply_errorf(c,
                 "ERR unknown subcommand or wrong number of arguments for '%.*s'. Try FUNCTION "
                 "HELP.",
                 (int)c->argv[1].len, c->argv[1].ptr);
}

/* FUNCTION FLUSH [ASYNC|SYNC]: there is nothing to free either way. */
void cmd_function_flush(struct client *c)
{
    if (c->argc > 3) {
        reply_sub_syntax(c);
        return;
    }
    if (c->argc == 3 && !arg_is(&c->argv[2], "sync") && !arg_is(&c->argv[2], "async")) {
        reply_error(c, "ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
        return;
    }
    server.dirty++; /* as Redis: replicated and counted even when empty */
    reply_ok(c);
}

/* FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]: each option at most once,
 * in any order; an empty array (no library matches anything). */
void cmd_function_list(struct client *c)
{
    int with_code = 0, with_name = 0;
    for (int i = 2; i < c->argc; i++) {
        const struct resp_arg *a = &c->argv[i];
        if (!with_code && arg_is(a, "withcode")) {
            with_code = 1;
        } else if (!with_name && arg_is(a, "libraryname")) {
            if (i >= c->argc - 1) {
                reply_error(c, "ERR library name argument was not given");
                return;
            }
            with_name = 1;
            i++;
        } else {
            /* Redis prints the argument as a C string. */
            reply_errorf(c, "ERR Unknown argument %.*s", (int)strnlen(a->ptr, a->len), a->ptr);
            return;
        }
    }
    reply_array(c, 0);
}

/* FUNCTION STATS: no script is ever running, and no engine is listed. */
void cmd_function_stats(struct client *c)
{
    reply_map(c, 2);
    reply_bulk_cstr(c, "running_script");
    reply_null(c);
    reply_bulk_cstr(c, "engines");
    reply_map(c, 0);
}

void cmd_function_delete(struct client *c)
{
    reply_error(c, "ERR Library not found");
}

void cmd_function_kill(struct client *c)
{
    reply_error(c, "NOTBUSY No scripts in execution right now.");
}

/* FUNCTION DUMP: the payload of no libraries: RDB version (2 bytes, little
 * endian) and the CRC64 of those bytes (8 bytes, little endian). */
void cmd_function_dump(struct client *c)
{
    unsigned char p[10] = {RDB_VERSION & 0xff, (RDB_VERSION >> 8) & 0xff};
    uint64_t crc = crc64(0, p, 2);
    for (int i = 0; i < 8; i++)
        p[2 + i] = (unsigned char)(crc >> (8 * i));
    reply_bulk(c, p, sizeof(p));
}

/* Redis's rule for library names: [a-zA-Z0-9_]+. */
static int name_valid(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return 0;
    return 1;
}

/* Check the "#!<engine> name=<lib>" first line of library code as Redis
 * does, then look the engine up among the registered ones (none). Writes
 * Redis's error text (without "ERR ") into err; never succeeds, so it
 * returns nothing. code is read as Redis reads it, as a C string: a NUL
 * byte ends it. O(length of the first line). */
static void library_create(const char *code, size_t len, char *err, size_t errlen)
{
    size_t n = strnlen(code, len);
    if (n < 2 || code[0] != '#' || code[1] != '!') {
        snprintf(err, errlen, "Missing library metadata");
        return;
    }
    const char *nl = memchr(code, '\n', n);
    if (!nl) {
        snprintf(err, errlen, "Invalid library metadata");
        return;
    }
    size_t slen = (size_t)(nl - code);
    char *shebang = mem_alloc(slen + 1);
    memcpy(shebang, code, slen);
    shebang[slen] = '\0';
    char **parts = NULL;
    int nparts = config_split_args(shebang, &parts);
    mem_free(shebang);
    if (nparts <= 0) { /* unbalanced quotes (0 cannot happen: the line starts "#!") */
        snprintf(err, errlen, "Invalid library metadata");
        if (nparts == 0)
            config_free_args(parts, 0);
        return;
    }
    const char *engine = strlen(parts[0]) > 2 ? parts[0] + 2 : "";
    const char *name = NULL;
    for (int i = 1; i < nparts; i++) {
        if (strncasecmp(parts[i], "name=", 5) != 0) {
            snprintf(err, errlen, "Invalid metadata value given: %s", parts[i]);
            goto done;
        }
        if (name) {
            snprintf(err, errlen, "Invalid metadata value, name argument was given multiple times");
            goto done;
        }
        name = parts[i] + 5;
    }
    if (!name)
        snprintf(err, errlen, "Library name was not given");
    else if (!name_valid(name))
        snprintf(err, errlen,
                 "Library names can only contain letters, numbers, or underscores(_) and must "
                 "be at least one character long");
    else
        snprintf(err, errlen, "Engine '%s' not found", engine);
done:
    config_free_args(parts, nparts);
}

/* FUNCTION LOAD [REPLACE] code: options before the code, then the code. */
void cmd_function_load(struct client *c)
{
    int pos = 2;
    while (pos < c->argc - 1) {
        const struct resp_arg *a = &c->argv[pos++];
        if (!arg_is(a, "replace")) {
            reply_errorf(c, "ERR Unknown option given: %.*s", (int)strnlen(a->ptr, a->len), a->ptr);
            return;
        }
    }
    if (pos >= c->argc) {
        reply_error(c, "ERR Function code is missing");
        return;
    }
    char err[512];
    library_create(c->argv[pos].ptr, c->argv[pos].len, err, sizeof(err));
    reply_errorf(c, "ERR %s", err);
}

/* 1 if the payload's footer is valid as Redis's verifyDumpPayload checks
 * it: at least 10 bytes, RDB version <= ours, CRC64 matching (a zero CRC is
 * not a pass here, unlike in RDB files). O(len). */
static int payload_valid(const unsigned char *p, size_t len)
{
    if (len < 10)
        return 0;
    unsigned ver = (unsigned)p[len - 10] | ((unsigned)p[len - 9] << 8);
    if (ver > RDB_VERSION)
        return 0;
    uint64_t crc = 0;
    for (int i = 7; i >= 0; i--)
        crc = (crc << 8) | p[len - 8 + (size_t)i];
    return crc64(0, p, len - 8) == crc;
}

/* Read one library record (after its opcode) as Redis's rdbFunctionLoad
 * does and try to create it; as no engine exists that always fails, with
 * the reason in err. Pre-GA records (7.0 rc1/rc2) hold name, engine, an
 * optional description and the code, and are turned into
 * "#!<engine> name=<name>\n<code>" first, as Redis does. */
static void restore_library(struct rdb_reader *r, int type, char *err, size_t errlen)
{
    size_t len;
    char *code = NULL;
    if (type == RDB_OPCODE_FUNCTION2) {
        if (!(code = rdbr_string(r, &len))) {
            snprintf(err, errlen, "Failed loading library payload");
            return;
        }
    } else {
        size_t nlen = 0, elen = 0, blen = 0;
        uint64_t has_desc = 0;
        int encoded;
        char *name = NULL, *engine = NULL, *desc = NULL, *blob = NULL;
        if (!(name = rdbr_string(r, &nlen)))
            snprintf(err, errlen, "Failed loading library name");
        else if (!(engine = rdbr_string(r, &elen)))
            snprintf(err, errlen, "Failed loading engine name");
        else if (rdbr_len(r, &has_desc, &encoded) < 0) /* Redis ignores "encoded" here */
            snprintf(err, errlen, "Failed loading library description indicator");
        else if (has_desc && !(desc = rdbr_string(r, &len)))
            snprintf(err, errlen, "Failed loading library description");
        else if (!(blob = rdbr_string(r, &blen)))
            snprintf(err, errlen, "Failed loading library blob");
        if (blob) {
            /* Joined as C strings (a NUL ends each part), as Redis does. */
            size_t cap = elen + nlen + blen + 16;
            code = mem_alloc(cap);
            snprintf(code, cap, "#!%s name=%s\n%s", engine, name, blob);
            len = strlen(code);
        }
        mem_free(name);
        mem_free(engine);
        mem_free(desc);
        mem_free(blob);
        if (!code)
            return;
    }
    library_create(code, len, err, errlen);
    mem_free(code);
}

/* FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE]: the policy is checked
 * first, then the footer, then each record in order; the first error wins.
 * A payload without records restores "nothing" (OK); any library record
 * fails, since no engine can run it. O(payload). */
void cmd_function_restore(struct client *c)
{
    if (c->argc > 4) {
        reply_sub_syntax(c);
        return;
    }
    if (c->argc == 4 && !arg_is(&c->argv[3], "append") && !arg_is(&c->argv[3], "replace") &&
        !arg_is(&c->argv[3], "flush")) {
        reply_error(c, "ERR Wrong restore policy given, value should be either FLUSH, APPEND or "
                       "REPLACE.");
        return;
    }
    const unsigned char *p = (const unsigned char *)c->argv[2].ptr;
    size_t len = c->argv[2].len;
    if (!payload_valid(p, len)) {
        reply_error(c, "ERR DUMP payload version or checksum are wrong");
        return;
    }
    char err[512] = "", rerr[256];
    struct rdb_reader r;
    /* Records are read while more than the 10-byte footer remains; like
     * Redis, a record that overruns into the footer reads footer bytes. */
    rdbr_init_mem(&r, p, len, rerr, sizeof(rerr));
    while (!err[0] && rdbr_remaining(&r) > 10) {
        int type;
        if (rdbr_byte(&r, &type) < 0)
            snprintf(err, sizeof(err), "can not read data type");
        else if (type != RDB_OPCODE_FUNCTION && type != RDB_OPCODE_FUNCTION2)
            snprintf(err, sizeof(err), "given type is not a function");
        else
            restore_library(&r, type, err, sizeof(err));
    }
    rdbr_free(&r);
    if (err[0]) {
        reply_errorf(c, "ERR %s", err);
        return;
    }
    server.dirty++; /* as Redis, even for an empty payload */
    reply_ok(c);
}

void cmd_function_help(struct client *c)
{
    static const char *const help[] = {
        "LOAD [REPLACE] <FUNCTION CODE>",
        "    Create a new library with the given library name and code.",
        "DELETE <LIBRARY NAME>",
        "    Delete the given library.",
        "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
        "    Return general information on all the libraries:",
        "    * Library name",
        "    * The engine used to run the Library",
        "    * Library description",
        "    * Functions list",
        "    * Library code (if WITHCODE is given)",
        "    It also possible to get only function that matches a pattern using LIBRARYNAME "
        "argument.",
        "STATS",
        "    Return information about the current function running:",
        "    * Function name",
        "    * Command used to run the function",
        "    * Duration in MS that the function is running",
        "    If no function is running, return nil",
        "    In addition, returns a list of available engines.",
        "KILL",
        "    Kill the current running function.",
        "FLUSH [ASYNC|SYNC]",
        "    Delete all the libraries.",
        "    When called without the optional mode argument, the behavior is determined by the",
        "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
        "    * ASYNC: Asynchronously flush the libraries.",
        "    * SYNC: Synchronously flush the libraries.",
        "DUMP",
        "    Return a serialized payload representing the current libraries, can be restored "
        "using FUNCTION RESTORE command",
        "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
        "    Restore the libraries represented by the given payload, it is possible to give a "
        "restore policy to",
        "    control how to handle existing libraries (default APPEND):",
        "    * FLUSH: delete all existing libraries.",
        "    * APPEND: appends the restored libraries to the existing libraries. On collision, "
        "abort.",
        "    * REPLACE: appends the restored libraries to the existing libraries, On collision, "
        "replace the old",
        "      libraries with the new libraries (notice that even on this option there is a "
        "chance of failure",
        "      in case of functions name collision with another library).",
        NULL,
    };
    reply_help(c, help);
}

/* FCALL / FCALL_RO function numkeys ...: no function exists, and Redis
 * looks the function up before it reads numkeys. */
void cmd_fcall(struct client *c)
{
    reply_error(c, "ERR Function not found");
}

void cmd_fcall_ro(struct client *c)
{
    reply_error(c, "ERR Function not found");
}
