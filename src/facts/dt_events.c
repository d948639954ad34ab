/* Facts: events (summits, talks, meetings, calls, press conferences,
 * interviews, signings).  An event mention is its trigger noun with the
 * noun phrase around it ("Monday's upcoming White House talks", "a summit
 * with Trump in Alaska"); place, time and participants come from that
 * phrase and its sentence.  Mentions of one event within an article
 * merge: same place and kind, or a bare "the summit" referring back. */
#include "dt_events_internal.h"
#include "dt_facts_util.h"
#include "dt_time.h"
#include "../entities/dt_entities.h"

#include <string.h>

const char *dt_ev_type_group(const dt_lex_entry *t)
{
    const char *l = t->label;
    if (dt_fold_eq(l, "meeting") || dt_fold_eq(l, "talks"))
        return "talks";
    return l;
}

/* Whether the sentence tells the event as still to come.  The clause a
 * speaker reports after the event ("said in an interview on Tuesday that
 * troops would not be sent") does not count. */
static gboolean future_clause(const dt_doc *doc, uint32_t sb, uint32_t se, uint32_t te)
{
    static const char *const w[] = {"upcoming", "will", "planned", "next", "expected",
                                    "proposed", "would", "to", NULL};
    for (uint32_t k = sb; k < se; k++) {
        if (k >= te && (dt_doc_tok_is(doc, k, "that") || doc->tokinfo[k].reporting))
            break;
        /* the list at once (its word starts settle most tokens), not a
         * compare a word */
        if (dt_doc_tok_in(doc, k, w) && (!dt_doc_tok_is(doc, k, "to") || dt_doc_tok_is(doc, k + 1, "be")))
            return TRUE;
    }
    return FALSE;
}

/* "..., the State Department said on Monday": the time of a trailing
 * attribution is when it was said.  Returns the comma that opens one
 * after token te, else ce. */
static uint32_t attribution_start(const dt_doc *doc, uint32_t te, uint32_t ce)
{
    for (uint32_t k = te; k < ce; k++) {
        if (!dt_doc_tok_is(doc, k, ","))
            continue;
        for (uint32_t v = k + 1; v < ce && v < k + 8; v++) {
            if (dt_doc_tok_is(doc, v, ","))
                break;
            if (doc->tokinfo[v].reporting)
                return k;
        }
    }
    return ce;
}

/* "GENEVA, March 3 (Reuters) -": the date of a dateline is the story's,
 * not its events'.  Returns the token after the dateline's dash when the
 * sentence starting at sb opens a paragraph with one, else sb. */
static uint32_t dateline_end(const dt_doc *doc, uint32_t sb)
{
    if (!(dt_doc_tok(doc, sb)->flags & DT_TOK_PARA) || !(dt_doc_tok(doc, sb)->flags & DT_TOK_UPPER))
        return sb;
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t k = sb + 1; k < n && k < sb + 12; k++) {
        if (dt_doc_tok(doc, k)->sentence != dt_doc_tok(doc, sb)->sentence)
            break;
        if (dt_doc_tok_is(doc, k, "-"))
            return k + 1;
    }
    return sb;
}

/* "Putin-Zelenskyy", "U.S.-Turkey-Ukraine": a hyphen or dash written
 * without spaces between two words joins a compound modifier, unlike the
 * spaced dash that opens an aside. */
gboolean dt_ev_tight_dash(const dt_doc *doc, uint32_t p, uint32_t sb)
{
    if (p <= sb || p + 1 >= dt_doc_ntok(doc) || !dt_doc_tok_is(doc, p, "-"))
        return FALSE;
    const dt_token *prev = dt_doc_tok(doc, p - 1), *next = dt_doc_tok(doc, p + 1);
    /* normalization spaces out dashes, so adjacency is read in the original */
    return (prev->flags & DT_TOK_WORD) && (next->flags & DT_TOK_WORD) &&
           dt_text_orig_cp(doc->text, next->start) == dt_text_orig_cp(doc->text, prev->end) + 1;
}

/* Start of the noun phrase that ends with the trigger at t. */
static uint32_t phrase_start(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    uint32_t k = t;
    while (k > sb) {
        uint32_t p = k - 1;
        const dt_token *tok = dt_doc_tok(doc, p);
        const dt_tokinfo *ti = &doc->tokinfo[p];
        if (dt_ev_tight_dash(doc, p, sb)) {
            k = p;
            continue;
        }
        if (dt_doc_tok_is(doc, p, "the") || dt_doc_tok_is(doc, p, "a") || dt_doc_tok_is(doc, p, "an") ||
            dt_doc_tok_is(doc, p, "that") || dt_doc_tok_is(doc, p, "this") ||
            dt_is_clause_break(doc, p) || (ti->function_word && !(tok->flags & DT_TOK_UPPER)) ||
            ti->reporting || ti->polarity)
            break;
        if (!(tok->flags & (DT_TOK_WORD | DT_TOK_POSS)))
            break;
        /* "The deal followed talks": a past tense after a plain word is the
         * verb before the phrase ("the failed talks", "Russia's long-awaited
         * talks" keep their participle) */
        if (p > sb && g_str_has_suffix(tok->fold, "ed") && !(tok->flags & DT_TOK_UPPER)) {
            const dt_token *before = dt_doc_tok(doc, p - 1);
            if ((before->flags & DT_TOK_WORD) && !(before->flags & DT_TOK_POSS) &&
                !doc->tokinfo[p - 1].function_word && !g_str_has_suffix(before->fold, "ed") &&
                !dt_doc_tok_is(doc, p - 1, "the") && !dt_doc_tok_is(doc, p - 1, "a") &&
                !dt_doc_tok_is(doc, p - 1, "an"))
                break;
        }
        k = p;
    }
    return k;
}

/* The clause around token t: between semicolons and colons (dashes often
 * enclose a list that belongs to the clause: "leaders - among them ..."). */
