/* Facts: proposals and stances.  A proposal mention is a trigger phrase of
 * a kind (ceasefire, security guarantees, sanctions, ...); within one
 * article the mentions of one kind are one proposal.  A stance links the
 * actor of a stance verb ("agreed", "rejected", "welcomed", "called for")
 * to the proposal it governs; "if"/"unless" clauses make a conditional
 * stance and give its condition; negation flips polarity; inside a quote
 * the speaker stands for "we"/"I". */
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

#define DT_WORD_NS "https://w3id.org/detente/id/word/"

typedef struct {
    uint32_t tb, te;
    int proposal;
} pmention;

static const dt_lex_entry *concept(const dt_doc *doc, const char *local)
{
    char *iri = g_strconcat(DT_NS, local, NULL);
    const dt_lex_entry *e = dt_lexicon_entry(doc->lex, iri);
    g_free(iri);
    return e;
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

static gboolean is_actor_kind(const dt_doc *doc, int e)
{
    dt_entity_kind k = dt_entity_kind_of(doc, e);
    return k == DT_ENT_PERSON || k == DT_ENT_COUNTRY || k == DT_ENT_ORG;
}

static gboolean object_position(const dt_doc *doc, uint32_t tb)
{
    static const char *const preps[] = {"of", "for", "on", "with", "against", "from", "in",
                                        "at", "by", "to", "about", "between", "toward",
                                        "towards", "under", NULL};
    uint32_t p = tb;
    if (p > 0 && dt_doc_tok_is(doc, p - 1, "the"))
        p--;
    if (p == 0)
        return FALSE;
    for (int i = 0; preps[i]; i++)
        if (dt_doc_tok_is(doc, p - 1, preps[i]))
            return TRUE;
    return FALSE;
}

static gboolean voice_after(const dt_doc *doc, uint32_t k, uint32_t limit)
{
    for (uint32_t i = k; i < limit && i < k + 3; i++)
        if (doc->tokinfo[i].voice)
            return TRUE;
    return FALSE;
}

static gboolean is_comma(const dt_doc *doc, uint32_t i)
{
    return dt_doc_tok_is(doc, i, ",");
}

/* "Abdel Fattah el-Sisi, Egypt's president, welcomed ...": when a comma
 * closes a phrase right before the verb (an adverb may sit between), the
 * actor before the opening comma is the subject and the phrase between is
 * its apposition or relative clause.  Returns the token to search back from
 * (the head's last token + 1), or `verb` when there is no such phrase. */
static uint32_t apposition_head(const dt_doc *doc, uint32_t sb, uint32_t verb)
{
    uint32_t close = verb;
    if (verb > sb + 1 && is_comma(doc, verb - 1))
        close = verb - 1;
    else if (verb > sb + 2 && is_comma(doc, verb - 2) && !(dt_doc_tok(doc, verb - 1)->flags & DT_TOK_UPPER))
        close = verb - 2;
    if (close == verb)
        return verb;
    for (uint32_t c = close; c > sb + 1 && c + 30 > close; c--) {
        if (!is_comma(doc, c - 1))
            continue;
        uint32_t open = c - 1;
        int mi = doc->tokinfo[open - 1].mention;
        if (mi < 0 || doc->tokinfo[open - 1].quote != doc->tokinfo[verb].quote)
            return verb;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->entity < 0 || !is_actor_kind(doc, m->entity) || object_position(doc, m->tb))
            return verb;
        return open;
    }
    return verb;
}

static void subjects_before(const dt_doc *doc, uint32_t sb, uint32_t verb, GArray *out);

/* "a senior official told reporters on condition of anonymity": the source
 * is hedged (a dt:Reported evidential), so it speaks for nobody. */
static gboolean anonymous(const dt_doc *doc, uint32_t sb, uint32_t se)
{
    for (uint32_t k = sb; k < se; k++) {
        const dt_lex_entry *ev = doc->tokinfo[k].evidential;
        if (ev && ev->value && g_str_has_suffix(ev->value, "#Reported"))
            return TRUE;
    }
    return FALSE;
}

static gboolean auxiliary(const dt_doc *doc, uint32_t i)
{
    static const char *const aux[] = {"had", "has", "have", "would", "will", "could", "should", "must",
                                      "also", "not", "never", "did", "does", "do", "is", "was", NULL};
    for (int k = 0; aux[k]; k++)
        if (dt_doc_tok_is(doc, i, aux[k]))
            return TRUE;
    return FALSE;
}

/* True when token t ends a subject noun phrase that names no actor: "the
 * bloc", "the two sides", "the Iran-backed group" (a determiner, then
 * lowercase words only). */
static gboolean bare_subject(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    const dt_token *tok = dt_doc_tok(doc, t);
    if (!(tok->flags & DT_TOK_WORD) || (tok->flags & DT_TOK_UPPER) || doc->tokinfo[t].mention >= 0 ||
        doc->tokinfo[t].function_word || doc->tokinfo[t].polarity || doc->tokinfo[t].reporting ||
        doc->tokinfo[t].proposal || dt_is_pronoun(doc, t))
        return FALSE;
    for (uint32_t k = t; k > sb && k + 4 > t; k--) {
        uint32_t d = k - 1;
        if (dt_doc_tok_is(doc, d, "the") || dt_doc_tok_is(doc, d, "both"))
            return TRUE;
        if (doc->tokinfo[d].mention >= 0 || !(dt_doc_tok(doc, d)->flags & DT_TOK_WORD) ||
            doc->tokinfo[d].function_word)
            return FALSE;
    }
    return FALSE;
}

/* "A, Congo's foreign minister, and B, Rwanda's foreign minister, signed":
 * when the conjunction at c follows the closing comma of an apposition,
 * returns the opening comma, so that the person before it is the next
 * conjunct; else c. */
