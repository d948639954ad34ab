/* Stage 2: mentions.  Marks quotations, matches the lexicon over the tokens
 * (longest match first), then finds names that no list holds: capitalized
 * runs judged by what stands around them (titles, honorifics, speech verbs,
 * prepositions, head words). */
#include "../dt_doc.h"

#include <string.h>

/* ---- quotations --------------------------------------------------------- */

/* A quotation between the marks at tokens open and close (close may be the
 * end of the paragraph when the quote is left open). */
static void add_quote(dt_doc *doc, uint32_t open, uint32_t close)
{
    dt_quote q = {0};
    q.open_tok = open;
    q.tb = open + 1;
    q.te = close;
    q.close_tok = close;
    q.speaker = q.venue = -1;
    g_array_append_val(doc->quotes, q);
}

/* Pairs opening and closing double quotes within a paragraph; a quote left
 * open runs to the end of its paragraph (news style for long quotes). */
static void find_quote_spans(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    int open = -1;
    for (uint32_t i = 0; i <= n; i++) {
        gboolean para_end = i == n || (dt_doc_tok(doc, i)->flags & DT_TOK_PARA);
        if (para_end && open >= 0 && i > (uint32_t)open + 1) {
            add_quote(doc, (uint32_t)open, i);
        }
        if (para_end)
            open = -1;
        if (i == n)
            break;
        uint32_t f = dt_doc_tok(doc, i)->flags;
        if ((f & DT_TOK_QOPEN) && open < 0) {
            open = (int)i;
        } else if ((f & (DT_TOK_QCLOSE | DT_TOK_QOPEN)) && open >= 0) {
            if (i > (uint32_t)open + 1) {
                add_quote(doc, (uint32_t)open, i);
            }
            open = (f & DT_TOK_QCLOSE) ? -1 : (int)i;
        }
    }
    for (guint k = 0; k < doc->quotes->len; k++) {
        const dt_quote *q = &g_array_index(doc->quotes, dt_quote, k);
        for (uint32_t i = q->open_tok; i < q->close_tok && i < n; i++)
            doc->tokinfo[i].quote = (int)k;
        if (q->close_tok < n)
            doc->tokinfo[q->close_tok].quote = (int)k;
    }
}

/* ---- headlines ---------------------------------------------------------- */

/* A line in title case without a final stop is a headline: its capitals
 * say nothing about names. */
static void mark_headlines(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    uint32_t b = 0;
    while (b < n) {
        uint32_t e = b + 1;
        while (e < n && !(dt_doc_tok(doc, e)->flags & DT_TOK_PARA))
            e++;
        unsigned words = 0, upper = 0;
        for (uint32_t i = b; i < e; i++) {
            const dt_token *t = dt_doc_tok(doc, i);
            if ((t->flags & DT_TOK_WORD) && !(t->flags & DT_TOK_DIGIT)) {
                words++;
                upper += (t->flags & DT_TOK_UPPER) ? 1 : 0;
            }
        }
        const char *last = dt_doc_tok(doc, e - 1)->fold;
        gboolean stop = dt_fold_eq(last, ".") || dt_fold_eq(last, "\"") || dt_fold_eq(last, "!") ||
                        dt_fold_eq(last, "?");
        if (!stop && words >= 2 && upper * 10 >= words * 6)
            for (uint32_t i = b; i < e; i++)
                doc->tokinfo[i].headline = TRUE;
        b = e;
    }
}

/* ---- credit lines --------------------------------------------------------- */

/* "(Reporting by Guy Faulconbridge; Editing by Alex Richardson)", "By Cara
 * Anna and Edith M. Lederer", "Associated Press writer Cara Anna in
 * Nairobi contributed to this report.", "(END)": the people and places of
 * a paragraph crediting the story are not in the news. */
static gboolean credit_paragraph(const dt_doc *doc, uint32_t b, uint32_t e)
{
    static const char *const roles[] = {"reporting", "writing", "editing", "compiled", "additional",
                                        "produced", "translated", "edited", "written", NULL};
    uint32_t f = b < e && dt_doc_tok_is(doc, b, "(") ? b + 1 : b;
    if (f < e && dt_doc_tok_is(doc, f, "end") && (f + 1 == e || (f + 2 == e && dt_doc_tok_is(doc, f + 1, ")"))))
        return TRUE;
    if (f < e && dt_doc_tok_in(doc, f, roles))
        for (uint32_t k = f + 1; k < e && k < f + 3; k++)
            if (dt_doc_tok_is(doc, k, "by"))
                return TRUE;
    /* a byline: "By" and a few names, no sentence */
    if (f == b && e - b <= 14 && dt_doc_tok_is(doc, b, "by") && (dt_doc_tok(doc, b)->flags & DT_TOK_UPPER) &&
        !dt_doc_tok_is(doc, e - 1, "."))
        return TRUE;
    /* a caption: "Photo: Leaders pose for a family photo. (Reuters/Evelyn
     * Hockstein)" */
    static const char *const captions[] = {"photo", "photograph", "picture", "image", "caption", "video",
                                           "file", NULL};
    if (f + 1 < e && (dt_doc_tok(doc, f)->flags & DT_TOK_UPPER) && dt_doc_tok_in(doc, f, captions) &&
        (dt_doc_tok_is(doc, f + 1, ":") || (f + 2 < e && dt_doc_tok_is(doc, f + 2, ":"))))
        return TRUE;
    for (uint32_t k = b; k + 2 < e; k++)
        if (dt_doc_tok_is(doc, k, "contributed") &&
            (dt_doc_tok_is(doc, k + 1, "reporting") ||
             (dt_doc_tok_is(doc, k + 1, "to") && k + 3 < e && dt_doc_tok_is(doc, k + 3, "report"))))
            return TRUE;
    return FALSE;
}

static void mark_credits(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t b = 0, e; b < n; b = e) {
        e = b + 1;
        while (e < n && !(dt_doc_tok(doc, e)->flags & DT_TOK_PARA))
            e++;
        if (credit_paragraph(doc, b, e))
            for (uint32_t i = b; i < e; i++)
                doc->tokinfo[i].credit = TRUE;
    }
    /* a photo credit inside a paragraph: "(Reuters/Evelyn Hockstein)",
     * "(AP Photo/Alex Brandon)" */
    for (uint32_t i = 0; i + 3 < n; i++) {
        if (!dt_doc_tok_is(doc, i, "(") || !(dt_doc_tok(doc, i + 1)->flags & DT_TOK_UPPER))
            continue;
        uint32_t k = i + 1;
        while (k < n && k < i + 5 && !dt_doc_tok_is(doc, k, "/") && !dt_doc_tok_is(doc, k, ")"))
            k++;
        if (k >= n || !dt_doc_tok_is(doc, k, "/"))
            continue;
        uint32_t c = k + 1;
        while (c < n && c < k + 6 && !dt_doc_tok_is(doc, c, ")") && (dt_doc_tok(doc, c)->flags & DT_TOK_UPPER))
            c++;
        if (c < n && dt_doc_tok_is(doc, c, ")") && c > k + 1)
            for (uint32_t t = i; t <= c; t++)
                doc->tokinfo[t].credit = TRUE;
    }
}

