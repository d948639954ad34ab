/* Facts: who holds which office.  Three constructions:
 *   [qualifier] [JURISDICTION] [qualifier] TITLE [honorific] NAME
 *       "former U.S. President Donald Trump", "Iran's Supreme Leader Ayatollah Ali Khamenei"
 *   NAME, [the|a] [qualifier] [JURISDICTION('s)] TITLE [of|to JURISDICTION] [and TITLE]
 *       "Keir Starmer, the British prime minister", "Kallas, a former prime minister of Estonia"
 *   [JURISDICTION's] TITLE, NAME
 *       "Ukraine's foreign minister, Andrii Sybiha"
 * A name without a title gets no office. */
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

static gboolean is_jurisdiction(const dt_doc *doc, int e)
{
    dt_entity_kind k = dt_entity_kind_of(doc, e);
    return k == DT_ENT_COUNTRY || k == DT_ENT_ORG;
}

static int person_at(const dt_doc *doc, uint32_t i)
{
    int e = dt_actor_at(doc, i, NULL);
    return (e >= 0 && dt_entity_kind_of(doc, e) == DT_ENT_PERSON) ? e : -1;
}

/* Jurisdiction of the office held by person p (for "Putin's adviser"). */
static int jurisdiction_of_person(const dt_doc *doc, int p)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->person == p && h->jurisdiction >= 0)
            return h->jurisdiction;
    }
    const dt_entity *e = dt_doc_entity(doc, p);
    if (e->lex && e->lex->country) {
        for (guint i = 0; i < doc->entities->len; i++)
            if (dt_doc_entity(doc, (int)i)->lex == e->lex->country)
                return (int)i;
    }
    return -1;
}

/* "the Chinese foreign ministry spokesperson": a body named by a demonym
 * (and an unlisted one) stands for its country as a jurisdiction. */
static int country_of_institution(dt_doc *doc, int jur)
{
    const dt_entity *e = dt_doc_entity(doc, jur);
    if (e == NULL || e->kind != DT_ENT_ORG)
        return jur;
    /* a national body ("State Department", "Chinese Foreign Ministry") */
    if (e->lex) {
        gboolean national = e->lex->type_iri && g_str_has_suffix(e->lex->type_iri, "#GovernmentBody");
        return national && e->lex->country && e->lex->country->cls == DT_LEX_COUNTRY
                   ? dt_entities_listed(doc, e->lex->country)
                   : jur;
    }
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, g_array_index(e->mentions, guint, 0));
    const dt_sense *s = dt_lexicon_find(doc->lex, dt_doc_tok(doc, m->tb)->fold, DT_LEX_COUNTRY, -1);
    return s ? dt_entities_listed(doc, s->entry) : jur;
}

static void add_holding(dt_doc *doc, int person, uint32_t ob, uint32_t oe, int jur,
                        GPtrArray *quals, uint32_t tb, uint32_t te)
{
    const dt_match *m = &g_array_index(doc->matches, dt_match, doc->tokinfo[ob].office);
    dt_holding h = {0};
    h.person = person;
    h.office = m->sense->entry;
    /* "Sen." is written short; the title is the office's name */
    h.title = m->sense->kind == DT_SENSE_ABBREV && m->sense->entry->label
                  ? g_strdup(m->sense->entry->label)
                  : dt_text_tokens_string(doc->text, ob, oe);
    /* "their foreign ministers, Armenia's X and Azerbaijan's Y": each holds
     * the title in the singular */
    if (m->sense->plural) {
        size_t tl = strlen(h.title);
        if (tl > 1 && h.title[tl - 1] == 's')
            h.title[tl - 1] = '\0';
    }
    h.jurisdiction = country_of_institution(doc, jur);
    h.principal = -1;
    h.qualifiers = quals ? quals : g_ptr_array_new();
    h.tb = tb;
    h.te = te;
    g_array_append_val(doc->holdings, h);
}

/* Walks back from `end` over qualifiers and a jurisdiction; returns where
 * the phrase starts. */
static uint32_t scan_modifiers_back(const dt_doc *doc, uint32_t end, uint32_t limit, int *jur,
                                    GPtrArray *quals)
{
    uint32_t k = end;
    while (k > limit) {
        uint32_t t = k - 1;
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (ti->qualifier) {
            g_ptr_array_add(quals, (gpointer)ti->qualifier);
            k = t;
            continue;
        }
        /* "South Korea's new president", "Iran's top diplomat": an
         * adjective that says nothing about the office */
        static const char *const plain[] = {"new", "top", "veteran", "longtime", "long-serving", "powerful",
                                            "influential", "political", "spiritual", "opposition",
                                            NULL};
        if (dt_doc_tok_in(doc, t, plain) && !(dt_doc_tok(doc, t)->flags & DT_TOK_UPPER)) {
            k = t;
            continue;
        }
        /* "Japan's Chief Cabinet Secretary": a capitalized portfolio word
         * left before the title match is part of the title */
        if (ti->portfolio && (dt_doc_tok(doc, t)->flags & DT_TOK_UPPER) && ti->mention < 0 && end - t <= 2) {
            k = t;
            continue;
        }
        /* "Putin's foreign policy aide": a remit of up to two words after a
         * possessive */
        const dt_token *tt = dt_doc_tok(doc, t);
        if ((tt->flags & DT_TOK_WORD) && !(tt->flags & DT_TOK_UPPER) && !(tt->flags & DT_TOK_POSS) &&
            !ti->function_word && ti->mention < 0 && end - t <= 2 && *jur < 0) {
            uint32_t p = t;
            while (p > limit && p + 2 >= t && !(dt_doc_tok(doc, p - 1)->flags & DT_TOK_POSS) &&
                   (dt_doc_tok(doc, p - 1)->flags & DT_TOK_WORD) && !(dt_doc_tok(doc, p - 1)->flags & DT_TOK_UPPER))
                p--;
            if (p > limit && (dt_doc_tok(doc, p - 1)->flags & DT_TOK_POSS) && p + 2 >= t) {
                k = p;
                continue;
            }
        }
        /* "Hamas political bureau chief", "Hezbollah security official": a
         * body or country and up to two lowercase words naming the remit */
        if ((tt->flags & DT_TOK_WORD) && !(tt->flags & DT_TOK_UPPER) && !ti->function_word && ti->mention < 0 &&
            end - t <= 2 && *jur < 0) {
            uint32_t p = t;
            while (p > limit && p + 2 > t && (dt_doc_tok(doc, p - 1)->flags & DT_TOK_WORD) &&
                   !(dt_doc_tok(doc, p - 1)->flags & DT_TOK_UPPER) && doc->tokinfo[p - 1].mention < 0 &&
                   !doc->tokinfo[p - 1].function_word)
                p--;
            /* ("Congress party leader": a party, not the body it is named
             * like) */
            int body = p > limit && !dt_doc_tok_is(doc, p, "party") ? dt_actor_at(doc, p - 1, NULL) : -1;
            if (body >= 0 && is_jurisdiction(doc, body) &&
                g_array_index(doc->mentions, dt_mention, doc->tokinfo[p - 1].mention).kind != DT_MEN_DEMONYM) {
                k = p;
                continue;
            }
        }
        if (dt_doc_tok(doc, t)->flags & DT_TOK_POSS) {
            int e = t > 0 ? dt_actor_at(doc, t - 1, NULL) : -1;
            /* "Tigray's former leader": a region's possessive names where
             * the office is held, as a country's does */
            dt_entity_kind ek = e >= 0 ? dt_entity_kind_of(doc, e) : DT_ENT_ORG;
            if (e >= 0 && *jur < 0 && (is_jurisdiction(doc, e) || ek == DT_ENT_PERSON || ek == DT_ENT_PLACE)) {
                *jur = ek == DT_ENT_PERSON ? jurisdiction_of_person(doc, e) : e;
                const dt_mention *m = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[t - 1].mention);
                k = m->tb;
                continue;
            }
            break;
        }
        int e = dt_actor_at(doc, t, NULL);
        if (e >= 0 && *jur < 0 && is_jurisdiction(doc, e)) {
            *jur = e;
            k = g_array_index(doc->mentions, dt_mention, ti->mention).tb;
            continue;
        }
        /* "Slovakia, whose prime minister, Robert Fico," */
        if (dt_doc_tok_is(doc, t, "whose") && t >= 2 && *jur < 0 && dt_doc_tok_is(doc, t - 1, ",")) {
            int c = dt_actor_at(doc, t - 2, NULL);
            if (c >= 0 && is_jurisdiction(doc, c)) {
                *jur = c;
                k = t;
            }
        }
        break;
    }
    return k;
}

