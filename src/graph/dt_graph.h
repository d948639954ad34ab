/* Stage 5: graph.  Turns analysed articles into RDF statements in a librdf
 * model (hashes storage in memory), with deterministic IRIs: entities keyed
 * by lexicon IRI or name slug, holdings and events by a hash of their
 * content, everything of an article under <base>doc/ID. */
#ifndef DT_GRAPH_H
#define DT_GRAPH_H

#include <stdio.h>
#include <redland.h>
#include "../dt_doc.h"

typedef struct dt_graph dt_graph;

/* The graph borrows world (which must outlive it). */
dt_status dt_graph_new(librdf_world *world, const char *base, dt_graph **out, GError **err);
void dt_graph_free(dt_graph *g);

dt_status dt_graph_add_doc(dt_graph *g, const dt_doc *doc, GError **err);

/* Writes the graph in a raptor serializer syntax (turtle, ntriples, nquads,
 * rdfxml, dot, ...) to fh. */
dt_status dt_graph_serialize(dt_graph *g, const char *format, FILE *fh, GError **err);

librdf_model *dt_graph_model(dt_graph *g);
size_t dt_graph_size(dt_graph *g);

/* Namespace prefixes used in output and queries. */
typedef struct {
    const char *prefix, *iri;
} dt_prefix;
extern const dt_prefix dt_prefixes[];

#endif
