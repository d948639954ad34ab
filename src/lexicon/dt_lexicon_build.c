/* Building the lexicon from its Turtle files: raptor parses them, the
 * triples are resolved into entries and surface forms, and the result is
 * compiled into an image (dt_lexicon_image.h). */
#include "dt_lexicon_image.h"
#include "../text/dt_text.h"

#include <raptor2.h>
#include <string.h>

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define OWL_SAMEAS "http://www.w3.org/2002/07/owl#sameAs"
#define WD "http://www.wikidata.org/entity/"

typedef struct lex_builder lex_builder;

/* One parsed triple, kept until entries are resolved. */
typedef struct {
    const char *subject, *predicate, *object;
    gboolean literal;
} raw_triple;

struct lex_builder {
    GStringChunk *strings;
    GHashTable *entries;  /* iri -> dt_lex_entry* (owned) */
    GHashTable *surface;  /* key -> GPtrArray of dt_sense* (owned) */
    GHashTable *first;    /* every token prefix of any key -> itself */
    GHashTable *continued; /* those a longer key goes on from -> themselves */
    GHashTable *given;    /* folded given names */
    unsigned max_tokens;
    unsigned counts[DT_LEX_NCLASSES];
    GArray *raw;          /* raw_triple */
};

static const struct {
    const char *type;
    dt_lex_class cls;
} class_of_type[] = {
    {DT_NS "Country", DT_LEX_COUNTRY},
    {DT_NS "City", DT_LEX_CITY},
    {DT_NS "GovernmentSeat", DT_LEX_SEAT},
    {DT_NS "Place", DT_LEX_PLACE},
    {DT_NS "Region", DT_LEX_PLACE},
    {DT_NS "Building", DT_LEX_PLACE},
    {DT_NS "InternationalOrganization", DT_LEX_ORG},
    {DT_NS "GovernmentBody", DT_LEX_ORG},
    {DT_NS "ArmedGroup", DT_LEX_ORG},
    {DT_NS "PoliticalOrganization", DT_LEX_ORG},
    {DT_NS "NewsOrganization", DT_LEX_ORG},
    {DT_NS "Company", DT_LEX_ORG},
    {DT_NS "Platform", DT_LEX_ORG},
    {DT_NS "Programme", DT_LEX_ORG},
    {DT_NS "Organization", DT_LEX_ORG},
    {DT_NS "Person", DT_LEX_PERSON},
    {DT_NS "OfficeTitle", DT_LEX_OFFICE},
    {DT_NS "Qualifier", DT_LEX_QUALIFIER},
    {DT_NS "EventType", DT_LEX_EVENT_TYPE},
    {DT_NS "ProposalKind", DT_LEX_PROPOSAL_KIND},
    {DT_NS "Polarity", DT_LEX_POLARITY},
    {DT_NS "ReportingVerb", DT_LEX_REPORTING_VERB},
    {DT_NS "Evidential", DT_LEX_EVIDENTIAL},
    {DT_NS "Honorific", DT_LEX_HONORIFIC},
    {DT_NS "NameHeadWord", DT_LEX_NAME_HEAD},
    {DT_NS "OrgHeadWord", DT_LEX_ORG_HEAD},
    {DT_NS "PlaceHeadWord", DT_LEX_PLACE_HEAD},
    {DT_NS "FunctionWord", DT_LEX_FUNCTION_WORD},
    {DT_NS "VoiceNoun", DT_LEX_VOICE},
    {DT_NS "InstitutionNoun", DT_LEX_INSTITUTION},
    {DT_NS "PortfolioWord", DT_LEX_PORTFOLIO},
    {DT_NS "ProposalNoun", DT_LEX_PROPOSAL_NOUN},
};

/* ---- parsing ------------------------------------------------------------ */

typedef struct {
    lex_builder *lex;
    const char *path;
    GError **err;
    gboolean failed;
} parse_ctx;