/* "of the European Commission", "to Iran's ...", "for Africa" after a title */
static int jurisdiction_after(const dt_doc *doc, uint32_t i, uint32_t se, uint32_t *jend)
{
    /* "spokesman for UN Secretary-General Guterres": "for" names the body
     * served, but a region after it is a remit ("adviser for Africa") */
    gboolean for_body = i < se && dt_doc_tok_is(doc, i, "for");
    if (i >= se || !(dt_doc_tok_is(doc, i, "of") || dt_doc_tok_is(doc, i, "to") ||
                     dt_doc_tok_is(doc, i, "at") || for_body))
        return -1;
    uint32_t k = i + 1;
    if (k < se && dt_doc_tok_is(doc, k, "the"))
        k++;
    /* "of the opposition Nationalist Party", "of the ruling party": up to
     * two lowercase words before the name */
    for (int adj = 0; adj < 2 && k + 1 < se && dt_actor_at(doc, k, NULL) < 0; adj++) {
        const dt_token *tok = dt_doc_tok(doc, k);
        if (!(tok->flags & DT_TOK_WORD) || (tok->flags & DT_TOK_UPPER) || doc->tokinfo[k].function_word)
            break;
        k++;
    }
    uint32_t end = k;
    int e = dt_actor_at(doc, k, &end);
    /* "chief minister of Jammu and Kashmir": a region may hold an office */
    if (e < 0 || !(is_jurisdiction(doc, e) || (!for_body && dt_entity_kind_of(doc, e) == DT_ENT_PLACE)))
        return -1;
    if (jend)
        *jend = end;
    return e;
}

static uint32_t skip_det(const dt_doc *doc, uint32_t i, uint32_t se)
{
    if (i < se && (dt_doc_tok_is(doc, i, "the") || dt_doc_tok_is(doc, i, "a") ||
                   dt_doc_tok_is(doc, i, "an")))
        i++;
    return i;
}

/* "an aide to President Vladimir Putin", "a senior adviser to Iran's
 * Supreme Leader", "spokesman for UN Secretary-General Guterres": a title
 * that serves another office holder.  At i (after the title): "to"/"for",
 * perhaps "the" and a country or body, then an office and perhaps the
 * holder's name.  Returns the principal's office match, sets *end after it
 * and *jur to the country or body named or the holder's, or -1. */
static int principal_after(const dt_doc *doc, uint32_t i, uint32_t se, uint32_t *end, int *jur)
{
    if (i + 1 >= se || !(dt_doc_tok_is(doc, i, "to") || dt_doc_tok_is(doc, i, "for")))
        return -1;
    uint32_t k = skip_det(doc, i + 1, se);
    int body = -1;
    uint32_t aend = k;
    int e = dt_actor_at(doc, k, &aend);
    if (e >= 0 && is_jurisdiction(doc, e)) {
        body = e;
        k = aend;
        if (k < se && (dt_doc_tok(doc, k)->flags & DT_TOK_POSS))
            k++;
    }
    if (k >= se || doc->tokinfo[k].office < 0)
        return -1;
    int match = doc->tokinfo[k].office;
    k = doc->tokinfo[k].office_end;
    int holder = k < se ? person_at(doc, k) : -1;
    if (holder >= 0) {
        int hm = doc->tokinfo[k].mention;
        k = g_array_index(doc->mentions, dt_mention, hm).te;
    }
    *jur = body >= 0 ? body : holder >= 0 ? jurisdiction_of_person(doc, holder) : -1;
    *end = k;
    return match;
}

/* The longest office title ending at token k, searched back from k;
 * returns its first token or -1. */
static int office_ending_at(const dt_doc *doc, uint32_t k, uint32_t sb)
{
    uint32_t lo = k > sb + 6 ? k - 6 : sb;
    for (uint32_t ob = lo; ob < k; ob++) {
        const dt_tokinfo *ti = &doc->tokinfo[ob];
        if (ti->office >= 0 && ti->office_end == k)
            return (int)ob;
    }
    return -1;
}

/* "the secretary general of NATO", "Foreign Minister of Qatar": an office
 * title, "of" (perhaps "the") and a country or body ending at k.  Returns
 * the title's first token and sets *oe after it and *jur, or -1. */
static int title_of_body_before(const dt_doc *doc, uint32_t k, uint32_t sb, uint32_t *oe, int *jur)
{
    int mi = k > sb ? doc->tokinfo[k - 1].mention : -1;
    if (mi < 0)
        return -1;
    const dt_mention *bm = &g_array_index(doc->mentions, dt_mention, mi);
    if (bm->te != k || bm->entity < 0 || !is_jurisdiction(doc, bm->entity) || bm->kind == DT_MEN_DEMONYM)
        return -1;
    uint32_t p = bm->tb;
    if (p > sb && dt_doc_tok_is(doc, p - 1, "the"))
        p--;
    if (p < sb + 2 || !dt_doc_tok_is(doc, p - 1, "of"))
        return -1;
    int ob = office_ending_at(doc, p - 1, sb);
    if (ob >= 0) {
        *oe = p - 1;
        *jur = bm->entity;
    }
    return ob;
}

