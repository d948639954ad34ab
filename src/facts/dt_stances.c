/* Facts: stances.  A stance links the actor of a stance verb ("agreed",
 * "rejected", "welcomed", "called for") to the proposal it governs, or to
 * the one an anaphoric object ("the deal", "it") stands for; "if"/"unless"
 * clauses make a conditional stance and give its condition; negation
 * flips polarity and modality is kept; inside a quote the speaker stands
 * for "we"/"I"; evidentiality records how the text knows. */
#include "dt_proposals_internal.h"
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

static int quote_speaker(const dt_doc *doc, uint32_t t)
{
    int q = doc->tokinfo[t].quote;
    return q < 0 ? -1 : g_array_index(doc->quotes, dt_quote, q).speaker;
}

gboolean dt_pr_negated_before(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    for (uint32_t k = t; k > sb && k + 3 > t; k--) {
        const char *f = dt_doc_tok(doc, k - 1)->fold;
        if (dt_fold_eq(f, "not") || dt_fold_eq(f, "n't") || dt_fold_eq(f, "never") || dt_fold_eq(f, "no") ||
            dt_fold_eq(f, "nor") || dt_fold_eq(f, "cannot") || g_str_has_suffix(f, "n't"))
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

/* "said Manila would keep pressing for a ceasefire": "would" after a
 * reporting verb and a short subject is the future of the report, not a
 * hypothesis -- unless a condition in the sentence makes it one. */
static gboolean reported_future(const dt_doc *doc, uint32_t sb, uint32_t se, uint32_t t)
{
    static const char *const conditions[] = {"if", "unless", NULL};
    uint32_t w = t;
    while (w > sb && w + 3 > t && !dt_doc_tok_is(doc, w - 1, "would"))
        w--;
    if (w <= sb || !dt_doc_tok_is(doc, w - 1, "would"))
        return FALSE;
    for (uint32_t k = sb; k < se; k++)
        if (dt_doc_tok_in(doc, k, conditions))
            return FALSE;
    for (uint32_t r = w - 1; r > sb && r + 8 > w; r--)
        if (dt_pr_reporting_at(doc, r - 1) && doc->tokinfo[r - 1].quote < 0)
            return doc->tokinfo[r - 1].reporting_end < w;
    return FALSE;
}

static const dt_lex_entry *flip(const dt_doc *doc, const dt_lex_entry *pol)
{
    const char *l = pol->label;
    if (!strcmp(l, "accepts") || !strcmp(l, "supports") || !strcmp(l, "proposes"))
        return dt_pr_concept(doc, "rejects");
    if (!strcmp(l, "rejects") || !strcmp(l, "opposes"))
        return dt_pr_concept(doc, "supports");
    return pol;
}

/* True when tokens [a, b) join two coordinated objects: "and", a comma,
 * a determiner ("the ceasefire and the prisoner exchange", "a truce, an
 * exchange and new talks"). */
static gboolean coordinated_gap(const dt_doc *doc, uint32_t a, uint32_t b)
{
    static const char *const joiners[] = {"and", ",", "the", "a", "an", "new", "its", "their", "as", "well", NULL};
    gboolean conj = FALSE;
    if (b <= a || b > a + 4)
        return FALSE;
    for (uint32_t k = a; k < b; k++) {
        if (!dt_doc_tok_in(doc, k, joiners))
            return FALSE;
        conj |= dt_doc_tok_is(doc, k, "and") || dt_doc_tok_is(doc, k, ",");
    }
    return conj;
}

/* "Hungary drops its veto threat", "Turkey lifted its objection to": a
 * verb of giving up (dt:AbandoningVerb) before its owner's stance noun
 * negates it. */
static gboolean abandoned_before(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    /* the stance noun has its owner's possessive: "its veto", "their
     * objection" (checked first: this runs for every stance) */
    static const char *const owners[] = {"its", "their", "his", "her", NULL};
    if (t < sb + 2 || !dt_doc_tok_in(doc, t - 1, owners))
        return FALSE;
    return dt_pr_word_class_starts(doc, t - 2, t - 1, "abandoning-verbs") > 0;
}

/* "a draft resolution calling on Denmark to hold elections": an -ing
 * trigger right after a common noun modifies it; the noun, no actor,
 * does the calling.  ("Russia, calling for talks, ...", "is calling for",
 * "repeatedly calling for" are the subject's.) */
static gboolean reduced_relative(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", "also", "still",
                                     "again", "now", NULL};
    const char *f = dt_doc_tok(doc, t)->fold;
    if (t <= sb || !g_str_has_suffix(f, "ing"))
        return FALSE;
    const dt_token *prev = dt_doc_tok(doc, t - 1);
    const dt_tokinfo *pi = &doc->tokinfo[t - 1];
    if (!(prev->flags & DT_TOK_WORD) || (prev->flags & DT_TOK_UPPER) || pi->function_word || pi->mention >= 0 ||
        pi->polarity || pi->reporting || g_str_has_suffix(prev->fold, "ly") || dt_doc_tok_in(doc, t - 1, be))
        return FALSE;
    /* a noun phrase: a determiner before it ("a draft resolution", "the
     * statement"), not a verb ("would keep offering") */
    static const char *const dets[] = {"a", "an", "the", "this", "that", "its", "their", NULL};
    for (uint32_t k = t - 1; k > sb && k + 4 > t; k--) {
        if (dt_doc_tok_in(doc, k - 1, dets))
            return TRUE;
        const dt_token *w = dt_doc_tok(doc, k - 1);
        if (!(w->flags & DT_TOK_WORD) || doc->tokinfo[k - 1].function_word)
            return FALSE;
    }
    return FALSE;
}

/* "a truce agreed in Doha last month", "the deal signed in Washington": a
 * past participle right after a proposal, with no "by" after it, is a
 * reduced passive relative naming no one who agreed. */
static gboolean participle_after_proposal(const dt_doc *doc, const GArray *pms, uint32_t t, uint32_t te, uint32_t se)
{
    if (!g_str_has_suffix(dt_doc_tok(doc, t)->fold, "ed") || (te < se && dt_doc_tok_is(doc, te, "by")))
        return FALSE;
    for (guint i = 0; i < pms->len; i++)
        if (g_array_index(pms, pmention, i).te == t)
            return TRUE;
    return FALSE;
}

/* A copula or "remain", "stay" before t (an adverb or "not" between). */
static gboolean copula_before(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    static const char *const copulas[] = {"is", "are", "was", "were", "be", "been", "remain", "remains",
                                          "remained", "stay", "stays", "stayed", "being", NULL};
    for (uint32_t k = t; k > sb && k + 3 > t; k--)
        if (dt_doc_tok_in(doc, k - 1, copulas))
            return TRUE;
    return FALSE;
}

/* "NATO called on Saturday for restraint": a trigger ending with "on"
 * ("called on") followed by a date, not by the one called on. */
static gboolean dated_on(const dt_doc *doc, uint32_t t, uint32_t se)
{
    uint32_t pe = doc->tokinfo[t].polarity_end;
    if (pe <= t + 1 || pe >= se || !dt_doc_tok_is(doc, pe - 1, "on"))
        return FALSE;
    const dt_token *next = dt_doc_tok(doc, pe);
    if (g_ascii_isdigit(next->fold[0]))
        return TRUE;
    return (next->flags & DT_TOK_UPPER) && dt_actor_at(doc, pe, NULL) < 0;
}

/* "It was not clear whether Norway would accept the resolution": a stance
 * verb in an indirect question is not asserted. */
static gboolean in_question(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    for (uint32_t k = t; k > sb && k + 6 > t; k--) {
        if (dt_doc_tok_is(doc, k - 1, "whether"))
            return TRUE;
        if (dt_is_clause_break(doc, k - 1))
            return FALSE;
    }
    return FALSE;
}

/* "doubted Putin would accept a ceasefire", "was not sure Hamas would
 * sign": a stance verb in the clause a verb of doubt governs is not
 * asserted; the doubt is the stance. */
/* The stance verb [t, pe) takes a that- or whether-clause whose subject
 * is no pronoun ("doubts that the election would bring stability"). */
static gboolean that_clause_object(const dt_doc *doc, uint32_t t, uint32_t pe, uint32_t se)
{
    static const char *const complementizers[] = {"that", "whether", NULL};
    static const char *const pronouns[] = {"it", "they", "this", NULL};
    uint32_t c = pe > t && dt_doc_tok_in(doc, pe - 1, complementizers) ? pe : UINT32_MAX;
    if (c == UINT32_MAX && pe < se && dt_doc_tok_in(doc, pe, complementizers))
        c = pe + 1;
    return c != UINT32_MAX && c < se && !dt_doc_tok_in(doc, c, pronouns);
}

static gboolean under_doubt(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    for (uint32_t k = t; k > sb && k + 8 > t; k--) {
        const dt_tokinfo *o = &doc->tokinfo[k - 1];
        if (o->polarity && o->polarity_end <= t && !strcmp(o->polarity->label, "doubts"))
            return TRUE;
        if (dt_is_clause_break(doc, k - 1))
            return FALSE;
    }
    return FALSE;
}

/* "called on [Baku] to sign [the treaty]", "urged Hamas to accept it":
 * after an urging verb ending at k, an actor, "to", a verb and an
 * anaphoric object.  Returns the object's first token, or 0. */
static uint32_t urged_infinitive_object(const dt_doc *doc, uint32_t k, uint32_t se)
{
    uint32_t me = 0;
    if (k < se && dt_actor_at(doc, k, &me) < 0) {
        /* "urged both sides to", "called on the parties to" */
        static const char *const parties[] = {"both", "the", "two", "all", "sides", "countries", "parties",
                                              "nations", "leaders", "governments", "neighbours", "neighbors",
                                              "member", "states", "allies", "partners", "capitals", NULL};
        me = k;
        while (me < se && me < k + 3 && dt_doc_tok_in(doc, me, parties))
            me++;
        if (me == k)
            return 0;
    }
    if (k >= se || me + 2 >= se || !dt_doc_tok_is(doc, me, "to"))
        return 0;
    /* "to fully comply with it": past an adverb */
    if (me + 3 < se && g_str_has_suffix(dt_doc_tok(doc, me + 1)->fold, "ly"))
        me++;
    const dt_token *v = dt_doc_tok(doc, me + 1);
    if (!(v->flags & DT_TOK_WORD) || (v->flags & DT_TOK_UPPER))
        return 0;
    uint32_t o = me + 2;
    /* "comply with it", "abide by it", "stick to it" */
    static const char *const particles[] = {"with", "by", "to", NULL};
    if (o + 1 < se && dt_doc_tok_in(doc, o, particles) && dt_doc_tok_is(doc, o + 1, "it"))
        o++;
    if (dt_doc_tok_is(doc, o, "it") && dt_is_clause_break(doc, o + 1 < se ? o + 1 : o))
        return o;
    /* "urged Belgium to drop its objections": a verb of consent whose
     * object is in its words stands for "accept it" */
    const dt_tokinfo *inner = &doc->tokinfo[me + 1];
    if (inner->polarity && !strcmp(inner->polarity->label, "accepts") && inner->polarity_end > me + 2 &&
        (inner->polarity_end + 1 >= se || dt_is_clause_break(doc, inner->polarity_end)))
        return me + 1;
    return dt_pr_anaphoric_object(doc, o, se) ? o : 0;
}

/* True when the stance verb at t is the infinitive after the object of a
 * stance verb: "urged [Israel] to accept", "called on [both sides] to". */
/* "both sides", "the two parties", "them" in [b, e): a short object noun
 * phrase of an urging verb, with no verb inside. */
static gboolean short_object(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const openers[] = {"both", "the", "all", "them", "him", "her", "us", "each", NULL};
    if (e <= b || e > b + 4 || !dt_doc_tok_in(doc, b, openers))
        return FALSE;
    for (uint32_t k = b; k < e; k++)
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_WORD) || doc->tokinfo[k].polarity || doc->tokinfo[k].reporting)
            return FALSE;
    return TRUE;
}

static gboolean urged_object_before(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    if (t < sb + 3 || !dt_doc_tok_is(doc, t - 1, "to"))
        return FALSE;
    /* "set Thursday as a deadline for Ukraine to accept the plan", "time
     * for Russia to agree": what someone else is to do, no stance yet
     * ("pushed for Kyiv to accept" is the pushing verb's, below) */
    int mi = doc->tokinfo[t - 2].mention;
    if (mi >= 0) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->te == t - 1 && m->tb >= sb + 2 && dt_doc_tok_is(doc, m->tb - 1, "for") &&
            !doc->tokinfo[m->tb - 2].polarity)
            return TRUE;
    }
    /* the object: a name or a short noun phrase ("both sides", "the two
     * leaders") right after the verb */
    for (uint32_t j = t - 2; j >= sb && j + 7 > t; j--) {
        const dt_tokinfo *o = &doc->tokinfo[j];
        if (o->polarity && o->polarity_end <= t - 2)
            return dt_pr_word_class_at(doc, j, o->polarity_end, "proposal-verbs") ||
                   dt_pr_word_class_at(doc, j, o->polarity_end, "urging-verbs");
        /* "to press Russia to accept", "asked Kyiv to agree" */
        uint32_t ul = dt_pr_word_class_starts(doc, j, t - 2, "urging-verbs");
        if (ul > 0 && j + ul <= t - 2 && (doc->tokinfo[j + ul].mention >= 0 || short_object(doc, j + ul, t - 1)))
            return TRUE;
        if (dt_is_clause_break(doc, j) || j == sb)
            return FALSE;
    }
    return FALSE;
}

/* An if-clause the sentence opens with ("If no ceasefire is agreed, ..."),
 * or one after a reporting verb ("said that if ...", "\"If Hezbollah ..."). */
