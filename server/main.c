/* main: command line handling, then server_init() and server_run().
 *
 *   tern-server [/path/to/tern.conf] [--name value ...]
 *   tern-server - [--name value ...]      (configuration from stdin)
 *   tern-server --help | -h
 *   tern-server --version | -v
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <fcntl.h>
#include <unistd.h>

#include "config.h"
#include "mem.h"
#include "server.h"

static void usage(FILE *f)
{
    fprintf(f, "Usage: tern-server [/path/to/tern.conf] [--name value ...]\n"
               "       tern-server - [--name value ...]   (read the configuration from stdin)\n"
               "       tern-server -v | --version\n"
               "       tern-server -h | --help\n"
               "\n"
               "Tern is a Redis-compatible in-memory key-value server. The configuration file\n"
               "uses redis.conf syntax; every directive can also be given on the command line\n"
               "as --name value, which is applied after the file.\n"
               "\n"
               "Examples:\n"
               "       tern-server                       (defaults: 127.0.0.1 and ::1, port 6379)\n"
               "       tern-server /etc/tern/tern.conf\n"
               "       tern-server --port 7777\n"
               "       tern-server /etc/tern/tern.conf --loglevel verbose --requirepass secret\n");
}

/* daemonize yes: detach as Redis does: fork (the parent exits at once),
 * start a new session, and point stdin/stdout/stderr at /dev/null (so logs
 * written to stdout vanish; set logfile to keep them). Without a pidfile,
 * one is written to /var/run/tern.pid. */
static void daemonize(void)
{
    pid_t pid = fork();
    if (pid == -1) {
        perror("fork");
        exit(1);
    }
    if (pid > 0)
        _exit(0);
    setsid();
    int fd = open("/dev/null", O_RDWR);
    if (fd != -1) {
        dup2(fd, STDIN_FILENO);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        if (fd > STDERR_FILENO)
            close(fd);
    }
    if (!server.pidfile || !server.pidfile[0]) {
        mem_free(server.pidfile);
        server.pidfile = mem_strdup("/var/run/tern.pid");
    }
}

int main(int argc, char **argv)
{
    if (argc >= 2) {
        if (!strcmp(argv[1], "-v") || !strcmp(argv[1], "--version")) {
            printf("Tern server v=%s redis_version=%s bits=%d malloc=libc\n", TERN_VERSION,
                   TERN_REDIS_VERSION, (int)(sizeof(long) * 8));
            return 0;
        }
        if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
            usage(stdout);
            return 0;
        }
    }
    config_init_defaults();
    if (config_load_main(argc, argv) == -1)
        return 1;
    if (server.daemonize)
        daemonize();
    server_log(LL_NOTICE, "Tern is starting (version %s, Redis %s compatible, pid %d)",
               TERN_VERSION, TERN_REDIS_VERSION, (int)getpid());
    if (!server.configfile)
        server_log(LL_WARNING, "No config file specified, using the default config.");
    /* As Redis's disable-thp: no transparent huge pages for this process,
     * whatever the system setting, so that a page written by the parent
     * while a fork child runs costs a 4 KB copy, not a 2 MB one. */
    if (server.disable_thp && prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) == -1)
        server_log(LL_WARNING, "disable-thp: prctl(PR_SET_THP_DISABLE) failed: %s",
                   strerror(errno));
    if (server_init() == -1)
        return 1;
    return server_run();
}
