#include <config.h>

#include "dt_graph_internal.h"
#include "../entities/dt_entities.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define FOAF "http://xmlns.com/foaf/0.1/"
#define SCHEMA "http://schema.org/"
#define ORG "http://www.w3.org/ns/org#"
#define SEM "http://semanticweb.cs.vu.nl/2009/11/sem/"
#define PROV "http://www.w3.org/ns/prov#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define ITSRDF "http://www.w3.org/2005/11/its/rdf#"
#define DCT "http://purl.org/dc/terms/"
#define WD "http://www.wikidata.org/entity/"

const dt_prefix dt_prefixes[] = {
    {"dt", DT_NS}, {"rdfs", RDFS}, {"xsd", XSD}, {"owl", OWL}, {"skos", SKOS},
    {"foaf", FOAF}, {"schema", SCHEMA}, {"org", ORG}, {"sem", SEM}, {"prov", PROV},
    {"nif", NIF}, {"itsrdf", ITSRDF}, {"dcterms", DCT}, {"wd", WD},
    {"dtc", DT_ID "country/"}, {"dto", DT_ID "org/"}, {"dtp", DT_ID "place/"},
    {"dtpe", DT_ID "person/"}, {"dtof", DT_ID "office/"}, {NULL, NULL}};


/* ---- statements --------------------------------------------------------- */

/* A 64-bit hash of the n bytes at s: eight bytes a step. */
static guint64 bytes_hash(const char *s, size_t n)
{
    guint64 h = 0x9E3779B97F4A7C15ull ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        guint64 w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    guint64 w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

guint dt_str_hash(gconstpointer key)
{
    return (guint)bytes_hash(key, strlen(key));
}

/* ---- string maps (dt_strmap) ------------------------------------------- */

/* The slot of key (n bytes, hash h) in map: the one that holds it, or
 * the free one where it goes.  The map must have a slot (cap > 0). */
static struct dt_strmap_slot *strmap_slot(const dt_strmap *map, const char *key, size_t n,
                                          guint64 h)
{
    guint mask = map->cap - 1;
    for (guint k = (guint)h & mask;; k = (k + 1) & mask) {
        struct dt_strmap_slot *slot = &map->slots[k];
        if (slot->value == NULL ||
            (slot->hash == h && slot->len == n && memcmp(slot->key, key, n) == 0))
            return slot;
    }
}

static void strmap_grow(dt_strmap *map)
{
    guint cap = map->cap ? 2 * map->cap : 64;
    struct dt_strmap_slot *slots = g_new0(struct dt_strmap_slot, cap);
    guint *used = g_new(guint, cap / 2);
    for (guint j = 0; j < map->n; j++) {
        const struct dt_strmap_slot *old = &map->slots[map->used[j]];
        guint k = (guint)old->hash & (cap - 1);
        while (slots[k].value != NULL)
            k = (k + 1) & (cap - 1);
        slots[k] = *old;
        used[j] = k;
    }
    g_free(map->slots);
    g_free(map->used);
    map->slots = slots;
    map->used = used;
    map->cap = cap;
}

/* The value of key, or NULL. */
static gpointer strmap_lookup(const dt_strmap *map, const char *key)
{
    if (map->n == 0)
        return NULL;
    size_t n = strlen(key);
    return strmap_slot(map, key, n, bytes_hash(key, n))->value;
}

/* The slot of key, taken for it if it had none (its value then NULL:
 * the caller sets it), valid until the next change to map. */
static struct dt_strmap_slot *strmap_take(dt_strmap *map, const char *key)
{
    if (2 * (map->n + 1) > map->cap)
        strmap_grow(map);
    size_t n = strlen(key);
    guint64 h = bytes_hash(key, n);
    struct dt_strmap_slot *slot = strmap_slot(map, key, n, h);
    if (slot->value != NULL)
        return slot;
    if (map->keys == NULL)
        map->keys = g_string_chunk_new(4096);
    slot->hash = h;
    slot->key = g_string_chunk_insert_len(map->keys, key, (gssize)n);
    slot->len = n;
    map->used[map->n++] = (guint)(slot - map->slots);
    return slot;
}

/* Adds key (not in map) with value (not NULL); returns the map's copy
 * of key, valid until strmap_clear. */
static const char *strmap_insert(dt_strmap *map, const char *key, gpointer value)
{
    struct dt_strmap_slot *slot = strmap_take(map, key);
    slot->value = value;
    return slot->key;
}

/* The j-th slot taken (j < map->n) */
static inline const struct dt_strmap_slot *strmap_at(const dt_strmap *map, guint j)
{
    return &map->slots[map->used[j]];
}

/* Empties map (its values are the caller's), keeping its room. */
static void strmap_clear(dt_strmap *map)
{
    for (guint j = 0; j < map->n; j++)
        map->slots[map->used[j]].value = NULL;
    map->n = 0;
    if (map->keys)
        g_string_chunk_clear(map->keys);
}

static void strmap_free(dt_strmap *map)
{
    g_free(map->slots);
    g_free(map->used);
    if (map->keys)
        g_string_chunk_free(map->keys);
}

/* ---- writing statements ------------------------------------------------- */

/* g_string_append_len goes through g_string_insert_len (overlap checks,
 * a memmove); statements are appended a few bytes at a time, millions of
 * times, so they take this shorter way. */
static inline void put(GString *out, const char *s, size_t n)
{
    gsize len = out->len;
    if (len + n < out->allocated_len) {
        memcpy(out->str + len, s, n);
        out->len = len + n;
        out->str[out->len] = '\0';
    } else {
        g_string_append_len(out, s, (gssize)n);
    }
}

/* Room for need more bytes (and the NUL) at the end of out; returns where
 * they go.  format_statement sizes a statement once and then writes it
 * with plain stores, without a capacity check per piece. */
static inline char *reserve(GString *out, size_t need)
{
    gsize len = out->len;
    if (len + need >= out->allocated_len) {
        g_string_set_size(out, len + need); /* grows the buffer */
        g_string_set_size(out, len);
    }
    return out->str + len;
}

static inline char *put_iri(char *w, const char *iri, size_t n)
{
    *w++ = '<';
    memcpy(w, iri, n);
    w += n;
    *w++ = '>';
    return w;
}

/* Bytes a literal keeps as they are: not NUL, a control, DEL, '"' or '\\'
 * (UTF-8 sequences pass).  A table answers for a byte in one load where
 * the four comparisons it replaces ran over every byte of every text and
 * sentence written. */
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The length of the leading run of [p, end) that needs no escape, in
 * whole 16-byte blocks (SSE2, which every x86-64 has: compares of a
 * block at once); the byte loop after it takes the rest.  0 elsewhere. */
static size_t plain_blocks(const unsigned char *p, const unsigned char *end)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i ctl = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
                  bslash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7F);
    for (; end - p - (ptrdiff_t)i >= 16; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        /* max(x, 0x1F) == 0x1F: an unsigned byte <= 0x1F (NUL, controls) */
        __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, ctl), ctl),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, quote),
                                                _mm_or_si128(_mm_cmpeq_epi8(x, bslash),
                                                             _mm_cmpeq_epi8(x, del))));
        if (_mm_movemask_epi8(bad))
            break;
    }
#else
    (void)p;
    (void)end;
#endif
    return i;
}

/* N-Triples string escaping (UTF-8 kept, controls escaped) of the n
 * bytes of lit (no NUL among them), at most 6 bytes per byte.  Runs of
 * bytes that need no escape are copied in one go, and found sixteen
 * bytes a step: texts and sentences are most of what is written. */
static char *put_literal(char *w, const char *lit, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    *w++ = '"';
    const unsigned char *p = (const unsigned char *)lit, *end = p + n;
    for (;;) {
        const unsigned char *run = p;
        p += plain_blocks(p, end);
        while (p < end && plain_byte[*p])
            p++;
        memcpy(w, run, (size_t)(p - run));
        w += p - run;
        if (p == end)
            break;
        *w++ = '\\';
        switch (*p) {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '\n': *w++ = 'n'; break;
        case '\r': *w++ = 'r'; break;
        case '\t': *w++ = 't'; break;
        default: /* \u00XX */
            memcpy(w, "u00", 3);
            w[3] = hex[*p >> 4];
            w[4] = hex[*p & 15];
            w += 5;
        }
        p++;
    }
    *w++ = '"';
    return w;
}

/* One statement as an N-Triples / N-Quads line; o_kind: 0 IRI, 1 plain
 * literal, 2 typed literal (dt). */
