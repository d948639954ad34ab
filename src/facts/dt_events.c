/* Facts: events (summits, talks, meetings, calls, press conferences,
 * interviews, signings).  An event mention is its trigger noun with the
 * noun phrase around it ("Monday's upcoming White House talks", "a summit
 * with Trump in Alaska"); place, time and participants come from that
 * phrase and its sentence.  Mentions of one event within an article
 * merge: same place and kind, or a bare "the summit" referring back. */
#include "dt_facts_util.h"
#include "dt_time.h"

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

static int place_in(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        int mi = doc->tokinfo[k].mention;
        if (mi < 0 || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_PLACE)
            return m->entity;
    }
    return -1;
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

static void add_participants(dt_doc *doc, dt_event *ev, uint32_t sb, uint32_t se)
{
    for (uint32_t k = sb; k < se; k++) {
        int mi = doc->tokinfo[k].mention;
        if (mi < 0 || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->tb != k || m->entity < 0 || dt_entity_kind_of(doc, m->entity) != DT_ENT_PERSON)
            continue;
        /* the reporter of the event is not in it: "Witkoff revealed that ..." */
        gboolean reporter = FALSE;
        for (uint32_t v = m->te; v < se && v < m->te + 3; v++) {
            const dt_lex_entry *evi = doc->tokinfo[v].evidential;
            if (doc->tokinfo[v].reporting ||
                (evi && evi->value && g_str_has_suffix(evi->value, "#Attributed")))
                reporter = TRUE;
        }
        if (m->te < se && (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS) &&
            !dt_doc_tok_is(doc, m->te + 1, "friday")) {
            /* "Trump's summit": the owner takes part; "Putin's adviser": no event role */
        }
        if (!reporter)
            dt_ints_add(ev->participants, m->entity);
    }
}

static int find_same(dt_doc *doc, const dt_lex_entry *type, int place, gboolean ana)
{
    for (guint i = doc->events->len; i > 0; i--) {
        dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (place >= 0 && ev->place == place && !strcmp(type_group(ev->type), type_group(type)))
            return (int)i - 1;
    }
    if (!ana)
        return -1;
    for (guint i = doc->events->len; i > 0; i--) {
        dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (ev->type == type)
            return (int)i - 1;
    }
    return doc->events->len ? (int)doc->events->len - 1 : -1;
}

static void add_span(GArray *spans, uint32_t b, uint32_t e)
{
    g_array_append_val(spans, b);
    g_array_append_val(spans, e);
}

static void event_mention(dt_doc *doc, uint32_t t)
{
    const dt_tokinfo *ti = &doc->tokinfo[t];
    uint32_t te = ti->event_end;
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    uint32_t start = phrase_start(doc, t, sb);
    gboolean ana = anaphoric(doc, start, t);
    /* place: inside the phrase, or in/at right after it */
    int place = place_in(doc, start, t);
    uint32_t after = MIN(se, te + 8);
    if (place < 0) {
        for (uint32_t k = te; k < after; k++)
            if (dt_doc_tok_is(doc, k, "in") || dt_doc_tok_is(doc, k, "at")) {
                place = place_in(doc, k + 1, MIN(se, k + 4));
                if (place >= 0)
                    break;
            }
    }
    char *time_text = NULL, *date = NULL;
    gboolean future = future_clause(doc, sb, se);
    dt_time_find(doc, start, MIN(se, te + 6), future, &time_text, &date);

    if (ana && place < 0 && time_text == NULL) {
        int same = find_same(doc, ti->event_type, -1, TRUE);
        if (same >= 0)
            add_span(((dt_event *)g_ptr_array_index(doc->events, same))->spans, start, te);
        g_free(date);
        return;
    }
    int same = find_same(doc, ti->event_type, place, FALSE);
    dt_event *ev;
    if (same >= 0) {
        ev = g_ptr_array_index(doc->events, same);
    } else {
        ev = g_new0(dt_event, 1);
        ev->type = ti->event_type;
        ev->place = place;
        ev->participants = g_array_new(FALSE, FALSE, sizeof(int));
        ev->spans = g_array_new(FALSE, FALSE, sizeof(uint32_t));
        /* label from the first name in the phrase: "upcoming White House talks"
         * -> "White House talks"; "Monday's" and plain adjectives are left out */
        uint32_t lb = start;
        while (lb < t && !(doc->tokinfo[lb].mention >= 0 && !doc->tokinfo[lb].function_word &&
                           !(lb + 1 < t && (dt_doc_tok(doc, lb + 1)->flags & DT_TOK_POSS))))
            lb++;
        if (lb == t)
            lb = t;
        ev->label = dt_text_tokens_string(doc->text, lb, te);
        g_ptr_array_add(doc->events, ev);
    }
    if (ev->time_text == NULL && time_text) {
        ev->time_text = time_text;
        ev->date = date;
    } else {
        g_free(time_text);
        g_free(date);
    }
    add_span(ev->spans, start, te);
    add_participants(doc, ev, sb, se);
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
        if (!ti->event_type || ti->quote >= 0 || ti->headline)
            continue;
        /* "call for" is a stance, "calls" a verb */
        if (ti->polarity && ti->polarity_end > t + 1)
            continue;
        event_mention(doc, t);
    }
    prune(doc);
}
