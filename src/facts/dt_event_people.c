/* Facts: events -- who takes part.  Participants are the persons of the
 * event's clause, narrowed by what the syntax says: compound modifiers
 * ("Putin-Zelenskyy meeting") and "between A and B" name exactly who
 * meets; relative clauses and participle appositions confine the event to
 * their head; reporters, stance holders, persons named to describe someone
 * else and subordinate clauses are left out; "both ministers" and a
 * follow-up sentence ("X also took part") add persons told elsewhere. */
#include "dt_events_internal.h"
#include "dt_proposals_internal.h"
#include "dt_facts_util.h"
#include "../entities/dt_entities.h"

#include <string.h>

/* A person who reports rather than takes part: "Witkoff revealed that",
 * "Boulos, Trump's adviser, said". */
static gboolean reporter_at(const dt_doc *doc, const dt_mention *m, uint32_t se, uint32_t *verb)
{
    /* "a call with US President Donald Trump and asked for ...": the object
     * of a preposition (past its title) reports nothing */
    static const char *const preps[] = {"with", "to", "by", "from", "for", "against", "between", NULL};
    uint32_t p = dt_title_start(doc, m->tb);
    if (p > 0 && dt_doc_tok_in(doc, p - 1, preps))
        return FALSE;
    uint32_t k = m->te;
    if (k < se && dt_doc_tok_is(doc, k, ",")) {
        uint32_t c = k + 1;
        while (c < se && c < k + 12 && !dt_doc_tok_is(doc, c, ","))
            c++;
        if (c < se && c < k + 12)
            k = c + 1;
    }
    static const char *const conversing[] = {"spoke", "speaks", "speaking", "talked", "talks", NULL};
    for (uint32_t v = k; v < se && v < k + 3; v++) {
        const dt_lex_entry *evi = doc->tokinfo[v].evidential;
        /* "Trump spoke with Putin by phone": a conversation, not a report */
        if (v + 1 < se && dt_doc_tok_in(doc, v, conversing) &&
            (dt_doc_tok_is(doc, v + 1, "with") || dt_doc_tok_is(doc, v + 1, "to")))
            return FALSE;
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

gboolean dt_ev_person_mention_at(const dt_doc *doc, uint32_t k, const dt_mention **out)
{
    int mi = doc->tokinfo[k].mention;
    /* "with the U.S. president": the office holder the article named */
    if (doc->tokinfo[k].reference >= 0)
        mi = doc->tokinfo[k].reference;
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
    /* "a planned summit in Budapest between Trump and Putin": past a
     * place */
    if (te + 2 < ce && (dt_doc_tok_is(doc, te, "in") || dt_doc_tok_is(doc, te, "at")) &&
        doc->tokinfo[te + 1].mention >= 0) {
        uint32_t pe = g_array_index(doc->mentions, dt_mention, doc->tokinfo[te + 1].mention).te;
        if (pe < ce && dt_doc_tok_is(doc, pe, "between"))
            te = pe;
    }
    if (te >= ce || !dt_doc_tok_is(doc, te, "between"))
        return FALSE;
    /* titles may be long ("between Philippine Foreign Undersecretary Maria
     * Theresa Lazaro and Chinese Vice Foreign Minister Chen Xiaodong"): up
     * to the person after "and" */
    gboolean any = FALSE, and = FALSE;
    for (uint32_t k = te + 1; k < ce && k < te + 24; k++) {
        const dt_mention *m;
        if (dt_ev_person_mention_at(doc, k, &m)) {
            dt_ints_add(ev->participants, m->entity);
            any = TRUE;
            if (and)
                break;
        } else if (dt_doc_tok_is(doc, k, "and")) {
            and = TRUE;
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
/* Whether s casefolded (g_utf8_casefold) is fold.  An ASCII s folds to
 * its lowercase, compared in place; any other is folded as before. */
static gboolean casefold_is(const char *s, const char *fold)
{
    const char *p = s, *f = fold;
    for (; *p && (unsigned char)*p < 0x80; p++, f++)
        if (g_ascii_tolower(*p) != *f)
            return FALSE;
    if (*p == '\0')
        return *f == '\0';
    char *folded = g_utf8_casefold(s, -1);
    gboolean same = !strcmp(folded, fold);
    g_free(folded);
    return same;
}

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
            if (casefold_is(sp ? sp + 1 : names[i], fold))
                return (int)e;
        }
    }
    return -1;
}

static gboolean compound_participants(dt_doc *doc, dt_event *ev, uint32_t start, uint32_t t)
{
    /* made at the first person: asked of every event, most name none */
    GArray *found = NULL;
    gboolean joined = FALSE;
    for (uint32_t k = start; k < t; k++) {
        const dt_mention *m;
        if (dt_ev_tight_dash(doc, k, start))
            joined = TRUE;
        if (dt_ev_person_mention_at(doc, k, &m)) {
            if (found == NULL)
                found = g_array_new(FALSE, FALSE, sizeof(int));
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
                if (found == NULL)
                    found = g_array_new(FALSE, FALSE, sizeof(int));
                dt_ints_add(found, e);
                joined = TRUE;
            }
        }
        g_strfreev(parts);
    }
    gboolean ok = joined && found && found->len >= 2;
    for (guint i = 0; ok && i < found->len; i++)
        dt_ints_add(ev->participants, g_array_index(found, int, i));
    if (found)
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

/* s in lower case.  Most text is ASCII, for which g_ascii_strdown gives
 * what g_utf8_strdown gives (detente keeps the C locale) without a
 * Unicode table look-up per character; participation cues lower every
 * sentence that may tell one. */
static char *lower(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x80)
            return g_utf8_strdown(s, -1);
    return g_ascii_strdown(s, -1);
}

/* Whether an office fits the plural noun: "ministers" any minister,
 * "leaders" a head of state or government. */
static gboolean office_fits(const char *office_label, const char *noun)
{
    static const char *const heads[] = {"president", "prime minister", "chancellor", "king", "queen",
                                        "emir", "sultan", "supreme leader", "premier", NULL};
    char *low = lower(office_label);
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

static gboolean ends_like_sentence(const dt_doc *doc, const dt_sentence *sen)
{
    if (sen->tok_end <= sen->tok_begin)
        return FALSE;
    /* normalization has made closing quotes straight */
    const char *last = dt_doc_tok(doc, sen->tok_end - 1)->fold;
    return last[0] && last[1] == '\0' && strchr(".!?\")'", last[0]) != NULL;
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
        if (!ends_like_sentence(doc, sen))
            continue; /* a headline is about no one in particular */
        for (uint32_t j = sen->tok_begin; j < sen->tok_end; j++) {
            const dt_mention *m;
            if (!dt_ev_person_mention_at(doc, j, &m))
                continue;
            if (!dt_ints_has(ev->participants, m->entity) && (n == 0 || out[0] != m->entity))
                out[n++] = m->entity;
            /* "When Pashinyan and Aliyev joined hands ...": both are
             * what the sentence is about */
            const dt_mention *m2;
            if (n < 2 && m->te + 1 < sen->tok_end && dt_doc_tok_is(doc, m->te, "and") &&
                dt_ev_person_mention_at(doc, m->te + 1, &m2) && m2->entity != m->entity &&
                !dt_ints_has(ev->participants, m2->entity) && (n == 0 || out[0] != m2->entity))
                out[n++] = m2->entity;
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
        if (r >= k || !dt_ev_person_mention_at(doc, r, &right))
            continue;
        /* left: a person ending right before "and", or before ", apposition ," */
        for (uint32_t b = and; b > lo && b + 14 > and; b--) {
            int mi = doc->tokinfo[b - 1].mention;
            if (mi < 0)
                continue;
            const dt_mention *cand = &g_array_index(doc->mentions, dt_mention, mi);
            if (dt_ev_person_mention_at(doc, cand->tb, &left) && left->entity != right->entity) {
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

/* The persons a sentence names (outside quotes), each once, in order. */
static void sentence_persons(const dt_doc *doc, const dt_sentence *sen, GArray *out)
{
    for (uint32_t j = sen->tok_begin; j < sen->tok_end; j++) {
        const dt_mention *m;
        if (dt_ev_person_mention_at(doc, j, &m))
            dt_ints_add(out, m->entity);
    }
}

/* "the seven European guests", "the three leaders": a number from three
 * to twelve after "the", then a plural noun of persons.  Returns the
 * number and sets *end past the noun, or 0. */
static unsigned counted_group(const dt_doc *doc, uint32_t k, uint32_t ce, uint32_t *end)
{
    static const char *const numbers[] = {"three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                          "eleven", "twelve", NULL};
    static const char *const nouns[] = {"leaders", "men", "women", "ministers", "presidents", "guests",
                                        "officials", "envoys", "diplomats", "heads", "participants", NULL};
    if (k == 0 || !dt_doc_tok_is(doc, k - 1, "the"))
        return 0;
    unsigned n = 0;
    for (int i = 0; numbers[i]; i++)
        if (dt_doc_tok_is(doc, k, numbers[i]))
            n = (unsigned)i + 3;
    for (uint32_t j = k + 1; n && j < ce && j < k + 4; j++)
        if (dt_doc_tok_in(doc, j, nouns)) {
            *end = j + 1;
            return n;
        }
    return 0;
}

/* The persons of the nearest of the four sentences before k that names
 * exactly n of them (outside quotes). */
static void last_group_of(const dt_doc *doc, dt_event *ev, uint32_t k, unsigned n)
{
    uint32_t s = dt_doc_tok(doc, k)->sentence;
    GArray *found = g_array_new(FALSE, FALSE, sizeof(int));
    for (uint32_t back = 1; back <= 4 && back <= s; back++) {
        g_array_set_size(found, 0);
        sentence_persons(doc, dt_text_sentence(doc->text, s - back), found);
        if (found->len == n) {
            for (guint i = 0; i < n; i++)
                dt_ints_add(ev->participants, g_array_index(found, int, i));
            break;
        }
    }
    g_array_free(found, TRUE);
}

/* The one person the article gives the top office of country c (head of
 * state or government), or -1 when none or several. */
static int leader_of(const dt_doc *doc, int c)
{
    static const char *const tops[] = {"president", "prime minister", "chancellor", "king", "emir",
                                       "supreme leader", "leader", NULL};
    int found = -1;
    for (guint i = 0; i < doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        if (h->jurisdiction != c || h->qualifiers->len > 0 || h->office->label == NULL)
            continue;
        gboolean top = FALSE;
        for (int t = 0; tops[t] && !top; t++)
            top = !g_ascii_strcasecmp(h->office->label, tops[t]);
        if (!top)
            continue;
        if (found >= 0 && found != h->person)
            return -1;
        found = h->person;
    }
    return found;
}

/* "the leaders of Ethiopia and Somalia", "the presidents of Armenia and
 * Azerbaijan": the persons the article gives those countries' top
 * offices.  True when k opens such a phrase; *end is set after it. */
static gboolean leaders_of_countries(dt_doc *doc, dt_event *ev, uint32_t k, uint32_t ce, uint32_t *end)
{
    static const char *const heads[] = {"leaders", "presidents", "heads", NULL};
    /* asked of every token of an event's clause: the heads' first bytes
     * before the list */
    const char c0 = k < ce ? dt_doc_tok(doc, k)->fold[0] : 0;
    if (k + 2 >= ce || (c0 != 'l' && c0 != 'p' && c0 != 'h') || !dt_doc_tok_in(doc, k, heads) ||
        !dt_doc_tok_is(doc, k + 1, "of"))
        return FALSE;
    uint32_t j = k + 2;
    int added = 0;
    while (j < ce) {
        if (dt_doc_tok_is(doc, j, "the") || dt_doc_tok_is(doc, j, "state") || dt_doc_tok_is(doc, j, ",") ||
            dt_doc_tok_is(doc, j, "and")) {
            j++;
            continue;
        }
        uint32_t me = j;
        int c = dt_actor_at(doc, j, &me);
        if (c < 0 || dt_entity_kind_of(doc, c) != DT_ENT_COUNTRY)
            break;
        int p = leader_of(doc, c);
        if (p >= 0) {
            add_person(ev, p);
            added++;
        }
        j = me;
    }
    *end = j;
    return added > 0;
}

static gboolean plural_participants(dt_doc *doc, dt_event *ev, uint32_t k, uint32_t ce, uint32_t *end)
{
    if (leaders_of_countries(doc, ev, k, ce, end))
        return TRUE;
    unsigned n = counted_group(doc, k, ce, end);
    if (n) {
        last_group_of(doc, ev, k, n);
        return TRUE;
    }
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
    /* asked of every token of an event's clause: "who" shared by the
     * three words, then what follows it */
    const char *f = dt_doc_tok(doc, k)->fold;
    if (f[0] == 'w' && f[1] == 'h' && f[2] == 'o' && (f[3] == '\0' || dt_fold_eq(f + 3, "m") || dt_fold_eq(f + 3, "se")))
        return TRUE;
    const dt_token *tok = dt_doc_tok(doc, k);
    /* the comma first: it is cheaper than the suffix and rarer */
    if (k < 2 || !(tok->flags & DT_TOK_WORD) || (tok->flags & DT_TOK_UPPER) || !dt_doc_tok_is(doc, k - 1, ",") ||
        !g_str_has_suffix(tok->fold, "ing"))
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
        if (dt_ev_person_mention_at(doc, cand->tb, &m) && !dependent_person(doc, m, sb))
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
        /* "told reporters after talks with Rubio", "told Iranian state TV
         * after the talks": past the audience, up to the preposition */
        /* ("spoke to reporters after the summit") */
        if (after + 1 < ce && dt_doc_tok_is(doc, after, "to") &&
            (dt_doc_tok_is(doc, after + 1, "reporters") || dt_doc_tok_is(doc, after + 1, "journalists")))
            after++;
        if (after < ce && (dt_doc_tok_is(doc, after, "reporters") || dt_doc_tok_is(doc, after, "journalists")))
            after++;
        else if (dt_doc_tok_is(doc, v, "told"))
            for (uint32_t a = after; a < ce && a < after + 5 && a < t; a++)
                if (dt_doc_tok_is(doc, a, "after") || dt_doc_tok_is(doc, a, "during") ||
                    dt_doc_tok_is(doc, a, "at") || dt_doc_tok_is(doc, a, "in")) {
                    after = a;
                    break;
                }
        if (t < after || t > after + 3)
            return FALSE;
        gboolean opener = dt_doc_tok_is(doc, after, "in") || dt_doc_tok_is(doc, after, "at") ||
                          dt_doc_tok_is(doc, after, "during") || dt_doc_tok_is(doc, after, "on") ||
                          dt_doc_tok_is(doc, after, "by") || dt_doc_tok_is(doc, after, "with") ||
                          dt_doc_tok_is(doc, after, "before") || dt_doc_tok_is(doc, after, "after") ||
                          dt_doc_tok_is(doc, after, "a") || dt_doc_tok_is(doc, after, "an") ||
                          after == t;
        /* lowercase words, or a body's or place's name: "at the G20
         * summit", "at the NATO summit" */
        for (uint32_t k = after; opener && k < t; k++)
            opener = (dt_doc_tok(doc, k)->flags & DT_TOK_WORD) &&
                     (!(dt_doc_tok(doc, k)->flags & DT_TOK_UPPER) ||
                      (doc->tokinfo[k].mention >= 0 && dt_doc_entity_at(doc, k) >= 0 &&
                       dt_entity_kind_of(doc, dt_doc_entity_at(doc, k)) != DT_ENT_PERSON));
        return opener;
    }
    return FALSE;
}

/* "hopes to set up a summit", "is arranging a meeting", "ready to host
 * talks": whoever organizes an event takes part in it, unlike one who
 * pushes for it. */
static gboolean organizes(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const verbs[] = {"set", "arranging", "arrange", "host", "hosting", "hold", "holding",
                                        NULL};
    for (uint32_t k = b; k < e; k++)
        if (dt_doc_tok_in(doc, k, verbs))
            return TRUE;
    return FALSE;
}

/* "Trump pushed for direct talks", "he had proposed signing": the person
 * right before a stance verb takes a stance on the event, not part in it. */
static gboolean stance_subject(const dt_doc *doc, uint32_t after, uint32_t ce, uint32_t t)
{
    static const char *const aux[] = {"had", "has", "have", "would", "will", "did", "also", "again",
                                      "repeatedly", "has", "then", "is", "was", "not", "begun", "began",
                                      "started", "been", NULL};
    for (uint32_t k = after; k < ce && k < after + 4; k++) {
        if (doc->tokinfo[k].polarity) { /* "Getachew signed": the verb tells the event */
            /* "he and Xi had agreed to meet at the summit": they take part
             * (one "willing to hold talks" only offers) */
            uint32_t pe = doc->tokinfo[k].polarity_end, se = dt_doc_ntok(doc);
            if (pe < se && dt_doc_tok_is(doc, pe, "to"))
                pe++;
            if (pe < ce && pe < t && !strcmp(doc->tokinfo[k].polarity->label, "accepts") &&
                dt_pr_word_class_starts(doc, pe, ce, "meeting-verbs") > 0)
                return FALSE;
            return k != t && !organizes(doc, k, doc->tokinfo[k].polarity_end);
        }
        gboolean skip = dt_doc_tok_in(doc, k, aux);
        if (!skip)
            return FALSE;
    }
    return FALSE;
}

/* "since Trump took office", "until Putin and Trump spoke": a subordinate
 * clause the event is not in tells something else.  Returns its end, or 0
 * when k opens none. */
static inline gboolean subordinator_at(const dt_doc *doc, uint32_t k)
{
    /* not "when": "a summit on Dec. 14, when Maduro and Ali signed" tells
     * the event itself */
    static const char *const subs[] = {"since", "until", "because", "although", "unless", "whereas", NULL};
    /* asked of every token of an event's clause: the words' first bytes
     * before the list */
    if (k >= dt_doc_ntok(doc))
        return FALSE;
    const char c0 = dt_doc_tok(doc, k)->fold[0];
    return (c0 == 's' || c0 == 'u' || c0 == 'b' || c0 == 'a' || c0 == 'w') && dt_doc_tok_in(doc, k, subs);
}

static uint32_t subordinate_end(const dt_doc *doc, uint32_t k, uint32_t t, uint32_t ce)
{
    if (!subordinator_at(doc, k))
        return 0;
    uint32_t e = relative_end(doc, k, ce);
    return t >= k && t < e ? 0 : e;
}

/* "In a phone call with Putin on Tuesday, Trump said ...", "Speaking at a
 * news conference in Kyiv, Zelensky said ...": an event told in a phrase
 * before the subject has that subject in it, even when the subject then
 * reports.  Returns the subject, or -1. */
static int fronted_subject(const dt_doc *doc, uint32_t t, uint32_t sb, uint32_t se, uint32_t *comma)
{
    static const char *const openers[] = {"in", "during", "at", "after", "before", "following", "on", "by",
                                          "speaking", "talking", "addressing", "attending", NULL};
    gboolean opener = dt_doc_tok_in(doc, sb, openers);
    if (!opener)
        return -1;
    uint32_t c = sb + 1;
    while (c < se && !dt_doc_tok_is(doc, c, ","))
        c++;
    if (c >= se || t > c)
        return -1;
    *comma = c;
    uint32_t k = c + 1;
    /* "Ukrainian President Volodymyr Zelensky said": past the demonym */
    const dt_mention *m;
    if (k + 1 < se && doc->tokinfo[k].mention >= 0 && doc->tokinfo[k + 1].office >= 0 &&
        !dt_ev_person_mention_at(doc, k, &m))
        k++;
    if (k < se && doc->tokinfo[k].office >= 0)
        k = doc->tokinfo[k].office_end;
    if (k < se && dt_ev_person_mention_at(doc, k, &m))
        return m->entity;
    /* "By Wednesday's closing news conference, his tone had changed" */
    if (k < se && (dt_is_he_or_she(doc, k) || dt_doc_tok_is(doc, k, "his") ||
                   dt_doc_tok_is(doc, k, "her")))
        return dt_person_subject_before(doc, k);
    return -1;
}

/* "The European contingent is assembled: Starmer, Macron, Merz ... They
 * gather": "they" right before the verb stands for the two or more persons
 * the sentence before lists (in its paragraph, outside quotes). */
static void persons_they_stand_for(const dt_doc *doc, dt_event *ev, uint32_t s)
{
    if (s == 0)
        return;
    const dt_sentence *prev = dt_text_sentence(doc->text, s - 1), *cur = dt_text_sentence(doc->text, s);
    if (prev->paragraph != cur->paragraph)
        return;
    GArray *found = g_array_new(FALSE, FALSE, sizeof(int));
    sentence_persons(doc, prev, found);
    if (found->len >= 2)
        for (guint i = 0; i < found->len; i++)
            dt_ints_add(ev->participants, g_array_index(found, int, i));
    g_array_free(found, TRUE);
}

/* The persons a sentence opens with, joined by "and" or commas, titles
 * and all ("Japanese Prime Minister Shigeru Ishiba and South Korean
 * President Lee Jae-myung agreed"), before token e. */
static void opening_persons(const dt_doc *doc, dt_event *ev, uint32_t sb, uint32_t e)
{
    uint32_t k = sb;
    while (k < e) {
        const dt_mention *m;
        if (dt_ev_person_mention_at(doc, k, &m)) {
            add_person(ev, m->entity);
            k = m->te;
            continue;
        }
        if (dt_doc_tok_is(doc, k, "and") || dt_doc_tok_is(doc, k, ",") || doc->tokinfo[k].office >= 0 ||
            doc->tokinfo[k].in_office || doc->tokinfo[k].mention >= 0 || doc->tokinfo[k].honorific) {
            k++;
            continue;
        }
        break;
    }
}

/* "Trump's Friday summit": the event noun at t heads the phrase the
 * possessive at poss opens, so the possessor takes part.  Not "Kushner,
 * Trump's son-in-law, met Netanyahu": a comma between, or a verb. */
static gboolean possessed_event(const dt_doc *doc, uint32_t poss, uint32_t t)
{
    if (t <= poss || t > poss + 4 || doc->tokinfo[t].event_type == NULL)
        return FALSE;
    for (uint32_t k = poss + 1; k < t; k++)
        if (!(dt_doc_tok(doc, k)->flags & DT_TOK_WORD))
            return FALSE;
    return TRUE;
}

/* "Trump first met Zelenskyy in the Oval Office before the two were
 * joined in the East Room by Starmer, Macron, ... and von der Leyen": the
 * persons who join the event told before in the sentence take part. */
static void joined_by(dt_doc *doc, dt_event *ev, uint32_t te, uint32_t se)
{
    static const char *const joined[] = {"joined", "join", "joins", NULL};
    for (uint32_t k = te; k < se; k++) {
        /* asked of every token after the event: the words' 'j' first */
        if (dt_doc_tok(doc, k)->fold[0] != 'j' || !dt_doc_tok_in(doc, k, joined) || doc->tokinfo[k].quote >= 0)
            continue;
        for (uint32_t b = k + 1; b + 1 < se && b < k + 8; b++) {
            if (dt_doc_tok_is(doc, b, ",") || dt_doc_tok_is(doc, b, "."))
                break;
            if (!dt_doc_tok_is(doc, b, "by"))
                continue;
            GArray *who = g_array_new(FALSE, FALSE, sizeof(int));
            dt_pr_actors_from(doc, b + 1, se, who);
            for (guint i = 0; i < who->len; i++) {
                int e = g_array_index(who, int, i);
                if (dt_entity_kind_of(doc, e) == DT_ENT_PERSON)
                    dt_ints_add(ev->participants, e);
            }
            g_array_free(who, TRUE);
            return;
        }
        return;
    }
}

void dt_ev_add_participants(dt_doc *doc, dt_event *ev, uint32_t start, uint32_t t, uint32_t te, uint32_t cb,
                             uint32_t ce)
{
    uint32_t sb, se;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    joined_by(doc, ev, te, se);
    /* the fronted phrase and its subject only: "In an interview with NBC,
     * he said Putin \"will have to\" accept" does not interview Putin */
    uint32_t comma = se;
    int fronted = fronted_subject(doc, t, sb, se, &comma);
    add_person(ev, fronted);
    if (fronted >= 0 && comma < ce)
        ce = comma;
    /* "Zelensky told CNN in an interview that he was ready to meet Putin":
     * the clause a reporting verb introduces after the event tells other
     * people */
    for (uint32_t k = te; k < ce; k++)
        if (dt_doc_tok_is(doc, k, "that") && k > sb && doc->tokinfo[k].quote < 0) {
            gboolean reported = FALSE;
            for (uint32_t r = k; r > sb && r + 12 > k && !reported; r--)
                reported = doc->tokinfo[r - 1].reporting != NULL && r - 1 < t;
            if (reported)
                ce = k;
            break;
        }
    if (t > sb && dt_doc_tok_is(doc, t - 1, "they") && doc->tokinfo[t - 1].quote < 0)
        persons_they_stand_for(doc, ev, dt_doc_tok(doc, t)->sentence);
    /* "Aoun told reporters ... after meeting U.S. envoy Tom Barrack": a
     * gerund after "after"/"before"/"while" has the main clause's subject */
    static const char *const gerund_openers[] = {"after", "before", "while", "during", NULL};
    if (start == t && t > sb && dt_doc_tok_in(doc, t - 1, gerund_openers) &&
        g_str_has_suffix(dt_doc_tok(doc, t)->fold, "ing") && doc->tokinfo[t].quote < 0) {
        int subject = dt_person_subject_before(doc, t - 1);
        for (uint32_t k = sb; subject >= 0 && k + 1 < t; k++)
            if (dt_doc_entity_at(doc, k) == subject) { /* named in this sentence */
                add_person(ev, subject);
                break;
            }
    }
    /* "following talks with his Turkish counterpart Hakan Fidan": the one
     * "his" stands for talked too */
    if (te + 1 < se && dt_doc_tok_is(doc, te, "with") && dt_is_pronoun(doc, te + 1) &&
        (dt_doc_tok_is(doc, te + 1, "his") || dt_doc_tok_is(doc, te + 1, "her")) && doc->tokinfo[te].quote < 0) {
        int subject = dt_person_subject_before(doc, te + 1);
        for (uint32_t k = sb; subject >= 0 && k < te; k++)
            if (dt_doc_entity_at(doc, k) == subject) {
                add_person(ev, subject);
                break;
            }
    }
    /* "Ishiba and Lee agreed ..., in their first summit": "their" is the
     * persons the sentence opens with */
    for (uint32_t k = start; k > sb && k + 3 > start; k--)
        if (dt_doc_tok_is(doc, k - 1, "their") && doc->tokinfo[k - 1].quote < 0) {
            opening_persons(doc, ev, sb, k - 1);
            break;
        }
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
    /* "Phumtham has led the government since the court suspended her over
     * a leaked phone call with Hun Sen": an event told in a subordinate
     * clause is about that clause's persons only */
    for (uint32_t o = t; o > cb; o--) {
        if (!subordinator_at(doc, o - 1))
            continue;
        uint32_t e = relative_end(doc, o - 1, ce);
        if (t < e) {
            cb = o;
            ce = e;
        }
        break;
    }
    /* "... was shelved after a phone call between Rubio and Lavrov": the
     * persons after another event told later in the clause, at another
     * time, are that event's ("in a White House ceremony hosted by Trump"
     * is the same event) */
    static const char *const sequence[] = {"after", "before", "following", "since", "then", "ahead", NULL};
    for (uint32_t k = te; k < ce; k++) {
        if (!doc->tokinfo[k].event_type || doc->tokinfo[k].quote >= 0)
            continue;
        for (uint32_t j = k; j > te && j + 4 > k; j--)
            if (dt_doc_tok_in(doc, j - 1, sequence)) {
                ce = k;
                break;
            }
        break;
    }
    uint32_t other_rel_end = 0; /* end of a relative clause the event is not in */
    for (uint32_t k = cb; k < ce; k++) {
        const dt_mention *m;
        if (relative_pronoun(doc, k)) {
            uint32_t re = relative_end(doc, k, ce);
            if (t < k || t >= re)
                other_rel_end = re;
        }
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
        if (doc->tokinfo[k].quote < 0 && dt_is_he_or_she(doc, k)) {
            dt_mention pm = {.tb = k, .te = k + 1};
            if (!stance_subject(doc, k + 1, ce, t) &&
                (!reporter(doc, &pm, ce) || speaks_at_event(doc, &pm, t, ce)))
                add_person(ev, dt_person_subject_before(doc, k));
            continue;
        }
        if (!dt_ev_person_mention_at(doc, k, &m) || dependent_person(doc, m, cb) ||
            (m->te <= start && stance_subject(doc, m->te, ce, t)))
            continue;
        /* a reporter is no participant unless speaking at the event, or
         * the event is told in between: "Zelensky, attending a summit, said" */
        uint32_t verb;
        if (reporter_at(doc, m, ce, &verb) && !speaks_at_event(doc, m, t, ce) && !(m->te <= t && t < verb))
            continue;
        /* "Trump's push for a meeting": the possessor of another noun is not
         * in the event; "Trump's Friday summit" is */
        if (m->te < ce && (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS) && !possessed_event(doc, m->te, t))
            continue;
        dt_ints_add(ev->participants, m->entity);
    }
}

/* "Araqchi told Iranian state TV after the talks": a mention that refers
 * back to an event still adds whoever speaks at it. */
void dt_ev_add_speakers_at(dt_doc *doc, dt_event *ev, uint32_t t, uint32_t cb, uint32_t ce)
{
    /* "Speaking at the summit, Sanchez said", "At the summit, Sanchez
     * said": the subject after the fronted phrase */
    static const char *const present[] = {"speaking", "talking", "addressing", "attending", "at", "during", NULL};
    uint32_t sb, se, comma;
    dt_doc_sentence_bounds(doc, t, &sb, &se);
    if (dt_doc_tok_in(doc, sb, present)) {
        int p = fronted_subject(doc, t, sb, se, &comma);
        if (p >= 0)
            dt_ints_add(ev->participants, p);
    }
    for (uint32_t k = cb; k < t; k++) {
        const dt_mention *m;
        /* '"...," she said before the vote' */
        if (doc->tokinfo[k].quote < 0 && dt_is_he_or_she(doc, k)) {
            dt_mention pm = {.tb = k, .te = k + 1};
            if (reporter(doc, &pm, ce) && speaks_at_event(doc, &pm, t, ce)) {
                int p = dt_person_subject_before(doc, k);
                if (p >= 0)
                    dt_ints_add(ev->participants, p);
            }
            continue;
        }
        if (!dt_ev_person_mention_at(doc, k, &m) || dependent_person(doc, m, cb))
            continue;
        uint32_t verb;
        if (reporter_at(doc, m, ce, &verb) && speaks_at_event(doc, m, t, ce))
            dt_ints_add(ev->participants, m->entity);
    }
}

static const char *const participation_cues[] = {
    "took part", "participants", "participated", "attended", "joined", "were present", "was present",
    "also present", "in attendance",
    "chaired", "co-chaired", "arrived for", "hosted", "opened the", "headed the", " led the",
    "sat in on", "represented by", " led by", " used the", "brokered by", "mediated by", "facilitated by",
    NULL};
G_STATIC_ASSERT(G_N_ELEMENTS(participation_cues) <= 33); /* a bit each in a guint32 */

/* The cues indexed by their first two bytes: bit k of by_pair[bucket] is
 * set when cue k starts with a pair of that bucket (a few pairs share
 * one; the full compare sorts them out).  Made once, under g_once, and
 * only read after. */
typedef struct {
    guint32 by_pair[1024];
} cue_index;

static guint pair_bucket(unsigned char c0, unsigned char c1)
{
    return ((c0 & 31u) << 5) | (c1 & 31u);
}

static const cue_index *participation_cue_index(void)
{
    static cue_index *index;
    if (g_once_init_enter(&index)) {
        cue_index *made = g_new0(cue_index, 1);
        for (guint k = 0; participation_cues[k]; k++) {
            const unsigned char *c = (const unsigned char *)participation_cues[k];
            made->by_pair[pair_bucket(c[0], c[1])] |= (guint32)1 << k;
        }
        g_once_init_leave(&index, made);
    }
    return index;
}

/* What g_ascii_tolower answers, inline: it is asked for every byte. */
static inline unsigned char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : (unsigned char)c;
}

/* Whether ASCII bytes [s, end), lowercased, hold cue `cue` at s. */
static gboolean ascii_cue_at(const char *s, const char *end, const char *cue)
{
    for (; *cue; s++, cue++)
        if (s == end || ascii_lower(*s) != (unsigned char)*cue)
            return FALSE;
    return TRUE;
}

/* Whether lowercasing bytes [p, end) (UTF-8) with g_utf8_strdown leaves
 * every ASCII byte where it is and makes no other: true unless they hold
 * U+0130 (to "i" and a combining dot) or U+212A KELVIN SIGN (to "k"), the
 * only characters past ASCII whose lowercase holds ASCII (detente keeps
 * the C locale: no Turkish dotless i).  Eight ASCII bytes at a step. */
static gboolean lowers_in_place(const char *p, const char *end)
{
    while (p < end) {
        if (end - p >= 8) {
            guint64 w;
            memcpy(&w, p, sizeof w);
            if (!(w & G_GUINT64_CONSTANT(0x8080808080808080))) {
                p += 8;
                continue;
            }
        }
        const unsigned char c = (unsigned char)*p;
        if (c == 0xC4 && end - p >= 2 && (unsigned char)p[1] == 0xB0)
            return FALSE;
        if (c == 0xE2 && end - p >= 3 && (unsigned char)p[1] == 0x84 && (unsigned char)p[2] == 0xAA)
            return FALSE;
        p++;
    }
    return TRUE;
}

/* What strstr of each cue in the lowercased text of tokens [b, e) would
 * say.  The text is the normalized bytes from the first token's start to
 * the last one's end; unless a character past ASCII lowercases to ASCII
 * (see lowers_in_place), the cues (all ASCII) match the lowercased text
 * where they match the text with its ASCII bytes lowercased, so it is
 * searched in place, each byte trying only the cues that start with it
 * and the byte after it (a byte past ASCII matches no cue byte), instead
 * of copying, lowercasing and scanning the text once per cue.  Other text
 * is lowercased as before. */
gboolean dt_ev_participation_cue(const dt_doc *doc, uint32_t b, uint32_t e)
{
    if (b >= e)
        return FALSE;
    const char *norm = doc->norm;
    const char *start = norm + dt_doc_tok(doc, b)->start, *end = norm + dt_doc_tok(doc, e - 1)->end;
    if (lowers_in_place(start, end)) {
        /* every cue is two bytes or more: none starts at the last byte */
        const cue_index *index = participation_cue_index();
        /* a pair's bucket keeps the low five bits of each byte, the same
         * for a capital and its lowercase: the bytes go in as they are */
        unsigned char c0 = (unsigned char)*start;
        for (const char *p = start; p + 1 < end; p++) {
            unsigned char c1 = (unsigned char)p[1];
            for (guint32 m = index->by_pair[pair_bucket(c0, c1)]; m; m &= m - 1)
                if (ascii_cue_at(p, end, participation_cues[__builtin_ctz(m)]))
                    return TRUE;
            c0 = c1;
        }
        return FALSE;
    }
    char *text = dt_text_tokens_string(doc->text, b, e);
    char *low = lower(text);
    gboolean cue = FALSE;
    for (int i = 0; participation_cues[i] && !cue; i++)
        cue = strstr(low, participation_cues[i]) != NULL;
    g_free(low);
    g_free(text);
    return cue;
}

/* The persons a follow-up sentence adds: to target's participants, or
 * (target NULL) none, only whether there is one. */
/* "the Board of Peace, chaired by Trump": the agent who heads a body
 * named right before, not someone at the event. */
static gboolean head_of_body(const dt_doc *doc, const dt_mention *m, uint32_t sb)
{
    static const char *const heading[] = {"chaired", "co-chaired", "led", "headed", NULL};
    if (m->tb < sb + 3 || !dt_doc_tok_is(doc, m->tb - 1, "by") || !dt_doc_tok_in(doc, m->tb - 2, heading))
        return FALSE;
    uint32_t b = m->tb - 2;
    if (dt_doc_tok_is(doc, b - 1, ","))
        b--;
    int e = b > sb ? dt_actor_at(doc, b - 1, NULL) : -1;
    return e >= 0 && dt_entity_kind_of(doc, e) == DT_ENT_ORG;
}

static gboolean follow_up_person(const dt_doc *doc, const dt_sentence *sen, dt_event *target)
{
    gboolean any = FALSE;
    for (uint32_t k = sen->tok_begin; k < sen->tok_end; k++) {
        const dt_mention *m;
        /* "with Lula's government as a main backer": an owner only */
        if (dt_ev_person_mention_at(doc, k, &m) && !dependent_person(doc, m, sen->tok_begin) &&
            !(m->te < sen->tok_end && (dt_doc_tok(doc, m->te)->flags & DT_TOK_POSS)) &&
            !head_of_body(doc, m, sen->tok_begin)) {
            if (target == NULL)
                return TRUE;
            dt_ints_add(target->participants, m->entity);
            any = TRUE;
        }
    }
    return any;
}

/* "Zelensky also took part.", "Other participants included ...": the
 * persons of a sentence that says so, and tells no event of its own, join
 * the event told last in the three sentences before. */
void dt_ev_follow_up_participants(dt_doc *doc)
{
    uint32_t ns = dt_text_nsentences(doc->text);
    /* whether each event is of another year: asked for every sentence, and
     * the loop below adds participants only, which it does not look at */
    gboolean *apart = g_new(gboolean, doc->events->len ? doc->events->len : 1);
    for (guint i = 0; i < doc->events->len; i++)
        apart[i] = dt_ev_years_apart(doc, g_ptr_array_index(doc->events, i), NULL);
    for (uint32_t s = 1; s < ns; s++) {
        const dt_sentence *sen = dt_text_sentence(doc->text, s);
        dt_event *target = NULL;
        gboolean own = FALSE; /* the sentence tells an event of its own */
        for (guint i = 0; i < doc->events->len; i++) {
            dt_event *ev = g_ptr_array_index(doc->events, i);
            own |= ev->first_sentence == s;
            /* the event the text is about: told in the last sentences and,
             * of those, told most often ("the session", "the meeting",
             * "the talks"), not a past one named in passing nor one of
             * another year ("the failed Istanbul negotiations in the spring
             * of 2022") */
            if (apart[i])
                continue;
            /* one told in the sentence right before comes first */
            gboolean near = ev->last_sentence + 1 == s, target_near = target && target->last_sentence + 1 == s;
            if (ev->first_sentence < s && ev->last_sentence + 3 >= s &&
                (target == NULL || (near && !target_near) ||
                 (near == target_near && (ev->spans->len > target->spans->len ||
                                          (ev->spans->len == target->spans->len &&
                                           ev->last_sentence >= target->last_sentence)))))
                target = ev;
        }
        /* "That meeting was brokered by ...": the event the sentence itself
         * tells again */
        for (guint i = 0; i < doc->events->len; i++) {
            dt_event *ev = g_ptr_array_index(doc->events, i);
            for (guint k = 0; k < ev->spans->len && ev->first_sentence < s; k += 2)
                if (dt_doc_tok(doc, g_array_index(ev->spans, uint32_t, k))->sentence == s)
                    target = ev;
        }
        /* the cue (a scan of the sentence's bytes) only where an event
         * could take it and the sentence has someone to add */
        if (target == NULL || own || !follow_up_person(doc, sen, NULL) ||
            !dt_ev_participation_cue(doc, sen->tok_begin, sen->tok_end))
            continue;
        follow_up_person(doc, sen, target);
    }
    g_free(apart);
}