static void title_before(dt_doc *doc, const dt_mention *m)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, m->tb, &sb, &se);
    /* "Crown Prince Mohammed": the title may itself end with an honorific */
    uint32_t k = m->tb;
    int ob = office_ending_at(doc, k, sb);
    while (ob < 0 && k > sb && doc->tokinfo[k - 1].honorific) {
        k--;
        ob = office_ending_at(doc, k, sb);
    }
    /* "US Ambassador to Malaysia Edgard Kagan": the posting is part of
     * the title */
    uint32_t posting = 0;
    if (ob < 0 && k > sb + 2 && doc->tokinfo[k - 1].mention >= 0) {
        const dt_mention *pm = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[k - 1].mention);
        int pe = pm->entity;
        /* "U.S. senior adviser for Africa Massad Boulos": a remit too */
        gboolean to = dt_doc_tok_is(doc, pm->tb - 1, "to") && pe >= 0 && is_jurisdiction(doc, pe);
        gboolean remit = dt_doc_tok_is(doc, pm->tb - 1, "for") && pe >= 0 &&
                         dt_entity_kind_of(doc, pe) == DT_ENT_PLACE;
        if (pm->te == k && pm->tb > sb + 1 && (to || remit)) {
            ob = office_ending_at(doc, pm->tb - 1, sb);
            posting = ob >= 0 ? pm->tb - 1 : 0;
        }
    }
    if (ob < 0) {
        /* "Secretary General of NATO Mark Rutte" */
        uint32_t oe = 0;
        int jur = -1;
        ob = title_of_body_before(doc, k, sb, &oe, &jur);
        if (ob >= 0)
            add_holding(doc, m->entity, (uint32_t)ob, oe, jur, NULL, (uint32_t)ob, m->te);
        return;
    }
    int jur = -1;
    GPtrArray *quals = g_ptr_array_new();
    /* "U.S. Middle East envoy Steve Witkoff": a region right before the
     * title is its remit, part of the title */
    uint32_t title_b = (uint32_t)ob;
    int rmi = ob > (int)sb ? doc->tokinfo[ob - 1].mention : -1;
    if (rmi >= 0) {
        const dt_mention *rm = &g_array_index(doc->mentions, dt_mention, rmi);
        if (rm->te == (uint32_t)ob && rm->entity >= 0 && dt_entity_kind_of(doc, rm->entity) == DT_ENT_PLACE &&
            rm->kind != DT_MEN_DEMONYM && !is_jurisdiction(doc, rm->entity))
            title_b = rm->tb;
    }
    uint32_t start = scan_modifiers_back(doc, title_b, sb, &jur, quals);
    /* "China's U.N. Ambassador Zhang Jun": the country is the jurisdiction
     * and the body is part of the title */
    if (jur >= 0 && dt_entity_kind_of(doc, jur) == DT_ENT_ORG && start >= sb + 2 &&
        (dt_doc_tok(doc, start - 1)->flags & DT_TOK_POSS)) {
        int c = dt_actor_at(doc, start - 2, NULL);
        if (c >= 0 && dt_entity_kind_of(doc, c) == DT_ENT_COUNTRY) {
            title_b = start;
            jur = c;
            start = g_array_index(doc->mentions, dt_mention, doc->tokinfo[start - 2].mention).tb;
        }
    }
    add_holding(doc, m->entity, (uint32_t)ob, posting ? posting : k, jur, quals, start, m->te);
    if (posting) {
        dt_holding *h = &g_array_index(doc->holdings, dt_holding, doc->holdings->len - 1);
        g_free(h->title);
        h->title = dt_text_tokens_string(doc->text, title_b, k);
    } else if (title_b != (uint32_t)ob) {
        dt_holding *h = &g_array_index(doc->holdings, dt_holding, doc->holdings->len - 1);
        g_free(h->title);
        h->title = dt_text_tokens_string(doc->text, title_b, k);
    }
}


/* The title as written gains whom it serves: "aide" + "to the president". */
static void serve_principal(const dt_doc *doc, dt_holding *h, int principal, uint32_t at)
{
    const dt_match *pm = &g_array_index(doc->matches, dt_match, principal);
    char *office = dt_text_tokens_string(doc->text, pm->tb, pm->te);
    char *low = g_utf8_strdown(office, -1);
    char *title = g_strdup_printf("%s %s the %s", h->title, dt_doc_tok_is(doc, at, "for") ? "for" : "to", low);
    g_free(h->title);
    h->title = title;
    g_free(low);
    g_free(office);
}

/* "the senior adviser for Africa": a region after "for" is the title's
 * remit.  Returns the token after it (or `end` when there is none). */
static uint32_t add_remit(const dt_doc *doc, dt_holding *h, uint32_t i, uint32_t se, uint32_t end)
{
    if (i + 1 >= se || !dt_doc_tok_is(doc, i, "for"))
        return end;
    uint32_t rend = i + 1;
    int r = dt_actor_at(doc, i + 1, &rend);
    if (r < 0 || dt_entity_kind_of(doc, r) != DT_ENT_PLACE)
        return end;
    char *region = dt_text_tokens_string(doc->text, i + 1, rend);
    char *title = g_strdup_printf("%s for %s", h->title, region);
    g_free(h->title);
    h->title = title;
    g_free(region);
    return rend;
}

static int antecedent_body(const dt_doc *doc, uint32_t start);