/* ---- lexicon matching ---------------------------------------------------- */

static gboolean is_entity_class(dt_lex_class c)
{
    return c == DT_LEX_COUNTRY || c == DT_LEX_CITY || c == DT_LEX_SEAT || c == DT_LEX_PLACE ||
           c == DT_LEX_ORG || c == DT_LEX_PERSON;
}

static gboolean sense_fits(const dt_doc *doc, const dt_sense *s, uint32_t tb, uint32_t te)
{
    if (s->kind == DT_SENSE_ABBREV) {
        char *written = dt_text_tokens_string(doc->text, tb, te);
        gboolean same = strcmp(written, s->form) == 0;
        g_free(written);
        return same;
    }
    if (s->needs_upper && !(dt_doc_tok(doc, tb)->flags & (DT_TOK_UPPER | DT_TOK_DIGIT)))
        return FALSE;
    return TRUE;
}

/* "to" and "from" are left out: "talks to Kyiv", "a letter from Moscow"
 * more often name governments than places. */
static const char *const locative_words[] = {
    "in", "at", "near", "outside", "inside", "across", "through", "into",
    "toward", "towards", "via", "around", "within", NULL};

/* Verbs of travel: "travelled to Asmara", "visited Beirut". */
static const char *const motion_verbs[] = {
    "travel", "travels", "travelled", "traveled", "travelling", "traveling", "flew", "fly",
    "flies", "went", "go", "goes", "arrived", "arrive", "arrives", "returned", "return",
    "returns", "headed", "heading", "head", "visit", "visits", "visited", "visiting",
    "toured", "moved", "leaving", "left", "leave", "leaves", "departed", "bound", NULL};

static gboolean is_motion(const char *fold)
{
    /* The verbs indexed by their first bytes (dt_word_set), made on first
     * use (g_once: extraction threads may get here together) and kept:
     * is_locative asks about up to five words a name mention, and a scan
     * of the 33 verbs cost as many compares each time. */
    static dt_word_set *verbs;
    if (g_once_init_enter(&verbs))
        g_once_init_leave(&verbs, dt_word_set_new(motion_verbs));
    return dt_word_set_has(verbs, fold);
}

static gboolean is_locative(const dt_doc *doc, uint32_t tb)
{
    uint32_t p = tb;
    if (p > 0 && dt_doc_tok_is(doc, p - 1, "the"))
        p--;
    if (p == 0)
        return FALSE;
    const char *prev = dt_doc_tok(doc, p - 1)->fold;
    /* the locative words as a set, made once, like is_motion's verbs */
    static dt_word_set *locatives;
    if (g_once_init_enter(&locatives))
        g_once_init_leave(&locatives, dt_word_set_new(locative_words));
    if (dt_word_set_has(locatives, prev))
        return TRUE;
    if (is_motion(prev))
        return TRUE;
    /* "invite both leaders back to Brussels" */
    if ((dt_fold_eq(prev, "to") || dt_fold_eq(prev, "in")) && p >= 2 && dt_doc_tok_is(doc, p - 2, "back"))
        return TRUE;
    /* "travelled to Asmara", "flew from Doha to Riyadh", "leaving for Tokyo" */
    if ((dt_fold_eq(prev, "to") || dt_fold_eq(prev, "from") || dt_fold_eq(prev, "for")) && p >= 2) {
        for (uint32_t k = p - 1; k > 0 && k + 4 > p; k--)
            if (is_motion(dt_doc_tok(doc, k - 1)->fold))
                return TRUE;
    }
    /* "the border town of Naqoura", "the city of Ohrid", "a state called
     * Guayana Esequiba" */
    if ((dt_fold_eq(prev, "of") || dt_fold_eq(prev, "called") || dt_fold_eq(prev, "named")) && p >= 2) {
        static const char *const settlements[] = {"town", "city", "village", "port", "province", "region",
                                                  "district", "island", "capital", "enclave", "state",
                                                  "territory", NULL};
        const char *noun = dt_doc_tok(doc, p - 2)->fold;
        for (int i = 0; settlements[i]; i++)
            if (dt_fold_eq(noun, settlements[i]))
                return TRUE;
    }
    return FALSE;
}

/* A dateline: a place at the start of a paragraph followed by a dash or
 * parenthesis ("LONDON -", "NEW DELHI (Agency) -"). */
static gboolean is_dateline(const dt_doc *doc, uint32_t tb, uint32_t te)
{
    uint32_t n = dt_doc_ntok(doc);
    if (te >= n)
        return FALSE;
    /* "MOSCOW/KYIV, Oct 2 (Reuters) -": several cities in capitals */
    gboolean caps = (dt_doc_tok(doc, tb)->flags & DT_TOK_ALLCAPS) != 0;
    if (caps && te + 1 < n && dt_doc_tok_is(doc, te, "/") && (dt_doc_tok(doc, te + 1)->flags & DT_TOK_ALLCAPS))
        te = te + 2 < n && dt_doc_tok_is(doc, te + 2, ",") ? te + 2 : te;
    while (caps && tb >= 2 && dt_doc_tok_is(doc, tb - 1, "/") && (dt_doc_tok(doc, tb - 2)->flags & DT_TOK_ALLCAPS)) {
        int mi = doc->tokinfo[tb - 2].mention; /* "NEW DELHI/ISLAMABAD" */
        tb = mi >= 0 ? g_array_index(doc->mentions, dt_mention, mi).tb : tb - 2;
    }
    if (!(dt_doc_tok(doc, tb)->flags & DT_TOK_PARA))
        return FALSE;
    if (dt_doc_tok_is(doc, te, "-") || dt_doc_tok_is(doc, te, "("))
        return TRUE;
    /* "KYIV, May 16 -": a comma only after a name in capitals */
    return dt_doc_tok_is(doc, te, ",") && (dt_doc_tok(doc, tb)->flags & DT_TOK_ALLCAPS);
}

