/* Facts: proposals.  A proposal mention is a trigger phrase of a kind
 * (ceasefire, security guarantees, sanctions, ...); within one article the
 * mentions of one kind are one proposal.  Its proposers come from stances
 * that propose it, possessives ("Egypt's plan"), compounds ("U.S.-brokered")
 * and mediation; the object of a proposal verb that names no known kind is
 * a proposal of its own ("called for the full dismantlement of ..."). */
#include "dt_proposals_internal.h"
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

static const dt_lex_entry *concept_lookup(const dt_doc *doc, const char *local)
{
    char *iri = g_strconcat(DT_NS, local, NULL);
    const dt_lex_entry *e = dt_lexicon_entry(doc->lex, iri);
    g_free(iri);
    return e;
}

/* The entry of a concept, remembered per thread by its local name (a copy:
 * callers need not pass literals), in a slot by its first two bytes: a
 * dozen names, asked for every stance and mention, and the IRI built and
 * looked up cost some 650 instructions. */
const dt_lex_entry *dt_pr_concept(const dt_doc *doc, const char *local)
{
    static _Thread_local struct {
        const dt_lexicon *lex;
        char local[32];
        const dt_lex_entry *entry;
    } cache[16];
    unsigned c0 = (unsigned char)local[0], c1 = c0 ? (unsigned char)local[1] : 0;
    unsigned slot = (c0 * 31u + c1) % G_N_ELEMENTS(cache);
    if (cache[slot].lex == doc->lex && strcmp(cache[slot].local, local) == 0)
        return cache[slot].entry;
    const dt_lex_entry *e = concept_lookup(doc, local);
    if (strlen(local) < sizeof cache[slot].local) {
        cache[slot].lex = doc->lex;
        strcpy(cache[slot].local, local);
        cache[slot].entry = e;
    }
    return e;
}

static int proposal_new(dt_doc *doc, const dt_lex_entry *kind, uint32_t tb, uint32_t te)
{
    dt_proposal *p = g_new0(dt_proposal, 1);
    p->kind = kind;
    p->proposers = g_array_new(FALSE, FALSE, sizeof(int));
    p->beneficiaries = g_array_new(FALSE, FALSE, sizeof(int));
    p->providers = g_array_new(FALSE, FALSE, sizeof(int));
    p->targets = g_array_new(FALSE, FALSE, sizeof(int));
    p->spans = g_array_new(FALSE, FALSE, sizeof(uint32_t));
    g_array_append_val(p->spans, tb);
    g_array_append_val(p->spans, te);
    p->label = dt_text_span(doc->text, tb, te, NULL, NULL);
    g_ptr_array_add(doc->proposals, p);
    return (int)doc->proposals->len - 1;
}

static int proposal_of_kind(dt_doc *doc, const dt_lex_entry *kind, uint32_t tb, uint32_t te)
{
    for (guint i = 0; i < doc->proposals->len; i++) {
        dt_proposal *p = g_ptr_array_index(doc->proposals, i);
        if (p->kind == kind) {
            g_array_append_val(p->spans, tb);
            g_array_append_val(p->spans, te);
            return (int)i;
        }
    }
    return proposal_new(doc, kind, tb, te);
}

/* A proposal of kind Other told with its content ("called for the full
 * dismantlement of ...", "a proposal to use frozen assets", "the demand
 * that Israel withdraw ..."): its own proposal, not the article's other
 * Other proposals -- unless it tells the same thing again.  Known kinds
 * stay one proposal per kind and article. */
static int proposal_with_content(dt_doc *doc, const dt_lex_entry *kind, uint32_t tb, uint32_t te)
{
    if (strcmp(kind->label, "other proposal") != 0)
        return proposal_of_kind(doc, kind, tb, te);
    char *label = dt_text_span(doc->text, tb, te, NULL, NULL);
    for (guint i = 0; i < doc->proposals->len; i++) {
        dt_proposal *p = g_ptr_array_index(doc->proposals, i);
        if (p->kind == kind && !g_ascii_strcasecmp(p->label, label)) {
            g_free(label);
            g_array_append_val(p->spans, tb);
            g_array_append_val(p->spans, te);
            return (int)i;
        }
    }
    g_free(label);
    return proposal_new(doc, kind, tb, te);
}

static gboolean proposal_noun(const dt_doc *doc, uint32_t i)
{
    /* the token's senses as lexicon matching kept them (the senses
     * dt_lexicon_find would probe for again), where it did */
    const dt_tokinfo *ti = &doc->tokinfo[i];
    if (ti->key_known) {
        for (guint k = 0; ti->key_senses && k < ti->key_senses->len; k++)
            if (((const dt_sense *)g_ptr_array_index(ti->key_senses, k))->entry->cls == DT_LEX_PROPOSAL_NOUN)
                return TRUE;
        return FALSE;
    }
    return dt_lexicon_find(doc->lex, dt_doc_tok(doc, i)->fold, DT_LEX_PROPOSAL_NOUN, -1) != NULL;
}

/* True when the proposal mention just made (the last of pms) reaches past
 * token t: t is inside it. */
static gboolean covered_by_last(const GArray *pms, uint32_t t)
{
    return pms->len && g_array_index(pms, pmention, pms->len - 1).te > t;
}

/* A mention [tb, te) of a peace agreement its words name ("the Pretoria
 * agreement", "a 28-point plan"). */
static void peace_agreement_mention(dt_doc *doc, GArray *pms, uint32_t tb, uint32_t te)
{
    pmention pm = {tb, te, proposal_of_kind(doc, dt_pr_concept(doc, "PeaceAgreement"), tb, te)};
    g_array_append_val(pms, pm);
    doc->last_proposal = pm.proposal;
}

static gboolean determiner(const dt_doc *doc, uint32_t i)
{
    return dt_doc_tok_is(doc, i, "a") || dt_doc_tok_is(doc, i, "an") || dt_doc_tok_is(doc, i, "the");
}

/* The possessor of the noun at token n: "Egypt's (new) plan", "her idea".
 * A possessive pronoun stands for the subject of its clause ("Meloni
 * returned to her idea").  -1 when none. */
static int possessor_of(const dt_doc *doc, uint32_t sb, uint32_t n)
{
    uint32_t p = n;
    /* one adjective between: "Egypt's new plan" */
    if (p > sb + 1 && !(dt_doc_tok(doc, p - 1)->flags & (DT_TOK_POSS | DT_TOK_UPPER)) &&
        !dt_doc_tok_is(doc, p - 1, "his") && !dt_doc_tok_is(doc, p - 1, "her") &&
        (dt_doc_tok(doc, p - 2)->flags & DT_TOK_POSS))
        p--;
    if (p <= sb)
        return -1;
    if (dt_doc_tok_is(doc, p - 1, "his") || dt_doc_tok_is(doc, p - 1, "her")) {
        if (doc->tokinfo[p - 1].quote >= 0)
            return -1;
        GArray *who = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_subjects_before(doc, sb, p - 1, who);
        int e = -1;
        for (guint i = 0; i < who->len && e < 0; i++)
            if (dt_entity_kind_of(doc, g_array_index(who, int, i)) == DT_ENT_PERSON)
                e = g_array_index(who, int, i);
        g_array_free(who, TRUE);
        return e >= 0 ? e : dt_person_subject_before(doc, p - 1);
    }
    if (p < sb + 2 || !(dt_doc_tok(doc, p - 1)->flags & DT_TOK_POSS))
        return -1;
    int e = dt_actor_at(doc, p - 2, NULL);
    if (e >= 0 && doc->tokinfo[p - 1].voice && doc->tokinfo[p - 1].office < 0 && doc->tokinfo[p - 1].mention < 0 &&
        dt_entity_kind_of(doc, e) == DT_ENT_PERSON) {
        /* "the Biden administration's offer": the government he leads */
        int g = dt_pr_government_of(doc, e);
        if (g >= 0)
            return g;
    }
    return e >= 0 && dt_pr_is_actor_kind(doc, e) && !dt_is_media(doc, e) ? e : -1;
}

/* The proposal noun that introduces the proposal mention starting at tb:
 * "plan for a ceasefire", "idea of a guarantee", "offer to hold talks", or
 * the mention itself when it is such a noun ("Qatar's proposal").  Returns
 * its token, or UINT32_MAX. */
/* "for", "of" or "on" right before j, not opening the sentence. */
static gboolean preposition_before(const dt_doc *doc, uint32_t sb, uint32_t j)
{
    return j > sb + 1 && (dt_doc_tok_is(doc, j - 1, "for") || dt_doc_tok_is(doc, j - 1, "of") ||
                          dt_doc_tok_is(doc, j - 1, "on"));
}

static uint32_t introducing_noun(const dt_doc *doc, uint32_t sb, const pmention *pm)
{
    /* "Qatar's proposal", "Egypt's ceasefire plan" (the noun is the head) */
    if (proposal_noun(doc, pm->tb) || (pm->te > pm->tb + 1 && proposal_noun(doc, pm->te - 1)))
        return pm->tb;
    uint32_t j = pm->tb;
    if (j > sb && determiner(doc, j - 1))
        j--;
    /* "proposal for a bilateral ceasefire": past an adjective or two, when
     * "for", "of" or "on" comes before them */
    uint32_t a = pm->tb;
    while (a > sb && a + 2 > pm->tb && (dt_doc_tok(doc, a - 1)->flags & DT_TOK_WORD) &&
           !(dt_doc_tok(doc, a - 1)->flags & DT_TOK_UPPER) && !doc->tokinfo[a - 1].function_word &&
           !determiner(doc, a - 1) && !doc->tokinfo[a - 1].polarity && !doc->tokinfo[a - 1].proposal)
        a--;
    if (a < pm->tb && a > sb && determiner(doc, a - 1))
        a--;
    if (a < j && preposition_before(doc, sb, a))
        j = a;
    if (preposition_before(doc, sb, j))
        j--;
    else if (j > sb + 2 && dt_doc_tok_is(doc, j - 2, "to"))
        j -= 2; /* "offer to hold talks" */
    else
        return UINT32_MAX;
    return j > sb && proposal_noun(doc, j - 1) ? j - 1 : UINT32_MAX;
}

/* "by the United States, Saudi Arabia, Egypt and the United Arab
 * Emirates": at i, "by" or "from" and a list of actors.  Returns the token
 * after the list (i when there is none); adds the actors to out (may be
 * NULL). */
uint32_t dt_pr_agent_list_after(const dt_doc *doc, uint32_t i, uint32_t se, GArray *out)
{
    if (i + 1 >= se || !(dt_doc_tok_is(doc, i, "by") || dt_doc_tok_is(doc, i, "from")))
        return i;
    uint32_t k = i + 1, end = i;
    while (k < se) {
        if (dt_doc_tok_is(doc, k, "the"))
            k++;
        k = dt_skip_so_called(doc, k, se);
        uint32_t me = k;
        int e = k < se ? dt_actor_at(doc, k, &me) : -1;
        if (e < 0 || !dt_pr_is_actor_kind(doc, e))
            break;
        if (out)
            dt_ints_add(out, e);
        end = k = me;
        if (k < se && (dt_doc_tok_is(doc, k, ",") || dt_doc_tok_is(doc, k, "and")))
            k++;
        if (k < se && dt_doc_tok_is(doc, k, "and"))
            k++;
    }
    return end;
}

static void add_proposer_stance(dt_doc *doc, int holder, const pmention *pm)
{
    dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
    dt_ints_add(prop->proposers, holder);
    dt_pr_add_stance(doc, holder, pm->proposal, dt_pr_concept(doc, "proposes"), pm->tb, pm->te, NULL);
}

/* "a European Commission proposal", "the Egyptian ceasefire proposal",
 * "the EU sanctions package" (the proposal's words starting at j): a body,
 * or a country named by its demonym
 * or its abbreviation, modifying the proposal after a determiner put it
 * forward.  A country's full name is as often what the proposal is about
 * ("the Ukraine peace plan"), and "Russian sanctions" are on Russia. */
