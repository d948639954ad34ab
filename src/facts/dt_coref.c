/* Facts: references to persons without their names.  After the offices are
 * known, "the Russian president" (a title with the demonym or possessive of
 * a jurisdiction, and no name after it) refers to the person the article
 * gave that office; "he", "she", "his", "her" outside quotes refer to the
 * person acting just before.  Each becomes a mention of that person, so the
 * graph links those spans to the person too. */
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

static void add_reference(dt_doc *doc, uint32_t tb, uint32_t te, int person, dt_mention_kind kind)
{
    guint idx = dt_entities_add_mention(doc, tb, te, kind, person);
    if (kind == DT_MEN_REFERENCE)
        doc->tokinfo[tb].reference = (int)idx;
}

/* The person holding this office of this jurisdiction in the article. */
static int holder_of(const dt_doc *doc, const dt_lex_entry *office, int jur)
{
    int found = -1;
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->office != office || h->jurisdiction != jur || h->qualifiers->len > 0)
            continue;
        if (found >= 0 && found != h->person)
            return -1; /* two holders: ambiguous */
        found = h->person;
    }
    return found;
}

static void title_references(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t i = 1; i < n; i++) {
        const dt_tokinfo *ti = &doc->tokinfo[i];
        if (ti->office < 0)
            continue;
        uint32_t oe = ti->office_end;
        /* a name right after it is the holder already */
        if (oe < n && doc->tokinfo[oe].mention >= 0)
            continue;
        /* the DEMONYM TITLE / JURISDICTION's TITLE */
        uint32_t j = i - 1;
        if (dt_doc_tok(doc, j)->flags & DT_TOK_POSS) {
            if (j == 0)
                continue;
            j--;
        }
        int jur = dt_actor_at(doc, j, NULL);
        if (jur < 0 || dt_entity_kind_of(doc, jur) == DT_ENT_PERSON)
            continue;
        uint32_t b = g_array_index(doc->mentions, dt_mention, doc->tokinfo[j].mention).tb;
        if (b == 0 || !dt_doc_tok_is(doc, b - 1, "the"))
            continue;
        const dt_match *m = &g_array_index(doc->matches, dt_match, ti->office);
        int person = holder_of(doc, m->sense->entry, jur);
        if (person >= 0)
            add_reference(doc, b - 1, oe, person, DT_MEN_REFERENCE);
    }
}

static void pronoun_references(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t i = 0; i < n; i++) {
        if (doc->tokinfo[i].quote >= 0 || !dt_is_pronoun(doc, i))
            continue;
        int person = dt_person_subject_before(doc, i);
        if (person >= 0)
            add_reference(doc, i, i + 1, person, DT_MEN_PRONOUN);
    }
}

void dt_coref_find(dt_doc *doc)
{
    title_references(doc);
    pronoun_references(doc);
}
