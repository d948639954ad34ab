/* detente query / detente load: SPARQL over graphs, in memory or in a
 * persistent store.
 *   detente query (-e SPARQL | QUERY.rq) [-f table|csv|tsv|json|xml] [--store DIR] [DATA...]
 *   detente load --store DIR FILES...
 * DATA and FILES are Turtle (.ttl), N-Triples (.nt) or N-Quads (.nq); the
 * named graphs of N-Quads are kept as librdf contexts (one per article).
 * The store is librdf's hashes storage on Berkeley DB files in DIR. */
#include <config.h>

#include "cli.h"
#include "../dt_status.h"

#include <redland.h>
#include <string.h>

#define ENTITIES_GRAPH_SUFFIX "graph/entities"

static const char *syntax_of(const char *path)
{
    if (g_str_has_suffix(path, ".nq") || g_str_has_suffix(path, ".nquads"))
        return "nquads";
    if (g_str_has_suffix(path, ".nt") || g_str_has_suffix(path, ".ntriples"))
        return "ntriples";
    if (g_str_has_suffix(path, ".rdf") || g_str_has_suffix(path, ".xml"))
        return "rdfxml";
    return "turtle";
}

typedef struct {
    librdf_world *world;
    librdf_storage *storage;
    librdf_model *model;
    char *dir;          /* persistent store folder, or NULL */
} store;

/* librdf prints warnings with garbled prefixes; say them plainly, and
 * keep the ones about unused variables (rasqal's own noise) quiet. */
static int on_log(void *user, librdf_log_message *msg)
{
    (void)user;
    int level = librdf_log_message_level(msg);
    const char *text = librdf_log_message_message(msg);
    if (level < LIBRDF_LOG_ERROR)
        return 1;
    fprintf(stderr, "detente: %s\n", text ? text : "librdf error");
    return 1;
}

static gboolean store_open(store *s, const char *dir, gboolean create, GError **err)
{
    s->world = librdf_new_world();
    librdf_world_set_logger(s->world, NULL, on_log);
    librdf_world_open(s->world);
    if (dir) {
        s->dir = g_strdup(dir);
        if (create && g_mkdir_with_parents(dir, 0755) != 0) {
            dt_fail(err, DT_ERR_IO, "%s: cannot create the store folder", dir);
            return FALSE;
        }
        char *probe = g_build_filename(dir, "detente-sp2o.db", NULL);
        gboolean exists = g_file_test(probe, G_FILE_TEST_EXISTS);
        g_free(probe);
        if (!exists && !create) {
            dt_fail(err, DT_ERR_IO, "%s: no store here (create one with 'detente load --store %s FILES')", dir, dir);
            return FALSE;
        }
        /* no librdf contexts: adding to a context of the hashes storage
         * scans the context, which made loading quadratic; articles are
         * replaced through the record kept in DIR/graphs instead */
        char *opts = g_strdup_printf("hash-type='bdb',dir='%s',new='%s'", dir, exists ? "no" : "yes");
        s->storage = librdf_new_storage(s->world, "hashes", "detente", opts);
        g_free(opts);
    } else {
        s->storage = librdf_new_storage(s->world, "hashes", "query", "hash-type='memory'");
    }
    s->model = s->storage ? librdf_new_model(s->world, s->storage, NULL) : NULL;
    if (s->model == NULL) {
        dt_fail(err, DT_ERR_RDF, "%s: cannot open the librdf store", dir ? dir : "memory");
        return FALSE;
    }
    return TRUE;
}

static void store_close(store *s)
{
    g_free(s->dir);
    if (s->model)
        librdf_free_model(s->model);
    if (s->storage)
        librdf_free_storage(s->storage);
    if (s->world)
        librdf_free_world(s->world);
}

/* The record of an article graph's own statements in a store:
 * DIR/graphs/<sha1 of the graph IRI>.nt */
static char *record_path(const store *s, const char *graph)
{
    char *h = g_compute_checksum_for_string(G_CHECKSUM_SHA1, graph, -1);
    char *name = g_strconcat(h, ".nt", NULL);
    char *path = g_build_filename(s->dir, "graphs", name, NULL);
    g_free(h);
    g_free(name);
    return path;
}

/* Removes the statements recorded for a graph at its previous load. */
static void forget_graph(store *s, const char *graph)
{
    char *path = record_path(s, graph);
    if (g_file_test(path, G_FILE_TEST_EXISTS)) {
        librdf_parser *parser = librdf_new_parser(s->world, "ntriples", NULL, NULL);
        unsigned char *u = raptor_uri_filename_to_uri_string(path);
        librdf_uri *uri = librdf_new_uri(s->world, u);
        raptor_free_memory(u);
        librdf_stream *old = parser ? librdf_parser_parse_as_stream(parser, uri, uri) : NULL;
        for (; old && !librdf_stream_end(old); librdf_stream_next(old))
            librdf_model_remove_statement(s->model, librdf_stream_get_object(old));
        if (old)
            librdf_free_stream(old);
        librdf_free_uri(uri);
        if (parser)
            librdf_free_parser(parser);
    }
    g_free(path);
}

