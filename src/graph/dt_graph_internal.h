/* What dt_graph.c (building, stream mode) and dt_graph_model.c (librdf
 * model mode) share.  Model mode reaches librdf only through the sink, so
 * that the streaming path links without librdf (see docs/startup.md). */
#ifndef DT_GRAPH_INTERNAL_H
#define DT_GRAPH_INTERNAL_H

#include "dt_graph.h"

/* Where model-mode statements go; o_kind: 0 IRI, 1 plain literal, 2
 * literal typed dt. */
typedef struct {
    void (*add)(void *model, const char *s, const char *p, const char *o, int o_kind,
                const char *dt);
    void (*free)(void *model);
} dt_graph_sink;

/* A map from strings (copied in) to non-NULL pointers, for one article
 * (dt_graph.c; all zero: empty): open addressing over slots[cap], at
 * most half full, value NULL: free; used[] lists the slots in use, n of
 * them.  GHashTable cost a strdup, a free and a rehash on growth per key,
 * and a walk of the whole table to empty it, for every article. */
typedef struct {
    struct dt_strmap_slot {
        guint64 hash;
        const char *key;
        size_t len;
        gpointer value;
    } *slots;
    guint n, cap;
    guint *used;
    GStringChunk *keys;
} dt_strmap;

/* A set of spans, b << 32 | e, for one article (dt_graph.c) */
typedef struct {
    guint64 *slots;
    guint n, cap;
    guint *used;     /* the slots in use, n of them (room for cap / 2) */
    gboolean zero;
} dt_span_set;

struct dt_graph {
    const dt_graph_sink *sink; /* model mode: statements go to sink->add(model) */
    void *model;
    char *base;
    char *agent;               /* <base>id/agent/detente-VERSION, made once */
    GString *key;              /* scratch for the keys of holdings and events */
    /* stream mode: N-Triples / N-Quads text, one chunk per article */
    gboolean stream, quads;
    GString *doc_out;          /* triples of the article's own graph */
    dt_strmap shared_out;      /* subject -> GString: entity descriptions, or &skip */
    /* stream mode: the subjects described by articles flushed before
     * (dt_graph_set_described), and the lock to read them under; a
     * subject found there is mapped to &skip, a chunk never written */
    GHashTable *described;
    GMutex *described_lock;
    GString skip;
    GPtrArray *spare_chunks;   /* emptied GStrings of shared_out, for reuse */
    dt_strmap concepts;        /* concept IRIs described in the article (any mode) */
    dt_strmap facts;           /* holding / event IRI -> times told (emit_holdings, emit_events) */
    const char *last_subject;  /* shared_out's key chunk_for found last, or NULL */
    GString *last_chunk;       /* ... and its chunk */
    /* lines written for this article (dedupe): open addressing over
     * seen[seen_cap] (at most half full, chunk NULL: free), each slot
     * pointing at its line where it was written, off bytes into chunk */
    struct dt_seen_line {
        guint64 hash;
        GString *chunk;
        gsize off, len;
    } *seen;
    guint seen_n, seen_cap;
    guint *seen_used;          /* the slots in use, seen_n of them (room for seen_cap / 2) */
    /* how every statement of a graph ends, made once rather than per
     * statement: " <graph> .\n" in N-Quads, " .\n" in N-Triples; the
     * article's own graph <base>doc/ID (while it is added), the shared
     * <base>graph/entities */
    char *doc_tail, *shared_tail;
    size_t doc_tail_len, shared_tail_len;
    gboolean in_shared;        /* statements now describe shared entities */
    /* the NIF strings described in the article being added; kept from
     * one article to the next, emptied, not allocated anew each time */
    dt_span_set spans;
    gboolean dedupe;           /* stream mode: drop repeated statements now */
    GString *line;             /* stream mode: scratch for a statement to look up */
    /* stream mode: the chunk was written; it is emptied by the next
     * dt_graph_add_doc, on the thread that made it (see dt_graph_flush) */
    gboolean flushed;
};

#endif
