/* Facts: events (summits, talks, meetings, calls, press conferences,
 * interviews, signings).  An event mention is its trigger noun with the
 * noun phrase around it ("Monday's upcoming White House talks", "a summit
 * with Trump in Alaska"); place, time and participants come from that
 * phrase and its sentence.  Mentions of one event within an article
 * merge: same place and kind, or a bare "the summit" referring back. */
#include "dt_facts_util.h"
#include "dt_time.h"
#include "../entities/dt_entities.h"

#include <string.h>

static const char *type_group(const dt_lex_entry *t)
{
    const char *l = t->label;
    if (!strcmp(l, "meeting") || !strcmp(l, "talks"))
        return "talks";
    return l;
}

static gboolean future_clause(const dt_doc *doc, uint32_t sb, uint32_t se)
{
    static const char *const w[] = {"upcoming", "will", "planned", "next", "expected",
                                    "proposed", "would", "to", NULL};
    for (uint32_t k = sb; k < se; k++)
        for (int i = 0; w[i]; i++)
            if (dt_doc_tok_is(doc, k, w[i]) && (strcmp(w[i], "to") || dt_doc_tok_is(doc, k + 1, "be")))
                return TRUE;
    return FALSE;
}

/* Start of the noun phrase that ends with the trigger at t. */
static uint32_t phrase_start(const dt_doc *doc, uint32_t t, uint32_t sb)
{
    uint32_t k = t;
    while (k > sb) {
        uint32_t p = k - 1;
        const dt_token *tok = dt_doc_tok(doc, p);
        const dt_tokinfo *ti = &doc->tokinfo[p];
        if (dt_doc_tok_is(doc, p, "the") || dt_doc_tok_is(doc, p, "a") || dt_doc_tok_is(doc, p, "an") ||
            dt_is_clause_break(doc, p) || (ti->function_word && !(tok->flags & DT_TOK_UPPER)) ||
            ti->reporting || ti->polarity)
            break;
        if (!(tok->flags & (DT_TOK_WORD | DT_TOK_POSS)))
            break;
        k = p;
    }
    return k;
}

/* "the summit", "the high-stakes meeting": a definite phrase without a
 * name in it refers back to an event already told. */
static gboolean anaphoric(const dt_doc *doc, uint32_t start, uint32_t t)
{
    if (start == 0 || !(dt_doc_tok_is(doc, start - 1, "the") || dt_doc_tok_is(doc, start - 1, "this") ||
                        dt_doc_tok_is(doc, start - 1, "that")))
        return FALSE;
    for (uint32_t k = start; k < t; k++)
        if ((dt_doc_tok(doc, k)->flags & (DT_TOK_UPPER | DT_TOK_POSS)) || doc->tokinfo[k].mention >= 0)
            return FALSE;
    return TRUE;
}

/* A place in [b, e): a place entity, or a government building named after
 * "at"/"in" ("at the State Department"). */
static int place_in(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        int mi = doc->tokinfo[k].mention;
        if (mi < 0 || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->entity < 0)
            continue;
        dt_entity_kind kind = dt_entity_kind_of(doc, m->entity);
        if (kind == DT_ENT_PLACE)
            return m->entity;
        if (kind == DT_ENT_ORG && m->locative && m->lex && m->lex->type_iri &&
            g_str_has_suffix(m->lex->type_iri, "#GovernmentBody"))
            return m->entity;
    }
    return -1;
}

/* The first place named after in/at in the clause: "were expected in
 * Washington ... for a summit". */
static int locative_place(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        int mi = doc->tokinfo[k].mention;
        if (mi < 0 || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->tb == k && m->locative) {
            int p = place_in(doc, k, m->te);
            if (p >= 0)
                return p;
        }
    }
    return -1;
}

/* A person who reports rather than takes part: "Witkoff revealed that",
 * "Boulos, Trump's adviser, said". */
static gboolean reporter(const dt_doc *doc, const dt_mention *m, uint32_t se)
{
    uint32_t k = m->te;
    if (k < se && dt_doc_tok_is(doc, k, ",")) {
        uint32_t c = k + 1;
        while (c < se && c < k + 12 && !dt_doc_tok_is(doc, c, ","))
            c++;
        if (c < se && c < k + 12)
            k = c + 1;
    }
    for (uint32_t v = k; v < se && v < k + 3; v++) {
        const dt_lex_entry *evi = doc->tokinfo[v].evidential;
        if (doc->tokinfo[v].reporting || (evi && evi->value && g_str_has_suffix(evi->value, "#Attributed")))
            return TRUE;
    }
    return FALSE;
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
    for (int i = 0; openers[i]; i++)
        if (dt_doc_tok_is(doc, k + 1, openers[i]))
            return TRUE;
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

static gboolean person_mention_at(const dt_doc *doc, uint32_t k, const dt_mention **out)
{
    int mi = doc->tokinfo[k].mention;
    if (mi < 0 || doc->tokinfo[k].quote >= 0)
        return FALSE;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->tb != k || m->entity < 0 || dt_entity_kind_of(doc, m->entity) != DT_ENT_PERSON)
        return FALSE;
    *out = m;
    return TRUE;
}

