/* Facts: who acts in a clause.  The actors of a stance or proposal verb:
 * the subject before it (through appositions, coordination and relative
 * clauses), the reporter of a reported clause, the agent of a passive
 * ("proposed by Qatar"), and the lists of actors those name. */
#include "dt_proposals_internal.h"
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

gboolean dt_pr_is_actor_kind(const dt_doc *doc, int e)
{
    dt_entity_kind k = dt_entity_kind_of(doc, e);
    return k == DT_ENT_PERSON || k == DT_ENT_COUNTRY || k == DT_ENT_ORG;
}

int dt_pr_government_of(const dt_doc *doc, int p)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->person == p && h->jurisdiction >= 0 && dt_entity_kind_of(doc, h->jurisdiction) == DT_ENT_COUNTRY)
            return h->jurisdiction;
    }
    return -1;
}

/* "Sudanese officials told Egyptian mediators that the army would ...",
 * "to press Russia to accept ...": whom a speaker tells or urges is no
 * subject of what follows. */
static gboolean addressee(const dt_doc *doc, uint32_t tb)
{
    static const char *const telling[] = {"told", "tells", "tell", "telling", "informed", "briefed",
                                          "assured", "notified", "reminded", NULL};
    /* "told Ambassador Kenji Kanasugi": past the title */
    uint32_t p = dt_title_start(doc, tb);
    if (p > 0 && dt_doc_tok_is(doc, p - 1, "the"))
        p--;
    if (p == 0)
        return FALSE;
    /* "to press Russia to accept": whom one urges, too */
    return dt_doc_tok_in(doc, p - 1, telling) || dt_pr_word_class_at(doc, p - 1, p, "urging-verbs");
}

static gboolean object_position(const dt_doc *doc, const dt_mention *m)
{
    static const char *const preps[] = {"of", "for", "on", "with", "against", "from", "in",
                                        "at", "by", "to", "about", "between", "toward",
                                        "towards", "under", NULL};
    /* "with US President Donald Trump": past the title -- but "with
     * Ukrainian President Volodymyr Zelenskyy adamant that ..." opens a
     * clause of its own */
    uint32_t tb = m->tb, p = dt_title_start(doc, tb);
    if (p < tb && m->te < dt_doc_ntok(doc) && !dt_is_clause_break(doc, m->te) && !dt_doc_tok_is(doc, m->te, ".") &&
        !dt_doc_tok_is(doc, m->te, "and") && !dt_doc_tok_is(doc, m->te, "but"))
        p = tb;
    if (p > 0 && dt_doc_tok_is(doc, p - 1, "the"))
        p--;
    if (p == 0)
        return FALSE;
    if (dt_doc_tok_in(doc, p - 1, preps))
        return TRUE;
    return FALSE;
}

/* "countries backing Ukraine agreed", "Trump met Putin and agreed": the
 * object of a stance or event verb is no subject of a later verb (a
 * reporting verb's object is the subject of its clause: "said Hamas
 * rejected"); a name right before the verb is ("veto US push for",
 * "sign U.S.-brokered"). */
/* A gerund at i ("invading", "supporting"): a lowercase "-ing" word of
 * six letters or more that is no function word, reporting or stance verb. */
static gboolean gerund_at(const dt_doc *doc, uint32_t i)
{
    const dt_token *w = dt_doc_tok(doc, i);
    const dt_tokinfo *wi = &doc->tokinfo[i];
    return (w->flags & DT_TOK_WORD) && !(w->flags & DT_TOK_UPPER) && !wi->function_word && !wi->reporting &&
           !wi->polarity && g_str_has_suffix(w->fold, "ing") && strlen(w->fold) > 5;
}

