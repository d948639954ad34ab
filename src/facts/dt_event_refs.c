/* Facts: which event an event mention tells.  Each mention either
 * continues an event already told in the article (same place and kind, a
 * definite reference back, the same head noun, the same people) or starts
 * a new one ("a second round", "Earlier on Friday, ..."). */
#include "dt_facts_util.h"
#include "dt_events_internal.h"
#include "dt_time.h"
#include "dt_proposals_internal.h"

#include <stdlib.h>
#include <string.h>

/* "proposed holding military talks", "an offer from Washington to hold
 * talks", "offered to meet Putin", "urged both sides to resume talks": the
 * verb at v (an infinitive or a gerund) is what an offer, a call or a
 * demand asks for, in the same clause a few words before. */
gboolean dt_ev_asked_for(const dt_doc *doc, uint32_t v)
{
    uint32_t p = v, sb, se;
    if (v > 0 && dt_doc_tok_is(doc, v - 1, "to"))
        p = v - 1;
    else if (!g_str_has_suffix(dt_doc_tok(doc, v)->fold, "ing"))
        return FALSE;
    dt_doc_sentence_bounds(doc, v, &sb, &se);
    /* "was willing to hold talks", "is ready to meet": offered, not held */
    static const char *const willing[] = {"willing", "ready", "prepared", "eager", "keen", "open", NULL};
    if (p > sb && p < v && dt_doc_tok_in(doc, p - 1, willing))
        return TRUE;
    uint32_t lo = p > sb + 6 ? p - 6 : sb;
    for (uint32_t k = p; k-- > lo;) {
        if (dt_is_clause_break(doc, k))
            return FALSE;
        if (dt_pr_word_class_at(doc, k, k + 1, "proposal-nouns") ||
            dt_pr_word_class_starts(doc, k, p, "proposal-verbs"))
            return TRUE;
    }
    return FALSE;
}

/* "offers of direct negotiations", "a proposal for talks": an event that
 * is only proposed. */
gboolean dt_ev_proposed(const dt_doc *doc, uint32_t start)
{
    static const char *const nouns[] = {"offer", "offers", "proposal", "proposals", "call", "calls", "demand",
                                        "demands", "push", "plan", "plans", "idea", "invitation",
                                        "resumption", "basis", "point", "precondition", "preconditions",
                                        "prospect", "prospects", "chance", "chances", "hopes", NULL};
    if (start < 2 || !(dt_doc_tok_is(doc, start - 1, "of") || dt_doc_tok_is(doc, start - 1, "for")))
        return FALSE;
    uint32_t k = start - 2;
    /* "a proposal by Venezuela for direct negotiations": past its author */
    int mi = doc->tokinfo[k].mention;
    if (mi >= 0) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->te == k + 1 && m->tb >= 2 &&
            (dt_doc_tok_is(doc, m->tb - 1, "by") || dt_doc_tok_is(doc, m->tb - 1, "from")))
            k = m->tb - 2;
    }
    return dt_doc_tok_in(doc, k, nouns);
}

/* "proposed holding military talks", "an offer to hold talks": the
 * phrase may or may not have taken in the verb and its modifiers
 * ("[holding military talks]", "to hold [talks]", "holding military
 * [talks]"). */
gboolean dt_ev_asked_phrase(const dt_doc *doc, uint32_t start)
{
    static const char *const holding[] = {"hold", "holding", "host", "hosting", "have", "having",
                                          "resume", "resuming", "convene", "convening", "reopen",
                                          "reopening", "restart", "restarting", "launch", "launching", NULL};
    for (uint32_t k = start + 1; k-- > 0 && k + 4 > start;) {
        if (dt_doc_tok_in(doc, k, holding))
            return dt_ev_asked_for(doc, k);
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_WORD) || dt_is_clause_break(doc, k))
            return FALSE;
    }
    return FALSE;
}

/* "the next summit", "a second meeting", "the new talks", "offers of
 * direct negotiations": another event than any told before. */
static gboolean tells_another(const dt_doc *doc, uint32_t start, uint32_t t, uint32_t te)
{
    if (dt_ev_proposed(doc, start))
        return TRUE;
    /* "had begun arranging a meeting between Putin and Zelenskyy": an
     * indefinite event with its own pair of people */
    if (start > 0 && te < dt_doc_ntok(doc) && dt_doc_tok_is(doc, te, "between") &&
        (dt_doc_tok_is(doc, start - 1, "a") || dt_doc_tok_is(doc, start - 1, "an")))
        return TRUE;
    static const char *const other[] = {"next", "last", "previous", "first", "second", "third", "new",
                                        "another", "other", "following", "future", "earlier", "later", NULL};
    for (uint32_t k = start > 0 && dt_doc_tok_is(doc, start - 1, "another") ? start - 1 : start; k < t; k++)
        if (dt_doc_tok_in(doc, k, other))
            return TRUE;
    return FALSE;
}

