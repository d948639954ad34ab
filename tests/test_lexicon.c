/* The lexicon: loading ontology/lexicon through raptor, surface forms,
 * classes, links, errors for malformed files, and the compiled cache
 * (round trip, stale and damaged caches). */
#include "test_support.h"
#include "text/dt_text.h"

#include <string.h>
#include <glib/gstdio.h>
#include <utime.h>

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

/* ---- the compiled cache ---------------------------------------------------- */

static char *lexicon_dir(void)
{
    const char *dir = g_getenv("DETENTE_DATADIR");
    return g_build_filename(dir ? dir : "ontology", "lexicon", NULL);
}

/* Two lexicons give the same answers for the surface form `label`. */
static void assert_same_senses(const dt_lexicon *a, const dt_lexicon *b, const char *label)
{
    char *key = dt_text_fold_key(label);
    const GPtrArray *sa = dt_lexicon_lookup(a, key), *sb = dt_lexicon_lookup(b, key);
    assert_non_null(sa);
    assert_non_null(sb);
    assert_int_equal(sa->len, sb->len);
    for (guint i = 0; i < sa->len; i++) {
        const dt_sense *x = g_ptr_array_index(sa, i), *y = g_ptr_array_index(sb, i);
        assert_string_equal(x->entry->iri, y->entry->iri);
        assert_int_equal(x->kind, y->kind);
        assert_string_equal(x->form, y->form);
        assert_int_equal(x->needs_upper, y->needs_upper);
        assert_int_equal(x->plural, y->plural);
        const dt_lex_entry *e = x->entry, *f = y->entry;
        assert_int_equal(e->cls, f->cls);
        assert_string_equal(e->label, f->label);
        assert_true(g_strcmp0(e->type_iri, f->type_iri) == 0);
        assert_true(g_strcmp0(e->qid, f->qid) == 0);
        assert_true(g_strcmp0(e->value, f->value) == 0);
        assert_true((e->country == NULL) == (f->country == NULL));
        assert_true(e->country == NULL || !strcmp(e->country->iri, f->country->iri));
        assert_true((e->metonym_for == NULL) == (f->metonym_for == NULL));
        assert_true((e->capital == NULL) == (f->capital == NULL));
        assert_true((e->part_of == NULL) == (f->part_of == NULL));
        assert_ptr_equal(dt_lexicon_entry(b, f->iri), f);
    }
    assert_true(dt_lexicon_is_first_token(b, key));
    g_free(key);
}