/* ", adding that ...", ", while ...": a comma that opens another clause */
static gboolean clause_comma(const dt_doc *doc, uint32_t k, uint32_t se)
{
    static const char *const openers[] = {"adding", "saying", "noting", "stressing", "arguing",
                                          "warning", "while", "but", "although", "though",
                                          "whereas", "as", "after", "before", NULL};
    if (!dt_doc_tok_is(doc, k, ",") || k + 1 >= se)
        return FALSE;
    if (dt_doc_tok_in(doc, k + 1, openers))
        return TRUE;
    /* "Witkoff attended the talks, and Macron and Zelensky later spoke by
     * phone with Trump": ", and" with a new subject (not the last of a
     * list of names: "Macron, Merz, and Tusk met") */
    /* (nor an apposition: "Keir Starmer, the British prime minister, and
     * Emmanuel Macron") */
    if (k > 0 && k + 2 < se && dt_doc_tok_is(doc, k + 1, "and") && doc->tokinfo[k - 1].mention < 0 &&
        !doc->tokinfo[k - 1].in_office && doc->tokinfo[k - 1].office < 0) {
        uint32_t j = k + 2;
        while (j < se && (doc->tokinfo[j].office >= 0 || doc->tokinfo[j].in_office))
            j++;
        return j < se && (doc->tokinfo[j].mention >= 0 || dt_is_he_or_she(doc, j) || dt_doc_tok_is(doc, j, "they"));
    }
    return FALSE;
}

static void clause_bounds(const dt_doc *doc, uint32_t t, uint32_t sb, uint32_t se, uint32_t *cb, uint32_t *ce)
{
    uint32_t b = t, e = t;
    while (b > sb && !(dt_doc_tok_is(doc, b - 1, ";") || dt_doc_tok_is(doc, b - 1, ":") ||
                       clause_comma(doc, b - 1, se)))
        b--;
    while (e < se && !(dt_doc_tok_is(doc, e, ";") || dt_doc_tok_is(doc, e, ":") || clause_comma(doc, e, se)))
        e++;
    *cb = b;
    *ce = e;
}

static void add_span(GArray *spans, uint32_t b, uint32_t e)
{
    g_array_append_val(spans, b);
    g_array_append_val(spans, e);
}

/* "today's meetings", "the last three summits": a plural names a set of
 * events, not one; it tells one only with who ("calls with senior
 * officials", "meetings between ...") or where it names. */
static gboolean plural_set(const dt_doc *doc, const dt_lex_entry *type, uint32_t start, uint32_t te)
{
    /* the label and an "s", compared in place (no joined copy) */
    const char *fold = dt_doc_tok(doc, te - 1)->fold;
    size_t ll = strlen(type->label);
    gboolean is_plural = strncmp(fold, type->label, ll) == 0 && fold[ll] == 's' && fold[ll + 1] == '\0';
    if (!is_plural)
        return FALSE;
    /* "a series of meetings between diplomats", "several calls with": many,
     * whoever they were between */
    static const char *const many[] = {"series", "string", "number", "several", "multiple", "numerous",
                                       "many", "two", "three", "four", "five", NULL};
    for (uint32_t k = start; k > 0 && k + 3 > start; k--)
        if (dt_doc_tok_in(doc, k - 1, many))
            return TRUE;
    if (te < dt_doc_ntok(doc) && (dt_doc_tok_is(doc, te, "with") || dt_doc_tok_is(doc, te, "between")))
        return FALSE;
    return dt_ev_place_in(doc, start, te) < 0;
}

/* "They gather three days after Trump's Friday summit with Putin in
 * Alaska": what follows "after", "before", "since" or "until", or "and
 * later", tells another event, with its own time, place and people. */
/* "met Zelensky in Kyiv on Saturday, and later spoke to Trump by phone",
 * "held talks with Lavrov ... and later met Putin": the next verb of the
 * subject tells another event. */
static uint32_t next_verb_end(const dt_doc *doc, uint32_t te, uint32_t ce)
{
    static const char *const next[] = {"later", "then", "afterwards", "subsequently", NULL};
    for (uint32_t k = te; k + 1 < ce; k++)
        if (dt_doc_tok_is(doc, k, "and") && dt_doc_tok_in(doc, k + 1, next))
            return k;
    return ce;
}

/* Words opening a clause of another time: "after", "before", "since" ... */
static const char *const other_time[] = {"after", "before", "since", "until", "ahead", "following", NULL};

static uint32_t verb_clause_end(const dt_doc *doc, uint32_t te, uint32_t ce)
{
    for (uint32_t k = te; k < ce; k++)
        if (dt_doc_tok_in(doc, k, other_time))
            return k;
    return next_verb_end(doc, te, ce);
}

/* "A US official said on Friday that ... the commitments signed in
 * Jeddah", "Putin proposed last Sunday that the two countries resume
 * direct negotiations": an event told in a reported or proposed clause does
 * not take the time of the saying.  Returns where the clause after "said
 * ... that" starts (the token after "that"), or cb. */
static uint32_t complement_start(const dt_doc *doc, uint32_t cb, uint32_t t)
{
    uint32_t second = 0; /* "said that ... but that a meeting ...": the later "that" */
    for (uint32_t k = t; k > cb; k--) {
        if (!dt_doc_tok_is(doc, k - 1, "that"))
            continue;
        for (uint32_t v = k - 1; v > cb && v + 10 > k; v--)
            if (doc->tokinfo[v - 1].reporting || doc->tokinfo[v - 1].polarity)
                return second ? second : k;
        /* a second complement of the same verb: on to the first */
        if (k >= cb + 2 && (dt_doc_tok_is(doc, k - 2, "but") || dt_doc_tok_is(doc, k - 2, "and"))) {
            if (!second)
                second = k;
            continue;
        }
        return cb;
    }
    return cb;
}

/* The rest of an event's clause that may still date it: up to a comma or
 * a relative or subordinate clause ("a resolution of issues that arose in
 * 2020" dates the issues). */
