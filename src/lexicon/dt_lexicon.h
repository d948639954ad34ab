/* Knowledge loaded from the RDF files in ontology/lexicon/ (through raptor,
 * or from a cache compiled from them):
 * countries, places, organizations, persons, office titles, and the trigger
 * words of events, proposals, stances, reporting verbs and evidentials.
 *
 * Surface forms are indexed by their folded key (dt_text_fold_key), so a
 * match is a hash look-up of the folded tokens of the text. */
#ifndef DT_LEXICON_H
#define DT_LEXICON_H

#include <stdint.h>
#include <glib.h>
#include "../dt_status.h"

#define DT_NS "https://w3id.org/detente/ontology#"
#define DT_ID "https://w3id.org/detente/id/"

typedef enum {
    DT_LEX_OTHER = 0,
    DT_LEX_COUNTRY,
    DT_LEX_CITY,       /* a city; capitals also stand for their government */
    DT_LEX_SEAT,       /* seat of government that is not a city (Kremlin) */
    DT_LEX_PLACE,      /* region, building, landmark */
    DT_LEX_ORG,
    DT_LEX_PERSON,
    DT_LEX_OFFICE,     /* office title: President, Foreign Minister */
    DT_LEX_QUALIFIER,  /* former, acting, special */
    DT_LEX_EVENT_TYPE,
    DT_LEX_PROPOSAL_KIND,
    DT_LEX_POLARITY,   /* stance polarity with its trigger words */
    DT_LEX_REPORTING_VERB,
    DT_LEX_EVIDENTIAL, /* reportedly, sources said */
    DT_LEX_HONORIFIC,  /* Mr, Sheikh: a name follows */
    DT_LEX_NAME_HEAD,  /* Act, Treaty, Plan: capitalized runs ending so are no entity */
    DT_LEX_ORG_HEAD,   /* Ministry, Council, Radio: runs ending so are organizations */
    DT_LEX_PLACE_HEAD, /* Strip, Crossing, Palace: runs ending so are places */
    DT_LEX_FUNCTION_WORD, /* capitalized sentence openers that are never names */
    DT_LEX_VOICE,      /* reaction, government: its possessor is the one who speaks */
    DT_LEX_INSTITUTION, /* army, foreign ministry: "the Lebanese army" is a body */
    DT_LEX_PORTFOLIO,  /* information, army: "information minister" */
    DT_LEX_PROPOSAL_NOUN, /* plan, idea, offer: "Egypt's plan for a truce" */
    DT_LEX_NCLASSES
} dt_lex_class;

typedef struct dt_lex_entry dt_lex_entry;
struct dt_lex_entry {
    const char *iri;
    dt_lex_class cls;
    const char *type_iri;            /* its rdf:type */
    const char *label;               /* skos:prefLabel */
    const char *qid;                 /* Wikidata QID ("Q212") or NULL */
    const dt_lex_entry *country;     /* country it belongs to / lies in */
    const dt_lex_entry *metonym_for; /* government it stands for (Kremlin -> Russia) */
    const dt_lex_entry *part_of;     /* European Commission -> EU */
    const dt_lex_entry *broadcaster; /* State of the Union -> CNN */
    const dt_lex_entry *capital;     /* a country's capital city */
    const char *value;               /* class-specific: evidentiality IRI, office flags */
};

typedef enum {
    DT_SENSE_NAME,    /* prefLabel / altLabel / officialName */
    DT_SENSE_ABBREV,  /* matched case-sensitively */
    DT_SENSE_DEMONYM, /* "French" -> France */
    DT_SENSE_REFERENCE, /* a referring phrase, not a name: "European allies" -> EU */
    DT_SENSE_TRIGGER, /* trigger word of a concept */
    DT_SENSE_VERB     /* a verb that tells an event of the concept ("met") */
} dt_sense_kind;

typedef struct {
    const dt_lex_entry *entry;
    dt_sense_kind kind;
    const char *form;          /* the label as written in the lexicon */
    gboolean needs_upper;      /* text must start with an uppercase letter */
    gboolean plural;           /* a plural made from the label ("ministers") */
} dt_sense;

typedef struct dt_lexicon dt_lexicon;

/* Loads every *.ttl file of dir (sorted by name). */
dt_status dt_lexicon_load(const char *dir, dt_lexicon **out, GError **err);

/* The same lexicon, through a compiled cache file at cache_path (NULL: no
 * cache).  The cache is used when it is intact and was made from the same
 * *.ttl files (names, sizes, modification times) by the same program;
 * otherwise the Turtle is parsed and the cache (re)written, atomically and
 * on a best-effort basis (a cache that cannot be written is no error).
 * Errors are those of dt_lexicon_load. */
dt_status dt_lexicon_load_cached(const char *dir, const char *cache_path, dt_lexicon **out,
                                 GError **err);
