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

/* "Foreign Minister" ends with "minister", whatever the case. */
static gboolean label_ends_with(const char *label, const char *end)
{
    size_t l = strlen(label), e = strlen(end);
    return l >= e && g_ascii_strcasecmp(label + l - e, end) == 0 && (l == e || label[l - e - 1] == ' ');
}

static gboolean holds(const dt_doc *doc, int person, const dt_lex_entry *office)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        /* "the minister" for a foreign minister: the generic title ends
         * the holder's */
        if (h->person == person && (h->office == office || (h->office->label && office->label &&
                                                             label_ends_with(h->office->label, office->label))))
            return TRUE;
    }
    return FALSE;
}

/* A national office (a president, a prime minister), told of the person
 * named last, who opened his sentence and holds no office in the article
 * (dt_offices_told_of wants his country named too). */
static gboolean told_of_officeless(const dt_doc *doc, int person, const dt_lex_entry *office, uint32_t at)
{
    if (!office->value || !g_str_has_suffix(office->value, "#NationalOffice"))
        return FALSE;
    /* the last person named before is he ("Starmer met Macron. The
     * president said" is not about Starmer) */
    for (uint32_t k = at; k > 0; k--) {
        int mi = doc->tokinfo[k - 1].mention;
        const dt_mention *m = mi >= 0 ? &g_array_index(doc->mentions, dt_mention, mi) : NULL;
        if (m && m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_PERSON) {
            /* ... and the subject his sentence opens with ("Sir Keir
             * Starmer has said ...") */
            uint32_t sb, se;
            dt_doc_sentence_bounds(doc, m->tb, &sb, &se);
            uint32_t first = sb;
            while (first < m->tb && doc->tokinfo[first].honorific)
                first++;
            if (m->entity != person || first != m->tb)
                return FALSE;
            break;
        }
    }
    for (guint i = 0; i < doc->holdings->len; i++)
        if (g_array_index(doc->holdings, dt_holding, i).person == person)
            return FALSE;
    return TRUE;
}

/* "The minister rejected", "the president has accepted": a stance or
 * reporting verb, or an auxiliary, right after a title alone. */
static gboolean verb_after_subject(const dt_doc *doc, uint32_t k)
{
    static const char *const aux[] = {"has", "had", "would", "will", "also", "later", "then", "was", "is",
                                      "could", "did", "does", NULL};
    return doc->tokinfo[k].polarity || dt_doc_tok_in(doc, k, aux);
}

/* The one person holding a national office (president, prime minister)
 * of country c in the article, or -1. */
static int national_leader_of(const dt_doc *doc, int c)
{
    int found = -1;
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->jurisdiction != c || h->qualifiers->len > 0 || !h->office->value ||
            !g_str_has_suffix(h->office->value, "#NationalOffice"))
            continue;
        if (found >= 0 && found != h->person)
            return -1;
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
        /* '"...," the minister stressed': the title alone is the person
         * the text was just about, when he holds it */
        if (dt_doc_tok_is(doc, i - 1, "the") && doc->tokinfo[i].quote < 0 && oe < n &&
            (doc->tokinfo[oe].reporting || dt_doc_tok_is(doc, oe, ",") || dt_doc_tok_is(doc, oe, ".") ||
             verb_after_subject(doc, oe))) {
            const dt_match *m = &g_array_index(doc->matches, dt_match, ti->office);
            int person = dt_person_subject_before(doc, i - 1);
            if (person >= 0 && holds(doc, person, m->sense->entry)) {
                add_reference(doc, i - 1, oe, person, DT_MEN_REFERENCE);
            } else if (person >= 0 && told_of_officeless(doc, person, m->sense->entry, i) &&
                       dt_offices_told_of(doc, person, i, oe)) {
                /* "Sir Keir Starmer has said ... the prime minister said":
                 * a national office told of a person who holds none yet */
                add_reference(doc, i - 1, oe, person, DT_MEN_REFERENCE);
            }
            continue;
        }
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
        /* "the Ukrainian leader": the one who leads the country -- its
         * only holder of a national office */
        if (person < 0 && m->sense->entry->label && !strcmp(m->sense->entry->label, "leader"))
            person = national_leader_of(doc, jur);
        if (person >= 0)
            add_reference(doc, b - 1, oe, person, DT_MEN_REFERENCE);
    }
}