static uint32_t phrase_after_end(const dt_doc *doc, uint32_t k, uint32_t e)
{
    static const char *const clause_words[] = {"that", "which", "who", "where", "when", "while", "after",
                                               "before", "since", "until", "because", NULL};
    for (; k < e; k++)
        if (dt_doc_tok_in(doc, k, clause_words))
            return k;
    return e;
}

/* Past the clause opening at k up to its comma, or e. */
static uint32_t past_relative(const dt_doc *doc, uint32_t k, uint32_t e)
{
    while (k < e && !dt_doc_tok_is(doc, k, ","))
        k++;
    return k;
}

/* "The Kremlin on Friday rejected ..., a day after 26 countries pledged
 * support at a summit in Paris": an event told after "after", "before",
 * "since" or "until" has its own time, not the main clause's.  Returns
 * where that clause starts, or cb. */
static uint32_t time_clause_start(const dt_doc *doc, uint32_t cb, uint32_t t)
{
    for (uint32_t k = t; k > cb; k--) {
        /* the words' first bytes (a, b, s, u, f) before the list */
        const char c0 = dt_doc_tok(doc, k - 1)->fold[0];
        if ((c0 == 'a' || c0 == 'b' || c0 == 's' || c0 == 'u' || c0 == 'f') && dt_doc_tok_in(doc, k - 1, other_time))
            return k - 1;
    }
    return cb;
}

/* End of a place phrase starting at k: the next clause break, at most
 * eight tokens on, before e. */
static uint32_t place_phrase_end(const dt_doc *doc, uint32_t k, uint32_t e)
{
    uint32_t pe = k;
    while (pe < e && pe < k + 8 && !dt_is_clause_break(doc, pe))
        pe++;
    return pe;
}

/* "as US warships gather in the Caribbean", "crowds gathered": an
 * assembly verb whose subject is a common noun naming no people is no
 * meeting ("leaders gathered", "ministers convene", "they gather" are). */
static gboolean assembly_of_things(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    static const char *const assembly[] = {"gather", "gathered", "gathers", "convene", "convened", "convenes",
                                           NULL};
    static const char *const people[] = {"leaders", "ministers", "officials", "diplomats", "delegates",
                                         "delegations", "envoys", "negotiators", "heads", "lawmakers",
                                         "mediators", "representatives", "counterparts", "allies", "members",
                                         "presidents", "chiefs", "council", "committee", "group", "parliament",
                                         "assembly", "cabinet", "sides", "parties", "partners", "men", "women",
                                         "mechanism", "commission", "board", "panel", "bloc", "alliance",
                                         "coalition", "forum", "body", "team", "teams", "quartet", "quad",
                                         NULL};
    if (t <= sb || !dt_doc_tok_in(doc, t, assembly))
        return FALSE;
    const dt_token *p = dt_doc_tok(doc, t - 1);
    const dt_tokinfo *pi = &doc->tokinfo[t - 1];
    return (p->flags & DT_TOK_WORD) && !(p->flags & DT_TOK_UPPER) && pi->mention < 0 && !pi->function_word &&
           !dt_is_pronoun(doc, t - 1) && !dt_doc_tok_is(doc, t - 1, "they") && !dt_doc_tok_is(doc, t - 1, "we") &&
           !g_str_has_suffix(p->fold, "ly") && !dt_doc_tok_in(doc, t - 1, people);
}

/* "talks would resume on Monday", "the meeting will continue": a verb of
 * resuming right after the event phrase ending at te. */
static gboolean resumed_after(const dt_doc *doc, uint32_t te, uint32_t ce)
{
    static const char *const modals[] = {"would", "will", "to", "are", "is", "were", "was", "due", "set", "expected",
                                         NULL};
    static const char *const resuming[] = {"resume", "resumes", "resumed", "continue", "continues", "reconvene",
                                           "reconvenes", NULL};
    for (uint32_t k = te; k < ce && k < te + 4; k++) {
        if (dt_doc_tok_in(doc, k, resuming))
            return TRUE;
        if (!dt_doc_tok_in(doc, k, modals))
            return FALSE;
    }
    return FALSE;
}

static int fronted_place(const dt_doc *doc, uint32_t s);
static gboolean planned_mention(const dt_doc *doc, uint32_t tb, uint32_t te);
static gboolean told_as_planned(const dt_doc *doc, const dt_event *ev);

/* "In Istanbul, the talks broke down": the event at t is the subject
 * right after the opening phrase's comma ("In Beijing, the ministry said
 * the talks ..." speaks of talks held elsewhere). */
static gboolean scene_subject(const dt_doc *doc, uint32_t sb, uint32_t t)
{
    for (uint32_t c = sb + 2; c < t && c < sb + 7; c++)
        if (dt_doc_tok_is(doc, c, ","))
            return t <= c + 3;
    return FALSE;
}