static void title_after(dt_doc *doc, const dt_mention *m)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, m->tb, &sb, &se);
    uint32_t i = m->te;
    if (i >= se || !dt_doc_tok_is(doc, i, ","))
        return;
    i++;
    /* "X, who also serves as foreign minister," */
    if (i + 2 < se && dt_doc_tok_is(doc, i, "who")) {
        uint32_t w = i + 1;
        if (dt_doc_tok_is(doc, w, "also"))
            w++;
        if (w < se && (dt_doc_tok_is(doc, w, "serves") || dt_doc_tok_is(doc, w, "is")) && w + 1 < se) {
            w++;
            if (dt_doc_tok_is(doc, w, "as") || dt_doc_tok_is(doc, w, "also"))
                w++;
            i = w;
        }
    }
    i = skip_det(doc, i, se);
    int jur = -1, served = -1;
    GPtrArray *quals = g_ptr_array_new();
    /* qualifiers, a jurisdiction (name, demonym or possessive), up to two
     * plain adjectives ("far-right"), then the title */
    for (int guard = 0; i < se && guard < 6; guard++) {
        const dt_tokinfo *ti = &doc->tokinfo[i];
        if (ti->office >= 0) {
            /* "President Lula da Silva's chief adviser": a titled possessor */
            uint32_t pe = ti->office_end;
            int p = pe < se && jur < 0 ? person_at(doc, pe) : -1;
            uint32_t pend = p >= 0 ? g_array_index(doc->mentions, dt_mention, doc->tokinfo[pe].mention).te : pe;
            if (p < 0 || pend >= se || !(dt_doc_tok(doc, pend)->flags & DT_TOK_POSS))
                break;
            jur = jurisdiction_of_person(doc, p);
            served = p;
            i = pend + 1;
            continue;
        }
        if (ti->qualifier) {
            g_ptr_array_add(quals, (gpointer)ti->qualifier);
            i++;
            continue;
        }
        uint32_t end = i + 1;
        int e = dt_actor_at(doc, i, &end);
        if (e >= 0 && jur < 0) {
            if (is_jurisdiction(doc, e)) {
                jur = e;
            } else if (end < se && (dt_doc_tok(doc, end)->flags & DT_TOK_POSS)) {
                jur = jurisdiction_of_person(doc, e);
                served = e;
            } else {
                break;
            }
            i = end;
            if (i < se && (dt_doc_tok(doc, i)->flags & DT_TOK_POSS))
                i++;
            continue;
        }
        const dt_token *t = dt_doc_tok(doc, i);
        if ((t->flags & DT_TOK_WORD) && !(t->flags & DT_TOK_UPPER) && !ti->function_word &&
            guard < 3) {
            i++;
            continue;
        }
        break;
    }
    if (i >= se || doc->tokinfo[i].office < 0) {
        g_ptr_array_free(quals, TRUE);
        return;
    }
    /* "Kaja Kallas, the bloc's foreign policy chief", "al-Hayya, the
     * group's chief negotiator" */
    if (jur < 0 && served < 0)
        jur = antecedent_body(doc, i);
    uint32_t ob = i, oe = doc->tokinfo[i].office_end;
    /* "According to Naim, mediators from Egypt had ...": a plural title is
     * nobody's apposition */
    if (g_array_index(doc->matches, dt_match, doc->tokinfo[i].office).sense->plural) {
        g_ptr_array_free(quals, TRUE);
        return;
    }
    /* "chief foreign policy adviser": a title word before a longer title
     * ends with that title's head */
    uint32_t title_b = ob;
    for (uint32_t k = oe; k < se && k < oe + 4; k++) {
        if (doc->tokinfo[k].office >= 0) {
            ob = k;
            oe = doc->tokinfo[k].office_end;
            break;
        }
        const dt_token *w = dt_doc_tok(doc, k);
        if (!(w->flags & DT_TOK_WORD) || (w->flags & DT_TOK_UPPER) || doc->tokinfo[k].mention >= 0 ||
            doc->tokinfo[k].function_word)
            break;
    }
    /* "Macron, German Chancellor Friedrich Merz": the title is Merz's */
    if (oe < se && (person_at(doc, oe) >= 0 || doc->tokinfo[oe].honorific)) {
        g_ptr_array_free(quals, TRUE);
        return;
    }
    uint32_t jend = oe; /* the token after "of the European Commission" */
    int pjur = -1;
    int principal = principal_after(doc, oe, se, &jend, &pjur);
    /* "ambassador to Turkey", "envoy to the UN": the posting, not whose
     * office it is */
    const dt_lex_entry *office = g_array_index(doc->matches, dt_match, doc->tokinfo[ob].office).sense->entry;
    gboolean posted = oe < se && dt_doc_tok_is(doc, oe, "to") && office->label &&
                      (strstr(office->label, "mbassador") || strstr(office->label, "nvoy"));
    int after = principal >= 0 ? pjur : posted ? -1 : jurisdiction_after(doc, oe, se, &jend);
    if (jur < 0)
        jur = after;
    /* "Munir, India's national security adviser, Ajit Doval": a list where
     * the title belongs to the name after it */
    if (jend + 1 < se && dt_doc_tok_is(doc, jend, ",") && person_at(doc, jend + 1) >= 0) {
        g_ptr_array_free(quals, TRUE);
        return;
    }
    add_holding(doc, m->entity, ob, oe, jur, quals, m->tb, oe);
    dt_holding *added = &g_array_index(doc->holdings, dt_holding, doc->holdings->len - 1);
    if (title_b != ob) {
        g_free(added->title);
        added->title = dt_text_tokens_string(doc->text, title_b, oe);
    }
    if (added->jurisdiction < 0)
        added->principal = served; /* his office may come later in the text */
    if (posted) { /* the title as written keeps its posting */
        uint32_t a = skip_det(doc, oe + 1, se), ae = a;
        if (a < se && dt_actor_at(doc, a, &ae) >= 0) {
            g_free(added->title);
            added->title = dt_text_tokens_string(doc->text, title_b, ae);
            jend = ae;
        }
    }
    if (principal >= 0)
        serve_principal(doc, added, principal, oe);
    else if (after < 0)
        jend = add_remit(doc, added, oe, se, jend);
    /* "Qatar's prime minister and foreign minister", "an aide to Putin and
     * a former culture minister" */
    uint32_t k = jend;
    if (k + 1 < se && dt_doc_tok_is(doc, k, "and")) {
        uint32_t o = skip_det(doc, k + 1, se);
        GPtrArray *q2 = g_ptr_array_new();
        while (o < se && doc->tokinfo[o].qualifier)
            g_ptr_array_add(q2, (gpointer)doc->tokinfo[o++].qualifier);
        if (o < se && doc->tokinfo[o].office >= 0) {
            uint32_t o2 = doc->tokinfo[o].office_end;
            add_holding(doc, m->entity, o, o2, jur, q2, m->tb, o2);
        } else {
            g_ptr_array_free(q2, TRUE);
        }
    }
}

/* "their foreign ministers, Armenia's Ararat Mirzoyan and Azerbaijan's
 * Jeyhun Bayramov": each name of the list after a title holds it, with the
 * country before its name as jurisdiction. */
