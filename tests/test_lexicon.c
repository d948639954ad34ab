/* The lexicon: loading ontology/lexicon through raptor, surface forms,
 * classes, links, and errors for malformed files. */
#include "test_support.h"
#include "text/dt_text.h"

#include <string.h>
#include <glib/gstdio.h>

static const dt_sense *sense(const char *label, dt_lex_class cls)
{
    char *key = dt_text_fold_key(label);
    const dt_sense *s = dt_lexicon_find(ts_lexicon(), key, cls, -1);
    g_free(key);
    return s;
}

static void test_counts(void **state)
{
    (void)state;
    const dt_lexicon *lex = ts_lexicon();
    assert_true(dt_lexicon_count(lex, DT_LEX_COUNTRY) >= 193);
    assert_true(dt_lexicon_count(lex, DT_LEX_ORG) >= 50);
    assert_true(dt_lexicon_count(lex, DT_LEX_OFFICE) >= 30);
    assert_true(dt_lexicon_count(lex, DT_LEX_POLARITY) == 7);
    assert_true(dt_lexicon_count(lex, DT_LEX_PROPOSAL_KIND) >= 7);
}

static void test_country_forms(void **state)
{
    (void)state;
    const dt_sense *s = sense("Ukrainian", DT_LEX_COUNTRY);
    assert_non_null(s);
    assert_int_equal(s->kind, DT_SENSE_DEMONYM);
    assert_string_equal(s->entry->label, "Ukraine");
    assert_non_null(s->entry->qid);
    s = sense("U.S.", DT_LEX_COUNTRY);
    assert_non_null(s);
    assert_string_equal(s->entry->label, "United States");
    s = sense("Emirati", DT_LEX_COUNTRY);
    assert_non_null(s);
    assert_string_equal(s->entry->label, "United Arab Emirates");
}

static void test_capital_stands_for_government(void **state)
{
    (void)state;
    const dt_sense *s = sense("Kyiv", DT_LEX_CITY);
    assert_non_null(s);
    assert_non_null(s->entry->metonym_for);
    assert_string_equal(s->entry->metonym_for->label, "Ukraine");
    s = sense("Kremlin", DT_LEX_SEAT);
    assert_non_null(s);
    assert_string_equal(s->entry->metonym_for->label, "Russia");
}

static void test_org_and_abbreviation(void **state)
{
    (void)state;
    const dt_sense *s = dt_lexicon_find(ts_lexicon(), "nato", DT_LEX_ORG, DT_SENSE_ABBREV);
    assert_non_null(s);
    assert_string_equal(s->entry->label, "NATO");
    s = sense("European Commission", DT_LEX_ORG);
    assert_non_null(s);
    assert_non_null(s->entry->part_of);
}

static void test_office_and_triggers(void **state)
{
    (void)state;
    const dt_sense *s = sense("top diplomat", DT_LEX_OFFICE);
    assert_non_null(s);
    assert_string_equal(s->entry->label, "Foreign Minister");
    s = sense("ruled out", DT_LEX_POLARITY);
    assert_non_null(s);
    assert_string_equal(s->entry->label, "rejects");
    s = sense("truce", DT_LEX_PROPOSAL_KIND);
    assert_non_null(s);
    assert_true(g_str_has_suffix(s->entry->iri, "#Ceasefire"));
}

static void test_person_variants_merge(void **state)
{
    (void)state;
    const dt_sense *a = sense("Zelensky", DT_LEX_PERSON);
    const dt_sense *b = sense("Zelenskyy", DT_LEX_PERSON);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_equal(a->entry, b->entry);
    const dt_sense *c = sense("Recep Tayyip Erdogan", DT_LEX_PERSON);
    const dt_sense *d = sense("Recep Tayyip Erdoğan", DT_LEX_PERSON);
    assert_non_null(c);
    assert_ptr_equal(c->entry, d->entry);
}

static void test_malformed_file_is_reported(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("dtlex-XXXXXX", NULL);
    char *file = g_build_filename(dir, "bad.ttl", NULL);
    g_file_set_contents(file, "@prefix dt: <https://w3id.org/detente/ontology#> .\n\ndt:x dt:y \"unclosed .\n", -1, NULL);
    dt_lexicon *lex = NULL;
    GError *err = NULL;
    assert_int_not_equal(dt_lexicon_load(dir, &lex, &err), DT_OK);
    assert_null(lex);
    assert_non_null(err);
    assert_non_null(strstr(err->message, "bad.ttl"));
    g_error_free(err);
    g_remove(file);
    g_rmdir(dir);
    g_free(file);
    g_free(dir);
}

static void test_missing_folder(void **state)
{
    (void)state;
    dt_lexicon *lex = NULL;
    GError *err = NULL;
    assert_int_equal(dt_lexicon_load("/nonexistent/lexicon", &lex, &err), DT_ERR_IO);
    assert_non_null(strstr(err->message, "/nonexistent/lexicon"));
    g_error_free(err);
    dt_lexicon_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_country_forms),
        cmocka_unit_test(test_capital_stands_for_government),
        cmocka_unit_test(test_org_and_abbreviation),
        cmocka_unit_test(test_office_and_triggers),
        cmocka_unit_test(test_person_variants_merge),
        cmocka_unit_test(test_malformed_file_is_reported),
        cmocka_unit_test(test_missing_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