static void event_mention(dt_doc *doc, uint32_t t, const dt_lex_entry *type, uint32_t te, gboolean verbal)
{
    uint32_t sb, se, cb, ce;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    uint32_t np = verbal ? t : phrase_start(doc, t, sb); /* the noun phrase */
    if (!verbal && plural_set(doc, type, np, te))
        return;
    if (verbal && assembly_of_things(doc, t, sb))
        return;
    /* "offers of direct negotiations", "calls for talks": a proposal (the
     * proposals stage has it), no event yet */
    if (!verbal && dt_ev_proposed(doc, np))
        return;
    /* "before any political talks", "no talks": no event in particular */
    if (!verbal && np > sb && (dt_doc_tok_is(doc, np - 1, "any") || dt_doc_tok_is(doc, np - 1, "no")))
        return;
    clause_bounds(doc, t, sb, se, &cb, &ce);
    /* "meets by video": a manner adverbial, no noun phrase around it */
    gboolean manner = !verbal && dt_doc_tok_is(doc, t, "by");
    if (verbal || manner)
        ce = verb_clause_end(doc, te, ce);
    else
        ce = next_verb_end(doc, te, ce);
    uint32_t start = manner ? t : np;
    gboolean ana = !verbal && dt_ev_anaphoric(doc, start, t);
    /* place: inside the phrase, in/at right after it, else in the clause;
     * "reached in Brussels": the place the verb ends on */
    /* "Gaza talks resume in Doha": a place after in/at is where; one inside
     * the phrase only when none follows ("the Alaska summit") */
    int inside = verbal ? -1 : dt_ev_place_in(doc, start, t);
    int place = -1;
    if (verbal && te > t + 1 && (dt_doc_tok_is(doc, te - 1, "in") || dt_doc_tok_is(doc, te - 1, "at")))
        place = dt_ev_place_in(doc, te, place_phrase_end(doc, te, ce));
    if (place < 0) {
        /* "after the ceremony, a line aimed at voters in Yerevan": the
         * place must follow in the event's own phrase */
        /* past "between A and B" and their titles */
        uint32_t reach = te + 8;
        if (te < ce && dt_doc_tok_is(doc, te, "between"))
            reach = te + 20;
        for (uint32_t k = te; k < MIN(ce, reach) && !dt_is_clause_break(doc, k); k++)
            if (dt_doc_tok_is(doc, k, "in") || dt_doc_tok_is(doc, k, "at")) {
                /* "in Doha", "in the Qatari capital", "in the border town
                 * of Naqoura": up to the next comma */
                uint32_t e = k + 1;
                while (e < MIN(ce, k + 7) && !dt_is_clause_break(doc, e))
                    e++;
                place = dt_ev_place_in(doc, k + 1, e);
                /* "at talks in Malaysia": a country named right after "in",
                 * right after the event noun, is where ("talks to end the
                 * war in Ukraine" are not in Ukraine) */
                if (place < 0 && k == te && !verbal && dt_doc_tok_is(doc, k, "in")) {
                    int c = dt_actor_at(doc, k + 1, NULL);
                    const dt_mention *cm = c >= 0 ? &g_array_index(doc->mentions, dt_mention, doc->tokinfo[k + 1].mention) : NULL;
                    if (cm && cm->tb == k + 1 && cm->kind == DT_MEN_NAME && dt_entity_kind_of(doc, c) == DT_ENT_COUNTRY)
                        place = c;
                }
                /* "at his official residence, Seri Perdana": the name in
                 * apposition */
                if (place < 0 && e + 1 < ce && dt_doc_tok_is(doc, e, ",") && doc->tokinfo[e + 1].mention >= 0) {
                    const dt_mention *pm = &g_array_index(doc->mentions, dt_mention, doc->tokinfo[e + 1].mention);
                    place = dt_ev_place_in(doc, e + 1, pm->te);
                }
                if (place >= 0)
                    break;
            }
    }
    if (place < 0)
        place = inside;
    /* "South Korea on Thursday proposed holding talks", "SEOUL -- ...
     * offered to meet": when and where the offer was made is not when
     * and where the talks are */
    gboolean asked = verbal ? dt_ev_asked_for(doc, t) : dt_ev_asked_phrase(doc, start);
    /* "BEIJING, Sept 19 (Reuters) - Xi and Trump held a phone call": a
     * call takes place nowhere; only "in"/"at" right after it places it */
    gboolean call = g_str_has_suffix(type->iri, "#Call");
    /* "BANGKOK, Nov 11 (AFP) - Thailand suspended a declaration signed
     * ... last month": the dateline is where the story is filed, the
     * venue only of what happens in its days (checked once the time is
     * known) */
    gboolean dateline_venue = FALSE;
    /* "In Istanbul, the talks broke down": a sentence that opens with a
     * place sets the scene of "the talks" it refers to -- another round
     * than the one told in Doha */
    if (place < 0 && ana && !asked && scene_subject(doc, sb, t))
        place = fronted_place(doc, dt_doc_tok(doc, t)->sentence);
    if (place < 0 && !ana && !asked && !call) {
        uint32_t de = dateline_end(doc, sb);
        place = dt_ev_locative_place_near(doc, MAX(cb, de), ce, t);
        if (place < 0 && de > cb) {
            place = dt_ev_locative_place_near(doc, cb, ce, t);
            dateline_venue = place >= 0;
        }
    }
    char *time_text = NULL, *date = NULL;
    gboolean future = future_clause(doc, sb, se, te);
    uint32_t tce = attribution_start(doc, te, ce);
    /* its own phrase first, then the rest of its clause after it ("talks
     * between A and B on July 2", past "in Manila this month"), then before */
    uint32_t after_end = phrase_after_end(doc, te, tce);
    /* "their first summit since Lee took office in June": not in a clause
     * of another time */
    uint32_t own_end = MIN(tce, te + 8);
    /* (a clause has a subject: "have been meeting since early January" is
     * a time of the meeting) */
    for (uint32_t k = te; !verbal && k + 1 < own_end; k++)
        /* ("joined the talks after flying in from Cairo on Saturday": a
         * gerund's time is its own too) */
        if (dt_doc_tok_in(doc, k, other_time) &&
            (doc->tokinfo[k + 1].mention >= 0 || dt_is_pronoun(doc, k + 1) ||
             (g_str_has_suffix(dt_doc_tok(doc, k + 1)->fold, "ing") && !(dt_doc_tok(doc, k + 1)->flags & DT_TOK_UPPER) &&
              !doc->tokinfo[k + 1].event_type))) {
            own_end = k;
            after_end = MIN(after_end, k);
            break;
        }
    if (!dt_time_find(doc, start, own_end, future, &time_text, &date) && !ana &&
        !(te + 8 < after_end && dt_time_find(doc, te + 8, after_end, future, &time_text, &date)))
        if (asked || !dt_time_find(doc, MAX(MAX(MAX(cb, dateline_end(doc, sb)), complement_start(doc, cb, t)),
                                            time_clause_start(doc, cb, t)),
                                   MIN(start, tce), future, &time_text, &date))
            dt_time_find(doc, past_relative(doc, after_end, tce), tce, future, &time_text, &date);
    if (dateline_venue && !dt_time_recent(doc, time_text, date))
        place = -1;
    /* "KYIV - Peskov told journalists that a meeting between Putin and
     * Zelensky was possible": an event some clause reports as new ("a
     * meeting") is not where the story was filed */
    if (dateline_venue && start > sb && (dt_doc_tok_is(doc, start - 1, "a") || dt_doc_tok_is(doc, start - 1, "an")) &&
        complement_start(doc, cb, t) > cb)
        place = -1;
    /* "spoke by phone last week and discussed a possible meeting": an
     * event still to come did not take place at a time gone by -- the time
     * is the talk's about it (it still tells the event from others) */
    gboolean time_of_talk = time_text && dt_time_behind(time_text) && planned_mention(doc, t, te);
    uint32_t sentence = dt_doc_tok(doc, t)->sentence;
    /* "a call", and "meets by video": the manner of a verb of its own */
    gboolean indefinite = !verbal && (manner || (start > sb && (dt_doc_tok_is(doc, start - 1, "a") ||
                                                                dt_doc_tok_is(doc, start - 1, "an"))));
    int same = dt_ev_continued(doc, type, place, date, time_text, start, t, te, verbal, indefinite, &ana);
    if (ana && same < 0 && doc->events->len && place < 0 && time_text == NULL &&
        !strcmp(dt_ev_type_group(type), "talks")) {
        /* "the high-stakes meeting" after "a summit": a generic noun refers
         * to the gathering just told (not a press conference or a call told
         * after it); "the video call" does not */
        same = (int)doc->events->len - 1;
        for (guint i = doc->events->len; i > 0; i--) {
            const char *g = dt_ev_type_group(((const dt_event *)g_ptr_array_index(doc->events, i - 1))->type);
            if (!strcmp(g, "talks") || !strcmp(g, "summit")) {
                same = (int)i - 1;
                break;
            }
        }
    }
    /* "Xi would make a state visit ... later next year" after "met Xi":
     * a visit still to come, at a time of its own, is no report of the
     * meeting told without one */
    if (same >= 0 && future && dt_time_ahead(doc, time_text, date)) {
        const dt_event *told = g_ptr_array_index(doc->events, same);
        if (told->time_text == NULL && told->first_sentence < dt_doc_tok(doc, t)->sentence &&
            !told_as_planned(doc, told))
            same = -1;
    }
    if (time_of_talk) {
        g_free(time_text);
        g_free(date);
        time_text = date = NULL;
    }
    dt_event *ev;
    if (same >= 0) {
        ev = g_ptr_array_index(doc->events, same);
        if (ev->place < 0)
            ev->place = place;
    } else {
        ev = g_new0(dt_event, 1);
        ev->type = type;
        ev->place = place;
        ev->participants = g_array_new(FALSE, FALSE, sizeof(int));
        ev->spans = g_array_new(FALSE, FALSE, sizeof(uint32_t));
        /* label from the first name in the phrase: "upcoming White House talks"
         * -> "White House talks"; "Monday's" and plain adjectives are left out */
        uint32_t lb = start;
        while (lb < t && !(doc->tokinfo[lb].mention >= 0 && !doc->tokinfo[lb].function_word &&
                           !(lb + 1 < t && (dt_doc_tok(doc, lb + 1)->flags & DT_TOK_POSS))))
            lb++;
        uint32_t cpb, cpe; /* the label as written: "Putin–Zelenskyy meeting" */
        ev->label = verbal ? g_strdup(type->label) : dt_text_span(doc->text, lb, te, &cpb, &cpe);
        ev->first_sentence = sentence;
        g_ptr_array_add(doc->events, ev);
    }
    ev->last_sentence = sentence;
    ev->dated_by_talk = ev->dated_by_talk || time_of_talk;
    /* "the talks would resume on Monday": the time of the next session,
     * not of the talks told before */
    if (same >= 0 && time_text && resumed_after(doc, te, ce)) {
        g_free(time_text);
        g_free(date);
        time_text = date = NULL;
    }
    if (ev->time_text == NULL && time_text) {
        ev->time_text = time_text;
        ev->date = date;
    } else {
        g_free(time_text);
        g_free(date);
    }
    add_span(ev->spans, start, te);
    if (!ana || same < 0) {
        dt_ev_add_participants(doc, ev, start, t, te, cb, ce);
    } else if (dt_ev_participation_cue(doc, cb, ce)) {
        /* "Kallas, who chaired the meeting" */
        dt_ev_add_participants(doc, ev, start, t, te, cb, ce);
    } else {
        dt_ev_add_speakers_at(doc, ev, t, cb, ce);
    }
}