static void title_over_list(dt_doc *doc, const dt_mention *m)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, m->tb, &sb, &se);
    if (m->tb < sb + 3 || !(dt_doc_tok(doc, m->tb - 1)->flags & DT_TOK_POSS))
        return;
    int c = dt_actor_at(doc, m->tb - 2, NULL);
    if (c < 0 || !is_jurisdiction(doc, c))
        return;
    /* walk back over earlier items: "JUR 's NAME and", "JUR 's NAME ," */
    uint32_t k = g_array_index(doc->mentions, dt_mention, doc->tokinfo[m->tb - 2].mention).tb;
    for (int items = 0; items < 6 && k > sb; items++) {
        if (dt_doc_tok_is(doc, k - 1, ",") && office_ending_at(doc, k - 1, sb) >= 0) {
            int ob = office_ending_at(doc, k - 1, sb);
            add_holding(doc, m->entity, (uint32_t)ob, k - 1, c, g_ptr_array_new(), m->tb - 2, m->te);
            return;
        }
        if (!(dt_doc_tok_is(doc, k - 1, "and") || dt_doc_tok_is(doc, k - 1, ",")) || k < sb + 2)
            return;
        uint32_t p = k - 2; /* last token of the previous item's name */
        int pm = doc->tokinfo[p].mention;
        if (pm < 0)
            return;
        uint32_t ptb = g_array_index(doc->mentions, dt_mention, pm).tb;
        if (ptb >= sb + 2 && (dt_doc_tok(doc, ptb - 1)->flags & DT_TOK_POSS) && doc->tokinfo[ptb - 2].mention >= 0)
            ptb = g_array_index(doc->mentions, dt_mention, doc->tokinfo[ptb - 2].mention).tb;
        k = ptb;
    }
}

/* [JURISDICTION's | the DEMONYM] TITLE, NAME; the TITLE of JURISDICTION, NAME */
/* The actor a sentence opens with ("The Rapid Support Forces said ..."),
 * or -1. */
static int sentence_subject(const dt_doc *doc, uint32_t sb, uint32_t limit)
{
    uint32_t k = sb;
    if (k < limit && dt_doc_tok_is(doc, k, "the"))
        k++;
    if (k >= limit)
        return -1;
    int e = dt_actor_at(doc, k, NULL);
    return e >= 0 && is_jurisdiction(doc, e) && !dt_doc_tok_is(doc, k + 1, "party") ? e : -1;
}

/* "Its commander, X": the body the article is speaking of -- the subject
 * of the sentence, or of the one before ("The National Unity Government
 * ... welcomed ASEAN's stance. Its foreign minister" is not ASEAN's: an
 * unlisted subject gives none).  "The group's spokesman, X", "the bloc's
 * special envoy, X": the body told last; "The junta's spokesman": the
 * country told last.  -1 when none. */
static int antecedent_body(const dt_doc *doc, uint32_t start)
{
    static const char *const pronouns[] = {"its", "their", NULL};
    static const char *const bodies[] = {"group", "bloc", "movement", "party", "alliance", "militia",
                                         "organisation", "organization", "union", "council", "coalition",
                                         "rebels", NULL};
    static const char *const national[] = {"junta", "army", "military", NULL};
    uint32_t b;
    if (start >= 1 && dt_doc_tok_in(doc, start - 1, pronouns))
        b = start - 1;
    else if (start >= 3 && (dt_doc_tok(doc, start - 1)->flags & DT_TOK_POSS) && dt_doc_tok_is(doc, start - 3, "the") &&
             (dt_doc_tok_in(doc, start - 2, bodies) || dt_doc_tok_in(doc, start - 2, national)))
        b = start - 3;
    else
        return -1;
    if (b + 3 == start) {
        /* "the bloc's": the body of that kind told last */
        dt_entity_kind want = dt_doc_tok_in(doc, start - 2, national) ? DT_ENT_COUNTRY : DT_ENT_ORG;
        for (uint32_t k = b; k > 0 && k + 60 > b; k--) {
            int e = dt_actor_at(doc, k - 1, NULL);
            if (e >= 0 && dt_entity_kind_of(doc, e) == want)
                return dt_doc_tok_is(doc, k, "party") ? -1 : e;
        }
        return -1;
    }
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, b, &sb, &se);
    int e = sentence_subject(doc, sb, b);
    if (e < 0 && sb > 0) {
        uint32_t psb, pse;
        dt_doc_sentence_bounds(doc, sb - 1, &psb, &pse);
        e = sentence_subject(doc, psb, pse);
    }
    return e;
}

/* The title at `start` opens an apposition the name closes: "The army
 * spokesman, Nabil Abdallah, said", "met the external affairs minister,
 * Subrahmanyam Jaishankar, on Monday". */
static gboolean opening_apposition(const dt_doc *doc, uint32_t sb, uint32_t start, const dt_mention *m)
{
    if (m->te >= dt_doc_ntok(doc) || !dt_doc_tok_is(doc, m->te, ","))
        return FALSE;
    uint32_t d = start;
    if (d > sb && (dt_doc_tok(doc, d - 1)->flags & DT_TOK_POSS))
        d = d >= sb + 2 ? d - 2 : sb; /* "The group's" */
    return d > sb && dt_doc_tok_is(doc, d - 1, "the");
}

static void title_comma_name(dt_doc *doc, const dt_mention *m)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, m->tb, &sb, &se);
    /* "Sudan's army chief, General Abdel Fattah al-Burhan": honorifics may
     * stand between the comma and the name */
    uint32_t nb = m->tb;
    /* "Gen." with its full stop */
    while (nb > sb + 2 && (doc->tokinfo[nb - 1].honorific ||
                           (dt_doc_tok_is(doc, nb - 1, ".") && doc->tokinfo[nb - 2].honorific)))
        nb--;
    if (nb < sb + 2 || !dt_doc_tok_is(doc, nb - 1, ","))
        return;
    uint32_t k = nb - 1; /* the comma */
    int ob = office_ending_at(doc, k, sb);
    int jur = -1;
    if (ob < 0) {
        /* "The foreign minister of Qatar, Mohammed bin Abdulrahman" */
        uint32_t oe = 0;
        ob = title_of_body_before(doc, k, sb, &oe, &jur);
        if (ob >= 0) {
            add_holding(doc, m->entity, (uint32_t)ob, oe, jur, NULL, (uint32_t)ob, m->te);
            return;
        }
        /* "Israel's ambassador to the United Nations, Danny Danon": the
         * posting is part of the title, the country before it holds it */
        int pmi = doc->tokinfo[k - 1].mention;
        if (pmi < 0)
            return;
        uint32_t p = g_array_index(doc->mentions, dt_mention, pmi).tb;
        if (p > sb && dt_doc_tok_is(doc, p - 1, "the"))
            p--;
        if (p < sb + 2 || !dt_doc_tok_is(doc, p - 1, "to") || (ob = office_ending_at(doc, p - 1, sb)) < 0)
            return;
        GPtrArray *pq = g_ptr_array_new();
        uint32_t pstart = scan_modifiers_back(doc, (uint32_t)ob, sb, &jur, pq);
        if (jur < 0) {
            g_ptr_array_free(pq, TRUE);
            return;
        }
        add_holding(doc, m->entity, (uint32_t)ob, k, jur, pq, pstart, m->te);
        return;
    }
    GPtrArray *quals = g_ptr_array_new();
    uint32_t start = scan_modifiers_back(doc, (uint32_t)ob, sb, &jur, quals);
    /* "the Tigray People's Liberation Front (TPLF), loyal to its chairman,
     * X": "its" is the body or country told last before it */
    if (jur < 0 && start > sb && (dt_doc_tok_is(doc, start - 1, "its") || dt_doc_tok_is(doc, start - 1, "their")))
        for (uint32_t b = start - 1; b > sb && jur < 0; b--) {
            int e = dt_actor_at(doc, b - 1, NULL);
            if (e >= 0 && is_jurisdiction(doc, e) && dt_entity_kind_of(doc, e) != DT_ENT_PERSON)
                jur = e;
        }
    if (jur < 0)
        jur = antecedent_body(doc, start);
    /* "the president, X" alone is too weak -- unless the name closes an
     * apposition the title opens ("The army spokesman, Nabil Abdallah,
     * said", "met the external affairs minister, S. Jaishankar, on"); the
     * jurisdiction is then inferred like a bare title's */
    if (jur < 0 && !opening_apposition(doc, sb, start, m)) {
        g_ptr_array_free(quals, TRUE);
        return;
    }
    add_holding(doc, m->entity, (uint32_t)ob, k, jur, quals, start, m->te);
}

