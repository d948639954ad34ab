/* Stage 1: text.  Validates an article's bytes, normalizes them (NFC,
 * curly quotes -> ASCII quotes, dashes -> " - ", odd spaces -> space) while
 * keeping a map back to the original, and splits the normalized text into
 * tokens, sentences and paragraphs.
 *
 * Offsets: tokens carry byte offsets into the *normalized* text; everything
 * that leaves this module for the graph is converted with
 * dt_text_orig_cp() into Unicode code point offsets of the *original* text
 * (the NIF / Web Annotation convention). */
#ifndef DT_TEXT_H
#define DT_TEXT_H

#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <glib.h>
#include "../dt_status.h"

typedef enum {
    DT_TOK_WORD = 1 << 0,    /* letters/digits (may hold - ' . inside) */
    DT_TOK_PUNCT = 1 << 1,   /* a single punctuation character */
    DT_TOK_UPPER = 1 << 2,   /* first character is an uppercase letter */
    DT_TOK_ALLCAPS = 1 << 3, /* two or more letters, all uppercase */
    DT_TOK_DIGIT = 1 << 4,   /* starts with a digit */
    DT_TOK_QOPEN = 1 << 5,   /* a double quote that opens a quotation */
    DT_TOK_QCLOSE = 1 << 6,  /* a double quote that closes a quotation */
    DT_TOK_POSS = 1 << 7,    /* the possessive 's or ' split off a word */
    DT_TOK_DOTTED = 1 << 8,  /* ends with a dot that is part of it: U.S., S. */
    DT_TOK_PARA = 1 << 9     /* first token of a paragraph (line) */
} dt_token_flag;

typedef struct {
    uint32_t start, end;  /* byte span in the normalized text */
    uint32_t sentence;    /* index of its sentence */
    uint32_t flags;       /* dt_token_flag bits */
    const char *fold;     /* case-folded text, NUL-terminated (owned by the text) */
} dt_token;

typedef struct {
    uint32_t tok_begin, tok_end; /* token range [begin, end) */
    uint32_t paragraph;          /* index of its paragraph */
} dt_sentence;

typedef struct dt_text dt_text;

/* Builds a text from bytes (copied).  Fails with DT_ERR_ENCODING (message
 * gives the byte offset, line and column) on invalid UTF-8 or NUL bytes,
 * DT_ERR_EMPTY when nothing but white space is left. */
dt_status dt_text_new(const char *bytes, size_t len, dt_text **out, GError **err);
void dt_text_free(dt_text *text);

const char *dt_text_normalized(const dt_text *text); /* NUL-terminated */
size_t dt_text_normalized_len(const dt_text *text);
const char *dt_text_original(const dt_text *text);   /* NUL-terminated */
uint32_t dt_text_original_cps(const dt_text *text);  /* length in code points */

uint32_t dt_text_ntokens(const dt_text *text);
const dt_token *dt_text_token(const dt_text *text, uint32_t i);
uint32_t dt_text_nsentences(const dt_text *text);
const dt_sentence *dt_text_sentence(const dt_text *text, uint32_t i);

/* Code point offset in the original text of normalized byte offset `byte`
 * (byte == normalized length maps to the original's length). */
uint32_t dt_text_orig_cp(const dt_text *text, uint32_t byte);

/* Original-text span [cp_begin, cp_end) of tokens [tb, te); returns a newly
 * allocated copy of the original substring (caller frees). */
char *dt_text_span(const dt_text *text, uint32_t tb, uint32_t te,
                   uint32_t *cp_begin, uint32_t *cp_end);
/* The same span's code points alone, without the copy. */
void dt_text_span_cps(const dt_text *text, uint32_t tb, uint32_t te,
                      uint32_t *cp_begin, uint32_t *cp_end);
/* Newly allocated copy of the original text between code points. */
char *dt_text_orig_substring(const dt_text *text, uint32_t cp_begin, uint32_t cp_end);
/* The same bytes in place, without the copy: their start, and their
 * number in *len (the text goes on after them; it holds no NUL). */
const char *dt_text_orig_range(const dt_text *text, uint32_t cp_begin, uint32_t cp_end,
                               size_t *len);

/* Normalized text of tokens [tb, te) joined as in the text (caller frees). */
char *dt_text_tokens_string(const dt_text *text, uint32_t tb, uint32_t te);

/* Tokenizes a short string (a lexicon label) the way article text is, and
 * returns its case-folded tokens joined by single spaces (caller frees),
 * or NULL when it holds no token. */
char *dt_text_fold_key(const char *label);

/* What g_utf8_validate_len(bytes, len, end) answers (a NUL byte is
 * invalid; *end, when end is given, is set on failure only), without
 * walking ASCII byte by byte as GLib does: news text is nearly all ASCII. */
gboolean dt_utf8_validate(const char *bytes, size_t len, const char **end);

/* strcmp(a, b) == 0 with the first four bytes compared inline: word
 * lists are scanned for every token, most words differ at the first
 * letter, and of those that share it ("the", "to", "that") most differ
 * within the next three ("the" and "they", "that" and "than", "said" and
 * "says"), or end there; only the rest costs a call.  (Three bytes saved
 * 1.1% of extraction's instructions, the fourth 0.3% more; a loop over
 * every byte, no call at all, cost more than the call.) */
static inline gboolean dt_fold_eq(const char *a, const char *b)
{
    if (a[0] != b[0])
        return FALSE;
    if (a[0] == '\0')
        return TRUE;
    if (a[1] != b[1])
        return FALSE;
    if (a[1] == '\0')
        return TRUE;
    if (a[2] != b[2])
        return FALSE;
    if (a[2] == '\0')
        return TRUE;
    return a[3] == b[3] && (a[3] == '\0' || strcmp(a + 4, b + 4) == 0);
}

/* True when token i's text equals s (case-sensitive). */
gboolean dt_token_is(const dt_text *text, uint32_t i, const char *s);

/* A NULL-terminated word list with an index of its words by their first
 * two bytes, for a hot list that its owner asks about many times: the
 * owner makes it once (dt_word_set_new, e.g. under g_once) from a list
 * that lives as long as the set.  dt_word_set_has(set, fold) answers what
 * scanning the list with dt_fold_eq would, trying only the words that
 * share the fold's bucket. */
typedef struct dt_word_set dt_word_set;
dt_word_set *dt_word_set_new(const char *const *words);
gboolean dt_word_set_has(const dt_word_set *set, const char *fold);
void dt_word_set_free(dt_word_set *set);

#endif
