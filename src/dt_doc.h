/* The analysis of one article as it flows through the pipeline.  Each stage
 * reads what the stages before it wrote and fills its own part:
 *   text      -> doc->text (tokens, sentences)
 *   mentions  -> doc->matches, doc->mentions, doc->tokinfo
 *   entities  -> doc->entities (and mention.entity)
 *   facts     -> doc->holdings, events, proposals, stances, quotes
 *   graph     -> triples in a librdf model
 * All arrays are owned by the doc; dt_doc_free releases everything. */
#ifndef DT_DOC_H
#define DT_DOC_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include "text/dt_text.h"
#include "lexicon/dt_lexicon.h"

typedef enum {
    DT_ENT_PERSON,
    DT_ENT_COUNTRY,
    DT_ENT_ORG,
    DT_ENT_PLACE
} dt_entity_kind;

typedef enum {
    DT_MEN_NAME,     /* a name: "Vladimir Putin", "Putin", "NATO" */
    DT_MEN_DEMONYM,  /* "Russian" -> Russia */
    DT_MEN_METONYM,  /* a capital or seat standing for a government */
    DT_MEN_PRONOUN,  /* he / she / his / her resolved to a person */
    DT_MEN_REFERENCE /* a referring phrase: "European allies" -> EU */
} dt_mention_kind;

/* A lexicon match over tokens [tb, te). */
typedef struct {
    uint32_t tb, te;
    const dt_sense *sense;
} dt_match;

typedef struct {
    uint32_t tb, te;
    dt_mention_kind kind;
    int entity;                 /* index into doc->entities, -1 until resolved */
    const dt_lex_entry *lex;    /* lexicon entry when the name is listed */
    gboolean in_quote;          /* inside a direct quotation */
    gboolean locative;          /* after in/at/near: a place, not a government */
    dt_entity_kind guess;       /* kind of an unlisted name */
    gboolean person_evidence;   /* title, honorific or speech verb next to it */
    gboolean titled;            /* a title or honorific names it a person */
} dt_mention;

typedef struct {
    dt_entity_kind kind;
    char *label;                /* name as the article writes it (longest form) */
    char *pref_label;           /* canonical name from the lexicon, or NULL */
    char *key;                  /* IRI local part: slug, ISO code */
    size_t key_len;             /* strlen(key) */
    const dt_lex_entry *lex;    /* lexicon entry when listed */
    const dt_lex_entry *country;/* country of a city/place/org when known */
    GArray *mentions;           /* guint indices into doc->mentions */
} dt_entity;

/* Per-token view of the matches, for patterns that walk the tokens.
 * There is one per token of every article and dt_doc_new fills them all,
 * so the flags are bools (not 4-byte gbooleans) and the 4-byte fields
 * sit together: 120 bytes a token instead of 168.  Nothing takes a flag's
 * address and every one is set to TRUE or left false. */
typedef struct {
    const dt_lex_entry *qualifier;
    const dt_lex_entry *event_type;
    const dt_lex_entry *event_verb;
    const dt_lex_entry *proposal;
    const dt_lex_entry *polarity;
    const dt_lex_entry *reporting;
    const dt_lex_entry *evidential;
    int mention;                /* mention covering the token, or -1 */
    int office;                 /* match index of an office title starting here, or -1 */
    uint32_t office_end;
    uint32_t event_end, event_verb_end, proposal_end, polarity_end, reporting_end, evidential_end;
    uint32_t institution_end;   /* end of an institution noun starting here, or 0 */
    int quote;                  /* quotation covering the token, or -1 */
    int reference;              /* "the Russian president" told of a person: its mention, or -1 */
    bool honorific, name_head, org_head, place_head, function_word, voice, portfolio;
    bool headline;              /* token of a title-case headline line */
    bool credit;                /* token of a byline or credit line: no facts */
    bool in_office;             /* inside an office title match */
    /* The lexicon's answer for the token's fold as a key of its own, kept
     * by lexicon matching (key_known; not for credit tokens) for the word
     * list probes of the rules, which ask it again of the same tokens:
     * the key's senses (or NULL), whether some key starts with it, and
     * its hash (dt_lexicon_hash_first), which longer keys grow from. */
    bool key_known, key_prefix;
    uint32_t key_hash;
    const GPtrArray *key_senses;
} dt_tokinfo;

