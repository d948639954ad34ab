/* Unit tests of the text stage: validation, normalization with offsets
 * mapped back to the original in code points, tokens and sentences. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "text/dt_text.h"

static dt_text *make(const char *s)
{
    dt_text *t = NULL;
    GError *err = NULL;
    assert_int_equal(dt_text_new(s, strlen(s), &t, &err), DT_OK);
    assert_null(err);
    return t;
}

/* index of the first token whose normalized text equals s */
static int find_tok(const dt_text *t, const char *s)
{
    for (uint32_t i = 0; i < dt_text_ntokens(t); i++)
        if (dt_token_is(t, i, s))
            return (int)i;
    return -1;
}

static void test_offsets_are_code_points(void **state)
{
    (void)state;
    /* curly quotes, an em dash and diacritics before the word we look at */
    const char *s = "“Zelenskyy’s” plan—Orbán said: “Kęstutis Budrys agreed.”";
    dt_text *t = make(s);
    int i = find_tok(t, "Budrys");
    assert_true(i >= 0);
    uint32_t b, e;
    char *anchor = dt_text_span(t, (uint32_t)i, (uint32_t)i + 1, &b, &e);
    assert_string_equal(anchor, "Budrys");
    /* count code points by hand: the prefix up to "Budrys" */
    const char *p = strstr(s, "Budrys");
    assert_int_equal(b, (uint32_t)g_utf8_strlen(s, p - s));
    assert_int_equal(e, b + 6);
    g_free(anchor);
    i = find_tok(t, "Orbán");
    assert_true(i >= 0);
    anchor = dt_text_span(t, (uint32_t)i, (uint32_t)i + 1, &b, &e);
    assert_string_equal(anchor, "Orbán");
    assert_int_equal(b, 19);
    assert_int_equal(e, 24);
    g_free(anchor);
    dt_text_free(t);
}

static void test_curly_quotes_normalized_and_directed(void **state)
{
    (void)state;
    dt_text *t = make("He said, “It’s done,” and left.");
    int open = find_tok(t, "\"");
    assert_true(open >= 0);
    assert_true(dt_text_token(t, (uint32_t)open)->flags & DT_TOK_QOPEN);
    assert_true(find_tok(t, "It") >= 0); /* 's is split off as in "NATO's" */
    assert_true(find_tok(t, "'s") >= 0);
    int close = -1;
    for (uint32_t i = (uint32_t)open + 1; i < dt_text_ntokens(t); i++)
        if (dt_token_is(t, i, "\""))
            close = (int)i;
    assert_true(close > open);
    assert_true(dt_text_token(t, (uint32_t)close)->flags & DT_TOK_QCLOSE);
    dt_text_free(t);
}

static void test_straight_quotes_directed(void **state)
{
    (void)state;
    dt_text *t = make("\"We will,\" she said. \"Now.\"");
    assert_true(dt_text_token(t, 0)->flags & DT_TOK_QOPEN);
    int n = 0;
    for (uint32_t i = 0; i < dt_text_ntokens(t); i++)
        if (dt_token_is(t, i, "\""))
            n++;
    assert_int_equal(n, 4);
    dt_text_free(t);
}

static void test_nfc_maps_to_decomposed_original(void **state)
{
    (void)state;
    /* "Orba" + combining acute: 6 code points in the original, NFC "Orbán" */
    dt_text *t = make("Orba\xcc\x81n spoke.");
    assert_true(dt_token_is(t, 0, "Orbán"));
    uint32_t b, e;
    char *anchor = dt_text_span(t, 0, 1, &b, &e);
    assert_int_equal(b, 0);
    assert_int_equal(e, 6);
    assert_string_equal(anchor, "Orba\xcc\x81n");
    g_free(anchor);
    assert_string_equal(dt_text_token(t, 0)->fold, "orban");
    dt_text_free(t);
}

/* ASCII runs and tokens take a fast path; it must agree with the general
 * one: flags, folds, offsets after CR LF and tabs, very long words. */