static gboolean verb_object(const dt_doc *doc, const dt_mention *m, uint32_t verb)
{
    uint32_t p = m->tb;
    /* "met President Vladimir Putin", "backing the Ukrainian government",
     * "met Ukrainian President Volodymyr Zelensky" */
    while (p > 0 && p + 8 > m->tb) {
        if (doc->tokinfo[p - 1].in_office || doc->tokinfo[p - 1].office >= 0 || dt_doc_tok_is(doc, p - 1, "the"))
            p--;
        else if (p < m->tb && doc->tokinfo[p - 1].mention >= 0 && (doc->tokinfo[p].in_office || doc->tokinfo[p].office >= 0))
            p = g_array_index(doc->mentions, dt_mention, doc->tokinfo[p - 1].mention).tb;
        else
            break;
    }
    if (p == 0 || (m->te + 1 == verb && (dt_doc_tok_is(doc, m->te, "-") ||
                                         (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS))))
        return FALSE; /* "sign U.S.-brokered", "welcomed Trump's push for" */
    if (m->te == verb && !g_str_has_suffix(dt_doc_tok(doc, verb)->fold, "ed"))
        return FALSE; /* "veto US push for" */
    /* "accused Israel of stalling", "thanked Trump for", "blamed Russia
     * over": the object of a past-tense verb, its complement after it */
    const dt_token *pv = dt_doc_tok(doc, p - 1);
    /* the object of a gerund: after a preposition ("had no intention of
     * invading Eritrea and proposed"), or in a clause the verb joins with
     * "and" ("would keep supporting Ukraine and urged Moscow") */
    static const char *const gerund_preps[] = {"of", "by", "after", "before", "for", "without", NULL};
    if (gerund_at(doc, p - 1) && ((p >= 2 && dt_doc_tok_in(doc, p - 2, gerund_preps)) ||
                                  (m->te + 1 == verb && dt_doc_tok_is(doc, m->te, "and"))))
        return TRUE;
    if ((pv->flags & DT_TOK_WORD) && !(pv->flags & DT_TOK_UPPER) && !doc->tokinfo[p - 1].function_word &&
        g_str_has_suffix(pv->fold, "ed") && m->te < dt_doc_ntok(doc) &&
        (dt_doc_tok_is(doc, m->te, "of") || dt_doc_tok_is(doc, m->te, "for") || dt_doc_tok_is(doc, m->te, "over")))
        return TRUE;
    /* "Zelensky thanked EU leaders and called for": the object of a
     * past-tense verb that has its subject before it */
    if ((pv->flags & DT_TOK_WORD) && !(pv->flags & DT_TOK_UPPER) && !doc->tokinfo[p - 1].function_word &&
        !doc->tokinfo[p - 1].reporting && !doc->tokinfo[p - 1].polarity && g_str_has_suffix(pv->fold, "ed") &&
        p >= 2 && (doc->tokinfo[p - 2].mention >= 0 || dt_is_pronoun(doc, p - 2)) &&
        !(dt_doc_tok(doc, p - 2)->flags & DT_TOK_POSS))
        return TRUE;
    /* a verb of doubt takes a clause: "doubted Putin would accept", and so
     * does a condition word ("until Russia agreed", "unless Hamas
     * accepts"); a trigger of several words ends right before the name
     * ("ready to meet Vladimir Putin") */
    static const char *const determiners[] = {"a", "an", "the", "this", "that", NULL};
    for (uint32_t v = p; v > 0 && v + 4 > p; v--) {
        const dt_lex_entry *pol = doc->tokinfo[v - 1].polarity;
        /* "an offer Israel has rejected": a noun, and the name after it
         * the subject of a relative clause */
        if (pol && v >= 2 && dt_doc_tok_in(doc, v - 2, determiners))
            break;
        if (pol && doc->tokinfo[v - 1].polarity_end == p)
            return strcmp(pol->label, "doubts") != 0 &&
                   !(strcmp(pol->label, "conditions") == 0 && m->te + 2 >= verb); /* its own verb only */
    }
    return doc->tokinfo[p - 1].event_verb && doc->tokinfo[p - 1].event_verb_end == p;
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
/* The person the sentence opens with when a comma follows him ("Eric
 * Chu, chairman of ..., also known as ..., urged"): returns the comma's
 * token if it comes before `before`, else UINT32_MAX. */
static uint32_t initial_person_comma(const dt_doc *doc, uint32_t sb, uint32_t before, uint32_t verb)
{
    int m0i = doc->tokinfo[sb].mention;
    if (m0i < 0 || doc->tokinfo[sb].quote != doc->tokinfo[verb].quote)
        return UINT32_MAX;
    const dt_mention *m0 = &g_array_index(doc->mentions, dt_mention, m0i);
    if (!(m0->tb == sb && m0->te < before && is_comma(doc, m0->te) && m0->entity >= 0 &&
          dt_entity_kind_of(doc, m0->entity) == DT_ENT_PERSON))
        return UINT32_MAX;
    /* no verb of his own in between: "Trump, in a post, said Russia, which
     * ..., rejected" is Russia's */
    for (uint32_t k = m0->te; k < before; k++)
        if (dt_pr_reporting_at(doc, k) || doc->tokinfo[k].polarity || doc->tokinfo[k].event_verb)
            return UINT32_MAX;
    return m0->te;
}

static uint32_t apposition_head(const dt_doc *doc, uint32_t sb, uint32_t verb)
{
    uint32_t close = verb;
    if (verb > sb + 1 && is_comma(doc, verb - 1))
        close = verb - 1;
    else if (verb > sb + 2 && is_comma(doc, verb - 2) && !(dt_doc_tok(doc, verb - 1)->flags & DT_TOK_UPPER))
        close = verb - 2;
    if (close == verb)
        return verb;
    /* "Slovakia, whose prime minister, Robert Fico, has also clashed with
     * Kyiv, raised no objection": a "whose" clause describes the head
     * before it, and its commas are its own */
    for (uint32_t w = close; w > sb + 2 && w + 30 > close; w--) {
        if (!dt_doc_tok_is(doc, w - 1, "whose") || !is_comma(doc, w - 2))
            continue;
        int hm = doc->tokinfo[w - 3].mention;
        if (hm >= 0 && g_array_index(doc->mentions, dt_mention, hm).entity >= 0 &&
            dt_pr_is_actor_kind(doc, g_array_index(doc->mentions, dt_mention, hm).entity))
            return w - 2;
        break;
    }
    for (uint32_t c = close; c > sb + 1 && c + 30 > close; c--) {
        if (!is_comma(doc, c - 1))
            continue;
        uint32_t open = c - 1;
        /* an apposition with a comma of its own ("Eric Chu, chairman of
         * the Nationalist Party, also known as the Kuomintang, urged";
         * "Corneille Nangaa, the leader of the Congo River Alliance, the
         * coalition that includes the M23, said"): the person the sentence
         * opens with is the head */
        uint32_t initial = initial_person_comma(doc, sb, open, verb);
        int mi = doc->tokinfo[open - 1].mention;
        if (mi < 0 || doc->tokinfo[open - 1].quote != doc->tokinfo[verb].quote)
            return initial != UINT32_MAX ? initial : verb;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->entity < 0 || !dt_pr_is_actor_kind(doc, m->entity) || object_position(doc, m))
            return initial != UINT32_MAX ? initial : verb;
        if (dt_entity_kind_of(doc, m->entity) != DT_ENT_PERSON && initial != UINT32_MAX &&
            doc->tokinfo[sb].mention != mi)
            return initial;
        return open;
    }
    return verb;
}

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
    if (dt_doc_tok_in(doc, i, aux))
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
gboolean dt_pr_reporting_at(const dt_doc *doc, uint32_t k)
{
    if (!doc->tokinfo[k].reporting || doc->tokinfo[k].mention >= 0)
        return FALSE;
    /* "who has the final say", "a say in": a noun after a determiner */
    static const char *const dets[] = {"the", "a", "an", "its", "their", "his", "her", "our",
                                       /* "under state control" */
                                       "under", "of", "in", "by", "for", "with", "from", NULL};
    return !((k > 0 && dt_doc_tok_in(doc, k - 1, dets)) ||
             (k > 1 && dt_doc_tok_in(doc, k - 2, dets) && !(dt_doc_tok(doc, k - 1)->flags & DT_TOK_UPPER) &&
              !doc->tokinfo[k - 1].function_word && (dt_doc_tok(doc, k - 1)->flags & DT_TOK_WORD)));
}