static void format_statement(const dt_graph *g, GString *out, const char *s, const char *p,
                             size_t np, const char *o, size_t no, int o_kind, const char *dt,
                             size_t ndt)
{
    size_t ns = strlen(s);
    const char *tail = g->in_shared ? g->shared_tail : g->doc_tail;
    size_t ntail = g->in_shared ? g->shared_tail_len : g->doc_tail_len;
    /* <s> <p> "o"^^<dt> tail: 10 bytes besides the terms and the tail */
    size_t need = ns + np + (o_kind == 0 ? no : 6 * no) + ndt + ntail + 16;
    char *w = reserve(out, need);
    w = put_iri(w, s, ns);
    *w++ = ' ';
    w = put_iri(w, p, np);
    *w++ = ' ';
    if (o_kind == 0) {
        w = put_iri(w, o, no);
    } else {
        w = put_literal(w, o, no);
        if (o_kind == 2) {
            *w++ = '^';
            *w++ = '^';
            w = put_iri(w, dt, ndt);
        }
    }
    memcpy(w, tail, ntail);
    w += ntail;
    *w = '\0';
    out->len = (gsize)(w - out->str);
}

/* s was described by an article flushed before (dt_graph_set_described) */
static gboolean described_before(dt_graph *g, const char *s)
{
    if (g->described == NULL)
        return FALSE;
    if (g->described_lock)
        g_mutex_lock(g->described_lock);
    gboolean yes = g_hash_table_contains(g->described, s);
    if (g->described_lock)
        g_mutex_unlock(g->described_lock);
    return yes;
}

/* The chunk statements about s go to, or NULL when s has none yet;
 * &g->skip when s was described before: its statements are not made. */
static GString *chunk_found(dt_graph *g, const char *s)
{
    if (!g->in_shared)
        return g->doc_out;
    /* an entity's statements come one after another: the subject of the
     * last one, compared, saves hashing a long IRI and a table probe */
    if (g->last_subject && strcmp(g->last_subject, s) == 0)
        return g->last_chunk;
    size_t n = strlen(s);
    const struct dt_strmap_slot *slot =
        g->shared_out.n ? strmap_slot(&g->shared_out, s, n, bytes_hash(s, n)) : NULL;
    if (slot && slot->value) {
        g->last_subject = slot->key;
        g->last_chunk = slot->value;
        return slot->value;
    }
    /* asked once an article for each subject, which then stands for it */
    if (!described_before(g, s))
        return NULL;
    g->last_subject = strmap_insert(&g->shared_out, s, &g->skip);
    g->last_chunk = &g->skip;
    return &g->skip;
}

/* Stream mode: the statements about the shared subject s are left out,
 * an article written before having described it (see chunk_found).  Asked
 * before making them saves making their terms. */
static gboolean shared_skipped(dt_graph *g, const char *s)
{
    if (!g->stream)
        return FALSE;
    gboolean shared = g->in_shared;
    g->in_shared = TRUE;
    gboolean skip = chunk_found(g, s) == &g->skip;
    g->in_shared = shared;
    return skip;
}

/* The chunk a statement about s goes to (made when s gets its first), or
 * &g->skip (see chunk_found). */
static GString *shared_chunk_for(dt_graph *g, const char *s)
{
    GString *target = chunk_found(g, s);
    if (target == NULL) {
        /* an entity's block is a few statements of ~150 bytes: room for
         * them at once, not a realloc at every doubling from nothing; an
         * earlier article's emptied block has it already */
        target = g->spare_chunks && g->spare_chunks->len > 0
                     ? g_ptr_array_steal_index_fast(g->spare_chunks, g->spare_chunks->len - 1)
                     : g_string_sized_new(1024);
        g->last_subject = strmap_insert(&g->shared_out, s, target);
        g->last_chunk = target;
    }
    return target;
}

/* Most statements go to the article's own graph: that answer is given
 * here, where it costs no call. */
static inline GString *chunk_for(dt_graph *g, const char *s)
{
    return g->in_shared ? shared_chunk_for(g, s) : g->doc_out;
}

static void seen_grow(dt_graph *g)
{
    guint cap = g->seen_cap ? 2 * g->seen_cap : 512;
    struct dt_seen_line *slots = g_new0(struct dt_seen_line, cap);
    guint *used = g_new(guint, cap / 2);
    for (guint j = 0; j < g->seen_n; j++) {
        const struct dt_seen_line *old = &g->seen[g->seen_used[j]];
        guint k = (guint)old->hash & (cap - 1);
        while (slots[k].chunk != NULL)
            k = (k + 1) & (cap - 1);
        slots[k] = *old;
        used[j] = k;
    }
    g_free(g->seen);
    g_free(g->seen_used);
    g->seen = slots;
    g->seen_used = used;
    g->seen_cap = cap;
}

/* The slot of the line [s, s + n) (hash h) in the article's set: the
 * one that holds it, or the free one where it goes (chunk NULL).  The
 * set points into the chunks rather than keeping copies of the lines. */
static struct dt_seen_line *seen_slot(dt_graph *g, const char *s, size_t n, guint64 h)
{
    guint mask = g->seen_cap - 1;
    for (guint k = (guint)h & mask;; k = (k + 1) & mask) {
        struct dt_seen_line *slot = &g->seen[k];
        if (slot->chunk == NULL)
            return slot;
        if (slot->hash == h && slot->len == n && memcmp(slot->chunk->str + slot->off, s, n) == 0)
            return slot;
    }
}

/* o: no bytes (a literal's may be a range of the text, not NUL-ended) */
static inline void stream_add(dt_graph *g, const char *s, const char *p, size_t np, const char *o,
                       size_t no, int o_kind, const char *dt, size_t ndt)
{
    if (!g->dedupe) {
        GString *out = chunk_for(g, s);
        if (out != &g->skip)
            format_statement(g, out, s, p, np, o, no, o_kind, dt, ndt);
        return;
    }
    /* a repeated statement must not even open a chunk: an empty one would
     * still mark its subject as described (dt_graph_flush).  So the line
     * of a subject without one yet is made apart first; otherwise it is
     * written in its chunk, and taken back if it was there already. */
    GString *out = chunk_found(g, s), *line = out;
    if (out == &g->skip)
        return;
    if (line == NULL) {
        line = g->line;
        g_string_truncate(line, 0);
    }
    gsize off = line->len;
    format_statement(g, line, s, p, np, o, no, o_kind, dt, ndt);
    size_t n = line->len - off;
    /* most statements are made once by construction; the few places that
     * can repeat one (holdings, posts) turn g->dedupe on, and long literals
     * (texts, sentences) are never repeated, so they are not looked up */
    struct dt_seen_line *slot = NULL;
    if (o_kind == 0 || n < 240) {
        if (2 * (g->seen_n + 1) > g->seen_cap)
            seen_grow(g);
        guint64 h = bytes_hash(line->str + off, n);
        slot = seen_slot(g, line->str + off, n, h);
        if (slot->chunk != NULL) { /* there already */
            line->len = off;
            line->str[off] = '\0';
            return;
        }
        slot->hash = h;
    }
    if (out == NULL) {
        out = chunk_for(g, s);
        off = out->len;
        put(out, line->str, n);
    }
    if (slot) {
        slot->chunk = out;
        slot->off = off;
        slot->len = n;
        g->seen_used[g->seen_n++] = (guint)(slot - g->seen);
    }
}

/* Predicates and datatypes are string literals nearly everywhere: the
 * add_* macros below hand their lengths on as the compiler computes them,
 * and format_statement measures only the subject and the object. */
static inline size_t term_len(const char *t)
{
    return t ? strlen(t) : 0;
}

#define add_iri(g, s, p, o) add_iri_n((g), (s), (p), term_len(p), (o))
#define add_lit(g, s, p, lit) add_lit_n((g), (s), (p), term_len(p), (lit))
#define add_typed(g, s, p, lex, dt) add_typed_n((g), (s), (p), term_len(p), (lex), (dt), term_len(dt))
#define add_uint(g, s, p, v) add_uint_n((g), (s), (p), term_len(p), (v))

static void add_iri_n(dt_graph *g, const char *s, const char *p, size_t np, const char *o)
{
    if (!(s && p && o))
        return;
    if (g->stream)
        stream_add(g, s, p, np, o, strlen(o), 0, NULL, 0);
    else
        g->sink->add(g->model, s, p, o, 0, NULL);
}

static void add_lit_n(dt_graph *g, const char *s, const char *p, size_t np, const char *lit)
{
    if (!(s && p && lit))
        return;
    if (g->stream)
        stream_add(g, s, p, np, lit, strlen(lit), 1, NULL, 0);
    else
        g->sink->add(g->model, s, p, lit, 1, NULL);
}

/* A plain literal given as the n bytes at lit (no NUL among them, none
 * needed after): a stream graph writes them where they are. */