typedef struct {
    uint32_t tb, te;            /* span of the whole phrase (title + name) */
    int person;                 /* entity */
    const dt_lex_entry *office; /* office concept */
    char *title;                /* title as written, qualifiers removed */
    int jurisdiction;           /* entity, or -1 */
    int principal;              /* "Biden's adviser": the person served, or -1 */
    GPtrArray *qualifiers;      /* const dt_lex_entry* */
} dt_holding;

typedef struct {
    const dt_lex_entry *type;
    int place;                  /* entity or -1 */
    char *time_text;            /* as written, or NULL */
    char *date;                 /* YYYY-MM-DD when resolved, or NULL */
    GArray *participants;       /* int entity indices (sorted, unique) */
    GArray *spans;              /* uint32 pairs tb,te of its mentions */
    char *label;
    uint32_t last_sentence;     /* sentence of its latest mention */
    uint32_t first_sentence;    /* sentence of its first mention */
    gboolean dated_by_talk;     /* told with the time of a talk about it, not its own */
} dt_event;

typedef struct {
    const dt_lex_entry *kind;
    GArray *proposers, *beneficiaries, *providers, *targets; /* int entity indices */
    char *concerns, *condition, *modelled_on;
    GArray *spans;              /* uint32 pairs tb,te */
    char *label;                /* anchor text of the first mention */
} dt_proposal;

typedef struct {
    int holder;                 /* entity */
    int proposal;               /* index into doc->proposals */
    const dt_lex_entry *polarity;
    char *trigger;
    char *condition;
    char *modality;
    gboolean negated;
    const dt_lex_entry *evidentiality; /* dt:FirstHand / Reported / Attributed */
    int source;                 /* entity it is sourced to, or -1 */
    uint32_t tb, te;
} dt_stance;

typedef struct {
    uint32_t tb, te;            /* tokens inside the quote marks */
    uint32_t open_tok, close_tok; /* the quote marks (close == te when unclosed) */
    int speaker;                /* entity or -1 */
    const dt_lex_entry *verb;   /* reporting verb */
    int venue;                  /* entity or -1 */
    char *venue_text;
    gboolean partial;           /* a fragment inside a sentence */
    gboolean continues;         /* unattributed, after a quote of its paragraph */
    uint32_t attr_tb, attr_te;  /* attribution tokens, when found */
} dt_quote;

typedef struct {
    char *id;                   /* article id */
    char *date;                 /* publication date YYYY-MM-DD, or NULL */
    char *url, *title, *source; /* JSON Lines metadata, or NULL */
    const dt_lexicon *lex;
    dt_text *text;
    /* the text's tokens, which do not change once it is built: the stages
     * ask for tokens millions of times, so dt_doc_tok and friends below
     * read them here, inline, rather than calling into dt_text */
    const dt_token *toks;
    uint32_t ntoks;
    const dt_sentence *sents;   /* the text's sentences, likewise */
    const char *norm;           /* its normalized text, likewise (the
                                 * name finder reads it for most capitals) */
    GArray *matches;            /* dt_match */
    GArray *mentions;           /* dt_mention */
    dt_tokinfo *tokinfo;        /* one per token */
    GPtrArray *entities;        /* dt_entity* */
    GArray *holdings;           /* dt_holding */
    GPtrArray *events;          /* dt_event* */
    GPtrArray *proposals;       /* dt_proposal* */
    GArray *stances;            /* dt_stance */
    GArray *quotes;             /* dt_quote */
    int last_proposal;          /* proposals stage: the proposal told last */
    int topic_proposal;         /* proposals stage: the last one a sentence opened with */
    uint32_t topic_sentence;    /* proposals stage: the sentence that opened with it */
} dt_doc;

dt_doc *dt_doc_new(const char *id, const char *date, const dt_lexicon *lex, dt_text *text);
/* The article's URL, title and source (news outlet) as its input gave them;
 * each may be NULL. */
void dt_doc_set_meta(dt_doc *doc, const char *url, const char *title, const char *source);
void dt_doc_free(dt_doc *doc);

