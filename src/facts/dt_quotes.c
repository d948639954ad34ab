/* Facts: quotations and who said them.  Attribution is looked for right
 * after the closing mark ("...," Rubio said / said Kallas / he wrote), then
 * before the opening mark (Zelenskyy emphasized, "..." / stated that ...
 * "..."); a quote with neither continues the previous quote of its
 * paragraph.  The venue comes from the attribution's sentence ("on X",
 * "told CNN", "in an interview with Geo News", "in a statement"). */
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

static const char *const venue_preps[] = {"on", "to", "with", "told", "tells", "in", NULL};

/* '... according to a U.S. statement. "These issues are complicated," it
 * said': "it" speaks for the body or country told last before it (outside
 * quotes, in its sentence or the one before), or -1. */
static int body_before(const dt_doc *doc, uint32_t i)
{
    uint32_t s = dt_doc_tok(doc, i)->sentence;
    uint32_t lo = dt_text_sentence(doc->text, s > 0 ? s - 1 : 0)->tok_begin;
    for (uint32_t k = i; k > lo; k--) {
        if (doc->tokinfo[k - 1].quote >= 0)
            continue;
        int e = dt_actor_at(doc, k - 1, NULL);
        if (e >= 0 && (dt_entity_kind_of(doc, e) == DT_ENT_ORG || dt_entity_kind_of(doc, e) == DT_ENT_COUNTRY))
            return e;
    }
    return -1;
}

static int speaker_entity(const dt_doc *doc, uint32_t i, uint32_t *end)
{
    if (dt_is_pronoun(doc, i)) {
        if (end)
            *end = i + 1;
        return dt_person_subject_before(doc, i);
    }
    if (dt_doc_tok_is(doc, i, "it") && doc->tokinfo[i].quote < 0) {
        if (end)
            *end = i + 1;
        return body_before(doc, i);
    }
    int e = dt_actor_at(doc, i, end);
    if (e < 0)
        return -1;
    dt_entity_kind k = dt_entity_kind_of(doc, e);
    return (k == DT_ENT_PERSON || k == DT_ENT_ORG || k == DT_ENT_COUNTRY) ? e : -1;
}

/* [b, e) is a definite description of a person that names nobody: "the
 * Socialist leader", "the 53-year-old", "the veteran diplomat". */
static gboolean epithet(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const heads[] = {"leader", "politician", "diplomat", "veteran", "official", "statesman",
                                        "strongman", "premier", "envoy", "negotiator", NULL};
    if (e < b + 2 || e > b + 5 || !dt_doc_tok_is(doc, b, "the"))
        return FALSE;
    for (uint32_t k = b + 1; k < e; k++)
        if (doc->tokinfo[k].mention >= 0 || !(dt_doc_tok(doc, k)->flags & DT_TOK_WORD))
            return FALSE;
    const char *h = dt_doc_tok(doc, e - 1)->fold;
    return dt_doc_tok_in(doc, e - 1, heads) || g_str_has_suffix(h, "-year-old");
}