static const char *term_string(lex_builder *lex, raptor_term *t, gboolean *literal)
{
    *literal = FALSE;
    switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
        return g_string_chunk_insert_const(lex->strings,
                                           (const char *)raptor_uri_as_string(t->value.uri));
    case RAPTOR_TERM_TYPE_LITERAL:
        *literal = TRUE;
        return g_string_chunk_insert_const(lex->strings, (const char *)t->value.literal.string);
    case RAPTOR_TERM_TYPE_BLANK:
        return g_string_chunk_insert_const(lex->strings, (const char *)t->value.blank.string);
    default:
        return NULL;
    }
}

static void on_statement(void *user, raptor_statement *st)
{
    parse_ctx *ctx = user;
    raw_triple r;
    gboolean lit;
    r.subject = term_string(ctx->lex, st->subject, &lit);
    r.predicate = term_string(ctx->lex, st->predicate, &lit);
    r.object = term_string(ctx->lex, st->object, &r.literal);
    if (r.subject && r.predicate && r.object)
        g_array_append_val(ctx->lex->raw, r);
}

static void on_log(void *user, raptor_log_message *msg)
{
    parse_ctx *ctx = user;
    if (msg->level < RAPTOR_LOG_LEVEL_ERROR || ctx->failed)
        return;
    ctx->failed = TRUE;
    int line = msg->locator ? msg->locator->line : -1;
    dt_fail(ctx->err, DT_ERR_SYNTAX, "%s:%d: %s", ctx->path, line, msg->text);
}

static dt_status parse_file(lex_builder *lex, raptor_world *world, const char *path, GError **err)
{
    parse_ctx ctx = {lex, path, err, FALSE};
    raptor_world_set_log_handler(world, &ctx, on_log);
    raptor_parser *parser = raptor_new_parser(world, "turtle");
    raptor_parser_set_statement_handler(parser, &ctx, on_statement);
    unsigned char *uri_str = raptor_uri_filename_to_uri_string(path);
    raptor_uri *uri = raptor_new_uri(world, uri_str);
    int rc = raptor_parser_parse_file(parser, uri, uri);
    raptor_free_uri(uri);
    raptor_free_memory(uri_str);
    raptor_free_parser(parser);
    raptor_world_set_log_handler(world, NULL, NULL);
    if (ctx.failed)
        return DT_ERR_SYNTAX;
    if (rc != 0)
        return dt_fail(err, DT_ERR_IO, "%s: cannot parse", path);
    return DT_OK;
}

/* ---- resolving ---------------------------------------------------------- */

static dt_lex_entry *entry_for(lex_builder *lex, const char *iri)
{
    dt_lex_entry *e = g_hash_table_lookup(lex->entries, iri);
    if (e == NULL) {
        e = g_new0(dt_lex_entry, 1);
        e->iri = iri;
        g_hash_table_insert(lex->entries, (gpointer)iri, e);
    }
    return e;
}

