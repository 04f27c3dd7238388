/* net: sockets. Listening (TCP over IPv4/IPv6, unix), accepting, and the
 * per-connection socket options. Every function is a thin, checked wrapper
 * over the syscalls: it returns -1 with errno set on failure and writes a
 * human-readable reason into err (if not NULL) for the log.
 *
 * Must not know: anything above sockets.
 */
#ifndef TERN_NET_H
#define TERN_NET_H

#include <stddef.h>

#define NET_ERR_LEN 256

/* Listen on addr:port (addr is an IPv4 or IPv6 literal, or "*" / "::*" for
 * any). SO_REUSEADDR, nonblocking, close-on-exec; IPV6_V6ONLY for v6.
 * Returns the fd or -1. */
int net_listen_tcp(const char *addr, int port, int backlog, char *err);
/* Listen on a unix socket path with the given permission bits (0 = leave
 * default). An existing socket file is unlinked first. */
int net_listen_unix(const char *path, int perm, int backlog, char *err);

/* accept4() with SOCK_NONBLOCK | SOCK_CLOEXEC; fills "ip:port" into peer (or
 * the socket path for unix) when not NULL. Returns the fd, or -1 (EAGAIN when
 * drained). */
int net_accept(int lfd, char *peer, size_t peerlen);

/* TCP_NODELAY on, and SO_KEEPALIVE with the given interval (0 = off). */
int net_tune_tcp(int fd, int keepalive_secs);

/* "ip:port" of the local or remote end of fd. */
int net_sockname(int fd, char *buf, size_t len, int remote);

/* 1 if the peer address of fd is loopback (127.0.0.0/8, ::1) or a unix
 * socket. */
int net_peer_is_local(int fd);

/* Port a TCP listener is bound to (for --port 0 style tests), or -1. */
int net_local_port(int fd);

#endif