static void add_lit_range(dt_graph *g, const char *s, const char *p, size_t np, const char *lit,
                          size_t n)
{
    if (g->stream) {
        stream_add(g, s, p, np, lit, n, 1, NULL, 0);
        return;
    }
    char *copy = g_strndup(lit, n);
    add_lit_n(g, s, p, np, copy);
    g_free(copy);
}

static void add_typed_n(dt_graph *g, const char *s, const char *p, size_t np, const char *lex,
                        const char *dt, size_t ndt)
{
    if (g->stream)
        stream_add(g, s, p, np, lex, strlen(lex), 2, dt, ndt);
    else
        g->sink->add(g->model, s, p, lex, 2, dt);
}

/* Decimal digits of v in buf (at least 11 bytes); returns the length.
 * Two digits a step from a table of "00".."99", written from the end of
 * a buffer sized for the longest: every offset in every IRI and NIF
 * index goes through here. */
static size_t format_uint(char *buf, unsigned v)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    char tmp[12];
    char *w = tmp + sizeof tmp;
    while (v >= 100) {
        unsigned r = v % 100;
        v /= 100;
        w -= 2;
        memcpy(w, pairs + 2 * r, 2);
    }
    if (v >= 10) {
        w -= 2;
        memcpy(w, pairs + 2 * v, 2);
    } else {
        *--w = (char)('0' + v);
    }
    size_t n = (size_t)(tmp + sizeof tmp - w);
    memcpy(buf, w, n);
    buf[n] = '\0';
    return n;
}

static void add_uint_n(dt_graph *g, const char *s, const char *p, size_t np, unsigned v)
{
    char buf[16];
    format_uint(buf, v);
    add_typed_n(g, s, p, np, buf, XSD "nonNegativeInteger", sizeof XSD "nonNegativeInteger" - 1);
}

/* ---- IRIs --------------------------------------------------------------- */

/* Percent-encodes what may not stand in an IRI path segment. */
static char *iri_escape(const char *s)
{
    GString *out = g_string_new(NULL);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (g_ascii_isalnum(*p) || strchr("-._~", *p))
            g_string_append_c(out, (char)*p);
        else
            g_string_append_printf(out, "%%%02X", *p);
    }
    return g_string_free(out, FALSE);
}


/* A set of spans, b << 32 | e, for one article: open addressing over a
 * power-of-two array, at most half full; 0 marks a free slot (and the
 * span (0, 0), which no string has, is kept apart all the same).  A
 * GHashTable cost a g_memdup2 per span and a call per look-up. */
typedef dt_span_set span_set;

static guint span_slot(guint64 v, guint mask)
{
    return ((guint)(v >> 32) * 0x9E3779B1u ^ (guint)v) & mask;
}

static void span_set_grow(span_set *set)
{
    guint cap = set->cap ? 2 * set->cap : 256;
    guint64 *slots = g_new0(guint64, cap);
    guint *used = g_new(guint, cap / 2);
    for (guint j = 0; j < set->n; j++) {
        guint64 v = set->slots[set->used[j]];
        guint k = span_slot(v, cap - 1);
        while (slots[k] != 0)
            k = (k + 1) & (cap - 1);
        slots[k] = v;
        used[j] = k;
    }
    g_free(set->slots);
    g_free(set->used);
    set->slots = slots;
    set->used = used;
    set->cap = cap;
}

/* Empties the set for the next article, slot by slot (an article uses a
 * few hundred of a table sized for the longest one yet).  A large table
 * (a long article's) is let go, so what is held stays small. */
static void span_set_clear(span_set *set)
{
    if (set->cap > 4096) {
        g_free(set->slots);
        g_free(set->used);
        set->slots = NULL;
        set->used = NULL;
        set->cap = 0;
    } else {
        for (guint j = 0; j < set->n; j++)
            set->slots[set->used[j]] = 0;
    }
    set->n = 0;
    set->zero = FALSE;
}

/* Adds v; TRUE when it was not there. */
static gboolean span_set_add(span_set *set, guint64 v)
{
    if (v == 0) {
        gboolean was = set->zero;
        set->zero = TRUE;
        return !was;
    }
    if (2 * (set->n + 1) > set->cap)
        span_set_grow(set);
    guint mask = set->cap - 1;
    for (guint k = span_slot(v, mask);; k = (k + 1) & mask) {
        if (set->slots[k] == v)
            return FALSE;
        if (set->slots[k] == 0) {
            set->slots[k] = v;
            set->used[set->n++] = k;
            return TRUE;
        }
    }
}

/* A NIF string's IRI as char_iri made it: its length, and how many
 * digits its begin offset has (the offsets are written again) */
typedef struct {
    const char *iri;
    size_t len, nb;
} nif_string;

/* A sentence of the article as span_iri wants it for every mention in
 * it: its IRI (iri NULL: not made yet), its offsets, and whether
 * first_time_span was asked for it (it answers FALSE ever after). */
typedef struct {
    nif_string name;
    uint32_t b, e;
    gboolean asked;
} sentence_name;

typedef struct {
    dt_graph *g;
    const dt_doc *doc;
    char *doc_iri;
    char *activity;
    const char *agent;
    span_set *spans;     /* #char=b,e strings already described (g's) */
    size_t doc_iri_len;
    /* span_iri's IRI of a span, made in place (a malloc and a free for
     * every mention, else) */
    char *span_buf;
    /* the article's sentences, their IRIs made once each, the i-th at
     * sentence_iris + i * CHAR_IRI_ROOM(doc_iri_len) */
    sentence_name *sentences;
    char *sentence_iris;
} ctx;

static inline guint32 rol32(guint32 x, int n)
{
    return (x << n) | (x >> (32 - n));
}

/* SHA-1's message schedule, sixteen words kept (i is a constant: the
 * first sixteen are the block's) */
#define SHA1_W(i)                                                                                  \
    ((i) < 16 ? m[(i)]                                                                             \
              : (m[(i) & 15] = rol32(m[((i) + 13) & 15] ^ m[((i) + 8) & 15] ^ m[((i) + 2) & 15] ^  \
                                         m[(i) & 15],                                              \
                                     1)))
/* One round, the five variables renamed rather than moved: f is the
 * round's function of (x, y, z) */
#define SHA1_R(v, w, x, y, z, i, f, k)                                                             \
    do {                                                                                           \
        z += f(w, x, y) + SHA1_W(i) + (k) + rol32(v, 5);                                           \
        w = rol32(w, 30);                                                                          \
    } while (0)
#define SHA1_CH(x, y, z) (((x) & ((y) ^ (z))) ^ (z))
#define SHA1_PARITY(x, y, z) ((x) ^ (y) ^ (z))
#define SHA1_MAJ(x, y, z) ((((x) | (y)) & (z)) | ((x) & (y)))
#define SHA1_R5(i, f, k)                                                                           \
    do {                                                                                           \
        SHA1_R(a, b, c, d, e, (i), f, k);                                                          \
        SHA1_R(e, a, b, c, d, (i) + 1, f, k);                                                      \
        SHA1_R(d, e, a, b, c, (i) + 2, f, k);                                                      \
        SHA1_R(c, d, e, a, b, (i) + 3, f, k);                                                      \
        SHA1_R(b, c, d, e, a, (i) + 4, f, k);                                                      \
    } while (0)
#define SHA1_R20(i, f, k)                                                                          \
    do {                                                                                           \
        SHA1_R5((i), f, k);                                                                        \
        SHA1_R5((i) + 5, f, k);                                                                    \
        SHA1_R5((i) + 10, f, k);                                                                   \
        SHA1_R5((i) + 15, f, k);                                                                   \
    } while (0)

/* SHA-1's compression of the 64-byte block p into st (FIPS 180-4),
 * written out round by round: as a loop, moving the five variables
 * along cost more than GLib's. */
static void sha1_block(guint32 st[5], const unsigned char *p)
{
    guint32 m[16];
    memcpy(m, p, sizeof m);
    for (int i = 0; i < 16; i++)
        m[i] = GUINT32_FROM_BE(m[i]);
    guint32 a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    SHA1_R20(0, SHA1_CH, 0x5A827999u);
    SHA1_R20(20, SHA1_PARITY, 0x6ED9EBA1u);
    SHA1_R20(40, SHA1_MAJ, 0x8F1BBCDCu);
    SHA1_R20(60, SHA1_PARITY, 0xCA62C1D6u);
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
}

/* The first 12 hex digits of the SHA-1 of s, in out: what
 * g_compute_checksum_for_string gives.  SHA-1 here rather than through
 * GChecksum, which for each key also made the 40 digits of the digest
 * in a string of its own, and copied the key block by block: these
 * keys are short (a few blocks), hashed for every holding, event and
 * stance. */