static int cmp_int(gconstpointer a, gconstpointer b)
{
    return *(const int *)a - *(const int *)b;
}

static void event_free(dt_event *ev)
{
    g_array_free(ev->participants, TRUE);
    g_array_free(ev->spans, TRUE);
    g_free(ev->label);
    g_free(ev->time_text);
    g_free(ev->date);
    g_free(ev);
}

/* An event needs something that makes it one: a place, a time or people. */
static void prune(dt_doc *doc)
{
    for (guint i = 0; i < doc->events->len;) {
        dt_event *ev = g_ptr_array_index(doc->events, i);
        /* an event told with nothing but its kind ("the meeting") is no
         * event of its own; one told with a time, if only of a talk about
         * it, is */
        if (ev->place < 0 && ev->time_text == NULL && ev->participants->len == 0 && !ev->dated_by_talk) {
            event_free(ev);
            g_ptr_array_remove_index(doc->events, i);
        } else {
            g_array_sort(ev->participants, cmp_int);
            i++;
        }
    }
}

/* "met for talks", "meets by video": the noun right after the verb names
 * the event and its kind, so the verb adds no event of its own. */
static gboolean noun_follows(const dt_doc *doc, uint32_t ve)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t k = ve; k < n && k < ve + 3; k++) {
        if (doc->tokinfo[k].event_type)
            return TRUE;
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_WORD) || (dt_doc_tok(doc, k)->flags & DT_TOK_UPPER))
            return FALSE;
    }
    return FALSE;
}