static int attributive_proposer(const dt_doc *doc, uint32_t sb, const pmention *pm, uint32_t j)
{
    int mi = j > sb ? doc->tokinfo[j - 1].mention : -1;
    if (mi < 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->te != j || m->tb <= sb || !determiner(doc, m->tb - 1) || m->entity < 0 || dt_is_media(doc, m->entity) ||
        (dt_doc_tok(doc, m->te - 1)->flags & DT_TOK_POSS))
        return -1;
    dt_entity_kind kind = dt_entity_kind_of(doc, m->entity);
    if (kind == DT_ENT_ORG)
        return m->entity;
    const dt_proposal *p = g_ptr_array_index(doc->proposals, pm->proposal);
    const dt_token *first = dt_doc_tok(doc, m->tb);
    gboolean abbreviation = m->te == m->tb + 1 && ((first->flags & DT_TOK_ALLCAPS) || strchr(first->fold, '.'));
    if (kind == DT_ENT_COUNTRY && (m->kind == DT_MEN_DEMONYM || abbreviation) && strcmp(p->kind->label, "sanctions"))
        return m->entity;
    return -1;
}

/* Proposers named by a possessive rather than as a subject: "Egypt's plan
 * for a ceasefire", "her idea of a mutual-defence guarantee", "Qatar's
 * proposal", and "under Egypt's plan, a ceasefire would ...", which gives
 * Egypt every proposal told in the rest of the sentence. */
static void possessive_proposers(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    /* proposers only of the sentence's proposals ("under X's plan" too):
     * none, no search */
    if (pms->len == 0)
        return;
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        uint32_t n = introducing_noun(doc, sb, pm);
        int e = n == UINT32_MAX ? -1 : possessor_of(doc, sb, n);
        if (e < 0)
            e = attributive_proposer(doc, sb, pm, pm->tb);
        /* "the Egyptian proposal for a 60-day truce" */
        if (e < 0 && n != UINT32_MAX && n < pm->tb)
            e = attributive_proposer(doc, sb, pm, n);
        if (e >= 0)
            add_proposer_stance(doc, e, pm);
        /* "an offer from Washington to hold talks", "a proposal from
         * Qatar", "a proposal by the United States, Saudi Arabia ... for a
         * truce": the ones it comes from */
        GArray *agents = g_array_new(FALSE, FALSE, sizeof(int));
        uint32_t f = pm->te == pm->tb + 1 ? pm->te : pm->tb + 1;
        if (proposal_noun(doc, pm->tb))
            dt_pr_agent_list_after(doc, f, se, agents);
        /* "the ceasefire proposal from Qatar": after the head noun */
        if (agents->len == 0 && pm->te > pm->tb + 1 && proposal_noun(doc, pm->te - 1))
            dt_pr_agent_list_after(doc, pm->te, se, agents);
        uint32_t j = pm->tb;
        /* past its modifiers: "a three-month humanitarian truce" */
        while (j > sb && j + 4 > pm->tb && (dt_doc_tok(doc, j - 1)->flags & DT_TOK_WORD) &&
               !(dt_doc_tok(doc, j - 1)->flags & DT_TOK_UPPER) && !determiner(doc, j - 1) &&
               !dt_doc_tok_is(doc, j - 1, "for") && !dt_doc_tok_is(doc, j - 1, "of"))
            j--;
        if (j > sb && determiner(doc, j - 1))
            j--;
        if (agents->len == 0 && j > sb + 3 && (dt_doc_tok_is(doc, j - 1, "for") || dt_doc_tok_is(doc, j - 1, "of")))
            for (uint32_t b = j - 2; b > sb && b + 20 > j; b--)
                if ((dt_doc_tok_is(doc, b, "by") || dt_doc_tok_is(doc, b, "from")) && proposal_noun(doc, b - 1)) {
                    GArray *list = g_array_new(FALSE, FALSE, sizeof(int));
                    if (dt_pr_agent_list_after(doc, b, se, list) == j - 1)
                        g_array_append_vals(agents, list->data, list->len);
                    g_array_free(list, TRUE);
                    break;
                }
        for (guint a = 0; a < agents->len; a++)
            add_proposer_stance(doc, g_array_index(agents, int, a), pm);
        g_array_free(agents, TRUE);
    }
    for (uint32_t u = sb; u + 3 < se; u++) {
        if (!dt_doc_tok_is(doc, u, "under") || doc->tokinfo[u].quote >= 0)
            continue;
        uint32_t n = u + 1;
        while (n < se && n < u + 6 && !proposal_noun(doc, n))
            n++;
        int e = n < se && proposal_noun(doc, n) ? possessor_of(doc, u + 1, n) : -1;
        for (guint i = 0; e >= 0 && i < pms->len; i++) {
            const pmention *pm = &g_array_index(pms, pmention, i);
            if (pm->tb > n)
                add_proposer_stance(doc, e, pm);
        }
    }
}

/* The word `link` at k and one of `words` within the three after it. */
static gboolean word_soon_after(const dt_doc *doc, uint32_t k, const char *link, const char *const *words, uint32_t n)
{
    if (k + 1 >= n || !dt_doc_tok_is(doc, k, link))
        return FALSE;
    for (uint32_t w = k + 1; w < n && w < k + 4; w++)
        if (dt_doc_tok_in(doc, w, words))
            return TRUE;
    return FALSE;
}

/* "the written guarantees we asked for", "guarantees over its gas
 * supplies", "guarantees that it would not walk away from a deal": a bare
 * "guarantee(s)" that is written, financial, about something named after
 * it or a promise told in a clause is no security guarantee. */
static gboolean other_guarantee(const dt_doc *doc, uint32_t t, uint32_t te, uint32_t n)
{
    /* "the guarantees he needed": a relative clause says what they are */
    static const char *const about[] = {"over", "on", "about", "regarding", "concerning", "that",
                                        "he", "she", "it", "they", "we", "i", NULL};
    static const char *const kinds[] = {"written", "financial", "loan", "credit", "legal", "price", NULL};
    /* "a backstop for the loan", "guarantees for the bonds": money's */
    static const char *const money[] = {"loan", "loans", "bond", "bonds", "debt", "borrowing", "financing",
                                        "funding", "credit", "budget", "bank", "banks", "euro", NULL};
    if (te == t + 1 && (dt_doc_tok_is(doc, t, "backstop") || g_str_has_prefix(dt_doc_tok(doc, t)->fold, "guarantee")) &&
        word_soon_after(doc, te, "for", money, n))
        return TRUE;
    if (te != t + 1 || !g_str_has_prefix(dt_doc_tok(doc, t)->fold, "guarantee"))
        return FALSE;
    /* "full guarantees against legal and financial risks" */
    static const char *const risks[] = {"legal", "financial", "risk", "risks", "losses", "liability",
                                        "litigation", "lawsuits", "default", NULL};
    if (word_soon_after(doc, te, "against", risks, n))
        return TRUE;
    return (te < n && dt_doc_tok_in(doc, te, about)) || (t > 0 && dt_doc_tok_in(doc, t - 1, kinds));
}

/* "after winning concessions on energy prices", "trade concessions": a
 * bare "concession(s)" about something other than land is no territorial
 * concession.  Land is a territory word or a place named in the phrase
 * after it. */
static gboolean other_concession(const dt_doc *doc, uint32_t t, uint32_t te, uint32_t n)
{
    static const char *const about[] = {"on", "over", "about", "regarding", "concerning", NULL};
    static const char *const kinds[] = {"trade", "economic", "tariff", "price", "tax", "budget", "financial",
                                        "political", "energy", NULL};
    static const char *const land[] = {"land", "territory", "territories", "territorial", "region", "regions",
                                       "border", "borders", "frontline", "front", "line", "areas", NULL};
    if (te != t + 1 || !g_str_has_prefix(dt_doc_tok(doc, t)->fold, "concession"))
        return FALSE;
    if (t > 0 && dt_doc_tok_in(doc, t - 1, kinds))
        return TRUE;
    if (te >= n || !dt_doc_tok_in(doc, te, about))
        return FALSE;
    for (uint32_t k = te + 1; k < n && k < te + 6 && !dt_is_clause_break(doc, k); k++) {
        int mi = doc->tokinfo[k].mention;
        gboolean poss = mi >= 0 && g_array_index(doc->mentions, dt_mention, mi).te < n &&
                        (dt_doc_tok(doc, g_array_index(doc->mentions, dt_mention, mi).te)->flags & DT_TOK_POSS);
        if (dt_doc_tok_in(doc, k, land) || (mi >= 0 && !poss))
            return FALSE;
    }
    return TRUE;
}

/* "U.S.-brokered peace agreement", "Qatar-hosted talks": the actor before
 * the hyphen brokered or hosts it. */
static void mediator_compound(dt_doc *doc, uint32_t t, int proposal)
{
    static const char *const roles[] = {"brokered", "mediated", "drafted", "hosted", "led", "backed",
                                        "sponsored", "proposed", NULL};
    for (uint32_t k = t; k > 0 && k + 4 > t; k--) {
        const char *f = dt_doc_tok(doc, k - 1)->fold;
        const char *dash = strrchr(f, '-');
        const char *role = dash ? dash + 1 : f;
        gboolean hit = FALSE;
        for (int i = 0; roles[i] && !hit; i++)
            hit = dt_fold_eq(role, roles[i]);
        if (!hit)
            continue;
        int e = -1;
        if (dash == NULL && k >= 3 && dt_doc_tok_is(doc, k - 2, "-"))
            e = dt_actor_at(doc, k - 3, NULL); /* "U.S. - brokered" */
        else if (dash)
            e = -1; /* the actor is inside the token: match its prefix */
        if (dash) {
            char *prefix = g_strndup(f, dash - f);
            const dt_sense *s = NULL;
            const GPtrArray *senses = dt_lexicon_lookup(doc->lex, prefix);
            for (guint i = 0; senses && i < senses->len && !s; i++) {
                const dt_sense *c = g_ptr_array_index(senses, i);
                if (c->entry->cls == DT_LEX_COUNTRY || c->entry->cls == DT_LEX_ORG)
                    s = c;
            }
            if (s)
                e = dt_entities_listed(doc, s->entry);
            g_free(prefix);
        }
        if (e >= 0 && dt_pr_is_actor_kind(doc, e))
            dt_ints_add(((dt_proposal *)g_ptr_array_index(doc->proposals, proposal))->proposers, e);
        return;
    }
}

/* True when the folded tokens [b, e) are a trigger of the word list
 * `list` of the lexicon ("proposal-verbs", a dt:ProposalVerb): lists the
 * loader keeps no token flag for, found by their entry. */
static const dt_lex_entry *word_list_lookup(const dt_doc *doc, const char *list)
{
    char iri[160];
    size_t ns = sizeof DT_WORD_NS - 1, ll = strlen(list);
    if (ns + ll + 1 > sizeof iri)
        return NULL;
    memcpy(iri, DT_WORD_NS, ns);
    memcpy(iri + ns, list, ll + 1);
    return dt_lexicon_entry(doc->lex, iri);
}

/* The entry of a word list, remembered per thread by the address of its
 * name (the callers pass string literals): the probes run on many tokens,
 * and the IRI lookup would cost more than the probe. */
