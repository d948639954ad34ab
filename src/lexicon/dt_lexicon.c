#include "dt_lexicon.h"
#include "../text/dt_text.h"

#include <raptor2.h>
#include <string.h>

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define OWL_SAMEAS "http://www.w3.org/2002/07/owl#sameAs"
#define WD "http://www.wikidata.org/entity/"

/* One parsed triple, kept until entries are resolved. */
typedef struct {
    const char *subject, *predicate, *object;
    gboolean literal;
} raw_triple;

struct dt_lexicon {
    GStringChunk *strings;
    GHashTable *entries;  /* iri -> dt_lex_entry* (owned) */
    GHashTable *surface;  /* key -> GPtrArray of dt_sense* (owned) */
    GHashTable *first;    /* every token prefix of any key -> itself */
    GHashTable *given;    /* folded given names */
    unsigned max_tokens;
    unsigned counts[DT_LEX_NCLASSES];
    GArray *raw;          /* raw_triple, during loading only */
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
    dt_lexicon *lex;
    const char *path;
    GError **err;
    gboolean failed;
} parse_ctx;

static const char *term_string(dt_lexicon *lex, raptor_term *t, gboolean *literal)
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

static dt_status parse_file(dt_lexicon *lex, raptor_world *world, const char *path, GError **err)
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

static dt_lex_entry *entry_for(dt_lexicon *lex, const char *iri)
{
    dt_lex_entry *e = g_hash_table_lookup(lex->entries, iri);
    if (e == NULL) {
        e = g_new0(dt_lex_entry, 1);
        e->iri = iri;
        g_hash_table_insert(lex->entries, (gpointer)iri, e);
    }
    return e;
}

static dt_sense *add_sense(dt_lexicon *lex, const dt_lex_entry *e, dt_sense_kind kind, const char *form)
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
    for (guint i = 0; i < senses->len; i++) {
        const dt_sense *s = g_ptr_array_index(senses, i);
        if (s->entry == e && s->kind == kind)
            goto done;
    }
    dt_sense *s = g_new0(dt_sense, 1);
    added = s;
    s->entry = e;
    s->kind = kind;
    s->form = form;
    gunichar c = g_utf8_get_char(form);
    s->needs_upper = (kind == DT_SENSE_NAME || kind == DT_SENSE_DEMONYM || kind == DT_SENSE_REFERENCE) &&
                     e->cls != DT_LEX_OFFICE && (g_unichar_isupper(c) || g_unichar_isdigit(c));
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
        }
    }
done:
    g_free(key);
    return added;
}

/* One name a line, already folded by the generator. */
static void add_name_list(dt_lexicon *lex, const char *list)
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

static void resolve(dt_lexicon *lex)
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

dt_status dt_lexicon_load(const char *dir, dt_lexicon **out, GError **err)
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
    g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);

    dt_lexicon *lex = g_new0(dt_lexicon, 1);
    lex->strings = g_string_chunk_new(1 << 16);
    lex->entries = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    lex->surface = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_senses);
    lex->first = g_hash_table_new(g_str_hash, g_str_equal);
    lex->given = g_hash_table_new(g_str_hash, g_str_equal);
    lex->raw = g_array_new(FALSE, FALSE, sizeof(raw_triple));

    raptor_world *world = raptor_new_world();
    dt_status st = DT_OK;
    for (guint i = 0; i < files->len && st == DT_OK; i++)
        st = parse_file(lex, world, g_ptr_array_index(files, i), err);
    raptor_free_world(world);
    if (st == DT_OK && files->len == 0)
        st = dt_fail(err, DT_ERR_IO, "no .ttl files in lexicon folder %s", dir);
    g_ptr_array_free(files, TRUE);
    if (st != DT_OK) {
        dt_lexicon_free(lex);
        return st;
    }
    resolve(lex);
    g_array_free(lex->raw, TRUE);
    lex->raw = NULL;
    *out = lex;
    return DT_OK;
}

void dt_lexicon_free(dt_lexicon *lex)
{
    if (lex == NULL)
        return;
    g_hash_table_destroy(lex->entries);
    g_hash_table_destroy(lex->surface);
    g_hash_table_destroy(lex->first);
    g_hash_table_destroy(lex->given);
    if (lex->raw)
        g_array_free(lex->raw, TRUE);
    g_string_chunk_free(lex->strings);
    g_free(lex);
}

const GPtrArray *dt_lexicon_lookup(const dt_lexicon *lex, const char *key)
{
    return g_hash_table_lookup(lex->surface, key);
}

unsigned dt_lexicon_max_tokens(const dt_lexicon *lex) { return lex->max_tokens; }

gboolean dt_lexicon_is_given_name(const dt_lexicon *lex, const char *fold)
{
    return g_hash_table_contains(lex->given, fold);
}

gboolean dt_lexicon_is_first_token(const dt_lexicon *lex, const char *fold)
{
    return g_hash_table_contains(lex->first, fold);
}

const dt_lex_entry *dt_lexicon_entry(const dt_lexicon *lex, const char *iri)
{
    return g_hash_table_lookup(lex->entries, iri);
}

unsigned dt_lexicon_count(const dt_lexicon *lex, dt_lex_class cls)
{
    return cls < DT_LEX_NCLASSES ? lex->counts[cls] : 0;
}

const dt_sense *dt_lexicon_find(const dt_lexicon *lex, const char *key, dt_lex_class cls, int kind)
{
    const GPtrArray *senses = dt_lexicon_lookup(lex, key);
    for (guint i = 0; senses && i < senses->len; i++) {
        const dt_sense *s = g_ptr_array_index(senses, i);
        if (s->entry->cls == cls && (kind < 0 || (int)s->kind == kind))
            return s;
    }
    return NULL;
}