static gboolean fronted_condition(const dt_doc *doc, uint32_t sb, uint32_t cond_b)
{
    if (cond_b <= sb + 1)
        return TRUE;
    uint32_t k = cond_b;
    if (dt_doc_tok_is(doc, k - 1, "only") || dt_doc_tok_is(doc, k - 1, "but") || dt_doc_tok_is(doc, k - 1, "and") ||
        dt_doc_tok_is(doc, k - 1, ","))
        k--;
    if (k > sb && (dt_doc_tok_is(doc, k - 1, "that") || dt_doc_tok_is(doc, k - 1, ",") ||
                   dt_doc_tok_is(doc, k - 1, "but") || doc->tokinfo[k - 1].reporting ||
                   (doc->tokinfo[k].quote >= 0 && g_array_index(doc->quotes, dt_quote, doc->tokinfo[k].quote).open_tok + 1 >= k)))
        return TRUE;
    return k == sb;
}

/* The proposal of a condition's main clause, which the condition's holder
 * puts forward ("If no ceasefire is agreed, the EU must increase pressure",
 * "could trigger the snapback of sanctions unless ..."): after a fronted
 * condition, before one that follows -- not under "only if", which sets a
 * price on one's own acceptance ("would only return to the table if"). */
static gboolean main_clause_proposal(const dt_doc *doc, uint32_t sb, uint32_t cond_b, uint32_t cond_e,
                                     const pmention *pm)
{
    for (uint32_t k = cond_b + 1; k > sb && k + 7 > cond_b; k--)
        if (dt_doc_tok_is(doc, k - 1, "only")) /* "only if", "would only return ... if" */
            return FALSE;
    return fronted_condition(doc, sb, cond_b) ? pm->tb >= cond_e : pm->te <= cond_b;
}

/* End of the if-clause starting at t (next comma, or the sentence end). */
static uint32_t clause_end(const dt_doc *doc, uint32_t t, uint32_t se)
{
    static const char *const aux[] = {"has", "have", "had", "will", "would", "is", "was", "also", NULL};
    for (uint32_t k = t + 1; k < se; k++) {
        if (dt_doc_tok_is(doc, k, ",") || dt_doc_tok_is(doc, k, ";"))
            return k;
        /* "threatened military action if Tehran does not reach a deal and
         * has restored ...": the main clause's second verb */
        if (dt_doc_tok_is(doc, k, "and") && k + 1 < se && dt_doc_tok_in(doc, k + 1, aux))
            return k;
    }
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
        dt_pr_subjects_before(doc, sb, k, src);
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

/* The country whose name or demonym opens the written name of body e
 * ("Chinese Foreign Ministry", "Iran's foreign ministry"), or NULL. */
static const dt_lex_entry *country_in_name(const dt_doc *doc, const dt_entity *en)
{
    for (guint k = 0; k < en->mentions->len; k++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, g_array_index(en->mentions, guint, k));
        if (m->kind != DT_MEN_NAME || m->te - m->tb < 2)
            continue;
        const dt_sense *s = dt_lexicon_find(doc->lex, dt_doc_tok(doc, m->tb)->fold, DT_LEX_COUNTRY, -1);
        if (s && (dt_doc_tok(doc, m->tb)->flags & DT_TOK_UPPER))
            return s->entry;
    }
    return NULL;
}

int dt_pr_state_of(dt_doc *doc, int e)
{
    static const char *const organs[] = {"ministry", "department", "foreign office", "presidential office",
                                         "cabinet", "government", "administration", "presidency",
                                         "state council", NULL};
    if (e < 0 || dt_entity_kind_of(doc, e) != DT_ENT_ORG)
        return e;
    const dt_entity *en = dt_doc_entity(doc, e);
    char *low = g_ascii_strdown(en->pref_label ? en->pref_label : en->label, -1);
    gboolean organ = FALSE;
    for (int i = 0; organs[i] && !organ; i++)
        organ = strstr(low, organs[i]) != NULL;
    g_free(low);
    if (!organ)
        return e;
    const dt_lex_entry *c = en->lex && en->lex->country && en->lex->country->cls == DT_LEX_COUNTRY
                                ? en->lex->country
                                : country_in_name(doc, en);
    return c ? dt_entities_listed(doc, c) : e;
}

void dt_pr_add_stance(dt_doc *doc, int holder, int proposal, const dt_lex_entry *pol,
                       uint32_t t, uint32_t te, char *condition)
{
    /* "the Chinese Foreign Ministry announced countermeasures": China's */
    holder = dt_pr_state_of(doc, holder);
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
        s.evidentiality = dt_pr_concept(doc, "FirstHand");
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

/* "cede", "hand over": a territorial concession told by its verb alone. */
static gboolean concession_verb(const dt_doc *doc, const pmention *pm)
{
    const dt_proposal *p = g_ptr_array_index(doc->proposals, pm->proposal);
    if (strcmp(p->kind->label, "territorial concession") != 0)
        return FALSE;
    const char *f = dt_doc_tok(doc, pm->tb)->fold;
    return (pm->te == pm->tb + 1 && g_str_has_prefix(f, "ced")) ||
           (pm->te == pm->tb + 2 && (!strcmp(f, "hand") || !strcmp(f, "handing")));
}

/* "cede five key Ukrainian regions": the object is what the concession
 * concerns, and with the verb it names the proposal better than the verb. */
static void concession_object(dt_doc *doc, dt_proposal *p, const pmention *pm, uint32_t se)
{
    /* "cede the parts of the Donbas region it still controls": a relative
     * clause, with or without its pronoun, ends the object */
    static const char *const stops[] = {".", "and", "to", "in", "if", "unless", "that", "which", "it", "they",
                                        "we", "he", "she", NULL};
    uint32_t k = pm->te, e = k;
    while (e < se && e < k + 8 && !dt_is_clause_break(doc, e) && !dt_doc_tok_in(doc, e, stops))
        e++;
    if (e == k)
        return;
    p->concerns = dt_text_span(doc->text, k, e, NULL, NULL);
    if (p->spans->len >= 2 && g_array_index(p->spans, uint32_t, 0) == pm->tb) {
        g_free(p->label);
        p->label = dt_text_span(doc->text, pm->tb, e, NULL, NULL);
    }
}

/* "the United States would provide security guarantees", "guarantees
 * provided by France and Britain": who would provide or guarantee it. */
static void providers(dt_doc *doc, dt_proposal *p, const pmention *pm, uint32_t se)
{
    static const char *const verbs[] = {"provide", "provides", "provided", "providing", "guarantee",
                                        "guarantees", "guaranteed", "extend", "extends", "extended", NULL};
    uint32_t sb, ss;
    dt_doc_sentence_bounds(doc, pm->tb, &sb, &ss);
    /* after: "provided by X", "guaranteed by X" */
    if (pm->te + 2 < se && dt_doc_tok_in(doc, pm->te, verbs) && dt_doc_tok_is(doc, pm->te + 1, "by")) {
        GArray *by = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_actors_from(doc, pm->te + 2, se, by);
        for (guint i = 0; i < by->len; i++)
            dt_ints_add(p->providers, g_array_index(by, int, i));
        g_array_free(by, TRUE);
        return;
    }
    /* before: the subject of "would provide" within a few words */
    for (uint32_t v = pm->tb; v > sb && v + 4 > pm->tb; v--) {
        if (!dt_doc_tok_in(doc, v - 1, verbs))
            continue;
        GArray *subj = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_subjects_before(doc, sb, v - 1, subj);
        for (guint i = 0; i < subj->len; i++)
            if (dt_pr_is_actor_kind(doc, g_array_index(subj, int, i)))
                dt_ints_add(p->providers, g_array_index(subj, int, i));
        g_array_free(subj, TRUE);
        return;
    }
}

void dt_pr_add_roles(dt_doc *doc, const pmention *pm, uint32_t se)
{
    dt_proposal *p = g_ptr_array_index(doc->proposals, pm->proposal);
    uint32_t k = pm->te;
    providers(doc, p, pm, se);
    if (p->concerns == NULL && concession_verb(doc, pm))
        concession_object(doc, p, pm, se);
    if (k + 1 < se && (dt_doc_tok_is(doc, k, "for") || dt_doc_tok_is(doc, k, "to"))) {
        int e = dt_actor_at(doc, k + 1, NULL);
        if (e >= 0 && dt_pr_is_actor_kind(doc, e))
            dt_ints_add(p->beneficiaries, e);
    }
    if (k + 1 < se && (dt_doc_tok_is(doc, k, "on") || dt_doc_tok_is(doc, k, "against"))) {
        int e = dt_actor_at(doc, k + 1, NULL);
        if (e >= 0 && dt_pr_is_actor_kind(doc, e) && !strcmp(p->kind->label, "sanctions"))
            dt_ints_add(p->targets, e);
        else if (p->concerns == NULL) {
            uint32_t e2 = k + 1;
            while (e2 < se && !dt_is_clause_break(doc, e2) && !dt_doc_tok_is(doc, e2, ".") && e2 < k + 8)
                e2++;
            p->concerns = dt_text_span(doc->text, k + 1, e2, NULL, NULL);
        }
    }
}

/* "agreed to make / offer / provide / lend ...": the one who agreed offers
 * it */
gboolean dt_pr_offers_after(const dt_doc *doc, uint32_t i, uint32_t se)
{
    static const char *const offering[] = {"make", "offer", "provide", "lend", "send", "give", "supply",
                                           "fund", "finance", "deploy", "deliver", "grant", "hand", "transfer", NULL};
    if (i < se && dt_doc_tok_is(doc, i, "to"))
        i++;
    return i < se && dt_doc_tok_in(doc, i, offering);
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

/* True when proposal p has a mention in the sentence of token t or in
 * one of the `back` sentences before it. */
static gboolean told_lately(const dt_doc *doc, int p, uint32_t t, uint32_t back)
{
    const dt_proposal *pr = g_ptr_array_index(doc->proposals, p);
    uint32_t s = dt_doc_tok(doc, t)->sentence;
    for (guint i = 0; i < pr->spans->len; i += 2) {
        uint32_t ms = dt_doc_tok(doc, g_array_index(pr->spans, uint32_t, i))->sentence;
        if (ms <= s && ms + back >= s)
            return TRUE;
    }
    return FALSE;
}

/* The country an actor acts for: itself, or the jurisdiction of a
 * person's office in the article; -1 when unknown. */
static int country_of_actor(const dt_doc *doc, int e)
{
    if (e < 0 || dt_entity_kind_of(doc, e) == DT_ENT_COUNTRY)
        return e;
    for (guint i = 0; dt_entity_kind_of(doc, e) == DT_ENT_PERSON && i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->person == e && h->jurisdiction >= 0 && dt_entity_kind_of(doc, h->jurisdiction) == DT_ENT_COUNTRY)
            return h->jurisdiction;
    }
    return -1;
}

/* "the Brazilian initiative", "the U.S. proposal": the country named
 * before a proposal noun at k, when it put forward a proposal told
 * before; that proposal (the latest), or -1. */
int dt_pr_country_proposal(const dt_doc *doc, uint32_t k, uint32_t se)
{
    if (k + 1 >= se || doc->tokinfo[k].mention < 0 || !dt_lexicon_find(doc->lex, dt_doc_tok(doc,
        g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention).te)->fold, DT_LEX_PROPOSAL_NOUN, -1))
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention);
    if (m->tb != k || m->te >= se || m->entity < 0 || dt_entity_kind_of(doc, m->entity) != DT_ENT_COUNTRY)
        return -1;
    return dt_pr_proposal_of_actor(doc, m->entity);
}

/* The latest proposal put forward by actor e or by someone acting for
 * the same country, or -1. */
int dt_pr_proposal_of_actor(const dt_doc *doc, int e)
{
    int country = country_of_actor(doc, e);
    for (guint p = doc->proposals->len; p > 0; p--) {
        const dt_proposal *pr = g_ptr_array_index(doc->proposals, p - 1);
        for (guint i = 0; i < pr->proposers->len; i++) {
            int by = g_array_index(pr->proposers, int, i);
            if (by == e || (country >= 0 && country_of_actor(doc, by) == country))
                return (int)p - 1;
        }
    }
    return -1;
}

/* The latest proposal of the kind labelled `kind` ("sanctions"), or -1. */
static int latest_of_kind(const dt_doc *doc, const char *kind)
{
    for (guint p = doc->proposals->len; p > 0; p--)
        if (!strcmp(((const dt_proposal *)g_ptr_array_index(doc->proposals, p - 1))->kind->label, kind))
            return (int)p - 1;
    return -1;
}

/* "the deployment of troops from Nato countries", "any deployment":
 * after a force was proposed (a security guarantee), its deployment is
 * that proposal; -1 otherwise. */
static int deployment_of_force(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const determiners[] = {"the", "any", "a", "such", "this", NULL};
    /* "such a deployment" */
    for (int d = 0; d < 2 && k < se && dt_doc_tok_in(doc, k, determiners); d++)
        k++;
    /* "the presence of Nato troops", "the stationing of foreign forces" */
    static const char *const armed[] = {"troops", "forces", "soldiers", "peacekeepers", "contingents", NULL};
    gboolean presence = k + 2 < se && (dt_doc_tok_is(doc, k, "presence") || dt_doc_tok_is(doc, k, "stationing")) &&
                        dt_doc_tok_is(doc, k + 1, "of");
    for (uint32_t a = k + 2; presence && a < se && a < k + 5; a++)
        if (dt_doc_tok_in(doc, a, armed))
            return latest_of_kind(doc, "security guarantee");
    /* "pushed hardest for the force" after a reassurance force was told */
    if (k < se && (dt_doc_tok_is(doc, k, "force") || dt_doc_tok_is(doc, k, "mission")) && k > 0 &&
        dt_doc_tok_is(doc, k - 1, "the")) {
        int p = latest_of_kind(doc, "security guarantee");
        const dt_proposal *pr = p >= 0 ? g_ptr_array_index(doc->proposals, p) : NULL;
        for (guint sp = 1; pr && sp < pr->spans->len; sp += 2)
            if (dt_doc_tok_is(doc, g_array_index(pr->spans, uint32_t, sp) - 1, dt_doc_tok(doc, k)->fold))
                return p;
        return -1;
    }
    if (k >= se || !dt_doc_tok_is(doc, k, "deployment"))
        return -1;
    return latest_of_kind(doc, "security guarantee");
}