/* "...," SPEAKER VERB | "...," VERB SPEAKER | "...," PRONOUN VERB */
static gboolean attribution_after(dt_doc *doc, dt_quote *q)
{
    uint32_t n = dt_doc_ntok(doc);
    uint32_t i = q->close_tok + 1;
    if (q->close_tok >= n || i >= n || (dt_doc_tok(doc, i)->flags & DT_TOK_PARA))
        return FALSE;
    /* "... a comprehensive ceasefire." US Secretary Blinken had ...: a quote
     * closed after a full stop ends its sentence; what follows is not its
     * attribution (news writes '...," he said') */
    if (q->close_tok > 0 && dt_doc_tok_is(doc, q->close_tok - 1, "."))
        return FALSE;
    /* '... "ups and downs". Tshisekedi said': a full stop after the quote
     * ends its sentence; the next one is not its attribution */
    if (dt_doc_tok_is(doc, i, ".") || dt_doc_tok_is(doc, i, "?") || dt_doc_tok_is(doc, i, "!"))
        return FALSE;
    /* a comma inside the quote marks is usual; one outside is allowed */
    if (dt_doc_tok_is(doc, i, ","))
        i++;
    /* '... "ready to work," while Abiy said ...': a conjunction opens
     * another clause, whose speaker is not the quote's */
    static const char *const conjunctions[] = {"while", "whereas", "but", "although", "though", "and",
                                               "as", "because", "since", "when", "after", "before",
                                               "so", "or", "yet", "whilst", NULL};
    if (i < n && dt_doc_tok_in(doc, i, conjunctions))
        return FALSE;
    /* 'calling it "the right answer" to Russia's continued aggression': a
     * preposition continues the sentence around a partial quote; an
     * attribution can only come after the next comma ('"We will respond"
     * to any attack, Peskov said') */
    static const char *const prepositions[] = {"to", "of", "for", "on", "in", "with", "from", "against",
                                               "by", "at", "over", "about", NULL};
    if (i < n && i == q->close_tok + 1 && dt_doc_tok_in(doc, i, prepositions)) {
        while (i < n && !dt_doc_tok_is(doc, i, ",") && !dt_doc_tok_is(doc, i, ".") && doc->tokinfo[i].quote < 0 &&
               !(dt_doc_tok(doc, i)->flags & DT_TOK_PARA))
            i++;
        if (i >= n || !dt_doc_tok_is(doc, i, ","))
            return FALSE;
        i++;
    }
    /* room for a speaker with an apposition: "...," Ursula von der Leyen,
     * the president of the European Commission, wrote on X. */
    for (uint32_t k = i; k < n && k < i + 18; k++) {
        /* ("Sen. Rand Paul said", "Lt. Gen. Rajiv Ghai said": an
         * abbreviation's full stop ends nothing) */
        gboolean abbrev = dt_doc_tok_is(doc, k, ".") && doc->tokinfo[k - 1].honorific &&
                          dt_doc_tok(doc, k - 1)->end == dt_doc_tok(doc, k)->start;
        if (k > i && ((dt_doc_tok(doc, k)->flags & DT_TOK_PARA) || (dt_doc_tok_is(doc, k, ".") && !abbrev)))
            break;
        if (doc->tokinfo[k].quote >= 0 && k != q->close_tok)
            break;
        if (!doc->tokinfo[k].reporting)
            continue;
        /* "... ," and said Brazil would: the subject is before the quote */
        if (k > 0 && dt_doc_tok_is(doc, k - 1, "and"))
            return FALSE;
        q->verb = doc->tokinfo[k].reporting;
        /* speaker before the verb, between the quote and it; a person wins
         * over the demonym of its title ("Thai Foreign Minister Maris said") */
        int other = -1;
        for (uint32_t s = i; s < k; s++) {
            uint32_t end = s + 1;
            int e = speaker_entity(doc, s, &end);
            if (e < 0)
                continue;
            if (dt_entity_kind_of(doc, e) == DT_ENT_PERSON || dt_is_pronoun(doc, s)) {
                q->speaker = e;
                q->attr_tb = i;
                q->attr_te = doc->tokinfo[k].reporting_end;
                return TRUE;
            }
            if (other < 0)
                other = e;
        }
        if (other >= 0) {
            q->speaker = other;
            q->attr_tb = i;
            q->attr_te = doc->tokinfo[k].reporting_end;
            return TRUE;
        }
        /* '"Spain is a reliable ally," the Socialist leader told reporters',
         * "the 53-year-old said": an epithet for the person told last */
        if (epithet(doc, i, k)) {
            int p = dt_person_subject_before(doc, q->open_tok);
            if (p >= 0) {
                q->speaker = p;
                q->attr_tb = i;
                q->attr_te = doc->tokinfo[k].reporting_end;
                return TRUE;
            }
        }
        /* speaker after the verb: said Kaja Kallas; said U.S. Secretary of
         * State Marco Rubio (the person after the country's title) */
        uint32_t v = doc->tokinfo[k].reporting_end;
        if (v < n) {
            uint32_t end = v + 1;
            int e = speaker_entity(doc, v, &end);
            /* "warned Israel's far-right National Security Minister Itamar
             * Ben-Gvir": past the possessive and an adjective or two */
            uint32_t o = end;
            if (e >= 0 && o < n && (dt_doc_tok(doc, o)->flags & DT_TOK_POSS))
                o++;
            for (int adj = 0; adj < 2 && o < n && doc->tokinfo[o].office < 0 &&
                              (dt_doc_tok(doc, o)->flags & DT_TOK_WORD) && !(dt_doc_tok(doc, o)->flags & DT_TOK_UPPER);
                 adj++)
                o++;
            if (e >= 0 && dt_entity_kind_of(doc, e) != DT_ENT_PERSON && o < n && doc->tokinfo[o].office >= 0) {
                uint32_t pe = doc->tokinfo[o].office_end, pend = pe + 1;
                int p = pe < n ? speaker_entity(doc, pe, &pend) : -1;
                if (p >= 0 && dt_entity_kind_of(doc, p) == DT_ENT_PERSON) {
                    e = p;
                    end = pend;
                }
            }
            if (e >= 0) {
                q->speaker = e;
                q->attr_tb = i;
                q->attr_te = end;
                return TRUE;
            }
        }
        return FALSE;
    }
    return FALSE;
}