static uint32_t apposition_before(const dt_doc *doc, uint32_t sb, uint32_t c)
{
    if (!dt_doc_tok_is(doc, c, "and") || c < sb + 3 || !is_comma(doc, c - 1))
        return c;
    for (uint32_t o = c - 2; o > sb && o + 10 > c; o--) {
        if (!is_comma(doc, o))
            continue;
        int e = dt_actor_at(doc, o - 1, NULL);
        return e >= 0 && dt_entity_kind_of(doc, e) == DT_ENT_PERSON ? o : c;
    }
    return c;
}

/* A reporting verb at token k; "states" inside "the United States" is none. */
static gboolean reporting_at(const dt_doc *doc, uint32_t k)
{
    return doc->tokinfo[k].reporting && doc->tokinfo[k].mention < 0;
}

/* Token of a reporting verb whose complement clause starts at token t
 * ("said he would", "insisted that she"), or UINT32_MAX. */
static uint32_t reporting_before(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    uint32_t c = t;
    if (c > sb && dt_doc_tok_is(doc, c - 1, "that"))
        c--;
    for (uint32_t k = c; k > sb && k + 3 > c; k--)
        if (reporting_at(doc, k - 1) && doc->tokinfo[k - 1].reporting_end == c)
            return k - 1;
    return UINT32_MAX;
}

/* The person who reports the clause starting at token t: "Fico has said
 * [he will not back it]" is Fico's, even when another person acted earlier
 * in the sentence.  -1 when no reporting verb introduces the clause. */
static int reporter_of(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    uint32_t r = reporting_before(doc, sb, t);
    if (r == UINT32_MAX)
        return -1;
    GArray *who = g_array_new(FALSE, FALSE, sizeof(int));
    subjects_before(doc, sb, r, who);
    int speaker = -1;
    for (guint i = 0; i < who->len && speaker < 0; i++) {
        int e = g_array_index(who, int, i);
        if (e >= 0 && dt_entity_kind_of(doc, e) == DT_ENT_PERSON)
            speaker = e;
    }
    g_array_free(who, TRUE);
    return speaker;
}

/* The holder of a clause reported by the verb at r whose own subject names
 * no actor: the person who reports it; "U.S. officials have said": the
 * body; an anonymous source: nobody. */
static void reported_holder(const dt_doc *doc, uint32_t sb, uint32_t verb, uint32_t r, GArray *out)
{
    int reporter = reporter_of(doc, sb, doc->tokinfo[r].reporting_end);
    if (reporter >= 0)
        dt_ints_add(out, reporter);
    else if (!anonymous(doc, sb, verb))
        subjects_before(doc, sb, r, out);
}

/* Actors acting before token `verb` in [sb, verb): the nearest subject and
 * the ones coordinated with it ("the United States and European allies"). */
static void subjects_before(const dt_doc *doc, uint32_t sb, uint32_t verb, GArray *out)
{
    int k = (int)apposition_head(doc, sb, verb) - 1;
    while (k >= (int)sb) {
        uint32_t t = (uint32_t)k;
        int mi = doc->tokinfo[t].mention;
        if (doc->tokinfo[t].quote != doc->tokinfo[verb].quote) {
            k--;
            continue;
        }
        if (reporting_at(doc, t) && doc->tokinfo[t].quote < 0 && doc->tokinfo[t].reporting_end <= verb &&
            doc->tokinfo[verb].quote < 0) {
            /* "Lajcak said the bloc had offered ...", "an official said both
             * sides have not agreed": the clause's subject names no actor;
             * the person who reports it speaks for it, an unnamed one for
             * nobody */
            reported_holder(doc, sb, verb, t, out);
            return;
        }
        if ((t + 1 == verb || (t + 2 == verb && auxiliary(doc, t + 1))) && bare_subject(doc, sb, t)) {
            /* "a demand the Iran-backed group rejects": no actor holds it,
             * unless someone reports the clause ("Medinsky said both sides
             * had agreed") */
            while (t > sb && !reporting_at(doc, t) &&
                   (doc->tokinfo[t].mention < 0 || dt_is_media(doc, dt_doc_entity_at(doc, t))))
                t--; /* "writing on Truth Social that ..." */
            if (reporting_at(doc, t))
                reported_holder(doc, sb, verb, t, out);
            return;
        }
        if (dt_is_pronoun(doc, t) && doc->tokinfo[t].quote < 0) {
            /* "X said he would ...": he is the one who says it */
            int reporter = reporter_of(doc, sb, t);
            dt_ints_add(out, reporter >= 0 ? reporter : dt_person_subject_before(doc, t));
            return;
        }
        if (mi < 0) {
            k--;
            continue;
        }
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        gboolean poss = m->te < dt_doc_ntok(doc) && (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS);
        /* "Iran's official reaction welcomed": the possessor of a voice
         * speaks; "Trump's push for a meeting": of the stance noun itself */
        if (poss && (voice_after(doc, m->te + 1, verb) || m->te + 3 >= verb))
            poss = FALSE;
        if (m->entity < 0 || !is_actor_kind(doc, m->entity) || poss || object_position(doc, m->tb) ||
            dt_is_media(doc, m->entity)) {
            k = (int)m->tb - 1;
            continue;
        }
        dt_ints_add(out, m->entity);
        /* coordination: X and Y / X, Y and Z */
        int c = (int)m->tb - 1;
        while (c > (int)sb && (dt_doc_tok_is(doc, (uint32_t)c, "and") || dt_doc_tok_is(doc, (uint32_t)c, ","))) {
            c = (int)apposition_before(doc, sb, (uint32_t)c);
            int e2 = dt_actor_at(doc, (uint32_t)c - 1, NULL);
            if (e2 < 0 || !is_actor_kind(doc, e2))
                break;
            int mi2 = doc->tokinfo[c - 1].mention;
            const dt_mention *m2 = &g_array_index(doc->mentions, dt_mention, mi2);
            dt_ints_add(out, e2);
            c = (int)m2->tb - 1;
        }
        return;
    }
}

