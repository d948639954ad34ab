/* The lexicon at run time: a view over a compiled image
 * (dt_lexicon_image.h), built from the Turtle files (dt_lexicon_build.c,
 * which needs raptor) or read from a cache file written by an earlier run
 * (this file, which does not).  A cache file is trusted only after its
 * header, every section's bounds and every reference in it have been
 * checked, and only when its fingerprint -- the sources' names, sizes and
 * modification times, and the program's own -- is the current one;
 * otherwise the Turtle is parsed as if there were no cache. */
#include <config.h>

#include "dt_lexicon.h"
#include "dt_lexicon_image.h"
#include "dt_lexicon_builder_id.h" /* generated: the builder's source checksum */

#include <glib/gstdio.h>
#include <stdbool.h>
#include <string.h>

struct dt_lexicon {
    GMappedFile *file;       /* the cache file holding the image, or NULL */
    GByteArray *built;       /* the image built from Turtle, or NULL */
    const dt_leximg_header *h;
    const char *strings;     /* pool; strings are referenced as offset + 1 */
    dt_lex_entry *entries;   /* made from the image's entries */
    dt_sense *senses;        /* idem, grouped by key */
    GPtrArray **lists;       /* senses of each key (dt_lexicon_lookup) */
    const dt_leximg_key *keys;
    const dt_leximg_slot *entry_table, *given_table;
    const dt_leximg_pslot *prefix_table;
    guint64 *prefix_filter;  /* PREFIX_FILTER_BITS bits: some slot has this hash (see below) */
    guint64 *class_filter;   /* CLASS_FILTER_BITS bits a class: some key of it has this hash */
    guint64 *class_lead;     /* CLASS_FILTER_BITS bits a class: some key of it starts so */
    guint64 id;              /* random: tells this lexicon's token memos (see below) from
                              * those of one freed before at the same address */
};

/* match_lexicon asks the prefix table about every token, and more than
 * half of the questions find nothing; the table (16 bytes a slot) and
 * the string pool are too big for the cache, so each miss costs a trip
 * to memory.  A bit per 19-bit piece of the hashes held (64 KiB) answers
 * most of those misses from the cache: a clear bit means no slot has the
 * hash, which is what the probe would find out.  Built when the lexicon
 * is opened; read-only after, like the rest. */
#define PREFIX_FILTER_BITS (1u << 19)

static uint32_t filter_bit(uint32_t hash)
{
    return (hash >> 13) & (PREFIX_FILTER_BITS - 1);
}

/* dt_lexicon_find is asked, for nearly every token, whether the token is
 * a key of one small class ("plan", "idea": a proposal noun), and nearly
 * always it is not; the probe for the key finds some other class's key or
 * none.  A small filter per class, a bit per piece of the hashes of the
 * keys having a sense of that class (512 bytes a class, which stay in the
 * cache), answers most of those questions from the hash alone. */
#define CLASS_FILTER_BITS (1u << 12)

static uint32_t class_bit(dt_lex_class cls, uint32_t hash)
{
    return (uint32_t)cls * CLASS_FILTER_BITS + (hash >> 20);
}

/* ... and one by the key's first two bytes, asked before the key is
 * hashed at all: hashing the whole key cost more than the rest */
static uint32_t class_lead_bit(dt_lex_class cls, const char *key)
{
    unsigned b0 = (unsigned char)key[0], b1 = b0 ? (unsigned char)key[1] : 0;
    return (uint32_t)cls * CLASS_FILTER_BITS + ((b0 * 64u + b1) & (CLASS_FILTER_BITS - 1));
}

static gboolean bit_set(const guint64 *bits, uint32_t bit)
{
    return (bits[bit / 64] >> (bit % 64)) & 1;
}

/* ---- checking an image ---------------------------------------------------- */

