/* tracking_int: what tracking.c shares with tracking_cmd.c (the CLIENT
 * TRACKING/CACHING/GETREDIR/TRACKINGINFO handlers). Not for other modules.
 */
#ifndef TERN_TRACKING_INT_H
#define TERN_TRACKING_INT_H

#include <stddef.h>
#include <stdint.h>

struct client;
struct tprefix;

/* tracking_state.flags */
#define TRK_BCAST   (1u << 0)
#define TRK_OPTIN   (1u << 1)
#define TRK_OPTOUT  (1u << 2)
#define TRK_NOLOOP  (1u << 3)
#define TRK_CACHING (1u << 4) /* CLIENT CACHING yes/no given for the next command */
#define TRK_BROKEN  (1u << 5) /* the redirect client went away */

struct tracking_state {
    unsigned flags;
    uint64_t redirect;         /* 0: none */
    struct tprefix **prefixes; /* sorted by bytes */
    int nprefixes;
    struct tracking_state *mnext; /* id map chain */
    struct client *c;
};

/* A key changed under a BCAST prefix since the last broadcast. */
struct pend {
    char *key;
    size_t klen;
    uint64_t by; /* id of the client whose command changed it, 0 if none */
    size_t seq;
};

/* A BCAST prefix: its clients (in registration order) and changed keys. */
struct tprefix {
    char *p;
    size_t len;
    struct client **clients;
    int nclients, ccap;
    struct pend *keys;
    size_t nkeys, kcap;
};

/* c's state, created (and c made findable by id) if needed. */
struct tracking_state *tracking_state_of(struct client *c);
/* Turn tracking on for c with flags (TRK_BCAST, TRK_OPTIN, TRK_OPTOUT,
 * TRK_NOLOOP), redirecting to client id redir (0: none), and for BCAST the
 * prefixes c->argv[pidx[0..np)] (none: every key). The caller checked the
 * options. */
void tracking_enable(struct client *c, long long redir, unsigned flags, const int *pidx, int np);
/* Turn tracking off for c (a no-op when off). */
void tracking_disable(struct client *c);

#endif