static gboolean is_be_form(const dt_doc *doc, uint32_t i)
{
    static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
    for (int k = 0; be[k]; k++)
        if (dt_doc_tok_is(doc, i, be[k]))
            return TRUE;
    return FALSE;
}

/* A past participle: the regular "-ed" form, or the first word of a
 * listed phrasal trigger written so ("put forward", "ruled out"). */
static gboolean participle(const dt_doc *doc, uint32_t t)
{
    const char *f = dt_doc_tok(doc, t)->fold;
    return g_str_has_suffix(f, "ed") || !strcmp(f, "put") || !strcmp(f, "drawn") ||
           !strcmp(f, "laid");
}

/* Actors of a list starting at token i: "Qatar, Egypt and the United States". */
static void actors_from(const dt_doc *doc, uint32_t i, uint32_t se, GArray *out)
{
    while (i < se) {
        if (dt_doc_tok_is(doc, i, "the"))
            i++;
        uint32_t me = 0;
        int e = dt_actor_at(doc, i, &me);
        if (e < 0 || !is_actor_kind(doc, e) || dt_is_media(doc, e))
            return;
        dt_ints_add(out, e);
        i = me;
        if (i < se && is_comma(doc, i))
            i++;
        if (i < se && dt_doc_tok_is(doc, i, "and"))
            i++;
    }
}

typedef enum { DT_ACTIVE, DT_PASSIVE_BE, DT_PASSIVE_REDUCED } dt_voice;

/* Passive voice: "it was rejected by Moscow", "a ceasefire proposed by
 * Qatar", "the plan, put forward by Egypt".  The agent after "by" holds the
 * stance; a passive without one ("if it was approved") names no holder, so
 * the subject before it, the patient, must not be taken.  `out` receives
 * the agents. */
static dt_voice voice_of(const dt_doc *doc, uint32_t t, uint32_t te, uint32_t sb, uint32_t se,
                         GArray *out)
{
    if (!participle(doc, t))
        return DT_ACTIVE;
    gboolean by = te + 1 < se && dt_doc_tok_is(doc, te, "by");
    /* "is opposed to", "was agreed to": adjectival or prepositional, active */
    if (!by && te < se && dt_doc_tok_is(doc, te, "to"))
        return DT_ACTIVE;
    gboolean be = FALSE;
    for (uint32_t k = t; k > sb && k + 3 > t && !be; k--)
        be = is_be_form(doc, k - 1);
    if (!be && !by)
        return DT_ACTIVE;
    if (by)
        actors_from(doc, te + 1, se, out);
    return be ? DT_PASSIVE_BE : DT_PASSIVE_REDUCED;
}

/* The proposal a passive participle tells of: in "a ceasefire proposed by
 * Qatar" the noun right before it (a comma may sit between), in "the
 * ceasefire was rejected" the nearest one before it.  "talks mediated by
 * Washington" tells of the talks, not of a proposal further back. */
static const pmention *passive_target(const GArray *pms, const dt_doc *doc, uint32_t t, uint32_t sb,
                                      dt_voice v)
{
    const pmention *best = NULL;
    for (guint i = 0; i < pms->len; i++) {
        const pmention *p = &g_array_index(pms, pmention, i);
        if (p->te > t || p->tb < sb)
            continue;
        if (v == DT_PASSIVE_REDUCED && p->te != t && !(p->te + 1 == t && is_comma(doc, p->te)))
            continue;
        if (best == NULL || p->tb > best->tb)
            best = p;
    }
    return best;
}

static int quote_speaker(const dt_doc *doc, uint32_t t)
{
    int q = doc->tokinfo[t].quote;
    return q < 0 ? -1 : g_array_index(doc->quotes, dt_quote, q).speaker;
}

static gboolean negated_before(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    for (uint32_t k = t; k > sb && k + 3 > t; k--) {
        const char *f = dt_doc_tok(doc, k - 1)->fold;
        if (!strcmp(f, "not") || !strcmp(f, "n't") || !strcmp(f, "never") || !strcmp(f, "no") ||
            g_str_has_suffix(f, "n't"))
            return TRUE;
    }
    return FALSE;
}

static char *modality_before(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    static const char *const modals[] = {"would", "could", "may", "might", "should", "must",
                                         "can", "will", NULL};
    for (uint32_t k = t; k > sb && k + 3 > t; k--)
        for (int i = 0; modals[i]; i++)
            if (dt_doc_tok_is(doc, k - 1, modals[i]))
                return g_strdup(modals[i]);
    return NULL;
}

static const dt_lex_entry *flip(const dt_doc *doc, const dt_lex_entry *pol)
{
    const char *l = pol->label;
    if (!strcmp(l, "accepts") || !strcmp(l, "supports") || !strcmp(l, "proposes"))
        return concept(doc, "rejects");
    if (!strcmp(l, "rejects") || !strcmp(l, "opposes"))
        return concept(doc, "supports");
    return pol;
}

/* End of the if-clause starting at t (next comma, or the sentence end). */
static uint32_t clause_end(const dt_doc *doc, uint32_t t, uint32_t se)
{
    for (uint32_t k = t + 1; k < se; k++)
        if (dt_doc_tok_is(doc, k, ",") || dt_doc_tok_is(doc, k, ";"))
            return k;
    return se;
}