/* SPEAKER VERB [that ...] "..." within the sentence of the opening mark */
static gboolean attribution_before(dt_doc *doc, dt_quote *q)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, q->open_tok, &sb, &se);
    int verb_at = -1;
    for (uint32_t k = q->open_tok; k > sb; k--) {
        uint32_t t = k - 1;
        if (doc->tokinfo[t].quote >= 0)
            break;
        /* "Tehran has rejected the offer as \"illegal and unacceptable\"":
         * a partial quote judging what a stance verb's subject did */
        if (doc->tokinfo[t].reporting || doc->tokinfo[t].evidential ||
            (q->partial && doc->tokinfo[t].polarity && dt_doc_tok_is(doc, q->open_tok - 1, "as"))) {
            verb_at = (int)t;
            break;
        }
    }
    if (verb_at < 0)
        return FALSE;
    /* 'Erdogan said they had signed a declaration in which they pledged
     * to give Ethiopia "reliable ... access"': a verb inside a relative
     * clause reports the clause, the sentence's own verb the quote */
    for (uint32_t k = (uint32_t)verb_at; k > sb && k + 3 > (uint32_t)verb_at; k--) {
        if (!dt_doc_tok_is(doc, k - 1, "which") && !dt_doc_tok_is(doc, k - 1, "whom"))
            continue;
        for (uint32_t t = k - 1; t > sb; t--)
            if (doc->tokinfo[t - 1].reporting && doc->tokinfo[t - 1].quote < 0) {
                verb_at = (int)t - 1;
                break;
            }
        break;
    }
    q->verb = doc->tokinfo[verb_at].reporting;
    /* "According to Lavrov, "...": the source follows the evidential */
    if (doc->tokinfo[verb_at].evidential && dt_doc_tok_is(doc, (uint32_t)verb_at, "according")) {
        uint32_t s = doc->tokinfo[verb_at].evidential_end;
        if (s < q->open_tok && dt_doc_tok_is(doc, s, "to"))
            s++;
        uint32_t end = s + 1;
        int e = s < q->open_tok ? speaker_entity(doc, s, &end) : -1;
        if (e >= 0 && end <= q->open_tok) {
            q->speaker = e;
            q->attr_tb = (uint32_t)verb_at;
            q->attr_te = end;
            return TRUE;
        }
    }
    int person = -1, other = -1;
    /* "Erdogan has offered to host talks between Putin and Zelenskyy,
     * saying the war \"has to end ...\"": a participle after a comma
     * speaks for the subject the sentence opens with */
    if (verb_at > (int)sb + 1 && dt_doc_tok_is(doc, (uint32_t)verb_at - 1, ",") &&
        g_str_has_suffix(dt_doc_tok(doc, (uint32_t)verb_at)->fold, "ing")) {
        for (uint32_t s = sb; s + 1 < (uint32_t)verb_at && person < 0; s++) {
            uint32_t end = s + 1;
            int e = doc->tokinfo[s].quote < 0 ? speaker_entity(doc, s, &end) : -1;
            if (e < 0 || (end < dt_doc_ntok(doc) && (dt_doc_tok(doc, end)->flags & DT_TOK_POSS)))
                continue; /* "Turkey's president, Recep Tayyip Erdoğan," */
            if (dt_entity_kind_of(doc, e) == DT_ENT_PERSON)
                person = e;
            else
                break; /* a body or country opens it: the usual search */
        }
        if (person >= 0) {
            q->speaker = person;
            q->attr_tb = sb;
            q->attr_te = (uint32_t)verb_at + 1;
            return TRUE;
        }
    }
    /* "Erdogan, who hosted Zelensky in Ankara, said ...": the speaker is
     * before the aside the verb follows, not inside it */
    uint32_t from = (uint32_t)verb_at;
    if (from > sb + 1 && dt_doc_tok_is(doc, from - 1, ",")) {
        uint32_t c = from - 1;
        while (c > sb && !dt_doc_tok_is(doc, c - 1, ","))
            c--;
        /* only a relative clause or participle: in "the Spanish Prime
         * Minister, Pedro Sanchez, said" the aside is the speaker */
        const dt_token *open = dt_doc_tok(doc, c);
        gboolean relative = dt_doc_tok_is(doc, c, "who") || dt_doc_tok_is(doc, c, "whose") ||
                            dt_doc_tok_is(doc, c, "whom") ||
                            (!(open->flags & DT_TOK_UPPER) && g_str_has_suffix(open->fold, "ing"));
        if (c > sb + 1 && relative)
            from = c - 1;
    }
    for (uint32_t t = from; t > sb; t--) {
        uint32_t s = t - 1;
        if (doc->tokinfo[s].quote >= 0)
            continue;
        uint32_t end = s + 1;
        int e = speaker_entity(doc, s, &end);
        if (e < 0 || (end < dt_doc_ntok(doc) && (dt_doc_tok(doc, end)->flags & DT_TOK_POSS)))
            continue;
        /* the start of the mention that covers s */
        if (s > sb && doc->tokinfo[s - 1].mention == doc->tokinfo[s].mention &&
            doc->tokinfo[s].mention >= 0)
            continue;
        /* 'He praised Mark Rutte, whom he called "a very good man"': the
         * pronoun after "whom" is the sentence's subject, not the name the
         * relative clause hangs on */
        if (dt_is_pronoun(doc, s) && s > sb && (dt_doc_tok_is(doc, s - 1, "whom") || dt_doc_tok_is(doc, s - 1, "which")) &&
            dt_is_pronoun(doc, sb))
            e = dt_person_subject_before(doc, sb);
        if (e < 0)
            continue;
        if (dt_entity_kind_of(doc, e) == DT_ENT_PERSON) {
            person = e;
            break;
        }
        if (other < 0 && !dt_is_media(doc, e))
            other = e;
    }
    q->speaker = person >= 0 ? person : other;
    q->attr_tb = sb;
    q->attr_te = (uint32_t)verb_at + 1;
    return q->speaker >= 0;
}