static int add_mention(dt_doc *doc, uint32_t tb, uint32_t te, dt_mention_kind kind,
                       const dt_lex_entry *lex, dt_entity_kind guess)
{
    dt_mention m = {0};
    m.tb = tb;
    m.te = te;
    m.kind = kind;
    m.entity = -1;
    m.lex = lex;
    m.guess = guess;
    m.in_quote = doc->tokinfo[tb].quote >= 0;
    gboolean possessive = te < dt_doc_ntok(doc) && (dt_doc_tok(doc, te)->flags & DT_TOK_POSS);
    m.locative = !possessive && (is_locative(doc, tb) || is_dateline(doc, tb, te));
    g_array_append_val(doc->mentions, m);
    int idx = (int)doc->mentions->len - 1;
    for (uint32_t i = tb; i < te; i++)
        doc->tokinfo[i].mention = idx;
    return idx;
}

static dt_entity_kind kind_of_class(dt_lex_class c)
{
    switch (c) {
    case DT_LEX_PERSON: return DT_ENT_PERSON;
    case DT_LEX_COUNTRY: return DT_ENT_COUNTRY;
    case DT_LEX_ORG: return DT_ENT_ORG;
    default: return DT_ENT_PLACE;
    }
}

/* Ranks entity senses when one surface form has several. */
static int sense_rank(const dt_sense *s)
{
    static const int rank[DT_LEX_NCLASSES] = {
        [DT_LEX_PERSON] = 6, [DT_LEX_ORG] = 5, [DT_LEX_COUNTRY] = 4,
        [DT_LEX_CITY] = 3, [DT_LEX_SEAT] = 3, [DT_LEX_PLACE] = 2};
    return rank[s->entry->cls] * 4 + (s->kind == DT_SENSE_NAME ? 2 : 0) +
           (s->kind == DT_SENSE_ABBREV ? 1 : 0);
}

/* "Hun Sen", "Lee Jae-myung": a short title word right after a
 * capitalized word is part of a name, not "Sen."; so is one that ends its
 * sentence ("a phone call with Hun Sen.").  "Sen." before a name is the
 * title. */
static gboolean inside_name(const dt_doc *doc, uint32_t i)
{
    const dt_token *tok = dt_doc_tok(doc, i);
    uint32_t n = dt_doc_ntok(doc);
    if (i == 0 || strlen(tok->fold) > 4)
        return FALSE;
    if (i + 1 < n && dt_doc_tok_is(doc, i + 1, ".") && i + 2 < n && dt_doc_tok(doc, i + 2)->sentence == tok->sentence &&
        (dt_doc_tok(doc, i + 2)->flags & DT_TOK_UPPER))
        return FALSE;
    const dt_token *prev = dt_doc_tok(doc, i - 1);
    return (prev->flags & DT_TOK_UPPER) && (prev->flags & DT_TOK_WORD) && prev->sentence == tok->sentence &&
           !doc->tokinfo[i - 1].in_office;
}

static void mark_trigger(dt_doc *doc, uint32_t i, uint32_t end, const dt_sense *s)
{
    dt_tokinfo *ti = &doc->tokinfo[i];
    const dt_lex_entry *e = s->entry;
#define SET(field, endfield) \
    if (ti->field == NULL) { ti->field = e; ti->endfield = end; }
    switch (e->cls) {
    case DT_LEX_EVENT_TYPE:
        if (s->kind == DT_SENSE_VERB) {
            SET(event_verb, event_verb_end)
        } else {
            SET(event_type, event_end)
        }
        break;
    case DT_LEX_PROPOSAL_KIND: SET(proposal, proposal_end) break;
    case DT_LEX_POLARITY:
        /* "settle such questions", "these doubts": a noun, no stance taken */
        if (i > 0 && (dt_doc_tok_is(doc, i - 1, "such") || dt_doc_tok_is(doc, i - 1, "these") ||
                      dt_doc_tok_is(doc, i - 1, "those")))
            break;
        SET(polarity, polarity_end) break;
    case DT_LEX_REPORTING_VERB: SET(reporting, reporting_end) break;
    case DT_LEX_EVIDENTIAL: SET(evidential, evidential_end) break;
    case DT_LEX_QUALIFIER: if (end == i + 1 && !ti->qualifier) ti->qualifier = e; break;
    /* "Senior General Min Aung Hlaing", "General Burhan": capitalized
     * ("senior officials", "the general said" are no honorifics) */
    case DT_LEX_HONORIFIC:
        if (end == i + 1 && (dt_doc_tok(doc, i)->flags & DT_TOK_UPPER) && !inside_name(doc, i))
            ti->honorific = TRUE;
        break;
    case DT_LEX_NAME_HEAD: if (end == i + 1) ti->name_head = TRUE; break;
    case DT_LEX_ORG_HEAD: if (end == i + 1) ti->org_head = TRUE; break;
    case DT_LEX_PLACE_HEAD: if (end == i + 1) ti->place_head = TRUE; break;
    case DT_LEX_FUNCTION_WORD: if (end == i + 1) ti->function_word = TRUE; break;
    case DT_LEX_VOICE: ti->voice = TRUE; break;
    case DT_LEX_PORTFOLIO: if (end == i + 1) ti->portfolio = TRUE; break;
    case DT_LEX_INSTITUTION: if (ti->institution_end == 0) ti->institution_end = end; break;
    case DT_LEX_OFFICE:
        /* "a call with Hun Sen.": not the abbreviation "Sen." */
        if (s->kind == DT_SENSE_ABBREV && inside_name(doc, i))
            break;
        if (ti->office < 0) {
            dt_match m = {i, end, s};
            g_array_append_val(doc->matches, m);
            ti->office = (int)doc->matches->len - 1;
            ti->office_end = end;
        }
        break;
    default: break;
    }
#undef SET
}

/* A capitalised word right before i, in its sentence, that is in no name,
 * title or other match yet: room for a name's first word. */
static gboolean free_capital_before(const dt_doc *doc, uint32_t i)
{
    const dt_token *p = dt_doc_tok(doc, i - 1);
    const dt_tokinfo *pi = &doc->tokinfo[i - 1];
    return p->sentence == dt_doc_tok(doc, i)->sentence && (p->flags & DT_TOK_WORD) && (p->flags & DT_TOK_UPPER) &&
           !(p->flags & (DT_TOK_POSS | DT_TOK_ALLCAPS)) && pi->mention < 0 && pi->office < 0 && !pi->function_word &&
           !pi->honorific && !pi->qualifier && !pi->reporting;
}

/* ... one that starts no lexicon key ("Melania" before "Trump") */
static gboolean first_name_before(const dt_doc *doc, uint32_t i)
{
    return free_capital_before(doc, i) && !dt_lexicon_is_first_token(doc->lex, dt_doc_tok(doc, i - 1)->fold);
}

/* A title (or an honorific) ends right before i and an unlisted
 * capitalised word follows it: i is a person's given name even when it
 * names a place ("leader Jordan Bardella", "President Santiago Peña"). */