static void pronoun_references(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t i = 0; i < n; i++) {
        /* every token: the pronouns' first letters (he, she, him, her,
         * his) before the call */
        const char c0 = dt_doc_tok(doc, i)->fold[0];
        if ((c0 != 'h' && c0 != 's') || doc->tokinfo[i].quote >= 0 || !dt_is_pronoun(doc, i))
            continue;
        int person = dt_person_subject_before(doc, i);
        if (person >= 0)
            add_reference(doc, i, i + 1, person, DT_MEN_PRONOUN);
    }
}

/* The person a title reference ending right before the verb that
 * introduces quote qt refers to ('after the US president said he would
 * meet ... "within two weeks"'), or -1. */
static int attribution_title(const dt_doc *doc, const dt_quote *qt)
{
    if (qt->attr_te <= qt->attr_tb || qt->attr_te == 0)
        return -1;
    uint32_t verb = qt->attr_te - 1;
    if (verb >= qt->open_tok || !doc->tokinfo[verb].reporting)
        return -1;
    for (uint32_t b = verb; b > 0 && b + 6 > verb; b--) {
        int r = doc->tokinfo[b - 1].reference;
        const dt_mention *rm = r >= 0 ? &g_array_index(doc->mentions, dt_mention, r) : NULL;
        if (rm && rm->te == verb && rm->entity >= 0)
            return rm->entity;
    }
    return -1;
}

/* '"...," the minister stressed.': the quotes stage runs before the
 * references are known; a quote left without a speaker takes the person
 * a title right after it refers to. */
static void quote_speakers_by_title(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (guint q = 0; q < doc->quotes->len; q++) {
        dt_quote *qt = &g_array_index(doc->quotes, dt_quote, q);
        uint32_t k = qt->close_tok + 1;
        /* '"...," the Russian foreign minister said': the quotes stage took
         * the demonym's country; the title refers to a person */
        if (qt->speaker >= 0 && dt_entity_kind_of(doc, qt->speaker) != DT_ENT_PERSON && qt->attr_te <= n)
            for (uint32_t a = qt->attr_tb; a < qt->attr_te; a++)
                if (doc->tokinfo[a].reference >= 0) {
                    qt->speaker = g_array_index(doc->mentions, dt_mention, doc->tokinfo[a].reference).entity;
                    break;
                }
        /* the title before the verb, not a name told earlier in the
         * sentence */
        int titled = attribution_title(doc, qt);
        if (titled >= 0) {
            qt->speaker = titled;
            continue;
        }
        if (qt->speaker >= 0 || qt->close_tok >= n || k >= n)
            continue;
        if (dt_doc_tok_is(doc, k, ","))
            k++;
        int ref = k < n ? doc->tokinfo[k].reference : -1;
        /* 'the foreign minister said: "..."' */
        uint32_t v = qt->open_tok;
        if (ref < 0 && v > 0 && (dt_doc_tok_is(doc, v - 1, ":") || dt_doc_tok_is(doc, v - 1, ",")))
            v--;
        for (uint32_t b = v; ref < 0 && b > 0 && b + 6 > v; b--)
            if (doc->tokinfo[b - 1].reference >= 0) {
                const dt_mention *rm = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[b - 1].reference);
                if (rm->te < n && doc->tokinfo[rm->te].reporting && doc->tokinfo[rm->te].reporting_end == v) {
                    ref = doc->tokinfo[b - 1].reference;
                    k = b - 1;
                }
            }
        if (ref < 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, ref);
        if (m->te < n && doc->tokinfo[m->te].reporting) {
            qt->speaker = m->entity;
            qt->verb = doc->tokinfo[m->te].reporting;
            qt->attr_tb = k;
            qt->attr_te = doc->tokinfo[m->te].reporting_end;
        }
    }
}

/* '"...," the minister wrote on X. "..."': a quote continuing one whose
 * speaker only the title told has that speaker too. */
static void continued_quotes(dt_doc *doc)
{
    for (guint q = 1; q < doc->quotes->len; q++) {
        dt_quote *qt = &g_array_index(doc->quotes, dt_quote, q);
        const dt_quote *prev = &g_array_index(doc->quotes, dt_quote, q - 1);
        if (qt->continues && qt->speaker < 0 && prev->speaker >= 0) {
            qt->speaker = prev->speaker;
            qt->verb = prev->verb;
        }
    }
}

void dt_coref_find(dt_doc *doc)
{
    title_references(doc);
    pronoun_references(doc);
    quote_speakers_by_title(doc);
    continued_quotes(doc);
}
