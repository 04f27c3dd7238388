/* fuzz_rdb: libFuzzer harness for the RDB loader and the RESTORE payload
 * decoder (the whole server is linked, but nothing is started: no reactor,
 * listeners or signals; just the configuration defaults and the dbs).
 *
 * fuzz-deps: ALL
 *
 * Input layout: byte 0 holds flags, the rest is the RDB file or payload.
 *   bit 0  0: an RDB file, loaded with rdb_load_fd from a memfd;
 *          1: a DUMP payload, decoded with rdb_restore_value.
 *   bit 1  deep sanitization (sanitize-dump-payload yes) on or off.
 *   bit 2  recompute the trailing CRC64 first (the last 8 bytes) so that
 *          mutations get past the checksum and into the decoders.
 * Checked beyond "no crash, no out-of-bounds, no leak, no hang":
 *   - a failing load or restore gives an error message;
 *   - a restored value stores, DUMPs, and the DUMP restores again with deep
 *     sanitization (our writer's output is always valid);
 *   - a loaded dataset saves with rdb_save_fd, and that file loads again
 *     with no more keys than the first load.
 * With FUZZ_RDB_VERBOSE set, each input's outcome goes to stderr (to check
 * that the seeds reach the success paths: build/fuzz/fuzz_rdb seed...).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"
#include "crc64.h"
#include "db.h"
#include "mem.h"
#include "rdb.h"
#include "server.h"
#include "t_hash.h"
#include "t_list.h"
#include "t_set.h"
#include "t_zset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int verbose = -1;

static void note(const char *what, const char *detail)
{
    if (verbose < 0)
        verbose = getenv("FUZZ_RDB_VERBOSE") != NULL;
    if (verbose)
        fprintf(stderr, "fuzz_rdb: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

/* Configuration defaults and empty databases, once per process. */
static void setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    config_init_defaults();
    server.verbosity = LL_WARNING;
    server.databases = 16;
    server.db = mem_calloc((size_t)server.databases, sizeof(*server.db));
    for (int i = 0; i < server.databases; i++)
        server.db[i] = db_create(i);
    t_list_init();
    t_set_init();
    t_zset_init();
    t_hash_init();
}

static void flush_all(void)
{
    for (int i = 0; i < server.databases; i++)
        db_empty(server.db[i]);
}

static size_t total_keys(void)
{
    size_t n = 0;
    for (int i = 0; i < server.databases; i++)
        n += db_size(server.db[i]);
    return n;
}

/* A memfd holding p[0..n), positioned at 0; -1 if the kernel refuses. */
static int memfd_with(const void *p, size_t n)
{
    int fd = memfd_create("fuzz_rdb", 0);
    if (fd < 0)
        return -1;
    if (n && write(fd, p, n) != (ssize_t)n) {
        close(fd);
        return -1;
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

static void fuzz_restore(const unsigned char *p, size_t n, int deep)
{
    struct rdb_value v, v2;
    const char *err = NULL;
    if (rdb_restore_value(p, n, deep, &v, &err) != 0) {
        if (!err || strncmp(err, "ERR ", 4) != 0)
            abort();
        note("restore rejected", err);
        return;
    }
    struct kv *e = rdb_store_value(server.db[0], "k", 1, &v, -1);
    size_t dlen;
    unsigned char *dump = rdb_dump_value(e, &dlen);
    if (rdb_restore_value(dump, dlen, 1, &v2, &err) != 0) {
        fprintf(stderr, "re-dump of a restored value does not restore: %s\n", err);
        abort();
    }
    rdb_value_free(&v2);
    mem_free(dump);
    flush_all();
    note("restore ok", NULL);
}

static void fuzz_load(const unsigned char *p, size_t n)
{
    struct rdb_load_info info = {0};
    char err[512] = "";
    int fd = memfd_with(p, n);
    if (fd < 0)
        return;
    int rc = rdb_load_fd(fd, &info, err, sizeof(err));
    close(fd);
    if (rc != 0) {
        if (!err[0])
            abort();
        note("load rejected", err);
        flush_all();
        return;
    }
    size_t keys = total_keys();
    fd = memfd_create("fuzz_rdb_save", 0);
    if (fd < 0) {
        flush_all();
        return;
    }
    if (rdb_save_fd(fd, 0, err, sizeof(err)) != 0) {
        fprintf(stderr, "saving a loaded dataset failed: %s\n", err);
        abort();
    }
    flush_all();
    lseek(fd, 0, SEEK_SET);
    struct rdb_load_info info2 = {0};
    if (rdb_load_fd(fd, &info2, err, sizeof(err)) != 0) {
        fprintf(stderr, "reloading our own save failed: %s\n", err);
        abort();
    }
    close(fd);
    if (total_keys() > keys)
        abort();
    char msg[64];
    snprintf(msg, sizeof(msg), "%zu keys", keys);
    note("load ok", msg);
    flush_all();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    setup();
    unsigned flags = data[0];
    size_t n = size - 1;
    unsigned char *p = mem_alloc(n ? n : 1);
    memcpy(p, data + 1, n);
    if ((flags & 4) && n >= 8) {
        uint64_t crc = crc64(0, p, n - 8);
        for (int i = 0; i < 8; i++)
            p[n - 8 + (size_t)i] = (unsigned char)(crc >> (8 * i));
    }
    int deep = (flags & 2) != 0;
    server.sanitize_dump_payload = deep ? CONFIG_SANITIZE_YES : CONFIG_SANITIZE_NO;
    if (flags & 1)
        fuzz_restore(p, n, deep);
    else
        fuzz_load(p, n);
    mem_free(p);
    return 0;
}