/* "India's national security adviser, Ajit Doval, and his Pakistani
 * counterpart, Asim Malik": the office of the holding told just before,
 * for the country of the demonym. */
static void counterpart(dt_doc *doc, const dt_mention *m)
{
    uint32_t c = m->tb;
    /* "his Afghan counterpart, Mullah Mohammad Yaqoob" */
    while (c >= 1 && doc->tokinfo[c - 1].honorific)
        c--;
    if (c >= 1 && dt_doc_tok_is(doc, c - 1, ","))
        c--;
    if (c < 2 || !dt_doc_tok_is(doc, c - 1, "counterpart"))
        return;
    c--;
    uint32_t j = c - 1;
    if ((dt_doc_tok(doc, j)->flags & DT_TOK_POSS) && j > 0)
        j--;
    int jur = dt_actor_at(doc, j, NULL);
    if (jur < 0 || dt_entity_kind_of(doc, jur) != DT_ENT_COUNTRY)
        return;
    uint32_t s = dt_doc_tok(doc, c)->sentence;
    const dt_holding *before = NULL;
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->te <= c && h->person != m->entity && dt_doc_tok(doc, h->tb)->sentence == s &&
            (before == NULL || h->te > before->te))
            before = h;
    }
    if (before == NULL || before->jurisdiction == jur)
        return;
    dt_holding h = {0};
    h.person = m->entity;
    h.office = before->office;
    h.title = g_strdup(before->title);
    h.jurisdiction = jur;
    h.principal = -1;
    h.qualifiers = g_ptr_array_new();
    h.tb = j;
    h.te = m->te;
    g_array_append_val(doc->holdings, h);
}

static gboolean same_holding(const dt_holding *a, const dt_holding *b)
{
    if (a->person != b->person || a->office != b->office || a->jurisdiction != b->jurisdiction ||
        a->qualifiers->len != b->qualifiers->len)
        return FALSE;
    for (guint i = 0; i < a->qualifiers->len; i++)
        if (!g_ptr_array_find(b->qualifiers, g_ptr_array_index(a->qualifiers, i), NULL))
            return FALSE;
    return TRUE;
}

/* A holding without jurisdiction is dropped when the same person holds the
 * same office with one; exact repeats are merged. */
static void dedupe(dt_doc *doc)
{
    for (guint i = 0; i < doc->holdings->len;) {
        dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        gboolean drop = FALSE;
        for (guint j = 0; j < doc->holdings->len && !drop; j++) {
            const dt_holding *o = &g_array_index(doc->holdings, dt_holding, j);
            if (j == i || o->person != h->person || o->office != h->office)
                continue;
            if (h->jurisdiction < 0 && o->jurisdiction >= 0)
                drop = TRUE;
            else if (j < i && same_holding(h, o))
                drop = TRUE;
        }
        if (drop) {
            g_free(h->title);
            g_ptr_array_free(h->qualifiers, TRUE);
            g_array_remove_index(doc->holdings, i);
        } else {
            i++;
        }
    }
}

/* Country of a sentence that opens with a place: "In New Delhi, ..." */
static int sentence_country(dt_doc *doc, uint32_t tok)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, tok, &sb, &se);
    if (se - sb < 3 || !dt_doc_tok_is(doc, sb, "in"))
        return -1;
    int mi = doc->tokinfo[sb + 1].mention;
    if (mi < 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->lex == NULL || m->te >= se || !dt_doc_tok_is(doc, m->te, ","))
        return -1;
    const dt_lex_entry *c = m->lex->metonym_for ? m->lex->metonym_for : m->lex->country;
    return (c && c->cls == DT_LEX_COUNTRY) ? dt_entities_listed(doc, c) : -1;
}

/* "SEOUL, July 21 (Yonhap) -": the country of the city a story is filed
 * from, or -1.  A national office the text gives no country reads as the
 * dateline's: wire copy names foreign officials' countries. */
static int dateline_country(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    unsigned paragraphs = 0;
    /* the dateline opens the first or second paragraph (after the title) */
    for (uint32_t k = 0; k < n && paragraphs < 3; k++) {
        const dt_token *t = dt_doc_tok(doc, k);
        if (!(t->flags & DT_TOK_PARA))
            continue;
        paragraphs++;
        int mi = doc->tokinfo[k].mention;
        const dt_mention *m = mi >= 0 ? &g_array_index(doc->mentions, dt_mention, mi) : NULL;
        if (m == NULL || m->lex == NULL || !(t->flags & DT_TOK_ALLCAPS) || m->te >= n ||
            !(dt_doc_tok_is(doc, m->te, ",") || dt_doc_tok_is(doc, m->te, "(")))
            continue;
        const dt_lex_entry *c = m->lex->cls == DT_LEX_COUNTRY ? m->lex
                                : m->lex->metonym_for        ? m->lex->metonym_for
                                                             : m->lex->country;
        return (c && c->cls == DT_LEX_COUNTRY) ? dt_entities_listed(doc, c) : -1;
    }
    return -1;
}

/* The one country a sentence names outside quotes ("Ukraine was
 * represented by ... Foreign Minister X"), or -1 when it names none or
 * several. */
