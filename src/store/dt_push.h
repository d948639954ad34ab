/* Sending graphs to a triple store over the SPARQL 1.1 Graph Store HTTP
 * Protocol (Virtuoso, Apache Jena Fuseki, Oxigraph server, GraphDB, RDF4J):
 * one HTTP PUT per named graph, which replaces the graph, so loading an
 * article twice does not duplicate it.
 *
 * Library rules as in dt_status.h: nothing here prints or exits; errors are
 * a dt_status plus a GError in the DT_ERROR domain.  Every string in
 * dt_push_opts is borrowed for the duration of the call. */
#ifndef DT_PUSH_H
#define DT_PUSH_H

#include <stddef.h>
#include "../dt_status.h"

typedef struct {
    /* Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth
     * (Virtuoso), http://localhost:3030/ds/data (Fuseki),
     * http://localhost:7878/store (Oxigraph).  May already hold a query
     * string; the graph parameter is then appended with '&'. */
    const char *endpoint;
    /* HTTP credentials (NULL: none).  The scheme is the one the server
     * offers (digest for Virtuoso, basic for Fuseki): an anonymous HEAD asks
     * first, once per file, so that the data is not sent unauthenticated
     * (libcurl's CURLAUTH_ANY would, and Virtuoso resets such a request). */
    const char *user;
    const char *password;
    /* Take the credentials for the endpoint's host from ~/.netrc when
     * present (CURL_NETRC_OPTIONAL). */
    gboolean use_netrc;
    /* Whole-request timeout in seconds; <= 0 means 300. */
    long timeout_s;
    /* Name of the query parameter holding the graph IRI; NULL means "graph"
     * (the standard name, which Virtuoso 7.2 accepts too besides its own
     * "graph-uri"). */
    const char *graph_param;
    /* POST (add to the graph) instead of PUT (replace it).  Useful for a
     * graph shared by several files, which a PUT of each would overwrite. */
    gboolean append;
} dt_push_opts;

/* Sends len bytes of data, in the syntax content_type (e.g.
 * "application/n-triples", "text/turtle"), to the named graph graph_iri
 * (an absolute IRI; percent-encoded into the URL by this function).
 * *http_status (when not NULL) receives the HTTP status, 0 when no response
 * came.  A status outside 2xx is DT_ERR_IO with the status and the first 200
 * bytes of the response body in the message; a transport failure
 * (connection refused, timeout) is DT_ERR_IO too. */
dt_status dt_push_graph(const dt_push_opts *o, const char *graph_iri, const char *content_type,
                        const char *data, size_t len, long *http_status, GError **err);

/* Parses the RDF file at path, its syntax told by its name (.nq or .nquads:
 * N-Quads; .ttl or .turtle: Turtle; .nt or .ntriples: N-Triples), groups its
 * statements by graph and sends each group as N-Triples to its own named
 * graph, in order of first appearance.  N-Quads statements keep their
 * graph (one per article as detente writes them); statements in the
 * default graph, and the whole of a Turtle or N-Triples file, go to
 * graph_override (merged with a named graph of the same IRI), and without it
 * the file is refused (DT_ERR_USAGE) before anything is sent.  Stops at the
 * first graph the endpoint refuses.  *graphs_sent (when not NULL) receives
 * the number of graphs sent successfully, also on failure.  The whole file
 * is held in memory.  A graph that several files hold (detente's shared
 * <base>graph/entities) is replaced by each of them in turn: send the corpus
 * as one file, or set append. */
dt_status dt_push_file(const dt_push_opts *o, const char *path, const char *graph_override,
                       unsigned *graphs_sent, GError **err);

/* TRUE when iri can name a graph: it has a scheme and holds no spaces,
 * control characters or characters IRIs exclude (<>"{}|^`\\). */
gboolean dt_push_graph_iri_valid(const char *iri);

/* The raptor parser name for path judged by its extension, or NULL when
 * the extension is not one of those listed above. */
const char *dt_push_syntax_for_path(const char *path);

/* TRUE when the syntax (a raptor parser name) can carry named graphs, so
 * that a file in it may be sent without a graph_override. */
gboolean dt_push_syntax_has_graphs(const char *syntax);

/* The `detente push` command (src/store/dt_cli_push.c; it prints and is
 * meant for the program, not the library): argv[0] is "push".  Returns the
 * exit status: 0 success, 1 some file failed (the others were still sent),
 * 2 misuse. */
int dt_cli_push(int argc, char **argv);

#endif