static const size_t elem_size[DT_LEXIMG_NSECTIONS] = {
    [DT_LEXIMG_STRINGS] = 1,
    [DT_LEXIMG_ENTRIES] = sizeof(dt_leximg_entry),
    [DT_LEXIMG_SENSES] = sizeof(dt_leximg_sense),
    [DT_LEXIMG_KEYS] = sizeof(dt_leximg_key),
    [DT_LEXIMG_ENTRY_TABLE] = sizeof(dt_leximg_slot),
    [DT_LEXIMG_PREFIX_TABLE] = sizeof(dt_leximg_pslot),
    [DT_LEXIMG_GIVEN_TABLE] = sizeof(dt_leximg_slot)};

static const void *section(const guint8 *img, const dt_leximg_header *h, int sec)
{
    return img + h->sec[sec].offset;
}

static gboolean is_pow2(uint32_t n) { return n != 0 && (n & (n - 1)) == 0; }

static dt_status check_header(const guint8 *img, size_t size, guint64 fingerprint, GError **err)
{
    const dt_leximg_header *h = (const dt_leximg_header *)img;
    if (size < sizeof *h || memcmp(h->magic, DT_LEXIMG_MAGIC, sizeof h->magic) != 0)
        return dt_fail(err, DT_ERR_SYNTAX, "not a lexicon image");
    if (h->version != DT_LEXIMG_VERSION || h->byte_order != DT_LEXIMG_BYTE_ORDER ||
        h->nclasses != DT_LEX_NCLASSES)
        return dt_fail(err, DT_ERR_SYNTAX, "lexicon image of another version or machine");
    if (h->fingerprint != fingerprint)
        return dt_fail(err, DT_ERR_SYNTAX, "lexicon image made from other sources (stale)");
    if (h->size != size)
        return dt_fail(err, DT_ERR_SYNTAX, "lexicon image truncated or padded");
    for (int s = 0; s < DT_LEXIMG_NSECTIONS; s++) {
        guint64 end = (guint64)h->sec[s].offset + (guint64)h->sec[s].count * elem_size[s];
        if (h->sec[s].offset < sizeof *h || h->sec[s].offset % 8 || end > size)
            return dt_fail(err, DT_ERR_SYNTAX, "lexicon image section %d out of bounds", s);
        if (s >= DT_LEXIMG_ENTRY_TABLE && !is_pow2(h->sec[s].count))
            return dt_fail(err, DT_ERR_SYNTAX, "lexicon image table %d of bad size", s);
    }
    uint32_t nstr = h->sec[DT_LEXIMG_STRINGS].count;
    if (nstr == 0 || img[h->sec[DT_LEXIMG_STRINGS].offset + nstr - 1] != '\0')
        return dt_fail(err, DT_ERR_SYNTAX, "lexicon image string pool not terminated");
    return DT_OK;
}

/* Every reference inside the pool or array it names (0 = none allowed
 * where opt). */
static gboolean ref_ok(uint32_t ref, uint32_t n, gboolean opt)
{
    return ref == 0 ? opt : ref <= n;
}

