/* net: see net.h. */
#include "net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void set_err(char *err, const char *what)
{
    if (err)
        snprintf(err, NET_ERR_LEN, "%s: %s", what, strerror(errno));
}

/* Close fd keeping errno for the caller. */
static int fail_close(int fd)
{
    int e = errno;
    close(fd);
    errno = e;
    return -1;
}

int net_listen_tcp(const char *addr, int port, int backlog, char *err)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    memset(&ss, 0, sizeof(ss));
    int v6 = strchr(addr, ':') != NULL;
    if (v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        if (strcmp(addr, "::*") == 0 || strcmp(addr, "::") == 0)
            a->sin6_addr = in6addr_any;
        else if (inet_pton(AF_INET6, addr, &a->sin6_addr) != 1) {
            errno = EINVAL;
            set_err(err, "Invalid IPv6 address");
            return -1;
        }
        sl = sizeof(*a);
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t)port);
        if (strcmp(addr, "*") == 0 || strcmp(addr, "0.0.0.0") == 0)
            a->sin_addr.s_addr = htonl(INADDR_ANY);
        else if (inet_pton(AF_INET, addr, &a->sin_addr) != 1) {
            errno = EINVAL;
            set_err(err, "Invalid IPv4 address");
            return -1;
        }
        sl = sizeof(*a);
    }
    int fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd == -1) {
        set_err(err, "socket");
        return -1;
    }
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) == -1) {
        set_err(err, "setsockopt SO_REUSEADDR");
        return fail_close(fd);
    }
    if (v6 && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) == -1) {
        set_err(err, "setsockopt IPV6_V6ONLY");
        return fail_close(fd);
    }
    if (bind(fd, (struct sockaddr *)&ss, sl) == -1) {
        set_err(err, "bind");
        return fail_close(fd);
    }
    if (listen(fd, backlog) == -1) {
        set_err(err, "listen");
        return fail_close(fd);
    }
    return fd;
}

int net_listen_unix(const char *path, int perm, int backlog, char *err)
{
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sa.sun_path)) {
        errno = ENAMETOOLONG;
        set_err(err, "unix socket path");
        return -1;
    }
    strcpy(sa.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd == -1) {
        set_err(err, "socket");
        return -1;
    }
    unlink(path); /* a stale socket file from an earlier run */
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == -1) {
        set_err(err, "bind");
        return fail_close(fd);
    }
    if (perm && chmod(path, (mode_t)perm) == -1) {
        set_err(err, "chmod");
        return fail_close(fd);
    }
    if (listen(fd, backlog) == -1) {
        set_err(err, "listen");
        return fail_close(fd);
    }
    return fd;
}

/* Format a socket address as Redis 7.0 shows it: "ip:port" for IPv4,
 * "[ip]:port" for IPv6 (checked: CLIENT LIST says addr=[::1]:41208), or
 * "<path>:0" for a unix socket. */
static void format_addr(const struct sockaddr_storage *ss, char *buf, size_t len)
{
    char ip[INET6_ADDRSTRLEN] = "?";
    int port = 0;
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
        inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip));
        port = ntohs(a->sin_port);
    } else if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
        inet_ntop(AF_INET6, &a->sin6_addr, ip, sizeof(ip));
        port = ntohs(a->sin6_port);
    } else if (ss->ss_family == AF_UNIX) {
        const struct sockaddr_un *a = (const struct sockaddr_un *)ss;
        snprintf(buf, len, "%s:0", a->sun_path[0] ? a->sun_path : "/unixsocket");
        return;
    }
    if (ss->ss_family == AF_INET6)
        snprintf(buf, len, "[%s]:%d", ip, port);
    else
        snprintf(buf, len, "%s:%d", ip, port);
}

int net_accept(int lfd, char *peer, size_t peerlen)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    int fd;
    do {
        fd = accept4(lfd, (struct sockaddr *)&ss, &sl, SOCK_NONBLOCK | SOCK_CLOEXEC);
    } while (fd == -1 && errno == EINTR);
    if (fd != -1 && peer)
        format_addr(&ss, peer, peerlen);
    return fd;
}

int net_tune_tcp(int fd, int keepalive_secs)
{
    int one = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) == -1)
        return -1;
    if (keepalive_secs > 0) {
        int idle = keepalive_secs, intvl = keepalive_secs / 3, cnt = 3;
        if (intvl == 0)
            intvl = 1;
        if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one)) == -1 ||
            setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof(idle)) == -1 ||
            setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof(intvl)) == -1 ||
            setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt)) == -1)
            return -1;
    }
    return 0;
}

int net_sockname(int fd, char *buf, size_t len, int remote)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    memset(&ss, 0, sizeof(ss));
    int r = remote ? getpeername(fd, (struct sockaddr *)&ss, &sl)
                   : getsockname(fd, (struct sockaddr *)&ss, &sl);
    if (r == -1)
        return -1;
    format_addr(&ss, buf, len);
    return 0;
}

int net_peer_is_local(int fd)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    if (getpeername(fd, (struct sockaddr *)&ss, &sl) == -1)
        return 0;
    if (ss.ss_family == AF_UNIX)
        return 1;
    if (ss.ss_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)&ss;
        return (ntohl(a->sin_addr.s_addr) >> 24) == 127;
    }
    if (ss.ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)&ss;
        if (IN6_IS_ADDR_LOOPBACK(&a->sin6_addr))
            return 1;
        if (IN6_IS_ADDR_V4MAPPED(&a->sin6_addr))
            return a->sin6_addr.s6_addr[12] == 127;
    }
    return 0;
}

int net_local_port(int fd)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof(ss);
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) == -1)
        return -1;
    if (ss.ss_family == AF_INET)
        return ntohs(((struct sockaddr_in *)&ss)->sin_port);
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return -1;
}
