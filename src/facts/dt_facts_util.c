#include "dt_facts_util.h"

#include <string.h>

int dt_actor_at(const dt_doc *doc, uint32_t i, uint32_t *mention_end)
{
    if (i >= dt_doc_ntok(doc))
        return -1;
    int mi = doc->tokinfo[i].mention;
    if (mi < 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (mention_end)
        *mention_end = m->te;
    return m->entity;
}

dt_entity_kind dt_entity_kind_of(const dt_doc *doc, int e)
{
    return dt_doc_entity(doc, e)->kind;
}

gboolean dt_is_pronoun(const dt_doc *doc, uint32_t i)
{
    /* The words spelled out rather than looped over: coreference asks this
     * of every token, and against literals the compiler turns each test
     * into a byte compare or two (nearly every token fails at the first
     * byte); the mention check, which reads the token's tokinfo and its
     * mention, comes after. */
    const char *f = dt_doc_tok(doc, i)->fold;
    if (!(dt_fold_eq(f, "he") || dt_fold_eq(f, "she") || dt_fold_eq(f, "him") || dt_fold_eq(f, "her") ||
          dt_fold_eq(f, "his")))
        return FALSE;
    /* "He Lifeng": the first word of a name */
    int mi = doc->tokinfo[i].mention;
    return !(mi >= 0 && g_array_index(doc->mentions, dt_mention, mi).te > i + 1);
}

gboolean dt_is_he_or_she(const dt_doc *doc, uint32_t i)
{
    return (dt_doc_tok_is(doc, i, "he") || dt_doc_tok_is(doc, i, "she")) && dt_is_pronoun(doc, i);
}

gboolean dt_ints_has(const GArray *a, int v)
{
    for (guint i = 0; i < a->len; i++)
        if (g_array_index(a, int, i) == v)
            return TRUE;
    return FALSE;
}

void dt_ints_add(GArray *a, int v)
{
    if (v >= 0 && !dt_ints_has(a, v))
        g_array_append_val(a, v);
}

gboolean dt_is_media(const dt_doc *doc, int e)
{
    const dt_entity *ent = dt_doc_entity(doc, e);
    if (ent == NULL || ent->lex == NULL || ent->lex->type_iri == NULL)
        return FALSE;
    /* the type's local name, found once rather than by three suffix
     * tests (each measuring the IRI again) */
    const char *local = strrchr(ent->lex->type_iri, '#');
    return local && (!strcmp(local, "#NewsOrganization") || !strcmp(local, "#Platform") ||
                     !strcmp(local, "#Programme"));
}

gboolean dt_is_clause_break(const dt_doc *doc, uint32_t i)
{
    /* every break is one byte long: look at the second byte before the
     * first, so that a word costs one test rather than six calls */
    const char *f = dt_doc_tok(doc, i)->fold;
    return f[0] != '\0' && f[1] == '\0' && strchr(",;:-()", f[0]) != NULL;
}

uint32_t dt_title_start(const dt_doc *doc, uint32_t tb)
{
    uint32_t p = tb;
    while (p > 0 && p + 8 > tb) {
        if (doc->tokinfo[p - 1].in_office || doc->tokinfo[p - 1].office >= 0)
            p--;
        else if (p < tb && doc->tokinfo[p - 1].mention >= 0) /* "US" before "President" */
            p = g_array_index(doc->mentions, dt_mention, doc->tokinfo[p - 1].mention).tb;
        else
            break;
    }
    return p;
}

char *dt_casefold(const char *s)
{
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p >= 0x80)
            return g_utf8_casefold(s, -1);
    return g_ascii_strdown(s, -1);
}

uint32_t dt_next_polarity(const dt_doc *doc, uint32_t t, uint32_t e)
{
    while (t < e && !doc->tokinfo[t].polarity)
        t++;
    return t;
}

uint32_t dt_skip_so_called(const dt_doc *doc, uint32_t i, uint32_t se)
{
    if (i < se && dt_doc_tok_is(doc, i, "so-called"))
        return i + 1;
    if (i + 2 < se && dt_doc_tok_is(doc, i, "so") && dt_doc_tok_is(doc, i + 1, "-") &&
        dt_doc_tok_is(doc, i + 2, "called"))
        return i + 3;
    return i;
}