static void test_ascii_fast_path(void **state)
{
    (void)state;
    dt_text *t = make("NATO\tand\r\nKyiv's U.S. \xc3\x89lys\xc3\xa9" "e 2025");
    assert_string_equal(dt_text_normalized(t), "NATO and\nKyiv's U.S. \xc3\x89lys\xc3\xa9" "e 2025");
    const dt_token *nato = dt_text_token(t, 0);
    assert_string_equal(nato->fold, "nato");
    assert_true(nato->flags & DT_TOK_UPPER);
    assert_true(nato->flags & DT_TOK_ALLCAPS);
    int kyiv = find_tok(t, "Kyiv");
    assert_true(kyiv >= 0);
    /* "NATO\tand\r\n" is 10 code points; CR LF became one newline */
    assert_int_equal(dt_text_orig_cp(t, dt_text_token(t, (uint32_t)kyiv)->start), 10);
    assert_true(dt_text_token(t, (uint32_t)kyiv)->flags & DT_TOK_PARA);
    int us = find_tok(t, "U.S.");
    assert_true(us >= 0);
    assert_true(dt_text_token(t, (uint32_t)us)->flags & DT_TOK_DOTTED);
    int ely = find_tok(t, "\xc3\x89lys\xc3\xa9" "e");
    assert_true(ely >= 0);
    assert_string_equal(dt_text_token(t, (uint32_t)ely)->fold, "elysee");
    const dt_token *year = dt_text_token(t, dt_text_ntokens(t) - 1);
    assert_string_equal(year->fold, "2025");
    assert_true(year->flags & DT_TOK_DIGIT);
    assert_false(year->flags & DT_TOK_UPPER);
    dt_text_free(t);

    char *longword = g_strnfill(300, 'A');
    t = make(longword);
    char *folded = g_strnfill(300, 'a');
    assert_string_equal(dt_text_token(t, 0)->fold, folded);
    g_free(folded);
    g_free(longword);
    dt_text_free(t);
}

static void test_em_dash_splits_words(void **state)
{
    (void)state;
    dt_text *t = make("Article 5—a clause");
    assert_true(find_tok(t, "5") >= 0);
    assert_true(find_tok(t, "a") >= 0);
    assert_true(find_tok(t, "-") >= 0);
    dt_text_free(t);
}

static void test_abbreviations_do_not_end_sentences(void **state)
{
    (void)state;
    dt_text *t = make("U.S. President Donald Trump met Mr. Smith on Jan. 5 in Washington. "
                      "Then S. Jaishankar spoke. It ended.");
    assert_int_equal(dt_text_nsentences(t), 3);
    assert_true(find_tok(t, "U.S.") >= 0);
    assert_true(find_tok(t, "S") >= 0); /* an initial: its dot stays apart */
    dt_text_free(t);
}

static void test_sentence_ends_after_closing_quote(void **state)
{
    (void)state;
    dt_text *t = make("He said, “We agree.” She did not. “No,” he added.");
    assert_int_equal(dt_text_nsentences(t), 3);
    const dt_sentence *s0 = dt_text_sentence(t, 0);
    assert_true(dt_token_is(t, s0->tok_end - 1, "\""));
    dt_text_free(t);
}

static void test_newline_is_paragraph(void **state)
{
    (void)state;
    dt_text *t = make("Headline Without Stop\nFirst sentence here. Second one.\nNext para.");
    assert_int_equal(dt_text_nsentences(t), 4);
    assert_int_equal(dt_text_sentence(t, 3)->paragraph, 2);
    dt_text_free(t);
}

static void test_possessive_split(void **state)
{
    (void)state;
    dt_text *t = make("NATO’s Article 5 and the allies' plan");
    assert_true(dt_token_is(t, 0, "NATO"));
    assert_true(dt_text_token(t, 1)->flags & DT_TOK_POSS);
    int allies = find_tok(t, "allies");
    assert_true(dt_text_token(t, (uint32_t)allies + 1)->flags & DT_TOK_POSS);
    dt_text_free(t);
}

static void test_invalid_utf8_reports_offset(void **state)
{
    (void)state;
    const char s[] = "Line one\nab\xff cd";
    dt_text *t = NULL;
    GError *err = NULL;
    assert_int_equal(dt_text_new(s, sizeof s - 1, &t, &err), DT_ERR_ENCODING);
    assert_null(t);
    assert_non_null(strstr(err->message, "byte offset 11"));
    assert_non_null(strstr(err->message, "line 2"));
    g_error_free(err);
}