static const char *const infinitive_markers[] = {"to", "will", "would", "could", "can", "may", "might", "must",
                                                  "should", "did", "not", NULL};

/* "called Rajiv Ghai" is a call, "called the talks useful" is not: the
 * verb "call" tells an event only with a person as its object. */
static gboolean verb_object_ok(const dt_doc *doc, uint32_t t)
{
    const dt_token *tok = dt_doc_tok(doc, t);
    /* "the agreement reached in Brussels", not "agreed in principle": a
     * verb ending in "in"/"at" tells talks only with a place after it */
    uint32_t ve = doc->tokinfo[t].event_verb_end;
    if (ve > t + 1 && (dt_doc_tok_is(doc, ve - 1, "in") || dt_doc_tok_is(doc, ve - 1, "at")))
        return dt_ev_place_in(doc, ve, place_phrase_end(doc, ve, dt_doc_ntok(doc))) >= 0;
    /* "Erdogan hosted Zelensky", "hosts the summit", but not "whose
     * country hosts most of the frozen assets": a host receives people,
     * a country or body, or an event */
    if (g_str_has_prefix(tok->fold, "host") || g_str_has_prefix(tok->fold, "receiv")) {
        uint32_t n = dt_doc_ntok(doc), k = ve;
        static const char *const people[] = {"leaders", "leader", "delegations", "delegation", "ministers",
                                             "officials", "counterpart", "counterparts", "envoys", "talks",
                                             "representatives", "heads", NULL};
        for (; k < n && k < ve + 4; k++) {
            if (dt_actor_at(doc, k, NULL) >= 0 || doc->tokinfo[k].office >= 0 || doc->tokinfo[k].event_type ||
                dt_doc_tok_in(doc, k, people))
                return TRUE;
            /* only determiners and a few adjectives before them: "hosted
             * both ministers", not "received a letter from Trump" */
            static const char *const before_people[] = {"the", "a", "an", "his", "her", "their", "its", "both",
                                                        "two", "three", "several", "visiting", "foreign",
                                                        "senior", "top", NULL};
            if (!dt_doc_tok_in(doc, k, before_people) && !doc->tokinfo[k].honorific)
                return FALSE;
        }
        return FALSE;
    }
    if (!g_str_has_prefix(tok->fold, "call") && strcmp(tok->fold, "phone") != 0)
        return TRUE;
    uint32_t k = doc->tokinfo[t].event_verb_end;
    if (k < dt_doc_ntok(doc) && doc->tokinfo[k].office >= 0)
        k = doc->tokinfo[k].office_end;
    const dt_mention *m;
    if (k >= dt_doc_ntok(doc) || !dt_ev_person_mention_at(doc, k, &m))
        return FALSE;
    /* and a person calling: "Abdullah called Ghai", "Munir, army chief,
     * called ..."; not "a state called Guayana Esequiba" */
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    for (uint32_t b = t; b > sb && b + 12 > t; b--) {
        int mi = doc->tokinfo[b - 1].mention;
        uint32_t mb = mi >= 0 ? g_array_index(doc->mentions, dt_mention, mi).tb : b - 1;
        if (dt_is_he_or_she(doc, b - 1) || dt_ev_person_mention_at(doc, mb, &m))
            return TRUE;
        const dt_token *before = dt_doc_tok(doc, b - 1);
        /* a plain word right before the verb is its subject: "a state";
         * "to phone", "will call" are verbs of a subject further back */
        if (b == t && (before->flags & DT_TOK_WORD) && !(before->flags & DT_TOK_UPPER) &&
            !dt_doc_tok_in(doc, b - 1, infinitive_markers))
            return FALSE;
    }
    return FALSE;
}

/* "the Dutch hosts", "their hosts": a verb trigger right after a
 * determiner, or after a determiner and a demonym, is a noun ("the
 * delegation met" is not). */
static gboolean after_determiner(const dt_doc *doc, uint32_t t)
{
    static const char *const det[] = {"the", "a", "an", "its", "their", "his", "her", "our", "whose", NULL};
    return (t >= 1 && dt_doc_tok_in(doc, t - 1, det)) ||
           (t >= 2 && dt_doc_tok_in(doc, t - 2, det) && (dt_doc_tok(doc, t - 1)->flags & DT_TOK_UPPER));
}

/* "his ministers would not vote", "agreed to call": a noun trigger after a
 * modal, "to" or a subject pronoun is a verb, and tells no event. */
static gboolean used_as_verb(const dt_doc *doc, uint32_t t)
{
    static const char *const before[] = {"to", "will", "would", "could", "should", "can", "may", "might", "must",
                                         "not", "did", "does", "do", "they", "we", "i", "you", NULL};
    if (t == 0)
        return FALSE;
    if (dt_doc_tok_in(doc, t - 1, before))
        return TRUE;
    return FALSE;
}

/* "what Pyongyang calls a policy": the noun "calls" after a name or a
 * pronoun is the verb, which tells a call only with a person as object. */
static gboolean calls_is_verb(const dt_doc *doc, uint32_t t)
{
    if (t == 0 || !dt_doc_tok_is(doc, t, "calls"))
        return FALSE;
    const dt_token *prev = dt_doc_tok(doc, t - 1);
    return (prev->flags & DT_TOK_UPPER) || dt_is_pronoun(doc, t - 1) || dt_doc_tok_is(doc, t - 1, "who") ||
           dt_doc_tok_is(doc, t - 1, "which") || dt_doc_tok_is(doc, t - 1, "that");
}

