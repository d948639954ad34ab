#include "dt_doc.h"

#include <string.h>

dt_doc *dt_doc_new(const char *id, const char *date, const dt_lexicon *lex, dt_text *text)
{
    dt_doc *doc = g_new0(dt_doc, 1);
    doc->id = g_strdup(id);
    doc->date = g_strdup(date);
    doc->lex = lex;
    doc->text = text;
    /* room for most articles' matches and mentions at once (about one a
     * forty and one a nine tokens), where growing from nothing copied the
     * arrays several times */
    doc->matches = g_array_sized_new(FALSE, FALSE, sizeof(dt_match), dt_text_ntokens(text) / 32 + 8);
    doc->mentions = g_array_sized_new(FALSE, FALSE, sizeof(dt_mention), dt_text_ntokens(text) / 8 + 8);
    doc->entities = g_ptr_array_new();
    doc->holdings = g_array_new(FALSE, FALSE, sizeof(dt_holding));
    doc->events = g_ptr_array_new();
    doc->proposals = g_ptr_array_new();
    doc->stances = g_array_new(FALSE, FALSE, sizeof(dt_stance));
    doc->quotes = g_array_new(FALSE, FALSE, sizeof(dt_quote));
    uint32_t n = dt_text_ntokens(text);
    doc->ntoks = n;
    doc->toks = n ? dt_text_token(text, 0) : NULL;
    doc->sents = dt_text_nsentences(text) ? dt_text_sentence(text, 0) : NULL;
    doc->norm = dt_text_normalized(text);
    /* one pass over the array, writing each token's empty view whole,
     * rather than zeroing it all and then going back for the -1s */
    const dt_tokinfo empty = { .mention = -1, .office = -1, .quote = -1, .reference = -1 };
    doc->tokinfo = g_new(dt_tokinfo, n ? n : 1);
    for (uint32_t i = 0; i < n; i++)
        doc->tokinfo[i] = empty;
    return doc;
}

void dt_doc_set_meta(dt_doc *doc, const char *url, const char *title, const char *source)
{
    g_free(doc->url);
    g_free(doc->title);
    g_free(doc->source);
    doc->url = g_strdup(url);
    doc->title = g_strdup(title);
    doc->source = g_strdup(source);
}

static void free_ints(GArray *a)
{
    if (a)
        g_array_free(a, TRUE);
}

void dt_doc_free(dt_doc *doc)
{
    if (doc == NULL)
        return;
    for (guint i = 0; i < doc->entities->len; i++) {
        dt_entity *e = g_ptr_array_index(doc->entities, i);
        g_free(e->label);
        g_free(e->pref_label);
        g_free(e->key);
        free_ints(e->mentions);
        g_free(e);
    }
    for (guint i = 0; i < doc->holdings->len; i++) {
        dt_holding *h = &g_array_index(doc->holdings, dt_holding, i);
        g_free(h->title);
        g_ptr_array_free(h->qualifiers, TRUE);
    }
    for (guint i = 0; i < doc->events->len; i++) {
        dt_event *e = g_ptr_array_index(doc->events, i);
        g_free(e->time_text);
        g_free(e->date);
        g_free(e->label);
        free_ints(e->participants);
        free_ints(e->spans);
        g_free(e);
    }
    for (guint i = 0; i < doc->proposals->len; i++) {
        dt_proposal *p = g_ptr_array_index(doc->proposals, i);
        free_ints(p->proposers);
        free_ints(p->beneficiaries);
        free_ints(p->providers);
        free_ints(p->targets);
        free_ints(p->spans);
        g_free(p->concerns);
        g_free(p->condition);
        g_free(p->modelled_on);
        g_free(p->label);
        g_free(p);
    }
    for (guint i = 0; i < doc->stances->len; i++) {
        dt_stance *s = &g_array_index(doc->stances, dt_stance, i);
        g_free(s->trigger);
        g_free(s->condition);
        g_free(s->modality);
    }
    for (guint i = 0; i < doc->quotes->len; i++)
        g_free(g_array_index(doc->quotes, dt_quote, i).venue_text);
    g_array_free(doc->matches, TRUE);
    g_array_free(doc->mentions, TRUE);
    g_ptr_array_free(doc->entities, TRUE);
    g_array_free(doc->holdings, TRUE);
    g_ptr_array_free(doc->events, TRUE);
    g_ptr_array_free(doc->proposals, TRUE);
    g_array_free(doc->stances, TRUE);
    g_array_free(doc->quotes, TRUE);
    g_free(doc->tokinfo);
    dt_text_free(doc->text);
    g_free(doc->id);
    g_free(doc->date);
    g_free(doc->url);
    g_free(doc->title);
    g_free(doc->source);
    g_free(doc);
}


/* The words from w on compared whole, those that share the token's first
 * byte. */
static inline gboolean tok_in_from(const char *f, const char *const *w)
{
    for (; *w; w++)
        if (w[0][0] == f[0] && dt_fold_eq(f, *w))
            return TRUE;
    return FALSE;
}

/* dt_doc_tok_in's memo (dt_doc.h): per thread (-j N runs extraction in
 * threads); the rule code passes static lists, a hundred or so, most of
 * them for every token of a sentence, and nearly every token starts like
 * none of the words.  Direct-mapped by a hash of the address; a list that
 * finds its slot taken by another refills it, a scan of its words, about
 * what a call cost before.  What a slot holds depends only on the list. */
_Thread_local dt_word_starts dt_word_starts_memo[DT_WORD_STARTS_SLOTS];

static inline gboolean may_start(const dt_word_starts *ws, const char *f)
{
    unsigned b = dt_word_start_bit(f);
    return (ws->bits[b >> 6] >> (b & 63)) & 1;
}

/* dt_doc_tok_in for a list whose slot holds another (or none yet): the
 * slot is filled with this list's word starts, then the words compared. */
static G_GNUC_NO_INLINE gboolean tok_in_refill(dt_word_starts *ws, const char *f, const char *const *folds)
{
    memset(ws->bits, 0, sizeof ws->bits);
    for (const char *const *w = folds; *w; w++) {
        unsigned b = dt_word_start_bit(*w);
        ws->bits[b >> 6] |= G_GUINT64_CONSTANT(1) << (b & 63);
    }
    ws->list = folds;
    if (!may_start(ws, f))
        return FALSE;
    return tok_in_from(f, folds);
}

gboolean dt_doc_tok_in_slow(const dt_doc *doc, uint32_t i, const char *const *folds)
{
    const char *f = doc->toks[i].fold;
    dt_word_starts *ws = dt_word_starts_slot(folds);
    if (G_UNLIKELY(ws->list != folds))
        return tok_in_refill(ws, f, folds);
    return tok_in_from(f, folds);
}

int dt_doc_entity_at(const dt_doc *doc, uint32_t tok)
{
    if (tok >= dt_text_ntokens(doc->text))
        return -1;
    int m = doc->tokinfo[tok].mention;
    return m < 0 ? -1 : g_array_index(doc->mentions, dt_mention, m).entity;
}