static const dt_lex_entry *word_list(const dt_doc *doc, const char *list)
{
    /* direct-mapped by a (Fibonacci) hash of the name's address, the one
     * slot to test: some 30 thousand calls a megabyte, a dozen names */
    static _Thread_local struct {
        const dt_lexicon *lex;
        const char *list;
        const dt_lex_entry *entry;
    } cache[64];
    unsigned slot = (unsigned)(((uintptr_t)list * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> 58);
    if (cache[slot].list == list && cache[slot].lex == doc->lex)
        return cache[slot].entry;
    const dt_lex_entry *entry = word_list_lookup(doc, list);
    cache[slot].lex = doc->lex;
    cache[slot].list = list;
    cache[slot].entry = entry;
    return entry;
}

static gboolean senses_in_list(const GPtrArray *senses, const dt_lex_entry *entry)
{
    for (guint i = 0; senses && i < senses->len; i++)
        if (((const dt_sense *)g_ptr_array_index(senses, i))->entry == entry)
            return TRUE;
    return FALSE;
}

static gboolean key_in_list(const dt_doc *doc, const char *key, const dt_lex_entry *entry)
{
    return senses_in_list(dt_lexicon_lookup(doc->lex, key), entry);
}

gboolean dt_pr_word_class_at(const dt_doc *doc, uint32_t b, uint32_t e, const char *list)
{
    const dt_lex_entry *entry = word_list(doc, list);
    if (entry == NULL)
        return FALSE;
    /* a few tokens, as nearly always: the lexicon is asked about them as
     * parts, hashed a token at a time, rather than about a joined copy */
    const char *parts[8];
    /* the first token's answer as lexicon matching kept it: no key starts
     * with it, or it is the whole key, or the hash to grow */
    const dt_tokinfo *bi = b < e ? &doc->tokinfo[b] : NULL;
    if (bi && bi->key_known && !bi->key_prefix)
        return FALSE;
    if (bi && bi->key_known && e - b == 1)
        return senses_in_list(bi->key_senses, entry);
    if (b < e && e - b <= G_N_ELEMENTS(parts)) {
        uint32_t h = bi->key_known ? bi->key_hash : dt_lexicon_hash_first(dt_doc_tok(doc, b)->fold);
        parts[0] = dt_doc_tok(doc, b)->fold;
        for (uint32_t k = b + 1; k < e; k++) {
            parts[k - b] = dt_doc_tok(doc, k)->fold;
            h = dt_lexicon_hash_next(h, parts[k - b]);
        }
        gboolean prefix;
        return senses_in_list(dt_lexicon_match_parts(doc->lex, parts, e - b, h, &prefix), entry);
    }
    GString *key = g_string_new(NULL);
    for (uint32_t k = b; k < e; k++) {
        if (k > b)
            g_string_append_c(key, ' ');
        g_string_append(key, dt_doc_tok(doc, k)->fold);
    }
    gboolean hit = key_in_list(doc, key->str, entry);
    g_string_free(key, TRUE);
    return hit;
}

/* 'a "surrender"': the word at w with the article before it, across the
 * quote mark between them, is in the list. */
gboolean dt_pr_article_word_in_class(const dt_doc *doc, uint32_t article, uint32_t w, const char *list)
{
    const dt_lex_entry *entry = word_list(doc, list);
    if (entry == NULL)
        return FALSE;
    char *key = g_strconcat(dt_doc_tok(doc, article)->fold, " ", dt_doc_tok(doc, w)->fold, NULL);
    gboolean hit = key_in_list(doc, key, entry);
    g_free(key);
    return hit;
}

/* The longest trigger of the list starting at b.  It runs on every token
 * of some sentences, so it grows the key a token at a time and stops as
 * soon as no lexicon key starts so; most tokens cost one prefix probe. */
uint32_t dt_pr_word_class_starts(const dt_doc *doc, uint32_t b, uint32_t se, const char *list)
{
    if (b >= se)
        return 0;
    /* One probe a length answers both questions, whether some key starts
     * with the tokens and whether they are a key of the list, and the
     * key's hash grows a token at a time: no key is joined or hashed
     * again.  The key would have been built in 256 bytes; one longer is
     * no trigger. */
    const char *parts[6];
    parts[0] = dt_doc_tok(doc, b)->fold;
    /* the first token's answer as lexicon matching kept it, when it did */
    const dt_tokinfo *bi = &doc->tokinfo[b];
    uint32_t h;
    gboolean prefix;
    const GPtrArray *senses;
    if (bi->key_known) {
        h = bi->key_hash;
        prefix = bi->key_prefix;
        senses = bi->key_senses;
    } else {
        h = dt_lexicon_hash_first(parts[0]);
        senses = dt_lexicon_match_parts(doc->lex, parts, 1, h, &prefix);
    }
    if (!prefix)
        return 0;
    const dt_lex_entry *entry = word_list(doc, list);
    if (entry == NULL)
        return 0;
    size_t kl = strlen(parts[0]);
    if (kl + 2 > 256)
        return 0;
    uint32_t best = senses_in_list(senses, entry) ? 1 : 0;
    for (uint32_t len = 2; len <= G_N_ELEMENTS(parts) && b + len <= se; len++) {
        const char *f = dt_doc_tok(doc, b + len - 1)->fold;
        size_t fl = strlen(f);
        if (kl + fl + 2 > 256)
            break;
        kl += 1 + fl;
        parts[len - 1] = f;
        h = dt_lexicon_hash_next(h, f);
        senses = dt_lexicon_match_parts(doc->lex, parts, len, h, &prefix);
        if (!prefix)
            break;
        if (senses_in_list(senses, entry))
            best = len;
    }
    return best;
}

/* Words that end the object of a verb: a new clause begins. */
static gboolean clause_word(const dt_doc *doc, uint32_t i)
{
    static const char *const words[] = {"that", "which", "who", "while", "because", "but", "after",
                                        "before", "when", "if", "unless", "as", "since", "although",
                                        "though", "whereas", "until", NULL};
    if (dt_doc_tok_in(doc, i, words))
        return TRUE;
    return FALSE;
}

/* "proposed military talks with North Korea to prevent accidental
 * clashes": an infinitive after a phrase of its own says what for, and is
 * no part of the proposal's words ("urged Eritrea to stay out of" is). */
static gboolean purpose_at(const dt_doc *doc, uint32_t ob, uint32_t k, uint32_t se)
{
    if (k < ob + 3 || k + 1 >= se || !dt_doc_tok_is(doc, k, "to"))
        return FALSE;
    const dt_token *v = dt_doc_tok(doc, k + 1);
    if (!(v->flags & DT_TOK_WORD) || (v->flags & DT_TOK_UPPER) || doc->tokinfo[k + 1].function_word ||
        doc->tokinfo[k + 1].mention >= 0)
        return FALSE;
    /* the phrase before names the thing proposed (talks, a plan), not whom
     * it asks to act ("urged President Gustavo Petro to suspend") */
    for (uint32_t j = ob; j < k; j++)
        if (doc->tokinfo[j].event_type || proposal_noun(doc, j))
            return TRUE;
    return FALSE;
}

/* End of the object phrase of a verb ending at token ob: up to a clause
 * break, a clause word, another stance or reporting verb, or twelve
 * tokens. */
/* "on Monday", "last week", "in March", "yesterday": a time adverbial
 * starts at k; it tells when something was said or done, not what. */
static gboolean time_adverbial_at(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const alone[] = {"yesterday", "today", "tomorrow", "tonight", NULL};
    static const char *const openers[] = {"on", "last", "next", "this", "earlier", "later", "in", NULL};
    static const char *const times[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday", "week", "weekend", "month", "year", "january", "february",
                                        "march", "april", "may", "june", "july", "august", "september",
                                        "october", "november", "december", NULL};
    if (dt_doc_tok_in(doc, k, alone))
        return TRUE;
    if (k + 1 >= se || !dt_doc_tok_in(doc, k, openers))
        return FALSE;
    /* "in May" (but not "in the region") */
    return dt_doc_tok_in(doc, k + 1, times) &&
           (!dt_doc_tok_is(doc, k + 1, "may") || (dt_doc_tok(doc, k + 1)->flags & DT_TOK_UPPER));
}

static uint32_t object_end(const dt_doc *doc, uint32_t ob, uint32_t se)
{
    uint32_t k = ob;
    /* a stance word after a determiner is an adjective: "a negotiated
     * solution", "the proposed exchange" */
    static const char *const finite[] = {"was", "is", "were", "are", "has", "had", "have", "will", "would",
                                         NULL};
    while (k < se && k < ob + 12) {
        /* a quoted stretch inside the object is part of it: 'called for a
         * "comprehensive, just and lasting" peace' */
        int q = doc->tokinfo[k].quote;
        if (q >= 0 && doc->tokinfo[ob].quote < 0) {
            const dt_quote *qq = &g_array_index(doc->quotes, dt_quote, q);
            if (qq->open_tok == k && qq->close_tok + 1 < se && qq->close_tok < ob + 12) {
                k = qq->close_tok + 1;
                continue;
            }
        }
        /* "talks with N. Korea": the dot of an abbreviation inside a name */
        gboolean name_dot = doc->tokinfo[k].mention >= 0 && k > ob && doc->tokinfo[k - 1].mention == doc->tokinfo[k].mention;
        if (dt_is_clause_break(doc, k) || clause_word(doc, k) || (dt_doc_tok_is(doc, k, ".") && !name_dot) ||
            (k > ob && time_adverbial_at(doc, k, se)) ||
            (k > ob && dt_doc_tok_in(doc, k, finite)) ||
            (k > ob && ((doc->tokinfo[k].polarity && !determiner(doc, k - 1)) || dt_pr_reporting_at(doc, k))) ||
            purpose_at(doc, ob, k, se))
            break;
        k++;
    }
    /* "a meeting ... early next year": the time's first word too */
    if (k > ob + 1 && k < se && time_adverbial_at(doc, k, se) &&
        (dt_doc_tok_is(doc, k - 1, "early") || dt_doc_tok_is(doc, k - 1, "late")))
        k--;
    /* never inside a name: "to dissolve the Minsk Group" */
    int mi = k < se && k > ob ? doc->tokinfo[k].mention : -1;
    if (mi >= 0 && doc->tokinfo[k - 1].mention == mi)
        k = g_array_index(doc->mentions, dt_mention, mi).te;
    return k;
}

/* True when [b, e) has a content word that names no actor: "Trump" alone
 * is no proposal, "Eritrea to stay out of ..." is. */
static gboolean has_content(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        const dt_token *tok = dt_doc_tok(doc, k);
        if ((tok->flags & DT_TOK_WORD) && doc->tokinfo[k].mention < 0 && !doc->tokinfo[k].function_word &&
            !dt_is_pronoun(doc, k) && !dt_doc_tok_is(doc, k, "them") && !dt_doc_tok_is(doc, k, "us"))
            return TRUE;
    }
    return FALSE;
}

/* "the United States could help", "he would": the object of the verb is a
 * clause (a subject and an auxiliary), not a noun phrase. */
static gboolean clause_after_subject(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const aux[] = {"could", "would", "will", "should", "must", "might", "may",
                                      "can", "had", "has", "have", "is", "was", "were", "are", NULL};
    uint32_t k = b;
    if (k < e && determiner(doc, k))
        k++;
    if (k >= e)
        return FALSE;
    uint32_t me = k + 1;
    if (doc->tokinfo[k].mention >= 0)
        me = g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention).te;
    else if (!dt_is_pronoun(doc, k) && !dt_doc_tok_is(doc, k, "they") && !dt_doc_tok_is(doc, k, "it") &&
             !dt_doc_tok_is(doc, k, "we"))
        return FALSE;
    for (int i = 0; me < e && aux[i]; i++)
        if (dt_doc_tok_is(doc, me, aux[i]))
            return TRUE;
    return FALSE;
}

/* Talks or a meeting in [b, e): a negotiation format, not another proposal.
 * "offered to host a second meeting", "urged the sides to meet". */
static gboolean names_negotiation(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        const dt_lex_entry *ev = doc->tokinfo[k].event_type;
        if (ev && (g_str_has_suffix(ev->iri, "#Talks") || g_str_has_suffix(ev->iri, "#Meeting") ||
                   g_str_has_suffix(ev->iri, "#Summit")))
            return TRUE;
        if ((k == b || dt_doc_tok_is(doc, k - 1, "to")) && dt_pr_word_class_starts(doc, k, e, "meeting-verbs"))
            return TRUE;
    }
    return FALSE;
}

/* The country an actor or a place belongs to, as a lexicon entry. */
static const dt_lex_entry *country_entry(const dt_doc *doc, int e)
{
    if (e < 0)
        return NULL;
    const dt_entity *en = dt_doc_entity(doc, e);
    if (dt_entity_kind_of(doc, e) == DT_ENT_COUNTRY)
        return en->lex;
    return en->country;
}

/* A region of the actor's own country named at p, past the words of a
 * portion ("the parts of the Donetsk region it still controls", "the rest
 * of Donbas"), before e. */
static gboolean own_region_at(const dt_doc *doc, int actor, uint32_t p, uint32_t e)
{
    static const char *const portions[] = {"the", "parts", "part", "rest", "remainder", "areas", "all",
                                           "of", "remaining", "its", "whole", "entire", NULL};
    uint32_t start = p;
    while (p < e && p < start + 6 && dt_doc_tok_in(doc, p, portions))
        p++;
    int place = p < e ? dt_actor_at(doc, p, NULL) : -1;
    const dt_lex_entry *own = country_entry(doc, actor);
    return place >= 0 && dt_entity_kind_of(doc, place) == DT_ENT_PLACE && own && country_entry(doc, place) == own;
}