static dt_status check_refs(const guint8 *img, GError **err)
{
    const dt_leximg_header *h = (const dt_leximg_header *)img;
    uint32_t nstr = h->sec[DT_LEXIMG_STRINGS].count, nent = h->sec[DT_LEXIMG_ENTRIES].count;
    uint32_t nsen = h->sec[DT_LEXIMG_SENSES].count, nkey = h->sec[DT_LEXIMG_KEYS].count;
    const dt_leximg_entry *e = section(img, h, DT_LEXIMG_ENTRIES);
    for (uint32_t i = 0; i < nent; i++, e++)
        if (!ref_ok(e->iri, nstr, FALSE) || !ref_ok(e->type_iri, nstr, TRUE) ||
            !ref_ok(e->label, nstr, FALSE) || !ref_ok(e->qid, nstr, TRUE) ||
            !ref_ok(e->value, nstr, TRUE) || !ref_ok(e->country, nent, TRUE) ||
            !ref_ok(e->metonym_for, nent, TRUE) || !ref_ok(e->part_of, nent, TRUE) ||
            !ref_ok(e->broadcaster, nent, TRUE) || !ref_ok(e->capital, nent, TRUE) ||
            e->cls >= DT_LEX_NCLASSES)
            return dt_fail(err, DT_ERR_SYNTAX, "lexicon image entry %u is invalid", i);
    const dt_leximg_sense *s = section(img, h, DT_LEXIMG_SENSES);
    for (uint32_t i = 0; i < nsen; i++, s++)
        if (!ref_ok(s->entry, nent, FALSE) || !ref_ok(s->form, nstr, FALSE) ||
            s->kind > DT_SENSE_VERB)
            return dt_fail(err, DT_ERR_SYNTAX, "lexicon image sense %u is invalid", i);
    const dt_leximg_key *k = section(img, h, DT_LEXIMG_KEYS);
    for (uint32_t i = 0; i < nkey; i++, k++)
        if (!ref_ok(k->key, nstr, FALSE) || k->nsenses == 0 ||
            (guint64)k->first_sense + k->nsenses > nsen)
            return dt_fail(err, DT_ERR_SYNTAX, "lexicon image key %u is invalid", i);
    /* hash table slots are checked as they are probed (a bad one is a
     * miss): checking them all here would touch every page of the tables
     * at start-up */
    return DT_OK;
}

/* ---- the view ----------------------------------------------------------- */

static const char *str_at(const dt_lexicon *lex, uint32_t ref)
{
    return ref ? lex->strings + ref - 1 : NULL;
}

static const dt_lex_entry *entry_at(const dt_lexicon *lex, uint32_t ref)
{
    return ref ? &lex->entries[ref - 1] : NULL;
}

/* Makes the entries, senses and sense lists that the API hands out as
 * pointers; the strings stay in the image. */
static const char *prefix_string(const dt_lexicon *lex, const dt_leximg_pslot *slot);