/* "JERUSALEM, Oct 9 (Reuters) -": an agency in parentheses credits the
 * story; no one speaks to it. */
static gboolean agency_credit(const dt_doc *doc, uint32_t b, uint32_t e)
{
    return b > 0 && e < dt_doc_ntok(doc) && dt_doc_tok_is(doc, b - 1, "(") && dt_doc_tok_is(doc, e, ")");
}

static void find_venue(dt_doc *doc, dt_quote *q)
{
    uint32_t sb, se;
    uint32_t anchor = q->attr_te > q->attr_tb ? q->attr_tb : q->open_tok;
    dt_doc_sentence_bounds(doc, anchor, &sb, &se);
    for (uint32_t k = sb; k < se; k++) {
        if (doc->tokinfo[k].quote >= 0)
            continue;
        uint32_t me = k + 1;
        int e = dt_actor_at(doc, k, &me);
        if (e >= 0 && dt_is_media(doc, e) && !agency_credit(doc, k, me)) {
            /* the programme wins over its broadcaster: CNN's State of the Union */
            q->venue = e;
            continue;
        }
        const char *f = dt_doc_tok(doc, k)->fold;
        if (q->venue_text == NULL &&
            (dt_fold_eq(f, "statement") || dt_fold_eq(f, "interview") || dt_fold_eq(f, "reporters") ||
             dt_fold_eq(f, "address") || dt_fold_eq(f, "briefing") ||
             (dt_fold_eq(f, "conference") && k > 0 && (dt_doc_tok_is(doc, k - 1, "news") ||
                                                        dt_doc_tok_is(doc, k - 1, "press")))))
            q->venue_text = dt_text_tokens_string(doc->text, k > 0 && !strcmp(f, "conference") ? k - 1 : k, k + 1);
    }
}

/* Media entity introduced by to/on/with/told in sentence si, or -1. */
static int media_in_sentence(const dt_doc *doc, uint32_t si)
{
    const dt_sentence *sen = dt_text_sentence(doc->text, si);
    int found = -1;
    for (uint32_t k = sen->tok_begin + 1; k < sen->tok_end; k++) {
        int e = dt_actor_at(doc, k, NULL);
        if (e < 0 || !dt_is_media(doc, e) || doc->tokinfo[k].quote >= 0)
            continue;
        /* the programme after its broadcaster wins: CNN's State of the Union */
        for (uint32_t b = k; b > sen->tok_begin && b + 6 > k; b--)
            for (int i = 0; venue_preps[i]; i++)
                /* "according to SANA": the source of the report, no venue */
                if (dt_doc_tok_is(doc, b - 1, venue_preps[i]) &&
                    !(b >= 2 && dt_doc_tok_is(doc, b - 1, "to") && dt_doc_tok_is(doc, b - 2, "according")))
                    found = e;
    }
    return found;
}