static gboolean titled_given_name(const dt_doc *doc, uint32_t i, uint32_t se)
{
    if (i == 0 || i + 1 >= se)
        return FALSE;
    const dt_token *n = dt_doc_tok(doc, i + 1);
    if (!(n->flags & DT_TOK_WORD) || !(n->flags & DT_TOK_UPPER) || (n->flags & (DT_TOK_POSS | DT_TOK_ALLCAPS)) ||
        dt_lexicon_is_first_token(doc->lex, n->fold))
        return FALSE;
    if (doc->tokinfo[i - 1].honorific)
        return TRUE;
    for (uint32_t k = i; k > 0 && k + 4 > i; k--)
        if (doc->tokinfo[k - 1].office >= 0 && doc->tokinfo[k - 1].office_end == i)
            return TRUE;
    return FALSE;
}

/* ... one that is a given name ("María Ángela" before "Holguín") */
static gboolean given_name_before(const dt_doc *doc, uint32_t i)
{
    return free_capital_before(doc, i) && dt_lexicon_is_given_name(doc->lex, dt_doc_tok(doc, i - 1)->fold);
}

/* "information minister", "Labour Minister", "deputy foreign minister":
 * a portfolio word before a bare Minister/Secretary is part of the title. */
static void extend_portfolio_titles(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t i = 1; i < n; i++) {
        dt_tokinfo *ti = &doc->tokinfo[i];
        if (ti->office < 0)
            continue;
        /* the title's last word: "Foreign Minister", "minister" */
        const char *f = dt_doc_tok(doc, ti->office_end - 1)->fold;
        static const char *const heads[] = {"minister", "secretary", "speaker", "spokesman",
                                            "spokeswoman", "spokesperson", "commander", "chief",
                                            "ambassador", "envoy", "adviser", "advisor", "undersecretary", NULL};
        gboolean head = FALSE;
        for (int h = 0; heads[h] && !head; h++)
            head = dt_fold_eq(f, heads[h]);
        if (!head)
            continue;
        uint32_t b = i;
        while (b > 0 && i - b < 3) {
            const dt_token *p = dt_doc_tok(doc, b - 1);
            const dt_tokinfo *pi = &doc->tokinfo[b - 1];
            /* portfolio words: "information", "army", "Parliament" */
            gboolean portfolio = pi->portfolio && pi->office < 0 && pi->mention < 0 &&
                                 p->sentence == dt_doc_tok(doc, i)->sentence;
            if (!portfolio)
                break;
            b--;
        }
        if (b == i)
            continue;
        doc->tokinfo[b].office = ti->office;
        doc->tokinfo[b].office_end = ti->office_end;
        ti->office = -1;
    }
}

static void match_lexicon(dt_doc *doc)
{
    const dt_lexicon *lex = doc->lex;
    uint32_t n = dt_doc_ntok(doc);
    unsigned maxn = dt_lexicon_max_tokens(lex);
    dt_lexicon_memo *memo = dt_lexicon_memo_of(lex);
    for (uint32_t i = 0; i < n; i++) {
        const dt_token *t = dt_doc_tok(doc, i);
        if (doc->tokinfo[i].credit)
            continue;
        gboolean prefix, longer;
        /* keys are matched as the tokens' folds and a hash grown token by
         * token: no key string is joined, and each token hashed once */
        const char *parts[64];
        parts[0] = t->fold;
        uint32_t h;
        const GPtrArray *hit = dt_lexicon_match_token(memo, t->fold, t->end - t->start, &h, &prefix, &longer);
        dt_tokinfo *ki = &doc->tokinfo[i];
        ki->key_known = TRUE;
        ki->key_prefix = prefix;
        ki->key_hash = h;
        ki->key_senses = hit;
        if (!prefix)
            continue;
        uint32_t sb, se;
        dt_doc_sentence_bounds(doc, i, &sb, &se);
        uint32_t limit = MIN(se - i, maxn);
        gboolean entity_found = doc->tokinfo[i].mention >= 0;
        /* walk forward while the tokens still start some key, noting the
         * lengths that are keys; then take them longest first (one look-up
         * per length answers both).  Most runs that start keys are keys no
         * key goes on from ("in", "said"): they stop without a look-up. */
        const GPtrArray *found[64];
        uint32_t nfound = 0, lens[64];
        for (uint32_t len = 1; len <= limit && len <= 64; len++) {
            if (len > 1) {
                if (!longer)
                    break;
                parts[len - 1] = dt_doc_tok(doc, i + len - 1)->fold;
                h = dt_lexicon_hash_next(h, parts[len - 1]);
                hit = dt_lexicon_match_run(lex, parts, len, h, &prefix, &longer);
                if (!prefix)
                    break;
            }
            if (hit) {
                found[nfound] = hit;
                lens[nfound++] = len;
            }
        }
        for (uint32_t f = nfound; f > 0; f--) {
            uint32_t len = lens[f - 1];
            const GPtrArray *senses = found[f - 1];
            const dt_sense *best = NULL;
            for (guint k = 0; k < senses->len; k++) {
                const dt_sense *s = g_ptr_array_index(senses, k);
                if (!sense_fits(doc, s, i, i + len))
                    continue;
                if (is_entity_class(s->entry->cls)) {
                    if (!entity_found && (best == NULL || sense_rank(s) > sense_rank(best)))
                        best = s;
                } else {
                    mark_trigger(doc, i, i + len, s);
                }
            }
            if (best == NULL)
                continue;
            /* "Middle East coordinator": the longer office title wins */
            if (doc->tokinfo[i].office >= 0 && doc->tokinfo[i].office_end > i + len)
                continue;
            /* "Melania Trump": a listed surname after an unlisted first name
             * belongs to another person; the name finder takes the whole */
            if (best->entry->cls == DT_LEX_PERSON && len == 1 && i > 0 && first_name_before(doc, i))
                continue;
            /* "María Ángela Holguín": nor is a town's name right after a
             * given name, it is a surname */
            if ((best->entry->cls == DT_LEX_CITY || best->entry->cls == DT_LEX_PLACE) && len == 1 && i > 0 &&
                given_name_before(doc, i))
                continue;
            /* "far-right leader Jordan Bardella", "President Santiago Peña":
             * a place's name between a title and an unlisted capitalised
             * word is a given name */
            if ((best->entry->cls == DT_LEX_COUNTRY || best->entry->cls == DT_LEX_CITY ||
                 best->entry->cls == DT_LEX_PLACE) &&
                best->kind == DT_SENSE_NAME && len == 1 && titled_given_name(doc, i, se))
                continue;
            entity_found = TRUE;
            const dt_lex_entry *e = best->entry;
            /* "the Qatari capital": the country's capital city */
            if (best->kind == DT_SENSE_DEMONYM && e->cls == DT_LEX_COUNTRY && e->capital &&
                i + len < se && dt_doc_tok_is(doc, i + len, "capital")) {
                add_mention(doc, i, i + len + 1, DT_MEN_NAME, e->capital, DT_ENT_PLACE);
                continue;
            }
            dt_mention_kind kind = best->kind == DT_SENSE_DEMONYM     ? DT_MEN_DEMONYM
                                   : best->kind == DT_SENSE_REFERENCE ? DT_MEN_REFERENCE
                                                                      : DT_MEN_NAME;
            add_mention(doc, i, i + len, kind, e, kind_of_class(e->cls));
        }
    }
    extend_portfolio_titles(doc);
    for (uint32_t i = 0; i < n; i++)
        if (doc->tokinfo[i].office >= 0)
            for (uint32_t k = i; k < doc->tokinfo[i].office_end; k++)
                doc->tokinfo[k].in_office = TRUE;
}