static void attach(dt_lexicon *lex, const guint8 *img)
{
    const dt_leximg_header *h = (const dt_leximg_header *)img;
    lex->h = h;
    lex->strings = section(img, h, DT_LEXIMG_STRINGS);
    lex->keys = section(img, h, DT_LEXIMG_KEYS);
    lex->entry_table = section(img, h, DT_LEXIMG_ENTRY_TABLE);
    lex->prefix_table = section(img, h, DT_LEXIMG_PREFIX_TABLE);
    lex->given_table = section(img, h, DT_LEXIMG_GIVEN_TABLE);
    uint32_t nent = h->sec[DT_LEXIMG_ENTRIES].count;
    lex->entries = g_new0(dt_lex_entry, nent ? nent : 1);
    const dt_leximg_entry *re = section(img, h, DT_LEXIMG_ENTRIES);
    for (uint32_t i = 0; i < nent; i++, re++) {
        dt_lex_entry *e = &lex->entries[i];
        e->iri = str_at(lex, re->iri);
        e->cls = (dt_lex_class)re->cls;
        e->type_iri = str_at(lex, re->type_iri);
        e->label = str_at(lex, re->label);
        e->qid = str_at(lex, re->qid);
        e->country = entry_at(lex, re->country);
        e->metonym_for = entry_at(lex, re->metonym_for);
        e->part_of = entry_at(lex, re->part_of);
        e->broadcaster = entry_at(lex, re->broadcaster);
        e->capital = entry_at(lex, re->capital);
        e->value = str_at(lex, re->value);
    }
    uint32_t nsen = h->sec[DT_LEXIMG_SENSES].count;
    lex->senses = g_new0(dt_sense, nsen ? nsen : 1);
    const dt_leximg_sense *rs = section(img, h, DT_LEXIMG_SENSES);
    for (uint32_t i = 0; i < nsen; i++, rs++) {
        dt_sense *s = &lex->senses[i];
        s->entry = entry_at(lex, rs->entry);
        s->kind = (dt_sense_kind)rs->kind;
        s->form = str_at(lex, rs->form);
        s->needs_upper = (rs->flags & DT_LEXIMG_NEEDS_UPPER) != 0;
        s->plural = (rs->flags & DT_LEXIMG_PLURAL) != 0;
    }
    uint32_t npslot = h->sec[DT_LEXIMG_PREFIX_TABLE].count;
    lex->prefix_filter = g_new0(guint64, PREFIX_FILTER_BITS / 64);
    for (uint32_t i = 0; i < npslot; i++) {
        if (lex->prefix_table[i].ref == 0)
            continue;
        uint32_t bit = filter_bit(lex->prefix_table[i].hash);
        lex->prefix_filter[bit / 64] |= (guint64)1 << (bit % 64);
    }
    uint32_t nkey = h->sec[DT_LEXIMG_KEYS].count;
    lex->lists = g_new0(GPtrArray *, nkey ? nkey : 1);
    for (uint32_t i = 0; i < nkey; i++) {
        const dt_leximg_key *k = &lex->keys[i];
        GPtrArray *list = g_ptr_array_sized_new(k->nsenses);
        for (uint32_t j = 0; j < k->nsenses; j++)
            g_ptr_array_add(list, &lex->senses[k->first_sense + j]);
        lex->lists[i] = list;
    }
    lex->class_filter = g_new0(guint64, DT_LEX_NCLASSES * CLASS_FILTER_BITS / 64);
    lex->class_lead = g_new0(guint64, DT_LEX_NCLASSES * CLASS_FILTER_BITS / 64);
    for (uint32_t i = 0; i < npslot; i++) {
        const dt_leximg_pslot *slot = &lex->prefix_table[i];
        const char *str = slot->ref ? prefix_string(lex, slot) : NULL;
        if (str == NULL || slot->key == 0 || slot->key > nkey)
            continue; /* the probe never answers with such a slot */
        const GPtrArray *list = lex->lists[slot->key - 1];
        for (guint j = 0; j < list->len; j++) {
            const dt_sense *sense = g_ptr_array_index(list, j);
            if (sense->entry == NULL || sense->entry->cls >= DT_LEX_NCLASSES)
                continue;
            uint32_t bit = class_bit(sense->entry->cls, slot->hash);
            lex->class_filter[bit / 64] |= (guint64)1 << (bit % 64);
            bit = class_lead_bit(sense->entry->cls, str);
            lex->class_lead[bit / 64] |= (guint64)1 << (bit % 64);
        }
    }
}

/* Checks the image in file or built (its fingerprint must be
 * `fingerprint`) and makes the view, which takes over file or built; on
 * failure they are released. */
static dt_status open_image(GMappedFile *file, GByteArray *built, guint64 fingerprint,
                            dt_lexicon **out, GError **err)
{
    const guint8 *img = file ? (const guint8 *)g_mapped_file_get_contents(file) : built->data;
    size_t size = file ? g_mapped_file_get_length(file) : built->len;
    dt_status st = img ? check_header(img, size, fingerprint, err)
                       : dt_fail(err, DT_ERR_SYNTAX, "empty lexicon image");
    if (st == DT_OK)
        st = check_refs(img, err);
    if (st != DT_OK) {
        if (file)
            g_mapped_file_unref(file);
        if (built)
            g_byte_array_free(built, TRUE);
        return st;
    }
    dt_lexicon *lex = g_new0(dt_lexicon, 1);
    lex->id = (guint64)g_random_int() << 32 | g_random_int();
    lex->file = file;
    lex->built = built;
    attach(lex, img);
    *out = lex;
    return DT_OK;
}

/* ---- fingerprint and cache file ------------------------------------------ */