/* Token of a reporting verb whose complement clause starts at token t
 * ("said he would", "insisted that she"), or UINT32_MAX. */
static uint32_t reporting_before(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    uint32_t c = t;
    if (c > sb && dt_doc_tok_is(doc, c - 1, "that"))
        c--;
    for (uint32_t k = c; k > sb && k + 3 > c; k--)
        if (dt_pr_reporting_at(doc, k - 1) && doc->tokinfo[k - 1].reporting_end == c)
            return k - 1;
    return UINT32_MAX;
}

/* The person who reports the clause starting at token t: "Fico has said
 * [he will not back it]" is Fico's, even when another person acted earlier
 * in the sentence.  -1 when no reporting verb introduces the clause. */
int dt_pr_reporter_of(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    uint32_t r = reporting_before(doc, sb, t);
    if (r == UINT32_MAX)
        return -1;
    GArray *who = g_array_new(FALSE, FALSE, sizeof(int));
    dt_pr_subjects_before(doc, sb, r, who);
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
    int reporter = dt_pr_reporter_of(doc, sb, doc->tokinfo[r].reporting_end);
    if (reporter >= 0)
        dt_ints_add(out, reporter);
    else if (!anonymous(doc, sb, verb))
        dt_pr_subjects_before(doc, sb, r, out);
}

/* Actors acting before token `verb` in [sb, verb): the nearest subject and
 * the ones coordinated with it ("the United States and European allies"). */
/* "the amount of oil North Korea can import each year, ... and imposed":
 * an actor followed by a modal of its own, away from the verb, is the
 * subject of a clause inside the object, not of the verb. */
static gboolean subject_of_other_verb(const dt_doc *doc, uint32_t after, uint32_t verb)
{
    static const char *const modals[] = {"can", "could", "may", "might", "must", "shall", "should", NULL};
    if (after + 3 >= verb)
        return FALSE;
    if (dt_doc_tok_in(doc, after, modals))
        return TRUE;
    return FALSE;
}

/* "Kyiv's next proposed step": the stance word modifies the possessed
 * noun (a content word follows it), so the possessor holds it; in
 * "Ukraine's constitution prevents the surrender" it is the verb of the
 * clause (a determiner follows) and the possessor holds nothing. */
static gboolean adjectival_in_np(const dt_doc *doc, uint32_t poss_tok, uint32_t verb)
{
    if (verb > poss_tok + 3)
        return FALSE;
    uint32_t after = doc->tokinfo[verb].polarity_end > verb ? doc->tokinfo[verb].polarity_end : verb + 1;
    if (after >= dt_doc_ntok(doc))
        return FALSE;
    const dt_token *tok = dt_doc_tok(doc, after);
    return (tok->flags & DT_TOK_WORD) && !(tok->flags & DT_TOK_UPPER) && !doc->tokinfo[after].function_word;
}

/* A line without a final full stop ("China, Russia veto US push for new
 * UN sanctions"): a headline, whatever its case. */