/* "the summit", "the high-stakes meeting": a definite phrase without a
 * name in it refers back to an event already told. */
gboolean dt_ev_anaphoric(const dt_doc *doc, uint32_t start, uint32_t t)
{
    if (start == 0 || !(dt_doc_tok_is(doc, start - 1, "the") || dt_doc_tok_is(doc, start - 1, "this") ||
                        dt_doc_tok_is(doc, start - 1, "that")))
        return FALSE;
    for (uint32_t k = start; k < t; k++)
        if ((dt_doc_tok(doc, k)->flags & (DT_TOK_UPPER | DT_TOK_POSS)) || doc->tokinfo[k].mention >= 0)
            return FALSE;
    return !tells_another(doc, start, t, t);
}

gboolean dt_ev_same_group(const dt_lex_entry *a, const dt_lex_entry *b)
{
    return !strcmp(dt_ev_type_group(a), dt_ev_type_group(b));
}

gboolean dt_ev_times_compatible(const dt_event *ev, const char *date, const char *time_text)
{
    /* "Monday's talks" twice is one Monday, whatever tense resolved it */
    if (ev->time_text && time_text && !g_ascii_strcasecmp(ev->time_text, time_text))
        return TRUE;
    /* "met Netanyahu on Tuesday ... met him a day earlier": two meetings */
    if (dt_time_is_relative(time_text) || dt_time_is_relative(ev->time_text))
        return FALSE;
    if (ev->date && date)
        return !strcmp(ev->date, date);
    if (ev->time_text && time_text && !ev->date && !date)
        return FALSE;
    /* "on Thursday" (a date) and "in February" or "in 2022": the month
     * and the year must agree */
    const char *text = ev->date ? time_text : ev->time_text;
    int month = dt_time_month(text), year = dt_time_year(text);
    const char *day = ev->date ? ev->date : date;
    if (year && day && atoi(day) != year)
        return FALSE;
    if (month && day && strlen(day) >= 7)
        return atoi(day + 5) == month;
    return TRUE;
}

/* "the failed Istanbul negotiations in the spring of 2022": an event of
 * another year than the story's is background, and a mention without a
 * time is of the story's own -- and the other way round. */
gboolean dt_ev_years_apart(const dt_doc *doc, const dt_event *ev, const char *time_text)
{
    int year = dt_time_year(ev->time_text), own = dt_time_year(time_text);
    if (doc->date == NULL)
        return FALSE;
    return (year && time_text == NULL && atoi(doc->date) != year) ||
           (own && ev->time_text == NULL && ev->date == NULL && atoi(doc->date) != own);
}

/* The event a new mention continues: same place and kind; or, without a
 * place, the latest event of that kind told in the last sentences. */
static int find_same(dt_doc *doc, const dt_lex_entry *type, int place, const char *date,
                     const char *time_text, uint32_t sentence, gboolean ana, gboolean indefinite)
{
    for (guint i = doc->events->len; i > 0; i--) {
        dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (!dt_ev_same_group(ev->type, type) || !dt_ev_times_compatible(ev, date, time_text))
            continue;
        if (dt_ev_years_apart(doc, ev, time_text))
            continue;
        if (place >= 0 && ev->place == place)
            return (int)i - 1;
        /* "an interview", "a four-way meeting": an indefinite phrase
         * introduces a new event, unless it elaborates one its own sentence
         * told ("signed the text in a ceremony") */
        if (place < 0 && (ana || (indefinite ? sentence == ev->last_sentence : sentence <= ev->last_sentence + 2)))
            return (int)i - 1;
        /* "The committee met for the first time on Monday ... The
         * mechanism convened in Naqoura": the next sentence places the
         * event just told */
        if (place >= 0 && ev->place < 0 && !indefinite && time_text == NULL && sentence <= ev->last_sentence + 1)
            return (int)i - 1;
    }
    return -1;
}

/* "the Oman talks" after talks in Muscat: a definite phrase naming a
 * country refers to the latest event of its kind placed in that country.
 * Returns the event, or -1. */
static int event_in_named_country(const dt_doc *doc, const dt_lex_entry *type, uint32_t start, uint32_t t)
{
    const dt_lex_entry *country = NULL;
    for (uint32_t k = start; k < t && country == NULL; k++) {
        int mi = doc->tokinfo[k].mention;
        const dt_mention *m = mi >= 0 ? &g_array_index(doc->mentions, dt_mention, mi) : NULL;
        if (m && m->lex && m->lex->cls == DT_LEX_COUNTRY && m->kind != DT_MEN_DEMONYM)
            country = m->lex;
    }
    if (country == NULL)
        return -1;
    for (guint i = doc->events->len; i > 0; i--) {
        const dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        const dt_entity *pl = dt_doc_entity(doc, ev->place);
        if (dt_ev_same_group(ev->type, type) && pl && pl->lex && pl->lex->country == country)
            return (int)i - 1;
    }
    return -1;
}