typedef struct {
    librdf_storage *storage;
    librdf_model *model;
} record;

static void record_free(gpointer p)
{
    record *r = p;
    librdf_free_model(r->model);
    librdf_free_storage(r->storage);
    g_free(r);
}

static librdf_node *node_of(librdf_world *w, raptor_term *t)
{
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
        return librdf_new_node_from_uri_string(w, raptor_uri_as_string(t->value.uri));
    case RAPTOR_TERM_TYPE_BLANK:
        return librdf_new_node_from_blank_identifier(w, t->value.blank.string);
    case RAPTOR_TERM_TYPE_LITERAL: {
        librdf_uri *dt = t->value.literal.datatype
                             ? librdf_new_uri(w, raptor_uri_as_string(t->value.literal.datatype))
                             : NULL;
        librdf_node *n = librdf_new_node_from_typed_literal(w, t->value.literal.string,
                                                            (const char *)t->value.literal.language, dt);
        if (dt)
            librdf_free_uri(dt);
        return n;
    }
    default:
        return NULL;
    }
}

typedef struct {
    store *s;
    gboolean replace;
    unsigned long count;
    GHashTable *records; /* graph IRI -> record */
} load_ctx;

/* raptor keeps the graph of N-Quads statements (librdf's parser stream
 * drops it), so files are parsed with raptor and added to librdf here. */
static void on_statement(void *user, raptor_statement *t)
{
    load_ctx *lc = user;
    store *s = lc->s;
    librdf_node *sn = node_of(s->world, t->subject), *pn = node_of(s->world, t->predicate),
                *on = node_of(s->world, t->object);
    if (!sn || !pn || !on) {
        if (sn) librdf_free_node(sn);
        if (pn) librdf_free_node(pn);
        if (on) librdf_free_node(on);
        return;
    }
    librdf_statement *st = librdf_new_statement_from_nodes(s->world, sn, pn, on);
    if (lc->replace && s->dir && t->graph && t->graph->type == RAPTOR_TERM_TYPE_URI) {
        const char *g = (const char *)raptor_uri_as_string(t->graph->value.uri);
        if (!g_str_has_suffix(g, ENTITIES_GRAPH_SUFFIX)) {
            record *r = g_hash_table_lookup(lc->records, g);
            if (r == NULL) {
                forget_graph(s, g);
                r = g_new0(record, 1);
                r->storage = librdf_new_storage(s->world, "hashes", "record", "hash-type='memory'");
                r->model = librdf_new_model(s->world, r->storage, NULL);
                g_hash_table_insert(lc->records, g_strdup(g), r);
            }
            if (t->subject->type == RAPTOR_TERM_TYPE_URI &&
                g_str_has_prefix((const char *)raptor_uri_as_string(t->subject->value.uri), g))
                librdf_model_add_statement(r->model, st);
        }
    }
    librdf_model_add_statement(s->model, st);
    librdf_free_statement(st);
    lc->count++;
}

/* Adds a file's statements.  Named graphs are merged into the default graph
 * (queries see the union); in a store, an article's graph replaces the one
 * loaded before under the same name: the statements about the article's own
 * nodes (<doc/ID>, <doc/ID#...>) recorded at the previous load are removed
 * first.  Statements about shared nodes (entities, holdings, events) stay:
 * other articles may state them too. */
static gboolean load_file(store *s, const char *path, gboolean replace, unsigned long *count, GError **err)
{
    raptor_world *rw = librdf_world_get_raptor(s->world);
    raptor_parser *parser = raptor_new_parser(rw, syntax_of(path));
    if (parser == NULL)
        return dt_fail(err, DT_ERR_USAGE, "%s: no parser for %s", path, syntax_of(path)) == DT_OK;
    load_ctx lc = {s, replace, 0, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, record_free)};
    raptor_parser_set_statement_handler(parser, &lc, on_statement);
    unsigned char *uri_str = raptor_uri_filename_to_uri_string(path);
    raptor_uri *uri = raptor_new_uri(rw, uri_str);
    raptor_free_memory(uri_str);
    int rc = raptor_parser_parse_file(parser, uri, uri);
    raptor_free_uri(uri);
    raptor_free_parser(parser);
    *count = lc.count;
    gboolean ok = rc == 0;
    if (!ok)
        dt_fail(err, DT_ERR_SYNTAX, "%s: cannot parse as %s", path, syntax_of(path));
    /* keep this load's record of each article graph for the next one */
    if (ok && g_hash_table_size(lc.records) > 0) {
        char *dir = g_build_filename(s->dir, "graphs", NULL);
        g_mkdir_with_parents(dir, 0755);
        g_free(dir);
        GHashTableIter it;
        gpointer k, v;
        g_hash_table_iter_init(&it, lc.records);
        while (g_hash_table_iter_next(&it, &k, &v) && ok) {
            char *rp = record_path(s, k);
            FILE *fh = fopen(rp, "w");
            librdf_serializer *ser = librdf_new_serializer(s->world, "ntriples", NULL, NULL);
            ok = fh && ser && librdf_serializer_serialize_model_to_file_handle(ser, fh, NULL, ((record *)v)->model) == 0;
            if (ser)
                librdf_free_serializer(ser);
            if (fh && fclose(fh) != 0)
                ok = FALSE;
            if (!ok)
                dt_fail(err, DT_ERR_IO, "%s: cannot write the graph record", rp);
            g_free(rp);
        }
    }
    g_hash_table_destroy(lc.records);
    return ok;
}