static gboolean names_participant(const dt_doc *doc, const dt_event *ev, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        const dt_mention *m;
        if (dt_ev_person_mention_at(doc, k, &m) && dt_ints_has(ev->participants, m->entity))
            return TRUE;
    }
    return FALSE;
}

/* Only function words between a stance verb's end and the phrase at tb. */
static gboolean stance_object(const dt_doc *doc, uint32_t ve, uint32_t tb)
{
    if (ve > tb)
        return FALSE;
    for (uint32_t k = ve; k < tb; k++)
        if (!doc->tokinfo[k].function_word)
            return FALSE;
    return TRUE;
}

/* "hopes to set up a three-way summit", "will hold talks", "a meeting
 * with Putin was possible": an event still to come is not where the scene
 * is now. */
static gboolean planned_mention(const dt_doc *doc, uint32_t tb, uint32_t te)
{
    static const char *const plan[] = {"will", "would", "could", "hopes", "hope", "plans", "wants", "proposed",
                                       "proposes", "arranging", "arrange", "planned", "upcoming", "next",
                                       "future", "possible", "potential", NULL};
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, tb, &sb, &se);
    for (uint32_t k = sb; k < tb; k++) {
        if (dt_doc_tok_is(doc, k, "to") && k + 4 > tb)
            return TRUE;
        if (dt_doc_tok_in(doc, k, plan))
            return TRUE;
        /* "pushed for a meeting", "rejected talks": an event someone takes
         * a stance on is still a proposal ("welcomed leaders to a dinner"
         * is not a stance on the dinner) */
        if (doc->tokinfo[k].polarity && stance_object(doc, doc->tokinfo[k].polarity_end, tb))
            return TRUE;
    }
    for (uint32_t k = te; k < MIN(se, te + 6) && !dt_is_clause_break(doc, k); k++)
        if (dt_doc_tok_in(doc, k, plan))
            return TRUE;
    return FALSE;
}

/* Whether event ev was first told as still to come. */
static gboolean told_as_planned(const dt_doc *doc, const dt_event *ev)
{
    return planned_mention(doc, g_array_index(ev->spans, uint32_t, 0), g_array_index(ev->spans, uint32_t, 1));
}

/* "When Pashinyan and Aliyev joined hands with Trump at the White House on
 * Friday, ... What the two leaders signed ...": an event told without a
 * place happens where the sentence before set the scene with its people.
 * Calls and interviews are left alone: they join places apart. */
/* "In Beijing, the Foreign Ministry said ... Spokesperson Mao Ning told a
 * regular briefing": a sentence opening with "In PLACE," sets the scene of
 * its paragraph.  Returns the place of sentence s, or -1. */
static int fronted_place(const dt_doc *doc, uint32_t s)
{
    const dt_sentence *sen = dt_text_sentence(doc->text, s);
    uint32_t b = sen->tok_begin;
    if (sen->tok_end < b + 3 || !dt_doc_tok_is(doc, b, "in"))
        return -1;
    int mi = doc->tokinfo[b + 1].mention;
    if (mi < 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->te >= sen->tok_end || !dt_doc_tok_is(doc, m->te, ","))
        return -1;
    return dt_ev_place_in(doc, b + 1, m->te);
}

static void scene_places(dt_doc *doc)
{
    for (guint i = 0; i < doc->events->len; i++) {
        dt_event *ev = g_ptr_array_index(doc->events, i);
        const char *group = dt_ev_type_group(ev->type);
        if (ev->place >= 0 || told_as_planned(doc, ev))
            continue;
        uint32_t s = ev->first_sentence;
        ev->place = fronted_place(doc, s);
        if (ev->place >= 0 || s == 0)
            continue;
        const dt_sentence *prev = dt_text_sentence(doc->text, s - 1), *cur = dt_text_sentence(doc->text, s);
        if (strcmp(group, "call") != 0 && prev->paragraph == cur->paragraph)
            ev->place = fronted_place(doc, s - 1);
        if (ev->place >= 0 || ev->participants->len == 0 ||
            !(strcmp(group, "talks") == 0 || strcmp(group, "summit") == 0 || strcmp(group, "signing") == 0))
            continue;
        if (names_participant(doc, ev, prev->tok_begin, prev->tok_end))
            ev->place = dt_ev_locative_place(doc, prev->tok_begin, prev->tok_end);
    }
}

static gboolean same_people(const dt_event *a, const dt_event *b)
{
    if (a->participants->len < 2 || a->participants->len != b->participants->len)
        return FALSE;
    for (guint i = 0; i < a->participants->len; i++)
        if (g_array_index(a->participants, int, i) != g_array_index(b->participants, int, i))
            return FALSE;
    return TRUE;
}

/* "after meeting Xi in South Korea ... Xi would make a state visit to the
 * United States later next year": one told as done, the other as planned
 * for a time of its own, are two events. */
static gboolean planned_apart(const dt_doc *doc, const dt_event *a, const dt_event *b)
{
    gboolean pa = told_as_planned(doc, a), pb = told_as_planned(doc, b);
    return pa != pb && ((pa && a->time_text) || (pb && b->time_text));
}

/* "a three-way summit with Putin and Zelenskyy" ... "a trilateral summit
 * with himself": two mentions of one kind, with the same two or more
 * people and no place or time that tells them apart, are one event.
 * Participants are sorted by prune(). */
static void merge_same_people(dt_doc *doc)
{
    for (guint i = 0; i < doc->events->len; i++) {
        dt_event *a = g_ptr_array_index(doc->events, i);
        for (guint j = i + 1; j < doc->events->len;) {
            dt_event *b = g_ptr_array_index(doc->events, j);
            if (!dt_ev_same_group(a->type, b->type) || !same_people(a, b) ||
                (a->place >= 0 && b->place >= 0 && a->place != b->place) ||
                !dt_ev_times_compatible(a, b->date, b->time_text) || planned_apart(doc, a, b)) {
                j++;
                continue;
            }
            if (a->place < 0)
                a->place = b->place;
            if (a->time_text == NULL) {
                a->time_text = b->time_text;
                a->date = b->date;
                b->time_text = b->date = NULL;
            }
            g_array_append_vals(a->spans, b->spans->data, b->spans->len);
            a->last_sentence = MAX(a->last_sentence, b->last_sentence);
            event_free(b);
            g_ptr_array_remove_index(doc->events, j);
        }
    }
}