static guint64 fnv64(guint64 h, const void *data, size_t n)
{
    const guint8 *b = data;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

static guint64 mix_stat(guint64 h, const char *path)
{
    GStatBuf st;
    if (g_stat(path, &st) != 0)
        return fnv64(h, "?", 1);
    guint64 v[3] = {(guint64)st.st_size, (guint64)st.st_mtim.tv_sec, (guint64)st.st_mtim.tv_nsec};
    return fnv64(h, v, sizeof v);
}

static gint cmp_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What an image of dir depends on: the image format, the code that builds
 * it (linked into detente-rdf only, so a checksum of its source), the
 * program (a rebuilt detente may fold or resolve differently; NULL: this
 * one) and the *.ttl files' names, sizes and modification times -- stat
 * calls only, no reading. */
guint64 dt_lexicon_fingerprint(const char *dir, const char *program)
{
    guint64 h = fnv64(14695981039346656037ull, PACKAGE_STRING, strlen(PACKAGE_STRING));
    h = fnv64(h, DT_LEXICON_BUILDER_ID, strlen(DT_LEXICON_BUILDER_ID));
    guint32 v = DT_LEXIMG_VERSION;
    h = fnv64(h, &v, sizeof v);
    h = mix_stat(h, program ? program : "/proc/self/exe");
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL)
        return h;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".ttl"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, cmp_strings);
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        h = fnv64(h, n, strlen(n) + 1);
        char *path = g_build_filename(dir, n, NULL);
        h = mix_stat(h, path);
        g_free(path);
    }
    g_ptr_array_free(names, TRUE);
    return h ? h : 1; /* 0 marks an image that was never fingerprinted */
}

char *dt_lexicon_cache_path(const char *cache_dir, const char *dir)
{
    return dt_lexicon_cache_path_for(cache_dir, dir, NULL);
}

char *dt_lexicon_cache_path_for(const char *cache_dir, const char *dir, const char *program)
{
    char *abs = g_canonicalize_filename(dir, NULL);
    char *exe = program ? g_strdup(program) : g_file_read_link("/proc/self/exe", NULL);
    guint64 h = fnv64(14695981039346656037ull, abs, strlen(abs) + 1);
    if (exe)
        h = fnv64(h, exe, strlen(exe));
    char *name = g_strdup_printf("lexicon-%016" G_GINT64_MODIFIER "x.img", h);
    char *path = g_build_filename(cache_dir, name, NULL);
    g_free(name);
    g_free(exe);
    g_free(abs);
    return path;
}

/* Best effort: a cache that cannot be written only costs the next run. */
void dt_lexicon_write_cache(const char *path, const GByteArray *img)
{
    char *parent = g_path_get_dirname(path);
    if (g_mkdir_with_parents(parent, 0700) == 0)
        g_file_set_contents(path, (const char *)img->data, (gssize)img->len, NULL);
    g_free(parent);
}

/* ---- public API ----------------------------------------------------------- */

dt_status dt_lexicon_open_built(GByteArray *img, guint64 fingerprint, dt_lexicon **out,
                                GError **err)
{
    return open_image(NULL, img, fingerprint, out, err);
}

dt_status dt_lexicon_open_cache(const char *dir, const char *cache_path, const char *program,
                                dt_lexicon **out, GError **err)
{
    *out = NULL;
    if (cache_path == NULL)
        return dt_fail(err, DT_ERR_IO, "no lexicon cache");
    GMappedFile *file = g_mapped_file_new(cache_path, FALSE, err);
    if (file == NULL)
        return DT_ERR_IO;
    /* open_image lets go of file when it is stale or damaged */
    return open_image(file, NULL, dt_lexicon_fingerprint(dir, program), out, err);
}

gboolean dt_lexicon_from_cache(const dt_lexicon *lex)
{
    return lex->file != NULL;
}

void dt_lexicon_free(dt_lexicon *lex)
{
    if (lex == NULL)
        return;
    for (uint32_t i = 0; lex->lists && i < lex->h->sec[DT_LEXIMG_KEYS].count; i++)
        g_ptr_array_free(lex->lists[i], TRUE);
    g_free(lex->lists);
    g_free(lex->prefix_filter);
    g_free(lex->class_filter);
    g_free(lex->class_lead);
    g_free(lex->senses);
    g_free(lex->entries);
    if (lex->file)
        g_mapped_file_unref(lex->file);
    if (lex->built)
        g_byte_array_free(lex->built, TRUE);
    g_free(lex);
}