static dt_sense *add_sense(lex_builder *lex, const dt_lex_entry *e, dt_sense_kind kind, const char *form)
{
    dt_sense *added = NULL;
    char *key = dt_text_fold_key(form);
    if (key == NULL)
        return NULL;
    GPtrArray *senses = g_hash_table_lookup(lex->surface, key);
    if (senses == NULL) {
        senses = g_ptr_array_new_with_free_func(g_free);
        g_hash_table_insert(lex->surface, g_strdup(key), senses);
    }
    gunichar c = g_utf8_get_char(form);
    gboolean upper = (kind == DT_SENSE_NAME || kind == DT_SENSE_DEMONYM || kind == DT_SENSE_REFERENCE) &&
                     e->cls != DT_LEX_OFFICE && (g_unichar_isupper(c) || g_unichar_isdigit(c));
    for (guint i = 0; i < senses->len; i++) {
        dt_sense *s = g_ptr_array_index(senses, i);
        if (s->entry == e && s->kind == kind) {
            /* "Coalition of the Willing" and "coalition of the willing": a
             * lowercase form listed too lets the name be written so */
            s->needs_upper = s->needs_upper && upper;
            goto done;
        }
    }
    dt_sense *s = g_new0(dt_sense, 1);
    added = s;
    s->entry = e;
    s->kind = kind;
    s->form = form;
    s->needs_upper = upper;
    g_ptr_array_add(senses, s);
    unsigned ntok = 1;
    for (const char *p = key; *p; p++)
        ntok += *p == ' ';
    if (ntok > lex->max_tokens)
        lex->max_tokens = ntok;
    /* every token prefix of the key, so that matching stops as soon as the
     * text leaves all keys ("the" starts keys, "the said" none) */
    for (char *sp = key;; sp++) {
        if (*sp == ' ' || *sp == '\0') {
            char *prefix = g_strndup(key, sp - key);
            const char *kept = g_string_chunk_insert_const(lex->strings, prefix);
            g_hash_table_replace(lex->first, (gpointer)kept, (gpointer)kept);
            g_free(prefix);
            if (*sp == '\0')
                break;
            g_hash_table_replace(lex->continued, (gpointer)kept, (gpointer)kept);
        }
    }
done:
    g_free(key);
    return added;
}

/* One name a line, already folded by the generator. */
static void add_name_list(lex_builder *lex, const char *list)
{
    const char *p = list;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 0) {
            char *name = g_string_chunk_insert_len(lex->strings, p, (gssize)n);
            g_hash_table_add(lex->given, name);
        }
        p += n + (nl ? 1 : 0);
    }
}

static void resolve(lex_builder *lex)
{
    /* pass 1: classes, labels and links */
    for (guint i = 0; i < lex->raw->len; i++) {
        const raw_triple *r = &g_array_index(lex->raw, raw_triple, i);
        dt_lex_entry *e = entry_for(lex, r->subject);
        const char *p = r->predicate;
        if (strcmp(p, RDF_TYPE) == 0) {
            for (size_t k = 0; k < G_N_ELEMENTS(class_of_type); k++)
                if (strcmp(r->object, class_of_type[k].type) == 0 &&
                    (e->cls == DT_LEX_OTHER || e->cls == DT_LEX_PLACE)) {
                    e->cls = class_of_type[k].cls;
                    e->type_iri = r->object;
                }
        } else if (strcmp(p, SKOS "prefLabel") == 0) {
            e->label = r->object;
        } else if (strcmp(p, OWL_SAMEAS) == 0 && g_str_has_prefix(r->object, WD)) {
            e->qid = r->object + strlen(WD);
        } else if (!r->literal && g_str_has_prefix(p, DT_NS)) {
            const char *local = p + strlen(DT_NS);
            dt_lex_entry *o = entry_for(lex, r->object);
            if (!strcmp(local, "capitalOf") || !strcmp(local, "country") ||
                !strcmp(local, "locatedIn") || !strcmp(local, "citizenOf"))
                e->country = o;
            else if (!strcmp(local, "governmentMetonymFor"))
                e->metonym_for = o;
            else if (!strcmp(local, "partOf"))
                e->part_of = o;
            else if (!strcmp(local, "broadcaster"))
                e->broadcaster = o;
            else if (!strcmp(local, "capital") && e->capital == NULL)
                e->capital = o;
            else if (!strcmp(local, "evidentiality") || !strcmp(local, "value"))
                e->value = r->object;
        }
    }
    /* pass 2: surface forms (needs the classes of pass 1) */
    for (guint i = 0; i < lex->raw->len; i++) {
        const raw_triple *r = &g_array_index(lex->raw, raw_triple, i);
        if (!r->literal)
            continue;
        if (!strcmp(r->predicate, DT_NS "nameList")) {
            add_name_list(lex, r->object);
            continue;
        }
        dt_lex_entry *e = g_hash_table_lookup(lex->entries, r->subject);
        const char *p = r->predicate;
        if (!strcmp(p, SKOS "prefLabel") || !strcmp(p, SKOS "altLabel") ||
            !strcmp(p, DT_NS "officialName")) {
            add_sense(lex, e, e->cls == DT_LEX_OTHER ? DT_SENSE_TRIGGER : DT_SENSE_NAME, r->object);
            /* "foreign ministers", "envoys": titles in the plural */
            if (e->cls == DT_LEX_OFFICE && !g_str_has_suffix(r->object, "s")) {
                char *plural = g_strconcat(r->object, "s", NULL);
                dt_sense *ps = add_sense(lex, e, DT_SENSE_NAME, g_string_chunk_insert_const(lex->strings, plural));
                if (ps)
                    ps->plural = TRUE;
                g_free(plural);
            }
        }
        else if (!strcmp(p, DT_NS "abbreviation"))
            add_sense(lex, e, DT_SENSE_ABBREV, r->object);
        else if (!strcmp(p, DT_NS "demonym"))
            add_sense(lex, e, DT_SENSE_DEMONYM, r->object);
        else if (!strcmp(p, DT_NS "referringExpression"))
            add_sense(lex, e, DT_SENSE_REFERENCE, r->object);
        else if (!strcmp(p, DT_NS "trigger"))
            add_sense(lex, e, DT_SENSE_TRIGGER, r->object);
        else if (!strcmp(p, DT_NS "verbTrigger"))
            add_sense(lex, e, DT_SENSE_VERB, r->object);
    }
    GHashTableIter it;
    gpointer k, v;
    g_hash_table_iter_init(&it, lex->entries);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        dt_lex_entry *e = v;
        if (e->label == NULL)
            e->label = e->iri;
        lex->counts[e->cls]++;
    }
}