/* "that Kyiv withdraw from the Donetsk region", "for Armenia to pull out
 * of Karabakh": an actor leaving a region of its own country is a
 * territorial concession ("Israel to withdraw from southern Lebanon" is
 * not).  Looks in [b, e). */
static gboolean own_territory_withdrawal(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const leaving[] = {"withdraw", "withdraws", "withdrawing", "withdrawal", "withdrew",
                                          "pull", "pulls", "pulling", "pulled", "leave", "leaves", "leaving",
                                          "left", "retreat", "retreats", "retreated", "vacate", "vacates",
                                          "vacated", NULL};
    /* "leave the Donbas", "vacate the rest of Donetsk": the place is the
     * verb's direct object */
    static const char *const leaving_transitive[] = {"leave", "leaves", "leaving", "left", "vacate", "vacates",
                                                     "vacated", NULL};
    int actor = -1;
    for (uint32_t k = b; k < e; k++) {
        int a = dt_actor_at(doc, k, NULL);
        if (a >= 0 && dt_entity_kind_of(doc, a) != DT_ENT_PLACE && actor < 0)
            actor = a;
        if (!dt_doc_tok_in(doc, k, leaving) || actor < 0)
            continue;
        if (dt_doc_tok_in(doc, k, leaving_transitive))
            return own_region_at(doc, actor, k + 1, e);
        /* "pull its troops out of Donbas" */
        for (uint32_t f = k + 1; f < e && f < k + 5; f++)
            if (dt_doc_tok_is(doc, f, "from") || dt_doc_tok_is(doc, f, "of"))
                return own_region_at(doc, actor, f + 1, e);
    }
    return FALSE;
}

/* "that Ukraine withdraw", "that Israel halt its strikes": an actor and a
 * bare verb (the mandative subjunctive) open the clause at ob. */
static gboolean mandative_clause(const dt_doc *doc, uint32_t ob, uint32_t se)
{
    static const char *const not_bare[] = {"is", "was", "are", "were", "has", "had", "have", "will", "would",
                                           "could", "can", "should", "must", "might", "may", "did", "does",
                                           "do", "be", NULL};
    uint32_t me = 0;
    if (ob >= se || dt_actor_at(doc, ob, &me) < 0 || me >= se)
        return FALSE;
    const dt_token *v = dt_doc_tok(doc, me);
    if (!(v->flags & DT_TOK_WORD) || (v->flags & DT_TOK_UPPER) || doc->tokinfo[me].function_word ||
        dt_doc_tok_in(doc, me, not_bare))
        return FALSE;
    return !g_str_has_suffix(v->fold, "s") && !g_str_has_suffix(v->fold, "ed") && !g_str_has_suffix(v->fold, "ing");
}

/* "to contribute troops", "to send soldiers to Ukraine" at ob: the end of
 * the troops' noun, or 0. */
static uint32_t troops_offered(const dt_doc *doc, uint32_t ob, uint32_t se)
{
    static const char *const sending[] = {"send", "contribute", "deploy", "provide", "commit", "station",
                                          "dispatch", NULL};
    static const char *const armed[] = {"troops", "soldiers", "forces", "peacekeepers", "personnel",
                                        "contingent", NULL};
    uint32_t v = ob < se && dt_doc_tok_is(doc, ob, "to") ? ob + 1 : ob;
    if (v >= se || !dt_doc_tok_in(doc, v, sending))
        return 0;
    for (uint32_t k = v + 1; k < se && k < v + 5; k++) {
        if (dt_doc_tok_in(doc, k, armed))
            return k + 1;
        if (dt_is_clause_break(doc, k) || doc->tokinfo[k].proposal)
            return 0;
    }
    return 0;
}

/* "urged the US leader not to strike a deal": a wish that something not
 * be done, within the object [ob, oe), puts nothing forward. */
static gboolean negated_wish(const dt_doc *doc, uint32_t ob, uint32_t oe)
{
    for (uint32_t k = ob; k + 1 < oe && k < ob + 6; k++)
        if ((dt_doc_tok_is(doc, k, "not") || dt_doc_tok_is(doc, k, "never")) && dt_doc_tok_is(doc, k + 1, "to"))
            return TRUE;
    return FALSE;
}

/* "called on" [t, ve) with an object [ob, oe) and no "to" in it: a
 * courtesy visit (South Asian official English), not an appeal. */
static gboolean calling_on_visit(const dt_doc *doc, uint32_t t, uint32_t ve, uint32_t ob, uint32_t oe)
{
    if (ve != t + 2 || !dt_doc_tok_is(doc, t + 1, "on"))
        return FALSE;
    for (uint32_t k = ob; k < oe; k++)
        if (dt_doc_tok_is(doc, k, "to"))
            return FALSE;
    return TRUE;
}

/* "Waltz has called for the full dismantlement of Iran's nuclear program",
 * "Obasanjo urged Eritrea to stay out of Tigray's disputes", "Lula offered
 * to host a second meeting": a proposal verb (dt:ProposalVerb) whose
 * object names no known kind still has a proposal for its object, of kind
 * Other, or NegotiationFormat when the object is talks or a meeting.  A
 * verb of meeting after a stance verb ("agreed to meet again", "ready to
 * meet") tells a negotiation format too. */
static void open_proposals(dt_doc *doc, GArray *pms, uint32_t sb, uint32_t se)
{
    for (uint32_t t = dt_next_polarity(doc, sb, se); t < se; t = dt_next_polarity(doc, t + 1, se)) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->polarity || ti->headline)
            continue;
        if (t > sb && determiner(doc, t - 1))
            continue; /* "the proposed exchange", "an offer" */
        /* "only if its demands were met": a noun after a possessive, its
         * content untold ("its demands for a withdrawal" tells it) */
        static const char *const possessives[] = {"its", "their", "our", "his", "my", "your", NULL};
        static const char *const content[] = {"for", "that", "to", "of", NULL};
        if (t > sb && dt_doc_tok_in(doc, t - 1, possessives) &&
            !(ti->polarity_end < se && dt_doc_tok_in(doc, ti->polarity_end, content)))
            continue;
        uint32_t ve = ti->polarity_end;
        gboolean open_verb = dt_pr_word_class_at(doc, t, ve, "proposal-verbs");
        uint32_t ob = ve;
        if (ob < se && dt_doc_tok_is(doc, ob, "that"))
            ob++; /* "demanded that Israel withdraw" */
        /* "insists that Ukraine withdraw": a demand, where "insisted that the
         * talks were going well" is a claim -- the bare verb tells them apart */
        if (!open_verb && ob > ve && mandative_clause(doc, ob, se))
            open_verb = dt_doc_tok_is(doc, t, "insists") || dt_doc_tok_is(doc, t, "insisted") ||
                        dt_doc_tok_is(doc, t, "insist") || dt_doc_tok_is(doc, t, "insisting");
        /* "wants Ukraine to withdraw from the Donetsk region", "would stop
         * fighting only if Kyiv pulled out of Donbas": asking an actor to
         * leave land of its own, as a wish or as a condition */
        if (!open_verb && (!strcmp(ti->polarity->label, "proposes") || !strcmp(ti->polarity->label, "conditions")) &&
            own_territory_withdrawal(doc, ob, object_end(doc, ob, se)))
            open_verb = TRUE;
        if (!open_verb && !strcmp(ti->polarity->label, "conditions"))
            continue; /* a condition opens nothing else */
        /* "offered to contribute troops", "agreed to send soldiers": troops
         * offered are a security guarantee (the force told, if one was) */
        uint32_t troops_end = open_verb || !strcmp(ti->polarity->label, "proposes") ||
                                      !strcmp(ti->polarity->label, "accepts")
                                  ? troops_offered(doc, ob, se)
                                  : 0;
        if (troops_end) {
            pmention pm = {ob, troops_end,
                           proposal_with_content(doc, dt_pr_concept(doc, "SecurityGuarantee"), ob, troops_end)};
            g_array_append_val(pms, pm);
            continue;
        }
        gboolean meeting = ob + 1 < se && dt_doc_tok_is(doc, ob, "to") &&
                           dt_pr_word_class_starts(doc, ob + 1, se, "meeting-verbs");
        meeting = meeting || (ve > t + 1 && dt_pr_word_class_starts(doc, ve - 1, se, "meeting-verbs"));
        /* "ruled out sitting down with Daglo", "refused negotiating" */
        meeting = meeting || (ob < se && g_str_has_suffix(dt_doc_tok(doc, ob)->fold, "ing") &&
                              dt_pr_word_class_starts(doc, ob, se, "meeting-verbs"));
        /* "agreed to" + "meet Zelenskyy": the trigger ends with "to" */
        meeting = meeting || (ve > t + 1 && dt_doc_tok_is(doc, ve - 1, "to") && ob < se &&
                              dt_pr_word_class_starts(doc, ob, se, "meeting-verbs"));
        /* "EU leaders agreed to lend Ukraine 90 billion euros": what one
         * agrees to give is put forward */
        gboolean offered = !open_verb && !meeting && !strcmp(ti->polarity->label, "accepts") &&
                           dt_pr_offers_after(doc, ve, se);
        if (!open_verb && !meeting && !offered)
            continue;
        GArray *agents = g_array_new(FALSE, FALSE, sizeof(int));
        dt_voice v = dt_pr_voice_of(doc, t, ve, sb, se, agents);
        g_array_free(agents, TRUE);
        uint32_t oe = object_end(doc, ob, se);
        /* a known proposal in the object, or right after a list of
         * adjectives ("robust, Article 5-like security guarantees") */
        gboolean known = FALSE;
        for (guint i = 0; i < pms->len && !known; i++) {
            const pmention *p = &g_array_index(pms, pmention, i);
            known = p->tb >= ve && p->tb < MAX(oe, ve + 8);
        }
        if (v != DT_ACTIVE || known || dt_pr_anaphoric_object(doc, ob, oe))
            continue;
        /* "urged ministers to approve the deal": the inner verb governs;
         * "suggested the US could help", "urged them not to": a reported
         * clause or a negated wish, no proposal of its own */
        if (oe < se && doc->tokinfo[oe].polarity)
            continue;
        if (clause_after_subject(doc, ob, oe) || dt_pr_negated_before(doc, MIN(oe, ob + 3), ob) ||
            negated_wish(doc, ob, oe))
            continue;
        /* "urged both countries to fully comply with it": what is asked
         * of them is the proposal told before, no new one */
        if (oe > ob + 2 && dt_doc_tok_is(doc, oe - 1, "it") && doc->last_proposal >= 0)
            continue;
        /* "had not demanded any amendments": nothing was put forward */
        if (dt_pr_negated_before(doc, t, sb) || (ob < oe && dt_doc_tok_is(doc, ob, "any")))
            continue;
        /* "which Qatar proposed last week": a time, no object */
        if (!meeting && (oe <= ob || !has_content(doc, ob, oe) || time_adverbial_at(doc, ob, se)))
            continue;
        const char *kind = meeting || names_negotiation(doc, ob, oe) ? "NegotiationFormat"
                           : own_territory_withdrawal(doc, ob, oe)   ? "TerritorialConcession"
                                                                     : "Other";
        /* "called on Prime Minister Narendra Modi at his residence": a
         * visit; "called on Russia to ..." asks for something */
        if (calling_on_visit(doc, t, ve, ob, oe))
            continue;
        /* "urged Petro to suspend the talks" proposes no talks */
        gboolean ending = FALSE;
        for (uint32_t k = ob; k < oe && !ending && !meeting; k++)
            ending = dt_pr_word_class_starts(doc, k, oe, "removal-verbs") > 0;
        if (ending && !strcmp(kind, "NegotiationFormat"))
            continue;
        uint32_t lb = meeting && oe <= ob ? t : ob, le = oe > ob ? oe : ve;
        pmention pm = {lb, le, proposal_with_content(doc, dt_pr_concept(doc, kind), lb, le)};
        g_array_append_val(pms, pm);
    }
}

