/* Unit tests of pieces of the fact stages that queries do not show well:
 * dates, slugs, provenance offsets, determinism. */
#include "test_support.h"
#include "entities/dt_entities.h"
#include "facts/dt_time.h"

#include <string.h>

static void test_weekday_resolution(void **state)
{
    (void)state;
    /* 2025-08-17 is a Sunday */
    dt_doc *doc = ts_extract("The summit on Friday. Talks on Monday.", "2025-08-17");
    char *text = NULL, *date = NULL;
    assert_true(dt_time_find(doc, 0, dt_doc_ntok(doc), FALSE, &text, &date));
    assert_string_equal(text, "Friday");
    assert_string_equal(date, "2025-08-15");
    g_free(text);
    g_free(date);
    uint32_t monday = 0;
    while (!dt_doc_tok_is(doc, monday, "monday"))
        monday++;
    assert_true(dt_time_find(doc, monday, monday + 1, TRUE, &text, &date));
    assert_string_equal(date, "2025-08-18");
    g_free(text);
    g_free(date);
    dt_doc_free(doc);
}

static void test_absolute_dates(void **state)
{
    (void)state;
    dt_doc *doc = ts_extract("They met on August 15, 2025 and again on Jan. 19.", "2025-08-17");
    char *text = NULL, *date = NULL;
    assert_true(dt_time_find(doc, 0, dt_doc_ntok(doc), FALSE, &text, &date));
    assert_string_equal(text, "August 15, 2025");
    assert_string_equal(date, "2025-08-15");
    g_free(text);
    g_free(date);
    uint32_t jan = 0;
    while (!dt_doc_tok_is(doc, jan, "jan"))
        jan++;
    assert_true(dt_time_find(doc, jan, dt_doc_ntok(doc), FALSE, &text, &date));
    assert_string_equal(date, "2025-01-19");
    g_free(text);
    g_free(date);
    dt_doc_free(doc);
}

static void test_no_date_without_publication_date(void **state)
{
    (void)state;
    dt_doc *doc = ts_extract("The talks on Monday.", NULL);
    char *text = NULL, *date = NULL;
    assert_true(dt_time_find(doc, 0, dt_doc_ntok(doc), TRUE, &text, &date));
    assert_string_equal(text, "Monday");
    assert_null(date);
    g_free(text);
    dt_doc_free(doc);
}

static void test_slug(void **state)
{
    (void)state;
    char *s = dt_slug("Kęstutis Budrys");
    assert_string_equal(s, "kestutis-budrys");
    g_free(s);
    s = dt_slug("Ursula von der Leyen");
    assert_string_equal(s, "ursula-von-der-leyen");
    g_free(s);
    s = dt_slug("Сергей \"X\" <y>");
    assert_null(strchr(s, '"'));
    assert_null(strchr(s, '<'));
    assert_null(strchr(s, ' '));
    g_free(s);
}

static void test_output_is_deterministic(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = ts_read_srcfile("tests/data/articles/alaska-summit.txt", &len);
    char *out[2];
    for (int i = 0; i < 2; i++) {
        ts_graph *g = ts_graph_of(text, "2025-08-17");
        char *buf = NULL;
        size_t n = 0;
        FILE *fh = open_memstream(&buf, &n);
        assert_int_equal(dt_graph_serialize(g->graph, "turtle", fh, NULL), DT_OK);
        fclose(fh);
        out[i] = buf;
        ts_graph_free(g);
    }
    assert_string_equal(out[0], out[1]);
    free(out[0]);
    free(out[1]);
    g_free(text);
}

/* Stream mode: an article's N-Quads are the same each time; written twice
 * through one `done` set, the second copy leaves out the shared entity
 * descriptions and keeps the article's own graph. */
static char *stream_once(const dt_doc *doc, GHashTable *done, gboolean skip_described)
{
    dt_graph *g = dt_graph_new_stream("https://w3id.org/detente/", TRUE);
    if (skip_described)
        dt_graph_set_described(g, done, NULL);
    assert_int_equal(dt_graph_add_doc(g, doc, NULL), DT_OK);
    dt_graph_seal(g);
    char *buf = NULL;
    size_t n = 0;
    FILE *fh = open_memstream(&buf, &n);
    assert_int_equal(dt_graph_flush(g, fh, done, NULL), DT_OK);
    fclose(fh);
    dt_graph_free(g);
    return buf;
}

static void test_stream_dedupes_entities(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = ts_read_srcfile("tests/data/articles/alaska-summit.txt", &len);
    dt_doc *doc = ts_extract(text, "2025-08-17");
    GHashTable *done = g_hash_table_new_full(dt_str_hash, g_str_equal, g_free, NULL);
    char *first = stream_once(doc, done, FALSE);
    char *again = stream_once(doc, NULL, FALSE);
    char *second = stream_once(doc, done, FALSE);
    /* a graph told what was described makes only what is written */
    char *skipping = stream_once(doc, done, TRUE);
    assert_string_equal(first, again);
    assert_string_equal(second, skipping);
    assert_true(strlen(second) < strlen(first));
    assert_null(strstr(second, "<https://w3id.org/detente/graph/entities>"));
    assert_non_null(strstr(first, "<https://w3id.org/detente/graph/entities>"));
    /* equal strings hash alike wherever they are; lengths around the
     * 8-byte steps are told apart */
    char *copy = g_strdup("https://w3id.org/detente/id/person/x");
    assert_int_equal(dt_str_hash(copy), dt_str_hash("https://w3id.org/detente/id/person/x"));
    assert_int_not_equal(dt_str_hash("abcdefgh"), dt_str_hash("abcdefghi"));
    assert_int_not_equal(dt_str_hash("abcdefg"), dt_str_hash("abcdefgh"));
    assert_int_not_equal(dt_str_hash(""), dt_str_hash("a"));
    g_free(copy);
    free(first);
    free(again);
    free(second);
    free(skipping);
    g_hash_table_destroy(done);
    dt_doc_free(doc);
    g_free(text);
}

/* "the Russian president" and "he" are mentions of Vladimir Putin. */
static void test_references_to_persons(void **state)
{
    (void)state;
    dt_doc *doc = ts_extract("Russian President Vladimir Putin arrived. The Russian president spoke first, "
                             "and he left early.", NULL);
    int putin = -1;
    for (guint i = 0; i < doc->entities->len; i++)
        if (!strcmp(dt_doc_entity(doc, (int)i)->label, "Vladimir Putin"))
            putin = (int)i;
    assert_true(putin >= 0);
    const dt_entity *e = dt_doc_entity(doc, putin);
    gboolean title = FALSE, pronoun = FALSE;
    for (guint k = 0; k < e->mentions->len; k++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, g_array_index(e->mentions, guint, k));
        char *t = dt_text_tokens_string(doc->text, m->tb, m->te);
        title |= !strcmp(t, "The Russian president");
        pronoun |= !strcmp(t, "he");
        g_free(t);
    }
    assert_true(title);
    assert_true(pronoun);
    dt_doc_free(doc);
}

static void test_doc_free_null(void **state)
{
    (void)state;
    dt_doc_free(NULL);
    dt_graph_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekday_resolution),
        cmocka_unit_test(test_absolute_dates),
        cmocka_unit_test(test_no_date_without_publication_date),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_output_is_deterministic),
        cmocka_unit_test(test_stream_dedupes_entities),
        cmocka_unit_test(test_references_to_persons),
        cmocka_unit_test(test_doc_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
