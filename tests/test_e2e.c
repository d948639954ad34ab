/* End to end: runs the built detente binary on the bundled sample article,
 * parses its Turtle back with raptor (through librdf), runs every competency
 * query with rasqal and checks the rows the article must yield. */
#include "test_support.h"

#include <string.h>

typedef struct {
    librdf_world *world;
    librdf_storage *storage;
    librdf_model *model;
} parsed;

static parsed *run_and_parse(void)
{
    const char *build = g_getenv("DT_TOP_BUILDDIR");
    const char *src = g_getenv("DT_TOP_SRCDIR");
    char *bin = g_build_filename(build ? build : ".", "src", "detente", NULL);
    char *article = g_build_filename(src ? src : ".", "tests", "data", "articles", "alaska-summit.txt", NULL);
    char *argv[] = {bin, "extract", "--date", "2025-08-17", article, NULL};
    char *out = NULL, *errout = NULL;
    int status = 0;
    GError *err = NULL;
    assert_true(g_spawn_sync(NULL, argv, NULL, 0, NULL, NULL, &out, &errout, &status, &err));
    assert_true(g_spawn_check_wait_status(status, NULL));
    parsed *p = g_new0(parsed, 1);
    p->world = librdf_new_world();
    librdf_world_set_logger(p->world, NULL, ts_quiet_logger);
    librdf_world_open(p->world);
    p->storage = librdf_new_storage(p->world, "hashes", "e2e", "hash-type='memory'");
    p->model = librdf_new_model(p->world, p->storage, NULL);
    librdf_parser *parser = librdf_new_parser(p->world, "turtle", NULL, NULL);
    librdf_uri *base = librdf_new_uri(p->world, (const unsigned char *)"https://example.org/");
    assert_int_equal(librdf_parser_parse_string_into_model(parser, (const unsigned char *)out, base, p->model), 0);
    assert_true(librdf_model_size(p->model) > 500);
    librdf_free_uri(base);
    librdf_free_parser(parser);
    g_free(out);
    g_free(errout);
    g_free(bin);
    g_free(article);
    return p;
}

static int setup(void **state)
{
    *state = run_and_parse();
    return 0;
}

static int teardown(void **state)
{
    parsed *p = *state;
    librdf_free_model(p->model);
    librdf_free_storage(p->storage);
    librdf_free_world(p->world);
    g_free(p);
    return 0;
}

/* Asserts that query `name` has a row matching every non-NULL cell. */
static void expect_row(parsed *p, const char *name, const char *const *want)
{
    const char *const *vars = ts_query_vars(name);
    GPtrArray *rows = ts_query(p->world, p->model, name, vars);
    gboolean found = FALSE;
    for (guint r = 0; r < rows->len && !found; r++) {
        char **row = g_ptr_array_index(rows, r);
        found = TRUE;
        for (guint i = 0; want[i] || i == 0; i++) {
            if (want[i] == NULL)
                break;
            if (!strcmp(want[i], "*"))
                continue;
            char *w = ts_norm(want[i]);
            gboolean ok = !strcmp(name, "quotes") && !strcmp(vars[i], "text")
                              ? g_str_has_prefix(row[i], w) : !strcmp(row[i], w);
            g_free(w);
            if (!ok) {
                found = FALSE;
                break;
            }
        }
    }
    if (!found) {
        for (guint r = 0; r < rows->len; r++) {
            char *j = g_strjoinv(" | ", g_ptr_array_index(rows, r));
            fprintf(stderr, "  %s row: %s\n", name, j);
            g_free(j);
        }
        char *j = g_strjoinv(" | ", (char **)want);
        fail_msg("%s: no row %s", name, j);
    }
    ts_rows_free(rows);
}

#define ROW(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_persons(void **state)
{
    parsed *p = *state;
    const char *names[] = {"Vladimir Putin", "Donald Trump", "Steve Witkoff", "Volodymyr Zelenskyy",
                           "Emmanuel Macron", "Friedrich Merz", "Keir Starmer", "Marco Rubio", NULL};
    for (int i = 0; names[i]; i++)
        expect_row(p, "persons", ROW(names[i]));
    expect_row(p, "persons", ROW("António Costa"));
    /* one entity per person: "Putin" merged into "Vladimir Putin" */
    GPtrArray *rows = ts_query(p->world, p->model, "persons", ts_query_vars("persons"));
    assert_int_equal(rows->len, 9);
    ts_rows_free(rows);
}