/* "would never recognise occupied territory as Russian", "rejected any
 * annexation": land named as the object, after a territorial concession
 * was told, is that concession.  Its index, or -1. */
static int told_territory(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const land[] = {"territory", "territories", "land", "lands", "annexation", NULL};
    gboolean named = FALSE;
    for (uint32_t i = k; i < se && i < k + 3 && !named; i++)
        named = dt_doc_tok_in(doc, i, land);
    return named ? latest_of_kind(doc, "territorial concession") : -1;
}

/* The proposal an anaphoric object at k stands for.  "it", "the offer",
 * "the plan": the proposal told last.  "the truce": the ceasefire.  "the
 * deal", "the agreement": the one the article opened with, which news
 * tells first ("A ceasefire and hostage-release agreement ..."), not the
 * one with the most mentions, which counts every "hostages". */
/* Nouns that refer back only to a proposal told with the same noun in or
 * right before its mention: "a US-drafted resolution calling for ...
 * supported the US draft", "proposed a reparations loan ... blocked the
 * loan" ("the target" with no target told is no proposal). */
static const char *const headed_nouns[] = {"resolution", "draft", "loan", "target", "package", "scheme",
                                           "motion", NULL};

/* "no interest in any proposal from Seoul" after Seoul proposed talks:
 * the proposal of the actor it comes from, or -1. */
static int proposal_from_actor(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const determiners[] = {"the", "any", "a", "an", NULL};
    static const char *const nouns[] = {"proposal", "proposals", "offer", "offers", "plan", "initiative", NULL};
    if (k + 3 >= se || !dt_doc_tok_in(doc, k, determiners) || !dt_doc_tok_in(doc, k + 1, nouns) ||
        !(dt_doc_tok_is(doc, k + 2, "from") || dt_doc_tok_is(doc, k + 2, "by")))
        return -1;
    int e = dt_actor_at(doc, k + 3, NULL);
    return e >= 0 ? dt_pr_proposal_of_actor(doc, e) : -1;
}

/* The latest proposal with a mention ending by k that holds the noun at
 * token i -- or has it up to `before` tokens ahead of the mention, in its
 * sentence ("a US-drafted resolution calling for a swift end to the war");
 * a draft and a resolution are one noun -- or -1. */
static int proposal_told_with(const dt_doc *doc, uint32_t i, uint32_t k, uint32_t before)
{
    gboolean draft = dt_doc_tok_is(doc, i, "draft") || dt_doc_tok_is(doc, i, "resolution");
    for (guint p = doc->proposals->len; p > 0; p--) {
        const dt_proposal *pr = g_ptr_array_index(doc->proposals, p - 1);
        for (guint sp = 1; sp < pr->spans->len; sp += 2) {
            uint32_t tb = g_array_index(pr->spans, uint32_t, sp - 1);
            uint32_t te = g_array_index(pr->spans, uint32_t, sp);
            if (te > k)
                continue;
            uint32_t w = tb;
            if (before > 0) {
                uint32_t sb, se;
                dt_doc_sentence_bounds(doc, tb, &sb, &se);
                w = tb > sb + before ? tb - before : sb;
            }
            for (; w < te; w++)
                if (dt_doc_tok_is(doc, w, dt_doc_tok(doc, i)->fold) ||
                    (draft && (dt_doc_tok_is(doc, w, "resolution") || dt_doc_tok_is(doc, w, "draft"))))
                    return (int)p - 1;
        }
    }
    return -1;
}

/* The proposal "the (US) draft", "the loan" at k refers to, or -1. */
static int headed_reference(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const determiners[] = {"the", "this", "that", "such", NULL};
    if (k >= se || !dt_doc_tok_in(doc, k, determiners))
        return -1;
    for (uint32_t i = k + 1; i < se && i < k + 4; i++)
        if (dt_doc_tok_in(doc, i, headed_nouns))
            return proposal_told_with(doc, i, k, 5);
    return -1;
}

int dt_pr_anaphoric_referent(const dt_doc *doc, uint32_t k, uint32_t se)
{
    int headed = headed_reference(doc, k, se);
    if (headed < 0)
        headed = proposal_from_actor(doc, k, se);
    if (headed >= 0)
        return headed;
    static const char *const opening[] = {"deal", "agreement", "accord", "text", "declaration", "treaty",
                                          "decision", NULL};
    if (k < se && (dt_doc_tok_is(doc, k, "the") || dt_doc_tok_is(doc, k, "this") || dt_doc_tok_is(doc, k, "that")))
        k++;
    /* "it": the proposal the text is about -- the one a sentence last
     * opened with ("The deal has opened rifts ... threatened to resign if
     * it was approved") -- else the one told last */
    if (k < se && dt_doc_tok_is(doc, k, "it") && doc->topic_proposal >= 0) {
        /* unless the topic is far back and another proposal was just told
         * ("... settle the dispute through bilateral mechanisms. \"We will
         * not accept it now\"") */
        if (doc->topic_sentence + 2 < dt_doc_tok(doc, k)->sentence && !told_lately(doc, doc->topic_proposal, k, 2) &&
            doc->last_proposal >= 0 && told_lately(doc, doc->last_proposal, k, 1))
            return doc->last_proposal;
        return doc->topic_proposal;
    }
    int land = told_territory(doc, k, se);
    if (land >= 0)
        return land;
    for (uint32_t i = k; i < se && i < k + 3; i++) {
        gboolean truce = dt_doc_tok_is(doc, i, "truce");
        gboolean first = dt_doc_tok_in(doc, i, opening);
        if (dt_doc_tok_is(doc, i, "measures")) {
            /* "those measures", "such measures": the sanctions told last */
            int sanctions = latest_of_kind(doc, "sanctions");
            if (sanctions >= 0)
                return sanctions;
            break;
        }
        if (!truce && !first)
            continue;
        /* "the agreement", "the deal": an agreement the text told, when it
         * told one (a ceasefire, a peace agreement, an exchange), before
         * any other proposal ("Ethiopia's push for a port ... the Pretoria
         * agreement ... would honour the agreement") */
        gboolean agreement = !truce && !dt_doc_tok_is(doc, i, "decision") && !dt_doc_tok_is(doc, i, "text");
        for (int pass = agreement ? 0 : 1; pass < 2; pass++) {
            int best = -1;
            uint32_t best_tb = G_MAXUINT32;
            for (guint p = 0; p < doc->proposals->len; p++) {
                const dt_proposal *pr = g_ptr_array_index(doc->proposals, p);
                if (pr->spans->len == 0 || (truce && strcmp(pr->kind->label, "ceasefire")))
                    continue;
                if (pass == 0 && strcmp(pr->kind->label, "ceasefire") && strcmp(pr->kind->label, "peace agreement") &&
                    strcmp(pr->kind->label, "prisoner exchange"))
                    continue;
                uint32_t tb = g_array_index(pr->spans, uint32_t, 0);
                if (tb < best_tb) {
                    best = (int)p;
                    best_tb = tb;
                }
            }
            if (best >= 0)
                return best;
        }
        break;
    }
    /* "would not accept the deployment of troops": the force told */
    int force = deployment_of_force(doc, k, se);
    if (force >= 0)
        return force;
    int by_country = dt_pr_country_proposal(doc, k, se);
    if (by_country >= 0)
        return by_country;
    /* "a 28-point peace plan ... ready to discuss the plan": the proposal
     * told with that head noun */
    static const char *const heads[] = {"plan", "proposal", "initiative", "blueprint", "roadmap", "framework", NULL};
    /* (the head noun, or a noun inside: "the framework" after "a
     * framework agreement") */
    for (uint32_t i = k; i < se && i < k + 3; i++) {
        if (!dt_doc_tok_in(doc, i, heads))
            continue;
        int told = proposal_told_with(doc, i, k, 0);
        if (told >= 0)
            return told;
        break;
    }
    /* "Putin proposed direct negotiations, sidestepping a ceasefire Ukraine
     * had demanded ... Zelensky accepted the offer": what someone offered,
     * told last; "the demand": what someone demanded */
    static const char *const offering[] = {"propos", "offer", "suggest", "float", "put forward", "tabl",
                                           "unveil", NULL};
    static const char *const demanding[] = {"demand", "insist", "call", "urg", "press", "push", NULL};
    for (uint32_t i = k; i < se && i < k + 3; i++) {
        const char *const *verbs = NULL;
        if (dt_doc_tok_is(doc, i, "offer") || dt_doc_tok_is(doc, i, "proposal") ||
            dt_doc_tok_is(doc, i, "initiative") || dt_doc_tok_is(doc, i, "suggestion"))
            verbs = offering;
        else if (dt_doc_tok_is(doc, i, "demand") || dt_doc_tok_is(doc, i, "demands") ||
                 dt_doc_tok_is(doc, i, "ultimatum"))
            verbs = demanding;
        if (verbs == NULL)
            continue;
        for (guint j = doc->stances->len; j > 0; j--) {
            const dt_stance *st = &g_array_index(doc->stances, dt_stance, j - 1);
            if (st->trigger == NULL || st->polarity == NULL || strcmp(st->polarity->label, "proposes"))
                continue;
            for (int v = 0; verbs[v]; v++)
                if (g_str_has_prefix(st->trigger, verbs[v]))
                    return st->proposal;
        }
        break;
    }
    return doc->last_proposal >= 0 ? doc->last_proposal : main_proposal(doc);
}

/* Nouns that refer back to a proposal told before: "rejected the deal". */
static const char *const anaphoric_nouns[] = {
    "deal", "agreement", "decision", "offer", "proposal", "plan", "accord", "move", "idea", "text",
    "declaration", "truce", "demand", "demands", "request", "initiative", "suggestion", "ultimatum",
    "protection", "commitment", "arrangement", "settlement", "treaty", "framework", "accords", "pact",
    "roadmap", "blueprint", NULL};

/* The nouns as a set (dt_word_set), made on first use (g_once: extraction
 * threads may get here together) and kept: anaphoric_end asks about each
 * of the four words after a stance verb, and a scan of the 28 nouns cost
 * some 180 instructions a word. */
static gboolean anaphoric_noun(const dt_doc *doc, uint32_t i)
{
    static dt_word_set *nouns;
    if (g_once_init_enter(&nouns))
        g_once_init_leave(&nouns, dt_word_set_new(anaphoric_nouns));
    return i < dt_doc_ntok(doc) && dt_word_set_has(nouns, dt_doc_tok(doc, i)->fold);
}

/* "the deal", "the decision", "it" right after a stance verb */
gboolean dt_pr_anaphoric_object(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const demonstratives[] = {"the", "these", "those", "such", NULL};
    if (k < se && dt_doc_tok_is(doc, k, "it"))
        return TRUE;
    /* "doubted that it would hold" */
    if (k + 1 < se && dt_doc_tok_is(doc, k, "that") && dt_doc_tok_is(doc, k + 1, "it"))
        return TRUE;
    if (deployment_of_force(doc, k, se) >= 0)
        return TRUE;
    /* "signed a trade agreement": an indefinite noun tells a new thing */
    if (k < se && (dt_doc_tok_is(doc, k, "a") || dt_doc_tok_is(doc, k, "an")))
        return FALSE;
    /* "those measures", "such measures": sanctions told before ("imposed
     * measures on Kosovo" is a new measure, not a reference) */
    gboolean measures = (k + 1 < se && dt_doc_tok_in(doc, k, demonstratives) && dt_doc_tok_is(doc, k + 1, "measures")) ||
                        (k > 0 && k < se && dt_doc_tok_is(doc, k, "measures") && dt_doc_tok_in(doc, k - 1, demonstratives));
    /* "the new EU measures", "the latest measures": up to two words
     * between */
    for (uint32_t i = k + 2; !measures && i < se && i < k + 4 && dt_doc_tok_in(doc, k, demonstratives); i++)
        measures = dt_doc_tok_is(doc, i, "measures");
    if (measures && latest_of_kind(doc, "sanctions") >= 0)
        return TRUE;
    if (headed_reference(doc, k, se) >= 0 || proposal_from_actor(doc, k, se) >= 0)
        return TRUE;
    if (told_territory(doc, k, se) >= 0)
        return TRUE;
    if (k < se && dt_doc_tok_is(doc, k, "of")) /* "our approval of the new proposal" */
        k++;
    if (k < se && (dt_doc_tok_is(doc, k, "the") || dt_doc_tok_is(doc, k, "this") || dt_doc_tok_is(doc, k, "that")))
        k++;
    for (uint32_t i = k; i < se && i < k + 3; i++)
        if (anaphoric_noun(doc, i))
            return TRUE;
    return FALSE;
}

static gboolean negative_words(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const neg[] = {"not", "no", "never", "n't", "cannot", "impossible", "without",
                                      "nothing", "neither", "nor", "won't", "can't", "lack", "absence", NULL};
    /* the suffix test is the token's alone: once a token, not once a word */
    for (uint32_t k = b; k < e; k++)
        if (g_str_has_suffix(dt_doc_tok(doc, k)->fold, "n't") || dt_doc_tok_in(doc, k, neg))
            return TRUE;
    return FALSE;
}

