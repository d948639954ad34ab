#include "test_support.h"

#include <string.h>

static dt_lexicon *lexicon;

static void free_lexicon(void)
{
    dt_lexicon_free(lexicon);
    lexicon = NULL;
}

const dt_lexicon *ts_lexicon(void)
{
    if (lexicon == NULL) {
        const char *dir = g_getenv("DETENTE_DATADIR");
        char *lexdir = g_build_filename(dir ? dir : "ontology", "lexicon", NULL);
        GError *err = NULL;
        if (dt_lexicon_load(lexdir, &lexicon, &err) != DT_OK) {
            fprintf(stderr, "cannot load lexicon: %s\n", err->message);
            abort();
        }
        g_free(lexdir);
        atexit(free_lexicon);
    }
    return lexicon;
}

dt_doc *ts_extract(const char *text, const char *date)
{
    dt_doc *doc = NULL;
    GError *err = NULL;
    if (dt_extract(ts_lexicon(), "test", date, text, strlen(text), &doc, &err) != DT_OK) {
        fprintf(stderr, "extract failed: %s\n", err->message);
        g_error_free(err);
        return NULL;
    }
    return doc;
}

/* librdf's default logger garbles messages (valgrind shows it reading past
 * them); warnings such as rasqal's "variable bound but unused" are not
 * test failures anyway, errors are printed plainly. */
int ts_quiet_logger(void *user, librdf_log_message *msg)
{
    (void)user;
    if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR)
        fprintf(stderr, "librdf: %s\n", librdf_log_message_message(msg));
    return 1;
}

ts_graph *ts_graph_of(const char *text, const char *date)
{
    ts_graph *g = g_new0(ts_graph, 1);
    g->world = librdf_new_world();
    librdf_world_set_logger(g->world, NULL, ts_quiet_logger);
    librdf_world_open(g->world);
    assert_int_equal(dt_graph_new(g->world, "https://w3id.org/detente/", &g->graph, NULL), DT_OK);
    dt_doc *doc = ts_extract(text, date);
    assert_non_null(doc);
    assert_int_equal(dt_graph_add_doc(g->graph, doc, NULL), DT_OK);
    dt_doc_free(doc);
    return g;
}

void ts_graph_free(ts_graph *g)
{
    if (g == NULL)
        return;
    dt_graph_free(g->graph);
    librdf_free_world(g->world);
    g_free(g);
}

char *ts_read_srcfile(const char *relpath, size_t *len)
{
    const char *top = g_getenv("DT_TOP_SRCDIR");
    char *path = g_build_filename(top ? top : ".", relpath, NULL);
    char *data = NULL;
    gsize n = 0;
    if (!g_file_get_contents(path, &data, &n, NULL)) {
        fprintf(stderr, "cannot read %s\n", path);
        abort();
    }
    g_free(path);
    if (len)
        *len = n;
    return data;
}

char *ts_norm(const char *s)
{
    if (s == NULL)
        return g_strdup("");
    const char *local = s;
    if (g_str_has_prefix(s, "http://") || g_str_has_prefix(s, "https://")) {
        const char *h = strrchr(s, '#'), *sl = strrchr(s, '/');
        local = (h && h > sl) ? h + 1 : (sl ? sl + 1 : s);
    }
    GString *out = g_string_new(NULL);
    char *nfd = g_utf8_normalize(local, -1, G_NORMALIZE_NFD);
    for (const char *p = nfd; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_ismark(c))
            continue; /* accents do not count, as in the evaluation */
        if (c == 0x2019 || c == 0x2018)
            c = '\'';
        g_string_append_unichar(out, g_unichar_tolower(c));
    }
    g_free(nfd);
    return g_string_free(out, FALSE);
}

static const char *const vars_persons[] = {"name", NULL};
static const char *const vars_office[] = {"person", "office", "jurisdiction", "qualifier", NULL};
static const char *const vars_countries[] = {"country", NULL};
static const char *const vars_orgs[] = {"organization", NULL};
static const char *const vars_places[] = {"place", NULL};
static const char *const vars_events[] = {"type", "place", "participant", "time", "event", NULL};
static const char *const vars_proposals[] = {"kind", "proposer", "beneficiary", "proposal", NULL};
static const char *const vars_stances[] = {"actor", "stance", "kind", NULL};
static const char *const vars_quotes[] = {"speaker", "text", "venue", NULL};

const char *const *ts_query_vars(const char *name)
{
    static const struct {
        const char *name;
        const char *const *vars;
    } table[] = {{"persons", vars_persons},       {"office-holders", vars_office},
                 {"countries", vars_countries},   {"organizations", vars_orgs},
                 {"places", vars_places},         {"events", vars_events},
                 {"proposals", vars_proposals},   {"stances", vars_stances},
                 {"quotes", vars_quotes}};
    for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
        if (!strcmp(table[i].name, name))
            return table[i].vars;
    return NULL;
}

static char *node_string(librdf_node *n)
{
    if (n == NULL)
        return NULL;
    if (librdf_node_is_resource(n))
        return g_strdup((const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
    if (librdf_node_is_literal(n))
        return g_strdup((const char *)librdf_node_get_literal_value(n));
    return g_strdup((const char *)librdf_node_get_blank_identifier(n));
}

GPtrArray *ts_query(librdf_world *world, librdf_model *model, const char *name,
                    const char *const *vars)
{
    char *rel = g_strdup_printf("ontology/queries/%s.rq", name);
    char *text = ts_read_srcfile(rel, NULL);
    g_free(rel);
    librdf_query *q = librdf_new_query(world, "sparql", NULL, (const unsigned char *)text, NULL);
    assert_non_null(q);
    librdf_query_results *r = librdf_model_query_execute(model, q);
    assert_non_null(r);
    GPtrArray *rows = g_ptr_array_new();
    while (!librdf_query_results_finished(r)) {
        guint nv = g_strv_length((char **)vars);
        char **row = g_new0(char *, nv + 1);
        for (guint i = 0; i < nv; i++) {
            librdf_node *n = librdf_query_results_get_binding_value_by_name(r, vars[i]);
            char *s = node_string(n);
            row[i] = ts_norm(s);
            g_free(s);
            if (n)
                librdf_free_node(n);
        }
        g_ptr_array_add(rows, row);
        librdf_query_results_next(r);
    }
    librdf_free_query_results(r);
    librdf_free_query(q);
    g_free(text);
    return rows;
}

void ts_rows_free(GPtrArray *rows)
{
    if (rows == NULL)
        return;
    for (guint i = 0; i < rows->len; i++)
        g_strfreev(g_ptr_array_index(rows, i));
    g_ptr_array_free(rows, TRUE);
}