/* ---- unlisted names ------------------------------------------------------ */

static const char *const particles[] = {
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin",
    "bint", "ibn", "al", "el", "abu", "ben", "ter", "ten", "dos", "das", NULL};

static gboolean is_particle(const char *fold)
{
    for (int i = 0; particles[i]; i++)
        if (dt_fold_eq(fold, particles[i]))
            return TRUE;
    return FALSE;
}

/* Whether some particle starts with byte c (kept in step with particles:
 * the first letters of the list). */
static gboolean particle_initial(char c)
{
    switch (c) {
    case 'a': case 'b': case 'd': case 'e': case 'i': case 'l': case 't': case 'v':
        return TRUE;
    default:
        return FALSE;
    }
}

/* "al-Rishq", "el-Sisi", "bin-Zayed": a lowercase particle joined to a name */
static gboolean particle_prefixed(const dt_doc *doc, const dt_token *t)
{
    /* asked of every lowercase word: a particle (two to five bytes, see
     * particles) starts the token and a dash follows it within its first
     * six bytes, or the first dash comes too late for one */
    const size_t len = t->end - t->start;
    const char *text = doc->norm + t->start;
    if (len < 4 || !particle_initial(text[0]))
        return FALSE;
    const char *dash = memchr(text, '-', MIN(len, (size_t)6));
    if (dash == NULL || dash + 1 >= text + len)
        return FALSE;
    char *prefix = g_strndup(text, dash - text);
    gboolean ok = is_particle(prefix) && g_unichar_isupper(g_utf8_get_char(dash + 1));
    g_free(prefix);
    return ok;
}

/* "Belgrade-Pristina", "Israel-Hamas": a hyphenated pair of listed names */
static gboolean compound_of_names(const dt_doc *doc, const dt_token *t)
{
    if (strchr(t->fold, '-') == NULL)
        return FALSE;
    char **parts = g_strsplit(t->fold, "-", -1);
    gboolean all = g_strv_length(parts) >= 2;
    for (char **p = parts; *p && all; p++) {
        const GPtrArray *senses = dt_lexicon_lookup(doc->lex, *p);
        gboolean entity = FALSE;
        for (guint k = 0; senses && k < senses->len && !entity; k++) {
            dt_lex_class c = ((const dt_sense *)g_ptr_array_index(senses, k))->entry->cls;
            entity = c == DT_LEX_COUNTRY || c == DT_LEX_CITY || c == DT_LEX_PERSON ||
                     c == DT_LEX_ORG || c == DT_LEX_PLACE || c == DT_LEX_SEAT;
        }
        all = entity;
    }
    g_strfreev(parts);
    return all;
}

/* "Malaysia-brokered", "Iran-backed": a name turned adjective */
static gboolean lowercase_tail(const dt_doc *doc, const dt_token *t)
{
    const char *text = doc->norm + t->start;
    const char *end = doc->norm + t->end;
    const char *dash = NULL;
    for (const char *p = text; p < end; p++)
        if (*p == '-')
            dash = p;
    if (dash == NULL || dash + 1 >= end)
        return FALSE;
    gunichar c = g_utf8_get_char(dash + 1);
    if (!(g_unichar_islower(c) && g_unichar_isupper(g_utf8_get_char(text))))
        return FALSE;
    /* a participle or adjective ("-backed", "-led", "-style"); not the
     * second syllable of a given name ("Lin Chia-lung", "Lee Jae-myung") */
    static const char *const tails[] = {"led", "run", "born", "style", "era", "like", "wide", "made",
                                        "friendly", "speaking", "owned", "based", "bound", NULL};
    char *tail = g_strndup(dash + 1, (gsize)(end - dash - 1));
    gboolean adjective = g_str_has_suffix(tail, "ed");
    for (int i = 0; tails[i] && !adjective; i++)
        adjective = !strcmp(tail, tails[i]);
    g_free(tail);
    return adjective;
}

/* name_token in full.  Out of line: most tokens are settled by
 * name_token's first tests, which then pay for no saved registers. */
static G_GNUC_NO_INLINE gboolean name_token_full(const dt_doc *doc, uint32_t i)
{
    const dt_token *t = dt_doc_tok(doc, i);
    const dt_tokinfo *ti = &doc->tokinfo[i];
    if (!(t->flags & DT_TOK_WORD) || (t->flags & DT_TOK_POSS) || ti->mention >= 0)
        return FALSE;
    if (!(t->flags & DT_TOK_UPPER) && !particle_prefixed(doc, t))
        return FALSE;
    if (compound_of_names(doc, t) || lowercase_tail(doc, t))
        return FALSE;
    /* "Chinese Vice Premier He Lifeng": a function word right after a
     * title and before another capitalised word is a surname */
    if (ti->function_word && i > 0 && (doc->tokinfo[i - 1].in_office || doc->tokinfo[i - 1].office >= 0) &&
        i + 1 < dt_doc_ntok(doc) && !(t->flags & DT_TOK_ALLCAPS)) {
        const dt_token *next = dt_doc_tok(doc, i + 1);
        const dt_tokinfo *ni = &doc->tokinfo[i + 1];
        if ((next->flags & DT_TOK_WORD) && (next->flags & DT_TOK_UPPER) && !ni->function_word && !ni->reporting &&
            !(dt_doc_tok(doc, i)->flags & DT_TOK_PARA) && !(next->flags & DT_TOK_PARA) && dt_doc_tok(doc, i + 1)->sentence == t->sentence)
            return !(ti->office >= 0 || ti->in_office || ti->qualifier || ti->reporting || ti->evidential ||
                     ti->honorific);
    }
    if (ti->function_word || ti->office >= 0 || ti->in_office || ti->qualifier || ti->reporting ||
        ti->evidential || ti->honorific)
        return FALSE;
    return TRUE;
}

/* Whether token i can be part of an unlisted name.  Asked of every
 * token: a lowercase word needs a particle's first letter before
 * particle_prefixed is asked (a token's fold starts with the byte its
 * text starts with when that is a lowercase ASCII letter). */