static void hash12(const char *s, char out[13])
{
    static const char hex[] = "0123456789abcdef";
    guint32 st[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
    size_t n = strlen(s), done = 0;
    for (; n - done >= 64; done += 64)
        sha1_block(st, (const unsigned char *)s + done);
    /* the rest, 0x80, zeros and the length in bits (big-endian) fill
     * one or two last blocks */
    unsigned char last[128] = {0};
    size_t rest = n - done, nlast = rest < 56 ? 64 : 128;
    memcpy(last, s + done, rest);
    last[rest] = 0x80;
    guint64 bits = (guint64)n * 8;
    for (int i = 0; i < 8; i++)
        last[nlast - 1 - i] = (unsigned char)(bits >> (8 * i));
    sha1_block(st, last);
    if (nlast == 128)
        sha1_block(st, last + 64);
    for (int i = 0; i < 6; i++) {
        unsigned byte = (st[i / 4] >> (24 - 8 * (i % 4))) & 0xFF;
        out[2 * i] = hex[byte >> 4];
        out[2 * i + 1] = hex[byte & 15];
    }
    out[12] = '\0';
}

/* Room for <doc>#char=b,e in span_buf and sentence_buf. */
#define CHAR_IRI_ROOM(doc_iri_len) ((doc_iri_len) + sizeof "#char=," + 20)

static const char *entity_iri(const dt_doc *doc, int e)
{
    (void)doc;
    return e < 0 ? NULL : dt_doc_entity(doc, e)->key;
}

/* <doc>#char=b,e in iri (CHAR_IRI_ROOM bytes); returns its length.
 * *nb: how many digits b has (they start at doc_iri_len + 6, and e's
 * after the comma), which the NIF offsets write again. */
static size_t char_iri(const ctx *c, char *iri, uint32_t b, uint32_t e, size_t *nb)
{
    size_t len = c->doc_iri_len;
    memcpy(iri, c->doc_iri, len);
    memcpy(iri + len, "#char=", 6);
    len += 6;
    *nb = format_uint(iri + len, b);
    len += *nb;
    iri[len++] = ',';
    len += format_uint(iri + len, e);
    return len;
}

/* True the first time the string [b, e) is met in the article: mention
 * spans and sentences share their IRIs, so they share this set.  Keyed by
 * the offsets, not the IRI, which saves hashing the IRI's long prefix. */
static gboolean first_time_span(ctx *c, uint32_t b, uint32_t e)
{
    return span_set_add(c->spans, ((guint64)b << 32) | e);
}

/* Copies a string literal: its length is known when compiling, so the
 * copy is a few moves, not a call. */
#define PUT_CONST(w, lit) (memcpy((w), (lit), sizeof(lit) - 1), (w) + sizeof(lit) - 1)

/* "<s> " opening a statement, and the graph's tail closing it */
static inline char *open_statement(char *w, const char *s, size_t ns)
{
    w = put_iri(w, s, ns);
    *w++ = ' ';
    return w;
}

static inline char *close_statement(char *w, const char *tail, size_t ntail)
{
    memcpy(w, tail, ntail);
    return w + ntail;
}

#define NNI_TYPE "\"^^<" XSD "nonNegativeInteger>"

/* describe_string in stream mode, without dedupe (a string is described
 * once an article): its five or six statements share their subject and
 * graph, so they are sized once and written in one go, the offsets from
 * the digits already in the IRI.  Written as format_statement would, one
 * by one (about a tenth of all instructions went to these, each line
 * measured and dispatched apart). */
static void stream_describe_string(ctx *c, const nif_string *str, gboolean sentence,
                                   const nif_string *of, const char *anchor, size_t nanchor)
{
    dt_graph *g = c->g;
    const char *tail = g->in_shared ? g->shared_tail : g->doc_tail;
    size_t ntail = g->in_shared ? g->shared_tail_len : g->doc_tail_len;
    const char *iri = str->iri, *bd = iri + c->doc_iri_len + 6, *ed = bd + str->nb + 1;
    size_t niri = str->len, nb = str->nb, ne = (size_t)(iri + niri - ed);
    /* 7 statements of "<s> " + tail, the constant terms below (under 512
     * bytes), the anchor escaped (6 bytes a byte at most), the context
     * and the sentence */
    size_t need = 7 * (niri + 3 + ntail) + 512 + 6 * nanchor + c->doc_iri_len + (of ? of->len : 0);
    GString *out = chunk_for(g, iri);
    if (out == &g->skip)
        return;
    char *w = reserve(out, need);
    w = open_statement(w, iri, niri);
    w = PUT_CONST(w, "<" RDF "type> <" NIF "OffsetBasedString>");
    w = close_statement(w, tail, ntail);
    if (sentence) {
        w = open_statement(w, iri, niri);
        w = PUT_CONST(w, "<" RDF "type> <" NIF "Sentence>");
        w = close_statement(w, tail, ntail);
    }
    w = open_statement(w, iri, niri);
    w = PUT_CONST(w, "<" NIF "beginIndex> \"");
    memcpy(w, bd, nb);
    w = PUT_CONST(w + nb, NNI_TYPE);
    w = close_statement(w, tail, ntail);
    w = open_statement(w, iri, niri);
    w = PUT_CONST(w, "<" NIF "endIndex> \"");
    memcpy(w, ed, ne);
    w = PUT_CONST(w + ne, NNI_TYPE);
    w = close_statement(w, tail, ntail);
    w = open_statement(w, iri, niri);
    w = PUT_CONST(w, "<" NIF "anchorOf> ");
    w = put_literal(w, anchor, nanchor);
    w = close_statement(w, tail, ntail);
    w = open_statement(w, iri, niri);
    w = PUT_CONST(w, "<" NIF "referenceContext> ");
    w = put_iri(w, c->doc_iri, c->doc_iri_len);
    w = close_statement(w, tail, ntail);
    if (of) {
        w = open_statement(w, iri, niri);
        w = PUT_CONST(w, "<" NIF "sentence> ");
        w = put_iri(w, of->iri, of->len);
        w = close_statement(w, tail, ntail);
    }
    *w = '\0';
    out->len = (gsize)(w - out->str);
}

/* A NIF string [b, e) (code points) of the article, its IRI made by
 * char_iri: its offsets, its text (read only when written) and its
 * context; a sentence is a second class, and `of` (or NULL) the sentence
 * the string is in. */
static void describe_string(ctx *c, const nif_string *str, gboolean sentence, const nif_string *of,
                            uint32_t b, uint32_t e)
{
    /* the anchor is written from the text itself, not from a copy */
    size_t nanchor;
    const char *anchor = dt_text_orig_range(c->doc->text, b, e, &nanchor);
    if (c->g->stream && !c->g->dedupe) {
        stream_describe_string(c, str, sentence, of, anchor, nanchor);
        return;
    }
    add_iri(c->g, str->iri, RDF "type", NIF "OffsetBasedString");
    if (sentence)
        add_iri(c->g, str->iri, RDF "type", NIF "Sentence");
    add_uint(c->g, str->iri, NIF "beginIndex", b);
    add_uint(c->g, str->iri, NIF "endIndex", e);
    add_lit_range(c->g, str->iri, NIF "anchorOf", term_len(NIF "anchorOf"), anchor, nanchor);
    add_iri(c->g, str->iri, NIF "referenceContext", c->doc_iri);
    if (of)
        add_iri(c->g, str->iri, NIF "sentence", of->iri);
}

/* The i-th sentence of the article, its IRI made the first time. */
static sentence_name *sentence_of(ctx *c, uint32_t i)
{
    sentence_name *sn = &c->sentences[i];
    if (sn->name.iri == NULL) {
        const dt_sentence *s = dt_text_sentence(c->doc->text, i);
        dt_text_span_cps(c->doc->text, s->tok_begin, s->tok_end, &sn->b, &sn->e);
        char *iri = c->sentence_iris + (size_t)i * CHAR_IRI_ROOM(c->doc_iri_len);
        sn->name.len = char_iri(c, iri, sn->b, sn->e, &sn->name.nb);
        sn->name.iri = iri;
    }
    return sn;
}

/* Describes the span [tb, te) as a NIF string and returns its IRI, which
 * stays valid until the next call. */
static const char *span_iri(ctx *c, uint32_t tb, uint32_t te)
{
    uint32_t b, e;
    dt_text_span_cps(c->doc->text, tb, te, &b, &e);
    nif_string span = {c->span_buf, 0, 0};
    span.len = char_iri(c, c->span_buf, b, e, &span.nb);
    if (first_time_span(c, b, e)) {
        /* a string is described once an article (first_time_span says
         * so, for the sentence too): these statements cannot repeat, and
         * skip the dedupe set that events and holdings turn on */
        gboolean dedupe = c->g->dedupe;
        c->g->dedupe = FALSE;
        sentence_name *sn = sentence_of(c, dt_doc_tok(c->doc, tb)->sentence);
        describe_string(c, &span, FALSE, &sn->name, b, e);
        /* the sentence once, unless a mention was the whole of it */
        if (!sn->asked) {
            sn->asked = TRUE;
            if (first_time_span(c, sn->b, sn->e))
                describe_string(c, &sn->name, TRUE, NULL, sn->b, sn->e);
        }
        c->g->dedupe = dedupe;
    }
    return span.iri;
}

/* The fact's article and extraction run; once per fact. */
static void derived(ctx *c, const char *fact)
{
    add_iri(c->g, fact, PROV "wasDerivedFrom", c->doc_iri);
    add_iri(c->g, fact, PROV "wasGeneratedBy", c->activity);
}

/* A span where the fact is stated. */
static void stated_at(ctx *c, const char *fact, uint32_t tb, uint32_t te)
{
    add_iri(c->g, fact, DT_NS "mention", span_iri(c, tb, te));
}

static void provenance(ctx *c, const char *fact, uint32_t tb, uint32_t te)
{
    derived(c, fact);
    stated_at(c, fact, tb, te);
}

static void concept(ctx *c, const dt_lex_entry *e, const char *type)
{
    if (e == NULL || strmap_lookup(&c->g->concepts, e->iri))
        return;
    strmap_insert(&c->g->concepts, e->iri, (gpointer)e);
    c->g->in_shared = TRUE;
    add_iri(c->g, e->iri, RDF "type", type);
    add_lit(c->g, e->iri, SKOS "prefLabel", e->label);
    c->g->in_shared = FALSE;
}

/* ---- article ------------------------------------------------------------ */

/* An http(s) URL that can be written as an IRI as it is: no spaces,
 * controls or characters N-Triples and Turtle forbid inside <...>. */
static gboolean writable_url(const char *url)
{
    if (!(g_str_has_prefix(url, "http://") || g_str_has_prefix(url, "https://")))
        return FALSE;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || strchr("<>\"{}|\\^`", *p))
            return FALSE;
    return TRUE;
}