static void test_nul_byte_rejected(void **state)
{
    (void)state;
    const char s[] = "abc\0def";
    dt_text *t = NULL;
    GError *err = NULL;
    assert_int_equal(dt_text_new(s, sizeof s - 1, &t, &err), DT_ERR_ENCODING);
    assert_non_null(strstr(err->message, "NUL byte at byte offset 3"));
    g_error_free(err);
}

static void test_empty_rejected(void **state)
{
    (void)state;
    dt_text *t = NULL;
    GError *err = NULL;
    assert_int_equal(dt_text_new(" \n\t ", 4, &t, &err), DT_ERR_EMPTY);
    g_error_free(err);
    assert_int_equal(dt_text_new("", 0, &t, NULL), DT_ERR_EMPTY);
}

static void test_turtle_lookalike_is_text(void **state)
{
    (void)state;
    const char *s = "@prefix ex: <http://example.org/> . ex:a ex:b \"c\" .";
    dt_text *t = make(s);
    assert_true(dt_text_ntokens(t) > 5);
    assert_int_equal(dt_text_original_cps(t), (uint32_t)g_utf8_strlen(s, -1));
    dt_text_free(t);
}

static void test_fold_key(void **state)
{
    (void)state;
    char *k = dt_text_fold_key("Côte d’Ivoire");
    assert_string_equal(k, "cote d'ivoire");
    g_free(k);
    k = dt_text_fold_key("NATO's");
    assert_string_equal(k, "nato 's");
    g_free(k);
    assert_null(dt_text_fold_key("   "));
}

/* dt_word_set_has answers what a scan of its list with dt_fold_eq does,
 * for a list longer than the 64 words its buckets hold, one-byte and
 * empty words, and words sharing a bucket. */
static void test_word_set(void **state)
{
    (void)state;
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < 80; i++)
        g_ptr_array_add(words, g_strdup_printf("%c%c%d", 'a' + i % 26, 'a' + i % 7, i));
    g_ptr_array_add(words, g_strdup("a"));
    g_ptr_array_add(words, g_strdup(","));
    g_ptr_array_add(words, g_strdup(""));
    g_ptr_array_add(words, NULL);
    const char *const *list = (const char *const *)words->pdata;
    dt_word_set *set = dt_word_set_new(list);
    for (int i = 0; i < 120; i++) {
        char *probe[] = {g_strdup_printf("%c%c%d", 'a' + i % 26, 'a' + i % 7, i),
                         g_strdup_printf("%c%c", 'a' + i % 26, 'a' + i % 7), g_strdup_printf("%d", i)};
        for (size_t k = 0; k < G_N_ELEMENTS(probe); k++) {
            gboolean scan = FALSE;
            for (int w = 0; list[w]; w++)
                scan = scan || dt_fold_eq(probe[k], list[w]);
            assert_int_equal(dt_word_set_has(set, probe[k]), scan);
            g_free(probe[k]);
        }
    }
    assert_true(dt_word_set_has(set, "a"));
    assert_true(dt_word_set_has(set, ","));
    assert_true(dt_word_set_has(set, ""));
    assert_true(dt_word_set_has(set, "dd3"));
    assert_true(dt_word_set_has(set, "bc79")); /* past the first 64 */
    assert_false(dt_word_set_has(set, "b"));
    dt_word_set_free(set);
    g_ptr_array_free(words, TRUE);
}

static void test_free_null(void **state)
{
    (void)state;
    dt_text_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offsets_are_code_points),
        cmocka_unit_test(test_curly_quotes_normalized_and_directed),
        cmocka_unit_test(test_straight_quotes_directed),
        cmocka_unit_test(test_nfc_maps_to_decomposed_original),
        cmocka_unit_test(test_ascii_fast_path),
        cmocka_unit_test(test_em_dash_splits_words),
        cmocka_unit_test(test_abbreviations_do_not_end_sentences),
        cmocka_unit_test(test_sentence_ends_after_closing_quote),
        cmocka_unit_test(test_newline_is_paragraph),
        cmocka_unit_test(test_possessive_split),
        cmocka_unit_test(test_invalid_utf8_reports_offset),
        cmocka_unit_test(test_nul_byte_rejected),
        cmocka_unit_test(test_empty_rejected),
        cmocka_unit_test(test_turtle_lookalike_is_text),
        cmocka_unit_test(test_fold_key),
        cmocka_unit_test(test_word_set),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