static inline gboolean name_token(const dt_doc *doc, uint32_t i)
{
    const dt_token *t = dt_doc_tok(doc, i);
    if (!(t->flags & DT_TOK_WORD) || (t->flags & DT_TOK_POSS) || doc->tokinfo[i].mention >= 0)
        return FALSE;
    if (!(t->flags & DT_TOK_UPPER) && !particle_initial(t->fold[0]))
        return FALSE;
    return name_token_full(doc, i);
}

static gboolean followed_by_speech(const dt_doc *doc, uint32_t te)
{
    uint32_t n = dt_doc_ntok(doc);
    uint32_t i = te;
    if (i < n && dt_doc_tok(doc, i)->flags & DT_TOK_POSS)
        return FALSE;
    if (i < n && dt_doc_tok_is(doc, i, ",")) {
        /* "X, a Hamas official, said": the verb after the apposition */
        uint32_t sb, se;
        dt_doc_sentence_bounds(doc, i, &sb, &se);
        uint32_t k = i + 1;
        while (k < se && k < i + 12 && !dt_doc_tok_is(doc, k, ","))
            k++;
        if (k >= se || k >= i + 12 || k + 1 >= n)
            return FALSE;
        return doc->tokinfo[k + 1].reporting != NULL;
    }
    for (uint32_t k = i; k < n && k < i + 3; k++)
        if (doc->tokinfo[k].reporting)
            return TRUE;
    return FALSE;
}

static gboolean preceded_by_speech(const dt_doc *doc, uint32_t tb)
{
    if (tb == 0 || doc->tokinfo[tb - 1].reporting == NULL)
        return FALSE;
    /* "a state called Guayana Esequiba", "a group named ...": a verb of
     * naming after a common noun names a thing, not a speaker's addressee */
    if (tb >= 2 && (dt_doc_tok_is(doc, tb - 1, "called") || dt_doc_tok_is(doc, tb - 1, "named"))) {
        const dt_token *before = dt_doc_tok(doc, tb - 2);
        if ((before->flags & DT_TOK_WORD) && !(before->flags & DT_TOK_UPPER) &&
            !dt_doc_tok_is(doc, tb - 2, "he") && !dt_doc_tok_is(doc, tb - 2, "she"))
            return FALSE;
    }
    return TRUE;
}

/* "Name, the British prime minister" / "Name, Canada's prime minister" /
 * "Name, president of ..." */
static gboolean apposition_office(const dt_doc *doc, uint32_t te)
{
    uint32_t n = dt_doc_ntok(doc);
    if (te >= n || !dt_doc_tok_is(doc, te, ","))
        return FALSE;
    /* "in Mekelle, forcing out Tigray's former leader": a participle
     * clause, not an apposition */
    if (te + 1 < n) {
        const dt_token *w = dt_doc_tok(doc, te + 1);
        if ((w->flags & DT_TOK_WORD) && !(w->flags & DT_TOK_UPPER) &&
            (g_str_has_suffix(w->fold, "ing") || g_str_has_suffix(w->fold, "ed")))
            return FALSE;
    }
    /* "with Ukraine and Europe, not over their heads": a negation or a
     * preposition opens no apposition before its title */
    static const char *const breaks[] = {"not", "over", "under", "with", "without", "into", "from", "at", "on",
                                         "in", "and", "but", NULL};
    for (uint32_t k = te + 1; k < n && k < te + 8; k++) {
        if (doc->tokinfo[k].office >= 0) {
            /* "In the House, Speaker Mike Johnson said": the title of the
             * name after it, no apposition */
            uint32_t j = doc->tokinfo[k].office_end;
            while (j < n && j < k + 8 && (dt_doc_tok(doc, j)->flags & DT_TOK_WORD) &&
                   (dt_doc_tok(doc, j)->flags & DT_TOK_UPPER) && !(dt_doc_tok(doc, j)->flags & DT_TOK_POSS) &&
                   !doc->tokinfo[j].function_word)
                j++;
            if (j == doc->tokinfo[k].office_end)
                return TRUE;
            /* ("X, President Donald Trump's envoy": on past the possessor) */
            if (j < n && (dt_doc_tok(doc, j)->flags & DT_TOK_POSS)) {
                k = j;
                continue;
            }
            return FALSE;
        }
        if (dt_doc_tok_is(doc, k, ",") || dt_doc_tok_is(doc, k, ".") || dt_doc_tok_in(doc, k, breaks))
            return FALSE;
    }
    return FALSE;
}

static gboolean preceded_by_title(const dt_doc *doc, uint32_t tb)
{
    if (tb == 0)
        return FALSE;
    /* "Eritrea's information minister, Yemane Gebremeskel" */
    if (tb >= 2 && dt_doc_tok_is(doc, tb - 1, ",") && doc->tokinfo[tb - 2].in_office)
        return TRUE;
    /* "The Speaker of the Knesset, Amir Ohana", "the foreign minister of
     * Qatar, Mohammed ...": a title of a named body before the comma */
    if (tb >= 4 && dt_doc_tok_is(doc, tb - 1, ",")) {
        uint32_t k = tb - 1;
        while (k > 0 && k + 6 > tb && (dt_doc_tok(doc, k - 1)->flags & DT_TOK_UPPER))
            k--;
        if (k < tb - 1 && k > 0 && dt_doc_tok_is(doc, k - 1, "the"))
            k--;
        if (k < tb - 1 && k >= 2 && dt_doc_tok_is(doc, k - 1, "of") && doc->tokinfo[k - 2].in_office)
            return TRUE;
    }
    for (uint32_t k = tb; k > 0 && k + 4 > tb; k--) {
        const dt_tokinfo *ti = &doc->tokinfo[k - 1];
        if (ti->office >= 0 && ti->office_end == tb)
            return TRUE;
        if (ti->honorific && k == tb)
            return TRUE;
    }
    return FALSE;
}

/* "at his official residence, Seri Perdana.": a name set off after a
 * lowercase place word names that place. */
static gboolean place_apposition(const dt_doc *doc, uint32_t tb, uint32_t te)
{
    if (tb < 2 || !dt_doc_tok_is(doc, tb - 1, ",") || !doc->tokinfo[tb - 2].place_head ||
        (dt_doc_tok(doc, tb - 2)->flags & DT_TOK_UPPER))
        return FALSE;
    return te >= dt_doc_ntok(doc) || dt_doc_tok_is(doc, te, ",") || dt_doc_tok_is(doc, te, ".") ||
           dt_doc_tok_is(doc, te, ";");
}

/* "in Busaidi's presence": after "in", a name owning a common noun is
 * not where something is ("in Istanbul's old town" is: a place word). */
