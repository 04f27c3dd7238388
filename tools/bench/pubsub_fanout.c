/* pubsub_fanout: Pub/Sub fan-out benchmark client.
 *
 * One publisher and N subscribers (one process, one epoll loop): every
 * subscriber SUBSCRIBEs to one channel, then the publisher sends M PUBLISH
 * commands of an S-byte payload, pipelined but windowed: message i is sent
 * only once every subscriber has received message i - W, so the server's
 * output buffers stay bounded (no client-output-buffer-limit disconnects)
 * and the run measures sustained delivery, not buffering. Subscribers are
 * counted by bytes: every message frame has the same size.
 *
 * Prints one line: "<delivered> messages delivered in <sec> s: <rate>
 * msg/s (publish <rate> msg/s)", delivered = N * M.
 *
 * Usage: pubsub_fanout PORT [subscribers=1000] [messages=2000] [size=64]
 *                           [window=64]
 * Build: cc -O2 -o build/pubsub_fanout tools/bench/pubsub_fanout.c
 * (tools/bench_pubsub.sh builds and runs it against both servers.)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHANNEL "fanout"

struct sub {
    int fd;
    unsigned long long bytes; /* received after the subscribe confirmation */
    size_t confirm_left;      /* bytes of the confirmation still to read */
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dial(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            perror("send");
            exit(1);
        }
        p += w;
        n -= (size_t)w;
    }
}

static void die(const char *what)
{
    fprintf(stderr, "pubsub_fanout: %s\n", what);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: pubsub_fanout PORT [subs] [messages] [size] [window]\n");
        return 2;
    }
    int port = atoi(argv[1]);
    int nsub = argc > 2 ? atoi(argv[2]) : 1000;
    long nmsg = argc > 3 ? atol(argv[3]) : 2000;
    size_t size = argc > 4 ? (size_t)atol(argv[4]) : 64;
    long window = argc > 5 ? atol(argv[5]) : 64;

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)nsub + 64) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    /* The frames: the confirmation and one message. */
    char confirm[64];
    size_t confirm_len = (size_t)snprintf(confirm, sizeof confirm,
                                          "*3\r\n$9\r\nsubscribe\r\n$%zu\r\n%s\r\n:1\r\n",
                                          strlen(CHANNEL), CHANNEL);
    char hdr[64];
    size_t hdr_len = (size_t)snprintf(hdr, sizeof hdr, "*3\r\n$7\r\nmessage\r\n$%zu\r\n%s\r\n$%zu\r\n",
                                      strlen(CHANNEL), CHANNEL, size);
    unsigned long long frame = hdr_len + size + 2;

    char *payload = malloc(size + 1);
    memset(payload, 'x', size);
    char cmdhdr[96];
    size_t cmdhdr_len = (size_t)snprintf(cmdhdr, sizeof cmdhdr,
                                         "*3\r\n$7\r\nPUBLISH\r\n$%zu\r\n%s\r\n$%zu\r\n",
                                         strlen(CHANNEL), CHANNEL, size);
    size_t cmd_len = cmdhdr_len + size + 2;
    char *cmd = malloc(cmd_len);
    memcpy(cmd, cmdhdr, cmdhdr_len);
    memcpy(cmd + cmdhdr_len, payload, size);
    memcpy(cmd + cmdhdr_len + size, "\r\n", 2);

    int ep = epoll_create1(0);
    struct sub *subs = calloc((size_t)nsub, sizeof *subs);
    static const char subcmd[] = "*2\r\n$9\r\nSUBSCRIBE\r\n$6\r\n" CHANNEL "\r\n";
    for (int i = 0; i < nsub; i++) {
        subs[i].fd = dial(port);
        if (subs[i].fd < 0)
            die("connect failed (ulimit -n?)");
        subs[i].confirm_left = confirm_len;
        send_all(subs[i].fd, subcmd, sizeof subcmd - 1);
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, subs[i].fd, &ev);
    }
    int pub = dial(port);
    if (pub < 0)
        die("publisher connect failed");
    struct epoll_event pev = {.events = EPOLLIN, .data.u32 = (uint32_t)nsub};
    epoll_ctl(ep, EPOLL_CTL_ADD, pub, &pev);

    static char buf[1 << 16];
    struct epoll_event evs[256];
    int confirmed = 0;
    long sent = 0, acked = 0;
    unsigned long long want = (unsigned long long)nmsg * frame;
    int done_subs = 0;
    double t0 = 0, tpub = 0;
    /* min messages received by any subscriber (recomputed lazily) */
    long min_recv = 0;
    int dirty_min = 0;
    for (;;) {
        if (confirmed == nsub && t0 == 0)
            t0 = now_s();
        if (t0 != 0) {
            if (dirty_min) {
                unsigned long long m = ~0ull;
                for (int i = 0; i < nsub; i++)
                    if (subs[i].bytes < m)
                        m = subs[i].bytes;
                min_recv = (long)(m / frame);
                dirty_min = 0;
            }
            /* Send what the window allows, in one write. */
            long can = min_recv + window - sent;
            if (can > nmsg - sent)
                can = nmsg - sent;
            if (can > 0) {
                static char *batch;
                static size_t batch_cap;
                size_t need = (size_t)can * cmd_len;
                if (need > batch_cap) {
                    batch = realloc(batch, need);
                    batch_cap = need;
                }
                for (long k = 0; k < can; k++)
                    memcpy(batch + (size_t)k * cmd_len, cmd, cmd_len);
                send_all(pub, batch, need);
                sent += can;
            }
        }
        if (done_subs == nsub && acked == nmsg)
            break;
        int n = epoll_wait(ep, evs, 256, 10000);
        if (n == 0)
            die("timed out (a subscriber was disconnected?)");
        for (int k = 0; k < n; k++) {
            uint32_t i = evs[k].data.u32;
            if (i == (uint32_t)nsub) {
                ssize_t r = recv(pub, buf, sizeof buf, 0);
                if (r <= 0)
                    die("publisher connection closed");
                for (ssize_t j = 0; j < r; j++)
                    if (buf[j] == '\n')
                        acked++;
                if (acked == nmsg && tpub == 0)
                    tpub = now_s();
                continue;
            }
            struct sub *s = &subs[i];
            ssize_t r = recv(s->fd, buf, sizeof buf, 0);
            if (r <= 0)
                die("subscriber connection closed");
            size_t used = 0;
            if (s->confirm_left) {
                size_t c = (size_t)r < s->confirm_left ? (size_t)r : s->confirm_left;
                s->confirm_left -= c;
                used = c;
                if (!s->confirm_left)
                    confirmed++;
            }
            unsigned long long before = s->bytes;
            s->bytes += (unsigned long long)r - used;
            if (before < want && s->bytes >= want)
                done_subs++;
            if (s->bytes / frame != before / frame)
                dirty_min = 1;
        }
    }
    double t1 = now_s();
    double el = t1 - t0;
    double delivered = (double)nsub * (double)nmsg;
    printf("%.0f messages delivered in %.3f s: %.0f msg/s (publish %.0f msg/s)\n", delivered, el,
           delivered / el, (double)nmsg / (tpub - t0));
    return 0;
}
