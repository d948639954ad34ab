/* Shared helpers of the tests: the lexicon, running the pipeline on a
 * string, and querying the resulting graph with the competency queries. */
#ifndef TEST_SUPPORT_H
#define TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <redland.h>

#include "dt_extract.h"
#include "graph/dt_graph_model.h"

/* Lexicon from $DETENTE_DATADIR/lexicon (loaded once, freed at exit). */
const dt_lexicon *ts_lexicon(void);

/* Runs the pipeline on text; the doc is owned by the caller. */
dt_doc *ts_extract(const char *text, const char *date);

/* A graph of one article with its world; free with ts_graph_free. */
typedef struct {
    librdf_world *world;
    dt_graph *graph;
} ts_graph;
ts_graph *ts_graph_of(const char *text, const char *date);
void ts_graph_free(ts_graph *g);

/* A librdf logger that keeps warnings quiet and prints errors plainly. */
int ts_quiet_logger(void *user, librdf_log_message *msg);

/* Runs ontology/queries/NAME.rq on a model; returns rows, each a
 * NULL-terminated char*[] with one normalized cell per variable in `vars`
 * order (lowercase, an IRI reduced to its local name, unbound -> "").
 * Free with ts_rows_free. */
GPtrArray *ts_query(librdf_world *world, librdf_model *model, const char *name,
                    const char *const *vars);
void ts_rows_free(GPtrArray *rows);

/* Variables of each competency query, by query name. */
const char *const *ts_query_vars(const char *name);

/* Normalizes a cell: lowercase, accents and punctuation kept, curly
 * apostrophes made straight, IRIs reduced to their local name. */
char *ts_norm(const char *s);

/* Reads a file under $DT_TOP_SRCDIR (caller frees). */
char *ts_read_srcfile(const char *relpath, size_t *len);

#endif