static int only_country_of_sentence(const dt_doc *doc, uint32_t tok, uint32_t *first)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, tok, &sb, &se);
    int found = -1;
    for (uint32_t k = sb; k < se; k++) {
        int e = dt_actor_at(doc, k, NULL);
        if (e < 0 || doc->tokinfo[k].quote >= 0 || dt_entity_kind_of(doc, e) != DT_ENT_COUNTRY)
            continue;
        /* "will travel to China", "visit Beijing": a sentence naming a
         * destination tells nothing of whom the office serves */
        if (k > sb && (dt_doc_tok_is(doc, k - 1, "to") || dt_doc_tok_is(doc, k - 1, "visit") ||
                       dt_doc_tok_is(doc, k - 1, "visits") || dt_doc_tok_is(doc, k - 1, "visiting") ||
                       dt_doc_tok_is(doc, k - 1, "visited")))
            return -1;
        if (found >= 0 && found != e)
            return -1;
        if (found < 0)
            *first = k;
        found = e;
    }
    return found;
}

/* "Army spokesman", "Foreign Ministry spokeswoman": the title names an
 * institution of a state. */
static gboolean institution_title(const dt_doc *doc, const dt_holding *h)
{
    for (uint32_t k = h->tb; k < h->te; k++)
        if (doc->tokinfo[k].institution_end > k)
            return TRUE;
    return FALSE;
}

/* "the Thai army", "Russia's foreign ministry": an institution noun
 * right after a country's mention ending at me. */
static gboolean names_institution(const dt_doc *doc, uint32_t me)
{
    if (me < dt_doc_ntok(doc) && (dt_doc_tok(doc, me)->flags & DT_TOK_POSS))
        me++;
    return me < dt_doc_ntok(doc) && doc->tokinfo[me].institution_end > me;
}

/* The country named nearest before token k (outside quotes) in its
 * sentence, else in the sentence before in the same paragraph; -1 if none. */
static int country_before(const dt_doc *doc, uint32_t k)
{
    uint32_t s = dt_doc_tok(doc, k)->sentence;
    const dt_sentence *cur = dt_text_sentence(doc->text, s);
    uint32_t lo = cur->tok_begin;
    if (s > 0 && dt_text_sentence(doc->text, s - 1)->paragraph == cur->paragraph)
        lo = dt_text_sentence(doc->text, s - 1)->tok_begin;
    for (uint32_t j = k; j > lo; j--) {
        if (doc->tokinfo[j - 1].quote >= 0)
            continue;
        uint32_t me = 0;
        int e = dt_actor_at(doc, j - 1, &me);
        /* the sentence before only with an institution or as an adjective:
         * "The Thai army remained sceptical. Army spokesman X said", "a
         * demand Iranian officials rejected", not "a deadline for Ukraine
         * to accept. Army Secretary Dan Driscoll ..." */
        if (e >= 0 && dt_entity_kind_of(doc, e) == DT_ENT_COUNTRY &&
            (j - 1 >= cur->tok_begin || names_institution(doc, me) ||
             g_array_index(doc->mentions, dt_mention, doc->tokinfo[j - 1].mention).kind == DT_MEN_DEMONYM))
            return e;
        /* "travelled to Beirut, where he met Parliament Speaker X" */
        int mi = doc->tokinfo[j - 1].mention;
        const dt_mention *m = mi >= 0 ? &g_array_index(doc->mentions, dt_mention, mi) : NULL;
        if (m && m->tb == j - 1 && m->locative && m->entity >= 0 &&
            dt_entity_kind_of(doc, m->entity) == DT_ENT_PLACE && m->lex && m->lex->country &&
            m->lex->country->cls == DT_LEX_COUNTRY)
            return dt_entities_listed((dt_doc *)doc, m->lex->country);
    }
    return -1;
}

/* "Sen. Laura Whitcomb, an Oregon Democrat,": the country of a region
 * named in the apposition after the holder's name, or -1. */
static int country_in_apposition(dt_doc *doc, const dt_holding *h)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, h->tb, &sb, &se);
    if (h->te >= se || !dt_doc_tok_is(doc, h->te, ","))
        return -1;
    for (uint32_t k = h->te + 1; k < se && k < h->te + 6 && !dt_doc_tok_is(doc, k, ","); k++) {
        int mi = doc->tokinfo[k].mention;
        const dt_mention *m = mi >= 0 ? &g_array_index(doc->mentions, dt_mention, mi) : NULL;
        if (m && m->tb == k && m->lex && m->lex->country && m->lex->country->cls == DT_LEX_COUNTRY &&
            (m->lex->cls == DT_LEX_CITY || m->lex->cls == DT_LEX_PLACE))
            return dt_entities_listed(doc, m->lex->country);
    }
    return -1;
}

/* "Kremlin spokesman Dmitry Peskov": a seat of government written in the
 * title stands for its government.  Returns the country, or -1. */
static int seat_in_title(dt_doc *doc, const dt_holding *h)
{
    for (uint32_t k = h->tb; k < h->te; k++) {
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_UPPER))
            continue;
        const dt_sense *s = dt_lexicon_find(doc->lex, dt_doc_tok(doc, k)->fold, DT_LEX_SEAT, -1);
        if (s && s->entry->metonym_for && s->entry->metonym_for->cls == DT_LEX_COUNTRY)
            return dt_entities_listed(doc, s->entry->metonym_for);
    }
    return -1;
}

/* "China summoned Japan's ambassador ... told Ambassador Kenji
 * Kanasugi": a title told before, within three sentences, with a country's
 * possessive or demonym ("the Japanese ambassador") gives that country.
 * The country, or -1. */
static int title_told_before(const dt_doc *doc, const dt_holding *h)
{
    if (h->title == NULL)
        return -1;
    const char *sp = strrchr(h->title, ' ');
    char *head = dt_casefold(sp ? sp + 1 : h->title);
    uint32_t s = dt_doc_tok(doc, h->tb)->sentence;
    uint32_t lo = dt_text_sentence(doc->text, s > 3 ? s - 3 : 0)->tok_begin;
    int found = -1;
    for (uint32_t k = h->tb; k > lo + 1 && found < 0; k--) {
        uint32_t t = k - 1;
        if (!dt_doc_tok_is(doc, t, head) || doc->tokinfo[t].quote >= 0)
            continue;
        uint32_t b = dt_doc_tok(doc, t - 1)->flags & DT_TOK_POSS ? t - 1 : t;
        int e = b > 0 ? dt_actor_at(doc, b - 1, NULL) : -1;
        if (e >= 0 && dt_entity_kind_of(doc, e) == DT_ENT_COUNTRY &&
            (b < t || g_array_index(doc->mentions, dt_mention, doc->tokinfo[b - 1].mention).kind == DT_MEN_DEMONYM))
            found = e;
    }
    g_free(head);
    return found;
}