static void test_cache_round_trip(void **state)
{
    (void)state;
    char *dir = lexicon_dir();
    char *tmp = g_dir_make_tmp("dtcache-XXXXXX", NULL);
    char *cache = dt_lexicon_cache_path(tmp, dir);
    assert_true(g_str_has_prefix(cache, tmp));
    dt_lexicon *built = NULL, *cached = NULL;
    GError *err = NULL;
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &built, &err), DT_OK);
    assert_false(dt_lexicon_from_cache(built));
    assert_true(g_file_test(cache, G_FILE_TEST_IS_REGULAR));
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &cached, &err), DT_OK);
    assert_true(dt_lexicon_from_cache(cached));
    const dt_lexicon *turtle = ts_lexicon();
    for (int c = 0; c < DT_LEX_NCLASSES; c++) {
        assert_int_equal(dt_lexicon_count(turtle, (dt_lex_class)c), dt_lexicon_count(cached, (dt_lex_class)c));
        assert_int_equal(dt_lexicon_count(built, (dt_lex_class)c), dt_lexicon_count(cached, (dt_lex_class)c));
    }
    assert_int_equal(dt_lexicon_max_tokens(turtle), dt_lexicon_max_tokens(cached));
    const char *labels[] = {"Ukrainian", "U.S.", "Kyiv", "Kremlin", "NATO", "European Commission",
                            "top diplomat", "ruled out", "truce", "Zelensky", "Recep Tayyip Erdoğan",
                            "foreign ministers", "Washington", "said", NULL};
    for (int i = 0; labels[i]; i++)
        assert_same_senses(turtle, cached, labels[i]);
    /* dt_lexicon_match answers as dt_lexicon_lookup and _is_first_token */
    const char *probes[] = {"united", "united states", "united states of", "kyiv", "the",
                            "zzz", "foreign", "foreign minister", NULL};
    for (int i = 0; probes[i]; i++) {
        gboolean prefix = FALSE;
        assert_ptr_equal(dt_lexicon_match(cached, probes[i], &prefix), dt_lexicon_lookup(cached, probes[i]));
        assert_int_equal(prefix, dt_lexicon_is_first_token(cached, probes[i]));
        assert_int_equal(prefix, dt_lexicon_is_first_token(turtle, probes[i]));
        assert_int_equal(dt_lexicon_lookup(cached, probes[i]) == NULL,
                         dt_lexicon_lookup(turtle, probes[i]) == NULL);
    }
    gboolean pfx = FALSE;
    assert_null(dt_lexicon_match(cached, "united", &pfx));
    assert_true(pfx);
    assert_non_null(dt_lexicon_match(cached, "united states", &pfx));
    assert_true(dt_lexicon_is_given_name(cached, "john"));
    assert_false(dt_lexicon_is_given_name(cached, "ceasefire"));
    assert_false(dt_lexicon_is_first_token(cached, "no such key at all"));
    assert_null(dt_lexicon_lookup(cached, "no such key at all"));
    assert_null(dt_lexicon_entry(cached, "urn:nothing"));
    dt_lexicon_free(built);
    dt_lexicon_free(cached);
    g_remove(cache);
    g_rmdir(tmp);
    g_free(cache);
    g_free(tmp);
    g_free(dir);
}

/* A one-file lexicon in a new folder: a country named `name`. */
static void write_small_lexicon(const char *dir, const char *name, gint64 mtime)
{
    char *file = g_build_filename(dir, "countries.ttl", NULL);
    char *ttl = g_strdup_printf(
        "@prefix dt: <https://w3id.org/detente/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/detente/id/country/XX> a dt:Country ;\n"
        "    skos:prefLabel \"%s\" ; dt:demonym \"%sn\" .\n", name, name);
    assert_true(g_file_set_contents(file, ttl, -1, NULL));
    struct utimbuf times = {(time_t)mtime, (time_t)mtime};
    assert_int_equal(g_utime(file, &times), 0);
    g_free(ttl);
    g_free(file);
}

static gboolean knows(const dt_lexicon *lex, const char *key)
{
    return dt_lexicon_find(lex, key, DT_LEX_COUNTRY, DT_SENSE_NAME) != NULL;
}

static void test_cache_stale_is_ignored(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("dtlex-XXXXXX", NULL);
    char *cache = g_build_filename(dir, "cache", "lexicon.img", NULL);
    write_small_lexicon(dir, "Freedonia", 1000000000);
    dt_lexicon *lex = NULL;
    GError *err = NULL;
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    assert_false(dt_lexicon_from_cache(lex));
    assert_true(knows(lex, "freedonia"));
    dt_lexicon_free(lex);
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    assert_true(dt_lexicon_from_cache(lex));
    assert_true(knows(lex, "freedonia"));
    dt_lexicon_free(lex);
    /* the source changes: the cache no longer counts */
    write_small_lexicon(dir, "Sylvania", 1000000100);
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    assert_false(dt_lexicon_from_cache(lex));
    assert_true(knows(lex, "sylvania"));
    assert_false(knows(lex, "freedonia"));
    dt_lexicon_free(lex);
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    assert_true(dt_lexicon_from_cache(lex));
    assert_true(knows(lex, "sylvania"));
    dt_lexicon_free(lex);
    /* a file added to the folder makes it stale too */
    char *extra = g_build_filename(dir, "extra.ttl", NULL);
    assert_true(g_file_set_contents(extra, "@prefix dt: <https://w3id.org/detente/ontology#> .\n", -1, NULL));
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    assert_false(dt_lexicon_from_cache(lex));
    dt_lexicon_free(lex);
    g_remove(extra);
    g_free(extra);
    char *cache_dir = g_path_get_dirname(cache);
    g_remove(cache);
    g_rmdir(cache_dir);
    g_free(cache_dir);
    char *file = g_build_filename(dir, "countries.ttl", NULL);
    g_remove(file);
    g_free(file);
    g_rmdir(dir);
    g_free(cache);
    g_free(dir);
}