/* JSON Lines metadata: the article's title (dct:title), its source, the
 * news outlet (dct:publisher, as written), and its URL (schema:url, an IRI
 * when it can be one, else the text as given). */
static void emit_metadata(ctx *c)
{
    const dt_doc *doc = c->doc;
    if (doc->title && *doc->title)
        add_lit(c->g, c->doc_iri, DCT "title", doc->title);
    if (doc->source && *doc->source)
        add_lit(c->g, c->doc_iri, DCT "publisher", doc->source);
    if (doc->url && *doc->url) {
        if (writable_url(doc->url))
            add_iri(c->g, c->doc_iri, SCHEMA "url", doc->url);
        else
            add_lit(c->g, c->doc_iri, SCHEMA "url", doc->url);
    }
}

static void emit_article(ctx *c)
{
    dt_graph *g = c->g;
    const dt_doc *doc = c->doc;
    add_iri(g, c->doc_iri, RDF "type", DT_NS "Article");
    add_iri(g, c->doc_iri, RDF "type", NIF "Context");
    add_lit(g, c->doc_iri, DCT "identifier", doc->id);
    add_lit(g, c->doc_iri, RDFS "label", doc->id);
    if (doc->date)
        add_typed(g, c->doc_iri, DCT "issued", doc->date, XSD "date");
    emit_metadata(c);
    add_lit(g, c->doc_iri, NIF "isString", dt_text_original(doc->text));
    add_uint(g, c->doc_iri, NIF "beginIndex", 0);
    add_uint(g, c->doc_iri, NIF "endIndex", dt_text_original_cps(doc->text));
    add_iri(g, c->activity, RDF "type", PROV "Activity");
    add_iri(g, c->activity, PROV "used", c->doc_iri);
    add_iri(g, c->activity, PROV "wasAssociatedWith", c->agent);
    g->in_shared = TRUE;
    add_iri(g, c->agent, RDF "type", PROV "SoftwareAgent");
    add_lit(g, c->agent, RDFS "label", PACKAGE_STRING);
    add_lit(g, c->agent, DT_NS "version", PACKAGE_VERSION);
    g->in_shared = FALSE;
}

/* ---- entities ----------------------------------------------------------- */

static const char *entity_type(const dt_entity *e)
{
    if (e->lex && e->lex->type_iri && e->kind != DT_ENT_PERSON)
        return e->lex->type_iri;
    switch (e->kind) {
    case DT_ENT_PERSON: return FOAF "Person";
    case DT_ENT_COUNTRY: return DT_NS "Country";
    case DT_ENT_ORG: return ORG "Organization";
    default: return DT_NS "Place";
    }
}

/* The statements of an entity's description in the shared graph, but
 * for the doc-graph ones between them (which keep their order). */
static void describe_entity_type(dt_graph *g, const dt_entity *e)
{
    add_iri(g, e->key, RDF "type", entity_type(e));
    if (e->kind == DT_ENT_PERSON)
        add_iri(g, e->key, RDF "type", SCHEMA "Person");
    else if (e->kind == DT_ENT_ORG) {
        /* a listed body has its own class as well; an unlisted one is an
         * org:Organization alone (it was typed schema:Country before) */
        if (strcmp(entity_type(e), ORG "Organization"))
            add_iri(g, e->key, RDF "type", ORG "Organization");
    } else if (e->kind == DT_ENT_PLACE)
        add_iri(g, e->key, RDF "type", SCHEMA "Place");
    else
        add_iri(g, e->key, RDF "type", SCHEMA "Country");
}

static void describe_entity_links(dt_graph *g, const dt_entity *e)
{
    if (e->lex && e->lex->qid) {
        char *wd = g_strconcat(WD, e->lex->qid, NULL);
        add_iri(g, e->key, OWL "sameAs", wd);
        g_free(wd);
    }
    if (e->lex && e->lex->part_of)
        add_iri(g, e->key, DT_NS "partOf", e->lex->part_of->iri);
}

static void emit_entities(ctx *c)
{
    dt_graph *g = c->g;
    for (guint i = 0; i < c->doc->entities->len; i++) {
        const dt_entity *e = dt_doc_entity(c->doc, (int)i);
        /* most entities were described by an article written before:
         * asked once, rather than at each statement */
        gboolean describe = !shared_skipped(g, e->key);
        g->in_shared = TRUE;
        if (describe)
            describe_entity_type(g, e);
        if (e->kind == DT_ENT_PERSON) {
            g->in_shared = FALSE;
            add_lit(g, e->key, FOAF "name", e->label);
            g->in_shared = TRUE;
        }
        if (describe)
            add_lit(g, e->key, SKOS "prefLabel", e->pref_label ? e->pref_label : e->label);
        g->in_shared = FALSE;
        /* a person's rdfs:label is one name for the whole corpus (rasqal
         * joins OPTIONAL groups wrongly over many-valued labels); the name
         * as this article writes it is its foaf:name.  A body is labelled
         * as the article writes it. */
        add_lit(g, e->key, RDFS "label",
                e->kind == DT_ENT_PERSON && e->pref_label ? e->pref_label : e->label);
        g->in_shared = TRUE;
        if (describe)
            describe_entity_links(g, e);
        g->in_shared = FALSE;
        add_iri(g, c->doc_iri, SCHEMA "mentions", e->key);
        for (guint k = 0; k < e->mentions->len; k++) {
            const dt_mention *m = &g_array_index(c->doc->mentions, dt_mention, g_array_index(e->mentions, guint, k));
            add_iri(g, span_iri(c, m->tb, m->te), ITSRDF "taIdentRef", e->key);
        }
    }
}

/* ---- facts -------------------------------------------------------------- */

/* What printf's "%s" makes of s, NULL included ("(null)", as glibc
 * writes it): the keys and IRIs below were made with printf and are
 * now joined without it (a format parsed for every fact), to the same
 * bytes. */
static inline const char *pr_s(const char *s)
{
    return s ? s : "(null)";
}

/* key += "|" s */
static void key_add(GString *key, const char *s)
{
    g_string_append_c(key, '|');
    g_string_append(key, pr_s(s));
}

static char *post_iri(ctx *c, const dt_holding *h, char **label)
{
    const dt_entity *j = dt_doc_entity(c->doc, h->jurisdiction);
    const char *office_local = strrchr(h->office->iri, '/') + 1;
    if (j == NULL) {
        *label = g_strdup(h->office->label);
        return g_strconcat(c->g->base, "id/post/", office_local, NULL);
    }
    char *jslug = dt_slug(j->key + (g_str_has_prefix(j->key, DT_ID) ? strlen(DT_ID) : 0));
    *label = g_strconcat(pr_s(h->office->label), " of ", pr_s(j->label), NULL);
    char *iri = g_strconcat(c->g->base, "id/post/", office_local, "--", jslug, NULL);
    g_free(jslug);
    return iri;
}