/* A title without a jurisdiction takes one from context: the place the
 * sentence opens with, else (for offices of a state) the listed holder's
 * country, else the one country the sentence names. */
static void infer_jurisdictions(dt_doc *doc)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->jurisdiction < 0 && h->principal >= 0)
            h->jurisdiction = jurisdiction_of_person(doc, h->principal);
        if (h->jurisdiction >= 0)
            continue;
        h->jurisdiction = seat_in_title(doc, h);
        if (h->jurisdiction >= 0)
            continue;
        gboolean national = h->office->value && g_str_has_suffix(h->office->value, "#NationalOffice");
        if (!national) {
            /* "Russia ... responded coolly: Foreign Ministry spokeswoman
             * Maria Zakharova said", "The Thai army remained sceptical.
             * Army spokesman X said": a title naming a state institution
             * serves the country told nearest before it */
            if (institution_title(doc, h))
                h->jurisdiction = country_before(doc, h->tb);
            continue;
        }
        h->jurisdiction = sentence_country(doc, h->tb);
        if (h->jurisdiction >= 0)
            continue;
        const dt_entity *p = dt_doc_entity(doc, h->person);
        if (p->lex && p->lex->country && p->lex->country->cls == DT_LEX_COUNTRY)
            h->jurisdiction = dt_entities_listed(doc, p->lex->country);
        if (h->jurisdiction < 0)
            h->jurisdiction = country_in_apposition(doc, h);
        /* "SEOUL (Yonhap) - Vice Defense Minister Kim said ... after North
         * Korean soldiers crossed": a country named only after the holder
         * is what the sentence is about; the dateline's serves better */
        if (h->jurisdiction < 0)
            h->jurisdiction = title_told_before(doc, h);
        uint32_t first = 0;
        int only = h->jurisdiction < 0 ? only_country_of_sentence(doc, h->tb, &first) : -1;
        int dateline = h->jurisdiction < 0 ? dateline_country(doc) : -1;
        if (only >= 0 && dateline >= 0 && only != dateline && first >= h->te)
            only = -1;
        if (h->jurisdiction < 0)
            h->jurisdiction = only;
        if (h->jurisdiction < 0)
            h->jurisdiction = dateline;
    }
}

/* The first sentence of the body (after a headline), or UINT32_MAX. */
static uint32_t lede_sentence(const dt_doc *doc)
{
    for (uint32_t t = 0; t < dt_doc_ntok(doc); t++)
        if (!doc->tokinfo[t].headline && !doc->tokinfo[t].credit)
            return dt_doc_tok(doc, t)->sentence;
    return UINT32_MAX;
}

/* In [sb, se), an office title told with no name and reporting ("Pakistan's
 * defense minister said Friday ..."): its first token, with *oe after it,
 * or UINT32_MAX. */
static uint32_t unnamed_reporting_title(const dt_doc *doc, uint32_t sb, uint32_t se, uint32_t *oe)
{
    for (uint32_t k = sb; k < se; k++) {
        const dt_tokinfo *ti = &doc->tokinfo[k];
        if (ti->office < 0 || ti->quote >= 0 || ti->office_end >= se)
            continue;
        uint32_t e = ti->office_end;
        if (doc->tokinfo[e].mention >= 0 || !doc->tokinfo[e].reporting)
            continue;
        gboolean held = FALSE;
        for (guint h = 0; h < doc->holdings->len && !held; h++) {
            const dt_holding *hd = &g_array_index(doc->holdings, dt_holding, h);
            held = hd->tb <= k && hd->te > k;
        }
        if (!held) {
            *oe = e;
            return k;
        }
    }
    return UINT32_MAX;
}

/* "ISLAMABAD (AP) -- Pakistan's defense minister said Friday that ...
 * Khawaja Asif told Geo News ...": a lede that reports through a title
 * with no name, then a person named for the first time opening the next
 * sentence and reporting too, with no title of his own -- the wire
 * services' delayed identification.  That person holds the title. */
static gboolean identified_in(dt_doc *doc, uint32_t s)
{
    const dt_sentence *lede = dt_text_sentence(doc->text, s);
    uint32_t oe = 0;
    uint32_t ob = unnamed_reporting_title(doc, lede->tok_begin, lede->tok_end, &oe);
    if (ob == UINT32_MAX)
        return FALSE;
    const dt_sentence *next = dt_text_sentence(doc->text, s + 1);
    uint32_t b = next->tok_begin;
    int mi = b < next->tok_end ? doc->tokinfo[b].mention : -1;
    if (mi < 0)
        return FALSE;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->entity < 0 || dt_entity_kind_of(doc, m->entity) != DT_ENT_PERSON || m->te >= next->tok_end ||
        !doc->tokinfo[m->te].reporting)
        return FALSE;
    const dt_entity *person = dt_doc_entity(doc, m->entity);
    if (g_array_index(person->mentions, guint, 0) != (guint)mi)
        return FALSE; /* named before: the title is somebody else's */
    for (guint h = 0; h < doc->holdings->len; h++)
        if (g_array_index(doc->holdings, dt_holding, h).person == m->entity)
            return FALSE;
    int jur = -1;
    GPtrArray *quals = g_ptr_array_new();
    uint32_t tb = scan_modifiers_back(doc, ob, lede->tok_begin, &jur, quals);
    add_holding(doc, m->entity, ob, oe, jur, quals, tb, oe);
    return TRUE;
}

static void delayed_identification(dt_doc *doc)
{
    /* the lede, a headline before it ("..., Pakistani minister says") */
    uint32_t s0 = lede_sentence(doc);
    if (s0 == UINT32_MAX)
        return;
    for (uint32_t s = s0 > 0 ? s0 - 1 : 0; s <= s0 + 1 && s + 1 < dt_text_nsentences(doc->text); s++)
        if (identified_in(doc, s))
            return;
}

gboolean dt_offices_told_of(dt_doc *doc, int person, uint32_t ob, uint32_t oe)
{
    int jur = jurisdiction_of_person(doc, person);
    if (jur < 0)
        return FALSE;
    add_holding(doc, person, ob, oe, jur, NULL, ob, oe);
    return TRUE;
}

void dt_offices_find(dt_doc *doc)
{
    for (guint i = 0; i < doc->mentions->len; i++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (m->entity < 0 || person_at(doc, m->tb) != m->entity || m->in_quote)
            continue;
        guint before = doc->holdings->len;
        title_before(doc, m);
        if (doc->holdings->len == before)
            title_comma_name(doc, m);
        if (doc->holdings->len == before)
            title_over_list(doc, m);
        if (doc->holdings->len == before)
            counterpart(doc, m);
        title_after(doc, m);
    }
    delayed_identification(doc);
    infer_jurisdictions(doc);
    dedupe(doc);
}