static void free_senses(gpointer p) { g_ptr_array_free(p, TRUE); }

static lex_builder *builder_new(void)
{
    lex_builder *lex = g_new0(lex_builder, 1);
    lex->strings = g_string_chunk_new(1 << 16);
    lex->entries = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    lex->surface = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_senses);
    lex->first = g_hash_table_new(g_str_hash, g_str_equal);
    lex->continued = g_hash_table_new(g_str_hash, g_str_equal);
    lex->given = g_hash_table_new(g_str_hash, g_str_equal);
    lex->raw = g_array_new(FALSE, FALSE, sizeof(raw_triple));
    return lex;
}

static void builder_free(lex_builder *lex)
{
    if (lex == NULL)
        return;
    g_hash_table_destroy(lex->entries);
    g_hash_table_destroy(lex->surface);
    g_hash_table_destroy(lex->first);
    g_hash_table_destroy(lex->continued);
    g_hash_table_destroy(lex->given);
    g_array_free(lex->raw, TRUE);
    g_string_chunk_free(lex->strings);
    g_free(lex);
}

/* ---- compiling ---------------------------------------------------------- */

/* For g_ptr_array_sort, which passes pointers to the elements. */
static gint cmp_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The image being written: its sections are laid out one after the other
 * once their sizes are known. */
typedef struct {
    GByteArray *pool;       /* string pool */
    GHashTable *offsets;    /* string -> its offset + 1 in the pool */
    GHashTable *entry_index;/* dt_lex_entry* -> its index + 1 */
    GHashTable *key_index;  /* key -> its index + 1 */
} compiler;

/* Offset + 1 of s in the pool (0 for NULL), added once. */
static uint32_t pool_ref(compiler *c, const char *s)
{
    if (s == NULL)
        return 0;
    gpointer v = g_hash_table_lookup(c->offsets, s);
    if (v)
        return GPOINTER_TO_UINT(v);
    uint32_t ref = c->pool->len + 1;
    g_byte_array_append(c->pool, (const guint8 *)s, (guint)strlen(s) + 1);
    g_hash_table_insert(c->offsets, (gpointer)s, GUINT_TO_POINTER(ref));
    return ref;
}