/* The graph's scratch for the key a fact's IRI is hashed from, holding
 * first (NULL: nothing, as g_string_new has it) */
static GString *fact_key(ctx *c, const char *first)
{
    GString *key = c->g->key;
    g_string_truncate(key, 0);
    if (first)
        g_string_append(key, first);
    return key;
}

static char *holding_iri(ctx *c, const dt_holding *h)
{
    const char *jur = entity_iri(c->doc, h->jurisdiction);
    GString *key = fact_key(c, entity_iri(c->doc, h->person));
    key_add(key, h->office->iri);
    key_add(key, jur ? jur : "");
    for (guint q = 0; q < h->qualifiers->len; q++)
        key_add(key, ((const dt_lex_entry *)g_ptr_array_index(h->qualifiers, q))->iri);
    char hash[13];
    hash12(key->str, hash);
    return g_strconcat(c->g->base, "id/holding/", hash, NULL);
}

/* How many of iris[] (the IRIs of an article's holdings or events) are
 * each one, in g->facts (a count as a pointer) until it is cleared.  A
 * fact whose IRI is told once has statements that only it makes: those
 * that it makes once each are written without the dedupe set (hashing
 * and keeping every line of every holding and event, else). */
static void count_facts(dt_graph *g, const GPtrArray *iris)
{
    for (guint i = 0; i < iris->len; i++) {
        struct dt_strmap_slot *slot = strmap_take(&g->facts, g_ptr_array_index(iris, i));
        slot->value = GUINT_TO_POINTER(GPOINTER_TO_UINT(slot->value) + 1);
    }
}

static gboolean told_once(const dt_graph *g, const char *iri)
{
    return GPOINTER_TO_UINT(strmap_lookup(&g->facts, iri)) == 1;
}

static void emit_holdings(ctx *c)
{
    dt_graph *g = c->g;
    GPtrArray *iris = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < c->doc->holdings->len; i++)
        g_ptr_array_add(iris, holding_iri(c, &g_array_index(c->doc->holdings, dt_holding, i)));
    count_facts(g, iris);
    for (guint i = 0; i < c->doc->holdings->len; i++) {
        const dt_holding *h = &g_array_index(c->doc->holdings, dt_holding, i);
        const char *person = entity_iri(c->doc, h->person);
        const char *jur = entity_iri(c->doc, h->jurisdiction);
        const char *iri = g_ptr_array_index(iris, i);
        /* the same holding or post may be told twice: what is said of
         * the holding is deduped unless it is told once */
        gboolean once = told_once(g, iri);
        g->dedupe = !once;
        char *plabel = NULL;
        char *post = post_iri(c, h, &plabel);
        add_iri(g, iri, RDF "type", DT_NS "OfficeHolding");
        add_iri(g, iri, RDF "type", ORG "Membership");
        add_iri(g, iri, ORG "member", person);
        add_iri(g, iri, ORG "role", h->office->iri);
        add_iri(g, iri, DT_NS "post", post);
        add_lit(g, iri, DT_NS "title", h->title);
        char *written = dt_text_span(c->doc->text, h->tb, h->te, NULL, NULL);
        add_lit(g, iri, DT_NS "titleAsWritten", written);
        g_free(written);
        if (jur) {
            add_iri(g, iri, DT_NS "jurisdiction", jur);
            add_iri(g, iri, ORG "organization", jur);
            /* "UNIFIL spokesperson": the body as the article names it */
            add_lit(g, iri, DT_NS "jurisdictionName", dt_doc_entity(c->doc, h->jurisdiction)->label);
        }
        g->dedupe = TRUE; /* a qualifier may be listed twice */
        for (guint q = 0; q < h->qualifiers->len; q++) {
            const dt_lex_entry *qe = g_ptr_array_index(h->qualifiers, q);
            add_iri(g, iri, DT_NS "qualifier", qe->iri);
            concept(c, qe, DT_NS "Qualifier");
        }
        g->dedupe = !once;
        if (c->doc->date)
            add_typed(g, iri, DT_NS "reportedOn", c->doc->date, XSD "date");
        g->dedupe = TRUE; /* posts and their holders: one for many holdings */
        g->in_shared = TRUE;
        add_iri(g, post, RDF "type", ORG "Post");
        add_lit(g, post, RDFS "label", plabel);
        add_iri(g, post, ORG "role", h->office->iri);
        if (jur)
            add_iri(g, post, DT_NS "jurisdiction", jur);
        g->in_shared = FALSE;
        add_iri(g, person, ORG "holds", post);
        concept(c, h->office, DT_NS "OfficeTitle");
        g->dedupe = !once;
        provenance(c, iri, h->tb, h->te);
        g_free(plabel);
        g_free(post);
    }
    g->dedupe = FALSE;
    strmap_clear(&g->facts);
    g_ptr_array_free(iris, TRUE);
}

/* "interview with Emmanuel Macron on 2025-09-02", "call with Keir Starmer,
 * Emmanuel Macron and 9 more": made only of what the event's IRI is keyed
 * on, so every article gives it the same label, and two events of one day
 * that differ only by their people are not labelled alike. */
static char *content_label(const dt_doc *doc, const dt_event *ev)
{
    GString *label = g_string_new(ev->type->label);
    guint n = ev->participants->len, shown = n > 3 ? 2 : n;
    for (guint k = 0; k < shown; k++) {
        const dt_entity *p = dt_doc_entity(doc, g_array_index(ev->participants, int, k));
        g_string_append(label, k == 0 ? " with " : (k + 1 == n ? " and " : ", "));
        g_string_append(label, p->kind == DT_ENT_PERSON && p->pref_label ? p->pref_label : p->label);
    }
    if (shown < n) {
        char num[16];
        format_uint(num, n - shown);
        g_string_append(label, " and ");
        g_string_append(label, num);
        g_string_append(label, " more");
    }
    const dt_entity *pl = dt_doc_entity(doc, ev->place);
    if (pl) {
        g_string_append(label, " in ");
        g_string_append(label, pr_s(pl->label));
    }
    if (ev->date) {
        g_string_append(label, " on ");
        g_string_append(label, ev->date);
    }
    return g_string_free(label, FALSE);
}

static char *event_iri(ctx *c, const dt_event *ev)
{
    GString *key = fact_key(c, ev->type->iri);
    key_add(key, ev->place >= 0 ? entity_iri(c->doc, ev->place) : "");
    key_add(key, ev->date ? ev->date : "");
    for (guint k = 0; k < ev->participants->len; k++)
        key_add(key, entity_iri(c->doc, g_array_index(ev->participants, int, k)));
    if (ev->place < 0 && ev->date == NULL) {
        key_add(key, c->doc->id);
        key_add(key, ev->label);
    }
    char hash[13];
    hash12(key->str, hash);
    return g_strconcat(c->g->base, "id/event/", hash, NULL);
}

/* The article's report that entity p took part in the event: its own
 * node, so that the name this article writes ("Araqchi") stays with this
 * article when other articles report the same event. */
static void participation(ctx *c, const char *event, int p)
{
    const char *who = entity_iri(c->doc, p);
    GString *key = g_string_new(event);
    g_string_append_c(key, ' ');
    g_string_append(key, who);
    char hash[13];
    hash12(key->str, hash);
    g_string_free(key, TRUE);
    char *node = g_strconcat(c->doc_iri, "#participation-", hash, NULL);
    add_iri(c->g, node, RDF "type", DT_NS "Participation");
    add_iri(c->g, node, DT_NS "inEvent", event);
    add_iri(c->g, node, DT_NS "participant", who);
    add_lit(c->g, node, DT_NS "participantName", dt_doc_entity(c->doc, p)->label);
    g_free(node);
}