/* "Brazil offered to host new talks. Venezuela welcomed the offer.": once
 * a sentence is read, the proposal told last in it is the one later
 * sentences refer back to -- an open one too (not before: "the Quad, which
 * drafted the plan, has called for a transition" refers to an earlier
 * plan). */
static void told_last(dt_doc *doc, const GArray *pms)
{
    uint32_t tb = 0;
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        if (pm->proposal >= 0 && (i == 0 || pm->tb >= tb)) {
            tb = pm->tb;
            doc->last_proposal = pm->proposal;
        }
    }
}

/* In [n, MIN(end, limit)): the end of a noun of talks or a meeting
 * ("negotiations", "talks" after "the"), 0 when there is none, or
 * UINT32_MAX when a proposal the lexicon told comes first. */
static uint32_t talks_noun_end(const dt_doc *doc, uint32_t n, uint32_t end, uint32_t limit)
{
    for (uint32_t e = n; e < limit && e < end; e++) {
        const dt_lex_entry *ev = doc->tokinfo[e].event_type;
        if (doc->tokinfo[e].proposal)
            return UINT32_MAX;
        if (ev && (g_str_has_suffix(ev->iri, "#Talks") || g_str_has_suffix(ev->iri, "#Meeting")))
            return e + 1;
    }
    return 0;
}

/* A negotiation format told by the talks in [b, e). */
static void negotiation_mention(dt_doc *doc, GArray *pms, uint32_t b, uint32_t e)
{
    pmention pm = {b, e, proposal_with_content(doc, dt_pr_concept(doc, "NegotiationFormat"), b, e)};
    g_array_append_val(pms, pm);
}

/* "rejected any talks that ignored ...", "ruled out any negotiations
 * with", "welcomed new talks": talks as the object of a stance verb, told
 * as not yet held ("any", "new", "further", "fresh", "more"), are a
 * negotiation format. */
static void talks_as_object(dt_doc *doc, GArray *pms, uint32_t sb, uint32_t se)
{
    static const char *const unheld[] = {"any", "new", "further", "fresh", "more", NULL};
    for (uint32_t t = dt_next_polarity(doc, sb, se); t < se; t = dt_next_polarity(doc, t + 1, se)) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->polarity || ti->headline || !strcmp(ti->polarity->label, "conditions"))
            continue;
        uint32_t k = ti->polarity_end;
        if (k + 1 >= se || !dt_doc_tok_in(doc, k, unheld))
            continue;
        uint32_t e = talks_noun_end(doc, k + 1, k + 3, se);
        if (e > 0 && e != UINT32_MAX)
            negotiation_mention(doc, pms, k, e);
    }
}

/* "the group would take part in negotiations only if Israel halted its
 * strikes", "would return to the talks if ...": talks one would join on a
 * condition are a negotiation format (the stances read the condition). */
static void conditional_participation(dt_doc *doc, GArray *pms, uint32_t sb, uint32_t se)
{
    uint32_t cond = se;
    for (uint32_t t = dt_next_polarity(doc, sb, se); t < se && cond == se; t = dt_next_polarity(doc, t + 1, se))
        if (doc->tokinfo[t].polarity && !strcmp(doc->tokinfo[t].polarity->label, "conditions") &&
            !dt_doc_tok_is(doc, doc->tokinfo[t].polarity_end, "of"))
            cond = t;
    if (cond == se)
        return;
    for (uint32_t k = sb; k + 1 < cond; k++) {
        uint32_t vl = dt_pr_word_class_starts(doc, k, cond, "participation-verbs");
        if (vl == 0)
            continue;
        /* "will not return to negotiations until ...": a refusal */
        if (dt_pr_negated_before(doc, k, sb))
            return;
        uint32_t n = k + vl;
        if (n < cond && dt_doc_tok_is(doc, n, "the"))
            n++;
        uint32_t e = talks_noun_end(doc, n, n + 3, cond);
        if (e == UINT32_MAX)
            return; /* told by the lexicon: the stances have it */
        if (e > 0) {
            negotiation_mention(doc, pms, n, e);
            return;
        }
    }
}

/* Who recommends what the modal at k says others should do: the speaker of
 * the quote holding it, or the subject of a reporting verb before it. */
static GArray *recommenders(const dt_doc *doc, uint32_t sb, uint32_t k)
{
    GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
    int q = doc->tokinfo[k].quote;
    if (q >= 0) {
        int speaker = g_array_index(doc->quotes, dt_quote, q).speaker;
        if (speaker >= 0)
            g_array_append_val(holders, speaker);
    } else {
        for (uint32_t r = k; r > sb && holders->len == 0; r--)
            if (dt_pr_reporting_at(doc, r - 1) && doc->tokinfo[r - 1].quote < 0) {
                dt_pr_subjects_before(doc, sb, r - 1, holders);
                break;
            }
    }
    return holders;
}

/* "Ruto said the generals should meet in person", "\"The two sides must
 * sit down,\" Erdogan said": recommending that others meet proposes a
 * negotiation format; the one who says so -- the reporter, the speaker --
 * proposes it. */
static void recommended_meetings(dt_doc *doc, GArray *pms, uint32_t sb, uint32_t se)
{
    static const char *const modals[] = {"should", "must", NULL};
    for (uint32_t k = sb; k + 1 < se; k++) {
        const char c0 = dt_doc_tok(doc, k)->fold[0]; /* runs on every token: one byte first */
        if ((c0 != 's' && c0 != 'm') || !dt_doc_tok_in(doc, k, modals) || doc->tokinfo[k].headline)
            continue;
        uint32_t v = k + 1, len = dt_pr_word_class_starts(doc, v, se, "meeting-verbs");
        if (len == 0 && v + 1 < se && !(dt_doc_tok(doc, v)->flags & DT_TOK_UPPER) && doc->tokinfo[v].function_word == FALSE &&
            !dt_pr_negated_before(doc, v + 1, k))
            len = dt_pr_word_class_starts(doc, ++v, se, "meeting-verbs"); /* "should soon meet" */
        if (len == 0 || dt_pr_negated_before(doc, v, k))
            continue;
        GArray *holders = recommenders(doc, sb, k);
        if (holders->len) {
            pmention pm = {v, v + len, proposal_of_kind(doc, dt_pr_concept(doc, "NegotiationFormat"), v, v + len)};
            g_array_append_val(pms, pm);
            for (guint h = 0; h < holders->len; h++)
                if (g_array_index(holders, int, h) >= 0)
                    add_proposer_stance(doc, g_array_index(holders, int, h), &pm);
        }
        g_array_free(holders, TRUE);
    }
}

/* The proposal a recommendation at modal k is about: one named in its
 * clause after the verb ("should settle such questions with Russia, Iran
 * and Turkey in the so-called 3+3 format", "must get security
 * guarantees").  Not its subject: "territorial issues must be addressed
 * at ...", "guarantees must work on land" say how, not that.  None past a
 * verb removing it ("should lift sanctions"), a stance or reporting verb
 * (what others should accept is their stance), a clause word or 25
 * tokens. */
static const pmention *recommended_proposal(const dt_doc *doc, const GArray *pms, uint32_t k, uint32_t se)
{
    static const char *const clause_words[] = {"but", "while", "which", "who", "although", "though",
                                               "because", "since", "if", "unless", "whether", "before",
                                               "until", "after", NULL};
    for (uint32_t v = k + 1; v < se && v < k + 25; v++) {
        /* "must impose sanctions": the verb proposes what it governs */
        gboolean proposing = v == k + 1 && doc->tokinfo[v].polarity &&
                             !strcmp(doc->tokinfo[v].polarity->label, "proposes");
        if ((doc->tokinfo[v].polarity && !proposing) || (v > k + 1 && (dt_pr_reporting_at(doc, v) ||
                          dt_doc_tok_in(doc, v, clause_words) || dt_doc_tok_is(doc, v, ";"))))
            return NULL;
        if (dt_pr_word_class_starts(doc, v, se, "removal-verbs"))
            return NULL;
        for (guint i = 0; i < pms->len; i++) {
            const pmention *pm = &g_array_index(pms, pmention, i);
            if (pm->tb == v)
                return pm;
        }
    }
    return NULL;
}

/* "Zakharova argued that the countries should settle such questions in
 * the 3+3 format", "\"Ukraine must get guarantees,\" Macron said": saying
 * what others should or must do proposes it.  Not a negated modal, nor
 * one opening a clause ("Should the talks fail, ..."), nor a question
 * ("whether ... should"). */
/* "Trump wrote that Ukraine should agree to the talks": recommending that
 * others accept or back a proposal supports it, that they reject it
 * opposes it -- the recommender's stance, not a proposal of his.  True
 * when the modal at k was such a recommendation. */
static gboolean recommended_stance(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t k)
{
    const dt_tokinfo *vi = &doc->tokinfo[k + 1];
    /* "We must accept the ceasefire": the speaker's own stance */
    if (!vi->polarity || dt_doc_tok_is(doc, k - 1, "we") || dt_doc_tok_is(doc, k - 1, "i"))
        return FALSE;
    const char *inner = vi->polarity->label;
    gboolean pro = !strcmp(inner, "accepts") || !strcmp(inner, "supports");
    gboolean con = !strcmp(inner, "rejects") || !strcmp(inner, "opposes");
    if (!pro && !con)
        return FALSE;
    const pmention *pm = NULL;
    for (guint i = 0; i < pms->len && pm == NULL; i++) {
        const pmention *p = &g_array_index(pms, pmention, i);
        if (p->tb >= vi->polarity_end && p->tb < vi->polarity_end + 5)
            pm = p;
    }
    if (pm == NULL)
        return TRUE;
    GArray *holders = recommenders(doc, sb, k);
    for (guint h = 0; h < holders->len; h++)
        if (g_array_index(holders, int, h) >= 0)
            dt_pr_add_stance(doc, g_array_index(holders, int, h), pm->proposal,
                             dt_pr_concept(doc, pro ? "supports" : "opposes"), k, vi->polarity_end, NULL);
    g_array_free(holders, TRUE);
    return TRUE;
}

static void recommended_proposals(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    static const char *const modals[] = {"should", "must", NULL};
    for (uint32_t k = sb + 1; k + 1 < se && pms->len; k++) {
        const char c0 = dt_doc_tok(doc, k)->fold[0];
        if ((c0 != 's' && c0 != 'm') || !dt_doc_tok_in(doc, k, modals) || doc->tokinfo[k].headline ||
            dt_is_clause_break(doc, k - 1) || dt_pr_negated_before(doc, k + 2, k))
            continue;
        gboolean question = FALSE;
        for (uint32_t r = k; r > sb && r + 12 > k && !question; r--)
            question = dt_doc_tok_is(doc, r - 1, "whether") || dt_doc_tok_is(doc, r - 1, "if");
        if (!question && recommended_stance(doc, pms, sb, k))
            continue;
        const pmention *pm = question ? NULL : recommended_proposal(doc, pms, k, se);
        if (pm == NULL)
            continue;
        GArray *holders = recommenders(doc, sb, k);
        for (guint h = 0; h < holders->len; h++)
            if (g_array_index(holders, int, h) >= 0)
                add_proposer_stance(doc, g_array_index(holders, int, h), pm);
        g_array_free(holders, TRUE);
    }
}

/* "an agreement announced after months of mediation by Qatar, Egypt and
 * the United States", "a truce brokered by Turkey": the mediators put the
 * text on the table, so they propose every proposal the sentence names
 * before.  A participle after an event ("talks mediated by Washington")
 * mediates the talks, not a proposal, and is left alone. */