static uint32_t entry_ref(compiler *c, const dt_lex_entry *e)
{
    return e ? GPOINTER_TO_UINT(g_hash_table_lookup(c->entry_index, e)) : 0;
}

/* A table of 2^k slots of elem_size bytes, at most half full. */
static GArray *table_new(guint items, guint elem_size)
{
    guint n = 4;
    while (n < 2 * items)
        n *= 2;
    GArray *t = g_array_new(FALSE, TRUE, elem_size);
    g_array_set_size(t, n);
    return t;
}

/* The free slot for key (tables never hold a key twice). */
static gpointer table_slot(GArray *t, const char *key, uint32_t *hash)
{
    uint32_t mask = t->len - 1;
    *hash = dt_leximg_hash(key);
    for (uint32_t i = *hash & mask;; i = (i + 1) & mask) {
        dt_leximg_slot *slot = (dt_leximg_slot *)(t->data + (gsize)i * g_array_get_element_size(t));
        if (slot->ref == 0)
            return slot;
    }
}

static void table_put(GArray *t, const char *key, uint32_t ref)
{
    uint32_t hash;
    dt_leximg_slot *slot = table_slot(t, key, &hash);
    slot->hash = hash;
    slot->ref = ref;
}

/* Keys of a string-keyed hash table, sorted, so that an image is the
 * same bytes for the same sources. */
static GPtrArray *sorted_keys(GHashTable *h)
{
    GPtrArray *keys = g_ptr_array_sized_new(g_hash_table_size(h));
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, h);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_ptr_array_add(keys, k);
    g_ptr_array_sort(keys, cmp_strings);
    return keys;
}

/* A set of strings (given names) as a table of pool refs. */
static GArray *string_set_table(compiler *c, GHashTable *set)
{
    GPtrArray *keys = sorted_keys(set);
    GArray *t = table_new(keys->len, sizeof(dt_leximg_slot));
    for (guint i = 0; i < keys->len; i++) {
        const char *s = g_ptr_array_index(keys, i);
        table_put(t, s, pool_ref(c, s));
    }
    g_ptr_array_free(keys, TRUE);
    return t;
}

/* Keys (with their index) and token prefixes of keys, in one table. */
static GArray *prefix_table(compiler *c, lex_builder *lex, GPtrArray *keys)
{
    GHashTable *all = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, lex->first);
    while (g_hash_table_iter_next(&it, &k, NULL))
        g_hash_table_add(all, k);
    for (guint i = 0; i < keys->len; i++)
        g_hash_table_add(all, keys->pdata[i]);
    GPtrArray *strs = sorted_keys(all);
    GArray *t = table_new(strs->len, sizeof(dt_leximg_pslot));
    for (guint i = 0; i < strs->len; i++) {
        const char *s = g_ptr_array_index(strs, i);
        uint32_t hash;
        dt_leximg_pslot *slot = table_slot(t, s, &hash);
        slot->hash = hash;
        slot->ref = pool_ref(c, s);
        slot->prefix = g_hash_table_contains(lex->first, s) ? DT_LEXIMG_PREFIX : 0u;
        if (g_hash_table_contains(lex->continued, s))
            slot->prefix |= DT_LEXIMG_CONTINUED;
        gpointer index = g_hash_table_lookup(c->key_index, s);
        slot->key = GPOINTER_TO_UINT(index);
    }
    g_ptr_array_free(strs, TRUE);
    g_hash_table_destroy(all);
    return t;
}

static void put_section(dt_leximg_header *h, GByteArray *img, int sec, const void *data,
                        guint elem_size, guint count)
{
    while (img->len % 8)
        g_byte_array_append(img, (const guint8 *)"", 1);
    h->sec[sec].offset = img->len;
    h->sec[sec].count = count;
    if (count)
        g_byte_array_append(img, data, elem_size * count);
}

