/* Model mode of dt_graph: statements go into an in-memory librdf model
 * (hashes storage), serialized at the end in any raptor syntax.  Kept apart
 * from dt_graph.h so that the streaming path never includes librdf. */
#ifndef DT_GRAPH_MODEL_H
#define DT_GRAPH_MODEL_H

#include <stdio.h>
#include <redland.h>
#include "dt_graph.h"

/* The graph borrows world (which must outlive it); dt_graph_add_doc and
 * dt_graph_free work on it as on a stream graph. */
dt_status dt_graph_new(librdf_world *world, const char *base, dt_graph **out, GError **err);

/* Writes the graph in a raptor serializer syntax (turtle, ntriples, nquads,
 * rdfxml, dot, ...) to fh. */
dt_status dt_graph_serialize(dt_graph *g, const char *format, FILE *fh, GError **err);

librdf_model *dt_graph_model(dt_graph *g);
size_t dt_graph_size(dt_graph *g);

#endif