static void emit_events(ctx *c)
{
    dt_graph *g = c->g;
    GPtrArray *iris = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < c->doc->events->len; i++)
        g_ptr_array_add(iris, event_iri(c, g_ptr_array_index(c->doc->events, i)));
    count_facts(g, iris);
    for (guint i = 0; i < c->doc->events->len; i++) {
        const dt_event *ev = g_ptr_array_index(c->doc->events, i);
        const char *iri = g_ptr_array_index(iris, i);
        /* two events of an article can be one by content (same kind,
         * place, date, people): one IRI, so their statements may repeat */
        gboolean once = told_once(g, iri);
        g->dedupe = !once;
        add_iri(g, iri, RDF "type", DT_NS "Event");
        add_iri(g, iri, RDF "type", SEM "Event");
        add_iri(g, iri, DT_NS "eventType", ev->type->iri);
        concept(c, ev->type, DT_NS "EventType");
        char *label;
        if (ev->place >= 0 || ev->date) {
            /* an event other articles may tell too (keyed by content) gets a
             * label from its content, the same in every article, and keeps
             * the article's words as an alternative label */
            label = content_label(c->doc, ev);
            add_lit(g, iri, SKOS "altLabel", ev->label);
        } else {
            label = g_strdup(ev->label);
        }
        /* labels tell events apart in query results */
        for (guint k = 0; k < i; k++) {
            const dt_event *o = g_ptr_array_index(c->doc->events, k);
            if (o->place < 0 && o->date == NULL && ev->place < 0 && ev->date == NULL &&
                !strcmp(o->label, ev->label)) {
                g_free(label);
                label = g_strdup_printf("%s (%u)", ev->label, i + 1);
            }
        }
        add_lit(g, iri, RDFS "label", label);
        g_free(label);
        if (ev->place >= 0)
            add_iri(g, iri, SEM "hasPlace", entity_iri(c->doc, ev->place));
        g->dedupe = TRUE; /* a participant or a span may be listed twice */
        for (guint k = 0; k < ev->participants->len; k++) {
            int p = g_array_index(ev->participants, int, k);
            add_iri(g, iri, SEM "hasActor", entity_iri(c->doc, p));
            participation(c, iri, p);
        }
        g->dedupe = !once;
        add_lit(g, iri, DT_NS "timeText", ev->time_text);
        if (ev->date)
            add_typed(g, iri, DT_NS "date", ev->date, XSD "date");
        derived(c, iri);
        g->dedupe = TRUE;
        for (guint k = 0; k + 1 < ev->spans->len; k += 2)
            stated_at(c, iri, g_array_index(ev->spans, uint32_t, k), g_array_index(ev->spans, uint32_t, k + 1));
    }
    g->dedupe = FALSE;
    strmap_clear(&g->facts);
    g_ptr_array_free(iris, TRUE);
}

static void add_entities(ctx *c, const char *s, const char *p, const GArray *ents)
{
    for (guint k = 0; k < ents->len; k++)
        add_iri(c->g, s, p, entity_iri(c->doc, g_array_index(ents, int, k)));
}

/* The names the article writes ("IGAD", "Araqchi"), beside the entities,
 * whose skos:prefLabel is the lexicon's ("Intergovernmental Authority on
 * Development", "Araghchi"): what a reader of this article would search for. */
static void add_entity_names(ctx *c, const char *s, const char *p, const GArray *ents)
{
    for (guint k = 0; k < ents->len; k++)
        add_lit(c->g, s, p, dt_doc_entity(c->doc, g_array_index(ents, int, k))->label);
}

static char *proposal_iri(ctx *c, int i)
{
    const dt_proposal *p = g_ptr_array_index(c->doc->proposals, i);
    /* the first of a kind is "#proposal-Other", the next "#proposal-Other-2" */
    int nth = 1;
    for (int k = 0; k < i; k++)
        nth += ((const dt_proposal *)g_ptr_array_index(c->doc->proposals, k))->kind == p->kind;
    const char *kind = strrchr(p->kind->iri, '#') + 1;
    if (nth > 1) {
        char num[16];
        format_uint(num, (unsigned)nth);
        return g_strconcat(c->doc_iri, "#proposal-", kind, "-", num, NULL);
    }
    return g_strconcat(c->doc_iri, "#proposal-", kind, NULL);
}

static void emit_proposals(ctx *c)
{
    dt_graph *g = c->g;
    for (guint i = 0; i < c->doc->proposals->len; i++) {
        const dt_proposal *p = g_ptr_array_index(c->doc->proposals, i);
        char *iri = proposal_iri(c, (int)i);
        add_iri(g, iri, RDF "type", DT_NS "Proposal");
        add_iri(g, iri, DT_NS "proposalKind", p->kind->iri);
        concept(c, p->kind, DT_NS "ProposalKind");
        add_lit(g, iri, RDFS "label", p->label);
        add_lit(g, iri, DT_NS "summary", p->label);
        add_entities(c, iri, DT_NS "proposer", p->proposers);
        add_entity_names(c, iri, DT_NS "proposerName", p->proposers);
        add_entities(c, iri, DT_NS "beneficiary", p->beneficiaries);
        add_entity_names(c, iri, DT_NS "beneficiaryName", p->beneficiaries);
        add_entities(c, iri, DT_NS "provider", p->providers);
        add_entities(c, iri, DT_NS "target", p->targets);
        add_lit(g, iri, DT_NS "concerns", p->concerns);
        add_lit(g, iri, DT_NS "condition", p->condition);
        add_lit(g, iri, DT_NS "modelledOn", p->modelled_on);
        derived(c, iri);
        for (guint k = 0; k + 1 < p->spans->len; k += 2)
            stated_at(c, iri, g_array_index(p->spans, uint32_t, k), g_array_index(p->spans, uint32_t, k + 1));
        g_free(iri);
    }
}

static void emit_stances(ctx *c)
{
    dt_graph *g = c->g;
    for (guint i = 0; i < c->doc->stances->len; i++) {
        const dt_stance *s = &g_array_index(c->doc->stances, dt_stance, i);
        char *prop = proposal_iri(c, s->proposal);
        char *key = g_strconcat(pr_s(entity_iri(c->doc, s->holder)), "|", prop, "|",
                                pr_s(s->polarity->iri), NULL);
        char hash[13];
        hash12(key, hash);
        char *iri = g_strconcat(c->doc_iri, "#stance-", hash, NULL);
        add_iri(g, iri, RDF "type", DT_NS "Stance");
        add_iri(g, iri, DT_NS "holder", entity_iri(c->doc, s->holder));
        add_lit(g, iri, DT_NS "holderName", dt_doc_entity(c->doc, s->holder)->label);
        add_iri(g, iri, DT_NS "towards", prop);
        add_iri(g, iri, DT_NS "polarity", s->polarity->iri);
        concept(c, s->polarity, DT_NS "Polarity");
        add_lit(g, iri, DT_NS "trigger", s->trigger);
        add_lit(g, iri, DT_NS "condition", s->condition);
        add_lit(g, iri, DT_NS "modality", s->modality);
        add_typed(g, iri, DT_NS "negated", s->negated ? "true" : "false", XSD "boolean");
        if (s->evidentiality)
            add_iri(g, iri, DT_NS "evidentiality", s->evidentiality->iri);
        if (s->source >= 0)
            add_iri(g, iri, DT_NS "source", entity_iri(c->doc, s->source));
        provenance(c, iri, s->tb, s->te);
        g_free(iri);
        g_free(key);
        g_free(prop);
    }
}

static void emit_quotes(ctx *c)
{
    dt_graph *g = c->g;
    uint32_t n = dt_doc_ntok(c->doc);
    for (guint i = 0; i < c->doc->quotes->len; i++) {
        const dt_quote *q = &g_array_index(c->doc->quotes, dt_quote, i);
        uint32_t b, e;
        char *text = dt_text_span(c->doc->text, q->tb, q->te, &b, &e);
        char nb[16], ne[16];
        format_uint(nb, b);
        format_uint(ne, e);
        char *iri = g_strconcat(c->doc_iri, "#quote-", nb, "-", ne, NULL);
        add_iri(g, iri, RDF "type", DT_NS "Quotation");
        add_iri(g, iri, RDF "type", SCHEMA "Quotation");
        add_lit(g, iri, SCHEMA "text", text);
        if (q->speaker >= 0) {
            add_iri(g, iri, DT_NS "speaker", entity_iri(c->doc, q->speaker));
            add_iri(g, iri, PROV "wasAttributedTo", entity_iri(c->doc, q->speaker));
            /* the speaker's name as this article writes it */
            add_lit(g, iri, DT_NS "speakerName", dt_doc_entity(c->doc, q->speaker)->label);
        }
        if (q->verb)
            add_lit(g, iri, DT_NS "reportingVerb", q->verb->label);
        if (q->venue >= 0)
            add_iri(g, iri, DT_NS "venue", entity_iri(c->doc, q->venue));
        add_lit(g, iri, DT_NS "venueText", q->venue_text);
        add_typed(g, iri, DT_NS "direct", "true", XSD "boolean");
        add_typed(g, iri, DT_NS "partial", q->partial ? "true" : "false", XSD "boolean");
        add_iri(g, iri, DT_NS "evidentiality", DT_NS "FirstHand");
        uint32_t close = q->close_tok < n ? q->close_tok + 1 : q->te;
        provenance(c, iri, q->open_tok, close);
        g_free(iri);
        g_free(text);
    }
}

/* ---- public API ----------------------------------------------------------- */

static void free_gstring(gpointer p) { g_string_free(p, TRUE); }

/* *tail: how a statement of the named graph `graph` ends (quads) or
 * of any statement (triples) */