static uint32_t count_of(const dt_lexicon *lex, int sec)
{
    return lex->h->sec[sec].count;
}

/* The slot of the table (of `secno`, slots of type T) holding s, or NULL;
 * name(lex, slot) gives a slot's string, or NULL when its reference is out
 * of range (a damaged cache: treated as a miss, never followed). */
#define PROBE(T, lex, table, secno, s, name) PROBE_IF(T, lex, table, secno, s, name, TRUE)
/* ... when might(h_) says the hash can be there at all */
#define PROBE_IF(T, lex, table, secno, s, name, might)                            \
    do {                                                                          \
        uint32_t n_ = count_of(lex, secno), mask_ = n_ - 1;                       \
        uint32_t h_ = dt_leximg_hash(s);                                          \
        if (!(might))                                                             \
            return NULL;                                                          \
        uint32_t i_ = h_ & mask_;                                                 \
        for (uint32_t k_ = 0; k_ < n_; k_++, i_ = (i_ + 1) & mask_) {             \
            const T *slot_ = &(table)[i_];                                        \
            if (slot_->ref == 0)                                                  \
                return NULL;                                                      \
            if (slot_->hash != h_)                                                \
                continue;                                                         \
            const char *str_ = name(lex, slot_);                                  \
            if (str_ && strcmp(str_, s) == 0)                                     \
                return slot_;                                                     \
        }                                                                         \
        return NULL;                                                              \
    } while (0)

static const char *string_of(const dt_lexicon *lex, const dt_leximg_slot *slot)
{
    return slot->ref <= count_of(lex, DT_LEXIMG_STRINGS) ? str_at(lex, slot->ref) : NULL;
}

static const char *prefix_string(const dt_lexicon *lex, const dt_leximg_pslot *slot)
{
    return slot->ref <= count_of(lex, DT_LEXIMG_STRINGS) ? str_at(lex, slot->ref) : NULL;
}

static const char *entry_iri(const dt_lexicon *lex, const dt_leximg_slot *slot)
{
    return slot->ref <= count_of(lex, DT_LEXIMG_ENTRIES) ? lex->entries[slot->ref - 1].iri : NULL;
}

static gboolean prefix_might_hold(const dt_lexicon *lex, uint32_t hash)
{
    uint32_t bit = filter_bit(hash);
    return (lex->prefix_filter[bit / 64] >> (bit % 64)) & 1;
}

static const dt_leximg_pslot *find_prefix(const dt_lexicon *lex, const char *s)
{
    PROBE_IF(dt_leximg_pslot, lex, lex->prefix_table, DT_LEXIMG_PREFIX_TABLE, s, prefix_string,
             prefix_might_hold(lex, h_));
}

/* strcmp(s, key) == 0 for the key parts[0..n) joined by single spaces */
static gboolean is_joined(const char *s, const char *const *parts, unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        if (k > 0 && *s++ != ' ')
            return FALSE;
        for (const char *p = parts[k]; *p; p++, s++)
            if (*s != *p)
                return FALSE;
    }
    return *s == '\0';
}

/* find_prefix_parts past the filter: out of line, so that the questions
 * the filter answers (most of matching's) pay for no saved registers */
static G_GNUC_NO_INLINE const dt_leximg_pslot *probe_parts(const dt_lexicon *lex, const char *const *parts,
                                                           unsigned n, uint32_t h)
{
    uint32_t nslots = count_of(lex, DT_LEXIMG_PREFIX_TABLE), mask = nslots - 1;
    uint32_t i = h & mask;
    for (uint32_t k = 0; k < nslots; k++, i = (i + 1) & mask) {
        const dt_leximg_pslot *slot = &lex->prefix_table[i];
        if (slot->ref == 0)
            return NULL;
        if (slot->hash != h)
            continue;
        const char *str = prefix_string(lex, slot);
        if (str && is_joined(str, parts, n))
            return slot;
    }
    return NULL;
}