/* "between A and B" right after the trigger names exactly who meets. */
static gboolean between_pair(dt_doc *doc, dt_event *ev, uint32_t te, uint32_t ce)
{
    if (te >= ce || !dt_doc_tok_is(doc, te, "between"))
        return FALSE;
    gboolean any = FALSE;
    for (uint32_t k = te + 1; k < ce && k < te + 12; k++) {
        const dt_mention *m;
        if (person_mention_at(doc, k, &m)) {
            dt_ints_add(ev->participants, m->entity);
            any = TRUE;
        } else if (dt_doc_tok_is(doc, k, ",") || dt_doc_tok_is(doc, k, ".")) {
            break;
        }
    }
    return any;
}

static void add_participants(dt_doc *doc, dt_event *ev, uint32_t t, uint32_t te, uint32_t cb, uint32_t ce)
{
    if (between_pair(doc, ev, te, ce))
        return;
    for (uint32_t k = cb; k < ce; k++) {
        const dt_mention *m;
        /* "he said in an interview": the person the pronoun stands for */
        if (doc->tokinfo[k].quote < 0 && dt_is_pronoun(doc, k) &&
            (dt_doc_tok_is(doc, k, "he") || dt_doc_tok_is(doc, k, "she"))) {
            dt_ints_add(ev->participants, dt_person_subject_before(doc, k));
            continue;
        }
        if (!person_mention_at(doc, k, &m) || reporter(doc, m, ce))
            continue;
        /* "Trump's push for a meeting": the possessor of another noun is not
         * in the event; "Trump's Friday summit" is */
        if (m->te < ce && (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS) && t > m->te + 4)
            continue;
        dt_ints_add(ev->participants, m->entity);
    }
}

static const char *const participation_cues[] = {
    "took part", "participants", "participated", "attended", "joined", "were present",
    "chaired", "co-chaired", "arrived for", "hosted", NULL};

static gboolean participation_cue(const dt_doc *doc, uint32_t b, uint32_t e)
{
    char *text = dt_text_tokens_string(doc->text, b, e);
    char *low = g_utf8_strdown(text, -1);
    gboolean cue = FALSE;
    for (int i = 0; participation_cues[i] && !cue; i++)
        cue = strstr(low, participation_cues[i]) != NULL;
    g_free(low);
    g_free(text);
    return cue;
}

/* "Zelensky also took part.", "Other participants included ...": the
 * persons of a sentence that says so, and tells no event of its own, join
 * the event told last in the three sentences before. */
static void follow_up_participants(dt_doc *doc)
{
    uint32_t ns = dt_text_nsentences(doc->text);
    for (uint32_t s = 1; s < ns; s++) {
        const dt_sentence *sen = dt_text_sentence(doc->text, s);
        dt_event *target = NULL;
        gboolean own = FALSE; /* the sentence tells an event of its own */
        for (guint i = 0; i < doc->events->len; i++) {
            dt_event *ev = g_ptr_array_index(doc->events, i);
            own |= ev->first_sentence == s;
            if (ev->first_sentence < s && ev->first_sentence + 3 >= s &&
                (target == NULL || ev->first_sentence > target->first_sentence))
                target = ev;
        }
        /* the cue (lowercasing the sentence) only where an event could take it */
        if (target == NULL || own || !participation_cue(doc, sen->tok_begin, sen->tok_end))
            continue;
        for (uint32_t k = sen->tok_begin; k < sen->tok_end; k++) {
            const dt_mention *m;
            if (person_mention_at(doc, k, &m))
                dt_ints_add(target->participants, m->entity);
        }
    }
}

static gboolean same_group(const dt_lex_entry *a, const dt_lex_entry *b)
{
    return !strcmp(type_group(a), type_group(b));
}

static gboolean times_compatible(const dt_event *ev, const char *date, const char *time_text)
{
    /* "Monday's talks" twice is one Monday, whatever tense resolved it */
    if (ev->time_text && time_text && !g_ascii_strcasecmp(ev->time_text, time_text))
        return TRUE;
    if (ev->date && date)
        return !strcmp(ev->date, date);
    if (ev->time_text && time_text && !ev->date && !date)
        return FALSE;
    return TRUE;
}