static GByteArray *compile(lex_builder *lex)
{
    compiler c;
    c.pool = g_byte_array_new();
    c.offsets = g_hash_table_new(g_str_hash, g_str_equal);
    c.entry_index = g_hash_table_new(NULL, NULL);
    c.key_index = g_hash_table_new(g_str_hash, g_str_equal);

    GPtrArray *iris = sorted_keys(lex->entries);
    for (guint i = 0; i < iris->len; i++)
        g_hash_table_insert(c.entry_index, g_hash_table_lookup(lex->entries, iris->pdata[i]),
                            GUINT_TO_POINTER(i + 1));
    GArray *entries = g_array_sized_new(FALSE, TRUE, sizeof(dt_leximg_entry), iris->len);
    GArray *entry_table = table_new(iris->len, sizeof(dt_leximg_slot));
    for (guint i = 0; i < iris->len; i++) {
        const dt_lex_entry *e = g_hash_table_lookup(lex->entries, iris->pdata[i]);
        dt_leximg_entry r = {
            pool_ref(&c, e->iri), pool_ref(&c, e->type_iri), pool_ref(&c, e->label),
            pool_ref(&c, e->qid), pool_ref(&c, e->value),
            entry_ref(&c, e->country), entry_ref(&c, e->metonym_for), entry_ref(&c, e->part_of),
            entry_ref(&c, e->broadcaster), entry_ref(&c, e->capital), (uint32_t)e->cls};
        g_array_append_val(entries, r);
        table_put(entry_table, e->iri, i + 1);
    }

    GPtrArray *keys = sorted_keys(lex->surface);
    GArray *senses = g_array_new(FALSE, TRUE, sizeof(dt_leximg_sense));
    GArray *key_recs = g_array_sized_new(FALSE, TRUE, sizeof(dt_leximg_key), keys->len);
    for (guint i = 0; i < keys->len; i++) {
        const GPtrArray *list = g_hash_table_lookup(lex->surface, keys->pdata[i]);
        dt_leximg_key k = {pool_ref(&c, keys->pdata[i]), senses->len, list->len};
        for (guint j = 0; j < list->len; j++) {
            const dt_sense *s = g_ptr_array_index(list, j);
            dt_leximg_sense r = {entry_ref(&c, s->entry), (uint32_t)s->kind, pool_ref(&c, s->form),
                                 (s->needs_upper ? DT_LEXIMG_NEEDS_UPPER : 0u) |
                                     (s->plural ? DT_LEXIMG_PLURAL : 0u)};
            g_array_append_val(senses, r);
        }
        g_array_append_val(key_recs, k);
        g_hash_table_insert(c.key_index, keys->pdata[i], GUINT_TO_POINTER(i + 1));
    }
    GArray *pfx_table = prefix_table(&c, lex, keys);
    GArray *given_table = string_set_table(&c, lex->given);

    dt_leximg_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, DT_LEXIMG_MAGIC, sizeof h.magic);
    h.version = DT_LEXIMG_VERSION;
    h.byte_order = DT_LEXIMG_BYTE_ORDER;
    h.max_tokens = lex->max_tokens;
    h.nclasses = DT_LEX_NCLASSES;
    memcpy(h.counts, lex->counts, sizeof h.counts);
    GByteArray *img = g_byte_array_new();
    g_byte_array_append(img, (const guint8 *)&h, sizeof h);
    put_section(&h, img, DT_LEXIMG_STRINGS, c.pool->data, 1, c.pool->len);
    put_section(&h, img, DT_LEXIMG_ENTRIES, entries->data, sizeof(dt_leximg_entry), entries->len);
    put_section(&h, img, DT_LEXIMG_SENSES, senses->data, sizeof(dt_leximg_sense), senses->len);
    put_section(&h, img, DT_LEXIMG_KEYS, key_recs->data, sizeof(dt_leximg_key), key_recs->len);
    put_section(&h, img, DT_LEXIMG_ENTRY_TABLE, entry_table->data, sizeof(dt_leximg_slot),
                entry_table->len);
    put_section(&h, img, DT_LEXIMG_PREFIX_TABLE, pfx_table->data, sizeof(dt_leximg_pslot),
                pfx_table->len);
    put_section(&h, img, DT_LEXIMG_GIVEN_TABLE, given_table->data, sizeof(dt_leximg_slot),
                given_table->len);
    h.size = img->len;
    memcpy(img->data, &h, sizeof h);

    g_array_free(entries, TRUE);
    g_array_free(entry_table, TRUE);
    g_array_free(senses, TRUE);
    g_array_free(key_recs, TRUE);
    g_array_free(pfx_table, TRUE);
    g_array_free(given_table, TRUE);
    g_ptr_array_free(keys, TRUE);
    g_ptr_array_free(iris, TRUE);
    g_hash_table_destroy(c.offsets);
    g_hash_table_destroy(c.entry_index);
    g_hash_table_destroy(c.key_index);
    g_byte_array_free(c.pool, TRUE);
    return img;
}