/* find_prefix for a key given as parts and its hash (the same probe) */
static inline const dt_leximg_pslot *find_prefix_parts(const dt_lexicon *lex, const char *const *parts,
                                                       unsigned n, uint32_t h)
{
    return prefix_might_hold(lex, h) ? probe_parts(lex, parts, n, h) : NULL;
}

static const dt_leximg_slot *find_entry(const dt_lexicon *lex, const char *iri)
{
    PROBE(dt_leximg_slot, lex, lex->entry_table, DT_LEXIMG_ENTRY_TABLE, iri, entry_iri);
}

static const dt_leximg_slot *find_given(const dt_lexicon *lex, const char *s)
{
    PROBE(dt_leximg_slot, lex, lex->given_table, DT_LEXIMG_GIVEN_TABLE, s, string_of);
}

static const GPtrArray *senses_of(const dt_lexicon *lex, const dt_leximg_pslot *slot)
{
    if (slot == NULL || slot->key == 0 || slot->key > count_of(lex, DT_LEXIMG_KEYS))
        return NULL;
    return lex->lists[slot->key - 1];
}

const GPtrArray *dt_lexicon_lookup(const dt_lexicon *lex, const char *key)
{
    return senses_of(lex, find_prefix(lex, key));
}

const GPtrArray *dt_lexicon_match(const dt_lexicon *lex, const char *key, gboolean *prefix)
{
    const dt_leximg_pslot *slot = find_prefix(lex, key);
    *prefix = slot && slot->prefix;
    return senses_of(lex, slot);
}

const GPtrArray *dt_lexicon_match_parts(const dt_lexicon *lex, const char *const *parts,
                                        unsigned n, uint32_t hash, gboolean *prefix)
{
    const dt_leximg_pslot *slot = find_prefix_parts(lex, parts, n, hash);
    *prefix = slot && slot->prefix;
    return senses_of(lex, slot);
}

const GPtrArray *dt_lexicon_match_run(const dt_lexicon *lex, const char *const *parts, unsigned n,
                                      uint32_t hash, gboolean *prefix, gboolean *longer)
{
    const dt_leximg_pslot *slot = find_prefix_parts(lex, parts, n, hash);
    *prefix = slot && slot->prefix;
    *longer = slot && (slot->prefix & DT_LEXIMG_CONTINUED);
    return senses_of(lex, slot);
}

/* ---- single tokens, through a memo ----------------------------------------- */

/* match_lexicon asks about every token of every article, most of them
 * words it asked about in earlier articles ("the", "said", "minister"),
 * and each question cost the fold's hash and a probe of the prefix table,
 * whose slots and strings are seldom in the cache.  A thread keeps the
 * answers for the folds it saw last, one a slot of a small table chosen
 * by the fold's first bytes and the token's length; a slot answers only
 * for the fold it holds, compared in full. */
#define TOKEN_MEMO_SLOTS 4096u
#define TOKEN_MEMO_FOLD 24 /* longer folds are not kept */

typedef struct {
    char fold[TOKEN_MEMO_FOLD]; /* NUL-terminated; "" in a slot never filled */
    const GPtrArray *senses;
    uint32_t hash;
    bool filled, prefix, longer;
} token_answer;

struct dt_lexicon_memo {
    const dt_lexicon *lex;
    guint64 lex_id;
    token_answer slots[TOKEN_MEMO_SLOTS];
};

static GPrivate token_memo = G_PRIVATE_INIT(g_free);

dt_lexicon_memo *dt_lexicon_memo_of(const dt_lexicon *lex)
{
    dt_lexicon_memo *m = g_private_get(&token_memo);
    if (m == NULL) {
        m = g_new0(dt_lexicon_memo, 1);
        g_private_set(&token_memo, m);
    }
    if (m->lex != lex || m->lex_id != lex->id) {
        memset(m->slots, 0, sizeof m->slots);
        m->lex = lex;
        m->lex_id = lex->id;
    }
    return m;
}