static void set_tail(char **tail, size_t *len, const char *graph, gboolean quads)
{
    g_free(*tail);
    *tail = quads ? g_strconcat(" <", graph, "> .\n", NULL) : g_strdup(" .\n");
    *len = strlen(*tail);
}

dt_graph *dt_graph_new_stream(const char *base, gboolean quads)
{
    dt_graph *g = g_new0(dt_graph, 1);
    g->base = g_strdup(base);
    g->stream = TRUE;
    g->quads = quads;
    g->doc_out = g_string_new(NULL);
    g->line = g_string_new(NULL);
    char *shared_graph = g_strconcat(base, "graph/entities", NULL);
    set_tail(&g->shared_tail, &g->shared_tail_len, shared_graph, quads);
    g_free(shared_graph);
    return g;
}

/* Empties the dedupe set (it points into the chunks: before they are). */
static void forget_seen(dt_graph *g)
{
    /* only the slots in use: an article writes a few hundred lines to a
     * table sized for the longest one yet */
    for (guint j = 0; j < g->seen_n; j++)
        g->seen[g->seen_used[j]].chunk = NULL;
    g->seen_n = 0;
}

/* Bounds on the emptied entity blocks a graph keeps for reuse: at most
 * 256 KiB, beside a chunk of ~64 times the article (dt_graph_held_bytes
 * does not count them; with -j N up to 16 N circulate). */
#define SPARE_CHUNK_MAX 4096u
#define SPARE_CHUNKS_MAX 64u

/* keep: the graph takes another article (not when it is freed) */
static void clear_chunk(dt_graph *g, gboolean keep)
{
    g_string_truncate(g->doc_out, 0);
    /* the emptied blocks are kept for the next article's entities (a
     * malloc and a free each, for every entity of every article, else);
     * one that grew past a few KiB is let go, so what is held stays small */
    for (guint j = 0; j < g->shared_out.n; j++) {
        GString *chunk = strmap_at(&g->shared_out, j)->value;
        if (chunk == &g->skip)
            continue;
        if (keep && g->spare_chunks == NULL)
            g->spare_chunks = g_ptr_array_new_with_free_func(free_gstring);
        if (keep && chunk->allocated_len <= SPARE_CHUNK_MAX && g->spare_chunks->len < SPARE_CHUNKS_MAX) {
            g_string_truncate(chunk, 0);
            g_ptr_array_add(g->spare_chunks, chunk);
        } else {
            free_gstring(chunk);
        }
    }
    strmap_clear(&g->shared_out);
    g->last_subject = NULL;
    g->last_chunk = NULL;
    forget_seen(g);
}

void dt_graph_free(dt_graph *g)
{
    if (g == NULL)
        return;
    if (g->sink)
        g->sink->free(g->model);
    if (g->stream) {
        clear_chunk(g, FALSE);
        g_string_free(g->doc_out, TRUE);
        g_string_free(g->line, TRUE);
        strmap_free(&g->shared_out);
        if (g->spare_chunks)
            g_ptr_array_free(g->spare_chunks, TRUE);
        g_free(g->seen);
        g_free(g->seen_used);
    }
    g_free(g->agent);
    if (g->key)
        g_string_free(g->key, TRUE);
    g_free(g->spans.slots);
    g_free(g->spans.used);
    strmap_free(&g->concepts);
    strmap_free(&g->facts);
    g_free(g->shared_tail);
    g_free(g->doc_tail);
    g_free(g->base);
    g_free(g);
}

/* N-Quads of an article run to ~65 times its text: an article's chunk is
 * sized once, not doubled a dozen times from nothing. */
static void reserve_chunk(dt_graph *g, size_t text_len)
{
    if (!g->stream || g->doc_out->len > 0)
        return;
    gsize want = MIN((gsize)text_len * 64, (gsize)8 << 20);
    /* a reused graph (-j) does not keep a long article's chunk for the
     * short ones that follow: what is held stays what is in flight */
    gsize cap = g->doc_out->allocated_len;
    if (cap < want || (cap > ((gsize)1 << 20) && cap > 4 * want)) {
        g_string_free(g->doc_out, TRUE);
        g->doc_out = g_string_sized_new(want);
    }
}

dt_status dt_graph_add_doc(dt_graph *g, const dt_doc *doc, GError **err)
{
    (void)err;
    ctx c = {0};
    c.g = g;
    c.doc = doc;
    if (g->stream && g->flushed) {
        clear_chunk(g, TRUE);
        g->flushed = FALSE;
    }
    reserve_chunk(g, strlen(dt_text_original(doc->text)));
    char *id = iri_escape(doc->id);
    c.doc_iri = g_strconcat(g->base, "doc/", id, NULL);
    if (g->stream)
        set_tail(&g->doc_tail, &g->doc_tail_len, c.doc_iri, g->quads);
    c.activity = g_strconcat(c.doc_iri, "#extraction", NULL);
    if (g->key == NULL)
        g->key = g_string_new(NULL);
    if (g->agent == NULL) { /* the same for every article */
        char *ver = iri_escape(PACKAGE_VERSION);
        g->agent = g_strconcat(g->base, "id/agent/detente-", ver, NULL);
        g_free(ver);
    }
    c.agent = g->agent;
    c.doc_iri_len = strlen(c.doc_iri);
    c.span_buf = g_malloc(CHAR_IRI_ROOM(c.doc_iri_len));
    c.spans = &g->spans;
    uint32_t nsentences = dt_text_nsentences(doc->text);
    c.sentences = g_new0(sentence_name, nsentences);
    c.sentence_iris = g_malloc((size_t)nsentences * CHAR_IRI_ROOM(c.doc_iri_len));
    emit_article(&c);
    emit_entities(&c);
    emit_holdings(&c);
    emit_events(&c);
    emit_proposals(&c);
    emit_stances(&c);
    emit_quotes(&c);
    strmap_clear(&g->concepts);
    span_set_clear(c.spans);
    g_free(c.span_buf);
    g_free(c.sentences);
    g_free(c.sentence_iris);
    g_free(c.doc_iri);
    g_free(c.activity);
    g_free(id);
    return DT_OK;
}

size_t dt_graph_held_bytes(const dt_graph *g)
{
    return g->stream ? g->doc_out->allocated_len + g->line->allocated_len : 0;
}

void dt_graph_seal(dt_graph *g)
{
    if (g->stream)
        forget_seen(g);
}

/* Slots of shared_out by subject, for g_ptr_array_sort (which hands
 * pointers to the elements) */
static gint cmp_subjects(gconstpointer a, gconstpointer b)
{
    const struct dt_strmap_slot *const *x = a, *const *y = b;
    return strcmp((*x)->key, (*y)->key);
}

/* Adds subject to done, under the lock other threads read done with
 * when it is the set they consult (dt_graph_set_described). */
static void described_add(const dt_graph *g, GHashTable *done, const char *subject)
{
    GMutex *lock = done == g->described ? g->described_lock : NULL;
    if (lock)
        g_mutex_lock(lock);
    g_hash_table_add(done, g_strdup(subject));
    if (lock)
        g_mutex_unlock(lock);
}

void dt_graph_set_described(dt_graph *g, GHashTable *done, GMutex *lock)
{
    g->described = done;
    g->described_lock = lock;
}

dt_status dt_graph_flush(dt_graph *g, FILE *fh, GHashTable *done, GError **err)
{
    if (g->flushed)
        return DT_OK;
    gboolean ok = fwrite(g->doc_out->str, 1, g->doc_out->len, fh) == g->doc_out->len;
    /* entity descriptions once per output, in a stable order (by
     * subject); most entities were described by an earlier article, so
     * those are set aside before sorting, not after */
    GPtrArray *fresh = g_ptr_array_sized_new(g->shared_out.n);
    for (guint j = 0; j < g->shared_out.n; j++) {
        const struct dt_strmap_slot *slot = strmap_at(&g->shared_out, j);
        if (slot->value != &g->skip && !(done && g_hash_table_contains(done, slot->key)))
            g_ptr_array_add(fresh, (gpointer)slot);
    }
    g_ptr_array_sort(fresh, cmp_subjects);
    for (guint i = 0; i < fresh->len && ok; i++) {
        const struct dt_strmap_slot *slot = g_ptr_array_index(fresh, i);
        const GString *block = slot->value;
        ok = fwrite(block->str, 1, block->len, fh) == block->len;
        if (done)
            described_add(g, done, slot->key);
    }
    g_ptr_array_free(fresh, TRUE);
    /* not emptied here: with -j the writer flushes what workers made, and
     * the next dt_graph_add_doc, on a worker, frees it instead */
    g->flushed = TRUE;
    if (!ok)
        return dt_fail(err, DT_ERR_IO, "write error: %s", g_strerror(errno));
    return DT_OK;
}