static const dt_lex_entry *evidentiality(const dt_doc *doc, uint32_t sb, uint32_t se, int *source)
{
    *source = -1;
    for (uint32_t k = sb; k < se; k++) {
        const dt_lex_entry *ev = doc->tokinfo[k].evidential;
        if (ev == NULL || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_lex_entry *value = ev->value ? dt_lexicon_entry(doc->lex, ev->value) : NULL;
        /* "reportedly", "sources said": hedged, sourced to nobody named */
        if (value && g_str_has_suffix(value->iri, "#Reported"))
            return value;
        GArray *src = g_array_new(FALSE, FALSE, sizeof(int));
        subjects_before(doc, sb, k, src);
        if (src->len == 0) {
            /* according to X */
            int e = dt_actor_at(doc, doc->tokinfo[k].evidential_end, NULL);
            if (e >= 0)
                g_array_append_val(src, e);
        }
        if (src->len)
            *source = g_array_index(src, int, 0);
        g_array_free(src, TRUE);
        return value;
    }
    return NULL;
}

static void add_stance(dt_doc *doc, int holder, int proposal, const dt_lex_entry *pol,
                       uint32_t t, uint32_t te, char *condition)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    for (guint i = 0; i < doc->stances->len; i++) {
        dt_stance *s = &g_array_index(doc->stances, dt_stance, i);
        if (s->holder == holder && s->proposal == proposal && s->polarity == pol) {
            g_free(condition);
            return;
        }
    }
    dt_stance s = {0};
    s.holder = holder;
    s.proposal = proposal;
    s.polarity = pol;
    s.trigger = dt_text_tokens_string(doc->text, t, te);
    s.condition = condition;
    s.tb = t;
    s.te = te;
    s.evidentiality = evidentiality(doc, sb, se, &s.source);
    if (s.evidentiality == NULL)
        s.evidentiality = concept(doc, "FirstHand");
    g_array_append_val(doc->stances, s);
}

/* Nearest proposal mention after t in [t, limit), else before t in [sb, t). */
static const pmention *target_of(const GArray *pms, uint32_t t, uint32_t sb, uint32_t limit,
                                 uint32_t skip_b, uint32_t skip_e)
{
    const pmention *best = NULL;
    for (guint i = 0; i < pms->len; i++) {
        const pmention *p = &g_array_index(pms, pmention, i);
        if (p->tb >= skip_b && p->tb < skip_e)
            continue;
        if (p->tb >= t && p->tb < limit && (best == NULL || p->tb < best->tb))
            best = p;
    }
    if (best)
        return best;
    for (guint i = 0; i < pms->len; i++) {
        const pmention *p = &g_array_index(pms, pmention, i);
        if (p->tb >= skip_b && p->tb < skip_e)
            continue;
        if (p->te <= t && p->tb >= sb && (best == NULL || p->tb > best->tb))
            best = p;
    }
    return best;
}

static void add_roles(dt_doc *doc, const pmention *pm, uint32_t se)
{
    dt_proposal *p = g_ptr_array_index(doc->proposals, pm->proposal);
    uint32_t k = pm->te;
    if (k + 1 < se && (dt_doc_tok_is(doc, k, "for") || dt_doc_tok_is(doc, k, "to"))) {
        int e = dt_actor_at(doc, k + 1, NULL);
        if (e >= 0 && is_actor_kind(doc, e))
            dt_ints_add(p->beneficiaries, e);
    }
    if (k + 1 < se && (dt_doc_tok_is(doc, k, "on") || dt_doc_tok_is(doc, k, "against"))) {
        int e = dt_actor_at(doc, k + 1, NULL);
        if (e >= 0 && is_actor_kind(doc, e) && !strcmp(p->kind->label, "sanctions"))
            dt_ints_add(p->targets, e);
        else if (p->concerns == NULL) {
            uint32_t e2 = k + 1;
            while (e2 < se && !dt_is_clause_break(doc, e2) && !dt_doc_tok_is(doc, e2, ".") && e2 < k + 8)
                e2++;
            p->concerns = dt_text_span(doc->text, k + 1, e2, NULL, NULL);
        }
    }
}

/* "agreed to make / offer / provide ...": the one who agreed offers it */
static gboolean offers_after(const dt_doc *doc, uint32_t i, uint32_t se)
{
    if (i < se && dt_doc_tok_is(doc, i, "to"))
        i++;
    return i < se && (dt_doc_tok_is(doc, i, "make") || dt_doc_tok_is(doc, i, "offer") ||
                      dt_doc_tok_is(doc, i, "provide"));
}

static int main_proposal(const dt_doc *doc)
{
    int best = doc->last_proposal;
    guint best_n = 0;
    for (guint i = 0; i < doc->proposals->len; i++) {
        const dt_proposal *p = g_ptr_array_index(doc->proposals, i);
        if (p->spans->len > best_n || (p->spans->len == best_n && (int)i == doc->last_proposal)) {
            best = (int)i;
            best_n = p->spans->len;
        }
    }
    return best;
}

/* The proposal an anaphoric object at k stands for.  "it", "the offer",
 * "the plan": the proposal told last.  "the truce": the ceasefire.  "the
 * deal", "the agreement": the one the article opened with, which news
 * tells first ("A ceasefire and hostage-release agreement ..."), not the
 * one with the most mentions, which counts every "hostages". */
static int anaphoric_referent(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const opening[] = {"deal", "agreement", "accord", "text", "declaration", "treaty", NULL};
    if (k < se && (dt_doc_tok_is(doc, k, "the") || dt_doc_tok_is(doc, k, "this") || dt_doc_tok_is(doc, k, "that")))
        k++;
    /* "it": the proposal the text is about -- the one a sentence last
     * opened with ("The deal has opened rifts ... threatened to resign if
     * it was approved") -- else the one told last */
    if (k < se && dt_doc_tok_is(doc, k, "it") && doc->topic_proposal >= 0)
        return doc->topic_proposal;
    for (uint32_t i = k; i < se && i < k + 3; i++) {
        gboolean truce = dt_doc_tok_is(doc, i, "truce");
        gboolean first = FALSE;
        for (int n = 0; opening[n] && !first; n++)
            first = dt_doc_tok_is(doc, i, opening[n]);
        if (!truce && !first)
            continue;
        int best = -1;
        uint32_t best_tb = G_MAXUINT32;
        for (guint p = 0; p < doc->proposals->len; p++) {
            const dt_proposal *pr = g_ptr_array_index(doc->proposals, p);
            if (pr->spans->len == 0 || (truce && strcmp(pr->kind->label, "ceasefire")))
                continue;
            uint32_t tb = g_array_index(pr->spans, uint32_t, 0);
            if (tb < best_tb) {
                best = (int)p;
                best_tb = tb;
            }
        }
        if (best >= 0)
            return best;
        break;
    }
    return doc->last_proposal >= 0 ? doc->last_proposal : main_proposal(doc);
}