static void mediators(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    /* proposers only of the sentence's proposals: none, no search */
    if (pms->len == 0)
        return;
    for (uint32_t k = sb; k + 1 < se; k++) {
        gboolean noun = dt_doc_tok_is(doc, k, "mediation") || dt_doc_tok_is(doc, k, "facilitation");
        gboolean verb = dt_doc_tok_is(doc, k, "brokered") || dt_doc_tok_is(doc, k, "mediated");
        if (!(noun || verb) || !dt_doc_tok_is(doc, k + 1, "by"))
            continue;
        /* the participle must follow its proposal: "a truce brokered by" */
        if (verb && !(k > sb && doc->tokinfo[k - 1].proposal == NULL &&
                      pms->len && g_array_index(pms, pmention, pms->len - 1).te >= k - 1 &&
                      g_array_index(pms, pmention, pms->len - 1).te <= k))
            continue;
        GArray *who = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_actors_from(doc, k + 2, se, who);
        for (guint i = 0; i < pms->len; i++) {
            const pmention *pm = &g_array_index(pms, pmention, i);
            if (pm->te > k || (verb && i + 1 != pms->len))
                continue;
            dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
            for (guint j = 0; j < who->len; j++)
                dt_ints_add(prop->proposers, g_array_index(who, int, j));
        }
        g_array_free(who, TRUE);
    }
}

/* The proposal a sentence opens with as its subject: "The deal has opened
 * rifts", "The ceasefire took effect". */
static void sentence_topic(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    uint32_t k = sb;
    if (k < se && (dt_doc_tok_is(doc, k, "the") || dt_doc_tok_is(doc, k, "this") || dt_doc_tok_is(doc, k, "that")))
        k++;
    if (pms->len && g_array_index(pms, pmention, 0).tb <= k + 1) {
        doc->topic_proposal = g_array_index(pms, pmention, 0).proposal;
        doc->topic_sentence = dt_doc_tok(doc, sb)->sentence;
        return;
    }
    if (k > sb && doc->last_proposal >= 0 && dt_pr_anaphoric_object(doc, sb, MIN(se, sb + 3)) &&
        !dt_doc_tok_is(doc, sb, "it")) {
        doc->topic_proposal = dt_pr_anaphoric_referent(doc, sb, MIN(se, sb + 3));
        doc->topic_sentence = dt_doc_tok(doc, sb)->sentence;
    }
}

/* "Kyiv will not cede territory", "Ukraine would never give up land": a
 * proposal told as a verb phrase, negated, is rejected by its subject.
 * A stance verb before it ("refused to cede") is read by the stances. */
static void negated_commitments(dt_doc *doc, const GArray *pms, uint32_t sb)
{
    static const char *const verbs[] = {"cede", "give", "trade", "withdraw", "halt", "stop", "surrender",
                                        "hand", "release", "lift", "end", "recognise", "recognize", NULL};
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        gboolean verb = dt_doc_tok_in(doc, pm->tb, verbs);
        if (!verb || pm->tb < sb + 2)
            continue;
        gboolean neg = FALSE, stance = FALSE;
        for (uint32_t k = pm->tb; k > sb && k + 4 > pm->tb; k--) {
            const char *f = dt_doc_tok(doc, k - 1)->fold;
            neg |= !strcmp(f, "not") || !strcmp(f, "never") || g_str_has_suffix(f, "n't");
            stance |= doc->tokinfo[k - 1].polarity != NULL;
        }
        if (!neg || stance)
            continue;
        GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_subjects_before(doc, sb, pm->tb, holders);
        /* "\"We will not trade our land,\" Zelensky said": the speaker's */
        int q = doc->tokinfo[pm->tb].quote;
        if (holders->len == 0 && q >= 0 && g_array_index(doc->quotes, dt_quote, q).speaker >= 0)
            for (uint32_t k = pm->tb; k > sb && k + 5 > pm->tb; k--)
                if (dt_doc_tok_is(doc, k - 1, "we") || dt_doc_tok_is(doc, k - 1, "i")) {
                    int speaker = g_array_index(doc->quotes, dt_quote, q).speaker;
                    g_array_append_val(holders, speaker);
                    break;
                }
        for (guint h = 0; h < holders->len; h++) {
            int holder = g_array_index(holders, int, h);
            int reporter = dt_pr_own_side_reporter(doc, sb, pm->tb, holder);
            if (reporter >= 0)
                holder = reporter; /* "Zelensky said Ukraine would never give up land" */
            if (holder >= 0)
                dt_pr_add_stance(doc, holder, pm->proposal, dt_pr_concept(doc, "rejects"), pm->tb, pm->te, NULL);
        }
        g_array_free(holders, TRUE);
    }
}

/* "announced the ceasefire had collapsed": the ceasefire is the subject of
 * a clause the verb reports, not its object. */
static gboolean subject_of_clause(const dt_doc *doc, const pmention *pm)
{
    static const char *const verbs[] = {"had", "has", "was", "is", "were", "would", "will", "could", "collapsed",
                                        "ended", "over", "dead", NULL};
    return pm->te < dt_doc_ntok(doc) && dt_doc_tok_in(doc, pm->te, verbs);
}

/* "threatened new sanctions", "threatens tariffs", "China announced
 * sanctions on two lawmakers": threatening or taking a measure (a
 * dt:MeasureVerb) proposes it (a threat to resign or to block is
 * opposition, read by the stances). */
static void threatened_measures(dt_doc *doc, const GArray *pms, uint32_t sb)
{
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        const dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
        /* ... and "the RSF announced a unilateral ceasefire" (a
         * dt:DeclaringVerb) proposes the ceasefire */
        const char *verbs = !strcmp(prop->kind->label, "sanctions")   ? "measure-verbs"
                            : !strcmp(prop->kind->label, "ceasefire") ? "declaring-verbs"
                                                                      : NULL;
        if (verbs == NULL || (verbs[0] == 'd' && subject_of_clause(doc, pm)))
            continue;
        for (uint32_t k = pm->tb; k > sb && k + 4 > pm->tb; k--) {
            if (dt_pr_word_class_starts(doc, k - 1, pm->tb, verbs) == 0)
                continue;
            GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
            dt_pr_subjects_before(doc, sb, k - 1, holders);
            for (guint h = 0; h < holders->len; h++) {
                int holder = g_array_index(holders, int, h);
                if (holder < 0)
                    continue;
                dt_pr_add_stance(doc, holder, pm->proposal, dt_pr_concept(doc, "proposes"), k - 1, k, NULL);
                dt_ints_add(((dt_proposal *)g_ptr_array_index(doc->proposals, pm->proposal))->proposers, holder);
            }
            g_array_free(holders, TRUE);
            break;
        }
    }
}

/* "the United States would help guarantee Ukraine's security": a
 * proposal told by its verb ("guarantee ... security") after "will" or
 * "would" (and perhaps "help") is proposed by the subject; after "could"
 * it names a proposer, not yet a stance. */
static void modal_commitments(dt_doc *doc, const GArray *pms, uint32_t sb)
{
    static const char *const modals[] = {"will", "would", "could", NULL};
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        const dt_token *first = dt_doc_tok(doc, pm->tb);
        if (!g_str_has_prefix(first->fold, "guarantee") || (first->flags & DT_TOK_UPPER) ||
            pm->te == pm->tb + 1 || pm->tb < sb + 2)
            continue;
        uint32_t k = pm->tb;
        if (dt_doc_tok_is(doc, k - 1, "help") || dt_doc_tok_is(doc, k - 1, "to"))
            k--;
        if (k <= sb || !dt_doc_tok_in(doc, k - 1, modals))
            continue;
        GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_subjects_before(doc, sb, k - 1, holders);
        gboolean could = dt_doc_tok_is(doc, k - 1, "could");
        for (guint h = 0; h < holders->len; h++) {
            int holder = g_array_index(holders, int, h);
            if (holder < 0)
                continue;
            dt_ints_add(((dt_proposal *)g_ptr_array_index(doc->proposals, pm->proposal))->proposers, holder);
            /* "Trump said the United States would ...": the stance is his */
            int reporter = dt_pr_own_side_reporter(doc, sb, k - 1, holder);
            if (!could)
                dt_pr_add_stance(doc, reporter >= 0 ? reporter : holder, pm->proposal,
                                 dt_pr_concept(doc, "proposes"), k - 1, k, NULL);
        }
        g_array_free(holders, TRUE);
    }
}

/* A noun phrase opens at the noun t: a possessor ("Egypt's offer"), a
 * determiner ("an offer") or a name after one ("a European Commission
 * proposal") comes before it. */
static gboolean introduced_noun(const dt_doc *doc, uint32_t t)
{
    int mi = doc->tokinfo[t - 1].mention;
    return (dt_doc_tok(doc, t - 1)->flags & DT_TOK_POSS) || determiner(doc, t - 1) ||
           (mi >= 0 && g_array_index(doc->mentions, dt_mention, mi).te == t &&
            g_array_index(doc->mentions, dt_mention, mi).tb > 0 &&
            determiner(doc, g_array_index(doc->mentions, dt_mention, mi).tb - 1));
}

/* The end of the object a proposal noun at t opens at b, in its sentence
 * (ending at *se), or 0 when a trigger inside tells the proposal itself
 * ("an offer to hold a ceasefire", "a push for a meeting between ..."). */
static uint32_t untold_object_end(const dt_doc *doc, uint32_t t, uint32_t b, uint32_t *se)
{
    uint32_t sb;
    dt_doc_sentence_bounds(doc, t, &sb, se);
    uint32_t oe = object_end(doc, b, *se);
    for (uint32_t k = b; k < oe; k++)
        if (doc->tokinfo[k].proposal)
            return 0;
    return oe;
}

/* "Guterres's proposal for an enlarged meeting", "the U.N. call for new
 * talks": a proposal noun for a meeting is a negotiation format ("a plan
 * for a ceasefire" is the ceasefire, "Egypt's plan for Gaza" its own). */
static gboolean noun_for_meeting(dt_doc *doc, GArray *pms, uint32_t t, uint32_t b)
{
    if (!introduced_noun(doc, t))
        return FALSE;
    uint32_t se, oe = untold_object_end(doc, t, b, &se);
    if (oe == 0 || !names_negotiation(doc, b, oe))
        return FALSE;
    pmention pm = {t, oe, proposal_with_content(doc, dt_pr_concept(doc, "NegotiationFormat"), t, oe)};
    g_array_append_val(pms, pm);
    doc->last_proposal = pm.proposal;
    return TRUE;
}

/* "the rebels' demand to share power", "Qatar's offer to mediate": a
 * proposal noun with an infinitive says what is put forward, a proposal of
 * its own (kind Other, or NegotiationFormat for meeting).  True when it
 * made one. */
static gboolean noun_with_infinitive_at(dt_doc *doc, GArray *pms, uint32_t t, uint32_t n);

/* Asked of every token: the links' first bytes here, inlined into the
 * caller's loop, so that the rare token that passes them alone pays the
 * call into the body (and its register saves) -- most tokens did. */
static inline gboolean noun_with_infinitive(dt_doc *doc, GArray *pms, uint32_t t, uint32_t n)
{
    if (t == 0 || t + 2 >= n)
        return FALSE;
    const char c1 = dt_doc_tok(doc, t + 1)->fold[0];
    if (c1 != 't' && c1 != 'f' && c1 != 'b')
        return FALSE;
    return noun_with_infinitive_at(doc, pms, t, n);
}

static gboolean noun_with_infinitive_at(dt_doc *doc, GArray *pms, uint32_t t, uint32_t n)
{
    static const char *const links[] = {"to", "that", "from", "by", "for", NULL};
    /* past the gate: the noun (its kept senses), before the list */
    if (!proposal_noun(doc, t) || !dt_doc_tok_in(doc, t + 1, links))
        return FALSE;
    if (dt_doc_tok_is(doc, t + 1, "for"))
        return noun_for_meeting(doc, pms, t, t + 2);
    /* "an offer from Washington to hold talks": past the one who made it */
    uint32_t to = t + 1;
    if ((dt_doc_tok_is(doc, to, "from") || dt_doc_tok_is(doc, to, "by")) && doc->tokinfo[to + 1].mention >= 0)
        to = g_array_index(doc->mentions, dt_mention, doc->tokinfo[to + 1].mention).te;
    /* "a proposal by Venezuela for direct bilateral negotiations" */
    if (to > t + 1 && to + 1 < n && dt_doc_tok_is(doc, to, "for"))
        return noun_for_meeting(doc, pms, t, to + 1);
    /* "Moscow's demand that Kyiv withdraw from the Donetsk region": a
     * clause with an actor for subject says it as well */
    gboolean clause = to + 2 < n && dt_doc_tok_is(doc, to, "that") && dt_actor_at(doc, to + 1, NULL) >= 0;
    if (to + 1 >= n || (!dt_doc_tok_is(doc, to, "to") && !clause))
        return FALSE;
    const dt_token *v = dt_doc_tok(doc, to + 1);
    if (!clause && (!(v->flags & DT_TOK_WORD) || (v->flags & DT_TOK_UPPER) || doc->tokinfo[to + 1].function_word ||
                    doc->tokinfo[to + 1].mention >= 0))
        return FALSE;
    if (!introduced_noun(doc, t))
        return FALSE;
    uint32_t se, oe = untold_object_end(doc, t, to + 1, &se);
    if (oe == 0)
        return FALSE;
    gboolean meeting = dt_pr_word_class_starts(doc, to + 1, se, "meeting-verbs") > 0;
    const char *kind = meeting || names_negotiation(doc, to + 1, oe) ? "NegotiationFormat"
                       : own_territory_withdrawal(doc, to + 1, oe)   ? "TerritorialConcession"
                                                                     : "Other";
    pmention pm = {t, oe, proposal_with_content(doc, dt_pr_concept(doc, kind), t, oe)};
    g_array_append_val(pms, pm);
    doc->last_proposal = pm.proposal;
    return TRUE;
}