/* ---- public (to src/lexicon) -------------------------------------------- */

dt_status dt_lexicon_build_image(const char *dir, GByteArray **out, GError **err)
{
    *out = NULL;
    GError *dir_err = NULL;
    GDir *d = g_dir_open(dir, 0, &dir_err);
    if (d == NULL) {
        dt_status st = dt_fail(err, DT_ERR_IO, "cannot open lexicon folder %s: %s", dir,
                               dir_err->message);
        g_error_free(dir_err);
        return st;
    }
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".ttl"))
            g_ptr_array_add(files, g_build_filename(dir, name, NULL));
    g_dir_close(d);
    g_ptr_array_sort(files, cmp_strings);

    lex_builder *lex = builder_new();
    raptor_world *world = raptor_new_world();
    dt_status st = DT_OK;
    for (guint i = 0; i < files->len && st == DT_OK; i++)
        st = parse_file(lex, world, g_ptr_array_index(files, i), err);
    raptor_free_world(world);
    if (st == DT_OK && files->len == 0)
        st = dt_fail(err, DT_ERR_IO, "no .ttl files in lexicon folder %s", dir);
    g_ptr_array_free(files, TRUE);
    if (st == DT_OK) {
        resolve(lex);
        *out = compile(lex);
    }
    builder_free(lex);
    return st;
}

/* ---- public: loading through the Turtle ---------------------------------- */

static dt_status load_turtle(const char *dir, guint64 fingerprint, const char *cache_path,
                             dt_lexicon **out, GError **err)
{
    GByteArray *img = NULL;
    dt_status st = dt_lexicon_build_image(dir, &img, err);
    if (st != DT_OK)
        return st;
    ((dt_leximg_header *)img->data)->fingerprint = fingerprint;
    if (cache_path)
        dt_lexicon_write_cache(cache_path, img);
    return dt_lexicon_open_built(img, fingerprint, out, err);
}

dt_status dt_lexicon_load(const char *dir, dt_lexicon **out, GError **err)
{
    *out = NULL;
    return load_turtle(dir, 0, NULL, out, err);
}

dt_status dt_lexicon_load_cached(const char *dir, const char *cache_path, dt_lexicon **out,
                                 GError **err)
{
    return dt_lexicon_load_cached_for(dir, cache_path, NULL, out, err);
}

dt_status dt_lexicon_load_cached_for(const char *dir, const char *cache_path, const char *program,
                                     dt_lexicon **out, GError **err)
{
    *out = NULL;
    if (cache_path == NULL)
        return dt_lexicon_load(dir, out, err);
    if (dt_lexicon_open_cache(dir, cache_path, program, out, NULL) == DT_OK)
        return DT_OK;
    /* absent, stale or damaged: parse */
    return load_turtle(dir, dt_lexicon_fingerprint(dir, program), cache_path, out, err);
}