/* "the deal", "the decision", "it" right after a stance verb */
static gboolean anaphoric_object(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const nouns[] = {"deal", "agreement", "decision", "offer", "proposal", "plan",
                                        "accord", "move", "idea", "text", "declaration", "truce", NULL};
    if (k < se && dt_doc_tok_is(doc, k, "it"))
        return TRUE;
    if (k < se && (dt_doc_tok_is(doc, k, "the") || dt_doc_tok_is(doc, k, "this") || dt_doc_tok_is(doc, k, "that")))
        k++;
    for (uint32_t i = k; i < se && i < k + 3; i++)
        for (int n = 0; nouns[n]; n++)
            if (dt_doc_tok_is(doc, i, nouns[n]))
                return TRUE;
    return FALSE;
}

static gboolean negative_words(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const neg[] = {"not", "no", "never", "n't", "cannot", "impossible", "without",
                                      "nothing", "neither", "nor", "won't", "can't", NULL};
    for (uint32_t k = b; k < e; k++)
        for (int i = 0; neg[i]; i++)
            if (dt_doc_tok_is(doc, k, neg[i]) || g_str_has_suffix(dt_doc_tok(doc, k)->fold, "n't"))
                return TRUE;
    return FALSE;
}

/* A quote that speaks of a proposal without a stance verb or a negation
 * ("Security guarantees are the starting point") supports it. */
static void quote_support(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        int q = doc->tokinfo[pm->tb].quote;
        if (q < 0)
            continue;
        int speaker = g_array_index(doc->quotes, dt_quote, q).speaker;
        if (speaker < 0 || !is_actor_kind(doc, speaker))
            continue;
        gboolean stance = FALSE;
        for (uint32_t k = sb; k < se; k++)
            if (doc->tokinfo[k].quote == q && doc->tokinfo[k].polarity)
                stance = TRUE;
        if (stance || negative_words(doc, sb, se))
            continue;
        add_stance(doc, speaker, pm->proposal, concept(doc, "supports"), pm->tb, pm->te, NULL);
    }
}

/* True when person p holds an office of body or country e in the article
 * ("U.S. President Donald Trump" speaks for the United States). */
static gboolean speaks_for(const dt_doc *doc, int p, int e)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->person == p && h->jurisdiction == e)
            return TRUE;
    }
    return FALSE;
}

/* "Trump says the United States will help protect Ukraine", "Zelenskyy
 * says Ukraine plans ...": a leader who reports what his own country or
 * body will do states that stance himself.  Returns the reporter of the
 * clause holding token t when he speaks for `holder`, else -1. */
static int own_side_reporter(const dt_doc *doc, uint32_t sb, uint32_t t, int holder)
{
    if (holder < 0 || dt_entity_kind_of(doc, holder) == DT_ENT_PERSON || doc->tokinfo[t].quote >= 0)
        return -1;
    /* "He said Beijing had proposed ...": a perfect tells what the body
     * did, a fact of the body's, not the speaker's own commitment */
    if (t > sb && (dt_doc_tok_is(doc, t - 1, "had") || dt_doc_tok_is(doc, t - 1, "has") ||
                   dt_doc_tok_is(doc, t - 1, "have")))
        return -1;
    for (uint32_t r = t; r > sb; r--) {
        if (dt_is_clause_break(doc, r - 1))
            return -1; /* "..., even as Iran welcomed": not the reported clause */
        if (!reporting_at(doc, r - 1))
            continue;
        int reporter = reporter_of(doc, sb, doc->tokinfo[r - 1].reporting_end);
        return reporter >= 0 && speaks_for(doc, reporter, holder) ? reporter : -1;
    }
    return -1;
}

/* "going back on the deal", "walked back parts", "stepping back from the
 * brink": "back" as an adverb of motion, not the verb of support. */
static gboolean adverb_back(const dt_doc *doc, uint32_t t, uint32_t se)
{
    static const char *const after[] = {"on", "from", "away", "down", "off", "into", "out", NULL};
    if (!dt_doc_tok_is(doc, t, "back"))
        return FALSE;
    if (t + 1 < se)
        for (int i = 0; after[i]; i++)
            if (dt_doc_tok_is(doc, t + 1, after[i]))
                return TRUE;
    if (t == 0)
        return FALSE;
    const char *prev = dt_doc_tok(doc, t - 1)->fold;
    return g_str_has_suffix(prev, "ing") || g_str_has_suffix(prev, "ed") || !strcmp(prev, "go") ||
           !strcmp(prev, "went") || !strcmp(prev, "come") || !strcmp(prev, "came") ||
           !strcmp(prev, "step") || !strcmp(prev, "walk") || !strcmp(prev, "pull");
}

/* True when the condition clause at cond_b follows the verb phrase ending at
 * `vend` closely, without a clause break: "back it only if", "accept the
 * deal unless". */
static gboolean condition_follows(const dt_doc *doc, uint32_t vend, uint32_t cond_b, uint32_t se)
{
    if (cond_b >= se || cond_b < vend || cond_b > vend + 5)
        return FALSE;
    for (uint32_t k = vend; k < cond_b; k++)
        if (dt_is_clause_break(doc, k))
            return FALSE;
    return TRUE;
}