/* The event a new mention continues: same place and kind; or, without a
 * place, the latest event of that kind told in the last sentences. */
static int find_same(dt_doc *doc, const dt_lex_entry *type, int place, const char *date,
                     const char *time_text, uint32_t sentence, gboolean ana)
{
    for (guint i = doc->events->len; i > 0; i--) {
        dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (!same_group(ev->type, type) || !times_compatible(ev, date, time_text))
            continue;
        if (place >= 0 && ev->place == place)
            return (int)i - 1;
        if (place < 0 && (ana || sentence <= ev->last_sentence + 2))
            return (int)i - 1;
    }
    return -1;
}

static void add_span(GArray *spans, uint32_t b, uint32_t e)
{
    g_array_append_val(spans, b);
    g_array_append_val(spans, e);
}

static void event_mention(dt_doc *doc, uint32_t t, const dt_lex_entry *type, uint32_t te, gboolean verbal)
{
    uint32_t sb, se, cb, ce;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    clause_bounds(doc, t, sb, se, &cb, &ce);
    uint32_t start = verbal ? t : phrase_start(doc, t, sb);
    gboolean ana = !verbal && anaphoric(doc, start, t);
    /* place: inside the phrase, in/at right after it, else in the clause */
    int place = verbal ? -1 : place_in(doc, start, t);
    if (place < 0) {
        for (uint32_t k = te; k < MIN(ce, te + 8); k++)
            if (dt_doc_tok_is(doc, k, "in") || dt_doc_tok_is(doc, k, "at")) {
                place = place_in(doc, k + 1, MIN(ce, k + 4));
                if (place >= 0)
                    break;
            }
    }
    if (place < 0 && !ana)
        place = locative_place(doc, cb, ce);
    char *time_text = NULL, *date = NULL;
    gboolean future = future_clause(doc, sb, se);
    if (!dt_time_find(doc, start, MIN(ce, te + 8), future, &time_text, &date) && !ana)
        dt_time_find(doc, cb, ce, future, &time_text, &date);
    uint32_t sentence = dt_doc_tok(doc, t)->sentence;
    int same = find_same(doc, type, place, date, time_text, sentence, ana);
    if (ana && same < 0 && doc->events->len && place < 0 && time_text == NULL &&
        !strcmp(type_group(type), "talks")) {
        /* "the high-stakes meeting" after "a summit": a generic noun refers
         * to the event just told; "the video call" does not */
        same = (int)doc->events->len - 1;
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
        ev->label = verbal ? g_strdup(type->label) : dt_text_tokens_string(doc->text, lb, te);
        ev->first_sentence = sentence;
        g_ptr_array_add(doc->events, ev);
    }
    ev->last_sentence = sentence;
    if (ev->time_text == NULL && time_text) {
        ev->time_text = time_text;
        ev->date = date;
    } else {
        g_free(time_text);
        g_free(date);
    }
    add_span(ev->spans, start, te);
    if (!ana || same < 0) {
        add_participants(doc, ev, t, te, cb, ce);
    } else if (participation_cue(doc, cb, ce)) {
        /* "Kallas, who chaired the meeting" */
        add_participants(doc, ev, t, te, cb, ce);
    }
}

static int cmp_int(gconstpointer a, gconstpointer b)
{
    return *(const int *)a - *(const int *)b;
}

/* An event needs something that makes it one: a place, a time or people. */
static void prune(dt_doc *doc)
{
    for (guint i = 0; i < doc->events->len;) {
        dt_event *ev = g_ptr_array_index(doc->events, i);
        if (ev->place < 0 && ev->time_text == NULL && ev->participants->len == 0) {
            g_array_free(ev->participants, TRUE);
            g_array_free(ev->spans, TRUE);
            g_free(ev->label);
            g_free(ev);
            g_ptr_array_remove_index(doc->events, i);
        } else {
            g_array_sort(ev->participants, cmp_int);
            i++;
        }
    }
}

void dt_events_find(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t t = 0; t < n; t++) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (ti->quote >= 0 || ti->headline)
            continue;
        if (ti->event_type) {
            /* "call for" is a stance, "calls" a verb */
            if (ti->polarity && ti->polarity_end > t + 1)
                continue;
            event_mention(doc, t, ti->event_type, ti->event_end, FALSE);
            continue;
        }
        /* verbs that tell an event without its noun: "met", "signed" */
        if (ti->event_verb)
            event_mention(doc, t, ti->event_verb, ti->event_verb_end, TRUE);
    }
    follow_up_participants(doc);
    prune(doc);
}