static uint32_t memo_slot(const char *fold, uint32_t spread)
{
    uint32_t b0 = (unsigned char)fold[0], b1 = b0 ? (unsigned char)fold[1] : 0;
    uint32_t b2 = b1 ? (unsigned char)fold[2] : 0;
    uint32_t x = (b0 | b1 << 8 | b2 << 16) ^ spread << 24;
    return (x * 2654435761u) >> 20; /* 12 bits: TOKEN_MEMO_SLOTS */
}

G_STATIC_ASSERT(TOKEN_MEMO_SLOTS == 1u << 12);

static gboolean same_fold(const char *kept, const char *fold)
{
    for (; *kept == *fold; kept++, fold++)
        if (*fold == '\0')
            return TRUE;
    return FALSE;
}

/* the answer when the memo has none, kept in slot a (out of line, so
 * that the answers the memo has pay for no saved registers) */
static G_GNUC_NO_INLINE const GPtrArray *answer_token(dt_lexicon_memo *memo, token_answer *a,
                                                      const char *fold, uint32_t *hash,
                                                      gboolean *prefix, gboolean *longer)
{
    uint32_t h = dt_lexicon_hash_first(fold);
    const GPtrArray *senses = dt_lexicon_match_run(memo->lex, &fold, 1, h, prefix, longer);
    *hash = h;
    size_t n = strlen(fold);
    if (n < TOKEN_MEMO_FOLD) {
        memcpy(a->fold, fold, n + 1);
        a->senses = senses;
        a->hash = h;
        a->filled = TRUE;
        a->prefix = *prefix;
        a->longer = *longer;
    }
    return senses;
}

const GPtrArray *dt_lexicon_match_token(dt_lexicon_memo *memo, const char *fold, uint32_t spread,
                                        uint32_t *hash, gboolean *prefix, gboolean *longer)
{
    token_answer *a = &memo->slots[memo_slot(fold, spread)];
    if (!a->filled || !same_fold(a->fold, fold))
        return answer_token(memo, a, fold, hash, prefix, longer);
    *hash = a->hash;
    *prefix = a->prefix;
    *longer = a->longer;
    return a->senses;
}

unsigned dt_lexicon_max_tokens(const dt_lexicon *lex) { return lex->h->max_tokens; }

gboolean dt_lexicon_is_given_name(const dt_lexicon *lex, const char *fold)
{
    return find_given(lex, fold) != NULL;
}

gboolean dt_lexicon_is_first_token(const dt_lexicon *lex, const char *fold)
{
    const dt_leximg_pslot *slot = find_prefix(lex, fold);
    return slot && slot->prefix;
}

const dt_lex_entry *dt_lexicon_entry(const dt_lexicon *lex, const char *iri)
{
    const dt_leximg_slot *slot = find_entry(lex, iri);
    return slot ? &lex->entries[slot->ref - 1] : NULL;
}

unsigned dt_lexicon_count(const dt_lexicon *lex, dt_lex_class cls)
{
    return cls < DT_LEX_NCLASSES ? lex->h->counts[cls] : 0;
}

const dt_sense *dt_lexicon_find(const dt_lexicon *lex, const char *key, dt_lex_class cls, int kind)
{
    /* the class's filters settle most keys (see CLASS_FILTER_BITS), by
     * their first bytes and then by their hash, which the probe for the
     * rest reuses */
    if (cls < DT_LEX_NCLASSES && !bit_set(lex->class_lead, class_lead_bit(cls, key)))
        return NULL;
    uint32_t h = dt_leximg_hash(key);
    if (cls < DT_LEX_NCLASSES && !bit_set(lex->class_filter, class_bit(cls, h)))
        return NULL;
    const GPtrArray *senses = senses_of(lex, find_prefix_parts(lex, &key, 1, h));
    for (guint i = 0; senses && i < senses->len; i++) {
        const dt_sense *s = g_ptr_array_index(senses, i);
        if (s->entry->cls == cls && (kind < 0 || (int)s->kind == kind))
            return s;
    }
    return NULL;
}