int dt_cli_load(int argc, char **argv)
{
    char *dir = NULL;
    gboolean help = FALSE, quiet = FALSE;
    GOptionEntry entries[] = {
        {"store", 's', 0, G_OPTION_ARG_FILENAME, &dir, NULL, NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, NULL, NULL},
        {"help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GError *err = NULL;
    int rc = DT_EXIT_OK;
    store s = {0};
    GOptionContext *octx = dt_cli_parse(entries, &argc, &argv);
    if (octx == NULL) {
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (help) {
        printf("Usage: detente load --store DIR FILE...\n\n"
               "Adds graphs (N-Quads from 'detente extract -f nquads', or Turtle/N-Triples)\n"
               "to a persistent store (librdf hashes on Berkeley DB in DIR). An article's\n"
               "named graph replaces the one loaded before under the same name.\n"
               "Query it with: detente query --store DIR QUERY.rq\n");
        goto out;
    }
    if (dir == NULL || argc < 2) {
        dt_cli_usage_error("load needs --store DIR and at least one FILE");
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (!store_open(&s, dir, TRUE, &err)) {
        fprintf(stderr, "detente: %s\n", err->message);
        g_clear_error(&err);
        rc = DT_EXIT_INPUT;
        goto out;
    }
    for (int i = 1; i < argc; i++) {
        unsigned long n = 0;
        librdf_model_transaction_start(s.model);
        gboolean ok = load_file(&s, argv[i], TRUE, &n, &err);
        librdf_model_transaction_commit(s.model);
        if (!ok) {
            fprintf(stderr, "detente: %s\n", err->message);
            g_clear_error(&err);
            rc = DT_EXIT_INPUT;
        } else if (!quiet) {
            fprintf(stderr, "%s: %lu statements\n", argv[i], n);
        }
    }
    librdf_model_sync(s.model);
out:
    store_close(&s);
    if (octx)
        g_option_context_free(octx);
    g_free(dir);
    return rc;
}

static char *node_text(librdf_node *n)
{
    if (n == NULL)
        return g_strdup("");
    if (librdf_node_is_resource(n))
        return g_strdup((const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
    if (librdf_node_is_literal(n))
        return g_strdup((const char *)librdf_node_get_literal_value(n));
    return g_strdup_printf("_:%s", librdf_node_get_blank_identifier(n));
}

/* Results as an aligned table for people: plain values, one line per
 * row, newlines shown as spaces.  Booleans (ASK) print true/false. */
static int print_table(librdf_query_results *r, FILE *fh)
{
    if (librdf_query_results_is_boolean(r)) {
        fprintf(fh, "%s\n", librdf_query_results_get_boolean(r) > 0 ? "true" : "false");
        return 0;
    }
    if (!librdf_query_results_is_bindings(r))
        return librdf_query_results_to_file_handle2(r, fh, "turtle", NULL, NULL, NULL);
    int nv = librdf_query_results_get_bindings_count(r);
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    char **header = g_new0(char *, nv + 1);
    for (int i = 0; i < nv; i++)
        header[i] = g_strdup(librdf_query_results_get_binding_name(r, i));
    g_ptr_array_add(rows, header);
    while (!librdf_query_results_finished(r)) {
        char **row = g_new0(char *, nv + 1);
        for (int i = 0; i < nv; i++) {
            librdf_node *n = librdf_query_results_get_binding_value(r, i);
            row[i] = g_strdelimit(node_text(n), "\n\r\t", ' ');
            if (n)
                librdf_free_node(n);
        }
        g_ptr_array_add(rows, row);
        librdf_query_results_next(r);
    }
    glong *width = g_new0(glong, nv > 0 ? nv : 1);
    for (guint k = 0; k < rows->len; k++)
        for (int i = 0; i < nv; i++)
            width[i] = MAX(width[i], g_utf8_strlen(((char **)g_ptr_array_index(rows, k))[i], -1));
    for (guint k = 0; k < rows->len; k++) {
        char **row = g_ptr_array_index(rows, k);
        for (int i = 0; i < nv; i++) {
            glong pad = width[i] - g_utf8_strlen(row[i], -1);
            fprintf(fh, "%s%s%*s", i ? " | " : "", row[i], i + 1 < nv ? (int)pad : 0, "");
        }
        fputc('\n', fh);
        if (k == 0) {
            for (int i = 0; i < nv; i++)
                for (glong c = 0; c < width[i] + (i ? 3 : 0); c++)
                    fputc(i && c == 1 ? '+' : '-', fh);
            fputc('\n', fh);
        }
    }
    fprintf(fh, "(%u rows)\n", rows->len - 1);
    g_free(width);
    g_ptr_array_free(rows, TRUE);
    return 0;
}

static const char *result_format(const char *f)
{
    if (f == NULL || !strcmp(f, "table"))
        return "table";
    if (!strcmp(f, "csv") || !strcmp(f, "tsv") || !strcmp(f, "json") || !strcmp(f, "xml"))
        return f;
    return NULL;
}

int dt_cli_query(int argc, char **argv)
{
    char *expr = NULL, *format = NULL, *dir = NULL;
    gboolean help = FALSE;
    GOptionEntry entries[] = {
        {"expression", 'e', 0, G_OPTION_ARG_STRING, &expr, NULL, NULL},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, NULL, NULL},
        {"store", 's', 0, G_OPTION_ARG_FILENAME, &dir, NULL, NULL},
        {"help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GError *err = NULL;
    int rc = DT_EXIT_OK;
    store s = {0};
    char *text = NULL;
    int first_data = 1;
    GOptionContext *octx = dt_cli_parse(entries, &argc, &argv);
    if (octx == NULL) {
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (help) {
        printf("Usage: detente query (-e SPARQL | QUERY.rq) [-f FORMAT] [--store DIR] [DATA...]\n\n"
               "Runs a SPARQL 1.1 query (rasqal) over Turtle, N-Triples or N-Quads files\n"
               "loaded in memory, or over a store made with 'detente load'.\n"
               "FORMAT: table (default, aligned for people), csv, tsv, json, xml.\n\n"
               "Examples:\n"
               "  detente query ontology/queries/stances.rq output/alaska-summit.ttl\n"
               "  detente query -f csv -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' corpus.nq\n");
        goto out;
    }
    const char *rf = result_format(format);
    if (rf == NULL) {
        dt_cli_usage_error("--format must be table, csv, tsv, json or xml");
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (expr) {
        text = g_strdup(expr);
    } else if (argc >= 2) {
        GError *e = NULL;
        if (!g_file_get_contents(argv[1], &text, NULL, &e)) {
            fprintf(stderr, "detente: %s\n", e->message);
            g_error_free(e);
            rc = DT_EXIT_USAGE;
            goto out;
        }
        first_data = 2;
    } else {
        dt_cli_usage_error("query needs -e SPARQL or a QUERY.rq file");
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (dir == NULL && first_data >= argc) {
        dt_cli_usage_error("query needs DATA files or --store DIR");
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (!store_open(&s, dir, FALSE, &err)) {
        fprintf(stderr, "detente: %s\n", err->message);
        g_clear_error(&err);
        rc = DT_EXIT_INPUT;
        goto out;
    }
    for (int i = first_data; i < argc; i++) {
        unsigned long n = 0;
        if (!load_file(&s, argv[i], FALSE, &n, &err)) {
            fprintf(stderr, "detente: %s\n", err->message);
            g_clear_error(&err);
            rc = DT_EXIT_INPUT;
        }
    }
    librdf_query *q = librdf_new_query(s.world, "sparql", NULL, (const unsigned char *)text, NULL);
    librdf_query_results *r = q ? librdf_model_query_execute(s.model, q) : NULL;
    if (r == NULL) {
        fprintf(stderr, "detente: the query could not be parsed or run (%s)\n", expr ? "-e" : argv[1]);
        rc = DT_EXIT_USAGE;
    } else {
        int wr = strcmp(rf, "table") == 0 ? print_table(r, stdout)
                                           : librdf_query_results_to_file_handle2(r, stdout, rf, NULL, NULL, NULL);
        if (wr != 0) {
            fprintf(stderr, "detente: cannot write the results as %s\n", rf);
            rc = DT_EXIT_INPUT;
        }
        librdf_free_query_results(r);
    }
    if (q)
        librdf_free_query(q);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "detente: standard output: write error\n");
        rc = DT_EXIT_INPUT;
    }
out:
    store_close(&s);
    if (octx)
        g_option_context_free(octx);
    g_free(text);
    g_free(expr);
    g_free(format);
    g_free(dir);
    return rc;
}