static gboolean headline_like(const dt_doc *doc, uint32_t t)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    if (se == 0 || se <= sb)
        return FALSE;
    const char *f = dt_doc_tok(doc, se - 1)->fold;
    return strcmp(f, ".") && strcmp(f, "?") && strcmp(f, "!") && !(dt_doc_tok(doc, se - 1)->flags & DT_TOK_QCLOSE);
}

/* The first token of a person's name with the office title before it
 * ("Guyanese President Irfaan Ali"), or of the mention itself. */
static uint32_t titled_start(const dt_doc *doc, uint32_t sb, const dt_mention *m)
{
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->te == m->te && h->tb < m->tb && h->tb >= sb)
            return h->tb;
    }
    return m->tb;
}

/* "talks between Russia and Ukraine and urged": the conjunct after "and"
 * is an object when the one before it is.  (Only "and"/"or" join here: a
 * comma would reach back into "According to Reuters, Egypt and Qatar".) */
static gboolean coordinated_object(const dt_doc *doc, uint32_t sb, const dt_mention *m)
{
    uint32_t c = titled_start(doc, sb, m);
    if (c > sb && dt_doc_tok_is(doc, c - 1, "the"))
        c--;
    if (c <= sb + 1 || !(dt_doc_tok_is(doc, c - 1, "and") || dt_doc_tok_is(doc, c - 1, "or")))
        return FALSE;
    int mi = doc->tokinfo[c - 2].mention;
    if (mi < 0)
        return FALSE;
    const dt_mention *prev = &g_array_index(doc->mentions, dt_mention, mi);
    if (prev->te != c - 1 || prev->entity < 0 || !dt_pr_is_actor_kind(doc, prev->entity) ||
        !object_position(doc, prev))
        return FALSE;
    /* "the leaders of Ethiopia and Somalia agreed", "mediators from Egypt
     * and Qatar presented": the names modify the subject, whose actors
     * they are */
    uint32_t p = titled_start(doc, sb, prev);
    if (p > sb && dt_doc_tok_is(doc, p - 1, "the"))
        p--;
    static const char *const of_subject[] = {"of", "from", "by", NULL};
    return !dt_doc_tok_in(doc, p - 1, of_subject);
}

/* "The plan, drafted by the United States, Saudi Arabia, Egypt and the
 * United Arab Emirates, calls for a ... ceasefire": what a proposal
 * subject calls for is its drafters' (the agents of the participle in its
 * apposition).  True when it found them. */
static gboolean drafters_of_subject(const dt_doc *doc, uint32_t sb, uint32_t verb, GArray *out)
{
    if (verb < sb + 4 || !is_comma(doc, verb - 1))
        return FALSE;
    for (uint32_t c = verb - 1; c > sb + 1 && c + 30 > verb; c--) {
        if (!is_comma(doc, c - 1))
            continue;
        const dt_tokinfo *pi = &doc->tokinfo[c];
        /* "The proposal, based on an earlier plan by U.S. envoy Steve
         * Witkoff, calls for ...": its authors are the plan's */
        if (dt_doc_tok_is(doc, c, "based") && c + 1 < verb && dt_doc_tok_is(doc, c + 1, "on")) {
            for (uint32_t b = c + 2; b + 1 < verb && b < c + 8; b++)
                if (dt_doc_tok_is(doc, b, "by")) {
                    dt_pr_actors_from(doc, b + 1, verb - 1, out);
                    return out->len > 0;
                }
            continue;
        }
        if (!pi->polarity || strcmp(pi->polarity->label, "proposes") != 0 || pi->polarity_end >= verb ||
            !dt_doc_tok_is(doc, pi->polarity_end, "by"))
            continue;
        /* the head before the apposition is a thing, not an actor */
        if (doc->tokinfo[c - 2].mention >= 0 || dt_doc_tok(doc, c - 2)->flags & DT_TOK_UPPER)
            return FALSE;
        dt_pr_actors_from(doc, pi->polarity_end + 1, verb - 1, out);
        return out->len > 0;
    }
    return FALSE;
}

/* "has not responded to the proposal, which calls for a ceasefire", "a
 * deal that ended the war": a relative pronoun at t is the verb's subject,
 * and its antecedent names no actor, so no one holds the stance.  ("Qatar,
 * which proposed the truce" names one: the usual search finds it.) */
static gboolean thing_relative(const dt_doc *doc, uint32_t sb, uint32_t t, uint32_t verb)
{
    if (t < sb + 2 || !(dt_doc_tok_is(doc, t, "which") || dt_doc_tok_is(doc, t, "that")) ||
        !(t + 1 == verb || (t + 2 == verb && auxiliary(doc, t + 1)) ||
          (t + 3 == verb && auxiliary(doc, t + 1) && auxiliary(doc, t + 2))))
        return FALSE;
    uint32_t a = is_comma(doc, t - 1) ? t - 2 : t - 1;
    const dt_token *at = dt_doc_tok(doc, a);
    const dt_tokinfo *ai = &doc->tokinfo[a];
    if (dt_doc_tok_is(doc, t, "that") && (ai->reporting || ai->function_word))
        return FALSE; /* "said that ...": a complement clause */
    return (at->flags & DT_TOK_WORD) && !(at->flags & DT_TOK_UPPER) && ai->mention < 0 && !ai->voice &&
           ai->reference < 0;
}

