/* main: command line handling, then server_init() and server_run().
 *
 *   tern-server [/path/to/tern.conf] [--name value ...]
 *   tern-server - [--name value ...]      (configuration from stdin)
 *   tern-server --help | -h
 *   tern-server --version | -v
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
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
    server_log(LL_NOTICE, "Tern is starting (version %s, Redis %s compatible, pid %d)",
               TERN_VERSION, TERN_REDIS_VERSION, (int)getpid());
    if (!server.configfile)
        server_log(LL_WARNING, "No config file specified, using the default config.");
    if (server_init() == -1)
        return 1;
    return server_run();
}