static void stances_in_sentence(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    if (pms->len == 0 && doc->last_proposal < 0)
        return;
    /* conditional clauses first: their stance words are part of the condition */
    uint32_t cond_b = se, cond_e = se;
    for (uint32_t t = sb; t < se; t++) {
        const dt_lex_entry *pol = doc->tokinfo[t].polarity;
        /* "speaking on condition of anonymity" sets no condition */
        uint32_t pe = doc->tokinfo[t].polarity_end;
        if (pol && pe < se && dt_doc_tok_is(doc, pe, "of"))
            continue;
        if (pol && !strcmp(pol->label, "conditions")) {
            cond_b = t;
            cond_e = clause_end(doc, t, se);
            break;
        }
    }
    /* is the condition one of a stance verb before it ("back it only if")? */
    gboolean governed = FALSE;
    for (uint32_t t = sb; t < cond_b && !governed; t++)
        governed = doc->tokinfo[t].polarity && condition_follows(doc, doc->tokinfo[t].polarity_end, cond_b, se);
    for (uint32_t t = sb; t < se; t++) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->polarity || ti->headline || (t > cond_b && t < cond_e))
            continue;
        if (!strcmp(ti->polarity->label, "conditions") && t != cond_b)
            continue; /* a second condition, or "on condition of anonymity" */
        /* "the proposed exchange": an adjective, not a stance */
        if (t > sb && (dt_doc_tok_is(doc, t - 1, "the") || dt_doc_tok_is(doc, t - 1, "a") ||
                       dt_doc_tok_is(doc, t - 1, "an")))
            continue;
        if (adverb_back(doc, t, se))
            continue;
        const dt_lex_entry *pol = ti->polarity;
        gboolean conditional = t == cond_b;
        GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
        dt_voice voice = conditional ? DT_ACTIVE : voice_of(doc, t, ti->polarity_end, sb, se, holders);
        const pmention *pm = conditional ? target_of(pms, cond_e, sb, se, cond_b, cond_e)
                             : voice != DT_ACTIVE ? passive_target(pms, doc, t, sb, voice)
                                                  : target_of(pms, ti->polarity_end, sb,
                                                              MIN(se, ti->polarity_end + 14), cond_b, cond_e);
        /* "welcomed the agreement and called for aid ...": the object right
         * after the verb is the anaphoric one, not a proposal told later */
        if (pm && voice == DT_ACTIVE && !conditional && pm->tb > ti->polarity_end + 3 &&
            anaphoric_object(doc, ti->polarity_end, MIN(se, ti->polarity_end + 3)) && doc->last_proposal >= 0)
            pm = NULL;
        pmention back;
        if (pm == NULL && voice == DT_PASSIVE_BE && t > sb + 1 &&
            (dt_doc_tok_is(doc, t - 2, "it") || anaphoric_object(doc, t - 2, t)) && doc->last_proposal >= 0) {
            /* "it was rejected", "the deal was signed by ..." */
            back.tb = t;
            back.te = ti->polarity_end;
            back.proposal = dt_doc_tok_is(doc, t - 2, "it")
                                ? (doc->topic_proposal >= 0 ? doc->topic_proposal : main_proposal(doc))
                                : anaphoric_referent(doc, t - 3, t);
            pm = &back;
        }
        if (pm == NULL && voice == DT_ACTIVE && !conditional && anaphoric_object(doc, ti->polarity_end, se) &&
            doc->last_proposal >= 0) {
            /* "welcomed the deal": the proposal the article has told most
             * so far (the latest of those) */
            back.tb = t;
            back.te = ti->polarity_end;
            back.proposal = anaphoric_referent(doc, ti->polarity_end, se);
            pm = &back;
        }
        if (pm == NULL) {
            g_array_free(holders, TRUE);
            continue;
        }
        if (voice == DT_ACTIVE)
            subjects_before(doc, sb, t, holders);
        if (holders->len == 0 && conditional) {
            /* "..., X must ..." after the if-clause */
            for (uint32_t k = cond_e; k < se && holders->len == 0; k++)
                if (doc->tokinfo[k].mention >= 0 || dt_is_pronoun(doc, k))
                    subjects_before(doc, cond_e, k + 1, holders);
        }
        int speaker = quote_speaker(doc, t);
        if (ti->quote >= 0 && speaker >= 0 && (conditional || holders->len == 0 ||
                                               dt_doc_tok_is(doc, t - 1, "we") ||
                                               dt_doc_tok_is(doc, t - 1, "i"))) {
            g_array_set_size(holders, 0);
            g_array_append_val(holders, speaker);
        }
        char *modal = modality_before(doc, t, sb);
        gboolean neg = negated_before(doc, t, sb);
        const dt_lex_entry *p2 = neg ? flip(doc, pol) : pol;
        /* "would back it only if ...", "will not back it unless ...": a
         * stance stated under a condition is that condition, not a yes or no */
        gboolean governs_condition = !conditional && condition_follows(doc, ti->polarity_end, cond_b, se);
        if (governs_condition) {
            p2 = concept(doc, "conditions");
            conditional = TRUE;
        }
        /* "if ..., the EU must increase pressure" proposes the pressure; "will
         * not back it unless ..." proposes nothing */
        gboolean proposing_condition = conditional && !governed && !negative_words(doc, sb, cond_b) &&
                                       !negative_words(doc, cond_e, se);
        dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
        add_roles(doc, pm, se);
        for (guint h = 0; h < holders->len; h++) {
            int holder = g_array_index(holders, int, h);
            if (holder < 0)
                continue;
            /* the body proposes what it will do; the stance is the reporter's */
            int reporter = voice == DT_ACTIVE ? own_side_reporter(doc, sb, t, holder) : -1;
            int proposer = holder;
            if (reporter >= 0)
                holder = reporter;
            gboolean hypothetical = modal && (!strcmp(modal, "could") || !strcmp(modal, "might") ||
                                              !strcmp(modal, "may") || !strcmp(modal, "would"));
            if ((!strcmp(p2->label, "proposes") && !governs_condition) || proposing_condition)
                dt_ints_add(prop->proposers, proposer);
            if (!strcmp(p2->label, "proposes") && hypothetical && !neg)
                continue; /* "could offer": a proposer, not yet a stance */
            char *cond = conditional ? dt_text_span(doc->text, cond_b, cond_e, NULL, NULL) : NULL;
            if (conditional && prop->condition == NULL)
                prop->condition = g_strdup(cond);
            guint before = doc->stances->len;
            add_stance(doc, holder, pm->proposal, p2, t, ti->polarity_end, cond);
            if (doc->stances->len > before) {
                dt_stance *s = &g_array_index(doc->stances, dt_stance, doc->stances->len - 1);
                s->negated = neg;
                s->modality = g_strdup(modal);
            }
            /* "agreed to make concessions": the one who agreed offers them */
            if (!strcmp(pol->label, "accepts") && offers_after(doc, ti->polarity_end, se))
                dt_ints_add(prop->proposers, holder);
        }
        g_free(modal);
        g_array_free(holders, TRUE);
        if (conditional) {
            /* the condition names a proposal of its own (a ceasefire) */
            continue;
        }
    }
}

