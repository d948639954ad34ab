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

/* "Putin-Zelenskyy", "U.S.-Turkey-Ukraine": a hyphen or dash written
 * without spaces between two words joins a compound modifier, unlike the
 * spaced dash that opens an aside. */
static gboolean tight_dash(const dt_doc *doc, uint32_t p, uint32_t sb)
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
        if (tight_dash(doc, p, sb)) {
            k = p;
            continue;
        }
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
    /* "the next summit", "the second round", "the new talks" tell another */
    static const char *const other[] = {"next", "last", "previous", "first", "second", "third", "new",
                                        "another", "other", "following", "future", "earlier", "later", NULL};
    for (uint32_t k = start; k < t; k++) {
        if ((dt_doc_tok(doc, k)->flags & (DT_TOK_UPPER | DT_TOK_POSS)) || doc->tokinfo[k].mention >= 0)
            return FALSE;
        for (int i = 0; other[i]; i++)
            if (dt_doc_tok_is(doc, k, other[i]))
                return FALSE;
    }
    return TRUE;
}

/* The place entity a mention at token k names, or -1. */
static int place_entity_at(const dt_doc *doc, uint32_t k)
{
    int mi = doc->tokinfo[k].mention;
    if (mi < 0)
        return -1;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    if (m->kind == DT_MEN_DEMONYM) /* "brings in the Europeans": people */
        return -1;
    return m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_PLACE ? m->entity : -1;
}

/* The place of the dateline ("JEDDAH, May 12 (AFP) -", "Beirut, Lebanon -"):
 * a place first in a paragraph of the first sentences, before a comma, a
 * parenthesis or a dash. */
static int dateline_place(const dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t k = 0; k < n && dt_doc_tok(doc, k)->sentence < 3; k++) {
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_PARA) || doc->tokinfo[k].headline)
            continue;
        int pe = place_entity_at(doc, k);
        if (pe < 0)
            continue;
        uint32_t me = g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention).te;
        if (me < n && (dt_doc_tok_is(doc, me, ",") || dt_doc_tok_is(doc, me, "(") || dt_doc_tok_is(doc, me, "-")))
            return pe;
    }
    return -1;
}

/* "in the Red Sea city", "the Gulf port": a place naming where a city
 * lies is not the venue; the city is the one the story is datelined in. */
static gboolean city_modifier(const dt_doc *doc, uint32_t me)
{
    return me < dt_doc_ntok(doc) && (dt_doc_tok_is(doc, me, "city") || dt_doc_tok_is(doc, me, "town") ||
                                     dt_doc_tok_is(doc, me, "port") || dt_doc_tok_is(doc, me, "resort"));
}

/* "at the palace", "in the same building": a definite noun names the place
 * told last whose name ends in that noun ("Dolmabahçe Palace"); with
 * "same", the place told last. */
static int definite_place(const dt_doc *doc, uint32_t k, uint32_t e)
{
    if (k + 1 >= e || !dt_doc_tok_is(doc, k, "the"))
        return -1;
    gboolean same = dt_doc_tok_is(doc, k + 1, "same");
    uint32_t n = same ? k + 2 : k + 1;
    if (n >= e)
        return -1;
    const dt_token *noun = dt_doc_tok(doc, n);
    if (!(noun->flags & DT_TOK_WORD) || (noun->flags & DT_TOK_UPPER) || doc->tokinfo[n].function_word)
        return -1;
    /* "in the same building", "at the same ceremony": where the event told
     * last took place */
    for (guint i = doc->events->len; same && i > 0; i--) {
        const dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (ev->place >= 0)
            return ev->place;
    }
    for (uint32_t j = k; !same && j > 0; j--) {
        int pe = place_entity_at(doc, j - 1);
        if (pe < 0)
            continue;
        const dt_entity *en = dt_doc_entity(doc, pe);
        const char *name = en->pref_label ? en->pref_label : en->label;
        const char *sp = strrchr(name, ' ');
        char *last = g_utf8_casefold(sp ? sp + 1 : name, -1);
        gboolean hit = sp != NULL && !strcmp(last, noun->fold);
        g_free(last);
        if (hit)
            return pe;
    }
    return -1;
}

/* A place in [b, e): a place entity, or a government building named after
 * "at"/"in" ("at the State Department"). */