static gboolean people_within(const dt_event *a, const dt_event *b)
{
    if (a->participants->len < 2)
        return FALSE;
    for (guint i = 0; i < a->participants->len; i++)
        if (!dt_ints_has(b->participants, g_array_index(a->participants, int, i)))
            return FALSE;
    return TRUE;
}

/* "They gather three days after ..." then "Trump, Zelenskyy and the
 * seven European guests take their seats in the East Room": an event
 * without place or time whose people all take part in an event of its
 * kind told within the next few sentences is that event. */
static void merge_subsumed(dt_doc *doc)
{
    for (guint i = 0; i < doc->events->len;) {
        dt_event *a = g_ptr_array_index(doc->events, i);
        dt_event *into = NULL;
        for (guint j = i + 1; j < doc->events->len && into == NULL; j++) {
            dt_event *b = g_ptr_array_index(doc->events, j);
            if (a->place < 0 && a->time_text == NULL && dt_ev_same_group(a->type, b->type) &&
                b->first_sentence <= a->last_sentence + 4 && people_within(a, b))
                into = b;
        }
        if (into == NULL) {
            i++;
            continue;
        }
        g_array_append_vals(into->spans, a->spans->data, a->spans->len);
        into->first_sentence = MIN(into->first_sentence, a->first_sentence);
        event_free(a);
        g_ptr_array_remove_index(doc->events, i);
    }
}

/* "a summit in Paris hosted by Macron": a participle after an event noun
 * (its place between) describes that event, it tells no other. */
static gboolean participle_of_event_before(const dt_doc *doc, uint32_t t)
{
    if (t + 1 >= dt_doc_ntok(doc) || !dt_doc_tok_is(doc, t + 1, "by") ||
        !g_str_has_suffix(dt_doc_tok(doc, t)->fold, "ed"))
        return FALSE;
    for (uint32_t k = t; k > 0 && k + 6 > t; k--) {
        if (dt_is_clause_break(doc, k - 1) && k - 1 + 1 < t)
            return FALSE;
        if (doc->tokinfo[k - 1].event_type)
            return TRUE;
    }
    return FALSE;
}

/* "joined the meeting by video": the manner of the event just named, not
 * a call of its own. */
static gboolean manner_of_event_before(const dt_doc *doc, uint32_t t)
{
    if (!dt_doc_tok_is(doc, t, "by"))
        return FALSE;
    for (uint32_t k = t; k > 0 && k + 4 > t; k--)
        if (doc->tokinfo[k - 1].event_type && doc->tokinfo[k - 1].event_end == t)
            return TRUE;
    return FALSE;
}

/* "EU leaders met Zelensky at a summit in Brussels": a meeting verb whose
 * clause goes on "at" an event noun tells that event, not one of its own
 * ("met Trump on the sidelines of the summit" is a meeting of its own). */
static gboolean met_at_event(const dt_doc *doc, uint32_t t)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    for (uint32_t k = doc->tokinfo[t].event_verb_end; k < se && k < t + 12; k++) {
        if (dt_is_clause_break(doc, k) || doc->tokinfo[k].quote >= 0)
            return FALSE;
        if (!dt_doc_tok_is(doc, k, "at") && !dt_doc_tok_is(doc, k, "during"))
            continue;
        for (uint32_t j = k + 1; j < se && j < k + 5; j++) {
            const dt_lex_entry *ev = doc->tokinfo[j].event_type;
            if (ev && (g_str_has_suffix(ev->iri, "#Summit") || g_str_has_suffix(ev->iri, "#Talks") ||
                       g_str_has_suffix(ev->iri, "#Meeting")))
                return TRUE;
            if (dt_is_clause_break(doc, j))
                break;
        }
        return FALSE;
    }
    return FALSE;
}

/* The first token from t on (before n) with an event noun or verb, or n:
 * the loop below does nothing for the others, and in its long body (the
 * rules inlined) each step reloaded its variables; this scan is tight. */
static uint32_t next_event_word(const dt_doc *doc, uint32_t t, uint32_t n)
{
    while (t < n && !doc->tokinfo[t].event_type && !doc->tokinfo[t].event_verb)
        t++;
    return t;
}

void dt_events_find(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t t = next_event_word(doc, 0, n); t < n; t = next_event_word(doc, t + 1, n)) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (ti->quote >= 0 || ti->headline)
            continue;
        if (ti->event_type) {
            /* "call for" is a stance, "calls" a verb */
            if ((ti->polarity && ti->polarity_end > t + 1) || calls_is_verb(doc, t) ||
                (ti->event_end == t + 1 && used_as_verb(doc, t)) || manner_of_event_before(doc, t))
                continue;
            event_mention(doc, t, ti->event_type, ti->event_end, FALSE);
            /* "phone talks": "talks" inside it is no event of its own */
            if (ti->event_end > t + 1)
                t = ti->event_end - 1;
            continue;
        }
        /* verbs that tell an event without its noun: "met", "signed" */
        if (ti->event_verb && !noun_follows(doc, ti->event_verb_end) && !after_determiner(doc, t) &&
            verb_object_ok(doc, t) && !participle_of_event_before(doc, t) && !met_at_event(doc, t))
            event_mention(doc, t, ti->event_verb, ti->event_verb_end, TRUE);
    }
    dt_ev_follow_up_participants(doc);
    scene_places(doc);
    prune(doc);
    merge_same_people(doc);
    merge_subsumed(doc);
}