/* "The 13-2 vote came ... Biden met Yoon ... she said before the vote":
 * "the vote" is the event last told with the same head noun, before the
 * latest one of its kind (not so for the generic "meeting" and "talks").
 * Returns it, or -1. */
static int same_head_noun(const dt_doc *doc, const dt_lex_entry *type, uint32_t te, const char *date,
                          const char *time_text)
{
    const char *head = dt_doc_tok(doc, te - 1)->fold;
    /* "the meeting", "the talks" are said of any gathering */
    if (!strcmp(head, "meeting") || !strcmp(head, "talks") || !strcmp(head, "meetings"))
        return -1;
    for (guint i = doc->events->len; i > 0; i--) {
        const dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (!dt_ev_same_group(ev->type, type) || !dt_ev_times_compatible(ev, date, time_text) ||
            dt_ev_years_apart(doc, ev, time_text))
            continue;
        for (guint k = 1; k < ev->spans->len; k += 2)
            if (!strcmp(dt_doc_tok(doc, g_array_index(ev->spans, uint32_t, k) - 1)->fold, head))
                return (int)i - 1;
    }
    return -1;
}

static gboolean demonstrative(const dt_doc *doc, uint32_t start)
{
    return start > 0 && (dt_doc_tok_is(doc, start - 1, "that") || dt_doc_tok_is(doc, start - 1, "this"));
}

/* "a summit in Argyle ... signed a declaration. That meeting was brokered
 * by ...": "that meeting", "these talks" refer to the gathering told last
 * (a summit is one too), not the latest event created of their own kind.
 * Returns -1 when none was told in the three sentences before. */
static int latest_gathering(const dt_doc *doc, const dt_lex_entry *type, uint32_t sentence)
{
    if (strcmp(dt_ev_type_group(type), "talks") != 0)
        return -1;
    int best = -1;
    uint32_t best_sentence = 0;
    for (guint i = 0; i < doc->events->len; i++) {
        const dt_event *ev = g_ptr_array_index(doc->events, i);
        const char *g = dt_ev_type_group(ev->type);
        if ((strcmp(g, "talks") && strcmp(g, "summit")) || ev->last_sentence + 3 < sentence)
            continue;
        if (best < 0 || ev->last_sentence >= best_sentence) {
            best = (int)i;
            best_sentence = ev->last_sentence;
        }
    }
    return best;
}

/* "Earlier on Friday, ...", "Separately, ...": the sentence turns to
 * something else than what was being told. */
static gboolean sentence_opens_apart(const dt_doc *doc, uint32_t sb)
{
    static const char *const apart[] = {"earlier", "later", "separately", "meanwhile", "previously", NULL};
    return sb < dt_doc_ntok(doc) && dt_doc_tok_in(doc, sb, apart);
}

/* The event of this kind its own sentence already told, or -1. */
static int find_in_sentence(const dt_doc *doc, const dt_lex_entry *type, uint32_t sentence)
{
    for (guint i = doc->events->len; i > 0; i--) {
        const dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (dt_ev_same_group(ev->type, type) && ev->last_sentence == sentence)
            return (int)i - 1;
    }
    return -1;
}

/* The event an event mention continues, or -1 for a new one.  A mention
 * naming a country an event was placed in ("the Oman talks") becomes
 * anaphoric (*ana).  "The second round", "offers of talks" are new; a
 * sentence opening "Earlier", "Separately" ... only continues what its own
 * sentence told; "that meeting", "the vote" look for the gathering told
 * last and the event of that head noun; else find_same. */
int dt_ev_continued(dt_doc *doc, const dt_lex_entry *type, int place, const char *date, const char *time_text,
                    uint32_t start, uint32_t t, uint32_t te, gboolean verbal, gboolean indefinite, gboolean *ana)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    uint32_t sentence = dt_doc_tok(doc, t)->sentence;
    gboolean another = !verbal && tells_another(doc, start, t, te);
    int same = -1;
    if (!verbal && !another && place < 0 && start > sb && dt_doc_tok_is(doc, start - 1, "the"))
        same = event_in_named_country(doc, type, start, t);
    if (same >= 0) {
        /* "gave the go-ahead for the Oman talks": the talks told in Muscat,
         * referred to like "the talks" */
        *ana = TRUE;
    } else if (another) {
        same = -1;
    } else if (!*ana && sentence_opens_apart(doc, sb)) {
        same = find_in_sentence(doc, type, sentence);
    } else {
        if (*ana && place < 0 && time_text == NULL && demonstrative(doc, start))
            same = latest_gathering(doc, type, sentence);
        if (*ana && same < 0)
            same = same_head_noun(doc, type, te, date, time_text);
        if (same < 0)
            same = find_same(doc, type, place, date, time_text, sentence, *ana, indefinite);
    }
    return same;
}