static int place_in(const dt_doc *doc, uint32_t b, uint32_t e)
{
    for (uint32_t k = b; k < e; k++) {
        int dp = definite_place(doc, k, e);
        if (dp >= 0)
            return dp;
        /* "Istanbul's Dolmabahçe Palace": the place inside the city */
        int pe = place_entity_at(doc, k);
        if (pe >= 0 && doc->tokinfo[k].quote < 0) {
            uint32_t me = g_array_index(doc->mentions, dt_mention, doc->tokinfo[k].mention).te;
            if (city_modifier(doc, me))
                return dateline_place(doc);
            int inner = me + 1 < e && (dt_doc_tok(doc, me)->flags & DT_TOK_POSS) ? place_entity_at(doc, me + 1) : -1;
            return inner >= 0 ? inner : pe;
        }
        int mi = doc->tokinfo[k].mention;
        if (mi < 0 || doc->tokinfo[k].quote >= 0)
            continue;
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
        if (m->entity < 0)
            continue;
        dt_entity_kind kind = dt_entity_kind_of(doc, m->entity);
        if (kind == DT_ENT_PLACE && m->kind != DT_MEN_DEMONYM)
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
static gboolean reporter_at(const dt_doc *doc, const dt_mention *m, uint32_t se, uint32_t *verb)
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
        if (doc->tokinfo[v].reporting || (evi && evi->value && g_str_has_suffix(evi->value, "#Attributed"))) {
            *verb = v;
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean reporter(const dt_doc *doc, const dt_mention *m, uint32_t se)
{
    uint32_t verb;
    return reporter_at(doc, m, se, &verb);
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

/* A person named in the event's own phrase by a compound modifier:
 * "the Putin-Zelenskyy meeting", "a Netanyahu-Trump phone call".  Those
 * name exactly who takes part.  Parts of one hyphenated token are looked
 * up by surname among the persons of the article. */
static int person_by_surname(const dt_doc *doc, const char *fold)
{
    for (guint e = 0; e < doc->entities->len; e++) {
        const dt_entity *en = dt_doc_entity(doc, (int)e);
        if (en->kind != DT_ENT_PERSON)
            continue;
        const char *names[] = {en->label, en->pref_label};
        for (int i = 0; i < 2; i++) {
            if (names[i] == NULL)
                continue;
            const char *sp = strrchr(names[i], ' ');
            char *last = g_utf8_casefold(sp ? sp + 1 : names[i], -1);
            gboolean hit = !strcmp(last, fold);
            g_free(last);
            if (hit)
                return (int)e;
        }
    }
    return -1;
}

static gboolean compound_participants(dt_doc *doc, dt_event *ev, uint32_t start, uint32_t t)
{
    GArray *found = g_array_new(FALSE, FALSE, sizeof(int));
    gboolean joined = FALSE;
    for (uint32_t k = start; k < t; k++) {
        const dt_mention *m;
        if (tight_dash(doc, k, start))
            joined = TRUE;
        if (person_mention_at(doc, k, &m)) {
            dt_ints_add(found, m->entity);
            continue;
        }
        const dt_token *tok = dt_doc_tok(doc, k);
        if (!(tok->flags & DT_TOK_UPPER) || strchr(tok->fold, '-') == NULL)
            continue;
        char **parts = g_strsplit(tok->fold, "-", -1);
        for (int i = 0; parts[i]; i++) {
            int e = person_by_surname(doc, parts[i]);
            if (e >= 0) {
                dt_ints_add(found, e);
                joined = TRUE;
            }
        }
        g_strfreev(parts);
    }
    gboolean ok = joined && found->len >= 2;
    for (guint i = 0; ok && i < found->len; i++)
        dt_ints_add(ev->participants, g_array_index(found, int, i));
    g_array_free(found, TRUE);
    return ok;
}

static void add_person(dt_event *ev, int person)
{
    if (person >= 0)
        dt_ints_add(ev->participants, person);
}

/* "both ministers", "the two leaders", "the same two ministers": a plural
 * noun after "both"/"the two" stands for two persons told before.  Returns
 * the token after the noun, or 0 when k does not open such a phrase. */
static uint32_t plural_noun_end(const dt_doc *doc, uint32_t k, uint32_t ce, char **noun)
{
    static const char *const nouns[] = {"leaders", "men", "women", "ministers", "presidents", "officers",
                                        "generals", "chiefs", "envoys", "premiers", "diplomats", NULL};
    gboolean opener = dt_doc_tok_is(doc, k, "both") ||
                      (dt_doc_tok_is(doc, k, "two") && k > 0 &&
                       (dt_doc_tok_is(doc, k - 1, "the") || dt_doc_tok_is(doc, k - 1, "same")));
    for (uint32_t j = k + 1; opener && j < ce && j < k + 4; j++) {
        const dt_token *tok = dt_doc_tok(doc, j);
        if (!(tok->flags & DT_TOK_WORD) || (tok->flags & DT_TOK_UPPER))
            return 0;
        for (int i = 0; nouns[i]; i++)
            if (!strcmp(tok->fold, nouns[i])) {
                /* singular: "ministers" -> "minister", "men" -> "man" */
                *noun = !strcmp(nouns[i], "men")     ? g_strdup("man")
                        : !strcmp(nouns[i], "women") ? g_strdup("woman")
                                                     : g_strndup(nouns[i], strlen(nouns[i]) - 1);
                return j + 1;
            }
    }
    return 0;
}

/* Whether an office fits the plural noun: "ministers" any minister,
 * "leaders" a head of state or government. */
static gboolean office_fits(const char *office_label, const char *noun)
{
    static const char *const heads[] = {"president", "prime minister", "chancellor", "king", "queen",
                                        "emir", "sultan", "supreme leader", "premier", NULL};
    char *low = g_utf8_strdown(office_label, -1);
    gboolean fits = FALSE;
    if (strcmp(noun, "leader")) {
        fits = strstr(low, noun) != NULL;
    } else if (!strstr(low, "vice") && !strstr(low, "deputy") && !strstr(low, "elect")) {
        for (int i = 0; heads[i] && !fits; i++)
            fits = !strcmp(low, heads[i]);
    }
    g_free(low);
    return fits;
}

/* The last two persons before token k whose office fits the noun
 * ("ministers": two foreign ministers told before), other than those the
 * event already has ("he had phoned both leaders"). */
static gboolean two_holders(const dt_doc *doc, const dt_event *ev, uint32_t k, const char *noun, int out[2])
{
    /* holdings are stored in the order the patterns found them: rank by
     * position in the text */
    uint32_t pos[2] = {0, 0};
    out[0] = out[1] = -1;
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->tb >= k || h->office == NULL || h->office->label == NULL ||
            dt_ints_has(ev->participants, h->person) || !office_fits(h->office->label, noun))
            continue;
        if (h->person == out[0] || h->person == out[1]) {
            int slot = h->person == out[0] ? 0 : 1;
            pos[slot] = MAX(pos[slot], h->tb + 1);
        } else {
            int slot = out[0] < 0 || (out[1] >= 0 && pos[0] < pos[1]) ? 0 : 1;
            if (out[slot] < 0 || pos[slot] < h->tb + 1) {
                out[slot] = h->person;
                pos[slot] = h->tb + 1;
            }
        }
    }
    return out[0] >= 0 && out[1] >= 0;
}

/* The persons the last sentences before token k are about: the first
 * person each names outside quotes, newest first, other than those the
 * event already has ("Biden ... said"; "Trump ... claimed"; "Netanyahu
 * spoke with both men"). */
static gboolean last_two_subjects(const dt_doc *doc, const dt_event *ev, uint32_t k, int out[2])
{
    int n = 0;
    uint32_t s = dt_doc_tok(doc, k)->sentence;
    for (uint32_t back = 1; back <= 4 && back <= s && n < 2; back++) {
        const dt_sentence *sen = dt_text_sentence(doc->text, s - back);
        for (uint32_t j = sen->tok_begin; j < sen->tok_end; j++) {
            const dt_mention *m;
            if (!person_mention_at(doc, j, &m))
                continue;
            if (!dt_ints_has(ev->participants, m->entity) && (n == 0 || out[0] != m->entity))
                out[n++] = m->entity;
            break;
        }
    }
    return n == 2;
}

/* The nearest "A and B" (each possibly with an apposition) before token k
 * in its sentence or the three before. */
static gboolean last_pair(const dt_doc *doc, uint32_t k, int out[2])
{
    uint32_t s = dt_doc_tok(doc, k)->sentence;
    uint32_t lo = dt_text_sentence(doc->text, s > 3 ? s - 3 : 0)->tok_begin;
    for (uint32_t a = k; a > lo + 1; a--) {
        uint32_t and = a - 1;
        const dt_mention *right, *left;
        if (!dt_doc_tok_is(doc, and, "and"))
            continue;
        uint32_t r = and + 1;
        if (r < k && doc->tokinfo[r].office >= 0)
            r = doc->tokinfo[r].office_end;
        if (r >= k || !person_mention_at(doc, r, &right))
            continue;
        /* left: a person ending right before "and", or before ", apposition ," */
        for (uint32_t b = and; b > lo && b + 14 > and; b--) {
            int mi = doc->tokinfo[b - 1].mention;
            if (mi < 0)
                continue;
            const dt_mention *cand = &g_array_index(doc->mentions, dt_mention, mi);
            if (person_mention_at(doc, cand->tb, &left) && left->entity != right->entity) {
                out[0] = left->entity;
                out[1] = right->entity;
                return TRUE;
            }
            if (b - 1 > cand->tb)
                b = cand->tb + 1;
        }
    }
    return FALSE;
}

static gboolean plural_participants(dt_doc *doc, dt_event *ev, uint32_t k, uint32_t ce, uint32_t *end)
{
    char *noun = NULL;
    uint32_t e = plural_noun_end(doc, k, ce, &noun);
    if (e == 0)
        return FALSE;
    int two[2];
    gboolean ok = two_holders(doc, ev, k, noun, two) ||
                  ((!strcmp(noun, "leader") || !strcmp(noun, "man") || !strcmp(noun, "woman")) &&
                   (last_two_subjects(doc, ev, k, two) || last_pair(doc, k, two)));
    if (ok) {
        add_person(ev, two[0]);
        add_person(ev, two[1]);
    }
    g_free(noun);
    *end = e;
    return TRUE;
}

/* "who", "whom", "whose" at k open a relative clause; so does a participle
 * after a person and a comma ("Zelensky, attending a summit in Tirana,"). */
static gboolean relative_pronoun(const dt_doc *doc, uint32_t k)
{
    if (dt_doc_tok_is(doc, k, "who") || dt_doc_tok_is(doc, k, "whom") || dt_doc_tok_is(doc, k, "whose"))
        return TRUE;
    const dt_token *tok = dt_doc_tok(doc, k);
    if (k < 2 || !(tok->flags & DT_TOK_WORD) || (tok->flags & DT_TOK_UPPER) || !g_str_has_suffix(tok->fold, "ing") ||
        !dt_doc_tok_is(doc, k - 1, ","))
        return FALSE;
    int mi = doc->tokinfo[k - 2].mention;
    if (mi < 0)
        return FALSE;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    return m->entity >= 0 && dt_entity_kind_of(doc, m->entity) == DT_ENT_PERSON && m->te == k - 1;
}

/* End of the relative clause opened at r: its closing comma, or ce. */
static uint32_t relative_end(const dt_doc *doc, uint32_t r, uint32_t ce)
{
    uint32_t k = r + 1;
    while (k < ce && !(dt_is_clause_break(doc, k) && !dt_doc_tok_is(doc, k, "(") && !dt_doc_tok_is(doc, k, ")")))
        k++;
    return k;
}

/* "an aide to President Putin", "spokesman for Guterres", "a member of":
 * a person after to/for/of that follows a noun other than the event's is
 * named to describe someone else, not as one who takes part. */
static gboolean dependent_person(const dt_doc *doc, const dt_mention *m, uint32_t cb)
{
    uint32_t k = m->tb;
    /* step back over the person's own title: "to President Vladimir Putin" */
    while (k > cb && doc->tokinfo[k - 1].in_office)
        k--;
    if (k < cb + 2)
        return FALSE;
    uint32_t prep = k - 1, head = k - 2;
    if (!(dt_doc_tok_is(doc, prep, "to") || dt_doc_tok_is(doc, prep, "for") || dt_doc_tok_is(doc, prep, "of")))
        return FALSE;
    const dt_token *h = dt_doc_tok(doc, head);
    const dt_tokinfo *hi = &doc->tokinfo[head];
    if (!(h->flags & DT_TOK_WORD) || (h->flags & DT_TOK_UPPER) || hi->function_word)
        return FALSE;
    /* "a meeting of Tshisekedi and Kagame", "spoke to Putin" */
    return hi->event_type == NULL && hi->event_verb == NULL && hi->reporting == NULL &&
           !(head > 0 && doc->tokinfo[head - 1].event_type && doc->tokinfo[head - 1].event_end > head);
}

/* The person a relative clause at r is about: the nearest person before
 * it in the sentence who is not named to describe someone else. */
static int relative_head(const dt_doc *doc, uint32_t r, uint32_t sb)
{
    for (uint32_t k = r; k > sb; k--) {
        const dt_mention *m;
        int mi = doc->tokinfo[k - 1].mention;
        if (mi < 0)
            continue;
        const dt_mention *cand = &g_array_index(doc->mentions, dt_mention, mi);
        if (person_mention_at(doc, cand->tb, &m) && !dependent_person(doc, m, sb))
            return m->entity;
        k = cand->tb + 1;
    }
    return -1;
}

/* A reporter who is where the event is: "told a news conference", "said
 * in an interview", "spoke by phone", "said at the ceremony". */
static gboolean speaks_at_event(const dt_doc *doc, const dt_mention *m, uint32_t t, uint32_t ce)
{
    for (uint32_t v = m->te; v < ce && v <= t && v < m->te + 14; v++) {
        const dt_tokinfo *vi = &doc->tokinfo[v];
        if (!vi->reporting)
            continue;
        if (v == t) /* the verb tells the event: "called Rajiv Ghai" */
            return TRUE;
        uint32_t after = vi->reporting_end > v ? vi->reporting_end : v + 1;
        if (t < after || t > after + 3)
            return FALSE;
        gboolean opener = dt_doc_tok_is(doc, after, "in") || dt_doc_tok_is(doc, after, "at") ||
                          dt_doc_tok_is(doc, after, "during") || dt_doc_tok_is(doc, after, "on") ||
                          dt_doc_tok_is(doc, after, "by") || dt_doc_tok_is(doc, after, "with") ||
                          dt_doc_tok_is(doc, after, "a") || dt_doc_tok_is(doc, after, "an") ||
                          after == t;
        for (uint32_t k = after; opener && k < t; k++)
            opener = (dt_doc_tok(doc, k)->flags & DT_TOK_WORD) && !(dt_doc_tok(doc, k)->flags & DT_TOK_UPPER);
        return opener;
    }
    return FALSE;
}

/* "Trump pushed for direct talks", "he had proposed signing": the person
 * right before a stance verb takes a stance on the event, not part in it. */
static gboolean stance_subject(const dt_doc *doc, uint32_t after, uint32_t ce, uint32_t t)
{
    static const char *const aux[] = {"had", "has", "have", "would", "will", "did", "also", "again",
                                      "repeatedly", "has", "then", "is", "was", "not", NULL};
    for (uint32_t k = after; k < ce && k < after + 4; k++) {
        if (doc->tokinfo[k].polarity) /* "Getachew signed": the verb tells the event */
            return k != t;
        gboolean skip = FALSE;
        for (int i = 0; aux[i] && !skip; i++)
            skip = dt_doc_tok_is(doc, k, aux[i]);
        if (!skip)
            return FALSE;
    }
    return FALSE;
}

/* "since Trump took office", "until Putin and Trump spoke": a subordinate
 * clause the event is not in tells something else.  Returns its end, or 0
 * when k opens none. */
static uint32_t subordinate_end(const dt_doc *doc, uint32_t k, uint32_t t, uint32_t ce)
{
    /* not "when": "a summit on Dec. 14, when Maduro and Ali signed" tells
     * the event itself */
    static const char *const subs[] = {"since", "until", "because", "although", "unless", "whereas", NULL};
    gboolean opener = FALSE;
    for (int i = 0; subs[i] && !opener; i++)
        opener = dt_doc_tok_is(doc, k, subs[i]);
    if (!opener)
        return 0;
    uint32_t e = relative_end(doc, k, ce);
    return t >= k && t < e ? 0 : e;
}

/* "In a phone call with Putin on Tuesday, Trump said ...", "Speaking at a
 * news conference in Kyiv, Zelensky said ...": an event told in a phrase
 * before the subject has that subject in it, even when the subject then
 * reports.  Returns the subject, or -1. */
static int fronted_subject(const dt_doc *doc, uint32_t t, uint32_t sb, uint32_t se)
{
    static const char *const openers[] = {"in", "during", "at", "after", "before", "following", "on",
                                          "speaking", "talking", "addressing", "attending", NULL};
    gboolean opener = FALSE;
    for (int i = 0; openers[i] && !opener; i++)
        opener = dt_doc_tok_is(doc, sb, openers[i]);
    if (!opener)
        return -1;
    uint32_t c = sb + 1;
    while (c < se && !dt_doc_tok_is(doc, c, ","))
        c++;
    if (c >= se || t > c)
        return -1;
    uint32_t k = c + 1;
    if (k < se && doc->tokinfo[k].office >= 0)
        k = doc->tokinfo[k].office_end;
    const dt_mention *m;
    if (k < se && person_mention_at(doc, k, &m))
        return m->entity;
    if (k < se && (dt_doc_tok_is(doc, k, "he") || dt_doc_tok_is(doc, k, "she")))
        return dt_person_subject_before(doc, k);
    return -1;
}

static void add_participants(dt_doc *doc, dt_event *ev, uint32_t start, uint32_t t, uint32_t te, uint32_t cb,
                             uint32_t ce)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    add_person(ev, fronted_subject(doc, t, sb, se));
    if (between_pair(doc, ev, te, ce) || compound_participants(doc, ev, start, t))
        return;
    /* "Erdogan, who hosted Zelensky in Ankara, said ...": an event told in
     * a relative clause involves its head and the persons inside it */
    for (uint32_t r = t; r > cb; r--) {
        if (dt_is_clause_break(doc, r - 1) && !dt_doc_tok_is(doc, r - 1, "(") && !dt_doc_tok_is(doc, r - 1, ")"))
            break;
        if (relative_pronoun(doc, r - 1)) {
            int head = relative_head(doc, r - 1, sb);
            if (head >= 0)
                dt_ints_add(ev->participants, head);
            cb = r;
            ce = relative_end(doc, r - 1, ce);
            break;
        }
    }
    uint32_t other_rel_end = 0; /* end of a relative clause the event is not in */
    for (uint32_t k = cb; k < ce; k++) {
        const dt_mention *m;
        if (relative_pronoun(doc, k) && (t < k || t >= relative_end(doc, k, ce)))
            other_rel_end = relative_end(doc, k, ce);
        uint32_t sub_end = subordinate_end(doc, k, t, ce);
        if (sub_end > other_rel_end)
            other_rel_end = sub_end;
        /* "whom Trump has picked": about someone else */
        if (k < other_rel_end)
            continue;
        uint32_t pe;
        if (plural_participants(doc, ev, k, ce, &pe)) {
            k = pe - 1;
            continue;
        }
        /* "he said in an interview": the person the pronoun stands for; but
         * "He welcomed the summit": a stance on it is no part in it */
        if (doc->tokinfo[k].quote < 0 && (dt_doc_tok_is(doc, k, "he") || dt_doc_tok_is(doc, k, "she"))) {
            dt_mention pm = {.tb = k, .te = k + 1};
            if (!stance_subject(doc, k + 1, ce, t) &&
                (!reporter(doc, &pm, ce) || speaks_at_event(doc, &pm, t, ce)))
                add_person(ev, dt_person_subject_before(doc, k));
            continue;
        }
        if (!person_mention_at(doc, k, &m) || dependent_person(doc, m, cb) ||
            (m->te <= start && stance_subject(doc, m->te, ce, t)))
            continue;
        /* a reporter is no participant unless speaking at the event, or
         * the event is told in between: "Zelensky, attending a summit, said" */
        uint32_t verb;
        if (reporter_at(doc, m, ce, &verb) && !speaks_at_event(doc, m, t, ce) && !(m->te <= t && t < verb))
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
    "chaired", "co-chaired", "arrived for", "hosted", "opened the", "headed the", " led the",
    "sat in on", "represented by", " led by", NULL};

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
        if (!participation_cue(doc, sen->tok_begin, sen->tok_end))
            continue;
        dt_event *target = NULL;
        gboolean own = FALSE; /* the sentence tells an event of its own */
        for (guint i = 0; i < doc->events->len; i++) {
            dt_event *ev = g_ptr_array_index(doc->events, i);
            own |= ev->first_sentence == s;
            /* the event the text is about: told in the last sentences and,
             * of those, told most often ("the session", "the meeting",
             * "the talks"), not a past one named in passing */
            if (ev->first_sentence < s && ev->last_sentence + 3 >= s &&
                (target == NULL || ev->spans->len > target->spans->len ||
                 (ev->spans->len == target->spans->len && ev->last_sentence >= target->last_sentence)))
                target = ev;
        }
        if (target == NULL || own)
            continue;
        for (uint32_t k = sen->tok_begin; k < sen->tok_end; k++) {
            const dt_mention *m;
            if (person_mention_at(doc, k, &m) && !dependent_person(doc, m, sen->tok_begin))
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
                     const char *time_text, uint32_t sentence, gboolean ana, gboolean indefinite)
{
    for (guint i = doc->events->len; i > 0; i--) {
        dt_event *ev = g_ptr_array_index(doc->events, i - 1);
        if (!same_group(ev->type, type) || !times_compatible(ev, date, time_text))
            continue;
        if (place >= 0 && ev->place == place)
            return (int)i - 1;
        /* "an interview", "a four-way meeting": an indefinite phrase
         * introduces a new event, unless it elaborates one its own sentence
         * told ("signed the text in a ceremony") */
        if (place < 0 && (ana || (indefinite ? sentence == ev->last_sentence : sentence <= ev->last_sentence + 2)))
            return (int)i - 1;
    }
    return -1;
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
    char *plural = g_strconcat(type->label, "s", NULL);
    gboolean is_plural = !strcmp(dt_doc_tok(doc, te - 1)->fold, plural);
    g_free(plural);
    if (!is_plural)
        return FALSE;
    if (te < dt_doc_ntok(doc) && (dt_doc_tok_is(doc, te, "with") || dt_doc_tok_is(doc, te, "between")))
        return FALSE;
    return place_in(doc, start, te) < 0;
}

static void event_mention(dt_doc *doc, uint32_t t, const dt_lex_entry *type, uint32_t te, gboolean verbal)
{
    uint32_t sb, se, cb, ce;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    if (!verbal && plural_set(doc, type, phrase_start(doc, t, sb), te))
        return;
    clause_bounds(doc, t, sb, se, &cb, &ce);
    uint32_t start = verbal ? t : phrase_start(doc, t, sb);
    gboolean ana = !verbal && anaphoric(doc, start, t);
    /* place: inside the phrase, in/at right after it, else in the clause */
    int place = verbal ? -1 : place_in(doc, start, t);
    if (place < 0) {
        for (uint32_t k = te; k < MIN(ce, te + 8); k++)
            if (dt_doc_tok_is(doc, k, "in") || dt_doc_tok_is(doc, k, "at")) {
                /* "in Doha", "in the Qatari capital", "in the border town
                 * of Naqoura": up to the next comma */
                uint32_t e = k + 1;
                while (e < MIN(ce, k + 7) && !dt_is_clause_break(doc, e))
                    e++;
                place = place_in(doc, k + 1, e);
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
    gboolean indefinite = !verbal && start > sb &&
                          (dt_doc_tok_is(doc, start - 1, "a") || dt_doc_tok_is(doc, start - 1, "an"));
    int same = find_same(doc, type, place, date, time_text, sentence, ana, indefinite);
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
        uint32_t cpb, cpe; /* the label as written: "Putin–Zelenskyy meeting" */
        ev->label = verbal ? g_strdup(type->label) : dt_text_span(doc->text, lb, te, &cpb, &cpe);
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
        add_participants(doc, ev, start, t, te, cb, ce);
    } else if (participation_cue(doc, cb, ce)) {
        /* "Kallas, who chaired the meeting" */
        add_participants(doc, ev, start, t, te, cb, ce);
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
        if (ev->place < 0 && ev->time_text == NULL && ev->participants->len == 0) {
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

/* "called Rajiv Ghai" is a call, "called the talks useful" is not: the
 * verb "call" tells an event only with a person as its object. */
static gboolean verb_object_ok(const dt_doc *doc, uint32_t t)
{
    const dt_token *tok = dt_doc_tok(doc, t);
    if (!g_str_has_prefix(tok->fold, "call"))
        return TRUE;
    uint32_t k = doc->tokinfo[t].event_verb_end;
    if (k < dt_doc_ntok(doc) && doc->tokinfo[k].office >= 0)
        k = doc->tokinfo[k].office_end;
    const dt_mention *m;
    if (k >= dt_doc_ntok(doc) || !person_mention_at(doc, k, &m))
        return FALSE;
    /* and a person calling: "Abdullah called Ghai", "Munir, army chief,
     * called ..."; not "a state called Guayana Esequiba" */
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    for (uint32_t b = t; b > sb && b + 12 > t; b--) {
        int mi = doc->tokinfo[b - 1].mention;
        uint32_t mb = mi >= 0 ? g_array_index(doc->mentions, dt_mention, mi).tb : b - 1;
        if (dt_doc_tok_is(doc, b - 1, "he") || dt_doc_tok_is(doc, b - 1, "she") || person_mention_at(doc, mb, &m))
            return TRUE;
        const dt_token *before = dt_doc_tok(doc, b - 1);
        /* a plain word right before the verb is its subject: "a state" */
        if (b == t && (before->flags & DT_TOK_WORD) && !(before->flags & DT_TOK_UPPER))
            return FALSE;
    }
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
        if (person_mention_at(doc, k, &m) && dt_ints_has(ev->participants, m->entity))
            return TRUE;
    }
    return FALSE;
}

/* "When Pashinyan and Aliyev joined hands with Trump at the White House on
 * Friday, ... What the two leaders signed ...": an event told without a
 * place happens where the sentence before set the scene with its people.
 * Calls and interviews are left alone: they join places apart. */
/* "hopes to set up a three-way summit", "will hold talks": an event still
 * to come is not where the scene is now. */
static gboolean planned_mention(const dt_doc *doc, uint32_t tb)
{
    static const char *const plan[] = {"will", "would", "could", "hopes", "hope", "plans", "wants", "proposed",
                                       "proposes", "arranging", "arrange", "planned", "upcoming", "next",
                                       "future", "possible", "potential", NULL};
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, tb, &sb, &se);
    for (uint32_t k = sb; k < tb; k++) {
        if (dt_doc_tok_is(doc, k, "to") && k + 4 > tb)
            return TRUE;
        for (int i = 0; plan[i]; i++)
            if (dt_doc_tok_is(doc, k, plan[i]))
                return TRUE;
    }
    return FALSE;
}

static void scene_places(dt_doc *doc)
{
    for (guint i = 0; i < doc->events->len; i++) {
        dt_event *ev = g_ptr_array_index(doc->events, i);
        const char *group = type_group(ev->type);
        if (ev->place >= 0 || ev->participants->len == 0 || ev->first_sentence == 0 ||
            !(strcmp(group, "talks") == 0 || strcmp(group, "summit") == 0 || strcmp(group, "signing") == 0))
            continue;
        const dt_sentence *prev = dt_text_sentence(doc->text, ev->first_sentence - 1);
        if (planned_mention(doc, g_array_index(ev->spans, uint32_t, 0)))
            continue;
        if (names_participant(doc, ev, prev->tok_begin, prev->tok_end))
            ev->place = locative_place(doc, prev->tok_begin, prev->tok_end);
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
            if (!same_group(a->type, b->type) || !same_people(a, b) ||
                (a->place >= 0 && b->place >= 0 && a->place != b->place) ||
                !times_compatible(a, b->date, b->time_text)) {
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

void dt_events_find(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t t = 0; t < n; t++) {
        const dt_tokinfo *ti = &doc->tokinfo[t];
        if (ti->quote >= 0 || ti->headline)
            continue;
        if (ti->event_type) {
            /* "call for" is a stance, "calls" a verb */
            if ((ti->polarity && ti->polarity_end > t + 1) || calls_is_verb(doc, t))
                continue;
            event_mention(doc, t, ti->event_type, ti->event_end, FALSE);
            continue;
        }
        /* verbs that tell an event without its noun: "met", "signed" */
        if (ti->event_verb && !noun_follows(doc, ti->event_verb_end) && verb_object_ok(doc, t))
            event_mention(doc, t, ti->event_verb, ti->event_verb_end, TRUE);
    }
    follow_up_participants(doc);
    scene_places(doc);
    prune(doc);
    merge_same_people(doc);
}