static gboolean sentence_mentions(const dt_doc *doc, uint32_t si, int entity)
{
    const dt_sentence *sen = dt_text_sentence(doc->text, si);
    for (uint32_t k = sen->tok_begin; k < sen->tok_end; k++)
        if (doc->tokinfo[k].quote < 0 && dt_actor_at(doc, k, NULL) == entity)
            return TRUE;
    return FALSE;
}

/* "Speaking to CNN's State of the Union, Witkoff described ...": a venue
 * named for the speaker just before the quotes carries over to them. */
static void venue_from_context(dt_doc *doc, dt_quote *q)
{
    if (q->venue >= 0 || q->venue_text || q->speaker < 0)
        return;
    uint32_t s = dt_doc_tok(doc, q->open_tok)->sentence;
    for (uint32_t back = 1; back <= 3 && back <= s; back++) {
        uint32_t si = s - back;
        if (!sentence_mentions(doc, si, q->speaker))
            continue;
        q->venue = media_in_sentence(doc, si);
        return;
    }
}

static void mark_partial(dt_doc *doc, dt_quote *q)
{
    if (q->open_tok == 0)
        return;
    uint32_t p = q->open_tok - 1;
    const dt_token *t = dt_doc_tok(doc, q->open_tok);
    if (t->flags & DT_TOK_PARA)
        return;
    const dt_token *prev = dt_doc_tok(doc, p);
    if ((prev->flags & DT_TOK_WORD) && !doc->tokinfo[p].reporting)
        q->partial = TRUE;
}

/* Fewer than three words ("snapback", "maximum pressure") is a term in
 * quotes, not a quotation; so is a title in capitals with nobody saying it. */
static gboolean scare_quote(const dt_doc *doc, const dt_quote *q)
{
    unsigned words = 0, upper = 0;
    for (uint32_t k = q->tb; k < q->te; k++) {
        const dt_token *t = dt_doc_tok(doc, k);
        if (t->flags & DT_TOK_WORD) {
            words++;
            upper += (t->flags & DT_TOK_UPPER) ? 1 : 0;
        }
    }
    if (words < 3)
        return TRUE;
    /* 'the so-called "coalition of the willing"', 'what he called "a
     * historic day"': a name for something, not words someone said */
    if (q->open_tok >= 1 && (dt_doc_tok_is(doc, q->open_tok - 1, "so-called") ||
                             (q->open_tok >= 2 && dt_doc_tok_is(doc, q->open_tok - 2, "so") &&
                              dt_doc_tok_is(doc, q->open_tok - 1, "called"))))
        return TRUE;
    return q->speaker < 0 && words <= 8 && upper * 10 >= words * 6;
}

static void drop_scare_quotes(dt_doc *doc)
{
    for (guint k = doc->quotes->len; k > 0; k--) {
        dt_quote *q = &g_array_index(doc->quotes, dt_quote, k - 1);
        if (!scare_quote(doc, q))
            continue;
        for (uint32_t t = q->open_tok; t <= q->close_tok && t < dt_doc_ntok(doc); t++)
            doc->tokinfo[t].quote = -1;
        g_free(q->venue_text);
        g_array_remove_index(doc->quotes, k - 1);
    }
    /* token -> quote indices moved */
    for (guint k = 0; k < doc->quotes->len; k++) {
        const dt_quote *q = &g_array_index(doc->quotes, dt_quote, k);
        for (uint32_t t = q->open_tok; t <= q->close_tok && t < dt_doc_ntok(doc); t++)
            doc->tokinfo[t].quote = (int)k;
    }
}

void dt_quotes_find(dt_doc *doc)
{
    for (guint k = 0; k < doc->quotes->len; k++) {
        dt_quote *q = &g_array_index(doc->quotes, dt_quote, k);
        mark_partial(doc, q);
        gboolean found = attribution_after(doc, q) || attribution_before(doc, q);
        if (!found && k > 0) {
            const dt_quote *prev = &g_array_index(doc->quotes, dt_quote, k - 1);
            const dt_token *a = dt_doc_tok(doc, prev->open_tok), *b = dt_doc_tok(doc, q->open_tok);
            const dt_sentence *sa = dt_text_sentence(doc->text, a->sentence);
            const dt_sentence *sb = dt_text_sentence(doc->text, b->sentence);
            if (sa->paragraph == sb->paragraph) {
                q->continues = TRUE;
                q->speaker = prev->speaker;
                q->verb = prev->verb;
                q->venue = prev->venue;
                q->venue_text = g_strdup(prev->venue_text);
                continue;
            }
        }
        find_venue(doc, q);
        venue_from_context(doc, q);
    }
    drop_scare_quotes(doc);
}