static gboolean possessor_of_thing(const dt_doc *doc, uint32_t te)
{
    uint32_t n = dt_doc_ntok(doc);
    if (te + 1 >= n || !(dt_doc_tok(doc, te)->flags & DT_TOK_POSS))
        return FALSE;
    const dt_token *noun = dt_doc_tok(doc, te + 1);
    return (noun->flags & DT_TOK_WORD) && !(noun->flags & DT_TOK_UPPER) && !doc->tokinfo[te + 1].place_head &&
           !doc->tokinfo[te + 1].function_word;
}

/* "France's Emmanuel Macron", "Armenia's Ararat Mirzoyan" */
static gboolean after_country_possessive(const dt_doc *doc, uint32_t tb)
{
    if (tb < 2 || !(dt_doc_tok(doc, tb - 1)->flags & DT_TOK_POSS))
        return FALSE;
    int mi = doc->tokinfo[tb - 2].mention;
    if (mi < 0)
        return FALSE;
    const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    return m->lex && (m->lex->cls == DT_LEX_COUNTRY || m->lex->cls == DT_LEX_ORG);
}

/* "brings in the Europeans", "among the Russians": the plural of a
 * demonym names people, not a place. */
static gboolean plural_demonym(const dt_doc *doc, const char *fold)
{
    size_t n = strlen(fold);
    if (n < 4 || fold[n - 1] != 's')
        return FALSE;
    /* "Europeans", "Africans": unlisted names of peoples end so, places
     * rarely ("the Balkans" is listed) */
    if (g_str_has_suffix(fold, "ans"))
        return TRUE;
    char *singular = g_strndup(fold, n - 1);
    const GPtrArray *senses = dt_lexicon_lookup(doc->lex, singular);
    gboolean found = FALSE;
    for (guint i = 0; senses && i < senses->len && !found; i++)
        found = ((const dt_sense *)g_ptr_array_index(senses, i))->kind == DT_SENSE_DEMONYM;
    g_free(singular);
    return found;
}

static void classify_run(dt_doc *doc, uint32_t tb, uint32_t te)
{
    /* "Huis ten Bosch palace", "Taoyuan airport": a lowercase place word
     * after the name belongs to it; "the Essequibo region", "Surin
     * province" say what kind of area the name is, and the name is it */
    if (te < dt_doc_ntok(doc) && doc->tokinfo[te].place_head && doc->tokinfo[te].mention < 0 &&
        !(dt_doc_tok(doc, te)->flags & DT_TOK_UPPER) && dt_doc_tok(doc, te)->sentence == dt_doc_tok(doc, tb)->sentence) {
        static const char *const areas[] = {"region", "province", "district", "county", "oblast", "state",
                                            "territory", NULL};
        add_mention(doc, tb, dt_doc_tok_in(doc, te, areas) ? te : te + 1, DT_MEN_NAME, NULL, DT_ENT_PLACE);
        return;
    }
    uint32_t len = te - tb;
    const dt_tokinfo *last = &doc->tokinfo[te - 1];
    const dt_token *first = dt_doc_tok(doc, tb);
    if (last->name_head)
        return;
    /* "Ministry of Commerce", "Bank of England": a head word before "of" */
    gboolean head_of = FALSE;
    for (uint32_t k = tb; k + 1 < te && !head_of; k++)
        head_of = doc->tokinfo[k].org_head && (dt_doc_tok_is(doc, k + 1, "of") || dt_doc_tok_is(doc, k + 1, "for"));
    if (last->org_head || head_of) {
        /* "the Tigray Defence Forces", "the Gaza Health Ministry": a place
         * written right before is part of the name (it stays a mention of
         * the place too) */
        uint32_t ob = tb;
        int pm = tb > 0 ? doc->tokinfo[tb - 1].mention : -1;
        if (pm >= 0) {
            const dt_mention *p = &g_array_index(doc->mentions, dt_mention, pm);
            dt_entity_kind k = p->lex ? kind_of_class(p->lex->cls) : DT_ENT_ORG;
            if (p->te == tb && p->kind == DT_MEN_NAME && (k == DT_ENT_PLACE || k == DT_ENT_COUNTRY) &&
                dt_doc_tok(doc, p->tb)->sentence == first->sentence && !(first->flags & DT_TOK_POSS))
                ob = p->tb;
        }
        if (te - ob >= 2) /* "Council" alone names nothing */
            add_mention(doc, ob, te, DT_MEN_NAME, NULL, DT_ENT_ORG);
        return;
    }
    if (last->place_head && len >= 2) {
        add_mention(doc, tb, te, DT_MEN_NAME, NULL, DT_ENT_PLACE);
        return;
    }
    /* "PUTRAJAYA, July 28 -": a dateline in capitals is a place, not an
     * acronym */
    if ((first->flags & DT_TOK_ALLCAPS) && is_dateline(doc, tb, te)) {
        add_mention(doc, tb, te, DT_MEN_NAME, NULL, DT_ENT_PLACE);
        return;
    }
    if (len == 1 && strchr(first->fold, '-') == NULL && !doc->tokinfo[tb].function_word &&
        ((first->flags & DT_TOK_ALLCAPS) ||
                     ((first->flags & DT_TOK_DIGIT) == 0 && strpbrk(first->fold, "0123456789") &&
                      (first->flags & DT_TOK_UPPER)))) {
        if (strlen(first->fold) >= 2 && strlen(first->fold) <= 6)
            add_mention(doc, tb, te, DT_MEN_NAME, NULL, DT_ENT_ORG);
        return;
    }
    gboolean evidence = preceded_by_title(doc, tb) || followed_by_speech(doc, te) ||
                        preceded_by_speech(doc, tb) || apposition_office(doc, te) ||
                        after_country_possessive(doc, tb);
    gboolean given = dt_lexicon_is_given_name(doc->lex, first->fold);
    gboolean locative = (is_locative(doc, tb) && !possessor_of_thing(doc, te)) || is_dateline(doc, tb, te);
    int idx;
    if (!evidence && (locative || place_apposition(doc, tb, te)) && !(len == 1 && plural_demonym(doc, first->fold))) {
        add_mention(doc, tb, te, DT_MEN_NAME, NULL, DT_ENT_PLACE);
        return;
    }
    if (len == 1) {
        /* the surname of a person named in full, or a new person when a
         * title or honorific says so; a speech verb alone ("Analysts say")
         * is not enough to make one -- the entities stage decides */
        idx = add_mention(doc, tb, te, DT_MEN_NAME, NULL, DT_ENT_PERSON);
        dt_mention *m = &g_array_index(doc->mentions, dt_mention, idx);
        m->person_evidence = evidence;
        m->titled = preceded_by_title(doc, tb) || apposition_office(doc, te);
        return;
    }
    if (len > 5)
        return;
    /* "the Magic Seas and the Eternity C", "the Abraham Accords": after
     * "the", a run with nothing saying it is a person names a thing */
    if (!evidence && tb > 0 && dt_doc_tok_is(doc, tb - 1, "the"))
        return;
    /* a run of capitals with no title, no speech verb and no given name
     * first ("Seri Perdana", "Exxon Mobil") is a person only if the
     * entities stage finds support for it elsewhere in the article */
    idx = add_mention(doc, tb, te, DT_MEN_NAME, NULL, DT_ENT_PERSON);
    g_array_index(doc->mentions, dt_mention, idx).person_evidence = evidence || given;
}