static gboolean proposal_noun(const dt_doc *doc, uint32_t i)
{
    return dt_lexicon_find(doc->lex, dt_doc_tok(doc, i)->fold, DT_LEX_PROPOSAL_NOUN, -1) != NULL;
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
        subjects_before(doc, sb, p - 1, who);
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
    return e >= 0 && is_actor_kind(doc, e) && !dt_is_media(doc, e) ? e : -1;
}

/* The proposal noun that introduces the proposal mention starting at tb:
 * "plan for a ceasefire", "idea of a guarantee", "offer to hold talks", or
 * the mention itself when it is such a noun ("Qatar's proposal").  Returns
 * its token, or UINT32_MAX. */
static uint32_t introducing_noun(const dt_doc *doc, uint32_t sb, const pmention *pm)
{
    if (proposal_noun(doc, pm->tb))
        return pm->tb;
    uint32_t j = pm->tb;
    if (j > sb && determiner(doc, j - 1))
        j--;
    if (j > sb + 1 && (dt_doc_tok_is(doc, j - 1, "for") || dt_doc_tok_is(doc, j - 1, "of") ||
                       dt_doc_tok_is(doc, j - 1, "on")))
        j--;
    else if (j > sb + 2 && dt_doc_tok_is(doc, j - 2, "to"))
        j -= 2; /* "offer to hold talks" */
    else
        return UINT32_MAX;
    return j > sb && proposal_noun(doc, j - 1) ? j - 1 : UINT32_MAX;
}

static void add_proposer_stance(dt_doc *doc, int holder, const pmention *pm)
{
    dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
    dt_ints_add(prop->proposers, holder);
    add_stance(doc, holder, pm->proposal, concept(doc, "proposes"), pm->tb, pm->te, NULL);
}

/* Proposers named by a possessive rather than as a subject: "Egypt's plan
 * for a ceasefire", "her idea of a mutual-defence guarantee", "Qatar's
 * proposal", and "under Egypt's plan, a ceasefire would ...", which gives
 * Egypt every proposal told in the rest of the sentence. */
static void possessive_proposers(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        uint32_t n = introducing_noun(doc, sb, pm);
        int e = n == UINT32_MAX ? -1 : possessor_of(doc, sb, n);
        if (e >= 0)
            add_proposer_stance(doc, e, pm);
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
            hit = !strcmp(role, roles[i]);
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
        if (e >= 0 && is_actor_kind(doc, e))
            dt_ints_add(((dt_proposal *)g_ptr_array_index(doc->proposals, proposal))->proposers, e);
        return;
    }
}

/* True when the folded tokens [b, e) are a trigger of the word list
 * `list` of the lexicon ("proposal-verbs", a dt:ProposalVerb): lists the
 * loader keeps no token flag for, found by their entry. */
static gboolean word_class_at(const dt_doc *doc, uint32_t b, uint32_t e, const char *list)
{
    char *iri = g_strconcat(DT_WORD_NS, list, NULL);
    const dt_lex_entry *entry = dt_lexicon_entry(doc->lex, iri);
    g_free(iri);
    if (entry == NULL)
        return FALSE;
    GString *key = g_string_new(NULL);
    for (uint32_t k = b; k < e; k++) {
        if (k > b)
            g_string_append_c(key, ' ');
        g_string_append(key, dt_doc_tok(doc, k)->fold);
    }
    const GPtrArray *senses = dt_lexicon_lookup(doc->lex, key->str);
    gboolean hit = FALSE;
    for (guint i = 0; senses && i < senses->len && !hit; i++) {
        const dt_sense *sn = g_ptr_array_index(senses, i);
        hit = sn->entry == entry;
    }
    g_string_free(key, TRUE);
    return hit;
}

/* A trigger of word class `type` starting at token b: "meet again". */
static gboolean word_class_starts(const dt_doc *doc, uint32_t b, uint32_t se, const char *list)
{
    for (uint32_t len = 4; len > 0; len--)
        if (b + len <= se && word_class_at(doc, b, b + len, list))
            return TRUE;
    return FALSE;
}

/* Words that end the object of a verb: a new clause begins. */
static gboolean clause_word(const dt_doc *doc, uint32_t i)
{
    static const char *const words[] = {"that", "which", "who", "while", "because", "but", "after",
                                        "before", "when", "if", "unless", "as", "since", "although",
                                        "though", "whereas", "until", NULL};
    for (int k = 0; words[k]; k++)
        if (dt_doc_tok_is(doc, i, words[k]))
            return TRUE;
    return FALSE;
}