/* At c, "and the leaders of" (heads, presidents, governments) ending a
 * conjunct: the "and" before it, so the coordination goes on to the name
 * before; else c. */
static int leaders_of_before(const dt_doc *doc, uint32_t sb, int c)
{
    static const char *const heads[] = {"leaders", "heads", "presidents", "governments", "representatives",
                                        "prime", "foreign", NULL};
    if (c < (int)sb + 4 || !dt_doc_tok_is(doc, (uint32_t)c, "of"))
        return c;
    uint32_t h = (uint32_t)c - 1;
    if (dt_doc_tok_is(doc, h, "ministers") && h > sb + 1 && dt_doc_tok_in(doc, h - 1, heads))
        h--; /* "the foreign ministers of" */
    if (!dt_doc_tok_in(doc, h, heads) || !dt_doc_tok_is(doc, h - 1, "the") || !dt_doc_tok_is(doc, h - 2, "and"))
        return c;
    return (int)h - 2;
}

/* "Fidan said Ankara would host the talks and urged both sides to ...": a
 * past-tense verb joined by "and" cannot stand under the reported
 * clause's modal ("would urged"), so it is the reporting verb's twin and
 * shares its subject.  The reporting verb's token, or UINT32_MAX. */
static uint32_t reporting_twin(const dt_doc *doc, uint32_t sb, uint32_t verb)
{
    static const char *const modals[] = {"would", "will", "could", "can", "might", "may", "should", "must",
                                         NULL};
    if (verb < sb + 4 || !dt_doc_tok_is(doc, verb - 1, "and") || doc->tokinfo[verb].quote >= 0 ||
        !g_str_has_suffix(dt_doc_tok(doc, verb)->fold, "ed"))
        return UINT32_MAX;
    gboolean modal = FALSE;
    for (uint32_t k = verb - 1; k > sb; k--) {
        /* another verb, or another clause, comes first: "questioned
         * whether ... would last and argued" after "responded coolly:" */
        if (doc->tokinfo[k - 1].quote >= 0 || dt_doc_tok_is(doc, k - 1, ";") || dt_doc_tok_is(doc, k - 1, ":") ||
            (doc->tokinfo[k - 1].polarity && !dt_pr_reporting_at(doc, k - 1)))
            return UINT32_MAX;
        if (dt_doc_tok_in(doc, k - 1, modals))
            modal = TRUE;
        if (dt_pr_reporting_at(doc, k - 1))
            return modal && doc->tokinfo[k - 1].reporting_end < verb ? k - 1 : UINT32_MAX;
    }
    return UINT32_MAX;
}

/* The person a title reference ("the minister", "the Ukrainian leader")
 * ending at token t stands for, or -1. */
static int reference_ending_at(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    for (uint32_t j = t + 1; j > sb && j + 5 > t + 1; j--) {
        int r = doc->tokinfo[j - 1].reference;
        if (r < 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, r);
        return m->te == t + 1 && m->entity >= 0 ? m->entity : -1;
    }
    return -1;
}