static void find_names(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    uint32_t i = 0;
    while (i < n) {
        if (doc->tokinfo[i].headline || doc->tokinfo[i].credit || !name_token(doc, i)) {
            i++;
            continue;
        }
        uint32_t sb, se;
        dt_doc_sentence_bounds(doc, i, &sb, &se);
        uint32_t e = i + 1;
        while (e < se) {
            if (name_token(doc, e)) {
                e++;
                continue;
            }
            /* an initial's dot: S. Jaishankar, John F. Kennedy */
            if (dt_doc_tok_is(doc, e, ".") && e + 1 < se && name_token(doc, e + 1) &&
                g_utf8_strlen(dt_doc_tok(doc, e - 1)->fold, -1) == 1 &&
                dt_doc_tok(doc, e - 1)->end == dt_doc_tok(doc, e)->start) {
                e += 2;
                continue;
            }
            /* "Ministry of Commerce", "Bank of England": "of" or "for" after
             * a body's head word joins the name that follows */
            if ((dt_doc_tok_is(doc, e, "of") || dt_doc_tok_is(doc, e, "for")) && e + 1 < se &&
                doc->tokinfo[e - 1].org_head && name_token(doc, e + 1) && doc->tokinfo[e + 1].mention < 0) {
                e += 2;
                continue;
            }
            /* particles inside names: von der Leyen, bin Salman, al-Thani */
            uint32_t k = e;
            while (k < se && is_particle(dt_doc_tok(doc, k)->fold) &&
                   doc->tokinfo[k].mention < 0)
                k++;
            if (k > e && k < se && name_token(doc, k)) {
                e = k + 1;
                continue;
            }
            break;
        }
        /* "the General Border Committee": a title word opening the name of
         * a body belongs to it */
        uint32_t b = i;
        if (b > sb && doc->tokinfo[b - 1].honorific && doc->tokinfo[e - 1].org_head &&
            (dt_doc_tok(doc, b - 1)->flags & DT_TOK_UPPER) && doc->tokinfo[b - 1].mention < 0)
            b--;
        classify_run(doc, b, e);
        i = e;
    }
}

/* "the Lebanese army", "Brazilian Foreign Ministry": a body named by a
 * demonym and an institution noun; the demonym still names the country. */
static void demonym_institutions(dt_doc *doc)
{
    guint n = doc->mentions->len;
    for (guint i = 0; i < n; i++) {
        const dt_mention m = g_array_index(doc->mentions, dt_mention, i);
        if (m.kind != DT_MEN_DEMONYM || m.te >= dt_doc_ntok(doc))
            continue;
        uint32_t k = m.te, end = doc->tokinfo[k].institution_end;
        if (end == 0 || doc->tokinfo[k].mention >= 0 || dt_doc_tok(doc, k)->sentence != dt_doc_tok(doc, m.tb)->sentence)
            continue;
        dt_mention org = m;
        org.te = end;
        org.kind = DT_MEN_NAME;
        org.lex = NULL;
        org.guess = DT_ENT_ORG;
        org.entity = -1;
        g_array_append_val(doc->mentions, org);
        for (uint32_t t = k; t < end; t++)
            doc->tokinfo[t].mention = (int)doc->mentions->len - 1;
    }
}

/* "the United States", "Secretary of State": a word inside a name or a
 * title is no verb, whatever it spells ("states" and "state" are not the
 * reporting verb). */
static void clear_verbs_inside_names(dt_doc *doc)
{
    for (guint i = 0; i < doc->mentions->len; i++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (m->kind != DT_MEN_NAME)
            continue;
        for (uint32_t k = m->tb + 1; k < m->te; k++) {
            dt_tokinfo *ti = &doc->tokinfo[k];
            ti->reporting = ti->polarity = ti->event_verb = ti->evidential = NULL;
        }
    }
    /* nor inside a title: "Secretary of State" */
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t i = 0; i < n; i++) {
        if (doc->tokinfo[i].office < 0)
            continue;
        for (uint32_t k = i + 1; k < doc->tokinfo[i].office_end && k < n; k++) {
            dt_tokinfo *ti = &doc->tokinfo[k];
            ti->reporting = ti->polarity = ti->event_verb = ti->evidential = NULL;
        }
    }
}

/* "María Ángela Holguín ... \"It was a good meeting,\" Holguín told
 * reporters": once a person was named with it, a town's name alone (not
 * after in/at) is that person's surname.  (Names found by the name finder
 * come after the lexicon's in the array: two passes.) */
static void surnames_over_places(dt_doc *doc)
{
    GHashTable *surnames = NULL; /* fold -> first token of the full name + 1 */
    for (guint i = 0; i < doc->mentions->len; i++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (m->lex != NULL || m->guess != DT_ENT_PERSON || m->te <= m->tb + 1)
            continue;
        if (surnames == NULL)
            surnames = g_hash_table_new(g_str_hash, g_str_equal);
        const char *f = dt_doc_tok(doc, m->te - 1)->fold;
        if (!g_hash_table_contains(surnames, f))
            g_hash_table_insert(surnames, (gpointer)f, GUINT_TO_POINTER(m->tb + 1));
    }
    for (guint i = 0; surnames && i < doc->mentions->len; i++) {
        dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (m->lex == NULL || m->te != m->tb + 1 || m->locative || m->kind != DT_MEN_NAME ||
            (m->lex->cls != DT_LEX_CITY && m->lex->cls != DT_LEX_PLACE))
            continue;
        guint named = GPOINTER_TO_UINT(g_hash_table_lookup(surnames, dt_doc_tok(doc, m->tb)->fold));
        if (named == 0 || named - 1 >= m->tb)
            continue;
        m->lex = NULL;
        m->guess = DT_ENT_PERSON;
        m->person_evidence = TRUE;
    }
    if (surnames)
        g_hash_table_destroy(surnames);
}

void dt_mentions_find(dt_doc *doc)
{
    find_quote_spans(doc);
    mark_headlines(doc);
    mark_credits(doc);
    match_lexicon(doc);
    demonym_institutions(doc);
    find_names(doc);
    surnames_over_places(doc);
    clear_verbs_inside_names(doc);
}
