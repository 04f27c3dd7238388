/* aofutil.h - file helpers shared by the AOF integration tests
 * (itest_aof.c, itest_aof_faults.c): read, append to and wait on the files
 * of a server's appendonlydir. Header-only; include after cmocka.h. */
#ifndef TERN_ITEST_AOFUTIL_H
#define TERN_ITEST_AOFUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

static inline char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[600];
    snprintf(path, sizeof(path), "%s/appendonlydir/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static inline void append_file(const char *dir, const char *name, const char *data)
{
    char path[600];
    snprintf(path, sizeof(path), "%s/appendonlydir/%s", dir, name);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs(data, f);
    fclose(f);
}

static inline int file_exists(const char *dir, const char *name)
{
    char path[600];
    struct stat st;
    snprintf(path, sizeof(path), "%s/appendonlydir/%s", dir, name);
    return stat(path, &st) == 0;
}

/* Wait until the manifest equals want (a rewrite finished). */
static inline int wait_manifest(const char *dir, const char *want)
{
    for (int i = 0; i < 500; i++) {
        char *m = read_file(dir, "appendonly.aof.manifest", NULL);
        int eq = m && strcmp(m, want) == 0;
        free(m);
        if (eq)
            return 0;
        hs_sleep_ms(10);
    }
    return -1;
}

#endif