void dt_pr_subjects_before(const dt_doc *doc, uint32_t sb, uint32_t verb, GArray *out)
{
    if (drafters_of_subject(doc, sb, verb, out))
        return;
    uint32_t twin = reporting_twin(doc, sb, verb);
    if (twin != UINT32_MAX) {
        dt_pr_subjects_before(doc, sb, twin, out);
        return;
    }
    static const char *const object_relatives[] = {"whom", "which", NULL};
    static const char *const subordinators[] = {"as", "while", "because", "although", "though", "whereas",
                                                "when", NULL};
    static const char *const time_subordinators[] = {"after", "before", "since", "until", "once", NULL};
    /* the opening quote mark of a fragment ("both sides \"have not yet
     * agreed\"") stands for the clause outside the quote */
    int vq = doc->tokinfo[verb].quote;
    if (vq >= 0 && g_array_index(doc->quotes, dt_quote, vq).open_tok == verb)
        vq = -1;
    /* "Amos Hochstein, the US special envoy who brokered the agreement":
     * "who" after an office title is the title's holder */
    for (uint32_t w = verb; w > sb + 1 && w + 3 > verb; w--) {
        if (!dt_doc_tok_is(doc, w - 1, "who"))
            continue;
        /* "hosted by President Donald Trump, who called it ...": the name
         * before the comma */
        if (w >= sb + 3 && is_comma(doc, w - 2) && doc->tokinfo[w - 3].mention >= 0) {
            const dt_mention *hm = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[w - 3].mention);
            if (hm->te == w - 2 && hm->entity >= 0 && dt_entity_kind_of(doc, hm->entity) == DT_ENT_PERSON) {
                dt_ints_add(out, hm->entity);
                return;
            }
        }
        for (guint i = 0; i < doc->holdings->len; i++) {
            const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
            if (h->te == w - 1 || (h->tb < w - 1 && h->te >= w - 1 && doc->tokinfo[w - 2].in_office)) {
                dt_ints_add(out, h->person);
                return;
            }
        }
        break;
    }
    for (uint32_t r = verb; r > sb && r + 3 > verb; r--)
        if (thing_relative(doc, sb, r - 1, verb))
            return;
    int k = (int)apposition_head(doc, sb, verb) - 1;
    while (k >= (int)sb) {
        uint32_t t = (uint32_t)k;
        int mi = doc->tokinfo[t].mention;
        if (doc->tokinfo[t].quote != vq) {
            k--;
            continue;
        }
        /* "the RSF accepted a truce proposed by ... Egypt, but the
         * army-led government rejected the plan": the clause after ", but"
         * has its own subject, which named no actor */
        if (t > sb && t + 2 < verb && dt_doc_tok_is(doc, t, "but") && is_comma(doc, t - 1))
            return;
        if (t > sb && t + 2 < verb && dt_doc_tok_in(doc, t, subordinators) && !dt_doc_tok_is(doc, t + 1, "well") &&
            !dt_doc_tok_is(doc, t - 1, "such") && (is_comma(doc, t - 1) || doc->tokinfo[t - 1].function_word == FALSE)) {
            /* "... met on Monday, as Israeli strikes raised questions": the
             * verb's clause begins here and its subject named no actor */
            return;
        }
        /* "rejected ..., a day after 26 countries pledged to contribute": a
         * time clause with a subject of its own ("after meeting Putin" has
         * none) */
        if (t > sb && t + 2 < verb && dt_doc_tok_in(doc, t, time_subordinators) &&
            !g_str_has_suffix(dt_doc_tok(doc, t + 1)->fold, "ing") && doc->tokinfo[t + 1].mention < 0 &&
            !dt_is_pronoun(doc, t + 1))
            return;
        if (dt_pr_reporting_at(doc, t) && doc->tokinfo[t].quote < 0 && doc->tokinfo[t].reporting_end <= verb &&
            vq < 0) {
            /* "Sun told the ambassador that the comments were wrong and
             * demanded that ...": a verb joined by "and" to the reporting
             * verb shares its subject */
            if (verb > t + 2 && dt_doc_tok_is(doc, verb - 1, "and")) {
                dt_pr_subjects_before(doc, sb, t, out);
                return;
            }
            /* "Lajcak said the bloc had offered ...", "an official said both
             * sides have not agreed": the clause's subject names no actor;
             * the person who reports it speaks for it, an unnamed one for
             * nobody */
            reported_holder(doc, sb, verb, t, out);
            return;
        }
        /* "The minister rejected", "the Ukrainian leader accepted": a
         * title standing for the person the article gave it */
        int ref = reference_ending_at(doc, sb, t);
        if (ref >= 0 && (t + 1 == verb || (t + 2 == verb && auxiliary(doc, t + 1)))) {
            dt_ints_add(out, ref);
            return;
        }
        if ((t + 1 == verb || (t + 2 == verb && auxiliary(doc, t + 1))) && bare_subject(doc, sb, t)) {
            /* "a demand the Iran-backed group rejects": no actor holds it,
             * unless someone reports the clause ("Medinsky said both sides
             * had agreed") */
            /* "writing on Truth Social that ...", "told Egyptian mediators
             * that ...": past a medium and an addressee */
            while (t > sb && !dt_pr_reporting_at(doc, t) &&
                   (doc->tokinfo[t].mention < 0 || dt_is_media(doc, dt_doc_entity_at(doc, t)) ||
                    addressee(doc, g_array_index(doc->mentions, dt_mention, doc->tokinfo[t].mention).tb)))
                t--;
            if (dt_pr_reporting_at(doc, t))
                reported_holder(doc, sb, verb, t, out);
            return;
        }
        if (dt_is_pronoun(doc, t) && t > sb + 1 && dt_doc_tok_in(doc, t - 1, object_relatives) &&
            is_comma(doc, t - 2)) {
            /* "Burhan has ruled out talks with Daglo, whom he has branded a
             * rebel, and has demanded ...": the pronoun is the subject of the
             * relative clause, not of the verb */
            k = (int)t - 3;
            continue;
        }
        if (dt_is_pronoun(doc, t) && doc->tokinfo[t].quote < 0) {
            /* "X said he would ...": he is the one who says it */
            int reporter = dt_pr_reporter_of(doc, sb, t);
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
        if (poss && (voice_after(doc, m->te + 1, verb) || m->te + 1 == verb || adjectival_in_np(doc, m->te, verb)))
            poss = FALSE;
        /* "all U.N. sanctions", "the EU package": a name modifying a
         * proposal noun is no subject; nor is a demonym modifying a noun
         * that names no voice of its country ("Israeli strikes raised
         * questions", "Israeli troops would not pull out"; but "Iranian
         * officials", "the Thai government", "Ukrainian President") */
        gboolean modifier = m->te < verb && doc->tokinfo[m->te].proposal != NULL;
        if (!modifier && m->kind == DT_MEN_DEMONYM && m->te < verb) {
            const dt_tokinfo *h = &doc->tokinfo[m->te];
            const dt_token *ht = dt_doc_tok(doc, m->te);
            modifier = (ht->flags & DT_TOK_WORD) && !(ht->flags & DT_TOK_UPPER) && !h->voice && h->office < 0 &&
                       !h->function_word && h->mention < 0 && !h->polarity && !h->reporting && !h->in_office;
        }
        if (m->entity < 0 || !dt_pr_is_actor_kind(doc, m->entity) || poss || modifier || object_position(doc, m) || coordinated_object(doc, sb, m) ||
            verb_object(doc, m, verb) || addressee(doc, m->tb) ||
            dt_is_media(doc, m->entity) || subject_of_other_verb(doc, m->te, verb)) {
            k = (int)m->tb - 1;
            continue;
        }
        /* "the Biden administration's offer", "the Trump administration
         * wants": the government the person leads */
        int holder = m->entity;
        /* "Netanyahu's government rejected": past the possessive */
        uint32_t head = m->te < verb && (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS) && doc->tokinfo[m->te].mention < 0
                            ? m->te + 1
                            : m->te;
        if (head < verb && doc->tokinfo[head].voice && doc->tokinfo[head].office < 0 &&
            doc->tokinfo[head].mention < 0 && dt_entity_kind_of(doc, holder) == DT_ENT_PERSON &&
            dt_pr_government_of(doc, holder) >= 0)
            holder = dt_pr_government_of(doc, holder);
        dt_ints_add(out, holder);
        /* coordination: X and Y / X, Y and Z / X and its allies; a title
         * before a name is part of its conjunct ("Venezuelan President
         * Nicolas Maduro and Guyanese President Irfaan Ali signed") */
        int c = (int)titled_start(doc, sb, m) - 1;
        if (c > (int)sb && (dt_doc_tok_is(doc, (uint32_t)c, "its") || dt_doc_tok_is(doc, (uint32_t)c, "their")))
            c--;
        /* "Ukraine and the United States signed" */
        if (c > (int)sb && dt_doc_tok_is(doc, (uint32_t)c, "the"))
            c--;
        /* "X, Y and Z", "neither X nor Y"; a comma alone joins names only
         * in a headline ("China, Russia veto ..."): "According to Reuters,
         * Egypt proposed" is Egypt's */
        gboolean joined = doc->tokinfo[m->tb].headline || headline_like(doc, m->tb);
        while (c > (int)sb && (dt_doc_tok_is(doc, (uint32_t)c, "and") || dt_doc_tok_is(doc, (uint32_t)c, "nor") ||
                               dt_doc_tok_is(doc, (uint32_t)c, ","))) {
            if (!is_comma(doc, (uint32_t)c))
                joined = TRUE;
            else if (!joined)
                break;
            c = (int)apposition_before(doc, sb, (uint32_t)c);
            int e2 = dt_actor_at(doc, (uint32_t)c - 1, NULL);
            /* "he and Xi had agreed": the person the pronoun stands for */
            if (e2 < 0 && dt_is_he_or_she(doc, (uint32_t)c - 1) && doc->tokinfo[c - 1].quote < 0) {
                int reporter = dt_pr_reporter_of(doc, sb, (uint32_t)c - 1);
                int p = reporter >= 0 ? reporter : dt_person_subject_before(doc, (uint32_t)c - 1);
                if (p >= 0)
                    dt_ints_add(out, p);
                break;
            }
            if (e2 < 0 || !dt_pr_is_actor_kind(doc, e2))
                break;
            int mi2 = doc->tokinfo[c - 1].mention;
            const dt_mention *m2 = &g_array_index(doc->mentions, dt_mention, mi2);
            dt_ints_add(out, e2);
            c = (int)titled_start(doc, sb, m2) - 1;
            /* "Trump and the leaders of Egypt, Qatar and Turkey signed": past
             * "and the leaders of" to the name before it */
            c = leaders_of_before(doc, sb, c);
        }
        return;
    }
}

