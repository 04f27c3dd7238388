/* t_geo: helpers shared by the geo command files (t_geo.c, t_geo_search.c).
 *
 * Must not know: the sorted set encodings, connections.
 */
#ifndef TERN_T_GEO_H
#define TERN_T_GEO_H

struct client;
struct resp_arg;
struct zobj;

/* Longitude and latitude from a[0], a[1] into xy; replies with Redis's error
 * and returns 0 when not floats or out of range. */
int geo_parse_lonlat(struct client *c, const struct resp_arg *a, double xy[2]);
/* Metres per unit named by a (m, km, ft, mi); replies and returns 0 if unknown. */
int geo_parse_unit(struct client *c, const struct resp_arg *a, double *conv);
/* Centre of member m's cell into xy; 0 if z is NULL or lacks m. */
int geo_member_pos(struct zobj *z, const struct resp_arg *m, double xy[2]);
/* A coordinate as Redis prints it: human long double; bulk (RESP2), double (RESP3). */
void geo_reply_coord(struct client *c, double v);

#endif
