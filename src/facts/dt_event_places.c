/* Facts: events -- where an event takes place.  A venue is a place entity
 * (or a government building) named in the event's phrase, after in/at, or
 * in its clause; definite descriptions ("the palace", "the same building",
 * "the Red Sea city") resolve to a place told before or to the dateline. */
#include "dt_events_internal.h"
#include "dt_facts_util.h"

#include <string.h>

/* The place entity a mention at token k names, or -1. */
static int place_entity_at(const dt_doc *doc, uint32_t k)
{
    int mi = doc->tokinfo[k].mention;
    if (mi < 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->kind == DT_MEN_DEMONYM) /* "brings in the Europeans": people */
        return -1;
    return m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_PLACE ? m->entity : -1;
}

/* The place of the dateline ("JEDDAH, May 12 (AFP) -", "Beirut, Lebanon -"):
 * a place first in a paragraph of the first sentences, before a comma, a
 * parenthesis or a dash. */
static int dateline_place(const dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t k = 0; k < n && dt_doc_tok(doc, k)->sentence < 3; k++) {
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_PARA) || doc->tokinfo[k].headline)
            continue;
        int pe = place_entity_at(doc, k);
        if (pe < 0)
            continue;
        uint32_t me = g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention).te;
        if (me < n && (dt_doc_tok_is(doc, me, ",") || dt_doc_tok_is(doc, me, "(") || dt_doc_tok_is(doc, me, "-")))
            return pe;
    }
    return -1;
}

/* "in the Red Sea city", "the Gulf port": a place naming where a city
 * lies is not the venue; the city is the one the story is datelined in. */
static gboolean city_modifier(const dt_doc *doc, uint32_t me)
{
    return me < dt_doc_ntok(doc) && (dt_doc_tok_is(doc, me, "city") || dt_doc_tok_is(doc, me, "town") ||
                                     dt_doc_tok_is(doc, me, "port") || dt_doc_tok_is(doc, me, "resort"));
}

/* "at the palace", "in the same building": a definite noun names the place
 * told last whose name ends in that noun ("Dolmabahçe Palace"); with
 * "same", the place told last. */
static int definite_place(const dt_doc *doc, uint32_t k, uint32_t e)
{
    if (k + 1 >= e || !dt_doc_tok_is(doc, k, "the"))
        return -1;
    gboolean same = dt_doc_tok_is(doc, k + 1, "same");
    uint32_t n = same ? k + 2 : k + 1;
    if (n >= e)
        return -1;
    const dt_token *noun = dt_doc_tok(doc, n);
    if (!(noun->flags & DT_TOK_WORD) || (noun->flags & DT_TOK_UPPER) || doc->tokinfo[n].function_word)
        return -1;
    /* "in the same building", "at the same ceremony": where the event told
     * last took place */
    for (guint i = doc->events->len; same && i > 0; i--) {
        const dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (ev->place >= 0)
            return ev->place;
    }
    for (uint32_t j = k; !same && j > 0; j--) {
        int pe = place_entity_at(doc, j - 1);
        if (pe < 0)
            continue;
        const dt_entity *en = dt_doc_entity(doc, pe);
        const char *name = en->pref_label ? en->pref_label : en->label;
        const char *sp = strrchr(name, ' ');
        char *last = dt_casefold(sp ? sp + 1 : name);
        gboolean hit = sp != NULL && !strcmp(last, noun->fold);
        g_free(last);
        if (hit)
            return pe;
    }
    return -1;
}

/* A place in [b, e): a place entity, or a government building named after
 * "at"/"in" ("at the State Department"). */
int dt_ev_place_in(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        int dp = definite_place(doc, k, e);
        if (dp >= 0)
            return dp;
        /* "Istanbul's Dolmabahçe Palace": the place inside the city */
        int pe = place_entity_at(doc, k);
        if (pe >= 0 && doc->tokinfo[k].quote < 0) {
            uint32_t me = g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention).te;
            if (city_modifier(doc, me))
                return dateline_place(doc);
            int inner = me + 1 < e && (dt_doc_tok(doc, me)->flags & DT_TOK_POSS) ? place_entity_at(doc, me + 1) : -1;
            return inner >= 0 ? inner : pe;
        }
        int mi = doc->tokinfo[k].mention;
        if (mi < 0 || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->entity < 0)
            continue;
        dt_entity_kind kind = dt_entity_kind_of(doc, m->entity);
        if (kind == DT_ENT_PLACE && m->kind != DT_MEN_DEMONYM)
            return m->entity;
        if (kind == DT_ENT_ORG && m->locative &&
            (m->lex == NULL || (m->lex->type_iri && g_str_has_suffix(m->lex->type_iri, "#GovernmentBody"))))
            return m->entity; /* "at the State Department", "at the Presidential Office" */
    }
    return -1;
}

/* The first place named after in/at in the clause: "were expected in
 * Washington ... for a summit". */
static int locative_at(const dt_doc *doc, uint32_t k)
{
    int mi = doc->tokinfo[k].mention;
    if (mi < 0 || doc->tokinfo[k].quote >= 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    /* "NEW DELHI/ISLAMABAD, May 10 (Reuters) -": a dateline of several
     * cities names none as the scene */
    uint32_t n = dt_doc_ntok(doc);
    if ((m->te < n && dt_doc_tok_is(doc, m->te, "/")) || (m->tb > 0 && dt_doc_tok_is(doc, m->tb - 1, "/")))
        return -1;
    return m->tb == k && m->locative ? dt_ev_place_in(doc, k, m->te) : -1;
}

int dt_ev_locative_place(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        int p = locative_at(doc, k);
        if (p >= 0)
            return p;
    }
    return -1;
}

int dt_ev_locative_place_near(const dt_doc *doc, uint32_t b, uint32_t e, uint32_t t)
{
    /* "X, who mediated the deal signed in Pretoria, travelled to Asmara
     * for talks": the nearest place before the trigger, then after it */
    for (uint32_t k = MIN(t, e); k > b; k--) {
        int p = locative_at(doc, k - 1);
        if (p >= 0)
            return p;
    }
    return dt_ev_locative_place(doc, MIN(t, e), e);
}
