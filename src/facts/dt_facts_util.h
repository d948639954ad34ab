/* Small token helpers shared by the fact extractors. */
#ifndef DT_FACTS_UTIL_H
#define DT_FACTS_UTIL_H

#include "../dt_doc.h"

/* Entity of the mention starting at token i (or covering it), or -1. */
int dt_actor_at(const dt_doc *doc, uint32_t i, uint32_t *mention_end);
/* Kind of entity e. */
dt_entity_kind dt_entity_kind_of(const dt_doc *doc, int e);
/* True for he/she/him/her/his. */
gboolean dt_is_pronoun(const dt_doc *doc, uint32_t i);
/* "he" or "she" as a pronoun (not "He Lifeng"). */
gboolean dt_is_he_or_she(const dt_doc *doc, uint32_t i);
/* Appends v to an int array unless present. */
void dt_ints_add(GArray *a, int v);
gboolean dt_ints_has(const GArray *a, int v);
/* Index of the entity's lexicon-type: news organization, platform or programme. */
gboolean dt_is_media(const dt_doc *doc, int e);
/* True when token i is a comma, semicolon, colon or dash. */
gboolean dt_is_clause_break(const dt_doc *doc, uint32_t i);
/* g_utf8_casefold(s, -1); an ASCII s is folded to its lowercase, what
 * the case fold of every ASCII character is, without GLib's table walk
 * (a thousand-odd instructions a word).  Free with g_free. */
char *dt_casefold(const char *s);
/* Where a name's title begins: "with [US President] Donald Trump" gives
 * the token of "US" for the name at tb (tb itself without a title). */
uint32_t dt_title_start(const dt_doc *doc, uint32_t tb);
/* The first token from t on (before e) with a stance word (polarity), or
 * e.  For loops that skip the others: in a long loop body the compiler
 * keeps little in registers, and this scan is the tight part. */
uint32_t dt_next_polarity(const dt_doc *doc, uint32_t t, uint32_t e);
/* Past "so-called" at i ("proposed by the so-called Quad"), or i. */
uint32_t dt_skip_so_called(const dt_doc *doc, uint32_t i, uint32_t se);

#endif
