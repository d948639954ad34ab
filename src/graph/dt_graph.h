/* Stage 5: graph.  Turns analysed articles into RDF statements, with
 * deterministic IRIs: entities keyed by lexicon IRI or name slug, holdings
 * and events by a hash of their content, everything of an article under
 * <base>doc/ID.  Statements are streamed as N-Triples / N-Quads text (this
 * header), or go into a librdf model (dt_graph_model.h).  This header does
 * not need librdf: detente's streaming path links without it. */
#ifndef DT_GRAPH_H
#define DT_GRAPH_H

#include <stdio.h>
#include "../dt_doc.h"

typedef struct dt_graph dt_graph;

/* Stream mode: each article's statements are kept as N-Triples (or N-Quads
 * with the article's own named graph <base>doc/ID and a shared graph
 * <base>graph/entities for entity descriptions) until dt_graph_flush writes
 * them; memory does not grow with the number of articles.  Needs no librdf
 * world, so one per thread is cheap. */
dt_graph *dt_graph_new_stream(const char *base, gboolean quads);
void dt_graph_free(dt_graph *g);

dt_status dt_graph_add_doc(dt_graph *g, const dt_doc *doc, GError **err);

/* Stream mode: drops what was kept only to merge repeated statements, so
 * that a worker thread does that work rather than the writer. */
void dt_graph_seal(dt_graph *g);
/* Bytes a stream graph keeps for its next article (its chunk's buffers);
 * 0 for a model graph. */
size_t dt_graph_held_bytes(const dt_graph *g);

/* Stream mode: writes the article(s) added since the last flush to fh.
 * Entity descriptions whose subject is in `done` are skipped, and written
 * subjects are added to it (a set of g_strdup'ed IRIs, e.g. made with
 * dt_str_hash and g_str_equal; NULL: no dedupe).  The written statements
 * are freed by the next dt_graph_add_doc or dt_graph_free, so a graph can
 * be flushed by one thread and refilled by the one that made it. */
dt_status dt_graph_flush(dt_graph *g, FILE *fh, GHashTable *done, GError **err);

/* Stream mode: the statements about a shared entity whose subject is in
 * done (the set dt_graph_flush fills) are not even made: an article
 * flushed before wrote its description, so the flush would leave them
 * out.  done stays the caller's; when other threads flush into it, they
 * add to it under lock, which is taken here to read it (may be NULL with
 * one thread).  NULL done: every description is made. */
void dt_graph_set_described(dt_graph *g, GHashTable *done, GMutex *lock);

/* A string hash for sets of IRIs and N-Quads lines (GHashTable), quicker
 * than g_str_hash on long strings: it takes 8 bytes at a time. */
guint dt_str_hash(gconstpointer key);

/* Namespace prefixes used in output and queries. */
typedef struct {
    const char *prefix, *iri;
} dt_prefix;
extern const dt_prefix dt_prefixes[];

#endif