static void test_offices(void **state)
{
    parsed *p = *state;
    expect_row(p, "office-holders", ROW("Vladimir Putin", "President", "Russia", ""));
    expect_row(p, "office-holders", ROW("Donald Trump", "President", "United States", "former"));
    expect_row(p, "office-holders", ROW("Steve Witkoff", "envoy", "United States", "special"));
    expect_row(p, "office-holders", ROW("Volodymyr Zelenskyy", "President", "Ukraine", ""));
    expect_row(p, "office-holders", ROW("Emmanuel Macron", "President", "France", ""));
    expect_row(p, "office-holders", ROW("Friedrich Merz", "Chancellor", "Germany", ""));
    expect_row(p, "office-holders", ROW("Keir Starmer", "Prime Minister", "United Kingdom", ""));
    /* the body as the article names it ("European Union Council") */
    expect_row(p, "office-holders", ROW("António Costa", "President", "European Union Council", ""));
    expect_row(p, "office-holders", ROW("Marco Rubio", "Secretary of State", "United States", ""));
}

static void test_countries_orgs_places(void **state)
{
    parsed *p = *state;
    const char *countries[] = {"Russia", "Ukraine", "United States", "France", "Germany", "United Kingdom", NULL};
    for (int i = 0; countries[i]; i++)
        expect_row(p, "countries", ROW(countries[i]));
    const char *orgs[] = {"NATO", "EU", "European Union Council", "CNN", NULL};
    for (int i = 0; orgs[i]; i++)
        expect_row(p, "organizations", ROW(orgs[i]));
    /* bodies are named as the article writes them: "the EU" */
    expect_row(p, "places", ROW("Alaska"));
    expect_row(p, "places", ROW("White House"));
}

static void test_events(void **state)
{
    parsed *p = *state;
    expect_row(p, "events", ROW("summit", "Alaska", "Vladimir Putin"));
    expect_row(p, "events", ROW("summit", "Alaska", "Donald Trump"));
    expect_row(p, "events", ROW("talks", "White House", "Emmanuel Macron", "Monday"));
    expect_row(p, "events", ROW("talks", "White House", "Keir Starmer"));
}

static void test_proposals_and_stances(void **state)
{
    parsed *p = *state;
    expect_row(p, "proposals", ROW("SecurityGuarantee", "United States", "Ukraine"));
    /* proposer names as the article writes them: it says "EU" */
    expect_row(p, "proposals", ROW("SecurityGuarantee", "EU"));
    expect_row(p, "proposals", ROW("TerritorialConcession"));
    expect_row(p, "proposals", ROW("NegotiationFormat", "Volodymyr Zelenskyy"));
    expect_row(p, "proposals", ROW("Sanctions", "António Costa"));
    expect_row(p, "stances", ROW("Vladimir Putin", "accepts", "SecurityGuarantee"));
    expect_row(p, "stances", ROW("Russia", "accepts", "SecurityGuarantee"));
    expect_row(p, "stances", ROW("Volodymyr Zelenskyy", "rejects", "TerritorialConcession"));
    expect_row(p, "stances", ROW("Volodymyr Zelenskyy", "proposes", "NegotiationFormat"));
    expect_row(p, "stances", ROW("António Costa", "conditions", "Sanctions"));
}

static void test_quotes(void **state)
{
    parsed *p = *state;
    expect_row(p, "quotes", ROW("Steve Witkoff", "For the first time, Russia", "State of the Union"));
    expect_row(p, "quotes", ROW("Steve Witkoff", "It's a step forward"));
    expect_row(p, "quotes", ROW("Volodymyr Zelenskyy", "Ukraine's Constitution makes", "X (formerly Twitter)"));
    expect_row(p, "quotes", ROW("Emmanuel Macron", "to demonstrate a united front"));
    expect_row(p, "quotes", ROW("António Costa", "If no ceasefire is agreed"));
    expect_row(p, "quotes", ROW("Marco Rubio", "You can't have peace"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_persons),
        cmocka_unit_test(test_offices),
        cmocka_unit_test(test_countries_orgs_places),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_proposals_and_stances),
        cmocka_unit_test(test_quotes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