/* The same, for a cache shared with another program: the cache is that
 * of `program` (a path; NULL: this program) -- detente's lean front end
 * and detente-rdf, which it runs for what needs raptor, share one. */
dt_status dt_lexicon_load_cached_for(const char *dir, const char *cache_path, const char *program,
                                     dt_lexicon **out, GError **err);
/* Only the cache: an error (and no parsing) when the cache file is absent,
 * stale or damaged.  Needs no raptor (dt_lexicon_load and the two above
 * do, in dt_lexicon_build.c). */
dt_status dt_lexicon_open_cache(const char *dir, const char *cache_path, const char *program,
                                dt_lexicon **out, GError **err);
/* True when lex was read from a cache file. */
gboolean dt_lexicon_from_cache(const dt_lexicon *lex);
/* A cache file name in cache_dir for the lexicon folder dir as read by
 * this program (caller frees). */
char *dt_lexicon_cache_path(const char *cache_dir, const char *dir);
/* ... as read by program (NULL: this program). */
char *dt_lexicon_cache_path_for(const char *cache_dir, const char *dir, const char *program);

void dt_lexicon_free(dt_lexicon *lex);

/* Senses for a folded key, or NULL.  The array is owned by the lexicon. */
const GPtrArray *dt_lexicon_lookup(const dt_lexicon *lex, const char *key);
/* Both at once, for matching token by token: the senses of key (or NULL)
 * and, in *prefix, whether some key starts with its tokens. */
const GPtrArray *dt_lexicon_match(const dt_lexicon *lex, const char *key, gboolean *prefix);
/* The same for the key that folded tokens make joined by single spaces,
 * without joining them: parts[0..n) are the tokens and hash the key's
 * hash, grown a token at a time -- dt_lexicon_hash_first(parts[0]), then
 * dt_lexicon_hash_next(h, parts[k]) -- so that matching a run of tokens
 * hashes each token once rather than the whole key at every length. */
const GPtrArray *dt_lexicon_match_parts(const dt_lexicon *lex, const char *const *parts,
                                        unsigned n, uint32_t hash, gboolean *prefix);
/* The same, telling besides in *longer whether some key goes on past
 * these tokens ("the" starts "the hague"; "said" is a key, and none goes
 * on from it): when none does, no longer run is a key or starts one, and
 * matching can stop without asking. */
const GPtrArray *dt_lexicon_match_run(const dt_lexicon *lex, const char *const *parts, unsigned n,
                                      uint32_t hash, gboolean *prefix, gboolean *longer);

/* dt_lexicon_match_run for a single token, answered from this thread's
 * memo of the folds it asked about lately when it can (the memo gives no
 * other answers than the lexicon would); also gives the fold's hash,
 * dt_lexicon_hash_first(fold).  spread, any number that is the same for
 * the same fold (a token's length in the text), spreads folds over the
 * memo.  The memo, got once per article with dt_lexicon_memo_of, belongs
 * to the thread and to lex: it is used by neither another thread nor
 * with another lexicon. */
typedef struct dt_lexicon_memo dt_lexicon_memo;
dt_lexicon_memo *dt_lexicon_memo_of(const dt_lexicon *lex);
const GPtrArray *dt_lexicon_match_token(dt_lexicon_memo *memo, const char *fold, uint32_t spread,
                                        uint32_t *hash, gboolean *prefix, gboolean *longer);

/* The hash of the lexicon's keys (FNV-1a; the compiled image's tables
 * are built with it, so it must stay stable across builds). */
#define DT_LEXICON_HASH_INIT 2166136261u

static inline uint32_t dt_lexicon_hash_bytes(uint32_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static inline uint32_t dt_lexicon_hash_first(const char *fold)
{
    return dt_lexicon_hash_bytes(DT_LEXICON_HASH_INIT, fold);
}

/* h of a key, extended by a space and one more token */
static inline uint32_t dt_lexicon_hash_next(uint32_t h, const char *fold)
{
    h ^= (unsigned char)' ';
    h *= 16777619u;
    return dt_lexicon_hash_bytes(h, fold);
}

/* Longest key length in tokens. */
unsigned dt_lexicon_max_tokens(const dt_lexicon *lex);
/* True when some key starts with these folded tokens (one or more, joined
 * by single spaces): matching can stop when this turns false. */
gboolean dt_lexicon_is_first_token(const dt_lexicon *lex, const char *fold);

const dt_lex_entry *dt_lexicon_entry(const dt_lexicon *lex, const char *iri);
unsigned dt_lexicon_count(const dt_lexicon *lex, dt_lex_class cls);

/* True when the folded token is a given name (ontology/lexicon/given-names.ttl). */
gboolean dt_lexicon_is_given_name(const dt_lexicon *lex, const char *fold);

/* First sense of the key with the given class (and kind, or -1 for any). */
const dt_sense *dt_lexicon_find(const dt_lexicon *lex, const char *key, dt_lex_class cls,
                                int kind);

#endif