static gboolean is_be_form(const dt_doc *doc, uint32_t i)
{
    static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
    if (dt_doc_tok_in(doc, i, be))
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
/* "by U.S. envoy Steve Witkoff": a title with its country before the name
 * starts at i; the agent is the person who holds it, not the country.
 * The person, with *end past the name, or -1. */
static int titled_person_at(const dt_doc *doc, uint32_t i, uint32_t se, uint32_t *end)
{
    for (guint h = 0; h < doc->holdings->len; h++) {
        const dt_holding *hd = &g_array_index(doc->holdings, dt_holding, h);
        if (hd->tb == i && hd->te <= se && hd->person >= 0 && doc->tokinfo[hd->te - 1].mention >= 0 &&
            g_array_index(doc->mentions, dt_mention, doc->tokinfo[hd->te - 1].mention).entity == hd->person) {
            *end = hd->te;
            return hd->person;
        }
    }
    return -1;
}

void dt_pr_actors_from(const dt_doc *doc, uint32_t i, uint32_t se, GArray *out)
{
    gboolean last = FALSE;
    while (i < se) {
        if (dt_doc_tok_is(doc, i, "the"))
            i++;
        i = dt_skip_so_called(doc, i, se);
        uint32_t me = 0;
        int e = titled_person_at(doc, i, se, &me);
        if (e < 0)
            e = dt_actor_at(doc, i, &me);
        if (e < 0 || !dt_pr_is_actor_kind(doc, e) || dt_is_media(doc, e))
            return;
        dt_ints_add(out, e);
        i = me;
        /* "by the United States and France, Israel was to ...": the list
         * ends with its "and" item */
        if (last)
            return;
        if (i < se && is_comma(doc, i))
            i++;
        if (i < se && (dt_doc_tok_is(doc, i, "and") || dt_doc_tok_is(doc, i, "or"))) {
            i++;
            last = TRUE;
        }
    }
}

/* Passive voice: "it was rejected by Moscow", "a ceasefire proposed by
 * Qatar", "the plan, put forward by Egypt".  The agent after "by" holds the
 * stance; a passive without one ("if it was approved") names no holder, so
 * the subject before it, the patient, must not be taken.  `out` receives
 * the agents. */
dt_voice dt_pr_voice_of(const dt_doc *doc, uint32_t t, uint32_t te, uint32_t sb, uint32_t se,
                         GArray *out)
{
    if (!participle(doc, t))
        return DT_ACTIVE;
    gboolean by = te + 1 < se && dt_doc_tok_is(doc, te, "by");
    /* "is opposed to", "was agreed to", "is committed to" (the trigger
     * ending with its "to"): adjectival or prepositional, active */
    if (!by && ((te < se && dt_doc_tok_is(doc, te, "to")) || (te > t + 1 && dt_doc_tok_is(doc, te - 1, "to"))))
        return DT_ACTIVE;
    gboolean be = FALSE;
    /* not across a comma: "Hamas, which had been silent, rejected"; nor
     * across "and" after a word that is no participle: "the comments were
     * wrong and demanded" ("was drafted and proposed by" stays passive) */
    for (uint32_t k = t; k > sb && k + 3 > t && !be && !is_comma(doc, k - 1); k--) {
        if (dt_doc_tok_is(doc, k - 1, "and") && k >= sb + 2 && !g_str_has_suffix(dt_doc_tok(doc, k - 2)->fold, "ed"))
            break;
        be = is_be_form(doc, k - 1);
    }
    if (!be && !by)
        return DT_ACTIVE;
    /* "was rejected by Kyiv and welcomed by Moscow", "approved by A but
     * rejected by B": a second participle with its agent shares the
     * first one's "was" */
    if (!be && by && t > sb + 4 && (dt_doc_tok_is(doc, t - 1, "and") || dt_doc_tok_is(doc, t - 1, "but")))
        for (uint32_t k = t - 1; k > sb + 1 && k + 12 > t && !dt_is_clause_break(doc, k - 1); k--)
            if (dt_doc_tok_is(doc, k - 1, "by") && participle(doc, k - 2)) {
                be = k >= sb + 3 && is_be_form(doc, k - 3);
                break;
            }
    if (by)
        dt_pr_actors_from(doc, te + 1, se, out);
    return be ? DT_PASSIVE_BE : DT_PASSIVE_REDUCED;
}

/* "signed a peace agreement in Washington in June, brokered by Trump":
 * only a place's and a time's adjuncts, then a comma, in [b, t). */
static gboolean adjuncts_between(const dt_doc *doc, uint32_t b, uint32_t t)
{
    static const char *const preps[] = {"in", "on", "at", "last", "earlier", "this", NULL};
    if (t < b + 3 || t > b + 9 || !is_comma(doc, t - 1) || !dt_doc_tok_in(doc, b, preps))
        return FALSE;
    for (uint32_t k = b; k + 1 < t; k++) {
        const dt_tokinfo *ki = &doc->tokinfo[k];
        if (ki->polarity || ki->reporting || ki->proposal || ki->event_type || dt_is_clause_break(doc, k) ||
            (ki->mention >= 0 && dt_doc_entity_at(doc, k) >= 0 &&
             dt_entity_kind_of(doc, dt_doc_entity_at(doc, k)) == DT_ENT_PERSON))
            return FALSE;
    }
    return TRUE;
}

/* The proposal a passive participle tells of: in "a ceasefire proposed by
 * Qatar" the noun right before it (a comma may sit between), in "the
 * ceasefire was rejected" the nearest one before it.  "talks mediated by
 * Washington" tells of the talks, not of a proposal further back. */
const pmention *dt_pr_passive_target(const GArray *pms, const dt_doc *doc, uint32_t t, uint32_t sb,
                                      dt_voice v)
{
    const pmention *best = NULL;
    for (guint i = 0; i < pms->len; i++) {
        const pmention *p = &g_array_index(pms, pmention, i);
        if (p->te > t || p->tb < sb)
            continue;
        if (v == DT_PASSIVE_REDUCED && p->te != t && !(p->te + 1 == t && is_comma(doc, p->te)) &&
            !adjuncts_between(doc, p->te, t))
            continue;
        if (best == NULL || p->tb > best->tb)
            best = p;
    }
    return best;
}
