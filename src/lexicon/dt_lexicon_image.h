/* Internal to src/lexicon: the compiled form of the lexicon.
 *
 * The knowledge stays in the Turtle files of ontology/lexicon/; parsing them with
 * raptor and resolving it takes most of detente's start-up.  An image is
 * the resolved result in one flat, pointer-free block: a string pool,
 * entries, senses, keys, and open-addressing hash tables ready for
 * look-ups.  The Turtle path builds an image in memory and the lexicon is
 * always used through one (dt_lexicon.c), so the cache file -- the same
 * bytes written to disk -- cannot drift from what parsing gives.
 *
 * All integers are in the writer's byte order (byte_order says which);
 * references are index + 1 or string offset + 1, 0 standing for none. */
#ifndef DT_LEXICON_IMAGE_H
#define DT_LEXICON_IMAGE_H

#include <stdint.h>
#include <glib.h>
#include "dt_lexicon.h"

#define DT_LEXIMG_MAGIC "DTLEXIMG"
/* Bump when the layout below or the meaning of a field changes. */
#define DT_LEXIMG_VERSION 3u
#define DT_LEXIMG_BYTE_ORDER 0x01020304u

enum {
    DT_LEXIMG_STRINGS,     /* char: NUL-terminated strings */
    DT_LEXIMG_ENTRIES,     /* dt_leximg_entry */
    DT_LEXIMG_SENSES,      /* dt_leximg_sense, grouped by key in key order */
    DT_LEXIMG_KEYS,        /* dt_leximg_key */
    DT_LEXIMG_ENTRY_TABLE, /* dt_leximg_slot: entry index + 1, by IRI */
    DT_LEXIMG_PREFIX_TABLE,/* dt_leximg_pslot: keys and their token prefixes */
    DT_LEXIMG_GIVEN_TABLE, /* dt_leximg_slot: string + 1, folded given names */
    DT_LEXIMG_NSECTIONS
};

typedef struct {
    char magic[8];
    uint32_t version, byte_order;
    uint64_t fingerprint;  /* of the sources and the program (dt_lexicon.c) */
    uint64_t size;         /* of the whole image, header included */
    uint32_t max_tokens, nclasses;
    uint32_t counts[DT_LEX_NCLASSES];
    struct {
        uint32_t offset, count; /* bytes from the image start; elements */
    } sec[DT_LEXIMG_NSECTIONS];
} dt_leximg_header;

typedef struct {
    uint32_t iri, type_iri, label, qid, value;               /* strings */
    uint32_t country, metonym_for, part_of, broadcaster, capital; /* entries */
    uint32_t cls;
} dt_leximg_entry;

enum { DT_LEXIMG_NEEDS_UPPER = 1u, DT_LEXIMG_PLURAL = 2u };

typedef struct {
    uint32_t entry, kind, form, flags;
} dt_leximg_sense;

typedef struct {
    uint32_t key, first_sense, nsenses;
} dt_leximg_key;

/* Hash table slots (a power of two of them, at most half full, linear
 * probing); the hash is kept so that most misses need no string compare. */
typedef struct {
    uint32_t hash, ref;
} dt_leximg_slot;

/* One table answers the questions match_lexicon asks of a run of folded
 * tokens: does some key start with it (prefix: DT_LEXIMG_PREFIX), does
 * some key go on past it (DT_LEXIMG_CONTINUED as well: "the" starts "the
 * hague", "said" is a key that none goes on from), and is it a key itself
 * (key: key index + 1). */
enum { DT_LEXIMG_PREFIX = 1u, DT_LEXIMG_CONTINUED = 2u };

typedef struct {
    uint32_t hash, ref, key, prefix;
} dt_leximg_pslot;

/* The hash of the images' tables (FNV-1a; stable across builds): the
 * one dt_lexicon.h gives matching, which hashes keys token by token. */
static inline uint32_t dt_leximg_hash(const char *s)
{
    return dt_lexicon_hash_first(s);
}

/* Parses every *.ttl file of dir (sorted by name) and compiles the result
 * into a new image (header.fingerprint left 0). */
dt_status dt_lexicon_build_image(const char *dir, GByteArray **out, GError **err);

/* dt_lexicon.c's part of loading, which dt_lexicon_build.c's
 * dt_lexicon_load_cached uses: the fingerprint of dir's images made by
 * program (NULL: this one), a view over a built image (taken over), and
 * writing a cache file (best effort). */
guint64 dt_lexicon_fingerprint(const char *dir, const char *program);
dt_status dt_lexicon_open_built(GByteArray *img, guint64 fingerprint, dt_lexicon **out,
                                GError **err);
void dt_lexicon_write_cache(const char *path, const GByteArray *img);

#endif