/* helpers shared by the stages */
static inline const dt_token *dt_doc_tok(const dt_doc *doc, uint32_t i) { return &doc->toks[i]; }
static inline uint32_t dt_doc_ntok(const dt_doc *doc) { return doc->ntoks; }
static inline gboolean dt_doc_tok_is(const dt_doc *doc, uint32_t i, const char *fold)
{
    return i < doc->ntoks && dt_fold_eq(doc->toks[i].fold, fold);
}
/* True when token i is one of the folded words of a NULL-terminated list.
 * The list must stay as it is, at its address, while the thread runs (the
 * rules pass static arrays): its words' starts are remembered by the
 * address. */
static inline gboolean dt_doc_tok_in(const dt_doc *doc, uint32_t i, const char *const *folds);

/* dt_doc_tok_in's memo (dt_doc.c): the first two bytes of a word list's
 * words as a 512-bit set (of a hash of the pair), per thread, in a slot
 * chosen by the list's address.  Here so that the test that settles most
 * calls -- the token starts like none of the words -- is inlined in the
 * rules, which ask it of most tokens of a sentence, list after list:
 * the call cost about as much as the test. */
typedef struct {
    const char *const *list;
    guint64 bits[8];
} dt_word_starts;

#define DT_WORD_STARTS_SLOTS 512
extern _Thread_local dt_word_starts dt_word_starts_memo[DT_WORD_STARTS_SLOTS];

/* the rest of dt_doc_tok_in, past the test (dt_doc.c) */
gboolean dt_doc_tok_in_slow(const dt_doc *doc, uint32_t i, const char *const *folds);

static inline dt_word_starts *dt_word_starts_slot(const char *const *folds)
{
    /* Fibonacci hashing: the lists lie close together in .rodata */
    return &dt_word_starts_memo[((uintptr_t)folds * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15)) >> 55];
}
G_STATIC_ASSERT(DT_WORD_STARTS_SLOTS == 1 << (64 - 55));

/* The set's bit for the first two bytes of s (the NUL of a one-byte s) */
static inline unsigned dt_word_start_bit(const char *s)
{
    unsigned c0 = (unsigned char)s[0];
    unsigned c1 = c0 ? (unsigned char)s[1] : 0;
    return (c0 * 31u + c1) & 511u;
}

static inline gboolean dt_doc_tok_in(const dt_doc *doc, uint32_t i, const char *const *folds)
{
    if (i >= doc->ntoks)
        return FALSE;
    const dt_word_starts *ws = dt_word_starts_slot(folds);
    unsigned b = dt_word_start_bit(doc->toks[i].fold);
    /* a slot holding another list (or none yet) is refilled out of line */
    if (G_LIKELY(ws->list == folds) && !((ws->bits[b >> 6] >> (b & 63)) & 1))
        return FALSE;
    return dt_doc_tok_in_slow(doc, i, folds);
}
int dt_doc_entity_at(const dt_doc *doc, uint32_t tok); /* entity covering tok, or -1 */
/* inline, like dt_doc_tok: the rules ask for entities and sentence
 * bounds hundreds of thousands of times an article batch */
static inline dt_entity *dt_doc_entity(const dt_doc *doc, int i)
{
    return i < 0 ? NULL : g_ptr_array_index(doc->entities, i);
}
/* Sentence bounds of token i. */
static inline void dt_doc_sentence_bounds(const dt_doc *doc, uint32_t i, uint32_t *sb, uint32_t *se)
{
    const dt_sentence *s = &doc->sents[doc->toks[i].sentence];
    *sb = s->tok_begin;
    *se = s->tok_end;
}

/* the stages, in order */
void dt_mentions_find(dt_doc *doc);
void dt_entities_resolve(dt_doc *doc);
void dt_quotes_find(dt_doc *doc);      /* needs entities (speakers) */
void dt_offices_find(dt_doc *doc);
/* "Sir Keir Starmer has said ... the prime minister said": person, named
 * just before, holds the national office [ob, oe) told of him alone, of his
 * country (coref calls it when he holds no office yet).  FALSE, and no
 * holding, when the article names no country of his. */
gboolean dt_offices_told_of(dt_doc *doc, int person, uint32_t ob, uint32_t oe);
void dt_events_find(dt_doc *doc);
void dt_proposals_find(dt_doc *doc);   /* proposals and stances */
void dt_coref_find(dt_doc *doc);       /* "the Russian president", "he" (after offices) */

#endif