/* End of the object phrase of a verb ending at token ob: up to a clause
 * break, a clause word, another stance or reporting verb, or twelve
 * tokens. */
static uint32_t object_end(const dt_doc *doc, uint32_t ob, uint32_t se)
{
    uint32_t k = ob;
    while (k < se && k < ob + 12 && !dt_is_clause_break(doc, k) && !clause_word(doc, k) &&
           !dt_doc_tok_is(doc, k, ".") && !(k > ob && (doc->tokinfo[k].polarity || reporting_at(doc, k))))
        k++;
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
        if ((k == b || dt_doc_tok_is(doc, k - 1, "to")) && word_class_starts(doc, k, e, "meeting-verbs"))
            return TRUE;
    }
    return FALSE;
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
    for (uint32_t t = sb; t < se; t++) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->polarity || ti->headline || !strcmp(ti->polarity->label, "conditions"))
            continue;
        if (t > sb && determiner(doc, t - 1))
            continue; /* "the proposed exchange", "an offer" */
        uint32_t ve = ti->polarity_end;
        gboolean open_verb = word_class_at(doc, t, ve, "proposal-verbs");
        uint32_t ob = ve;
        if (ob < se && dt_doc_tok_is(doc, ob, "that"))
            ob++; /* "demanded that Israel withdraw" */
        gboolean meeting = ob + 1 < se && dt_doc_tok_is(doc, ob, "to") &&
                           word_class_starts(doc, ob + 1, se, "meeting-verbs");
        meeting = meeting || (ve > t + 1 && word_class_starts(doc, ve - 1, se, "meeting-verbs"));
        if (!open_verb && !meeting)
            continue;
        GArray *agents = g_array_new(FALSE, FALSE, sizeof(int));
        dt_voice v = voice_of(doc, t, ve, sb, se, agents);
        g_array_free(agents, TRUE);
        uint32_t oe = object_end(doc, ob, se);
        /* a known proposal in the object, or right after a list of
         * adjectives ("robust, Article 5-like security guarantees") */
        gboolean known = FALSE;
        for (guint i = 0; i < pms->len && !known; i++) {
            const pmention *p = &g_array_index(pms, pmention, i);
            known = p->tb >= ve && p->tb < MAX(oe, ve + 8);
        }
        if (v != DT_ACTIVE || known || anaphoric_object(doc, ob, oe))
            continue;
        /* "urged ministers to approve the deal": the inner verb governs;
         * "suggested the US could help", "urged them not to": a reported
         * clause or a negated wish, no proposal of its own */
        if (oe < se && doc->tokinfo[oe].polarity)
            continue;
        if (clause_after_subject(doc, ob, oe) || negated_before(doc, MIN(oe, ob + 3), ob))
            continue;
        if (!meeting && (oe <= ob || !has_content(doc, ob, oe)))
            continue;
        const char *kind = meeting || names_negotiation(doc, ob, oe) ? "NegotiationFormat" : "Other";
        uint32_t lb = meeting && oe <= ob ? t : ob, le = oe > ob ? oe : ve;
        pmention pm = {lb, le, proposal_of_kind(doc, concept(doc, kind), lb, le)};
        g_array_append_val(pms, pm);
    }
}

/* "an agreement announced after months of mediation by Qatar, Egypt and
 * the United States", "a truce brokered by Turkey": the mediators put the
 * text on the table, so they propose every proposal the sentence names
 * before.  A participle after an event ("talks mediated by Washington")
 * mediates the talks, not a proposal, and is left alone. */
static void mediators(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
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
        actors_from(doc, k + 2, se, who);
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
        return;
    }
    if (k > sb && doc->last_proposal >= 0 && anaphoric_object(doc, sb, MIN(se, sb + 3)) &&
        !dt_doc_tok_is(doc, sb, "it"))
        doc->topic_proposal = anaphoric_referent(doc, sb, MIN(se, sb + 3));
}

void dt_proposals_find(dt_doc *doc)
{
    doc->last_proposal = -1;
    doc->topic_proposal = -1;
    uint32_t n = dt_doc_ntok(doc);
    GArray *pms = g_array_new(FALSE, FALSE, sizeof(pmention));
    uint32_t cur_sentence = UINT32_MAX;
    for (uint32_t t = 0; t <= n; t++) {
        uint32_t s = t < n ? dt_doc_tok(doc, t)->sentence : UINT32_MAX;
        if (s != cur_sentence) {
            if (cur_sentence != UINT32_MAX) {
                const dt_sentence *sen = dt_text_sentence(doc->text, cur_sentence);
                open_proposals(doc, pms, sen->tok_begin, sen->tok_end);
                sentence_topic(doc, pms, sen->tok_begin, sen->tok_end);
                stances_in_sentence(doc, pms, sen->tok_begin, sen->tok_end);
                possessive_proposers(doc, pms, sen->tok_begin, sen->tok_end);
                mediators(doc, pms, sen->tok_begin, sen->tok_end);
                quote_support(doc, pms, sen->tok_begin, sen->tok_end);
                for (guint i = 0; i < pms->len; i++) {
                    const dt_sentence *ss = sen;
                    add_roles(doc, &g_array_index(pms, pmention, i), ss->tok_end);
                }
            }
            g_array_set_size(pms, 0);
            cur_sentence = s;
        }
        if (t == n)
            break;
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->proposal || ti->headline)
            continue;
        /* skip a shorter trigger inside a longer one just matched */
        if (pms->len && g_array_index(pms, pmention, pms->len - 1).te > t)
            continue;
        pmention pm = {t, ti->proposal_end, proposal_of_kind(doc, ti->proposal, t, ti->proposal_end)};
        g_array_append_val(pms, pm);
        doc->last_proposal = pm.proposal;
        mediator_compound(doc, t, pm.proposal);
    }
    g_array_free(pms, TRUE);
}