/* Loads through a cache holding `bytes`: must succeed without reading
 * out of bounds, and answer right unless the damage went unnoticed. */
static void load_through(const char *dir, const char *cache, const char *bytes, gsize len)
{
    assert_true(g_file_set_contents(cache, bytes, (gssize)len, NULL));
    dt_lexicon *lex = NULL;
    GError *err = NULL;
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    if (!dt_lexicon_from_cache(lex))
        assert_true(knows(lex, "freedonia"));
    /* exercise every look-up on whatever was loaded */
    (void)dt_lexicon_find(lex, "freedonia", DT_LEX_COUNTRY, -1);
    (void)dt_lexicon_find(lex, "freedonian", DT_LEX_COUNTRY, -1);
    (void)dt_lexicon_is_first_token(lex, "freedonia");
    (void)dt_lexicon_is_given_name(lex, "freedonia");
    (void)dt_lexicon_entry(lex, "https://w3id.org/detente/id/country/XX");
    dt_lexicon_free(lex);
}

static void test_cache_corrupt_falls_back(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("dtlex-XXXXXX", NULL);
    char *cache = g_build_filename(dir, "lexicon.img", NULL);
    write_small_lexicon(dir, "Freedonia", 1000000000);
    dt_lexicon *lex = NULL;
    GError *err = NULL;
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    dt_lexicon_free(lex);
    char *good = NULL;
    gsize len = 0;
    assert_true(g_file_get_contents(cache, &good, &len, NULL));
    assert_true(len > 64);
    /* truncated, empty, garbage */
    gsize cuts[] = {0, 1, 8, 40, len / 2, len - 1};
    for (size_t i = 0; i < G_N_ELEMENTS(cuts); i++)
        load_through(dir, cache, good, cuts[i]);
    char *junk = g_strnfill(len, 'x');
    load_through(dir, cache, junk, len);
    g_free(junk);
    /* one byte changed, at every position in turn */
    char *bad = g_memdup2(good, len);
    for (gsize i = 0; i < len; i++) {
        memcpy(bad, good, len);
        bad[i] = (char)(bad[i] ^ 0x5A);
        load_through(dir, cache, bad, len);
    }
    /* the intact image is still used */
    load_through(dir, cache, good, len);
    assert_int_equal(dt_lexicon_load_cached(dir, cache, &lex, &err), DT_OK);
    assert_true(dt_lexicon_from_cache(lex));
    dt_lexicon_free(lex);
    g_free(bad);
    g_free(good);
    g_remove(cache);
    char *file = g_build_filename(dir, "countries.ttl", NULL);
    g_remove(file);
    g_free(file);
    g_rmdir(dir);
    g_free(cache);
    g_free(dir);
}

static void test_cache_unwritable_is_no_error(void **state)
{
    (void)state;
    char *dir = lexicon_dir();
    dt_lexicon *lex = NULL;
    GError *err = NULL;
    assert_int_equal(dt_lexicon_load_cached(dir, "/proc/no/such/dir/lexicon.img", &lex, &err), DT_OK);
    assert_false(dt_lexicon_from_cache(lex));
    assert_true(dt_lexicon_count(lex, DT_LEX_COUNTRY) >= 193);
    dt_lexicon_free(lex);
    /* errors are those of the Turtle path */
    assert_int_equal(dt_lexicon_load_cached("/nonexistent/lexicon", "/proc/no/such.img", &lex, &err),
                     DT_ERR_IO);
    assert_null(lex);
    g_error_free(err);
    g_free(dir);
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
        cmocka_unit_test(test_cache_round_trip),
        cmocka_unit_test(test_cache_stale_is_ignored),
        cmocka_unit_test(test_cache_corrupt_falls_back),
        cmocka_unit_test(test_cache_unwritable_is_no_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