/* "those measures \"contradict the spirit of dialogue\"": an unfavourable
 * judgement or effect somewhere in the sentence */
static gboolean unfavourable_words(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        const char c0 = dt_doc_tok(doc, k)->fold[0];
        if (!g_ascii_isalpha(c0))
            continue;
        if (dt_pr_word_class_starts(doc, k, e, "negative-effects") ||
            dt_pr_word_class_starts(doc, k, e, "negative-evaluations"))
            return TRUE;
    }
    return FALSE;
}

/* A quote that speaks of a proposal without a stance verb or a negation
 * ("Security guarantees are the starting point") supports it. */
void dt_pr_quote_support(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    for (guint i = 0; i < pms->len; i++) {
        const pmention *pm = &g_array_index(pms, pmention, i);
        int q = doc->tokinfo[pm->tb].quote;
        if (q < 0)
            continue;
        int speaker = g_array_index(doc->quotes, dt_quote, q).speaker;
        if (speaker < 0 || !dt_pr_is_actor_kind(doc, speaker))
            continue;
        gboolean stance = FALSE;
        for (uint32_t k = sb; k < se; k++)
            if (doc->tokinfo[k].quote == q && doc->tokinfo[k].polarity)
                stance = TRUE;
        if (stance || negative_words(doc, sb, se) || unfavourable_words(doc, sb, se))
            continue;
        /* a stance the speaker states on it here ("\"The ceasefire is
         * unacceptable,\" he said") is his */
        for (guint j = 0; j < doc->stances->len && !stance; j++) {
            const dt_stance *st = &g_array_index(doc->stances, dt_stance, j);
            stance = st->holder == speaker && st->proposal == pm->proposal && st->tb >= sb && st->tb < se;
        }
        if (stance)
            continue;
        dt_pr_add_stance(doc, speaker, pm->proposal, dt_pr_concept(doc, "supports"), pm->tb, pm->te, NULL);
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
/* The person of an attribution closing the sentence of token t ("...,
 * Foreign Minister Andrii Sybiha said on Sunday", "..., said Sybiha"), or
 * -1. */
static int trailing_reporter(const dt_doc *doc, uint32_t t)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    for (uint32_t c = se; c > t + 1; c--) {
        if (!dt_doc_tok_is(doc, c - 1, ",") || doc->tokinfo[c - 1].quote >= 0)
            continue;
        uint32_t k = c;
        gboolean verb_first = k < se && dt_pr_reporting_at(doc, k);
        if (verb_first)
            k = doc->tokinfo[k].reporting_end;
        /* past a demonym and a title ("Ukrainian Foreign Minister") */
        if (k + 1 < se && doc->tokinfo[k].mention >= 0 && doc->tokinfo[k + 1].office >= 0)
            k++;
        while (k < se && doc->tokinfo[k].office >= 0 && doc->tokinfo[k].office_end > k)
            k = doc->tokinfo[k].office_end;
        uint32_t me;
        int p = dt_actor_at(doc, k, &me);
        if (p < 0 || dt_entity_kind_of(doc, p) != DT_ENT_PERSON)
            return -1;
        return verb_first || (me < se && dt_pr_reporting_at(doc, me)) ? p : -1;
    }
    return -1;
}

int dt_pr_own_side_reporter(const dt_doc *doc, uint32_t sb, uint32_t t, int holder)
{
    if (holder < 0 || dt_entity_kind_of(doc, holder) == DT_ENT_PERSON || doc->tokinfo[t].quote >= 0)
        return -1;
    /* "He said Beijing had proposed ...": a perfect tells what the body
     * did, a fact of the body's, not the speaker's own commitment.  A
     * progressive is the speaker's own plan: "she said the Commission was
     * preparing sanctions" (her Commission) is her proposal, the
     * Commission's package */
    if (t > sb && (dt_doc_tok_is(doc, t - 1, "had") || dt_doc_tok_is(doc, t - 1, "has") ||
                   dt_doc_tok_is(doc, t - 1, "have")))
        return -1;
    for (uint32_t r = t; r > sb; r--) {
        if (dt_is_clause_break(doc, r - 1))
            return -1; /* "..., even as Iran welcomed": not the reported clause */
        if (!dt_pr_reporting_at(doc, r - 1))
            continue;
        int reporter = dt_pr_reporter_of(doc, sb, doc->tokinfo[r - 1].reporting_end);
        return reporter >= 0 && speaks_for(doc, reporter, holder) ? reporter : -1;
    }
    /* "Ukraine will not accept any ceasefire that freezes the front line,
     * Foreign Minister Andrii Sybiha said on Sunday": the attribution
     * trails the reported clause */
    int reporter = trailing_reporter(doc, t);
    return reporter >= 0 && speaks_for(doc, reporter, holder) ? reporter : -1;
}

/* "going back on the deal", "walked back parts", "stepping back from the
 * brink": "back" as an adverb of motion, not the verb of support. */
static gboolean adverb_back(const dt_doc *doc, uint32_t t, uint32_t se)
{
    static const char *const after[] = {"on", "from", "away", "down", "off", "into", "out", NULL};
    if (!dt_doc_tok_is(doc, t, "back"))
        return FALSE;
    if (t + 1 < se)
        if (dt_doc_tok_in(doc, t + 1, after))
            return TRUE;
    if (t == 0)
        return FALSE;
    const char *prev = dt_doc_tok(doc, t - 1)->fold;
    return g_str_has_suffix(prev, "ing") || g_str_has_suffix(prev, "ed") || !strcmp(prev, "go") ||
           !strcmp(prev, "went") || !strcmp(prev, "come") || !strcmp(prev, "came") ||
           !strcmp(prev, "step") || !strcmp(prev, "walk") || !strcmp(prev, "pull");
}

/* True when a verb ending a proposal ("to suspend the talks", "to lift all
 * sanctions") stands between the stance verb ending at vend and its target
 * at pb, with at most three words between it and the target. */
static gboolean removal_before(const dt_doc *doc, uint32_t vend, uint32_t pb)
{
    for (uint32_t k = vend; k < pb; k++) {
        uint32_t len = dt_pr_word_class_starts(doc, k, pb, "removal-verbs");
        if (len == 0)
            continue;
        uint32_t r = k + len;
        if (r > pb || pb - r > 3)
            continue;
        gboolean plain = TRUE;
        for (uint32_t j = r; j < pb && plain; j++)
            plain = !doc->tokinfo[j].polarity && !doc->tokinfo[j].reporting && !dt_is_clause_break(doc, j);
        if (plain)
            return TRUE;
    }
    return FALSE;
}

static gboolean question_between(const dt_doc *doc, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (dt_doc_tok_is(doc, k, "whether"))
            return TRUE;
    return FALSE;
}

/* True when a "before" or "until" clause separates the stance verb ending
 * at vend from its target at pb. */
static gboolean demand_before(const dt_doc *doc, uint32_t vend, uint32_t pb)
{
    for (uint32_t k = vend; k < pb; k++)
        if (dt_doc_tok_is(doc, k, "before") || dt_doc_tok_is(doc, k, "until"))
            return k > vend;
    return FALSE;
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

/* A verb of opposition with an if-clause after it: "threatened to resign
 * if it was approved", "vowed to block it if ...". */
static gboolean threat_on(const dt_doc *doc, uint32_t t, uint32_t cond_b, uint32_t se)
{
    const dt_tokinfo *ti = &doc->tokinfo[t];
    return ti->polarity && !strcmp(ti->polarity->label, "opposes") && cond_b < se && cond_b >= ti->polarity_end &&
           condition_follows(doc, ti->polarity_end, cond_b, se);
}

/* End of an anaphoric object starting at k ("the proposal", "it"), or k. */
static uint32_t anaphoric_end(const dt_doc *doc, uint32_t k, uint32_t se)
{
    if (k < se && dt_doc_tok_is(doc, k, "it"))
        return k + 1;
    for (uint32_t i = k; i < se && i < k + 4; i++)
        if (dt_pr_anaphoric_object(doc, i, i + 1))
            return i + 1;
    return k;
}

/* "rejected the proposal for a ceasefire": the noun after the verb
 * introduces the proposal at pb (for/of/on, a determiner between). */
static gboolean introduced_by(const dt_doc *doc, uint32_t ob, uint32_t pb)
{
    uint32_t k = pb;
    if (k > ob && (dt_doc_tok_is(doc, k - 1, "a") || dt_doc_tok_is(doc, k - 1, "an") || dt_doc_tok_is(doc, k - 1, "the")))
        k--;
    return k > ob + 1 && k <= ob + 5 && anaphoric_end(doc, ob, k) == k - 1 &&
           (dt_doc_tok_is(doc, k - 1, "for") || dt_doc_tok_is(doc, k - 1, "of") || dt_doc_tok_is(doc, k - 1, "on"));
}

/* How far the object of the stance verb at t may lie: fourteen tokens,
 * not past "but" or ";", and in a relative clause only up to its closing
 * comma ("Qatar, which has mediated for months, welcomed the truce": the
 * truce is not what Qatar mediated). */
static uint32_t object_limit(const dt_doc *doc, uint32_t t, uint32_t sb, uint32_t se)
{
    uint32_t pe = doc->tokinfo[t].polarity_end, limit = MIN(se, pe + 14);
    /* "rejected a proposal by the United States, Saudi Arabia, Egypt and
     * the United Arab Emirates for a truce": past the list of authors */
    uint32_t noun = pe + 1 < se && (dt_doc_tok_is(doc, pe, "a") || dt_doc_tok_is(doc, pe, "the")) ? pe + 1 : pe;
    if (noun + 1 < se && dt_lexicon_find(doc->lex, dt_doc_tok(doc, noun)->fold, DT_LEX_PROPOSAL_NOUN, -1)) {
        uint32_t after = dt_pr_agent_list_after(doc, noun + 1, se, NULL);
        if (after > noun + 1)
            limit = MIN(se, after + 8);
    }
    static const char *const relatives[] = {"who", "which", "whom", NULL};
    gboolean relative = FALSE;
    for (uint32_t k = t; k > sb && k + 4 > t && !relative; k--)
        relative = dt_doc_tok_in(doc, k - 1, relatives) && k - 1 > sb && dt_doc_tok_is(doc, k - 2, ",");
    for (uint32_t k = pe; k < limit; k++) {
        if (relative && dt_doc_tok_is(doc, k, ","))
            return k;
        /* "sign pledge to protect civilians, but no truce yet": the object
         * ends where a contrasting clause begins */
        if (dt_doc_tok_is(doc, k, "but") || dt_doc_tok_is(doc, k, ";"))
            return k;
    }
    return limit;
}

/* "Ukraine called the proposal unacceptable", "Moscow described the plan
 * as a step forward": a naming verb with a proposal and a judgement is a
 * stance of the verb's subject, of the judgement's polarity. */
static void judgements(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    for (uint32_t t = sb; t < se; t++) {
        /* the lexicon probe only where a proposal could follow as object:
         * one told within the next words, or "the/this/that ...", "it" */
        static const char *const anaphor_openers[] = {"the", "this", "that", "it", "them", "those", "these", NULL};
        if (doc->tokinfo[t].quote >= 0)
            continue;
        /* the naming verb asked below starts a lexicon key: a token known
         * to start none has none (dt_pr_word_class_starts' first test),
         * settled before the object tests */
        if (doc->tokinfo[t].key_known && !doc->tokinfo[t].key_prefix)
            continue;
        gboolean object_near = FALSE;
        for (guint i = 0; i < pms->len && !object_near; i++) {
            const pmention *p = &g_array_index(pms, pmention, i);
            object_near = p->tb > t && p->tb <= t + 8;
        }
        /* every opener starts with 't' or 'i': test that byte before the list */
        const char c1 = t + 1 < se ? dt_doc_tok(doc, t + 1)->fold[0] : 0;
        if (!object_near && !(doc->last_proposal >= 0 && (c1 == 't' || c1 == 'i') &&
                              dt_doc_tok_in(doc, t + 1, anaphor_openers)))
            continue;
        uint32_t vl = dt_pr_word_class_starts(doc, t, se, "naming-verbs");
        if (vl == 0)
            continue;
        /* the anaphoric object, the dearest test (some thousand
         * instructions), only after the verb's */
        if (!object_near && !dt_doc_tok_is(doc, t + 1, "them") && anaphoric_end(doc, t + 1, MIN(se, t + 8)) <= t + 1)
            continue;
        uint32_t ob = t + vl, oe = ob;
        int proposal = -1;
        for (guint i = 0; i < pms->len && proposal < 0; i++) {
            const pmention *p = &g_array_index(pms, pmention, i);
            if (p->tb >= ob && p->tb <= ob + 2) {
                proposal = p->proposal;
                oe = p->te;
            }
        }
        if (proposal < 0 && doc->last_proposal >= 0 && (oe = anaphoric_end(doc, ob, se)) > ob)
            proposal = dt_pr_anaphoric_referent(doc, ob, se);
        else if (proposal < 0 && doc->last_proposal >= 0 && ob < se && dt_doc_tok_is(doc, ob, "them") &&
                 told_lately(doc, doc->last_proposal, sb, 1)) {
            /* "Kurti called them \"unjust\"": the proposal told last, in
             * this sentence or the one before */
            proposal = doc->last_proposal;
            oe = ob + 1;
        }
        if (proposal < 0)
            continue;
        if (oe < se && dt_doc_tok_is(doc, oe, "as"))
            oe++;
        const char *pol = NULL;
        /* the judgement may be quoted: called the outcome "very good" */
        if (oe < se && doc->tokinfo[oe].quote >= 0 &&
            g_array_index(doc->quotes, dt_quote, doc->tokinfo[oe].quote).open_tok == oe)
            oe++;
        /* "called sending European troops to Ukraine risky": past a short
         * phrase completing the object */
        for (uint32_t k = oe; k < se && k < oe + 4 && pol == NULL && !dt_is_clause_break(doc, k); k++) {
            if (dt_pr_word_class_starts(doc, k, se, "positive-evaluations"))
                pol = "supports";
            else if (dt_pr_word_class_starts(doc, k, se, "negative-evaluations"))
                pol = "rejects";
            if (k > oe && !(dt_doc_tok_is(doc, k - 1, "to") || dt_doc_tok_is(doc, k - 1, "for") ||
                            dt_doc_tok_is(doc, k - 1, "in") || doc->tokinfo[k].mention >= 0 ||
                            doc->tokinfo[k - 1].mention >= 0))
                break;
        }
        if (pol == NULL)
            continue;
        if (dt_pr_negated_before(doc, t, sb))
            continue; /* "did not call it unacceptable" is no stance either way */
        GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_subjects_before(doc, sb, t, holders);
        for (guint h = 0; h < holders->len; h++) {
            int holder = g_array_index(holders, int, h);
            if (holder >= 0)
                dt_pr_add_stance(doc, holder, proposal, dt_pr_concept(doc, pol), t, t + vl, NULL);
        }
        g_array_free(holders, TRUE);
    }
}

/* "Mao Ning told a briefing that the sanctions were \"a necessary
 * response\"", "Sanchez said the target was unreasonable": a proposal
 * judged by a copula is judged by whoever says so -- the reporter, the
 * quote's speaker. */
/* "the deal would need to respect Syria's airspace", "any agreement must
 * include guarantees": after a proposal and a modal, a verb of what it
 * must contain states a condition on it. */
static gboolean requirement_at(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const requiring[] = {"include", "respect", "guarantee", "ensure", "involve", "address",
                                            "recognise", "recognize", "preserve", "protect", "cover",
                                            "contain", "reflect", NULL};
    /* a requirement: "must", "should", "need(s) to", "have to" -- "the plan
     * would also include a prisoner swap" tells what it contains */
    gboolean required = k > 0 && (dt_doc_tok_is(doc, k - 1, "must") || dt_doc_tok_is(doc, k - 1, "should"));
    if (k + 2 < se && (dt_doc_tok_is(doc, k, "need") || dt_doc_tok_is(doc, k, "needs") ||
                       dt_doc_tok_is(doc, k, "have")) && dt_doc_tok_is(doc, k + 1, "to")) {
        k += 2;
        required = TRUE;
    }
    if (!required)
        return FALSE;
    /* "must fully respect", "must also include": past an adverb */
    if (k + 1 < se && (g_str_has_suffix(dt_doc_tok(doc, k)->fold, "ly") || dt_doc_tok_is(doc, k, "also")))
        k++;
    return k < se && dt_doc_tok_in(doc, k, requiring);
}

/* "did not think", "doesn't believe", "never considered" right before
 * the clause whose subject starts at b (a "that" may sit between). */
static gboolean denied_thought(const dt_doc *doc, uint32_t sb, uint32_t b)
{
    static const char *const thinking[] = {"think", "believe", "consider", "expect", "feel", "see", NULL};
    uint32_t v = b;
    if (v > sb && dt_doc_tok_is(doc, v - 1, "that"))
        v--;
    /* past the subject's article: "think [a] ceasefire was necessary" */
    for (uint32_t k = v; k > sb && k + 3 > v; k--) {
        if (!dt_doc_tok_in(doc, k - 1, thinking))
            continue;
        for (uint32_t n = k - 1; n > sb && n + 3 > k - 1; n--) {
            const char *f = dt_doc_tok(doc, n - 1)->fold;
            if (dt_fold_eq(f, "not") || dt_fold_eq(f, "never") || g_str_has_suffix(f, "n't"))
                return TRUE;
        }
        return FALSE;
    }
    return FALSE;
}

static const char *const copula_words[] = {"is", "are", "was", "were", "be", NULL};
static const char *const predictive_words[] = {"would", "will", "could", "can", "might", "must", "should", NULL};

/* The first copula or modal in [from, se), or se.  copular_judgements
 * asks it for each "the" and "any" with from rising: a stretch searched
 * once is not searched again. */
static uint32_t next_copula_or_modal(const dt_doc *doc, uint32_t from, uint32_t se)
{
    for (uint32_t j = from; j < se; j++) {
        /* the lists' first bytes settle most words: copulas i, a, b, w;
         * modals w, c, m, s */
        switch (dt_doc_tok(doc, j)->fold[0]) {
        case 'i':
        case 'a':
        case 'b':
            if (dt_doc_tok_in(doc, j, copula_words))
                return j;
            break;
        case 'w':
            if (dt_doc_tok_in(doc, j, copula_words) || dt_doc_tok_in(doc, j, predictive_words))
                return j;
            break;
        case 'c':
        case 'm':
        case 's':
            if (dt_doc_tok_in(doc, j, predictive_words))
                return j;
            break;
        default:
            break;
        }
    }
    return se;
}

/* The stance a copula or a modal after proposal mention pm states
 * ("the plan is unacceptable", "a truce would fail"), if any. */
static void copular_judgement(dt_doc *doc, const pmention *pm, uint32_t sb, uint32_t se)
{
    uint32_t k = pm->te;
    /* past a short phrase completing the subject: "the deployment of
     * foreign troops in Ukraine was unacceptable" */
    static const char *const completing[] = {"in", "to", "on", "into", "near", "inside", "with", "between", NULL};
    if (k < se && dt_doc_tok_in(doc, k, completing))
        for (uint32_t j = k + 1; j < se && j < k + 5; j++) {
            if (dt_doc_tok_in(doc, j, copula_words) || dt_doc_tok_in(doc, j, predictive_words)) {
                k = j;
                break;
            }
            if (dt_is_clause_break(doc, j) || doc->tokinfo[j].polarity || doc->tokinfo[j].reporting ||
                !(dt_doc_tok(doc, j)->flags & DT_TOK_WORD))
                break;
        }
    /* past an aside: "the plan, drafted by Egypt, is ..." */
    if (k < se && dt_doc_tok_is(doc, k, ",")) {
        uint32_t c = k + 1;
        while (c < se && c < k + 12 && !dt_doc_tok_is(doc, c, ",") && !dt_doc_tok_is(doc, c, "."))
            c++;
        if (c < se && dt_doc_tok_is(doc, c, ",") && c + 1 < se && dt_doc_tok_in(doc, c + 1, copula_words))
            k = c + 1;
    }
    /* 'a ceasefire "must come first"' */
    if (k + 1 < se && (dt_doc_tok(doc, k)->flags & DT_TOK_QOPEN) && dt_doc_tok_in(doc, k + 1, predictive_words))
        k++;
    gboolean modal = k < se && dt_doc_tok_in(doc, k, predictive_words);
    if (modal)
        k++;
    /* "new sanctions would \"not help solve the problem\"", "a truce
     * will fail": a predicted effect after a modal, no copula */
    gboolean effect = modal && k < se && !dt_doc_tok_in(doc, k, copula_words);
    if (!effect && (k >= se || !dt_doc_tok_in(doc, k, copula_words)))
        return;
    if (!effect)
        k++;
    /* a quote mark, also of a scare quote dropped as a quotation:
     * was "unacceptable" */
    if (k < se && (dt_doc_tok(doc, k)->flags & DT_TOK_QOPEN))
        k++;
    gboolean neg = k < se && dt_doc_tok_is(doc, k, "not");
    if (neg)
        k++;
    /* and one after the negation: was not "acceptable" */
    if (k < se && (dt_doc_tok(doc, k)->flags & DT_TOK_QOPEN))
        k++;
    const char *good = effect ? "positive-effects" : "positive-evaluations";
    const char *bad = effect ? "negative-effects" : "negative-evaluations";
    const char *pol = NULL;
    /* 'a "surrender"': the article outside the quote */
    gboolean split = k + 2 < se && (dt_doc_tok_is(doc, k, "a") || dt_doc_tok_is(doc, k, "an")) &&
                     (dt_doc_tok(doc, k + 1)->flags & DT_TOK_QOPEN);
    /* the longer words win: "legitimate targets" is no "legitimate" */
    uint32_t gl = split ? (uint32_t)dt_pr_article_word_in_class(doc, k, k + 2, good)
                        : dt_pr_word_class_starts(doc, k, se, good);
    uint32_t bl = split ? (uint32_t)dt_pr_article_word_in_class(doc, k, k + 2, bad)
                        : dt_pr_word_class_starts(doc, k, se, bad);
    if (gl > 0 && gl >= bl)
        pol = neg ? "rejects" : "supports";
    else if (bl > 0)
        pol = neg ? "supports" : "rejects";
    else if (effect && !neg && requirement_at(doc, k, se))
        pol = "conditions";
    /* "he doubted the ceasefire would hold": the doubt is the stance, the
     * effect is what is doubted */
    if (pol == NULL || under_doubt(doc, sb, pm->tb))
        return;
    /* "he did not think a ceasefire was necessary": the judgement is
     * denied by the clause it is reported in */
    if (denied_thought(doc, sb, pm->tb))
        pol = !strcmp(pol, "supports") ? "rejects" : "supports";
    GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
    int q = doc->tokinfo[pm->tb].quote;
    if (q >= 0) {
        int speaker = g_array_index(doc->quotes, dt_quote, q).speaker;
        if (speaker >= 0 && dt_pr_is_actor_kind(doc, speaker))
            g_array_append_val(holders, speaker);
    } else {
        for (uint32_t r = pm->tb; r > sb && holders->len == 0; r--)
            if (dt_pr_reporting_at(doc, r - 1) && doc->tokinfo[r - 1].quote < 0) {
                int reporter = dt_pr_reporter_of(doc, sb, doc->tokinfo[r - 1].reporting_end);
                if (reporter < 0)
                    dt_pr_subjects_before(doc, sb, r - 1, holders);
                else
                    g_array_append_val(holders, reporter);
                break;
            }
    }
    for (guint h = 0; h < holders->len; h++)
        if (g_array_index(holders, int, h) >= 0)
            dt_pr_add_stance(doc, g_array_index(holders, int, h), pm->proposal, dt_pr_concept(doc, pol), pm->tb, pm->te,
                             NULL);
    g_array_free(holders, TRUE);
}

/* "(was) not acceptable", "unrealistic", "a non-starter": a verdict on a
 * proposal, where "(it was) ready to talk" speaks of the speaker ("Russia
 * said it was open to talks"). */
static gboolean verdict_after(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const verdicts[] = {"unacceptable", "acceptable", "unrealistic", "unworkable",
                                           "absurd", "premature", "dead", NULL};
    static const char *const verdict_nouns[] = {"non-starter", "insult", "provocation", NULL};
    if (k < se && dt_doc_tok_is(doc, k, "not"))
        k++;
    if (k < se && (dt_doc_tok(doc, k)->flags & DT_TOK_QOPEN))
        k++; /* was "unacceptable" */
    if (k + 1 < se && (dt_doc_tok_is(doc, k, "a") || dt_doc_tok_is(doc, k, "an")))
        return dt_doc_tok_in(doc, k + 1, verdict_nouns);
    return k < se && dt_doc_tok_in(doc, k, verdicts);
}

static void copular_judgements(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    static const char *const demonstratives[] = {"this", "it", "that", NULL};
    /* "\"This is a victory for restraint,\" Sharif said": a demonstrative
     * opening the sentence or the quote stands for the proposal the text
     * is about, the one it tells most */
    pmention self = {0, 0, -1};
    uint32_t d = sb;
    if (d < se && doc->tokinfo[d].quote >= 0 && g_array_index(doc->quotes, dt_quote, doc->tokinfo[d].quote).open_tok == d)
        d++;
    if (d + 1 < se && dt_doc_tok_in(doc, d, demonstratives) && dt_doc_tok_in(doc, d + 1, copula_words) && doc->last_proposal >= 0) {
        int p = main_proposal(doc);
        if (p >= 0) {
            self.tb = d;
            self.te = d + 1;
            self.proposal = p;
        }
    }
    /* "Israel said it was unacceptable", "Lavrov said they were not
     * acceptable": the pronoun a reported clause opens with is the
     * proposal told last */
    for (uint32_t r = sb; self.proposal < 0 && doc->last_proposal >= 0 && r < se; r++) {
        if (!doc->tokinfo[r].reporting || doc->tokinfo[r].quote >= 0)
            continue;
        uint32_t k = doc->tokinfo[r].reporting_end;
        if (k < se && dt_doc_tok_is(doc, k, "that"))
            k++;
        if (k + 1 < se && (dt_doc_tok_is(doc, k, "it") || dt_doc_tok_is(doc, k, "they")) &&
            dt_doc_tok_in(doc, k + 1, copula_words) && verdict_after(doc, k + 2, se)) {
            self.tb = k;
            self.te = k + 1;
            self.proposal = doc->last_proposal;
        }
        break;
    }
    /* references found below, judged after pms and self as before; few
     * sentences have one, so the array is made on the first */
    GArray *refs = NULL;
    uint32_t next_judge = 0; /* first copula or modal at or after some k + 2 <= the next's */
    gboolean scanned = FALSE;
    /* "Gil said the proposal, delivered through Qatari intermediaries, was
     * \"unacceptable\"": a definite reference to a proposal told before */
    for (uint32_t k = sb; doc->last_proposal >= 0 && k + 1 < se; k++) {
        if (!(dt_doc_tok_is(doc, k, "the") || dt_doc_tok_is(doc, k, "any")) || doc->tokinfo[k].quote >= 0)
            continue;
        /* only before a copula or a modal, within the next dozen words */
        if (!scanned || next_judge < k + 2) {
            next_judge = next_copula_or_modal(doc, k + 2, se);
            scanned = TRUE;
        }
        if (next_judge >= MIN(se, k + 14))
            continue;
        uint32_t e = anaphoric_end(doc, k, MIN(se, k + 4));
        gboolean told = FALSE;
        for (guint i = 0; i < pms->len && !told; i++) {
            const pmention *p = &g_array_index(pms, pmention, i);
            told = p->tb < e && p->te > k;
        }
        if (e > k + 1 && !told && !dt_doc_tok_is(doc, e - 1, "it")) {
            pmention ref = {k, e, dt_pr_anaphoric_referent(doc, k, se)};
            if (ref.proposal >= 0) {
                if (refs == NULL)
                    refs = g_array_new(FALSE, FALSE, sizeof(pmention));
                g_array_append_val(refs, ref);
            }
        }
    }
    for (guint i = 0, n = pms->len; i < n; i++) {
        const pmention pm = g_array_index(pms, pmention, i);
        copular_judgement(doc, &pm, sb, se);
    }
    if (self.proposal >= 0)
        copular_judgement(doc, &self, sb, se);
    for (guint i = 0; refs && i < refs->len; i++)
        copular_judgement(doc, &g_array_index(refs, pmention, i), sb, se);
    if (refs)
        g_array_free(refs, TRUE);
}

/* "Pyongyang has ignored repeated calls for dialogue", "ignored their
 * demands": a trigger that is also a proposal noun ("calls for",
 * "demands") after a determiner or an adjective is the noun; whoever the
 * sentence is about did not make the call.  ("Seoul repeated calls for
 * talks" keeps its verb; after a possessive, "repeated the
 * administration's offer", the verb before it tells the stance.) */
static gboolean noun_use(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    static const char *const determiners[] = {"his", "her", "their", "its", "our", "these", "those",
                                              "such", "any", "no", "repeated", "renewed", "growing",
                                              "mounting", "fresh", "earlier", "previous", NULL};
    if (t == sb)
        return FALSE;
    const dt_token *a = dt_doc_tok(doc, t - 1);
    /* "territorial questions", "serious doubts": an adjective before a
     * doubt word that is also a noun */
    static const char *const adjective_endings[] = {"al", "ic", "ous", "ive", "ful", "ent", "ant", "ary", NULL};
    if ((dt_doc_tok_is(doc, t, "questions") || dt_doc_tok_is(doc, t, "doubts") || dt_doc_tok_is(doc, t, "concerns")) &&
        (a->flags & DT_TOK_WORD) && !(a->flags & DT_TOK_UPPER))
        for (int i = 0; adjective_endings[i]; i++)
            if (g_str_has_suffix(a->fold, adjective_endings[i]))
                return TRUE;
    if (!dt_lexicon_find(doc->lex, dt_doc_tok(doc, t)->fold, DT_LEX_PROPOSAL_NOUN, -1))
        return FALSE;
    /* "it was not his final offer": a possessive and an adjective */
    static const char *const possessives[] = {"his", "her", "their", "its", "our", "my", "your", NULL};
    static const char *const adjectives[] = {"final", "last", "latest", "new", "best", "initial", "formal",
                                             "revised", "improved", "original", "first", "second", NULL};
    if (t > sb + 1 && dt_doc_tok_in(doc, t - 1, adjectives) && dt_doc_tok_in(doc, t - 2, possessives))
        return TRUE;
    if (!dt_doc_tok_in(doc, t - 1, determiners))
        return FALSE;
    /* "repeated", "renewed" are verbs after their subject */
    if (g_str_has_suffix(a->fold, "ed") && t - 1 > sb) {
        const dt_token *b = dt_doc_tok(doc, t - 2);
        return (b->flags & DT_TOK_WORD) && !(b->flags & DT_TOK_UPPER) &&
               (g_str_has_suffix(b->fold, "ed") || doc->tokinfo[t - 2].function_word);
    }
    return TRUE;
}

/* "remained committed to the Pretoria deal but would not complete the
 * disarmament until ...": a condition is on its own clause, after "but"
 * or ";" */
static uint32_t clause_start(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    /* "..., but only if": that "but" opens the condition itself ("but if
     * it is violated, we will respond" opens another clause) */
    if (t > sb && dt_doc_tok_is(doc, t - 1, "but") && dt_doc_tok_is(doc, t, "only"))
        t--;
    for (uint32_t k = t; k > sb; k--)
        if (dt_doc_tok_is(doc, k - 1, "but") || dt_doc_tok_is(doc, k - 1, ";"))
            return k;
    return sb;
}

static gboolean negation_in(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++)
        if (dt_doc_tok_is(doc, k, "not") || dt_doc_tok_is(doc, k, "never") || dt_doc_tok_is(doc, k, "no") ||
            g_str_has_suffix(dt_doc_tok(doc, k)->fold, "n't"))
            return TRUE;
    return FALSE;
}

/* ", which had mediated", ", who brokered": the verb at t is in a subject
 * relative clause. */
static gboolean relative_subject_before(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    static const char *const aux[] = {"had", "has", "have", "was", "is", "also", NULL};
    uint32_t k = t;
    while (k > sb && dt_doc_tok_in(doc, k - 1, aux))
        k--;
    return k > sb + 1 && (dt_doc_tok_is(doc, k - 1, "which") || dt_doc_tok_is(doc, k - 1, "who")) &&
           dt_doc_tok_is(doc, k - 2, ",");
}

/* The verb at [t, k) has no object: the sentence or clause ends after it,
 * and it does not close an object relative ("concerns that Russia has
 * long opposed."). */
static gboolean ends_clause(const dt_doc *doc, uint32_t t, uint32_t k, uint32_t sb, uint32_t se)
{
    static const char *const relatives[] = {"that", "which", "whom", NULL};
    if (!(k >= se || dt_doc_tok_is(doc, k, ".") || dt_doc_tok_is(doc, k, ";")))
        return FALSE;
    for (uint32_t j = t; j > sb && j + 6 > t; j--)
        if (dt_doc_tok_in(doc, j - 1, relatives))
            return FALSE;
    return TRUE;
}

/* "insisted that any deal must restore state authority": what any deal
 * must do, demanded after the verb ending at vend, is a condition on the
 * proposal, not a proposal of it. */
static gboolean requirement_on(const dt_doc *doc, uint32_t vend, const pmention *pm, uint32_t se)
{
    static const char *const musts[] = {"must", "should", "needs", "need", "has", "have", "would", NULL};
    uint32_t k = vend;
    if (k < se && dt_doc_tok_is(doc, k, "that"))
        k++;
    if (k + 2 >= se || !dt_doc_tok_is(doc, k, "any"))
        return FALSE;
    /* the proposal itself, or a noun referring to the one told before */
    if (pm->tb > k + 1) /* "any agreement would have to include guarantees": those are proposed */
        return FALSE;
    uint32_t e = pm->tb == k + 1 ? pm->te : (dt_pr_anaphoric_object(doc, k + 1, k + 2) ? k + 2 : 0);
    if (e == 0 || e >= se || !dt_doc_tok_in(doc, e, musts))
        return FALSE;
    for (uint32_t w = e; w < se && !dt_is_clause_break(doc, w); w++)
        if (doc->tokinfo[w].proposal)
            return FALSE; /* a proposal of its own is what is demanded */
    if (dt_doc_tok_is(doc, e, "must") || dt_doc_tok_is(doc, e, "should"))
        return TRUE;
    /* "has to", "needs to", "would have to" */
    uint32_t to = e + 1;
    if (to < se && dt_doc_tok_is(doc, e, "would") && dt_doc_tok_is(doc, to, "have"))
        to++;
    return to < se && dt_doc_tok_is(doc, to, "to");
}

/* "he is ready to abandon his country's bid to join Nato if ...": a
 * condition after its main clause is held by that clause's subject, so the
 * search starts at the clause's first stance verb, not at "if" (which
 * would take "Nato", an object).  Returns cond_b when the clause has none. */
static uint32_t main_verb_before(const dt_doc *doc, uint32_t sb, uint32_t cond_b)
{
    uint32_t b = clause_start(doc, sb, cond_b);
    for (uint32_t k = b; k < cond_b; k++)
        if (doc->tokinfo[k].polarity && doc->tokinfo[k].quote < 0)
            return k;
    /* "said Moscow would return to the grain deal only if ...": no stance
     * verb, so the clause's modal marks its verb, and its subject stands
     * before it (the proposal right before "only if" is the object) */
    static const char *const modals[] = {"would", "will", "could", "can", "might", NULL};
    for (uint32_t k = cond_b; k > b + 1; k--)
        if (dt_doc_tok_in(doc, k - 1, modals) && doc->tokinfo[k - 1].quote < 0 && k < cond_b)
            return k;
    return cond_b;
}

/* "its 19th package of sanctions", "their new sanctions": sanctions the
 * subject owns. */
static gboolean own_measures(const dt_doc *doc, const pmention *pm)
{
    const dt_proposal *p = g_ptr_array_index(doc->proposals, pm->proposal);
    if (strcmp(p->kind->label, "sanctions") != 0)
        return FALSE;
    for (uint32_t k = pm->tb; k > 0 && k + 3 > pm->tb; k--)
        if (dt_doc_tok_is(doc, k - 1, "its") || dt_doc_tok_is(doc, k - 1, "their"))
            return TRUE;
    return FALSE;
}

/* "will only sign it after Armenia amends its constitution", "would only
 * agree once ...": "only" and the conjunction split by the verb are the
 * condition "only after" ("signed only days after the war" is a time). */
static void split_only_conditions(dt_doc *doc, uint32_t sb, uint32_t se)
{
    static const char *const conjunctions[] = {"after", "once", "when", NULL};
    static const char *const times[] = {"a", "an", "day", "days", "hour", "hours", "week", "weeks", "month",
                                        "months", "year", "years", "minutes", "moments", "shortly", "just",
                                        "two", "three", "few", NULL};
    for (uint32_t t = sb + 2; t < se; t++) {
        /* asked of every token: the conjunctions' first bytes before the list */
        const char c0 = dt_doc_tok(doc, t)->fold[0];
        if ((c0 != 'a' && c0 != 'o' && c0 != 'w') || doc->tokinfo[t].polarity ||
            !dt_doc_tok_in(doc, t, conjunctions) || doc->tokinfo[t].quote >= 0)
            continue;
        for (uint32_t k = t - 1; k > sb && k + 5 > t; k--) {
            if (dt_is_clause_break(doc, k) || dt_doc_tok_in(doc, k, times) ||
                (dt_doc_tok(doc, k)->flags & DT_TOK_DIGIT))
                break;
            if (dt_doc_tok_is(doc, k - 1, "only") && !doc->tokinfo[k - 1].polarity) {
                doc->tokinfo[t].polarity = dt_pr_concept(doc, "conditions");
                doc->tokinfo[t].polarity_end = t + 1;
                break;
            }
        }
    }
}

/* Whether the object at o of the stance verb at t is one of its own,
 * naming no proposal told before: an indefinite noun phrase ("opposed
 * unilateral sanctions and supported a negotiated settlement"); "any" with
 * a noun that refers back to none ("called for a dialogue and rejected any
 * foreign intervention"; "any such deal", "any role for Turkish soldiers"
 * in the force told do); a definite one after a relative clause's subject
 * ("the Minsk Group, which had mediated the conflict"). */
static gboolean object_of_its_own(const dt_doc *doc, uint32_t sb, uint32_t t, uint32_t o, uint32_t se)
{
    static const char *const shares[] = {"role", "part", "participation", "involvement", "presence", NULL};
    if (dt_doc_tok_is(doc, o, "a") || dt_doc_tok_is(doc, o, "an"))
        return TRUE;
    if (dt_doc_tok_is(doc, o, "any"))
        return !dt_doc_tok_in(doc, o + 1, shares) && !dt_pr_anaphoric_object(doc, o, MIN(se, o + 4));
    return dt_doc_tok_is(doc, o, "the") && relative_subject_before(doc, sb, t) &&
           !dt_pr_anaphoric_object(doc, o, MIN(se, o + 3));
}

/* The token of an urging verb that is no stance word of its own ("pressed",
 * "asked") whose object -- a name or a short noun phrase -- is told to
 * accept with the verb at t ("pressed both sides to agree"), or
 * UINT32_MAX. */
static uint32_t pressing_verb_before(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    if (t < sb + 3 || !dt_doc_tok_is(doc, t - 1, "to"))
        return UINT32_MAX;
    for (uint32_t j = t - 2; j > sb && j + 7 > t; j--) {
        uint32_t v = j - 1;
        if (dt_is_clause_break(doc, v))
            return UINT32_MAX;
        uint32_t ul = dt_pr_word_class_starts(doc, v, t - 1, "urging-verbs");
        if (ul == 0 || v + ul >= t - 1 || doc->tokinfo[v].polarity)
            continue;
        uint32_t o = v + ul;
        int mi = doc->tokinfo[o].mention;
        if ((mi >= 0 && g_array_index(doc->mentions, dt_mention, mi).te == t - 1) || short_object(doc, o, t - 1))
            return v;
        return UINT32_MAX;
    }
    return UINT32_MAX;
}

/* "Grundberg has pressed both sides to agree a prisoner exchange", "Macron
 * pressed Russia to accept a ceasefire": asking others to accept a
 * proposal puts it forward; the one who asks proposes it (as the stance
 * verbs "urged", "called on" do). */
static void pressed_to_accept(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    for (uint32_t t = dt_next_polarity(doc, sb, se); t < se; t = dt_next_polarity(doc, t + 1, se)) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->polarity || ti->headline ||
            (strcmp(ti->polarity->label, "accepts") != 0 && strcmp(ti->polarity->label, "supports") != 0))
            continue;
        uint32_t v = pressing_verb_before(doc, sb, t);
        if (v == UINT32_MAX)
            continue;
        const pmention *pm = target_of(pms, ti->polarity_end, sb, object_limit(doc, t, sb, se), se, se);
        if (pm == NULL || pm->tb < ti->polarity_end)
            continue;
        GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
        dt_pr_subjects_before(doc, sb, v, holders);
        dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
        for (guint h = 0; h < holders->len; h++) {
            int holder = g_array_index(holders, int, h);
            if (holder < 0)
                continue;
            dt_ints_add(prop->proposers, holder);
            dt_pr_add_stance(doc, holder, pm->proposal, dt_pr_concept(doc, "proposes"), v, v + 1, NULL);
        }
        g_array_free(holders, TRUE);
    }
}