/* "President Donald Trump's plan for Gaza", "Egypt's 20-point plan": a
 * plan noun with an actor for possessor is that actor's proposal -- the
 * one it put forward before (not sanctions), else a new one of kind
 * Other.  "Egypt's plan for a ceasefire" is the ceasefire (left to the
 * proposal after it).  True when it made the mention. */
/* "a 28-point plan ... Putin said Trump's plan could form the basis": a
 * bare "X's plan" after a peace plan was told with the same noun is that
 * plan, and X one of its proposers.  The latest such proposal, or -1. */
static int peace_plan_named(const dt_doc *doc, uint32_t t)
{
    const char *noun = dt_doc_tok(doc, t)->fold;
    for (guint p = doc->proposals->len; p > 0; p--) {
        const dt_proposal *pr = g_ptr_array_index(doc->proposals, p - 1);
        if (strcmp(pr->kind->label, "peace agreement") != 0)
            continue;
        for (guint i = 0; i + 1 < pr->spans->len; i += 2) {
            uint32_t te = g_array_index(pr->spans, uint32_t, i + 1);
            if (te > 0 && te - 1 < t && !strcmp(dt_doc_tok(doc, te - 1)->fold, noun))
                return (int)p - 1;
        }
    }
    return -1;
}

static gboolean possessed_plan(dt_doc *doc, GArray *pms, uint32_t t)
{
    static const char *const plans[] = {"plan", "proposal", "initiative", "roadmap", "blueprint", NULL};
    /* the cheap test first: a possessive right before or one word before */
    if (t < 2 || !((dt_doc_tok(doc, t - 1)->flags | dt_doc_tok(doc, t - 2)->flags) & DT_TOK_POSS) ||
        !dt_doc_tok_in(doc, t, plans))
        return FALSE;
    /* "Qatar's ceasefire proposal": the head of the proposal before it */
    if (pms->len && g_array_index(pms, pmention, pms->len - 1).te == t)
        return FALSE;
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    if (dt_doc_tok(doc, t - 1)->flags & DT_TOK_POSS ? FALSE : !(dt_doc_tok(doc, t - 2)->flags & DT_TOK_POSS))
        return FALSE; /* "his plan" is left to the stances */
    int owner = possessor_of(doc, sb, t);
    if (owner < 0 || !dt_pr_is_actor_kind(doc, owner))
        return FALSE;
    uint32_t oe = t + 1;
    if (oe + 1 < se && (dt_doc_tok_is(doc, oe, "for") || dt_doc_tok_is(doc, oe, "of") || dt_doc_tok_is(doc, oe, "on"))) {
        uint32_t e = object_end(doc, oe + 1, se);
        for (uint32_t k = oe + 1; k < e; k++)
            if (doc->tokinfo[k].proposal)
                return FALSE;
        oe = e;
    }
    int prev = dt_pr_proposal_of_actor(doc, owner);
    /* a state's plan is no sanctions it imposed; a body's ("the
     * Commission proposed a 20th package ... the Commission's plan") is
     * the package it proposed */
    if (prev >= 0 && !strcmp(((const dt_proposal *)g_ptr_array_index(doc->proposals, prev))->kind->label, "sanctions") &&
        dt_entity_kind_of(doc, owner) != DT_ENT_ORG)
        prev = -1;
    if (prev < 0 && oe == t + 1)
        prev = peace_plan_named(doc, t);
    /* "Trump's 20-point plan": the adjective belongs to its name */
    pmention pm = {dt_doc_tok(doc, t - 1)->flags & DT_TOK_POSS ? t : t - 1, oe, -1};
    if (prev >= 0) {
        dt_proposal *p = g_ptr_array_index(doc->proposals, prev);
        g_array_append_val(p->spans, pm.tb);
        g_array_append_val(p->spans, pm.te);
        pm.proposal = prev;
    } else {
        pm.proposal = proposal_with_content(doc, dt_pr_concept(doc, "Other"), pm.tb, oe);
    }
    g_array_append_val(pms, pm);
    doc->last_proposal = pm.proposal;
    return TRUE;
}

/* "Every new package makes this war more expensive": once an article has
 * told sanctions, a bare "package" is one of them.  True when it made the
 * mention. */
static gboolean package_of_sanctions(dt_doc *doc, GArray *pms, uint32_t t)
{
    if (!dt_doc_tok_is(doc, t, "package") && !dt_doc_tok_is(doc, t, "packages"))
        return FALSE;
    for (guint i = 0; i < doc->proposals->len; i++) {
        const dt_proposal *p = g_ptr_array_index(doc->proposals, i);
        if (strcmp(p->kind->label, "sanctions") == 0) {
            pmention pm = {t, t + 1, proposal_of_kind(doc, p->kind, t, t + 1)};
            g_array_append_val(pms, pm);
            doc->last_proposal = pm.proposal;
            return TRUE;
        }
    }
    return FALSE;
}

/* "Smotrich rejected the proposal outright": a definite proposal noun of
 * kind Other, with nothing after it saying what it is about, refers to the
 * proposal told before (the stances resolve it), not to a new one. */
/* "a proposal under which an international stabilisation force would
 * deploy", "a plan whereby ...": the generic noun is no proposal of its
 * own; the one its relative clause names is what is put forward. */
static gboolean content_in_relative(const dt_doc *doc, uint32_t t, const dt_tokinfo *ti, uint32_t n)
{
    if (strcmp(ti->proposal->label, "other proposal") != 0 || ti->proposal_end != t + 1 || t + 3 >= n)
        return FALSE;
    uint32_t c = t + 1;
    if (dt_doc_tok_is(doc, c, "under") && dt_doc_tok_is(doc, c + 1, "which"))
        c += 2;
    else if (dt_doc_tok_is(doc, c, "whereby"))
        c++;
    else
        return FALSE;
    uint32_t s = dt_doc_tok(doc, t)->sentence;
    for (uint32_t k = c; k < n && k < c + 10 && dt_doc_tok(doc, k)->sentence == s; k++)
        if (doc->tokinfo[k].proposal && strcmp(doc->tokinfo[k].proposal->label, "other proposal") != 0)
            return TRUE;
    return FALSE;
}

/* "no interest in any proposal from Seoul" after Seoul proposed talks: a
 * mention of that proposal.  True when it made the mention. */
static gboolean reference_from_actor(dt_doc *doc, GArray *pms, uint32_t t, const dt_tokinfo *ti, uint32_t n)
{
    if (strcmp(ti->proposal->label, "other proposal") != 0 || ti->proposal_end != t + 1 || t == 0 ||
        t + 2 >= n || !dt_doc_tok_is(doc, t + 1, "from") ||
        !(dt_doc_tok_is(doc, t - 1, "the") || dt_doc_tok_is(doc, t - 1, "any")))
        return FALSE;
    int from = dt_actor_at(doc, t + 2, NULL);
    int prev = from >= 0 ? dt_pr_proposal_of_actor(doc, from) : -1;
    if (prev < 0)
        return FALSE;
    dt_proposal *p = g_ptr_array_index(doc->proposals, prev);
    pmention pm = {t, t + 1, prev};
    g_array_append_val(p->spans, pm.tb);
    g_array_append_val(p->spans, pm.te);
    g_array_append_val(pms, pm);
    doc->last_proposal = prev;
    return TRUE;
}

static gboolean definite_reference(const dt_doc *doc, uint32_t t, const dt_tokinfo *ti, uint32_t n)
{
    static const char *const about[] = {"for", "of", "on", "to", "that", "from", NULL};
    if (doc->last_proposal < 0 || strcmp(ti->proposal->label, "other proposal") != 0 || !proposal_noun(doc, t) ||
        ti->proposal_end != t + 1 || t == 0)
        return FALSE;
    static const char *const told[] = {"new", "latest", "revised", "same", "current", "original", "amended", NULL};
    uint32_t d = t - 1;
    if (d > 0 && dt_doc_tok_in(doc, d, told)) /* "our approval of the new proposal" */
        d--;
    /* "the Brazilian initiative" after Brazil offered something */
    if (d > 0 && dt_doc_tok_is(doc, d - 1, "the") && doc->tokinfo[d].mention >= 0 &&
        dt_pr_country_proposal(doc, g_array_index(doc->mentions, dt_mention, doc->tokinfo[d].mention).tb,
                               t + 1) >= 0)
        return t + 1 >= n || !dt_doc_tok_in(doc, t + 1, about);
    if (!dt_doc_tok_is(doc, d, "the") && !dt_doc_tok_is(doc, d, "this") && !dt_doc_tok_is(doc, d, "that"))
        return FALSE;
    return t + 1 >= n || !dt_doc_tok_in(doc, t + 1, about);
}

/* "The plan, drafted by U.S. envoy Steve Witkoff and Kremlin envoy
 * Kirill Dmitriev, would ...": a definite reference at t to the proposal
 * told last, with a passive participle of proposing and its agents right
 * after it, is a mention of that proposal, so that the agents propose it. */
static gboolean drafted_reference(dt_doc *doc, GArray *pms, uint32_t t, uint32_t n)
{
    static const char *const definite[] = {"the", "this", "that", NULL};
    static const char *const told[] = {"new", "latest", "revised", "original", "amended", "initial", NULL};
    if (doc->last_proposal < 0 || t < 1 || covered_by_last(pms, t))
        return FALSE;
    /* the participle and its "by" first: this runs for every token, the
     * lexicon probe for the noun only where they are */
    uint32_t v = t + 1;
    if (v < n && dt_doc_tok_is(doc, v, ","))
        v++;
    const dt_tokinfo *vi = v < n ? &doc->tokinfo[v] : NULL;
    if (vi == NULL || !vi->polarity || strcmp(vi->polarity->label, "proposes") != 0 ||
        vi->polarity_end >= n || !dt_doc_tok_is(doc, vi->polarity_end, "by") ||
        dt_doc_tok(doc, vi->polarity_end)->sentence != dt_doc_tok(doc, t)->sentence || !proposal_noun(doc, t))
        return FALSE;
    uint32_t d = t - 1;
    if (d > 0 && dt_doc_tok_in(doc, d, told))
        d--;
    if (!dt_doc_tok_in(doc, d, definite))
        return FALSE;
    pmention pm = {t, t + 1, doc->last_proposal};
    dt_proposal *p = g_ptr_array_index(doc->proposals, pm.proposal);
    g_array_append_val(p->spans, pm.tb);
    g_array_append_val(p->spans, pm.te);
    g_array_append_val(pms, pm);
    return TRUE;
}

/* "a new round of escalation", "another round of sanctions": a round of
 * something else than talks is no negotiation format. */
static gboolean round_of_other(const dt_doc *doc, const dt_tokinfo *ti, uint32_t n)
{
    static const char *const talking[] = {"talks", "negotiations", "discussions", "consultations", "dialogue",
                                          "meetings", "direct", "indirect", "peace", NULL};
    uint32_t e = ti->proposal_end;
    if (!(e + 1 < n && dt_doc_tok_is(doc, e - 1, "round") && dt_doc_tok_is(doc, e, "of")))
        return FALSE;
    /* "a new round of U.S.-Iran negotiations" */
    for (uint32_t k = e + 1; k < n && k < e + 5; k++)
        if (dt_doc_tok_in(doc, k, talking) || doc->tokinfo[k].event_type)
            return FALSE;
    return TRUE;
}

