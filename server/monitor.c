/* monitor: see monitor.h. */
#include "monitor.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include "client.h"
#include "cmd_procs.h"
#include "mem.h"
#include "reply.h"
#include "server.h"

/* Append arg quoted and escaped as Redis shows it: "..." with \\ \" \n \r
 * \t \a \b and \xHH for other non-printable bytes. Returns bytes written;
 * dst must hold 4 * len + 2. */
static size_t repr(char *dst, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    dst[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '\\':
            dst[o++] = '\\';
            dst[o++] = '\\';
            break;
        case '"':
            dst[o++] = '\\';
            dst[o++] = '"';
            break;
        case '\n':
            dst[o++] = '\\';
            dst[o++] = 'n';
            break;
        case '\r':
            dst[o++] = '\\';
            dst[o++] = 'r';
            break;
        case '\t':
            dst[o++] = '\\';
            dst[o++] = 't';
            break;
        case '\a':
            dst[o++] = '\\';
            dst[o++] = 'a';
            break;
        case '\b':
            dst[o++] = '\\';
            dst[o++] = 'b';
            break;
        default:
            if (ch >= 32 && ch < 127) {
                dst[o++] = (char)ch;
            } else {
                dst[o++] = '\\';
                dst[o++] = 'x';
                dst[o++] = hex[ch >> 4];
                dst[o++] = hex[ch & 15];
            }
        }
    }
    dst[o++] = '"';
    return o;
}

void monitor_feed(struct client *c)
{
    size_t need = 128;
    for (int i = 0; i < c->argc; i++)
        need += c->argv[i].len * 4 + 3;
    char *line = mem_alloc(need);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    int n;
    if (c->flags & CLIENT_UNIX)
        n = snprintf(line, need, "+%ld.%06ld [%d unix:%s] ", (long)tv.tv_sec, (long)tv.tv_usec,
                     c->db_index, server.unixsocket ? server.unixsocket : "");
    else
        n = snprintf(line, need, "+%ld.%06ld [%d %s] ", (long)tv.tv_sec, (long)tv.tv_usec,
                     c->db_index, c->addr);
    size_t len = (size_t)n;
    for (int i = 0; i < c->argc; i++) {
        len += repr(line + len, c->argv[i].ptr, c->argv[i].len);
        if (i != c->argc - 1)
            line[len++] = ' ';
    }
    line[len++] = '\r';
    line[len++] = '\n';
    for (struct client *m = server.monitors; m; m = m->mon_next)
        if (!(m->conn.flags & CONN_CLOSING))
            conn_out_append(&m->conn, line, len);
    mem_free(line);
}

void monitor_redact(struct client *c, int i)
{
    static char redacted[] = "(redacted)";
    if (i < c->argc) {
        c->argv[i].ptr = redacted;
        c->argv[i].len = sizeof(redacted) - 1;
    }
}

void cmd_monitor(struct client *c)
{
    if (c->flags & CLIENT_DENY_BLOCKING) {
        /* Inside EXEC a reply per command is expected (Redis's text). */
        reply_error(c, "ERR MONITOR isn't allowed for DENY BLOCKING client");
        return;
    }
    if (c->flags & CLIENT_MONITOR)
        return; /* already monitoring: Redis ignores it silently */
    c->flags |= CLIENT_MONITOR;
    c->mon_next = server.monitors;
    server.monitors = c;
    reply_ok(c);
}