void dt_pr_stances_in_sentence(dt_doc *doc, const GArray *pms, uint32_t sb, uint32_t se)
{
    if (pms->len == 0 && doc->last_proposal < 0)
        return;
    judgements(doc, pms, sb, se);
    copular_judgements(doc, pms, sb, se);
    split_only_conditions(doc, sb, se);
    pressed_to_accept(doc, pms, sb, se);
    /* conditional clauses first: their stance words are part of the condition */
    uint32_t cond_b = se, cond_e = se;
    for (uint32_t t = dt_next_polarity(doc, sb, se); t < se; t = dt_next_polarity(doc, t + 1, se)) {
        const dt_lex_entry *pol = doc->tokinfo[t].polarity;
        /* "speaking on condition of anonymity", "for as long as it takes"
         * set no condition */
        uint32_t pe = doc->tokinfo[t].polarity_end;
        if (pol && pe < se && dt_doc_tok_is(doc, pe, "of"))
            continue;
        if (pol && t > sb && dt_doc_tok_is(doc, t - 1, "for"))
            continue;
        /* "would not sign the treaty until Armenia amended its
         * constitution": "until" after a negation (not "fought until
         * dawn") */
        if (pol && dt_doc_tok_is(doc, t, "until") && !negation_in(doc, sb, t))
            continue;
        if (pol && !strcmp(pol->label, "conditions")) {
            cond_b = t;
            cond_e = clause_end(doc, t, se);
            break;
        }
    }
    /* is the condition one of a stance verb before it ("back it only if")? */
    gboolean governed = FALSE;
    /* (both need a condition: cond_b < se) */
    for (uint32_t t = sb; cond_b < se && t < cond_b && !governed; t++)
        governed = doc->tokinfo[t].polarity && condition_follows(doc, doc->tokinfo[t].polarity_end, cond_b, se);
    /* "threatened to resign if it was approved": a threat on a condition
     * opposes what the condition names, it states no condition */
    gboolean threat = FALSE;
    for (uint32_t t = sb; cond_b < se && t < cond_b && !threat; t++)
        threat = threat_on(doc, t, cond_b, se);
    for (uint32_t t = dt_next_polarity(doc, sb, se); t < se; t = dt_next_polarity(doc, t + 1, se)) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (!ti->polarity || ti->headline || (t > cond_b && t < cond_e))
            continue;
        if (threat && t == cond_b)
            continue;
        if (!strcmp(ti->polarity->label, "conditions") && t != cond_b)
            continue; /* a second condition, or "on condition of anonymity" */
        /* "the proposed exchange": an adjective, not a stance */
        if (t > sb && (dt_doc_tok_is(doc, t - 1, "the") || dt_doc_tok_is(doc, t - 1, "a") ||
                       dt_doc_tok_is(doc, t - 1, "an")))
            continue;
        /* "thanked Japan for its support.": a noun owned by someone else,
         * with no object */
        static const char *const possessives[] = {"its", "their", "his", "her", "our", NULL};
        if (t > sb && dt_doc_tok_in(doc, t - 1, possessives) && ends_clause(doc, t, ti->polarity_end, sb, se))
            continue;
        if (adverb_back(doc, t, se) || noun_use(doc, sb, t))
            continue;
        /* "the Stabroek block": a noun after a name that is no actor */
        if (t > sb + 1 && (dt_doc_tok(doc, t - 1)->flags & DT_TOK_UPPER) && dt_doc_tok_is(doc, t - 2, "the") &&
            !(t - 1 == sb) && (doc->tokinfo[t - 1].mention < 0 || dt_doc_entity_at(doc, t - 1) < 0 ||
                               dt_entity_kind_of(doc, dt_doc_entity_at(doc, t - 1)) == DT_ENT_PLACE))
            continue;
        /* "mediators pushed to move to the second phase": pushing to do
         * something is trying it, no stance */
        if (g_str_has_prefix(dt_doc_tok(doc, t)->fold, "push") && ti->polarity_end == t + 1 &&
            t + 1 < se && dt_doc_tok_is(doc, t + 1, "to"))
            continue;
        /* "Abbas was present": attendance, not presenting */
        static const char *const be_forms[] = {"is", "was", "were", "are", "be", "been", "not", NULL};
        if (t > sb && dt_doc_tok_is(doc, t, "present") && dt_doc_tok_in(doc, t - 1, be_forms))
            continue;
        /* "leaders failed to agree on a plan": no one's stance */
        static const char *const failing[] = {"failed", "fail", "fails", "failing", NULL};
        if (t >= sb + 2 && dt_doc_tok_is(doc, t - 1, "to") && dt_doc_tok_in(doc, t - 2, failing))
            continue;
        /* "ready to accept a ceasefire", "willing to sign": the inner verb
         * tells the stance */
        if (ti->polarity_end < se && doc->tokinfo[ti->polarity_end].polarity &&
            strcmp(doc->tokinfo[ti->polarity_end].polarity->label, "conditions") != 0)
            continue;
        /* "vowed to respect the ceasefire", "pledged to honour it": the
         * inner verb tells the stance */
        if (ti->polarity_end + 1 < se && dt_doc_tok_is(doc, ti->polarity_end, "to") &&
            doc->tokinfo[ti->polarity_end + 1].polarity &&
            strcmp(doc->tokinfo[ti->polarity_end + 1].polarity->label, "conditions") != 0 &&
            (!strcmp(ti->polarity->label, "opposes") || !strcmp(ti->polarity->label, "proposes")) &&
            (dt_doc_tok_is(doc, t, "vowed") || dt_doc_tok_is(doc, t, "pledged") || dt_doc_tok_is(doc, t, "promised")))
            continue;
        /* "declined to back the sanctions", "refused to sign": likewise,
         * the inner verb, negated by the outer one (below) */
        if (ti->polarity_end + 1 < se && dt_doc_tok_is(doc, ti->polarity_end, "to") &&
            doc->tokinfo[ti->polarity_end + 1].polarity &&
            strcmp(doc->tokinfo[ti->polarity_end + 1].polarity->label, "conditions") != 0 &&
            !strcmp(ti->polarity->label, "rejects"))
            continue;
        /* "urged Israel to accept the ceasefire", "called on Russia to
         * agree to ...": the one urged takes no stance yet; the urging verb
         * tells the stance */
        if (urged_object_before(doc, sb, t) || under_doubt(doc, sb, t) || reduced_relative(doc, sb, t) ||
            participle_after_proposal(doc, pms, t, ti->polarity_end, se) ||
            in_question(doc, sb, t) || dated_on(doc, t, se))
            continue;
        const dt_lex_entry *pol = ti->polarity;
        gboolean conditional = t == cond_b;
        GArray *holders = g_array_new(FALSE, FALSE, sizeof(int));
        dt_voice voice = conditional ? DT_ACTIVE : dt_pr_voice_of(doc, t, ti->polarity_end, sb, se, holders);
        pmention back;
        gboolean urged_told = FALSE;
        /* the condition's proposal: in the main clause -- after a fronted
         * if-clause, before one that follows it ("has threatened military
         * action if Tehran does not reach a deal and has restored
         * sanctions" sets no condition on the sanctions) */
        const pmention *pm = conditional ? (fronted_condition(doc, sb, cond_b)
                                                ? target_of(pms, cond_e, clause_start(doc, sb, cond_b), se, cond_b,
                                                            cond_e)
                                                : target_of(pms, cond_b, clause_start(doc, sb, cond_b), cond_b,
                                                            cond_b, cond_e))
                             : voice != DT_ACTIVE ? dt_pr_passive_target(pms, doc, t, sb, voice)
                                                  : target_of(pms, ti->polarity_end, sb,
                                                              object_limit(doc, t, sb, se), cond_b, cond_e);
        /* "would stop fighting only if Kyiv withdrew from Donetsk": with no
         * proposal in the main clause, a withdrawal set as the condition is
         * demanded -- put forward by the one who sets it */
        gboolean demanded = FALSE;
        if (pm == NULL && conditional) {
            pm = target_of(pms, cond_b, cond_b, cond_e, se, se);
            if (pm && !strcmp(((const dt_proposal *)g_ptr_array_index(doc->proposals, pm->proposal))->kind->label,
                              "territorial concession")) {
                pol = dt_pr_concept(doc, "proposes");
                conditional = FALSE;
                demanded = TRUE;
            } else {
                pm = NULL;
            }
        }
        /* a verb with an object of its own does not take a proposal told
         * before it */
        if (pm && voice == DT_ACTIVE && !conditional && pm->te <= t && ti->polarity_end + 1 < se &&
            object_of_its_own(doc, sb, t, ti->polarity_end, se))
            pm = NULL;
        /* "backed the dialogue proposal but expressed doubts that the
         * election would bring stability": a that-clause is the verb's own
         * object; a proposal told before it is not (unless "it" stands for
         * one) */
        if (pm && voice == DT_ACTIVE && !conditional && pm->te <= t && that_clause_object(doc, t, ti->polarity_end, se))
            pm = NULL;
        /* "sanctions remain on the table", "such measures remained on the
         * table": the subject is the proposal */
        if (voice == DT_ACTIVE && !conditional && dt_pr_word_class_at(doc, t, ti->polarity_end, "subject-predicates")) {
            /* only as a predicate: "remained on the table", "is not on the
             * table"; "we support the proposal on the table" is none */
            if (!copula_before(doc, sb, t)) {
                g_array_free(holders, TRUE);
                continue;
            }
            pm = NULL;
            for (guint i = 0; i < pms->len; i++) {
                const pmention *p = &g_array_index(pms, pmention, i);
                if (p->te <= t && p->te + 5 >= t && p->tb >= sb && (pm == NULL || p->tb > pm->tb))
                    pm = p;
            }
            for (uint32_t k = t > sb + 4 ? t - 4 : sb; pm == NULL && k < t && doc->last_proposal >= 0; k++)
                if (dt_pr_anaphoric_object(doc, k, t)) {
                    back.tb = t;
                    back.te = ti->polarity_end;
                    back.proposal = dt_pr_anaphoric_referent(doc, k, t);
                    pm = &back;
                }
            if (pm == NULL) {
                g_array_free(holders, TRUE);
                continue;
            }
        }
        /* "10,000 soldiers were ready to deploy south of the Litani": an
         * infinitive after "ready to", "agreed to" is the object; a proposal
         * before the verb is one only when nothing follows ("a truce both
         * sides have not agreed to.") */
        if (pm && voice == DT_ACTIVE && !conditional && pm->te <= t && ti->polarity_end > t + 1 &&
            dt_doc_tok_is(doc, ti->polarity_end - 1, "to") && ti->polarity_end < se &&
            (dt_doc_tok(doc, ti->polarity_end)->flags & DT_TOK_WORD) &&
            !(dt_doc_tok(doc, ti->polarity_end)->flags & DT_TOK_UPPER))
            pm = NULL;
        /* "welcomed the agreement and called for aid ...": the object right
         * after the verb is the anaphoric one, not a proposal told later */
        if (pm && voice == DT_ACTIVE && !conditional && pm->tb > ti->polarity_end + 3 &&
            dt_pr_anaphoric_object(doc, ti->polarity_end, MIN(se, ti->polarity_end + 3)) && doc->last_proposal >= 0 &&
            !introduced_by(doc, ti->polarity_end, pm->tb))
            pm = NULL;
        if (pm == NULL && voice == DT_PASSIVE_BE && t > sb + 1 &&
            (dt_doc_tok_is(doc, t - 2, "it") || dt_pr_anaphoric_object(doc, t - 2, t)) && doc->last_proposal >= 0) {
            /* "it was rejected", "the deal was signed by ..." */
            back.tb = t;
            back.te = ti->polarity_end;
            back.proposal = dt_doc_tok_is(doc, t - 2, "it")
                                ? (doc->topic_proposal >= 0 ? doc->topic_proposal : main_proposal(doc))
                                : dt_pr_anaphoric_referent(doc, t - 3, t);
            pm = &back;
        }
        if (pm == NULL && voice == DT_ACTIVE && !conditional && dt_pr_anaphoric_object(doc, ti->polarity_end, se) &&
            doc->last_proposal >= 0) {
            /* "welcomed the deal": the proposal the article has told most
             * so far (the latest of those) */
            back.tb = t;
            back.te = ti->polarity_end;
            back.proposal = dt_pr_anaphoric_referent(doc, ti->polarity_end, se);
            pm = &back;
        }
        /* "welcomed the Ankara declaration and urged both countries to
         * implement it": the proposal told before the urging is what the
         * urged are to honour -- backed, not put forward */
        if (pm && pm->te <= t && voice == DT_ACTIVE && !conditional && !strcmp(pol->label, "proposes")) {
            uint32_t o = urged_infinitive_object(doc, ti->polarity_end, se);
            if (o > 0 && dt_doc_tok_is(doc, o, "it"))
                urged_told = TRUE;
        }
        if (pm == NULL && voice == DT_ACTIVE && !conditional && doc->last_proposal >= 0 &&
            !strcmp(pol->label, "proposes")) {
            /* "called on Baku to sign the treaty", "urged Hamas to accept
             * it": the urged one's verb takes the proposal told before */
            uint32_t o = urged_infinitive_object(doc, ti->polarity_end, se);
            if (o > 0) {
                back.tb = t;
                back.te = ti->polarity_end;
                back.proposal = dt_doc_tok_is(doc, o, "it")
                                    ? (doc->topic_proposal >= 0 ? doc->topic_proposal : main_proposal(doc))
                                    : dt_pr_anaphoric_referent(doc, o, se);
                if (back.proposal >= 0) {
                    pm = &back;
                    urged_told = TRUE;
                }
            }
        }
        if (pm == NULL && voice == DT_ACTIVE && !conditional && doc->last_proposal >= 0) {
            /* "the deal that Getachew signed", "the agreement which Kyiv
             * rejected": the anaphoric object before the relative clause */
            for (uint32_t k = t; pm == NULL && k > sb + 1 && k + 6 > t; k--) {
                if (!dt_doc_tok_is(doc, k - 1, "that") && !dt_doc_tok_is(doc, k - 1, "which"))
                    continue;
                for (uint32_t j = k - 1; j > sb && j + 4 > k - 1; j--)
                    if (anaphoric_end(doc, j - 1, k - 1) == k - 1 && dt_pr_anaphoric_object(doc, j - 1, k - 1)) {
                        back.tb = t;
                        back.te = ti->polarity_end;
                        back.proposal = dt_pr_anaphoric_referent(doc, j - 1, k - 1);
                        pm = &back;
                        break;
                    }
                break;
            }
        }
        if (pm == NULL && voice == DT_ACTIVE && !conditional && ends_clause(doc, t, ti->polarity_end, sb, se) &&
            (doc->topic_proposal >= 0 || doc->last_proposal >= 0)) {
            /* "Carney said Canada would contribute.", "Russia agreed.": a
             * stance verb without an object is about what the article is
             * about */
            back.tb = t;
            back.te = ti->polarity_end;
            back.proposal = doc->topic_proposal >= 0 ? doc->topic_proposal : main_proposal(doc);
            pm = &back;
        }
        gboolean threatens = !conditional && threat_on(doc, t, cond_b, se);
        if (threatens) {
            const pmention *inside = NULL;
            for (guint i = 0; i < pms->len && inside == NULL; i++) {
                const pmention *p = &g_array_index(pms, pmention, i);
                if (p->tb >= cond_b && p->tb < cond_e)
                    inside = p;
            }
            for (uint32_t k = cond_b; inside == NULL && k < cond_e; k++)
                if (dt_doc_tok_is(doc, k, "it") && (doc->topic_proposal >= 0 || doc->last_proposal >= 0)) {
                    back.tb = t;
                    back.te = ti->polarity_end;
                    back.proposal = doc->topic_proposal >= 0 ? doc->topic_proposal : doc->last_proposal;
                    inside = &back;
                }
            if (inside)
                pm = inside;
        }
        /* "demanded that the government explain whether India had ceded any
         * territory": a question asks, it proposes nothing */
        if (pm == NULL || (pm->tb > ti->polarity_end && strcmp(pol->label, "doubts") != 0 &&
                           question_between(doc, ti->polarity_end, pm->tb))) {
            g_array_free(holders, TRUE);
            continue;
        }
        static const char *const copulas[] = {"is", "was", "are", "were", "remained", "remains", "remain",
                                              "seemed", "appeared", "became", "been", NULL};
        if (voice == DT_ACTIVE && !conditional && ti->polarity_end < se && t > sb &&
            dt_doc_tok_is(doc, ti->polarity_end, "of") && !dt_doc_tok_in(doc, t - 1, copulas)) {
            /* (but "was sceptical of the ceasefire" is an adjective) */
            /* "turn pledges of security guarantees into plans", "U.S.
             * offers of direct negotiations": a noun; only the name right
             * before it holds it */
            int e = dt_actor_at(doc, t - 1, NULL);
            if (e >= 0 && dt_pr_is_actor_kind(doc, e))
                dt_ints_add(holders, e);
        } else if (voice == DT_ACTIVE)
            dt_pr_subjects_before(doc, sb, conditional ? main_verb_before(doc, sb, t) : t, holders);
        if (holders->len == 0 && conditional) {
            /* "..., X must ..." after the if-clause */
            /* the subject right after it: "If carried out, the swap would be
             * the largest since Russia launched ..." names none */
            for (uint32_t k = cond_e; k < se && k < cond_e + 4 && holders->len == 0; k++)
                if (doc->tokinfo[k].mention >= 0 || dt_is_pronoun(doc, k))
                    dt_pr_subjects_before(doc, cond_e, k + 1, holders);
        }
        /* a fragment quoted inside a clause ("a truce that both sides
         * \"have not yet agreed to\""): the clause's subject outside the
         * quote holds it, not the speaker; a bare one, nobody */
        gboolean fragment = FALSE;
        if (ti->quote >= 0 && holders->len == 0 && !conditional) {
            const dt_quote *q = &g_array_index(doc->quotes, dt_quote, ti->quote);
            if (q->partial && q->open_tok > sb && q->open_tok + 6 > t && !dt_doc_tok_is(doc, q->open_tok - 1, "that") &&
                (dt_doc_tok(doc, q->open_tok - 1)->flags & DT_TOK_WORD) && !dt_pr_reporting_at(doc, q->open_tok - 1)) {
                fragment = TRUE;
                dt_pr_subjects_before(doc, sb, q->open_tok, holders);
            }
        }
        int speaker = quote_speaker(doc, t);
        gboolean self = FALSE; /* the speaker's own words about himself */
        if (ti->quote >= 0 && speaker >= 0 && !fragment && (conditional || holders->len == 0 ||
                                               dt_doc_tok_is(doc, t - 1, "we") ||
                                               dt_doc_tok_is(doc, t - 1, "i"))) {
            g_array_set_size(holders, 0);
            g_array_append_val(holders, speaker);
            self = TRUE;
        }
        /* the main clause's modal ("would stop fighting") is not the demand's */
        char *modal = demanded ? NULL : modality_before(doc, t, sb);
        /* "\"Russia must accept the ceasefire,\" Macron said", "Orban said
         * the EU should reject the sanctions": what others should do is
         * the speaker's recommendation (the proposals stage gives it), not
         * their stance */
        /* ("must fully respect": past an adverb) */
        uint32_t mv = t > sb + 1 && (g_str_has_suffix(dt_doc_tok(doc, t - 1)->fold, "ly") ||
                                     dt_doc_tok_is(doc, t - 1, "also"))
                          ? t - 1
                          : t;
        if (modal && (!strcmp(modal, "should") || !strcmp(modal, "must")) && voice == DT_ACTIVE && !conditional &&
            !self && mv > sb && (dt_doc_tok_is(doc, mv - 1, "should") || dt_doc_tok_is(doc, mv - 1, "must"))) {
            g_free(modal);
            g_array_free(holders, TRUE);
            continue;
        }
        gboolean neg = dt_pr_negated_before(doc, t, sb) || abandoned_before(doc, t, sb);
        /* an inner verb under a verb of refusal: "declined to back" */
        for (uint32_t k = t; k > sb && k + 4 > t; k--) {
            const dt_tokinfo *o = &doc->tokinfo[k - 1];
            if (o->polarity && (o->polarity_end == t || (o->polarity_end + 1 == t && dt_doc_tok_is(doc, t - 1, "to"))) &&
                !strcmp(o->polarity->label, "rejects")) {
                neg = !neg;
                break;
            }
        }
        /* "Indian officials denied that the two sides had agreed": a denied
         * clause says the opposite */
        static const char *const denying[] = {"denied", "denies", "deny", "denying", NULL};
        for (uint32_t k = t; k > sb + 1 && k + 12 > t; k--)
            if (dt_doc_tok_is(doc, k - 1, "that") && dt_doc_tok_in(doc, k - 2, denying)) {
                neg = !neg;
                break;
            }
        const dt_lex_entry *p2 = neg ? flip(doc, pol) : pol;
        /* urging others to sign what was told before backs it; it puts
         * nothing forward */
        if (urged_told)
            p2 = dt_pr_concept(doc, neg ? "opposes" : "supports");
        /* "the EU adopted its 19th package of sanctions": adopting one's
         * own measures is imposing them */
        else if (!neg && !strcmp(p2->label, "accepts") && pm->tb > 0 && pm->tb > ti->polarity_end &&
                 pm->tb <= ti->polarity_end + 2 && own_measures(doc, pm))
            p2 = dt_pr_concept(doc, "proposes");
        /* "insists the constitution must be rewritten before Aliyev signs
         * any final agreement": a demand made before a proposal is a
         * condition on it */
        if (voice == DT_ACTIVE && !conditional && !neg && !strcmp(pol->label, "proposes") &&
            (demand_before(doc, ti->polarity_end, pm->tb) || requirement_on(doc, ti->polarity_end, pm, se)))
            p2 = dt_pr_concept(doc, "conditions");
        /* "urged Petro to suspend the talks": against them */
        else if (voice == DT_ACTIVE && !conditional && pm->tb > ti->polarity_end &&
                 removal_before(doc, ti->polarity_end, pm->tb))
            p2 = flip(doc, p2);
        /* "would back it only if ...", "will not back it unless ...": a
         * stance stated under a condition is that condition, not a yes or no */
        gboolean governs_condition =
            !conditional && !threatens && condition_follows(doc, ti->polarity_end, cond_b, se);
        if (governs_condition) {
            p2 = dt_pr_concept(doc, "conditions");
            conditional = TRUE;
        }
        /* "if ..., the EU must increase pressure" proposes the pressure; "will
         * not back it unless ..." proposes nothing */
        gboolean proposing_condition = conditional && !governed && !negative_words(doc, sb, cond_b) &&
                                       !negative_words(doc, cond_e, se) &&
                                       main_clause_proposal(doc, sb, cond_b, cond_e, pm);
        /* "welcomed the ceasefire and the prisoner exchange", "proposed a
         * truce, an exchange and new talks": coordinated objects share the
         * stance */
        const pmention *targets[4] = {pm, NULL, NULL, NULL};
        int ntargets = 1;
        if (voice == DT_ACTIVE && !conditional && pm->tb >= ti->polarity_end && pms->len &&
            pm >= &g_array_index(pms, pmention, 0) && pm <= &g_array_index(pms, pmention, pms->len - 1)) {
            for (guint i = (guint)(pm - &g_array_index(pms, pmention, 0)) + 1; i < pms->len && ntargets < 4; i++) {
                const pmention *next = &g_array_index(pms, pmention, i);
                if (!coordinated_gap(doc, targets[ntargets - 1]->te, next->tb))
                    break;
                targets[ntargets++] = next;
            }
        }
        for (int tg = 0; tg < ntargets; tg++) {
            pm = targets[tg];
            dt_proposal *prop = g_ptr_array_index(doc->proposals, pm->proposal);
            dt_pr_add_roles(doc, pm, se);
            for (guint h = 0; h < holders->len; h++) {
                int holder = g_array_index(holders, int, h);
                if (holder < 0)
                    continue;
                /* the body proposes what it will do; the stance is the reporter's,
                 * or, in a quote, the speaker's when he speaks for the body
                 * ("\"Thailand will respect the ceasefire,\" Phumtham said") */
                int reporter = voice == DT_ACTIVE ? dt_pr_own_side_reporter(doc, sb, t, holder) : -1;
                if (reporter < 0 && voice == DT_ACTIVE && ti->quote >= 0 && speaker >= 0 && holder != speaker &&
                    dt_entity_kind_of(doc, holder) != DT_ENT_PERSON && speaks_for(doc, speaker, holder))
                    reporter = speaker;
                int proposer = holder;
                if (reporter >= 0)
                    holder = reporter;
                gboolean hypothetical = modal && (!strcmp(modal, "could") || !strcmp(modal, "might") ||
                                                  !strcmp(modal, "may") ||
                                                  (!strcmp(modal, "would") && !reported_future(doc, sb, se, t)));
                if ((!strcmp(p2->label, "proposes") && !governs_condition) || proposing_condition)
                    dt_ints_add(prop->proposers, proposer);
                if (!strcmp(p2->label, "proposes") && hypothetical && !neg)
                    continue; /* "could offer": a proposer, not yet a stance */
                char *cond = conditional ? dt_text_span(doc->text, cond_b, cond_e, NULL, NULL) : NULL;
                if (conditional && prop->condition == NULL)
                    prop->condition = g_strdup(cond);
                guint before = doc->stances->len;
                dt_pr_add_stance(doc, holder, pm->proposal, p2, t, ti->polarity_end, cond);
                if (doc->stances->len > before) {
                    dt_stance *s = &g_array_index(doc->stances, dt_stance, doc->stances->len - 1);
                    s->negated = neg;
                    s->modality = g_strdup(modal);
                }
                /* "agreed to make concessions": the one who agreed offers them */
                if (!strcmp(pol->label, "accepts") && dt_pr_offers_after(doc, ti->polarity_end, se))
                    dt_ints_add(prop->proposers, holder);
            }
        }
        g_free(modal);
        g_array_free(holders, TRUE);
        if (conditional) {
            /* the condition names a proposal of its own (a ceasefire) */
            continue;
        }
    }
}