/* "would not hand over its weapons", "hand over the hostages": a
 * concession verb whose object is no land is no territorial concession. */
static gboolean handing_over_things(const dt_doc *doc, uint32_t t, const dt_tokinfo *ti, uint32_t n)
{
    static const char *const things[] = {"weapons", "arms", "hostages", "prisoners", "bodies", "remains",
                                         "suspects", "documents", "power", "missiles", "fighters",
                                         "governance", "administration", "management", "responsibility",
                                         "responsibilities", "check", "cheque", "money", "funds", "cash",
                                         "data", "evidence", "keys", NULL};
    static const char *const dets[] = {"its", "their", "the", "all", "his", "her", "any", "heavy", "a",
                                       "blank", NULL};
    if (strcmp(ti->proposal->label, "territorial concession") != 0 || dt_doc_tok(doc, t)->flags & DT_TOK_UPPER)
        return FALSE;
    uint32_t k = ti->proposal_end;
    while (k < n && k < ti->proposal_end + 3 && dt_doc_tok_in(doc, k, dets))
        k++;
    /* "hand over Gaza governance": past a name */
    int mi = k < n ? doc->tokinfo[k].mention : -1;
    if (mi >= 0 && g_array_index(doc->mentions, dt_mention, mi).te < k + 4)
        k = g_array_index(doc->mentions, dt_mention, mi).te;
    return k < n && dt_doc_tok_in(doc, k, things);
}

/* "a roadmap for a face-to-face meeting", "a proposal for a ceasefire":
 * a proposal noun of kind Other that introduces a proposal of a known
 * kind is that proposal, not one of its own. */
static gboolean introduces_known(const dt_doc *doc, uint32_t t, const dt_tokinfo *ti, uint32_t n)
{
    if (strcmp(ti->proposal->label, "other proposal") != 0 || !proposal_noun(doc, t))
        return FALSE;
    uint32_t k = ti->proposal_end;
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    k = dt_pr_agent_list_after(doc, k, se, NULL); /* "a proposal by the US ... for" */
    if (k >= n || !(dt_doc_tok_is(doc, k, "for") || dt_doc_tok_is(doc, k, "of") || dt_doc_tok_is(doc, k, "on")))
        return FALSE;
    for (uint32_t j = k + 1; j < n && j < k + 5; j++) {
        const dt_lex_entry *p = doc->tokinfo[j].proposal;
        if (p && strcmp(p->label, "other proposal") != 0)
            return TRUE;
        if (dt_is_clause_break(doc, j))
            break;
    }
    return FALSE;
}

/* "NATO-led KFOR peacekeepers", "the United Nations peacekeeping force
 * UNIFIL": a force (dt:StandingForce) named with a body right before or
 * after it is a force in place, not a proposal. */
static gboolean named_force(const dt_doc *doc, uint32_t tb, uint32_t te, uint32_t n)
{
    /* the body next to it first, the word list only then */
    int before = tb > 0 ? doc->tokinfo[tb - 1].mention : -1;
    int after = te < n ? doc->tokinfo[te].mention : -1;
    gboolean body = FALSE;
    for (int i = 0; i < 2 && !body; i++) {
        int mi = i == 0 ? before : after;
        if (mi < 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        body = m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_ORG;
    }
    return body && dt_pr_word_class_at(doc, tb, te, "standing-forces");
}

/* "the Pretoria agreement", "the Minsk accords": an agreement noun (a
 * dt:AgreementNoun) after the name of a city or place names a peace
 * agreement.  Returns the noun's length in tokens, or 0. */
static uint32_t named_agreement(const dt_doc *doc, uint32_t t, uint32_t n)
{
    if (t == 0 || doc->tokinfo[t].headline || doc->tokinfo[t - 1].mention < 0 || doc->tokinfo[t].mention >= 0)
        return 0;
    const dt_token *tok = dt_doc_tok(doc, t);
    if (!(tok->flags & DT_TOK_WORD) || (tok->flags & DT_TOK_UPPER)) /* "in Moscow," "Doha." */
        return 0;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[t - 1].mention);
    if (m->te != t)
        return 0;
    gboolean place = m->lex ? (m->lex->cls == DT_LEX_CITY || m->lex->cls == DT_LEX_PLACE || m->lex->cls == DT_LEX_SEAT)
                            : (m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_PLACE);
    if (!place)
        return 0;
    return dt_pr_word_class_starts(doc, t, n, "agreement-nouns");
}

/* "a 28-point plan", "Trump's 20-point plan", "China's 12-point
 * proposal": a numbered plan in diplomacy news is a plan to settle a
 * conflict, a peace agreement proposed.  A kind word of its own ("a
 * 12-point ceasefire plan") is left to the lexicon.  Returns its length in
 * tokens, or 0. */
static uint32_t numbered_plan(const dt_doc *doc, uint32_t t, uint32_t n)
{
    static const char *const plans[] = {"plan", "proposal", "framework", "formula", "roadmap", "initiative",
                                        "blueprint", NULL};
    const dt_token *tok = dt_doc_tok(doc, t);
    if (!(tok->flags & DT_TOK_DIGIT) || t + 1 >= n || doc->tokinfo[t].headline ||
        !g_str_has_suffix(tok->fold, "-point") || !dt_doc_tok_in(doc, t + 1, plans))
        return 0;
    const dt_tokinfo *next = &doc->tokinfo[t + 1];
    if (next->proposal && strcmp(next->proposal->label, "other proposal") != 0)
        return 0;
    return 2;
}

/* The body a spokesperson speaks for in the article, or -1. */
static int spokesperson_body(const dt_doc *doc, int person)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->person == person && h->jurisdiction >= 0 && g_str_has_suffix(h->office->iri, "/spokesperson"))
            return h->jurisdiction;
    }
    return -1;
}

/* "Foreign Ministry spokeswoman Maria Zakharova argued that ... in the
 * 3+3 format": a spokesperson puts forward her government's proposal,
 * not her own; the stance stays hers.  A ministry's proposal is its
 * state's. */
static void spokespersons_speak_for_bodies(dt_doc *doc)
{
    for (guint i = 0; i < doc->proposals->len; i++) {
        dt_proposal *p = g_ptr_array_index(doc->proposals, i);
        GArray *by = g_array_new(FALSE, FALSE, sizeof(int));
        for (guint k = 0; k < p->proposers->len; k++) {
            int e = g_array_index(p->proposers, int, k);
            int body = dt_entity_kind_of(doc, e) == DT_ENT_PERSON ? spokesperson_body(doc, e) : -1;
            dt_ints_add(by, dt_pr_state_of(doc, body >= 0 ? body : e));
        }
        g_array_free(p->proposers, TRUE);
        p->proposers = by;
    }
}

void dt_proposals_find(dt_doc *doc)
{
    doc->last_proposal = -1;
    doc->topic_proposal = -1;
    doc->topic_sentence = 0;
    uint32_t n = dt_doc_ntok(doc);
    GArray *pms = g_array_new(FALSE, FALSE, sizeof(pmention));
    uint32_t cur_sentence = UINT32_MAX;
    for (uint32_t t = 0; t <= n; t++) {
        uint32_t s = t < n ? dt_doc_tok(doc, t)->sentence : UINT32_MAX;
        if (s != cur_sentence) {
            if (cur_sentence != UINT32_MAX) {
                const dt_sentence *sen = dt_text_sentence(doc->text, cur_sentence);
                open_proposals(doc, pms, sen->tok_begin, sen->tok_end);
                conditional_participation(doc, pms, sen->tok_begin, sen->tok_end);
                talks_as_object(doc, pms, sen->tok_begin, sen->tok_end);
                sentence_topic(doc, pms, sen->tok_begin, sen->tok_end);
                dt_pr_stances_in_sentence(doc, pms, sen->tok_begin, sen->tok_end);
                recommended_meetings(doc, pms, sen->tok_begin, sen->tok_end);
                recommended_proposals(doc, pms, sen->tok_begin, sen->tok_end);
                possessive_proposers(doc, pms, sen->tok_begin, sen->tok_end);
                mediators(doc, pms, sen->tok_begin, sen->tok_end);
                negated_commitments(doc, pms, sen->tok_begin);
                threatened_measures(doc, pms, sen->tok_begin);
                modal_commitments(doc, pms, sen->tok_begin);
                dt_pr_quote_support(doc, pms, sen->tok_begin, sen->tok_end);
                told_last(doc, pms);
                for (guint i = 0; i < pms->len; i++) {
                    const dt_sentence *ss = sen;
                    dt_pr_add_roles(doc, &g_array_index(pms, pmention, i), ss->tok_end);
                }
            }
            g_array_set_size(pms, 0);
            cur_sentence = s;
        }
        if (t == n)
            break;
        const dt_tokinfo *ti = &doc->tokinfo[t];
        uint32_t named = ti->proposal ? 0 : named_agreement(doc, t, n);
        if (named) {
            peace_agreement_mention(doc, pms, t - 1, t + named);
            continue;
        }
        uint32_t numbered = ti->proposal || covered_by_last(pms, t) ? 0 : numbered_plan(doc, t, n);
        if (numbered) {
            peace_agreement_mention(doc, pms, t, t + numbered);
            t += numbered - 1;
            continue;
        }
        /* "a proposal to use frozen assets": the generic noun with its
         * infinitive, which says what is proposed */
        gboolean generic = ti->proposal && ti->proposal_end == t + 1 && !strcmp(ti->proposal->label, "other proposal");
        if ((!ti->proposal || generic) && !ti->headline && !covered_by_last(pms, t) &&
            (noun_with_infinitive(doc, pms, t, n) || possessed_plan(doc, pms, t) ||
             (!generic && package_of_sanctions(doc, pms, t))))
            continue;
        if ((!ti->proposal || generic) && !ti->headline && drafted_reference(doc, pms, t, n))
            continue;
        if (!ti->proposal || ti->headline)
            continue;
        /* skip a shorter trigger inside a longer one just matched */
        if (covered_by_last(pms, t))
            continue;
        /* nor a proposal word inside a stance trigger: "the table" in
         * "remained on the table" */
        gboolean in_stance = FALSE;
        for (uint32_t k = t; k > 0 && k + 4 > t && !in_stance; k--)
            in_stance = doc->tokinfo[k - 1].polarity && doc->tokinfo[k - 1].polarity_end > t;
        if (in_stance)
            continue;
        /* "a new ceasefire proposal put forward by ...": a proposal noun
         * right after a proposal of a known kind is its head */
        if (pms->len && g_array_index(pms, pmention, pms->len - 1).te == t && proposal_noun(doc, t) &&
            !strcmp(ti->proposal->label, "other proposal")) {
            g_array_index(pms, pmention, pms->len - 1).te = ti->proposal_end;
            continue;
        }
        if (reference_from_actor(doc, pms, t, ti, n) || definite_reference(doc, t, ti, n) ||
            content_in_relative(doc, t, ti, n))
            continue;
        if (handing_over_things(doc, t, ti, n) || round_of_other(doc, ti, n))
            continue;
        if (introduces_known(doc, t, ti, n) || named_force(doc, t, ti->proposal_end, n) ||
            other_guarantee(doc, t, ti->proposal_end, n) || other_concession(doc, t, ti->proposal_end, n))
            continue;
        pmention pm = {t, ti->proposal_end, proposal_of_kind(doc, ti->proposal, t, ti->proposal_end)};
        /* "a ceasefire plan drafted by ...": the proposal noun after it is
         * its head, part of the mention */
        if (pm.te < n && doc->tokinfo[pm.te].proposal == NULL && proposal_noun(doc, pm.te) &&
            dt_doc_tok(doc, pm.te)->sentence == dt_doc_tok(doc, t)->sentence)
            pm.te++;
        g_array_append_val(pms, pm);
        doc->last_proposal = pm.proposal;
        mediator_compound(doc, t, pm.proposal);
    }
    g_array_free(pms, TRUE);
    spokespersons_speak_for_bodies(doc);
}
