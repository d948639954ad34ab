/* Stage 3: entities.  Groups mentions into entities: listed names by their
 * lexicon entry, demonyms and metonyms by the country they stand for,
 * unlisted persons by full name, and surname-only mentions ("Putin") with
 * the person of that surname named in full. */
#include "../dt_doc.h"
#include "dt_entities.h"

#include <string.h>

/* True when s is all ASCII: its own NFD, with no marks. */
static gboolean is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return FALSE;
    return TRUE;
}

/* dt_slug of an ASCII string: what the loop below writes for it (no
 * marks, no percent-encoding), into one block -- a slug is never longer
 * than its string, since a dash is written only for skipped bytes --
 * without a GString's growing. */
static char *ascii_slug(const char *s)
{
    char *out = g_malloc(strlen(s) + 2), *o = out;
    gboolean dash = FALSE;
    for (; *s; s++) {
        char c = *s;
        if (c == '\'')
            continue;
        if (g_ascii_isalnum(c)) {
            if (dash && o > out)
                *o++ = '-';
            dash = FALSE;
            *o++ = g_ascii_isupper(c) ? (char)(c - 'A' + 'a') : c;
        } else {
            dash = TRUE;
        }
    }
    if (o == out)
        *o++ = 'x';
    *o = '\0';
    return out;
}

char *dt_slug(const char *s)
{
    /* most names are ASCII: GLib's normalizer would copy them unchanged,
     * at a few thousand instructions a name */
    gboolean ascii = is_ascii(s);
    if (ascii)
        return ascii_slug(s);
    char *nfd = ascii ? NULL : g_utf8_normalize(s, -1, G_NORMALIZE_NFD);
    const char *src = ascii ? s : nfd;
    GString *out = g_string_new(NULL);
    gboolean dash = FALSE;
    for (const char *p = src; p && *p; p = g_utf8_next_char(p)) {
        /* ASCII is decoded and lowercased inline; it holds no marks */
        gunichar c = (unsigned char)*p < 0x80 ? (unsigned char)*p : g_utf8_get_char(p);
        if ((c >= 0x80 && g_unichar_ismark(c)) || c == '\'' || c == 0x2019)
            continue;
        if (c < 0x80 && g_ascii_isalnum((char)c)) {
            if (dash && out->len)
                g_string_append_c(out, '-');
            dash = FALSE;
            g_string_append_c(out, (char)(g_ascii_isupper((char)c) ? c - 'A' + 'a' : c));
        } else if (c >= 0x80 && g_unichar_isalnum(c)) {
            /* keep non-Latin letters percent-encoded so the IRI stays valid */
            if (dash && out->len)
                g_string_append_c(out, '-');
            dash = FALSE;
            char buf[8];
            int len = g_unichar_to_utf8(g_unichar_tolower(c), buf);
            for (int k = 0; k < len; k++)
                g_string_append_printf(out, "%%%02X", (unsigned char)buf[k]);
        } else {
            dash = TRUE;
        }
    }
    g_free(nfd);
    if (out->len == 0)
        g_string_append(out, "x");
    return g_string_free(out, FALSE);
}

/* Keys are IRIs that share their long beginning ("https://w3id.org/
 * detente/id/person/"), so a strcmp went through it for every entity;
 * their lengths, kept, tell most apart without reading them. */
static int find_entity_by_key(const dt_doc *doc, const char *key, size_t key_len)
{
    for (guint i = 0; i < doc->entities->len; i++) {
        const dt_entity *e = dt_doc_entity(doc, (int)i);
        if (e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
            return (int)i;
    }
    return -1;
}

static int entity_for(dt_doc *doc, dt_entity_kind kind, const char *key, const char *label,
                      const dt_lex_entry *lex)
{
    size_t key_len = strlen(key);
    int i = find_entity_by_key(doc, key, key_len);
    if (i >= 0)
        return i;
    dt_entity *e = g_new0(dt_entity, 1);
    e->kind = kind;
    e->key = g_strndup(key, key_len);
    e->key_len = key_len;
    e->label = g_strdup(label);
    e->lex = lex;
    e->country = lex ? lex->country : NULL;
    e->mentions = g_array_new(FALSE, FALSE, sizeof(guint));
    g_ptr_array_add(doc->entities, e);
    return (int)doc->entities->len - 1;
}

static void attach(dt_doc *doc, guint mi, int ent)
{
    dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    m->entity = ent;
    g_array_append_val(dt_doc_entity(doc, ent)->mentions, mi);
}

/* Normalized text of a mention, for labels (diacritics kept). */
static char *mention_text(const dt_doc *doc, const dt_mention *m)
{
    return dt_text_tokens_string(doc->text, m->tb, m->te);
}

static int listed_entity(dt_doc *doc, const dt_lex_entry *e)
{
    dt_entity_kind kind = e->cls == DT_LEX_PERSON    ? DT_ENT_PERSON
                          : e->cls == DT_LEX_COUNTRY ? DT_ENT_COUNTRY
                          : e->cls == DT_LEX_ORG     ? DT_ENT_ORG
                                                     : DT_ENT_PLACE;
    return entity_for(doc, kind, e->iri, e->label, e);
}

int dt_entities_listed(dt_doc *doc, const dt_lex_entry *e)
{
    return listed_entity(doc, e);
}

static void resolve_listed(dt_doc *doc, guint mi)
{
    dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    const dt_lex_entry *e = m->lex;
    if (m->kind == DT_MEN_DEMONYM) {
        attach(doc, mi, listed_entity(doc, e));
        return;
    }
    /* "White House talks", "the Pretoria agreement": a modifier names the
     * place */
    uint32_t next = m->te;
    gboolean modifier = next < dt_doc_ntok(doc) && (doc->tokinfo[next].event_type ||
                                                    doc->tokinfo[next].place_head ||
                                                    doc->tokinfo[next].name_head || doc->tokinfo[next].proposal);
    if ((e->cls == DT_LEX_CITY || e->cls == DT_LEX_SEAT) && !m->locative && !modifier &&
        (e->metonym_for != NULL)) {
        /* "Moscow rejected", "the Kremlin said": the government */
        m->kind = DT_MEN_METONYM;
        attach(doc, mi, listed_entity(doc, e->metonym_for));
        return;
    }
    attach(doc, mi, listed_entity(doc, e));
}

/* The surname: the last word, or the one before a generational suffix
 * ("Ferdinand Marcos Jr." is "Marcos"). */
static char *last_word(const char *label)
{
    static const char *const suffixes[] = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", NULL};
    const char *sp = strrchr(label, ' ');
    if (sp == NULL)
        return g_strdup(label);
    for (int i = 0; suffixes[i]; i++) {
        if (!dt_fold_eq(sp + 1, suffixes[i])) /* strcmp, most settled inline */
            continue;
        const char *end = sp > label && sp[-1] == ',' ? sp - 1 : sp; /* "Marcos, Jr." */
        const char *prev = end;
        while (prev > label && prev[-1] != ' ')
            prev--;
        return prev < end ? g_strndup(prev, (gsize)(end - prev)) : g_strdup(sp + 1);
    }
    return g_strdup(sp + 1);
}

/* Fold keys of person names, made once per entity in a resolve run: every
 * unlisted mention is compared with every person, and folding a name
 * runs the tokenizer over it.  Entities are only appended while mentions
 * are resolved and their labels do not change, so the keys stay valid. */
typedef struct {
    char *full, *first, *last; /* NULL: no token (never equal) */
    char *bare;                /* last word without a lowercase particle
                                * ("al-Burhan" -> "Burhan"), or NULL */
    gboolean has_full, has_parts;
    signed char spaced;        /* label has a space: 1, has none: -1, not known yet: 0 */
} name_keys;

typedef struct {
    GArray *keys;      /* name_keys by entity index */
} name_cache;

static name_cache *name_cache_new(void)
{
    name_cache *nc = g_new0(name_cache, 1);
    nc->keys = g_array_new(FALSE, TRUE, sizeof(name_keys));
    return nc;
}

static void name_cache_free(name_cache *nc)
{
    if (nc == NULL)
        return;
    for (guint i = 0; i < nc->keys->len; i++) {
        name_keys *k = &g_array_index(nc->keys, name_keys, i);
        g_free(k->full);
        g_free(k->first);
        g_free(k->last);
        g_free(k->bare);
    }
    g_array_free(nc->keys, TRUE);
    g_free(nc);
}

static name_keys *name_keys_of(name_cache *nc, guint i)
{
    if (i >= nc->keys->len)
        g_array_set_size(nc->keys, i + 1);
    return &g_array_index(nc->keys, name_keys, i);
}

static const char *full_key(name_cache *nc, const dt_entity *e, guint i)
{
    name_keys *k = name_keys_of(nc, i);
    if (!k->has_full) {
        k->full = dt_text_fold_key(e->label);
        k->has_full = TRUE;
    }
    return k->full;
}

/* First and last word of a label with a space in it. */
static const char *part_key(name_cache *nc, const dt_entity *e, guint i, gboolean first_name)
{
    name_keys *k = name_keys_of(nc, i);
    if (!k->has_parts) {
        char *first = g_strndup(e->label, strcspn(e->label, " "));
        k->first = dt_text_fold_key(first);
        char *last = last_word(e->label);
        k->last = dt_text_fold_key(last);
        /* "al-Burhan", "el-Sisi": a lowercase particle joined by a hyphen
         * to the capitalized name, which news writes alone too */
        const char *dash = strchr(last, '-');
        if (dash && dash > last && dash - last <= 3 && g_ascii_islower(last[0]) &&
            g_unichar_isupper(g_utf8_get_char(dash + 1)))
            k->bare = dt_text_fold_key(dash + 1);
        k->has_parts = TRUE;
        g_free(first);
        g_free(last);
    }
    return first_name ? k->first : k->last;
}

static gboolean keys_equal(const char *ka, const char *kb)
{
    /* most keys compared differ at their first bytes (dt_fold_eq) */
    return ka && kb && dt_fold_eq(ka, kb);
}

/* Whether entity i's label has a space (a first and a last word), known
 * once: person_by_part asks it of every person, mention after mention. */
static gboolean label_spaced(name_cache *nc, const dt_entity *e, guint i)
{
    name_keys *k = name_keys_of(nc, i);
    if (k->spaced == 0)
        k->spaced = strchr(e->label, ' ') ? 1 : -1;
    return k->spaced > 0;
}

/* The first token of e's latest mention before token at, or UINT32_MAX. */
static uint32_t latest_mention_before(const dt_doc *doc, const dt_entity *e, uint32_t at)
{
    uint32_t latest = UINT32_MAX;
    for (guint k = 0; k < e->mentions->len; k++) {
        uint32_t tb = g_array_index(doc->mentions, dt_mention, g_array_index(e->mentions, guint, k)).tb;
        if (tb < at && (latest == UINT32_MAX || tb > latest))
            latest = tb;
    }
    return latest;
}

/* The person whose surname (or, after an honorific, first name) this single
 * token is (word_key: its fold key); the one mentioned most often wins,
 * then the latest. */
static int person_by_part(dt_doc *doc, name_cache *nc, const char *word_key, gboolean first_name, uint32_t at)
{
    int best = -1, near = -1;
    guint best_count = 0;
    uint32_t near_tb = 0;
    uint32_t at_sentence = dt_doc_tok(doc, at)->sentence;
    for (guint i = 0; i < doc->entities->len; i++) {
        dt_entity *e = dt_doc_entity(doc, (int)i);
        if (e->kind != DT_ENT_PERSON || !label_spaced(nc, e, i))
            continue;
        gboolean hit = keys_equal(part_key(nc, e, i, first_name), word_key) ||
                       (!first_name && keys_equal(name_keys_of(nc, i)->bare, word_key));
        if (!hit)
            continue;
        if (best < 0 || e->mentions->len > best_count) { /* a tie: the one named first */
            best = (int)i;
            best_count = e->mentions->len;
        }
        /* "Vice Defense Minister Kim Hong-cheol said ... \"...,\" Kim said"
         * before Kim Jong Un is named: the one just named wins */
        uint32_t latest = latest_mention_before(doc, e, at);
        if (latest != UINT32_MAX && dt_doc_tok(doc, latest)->sentence + 2 >= at_sentence &&
            (near < 0 || latest > near_tb)) {
            near = (int)i;
            near_tb = latest;
        }
    }
    return near >= 0 ? near : best;
}

/* Another mention of the same name, or of its first or last word alone,
 * that shows a person (a title, a speech verb). */
static gboolean supported_elsewhere(const dt_doc *doc, const dt_mention *m)
{
    const char *first = dt_doc_tok(doc, m->tb)->fold;
    const char *last = dt_doc_tok(doc, m->te - 1)->fold;
    for (guint i = 0; i < doc->mentions->len; i++) {
        const dt_mention *o = &g_array_index(doc->mentions, dt_mention, i);
        if (o == m || o->lex || o->guess != DT_ENT_PERSON || !o->person_evidence)
            continue;
        if (o->te - o->tb == 1) {
            const char *f = dt_doc_tok(doc, o->tb)->fold;
            if (dt_fold_eq(f, first) || dt_fold_eq(f, last))
                return TRUE;
        } else if (o->te - o->tb == m->te - m->tb) {
            gboolean same = TRUE;
            for (uint32_t k = 0; k < m->te - m->tb && same; k++)
                same = dt_fold_eq(dt_doc_tok(doc, o->tb + k)->fold, dt_doc_tok(doc, m->tb + k)->fold);
            if (same)
                return TRUE;
        }
    }
    return FALSE;
}

/* The one person whose name starts with the words of key (two or more),
 * or -1 when none or several do. */
static int person_by_leading_words(dt_doc *doc, name_cache *nc, const char *key)
{
    size_t kl = key ? strlen(key) : 0;
    if (kl == 0 || strchr(key, ' ') == NULL)
        return -1;
    int found = -1;
    for (guint i = 0; i < doc->entities->len; i++) {
        dt_entity *e = dt_doc_entity(doc, (int)i);
        const char *fk = e->kind == DT_ENT_PERSON ? full_key(nc, e, i) : NULL;
        if (fk && !strncmp(fk, key, kl) && fk[kl] == ' ') {
            if (found >= 0)
                return -1;
            found = (int)i;
        }
    }
    return found;
}

/* The person an unlisted name mention m is (text: its text, tkey: that
 * text's fold key or NULL), made when new; -1 when it is no person. */
static int unlisted_person(dt_doc *doc, name_cache *nc, const dt_mention *m, const char *text, const char *tkey)
{
    int ent = -1;
    if (m->te - m->tb == 1) {
        ent = person_by_part(doc, nc, tkey, FALSE, m->tb);
        /* "Abiy" for Abiy Ahmed, "Xi" for Xi Jinping, "Sheikh Mohammed" */
        if (ent < 0)
            ent = person_by_part(doc, nc, tkey, TRUE, m->tb);
        if (ent < 0 && !m->titled)
            return -1; /* a capitalized word with no title: not a new person */
    } else {
        /* "Volodymyr Zelensky" after listed "Zelenskyy": same surname and first name */
        for (guint i = 0; i < doc->entities->len && ent < 0; i++) {
            dt_entity *e = dt_doc_entity(doc, (int)i);
            if (e->kind == DT_ENT_PERSON && keys_equal(full_key(nc, e, i), tkey))
                ent = (int)i;
        }
        /* "Moussa Faki" after "Moussa Faki Mahamat": the first words of
         * one person's longer name */
        if (ent < 0)
            ent = person_by_leading_words(doc, nc, tkey);
    }
    if (ent < 0) {
        char *slug = dt_slug(text);
        char *key = g_strconcat(DT_ID "person/", slug, NULL);
        ent = entity_for(doc, DT_ENT_PERSON, key, text, NULL);
        g_free(key);
        g_free(slug);
    }
    return ent;
}

static void resolve_unlisted_person(dt_doc *doc, name_cache *nc, guint mi, gboolean single_pass)
{
    dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    gboolean single = m->te - m->tb == 1;
    if (single != single_pass)
        return;
    /* "Seri Perdana": capitals, but nothing says person */
    if (!single && !m->person_evidence && !supported_elsewhere(doc, m))
        return;
    /* the text's fold key made again for a name written again: for most
     * names (ASCII) that is a lowercased copy, for the rest a look-up in
     * dt_text_fold_key's own memo -- cheaper than keeping the texts of
     * the article in a table of their own */
    char *text = mention_text(doc, m);
    char *key = dt_text_fold_key(text);
    int ent = unlisted_person(doc, nc, m, text, key && *key ? key : NULL);
    if (ent >= 0)
        attach(doc, mi, ent);
    g_free(key);
    g_free(text);
}

/* "PUTRAJAYA" in a dateline is "Putrajaya": capitals of each word kept,
 * the rest lowercased.  Returns a new string. */
static char *title_case(const char *s)
{
    char *low = g_utf8_strdown(s, -1);
    GString *out = g_string_sized_new(strlen(low));
    gboolean word_start = TRUE;
    for (const char *p = low; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        g_string_append_unichar(out, word_start ? g_unichar_totitle(c) : c);
        word_start = g_unichar_isspace(c) || c == '-';
    }
    g_free(low);
    return g_string_free(out, FALSE);
}

static void resolve_unlisted_other(dt_doc *doc, guint mi)
{
    dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
    char *text = mention_text(doc, m);
    if (m->guess == DT_ENT_PLACE && (dt_doc_tok(doc, m->tb)->flags & DT_TOK_ALLCAPS)) {
        char *t = title_case(text);
        g_free(text);
        text = t;
    }
    char *slug = dt_slug(text);
    const char *dir = m->guess == DT_ENT_ORG ? "org/" : "place/";
    char *key = g_strconcat(DT_ID, dir, slug, NULL);
    attach(doc, mi, entity_for(doc, m->guess, key, text, NULL));
    g_free(key);
    g_free(slug);
    g_free(text);
}

/* "UNITED NATIONS (AP) --", a headline in capitals: the canonical name
 * shouted (its words, in capitals) tells nothing of how it is written;
 * an acronym ("AP" for "Associated Press") does. */
static gboolean shouted(const dt_doc *doc, const char *written, uint32_t tb, uint32_t te, const char *canonical)
{
    for (uint32_t k = tb; k < te; k++) {
        const dt_token *tok = dt_doc_tok(doc, k);
        if ((tok->flags & DT_TOK_WORD) && strlen(tok->fold) > 1 && !(tok->flags & DT_TOK_ALLCAPS))
            return FALSE;
    }
    if (strcmp(written, canonical) == 0)
        return FALSE; /* "NATO" */
    /* ASCII both: case folding is lowercasing, and the fold of a non-ASCII
     * string can be ASCII ("K", the Kelvin sign), so only then */
    if (is_ascii(written) && is_ascii(canonical))
        return g_ascii_strcasecmp(written, canonical) == 0;
    char *a = g_utf8_casefold(written, -1), *b = g_utf8_casefold(canonical, -1);
    gboolean same = strcmp(a, b) == 0;
    g_free(a);
    g_free(b);
    return same;
}

/* Persons and bodies are named as the article writes them ("Abbas
 * Araqchi", "AP"), the longest form it uses; the lexicon's canonical name
 * stays the skos:prefLabel and the IRI does not change.  Countries and
 * places keep their canonical names. */
static void label_as_written(dt_doc *doc)
{
    for (guint i = 0; i < doc->entities->len; i++) {
        dt_entity *e = dt_doc_entity(doc, (int)i);
        if (e->lex == NULL || (e->kind != DT_ENT_PERSON && e->kind != DT_ENT_ORG))
            continue;
        char *best = NULL;
        uint32_t best_len = 0;
        for (guint k = 0; k < e->mentions->len; k++) {
            const dt_mention *m = &g_array_index(doc->mentions, dt_mention, g_array_index(e->mentions, guint, k));
            if (m->kind != DT_MEN_NAME)
                continue;
            /* honorifics are not part of the name: "Sheikh Tamim ..." */
            uint32_t tb = m->tb;
            while (tb + 1 < m->te && doc->tokinfo[tb].honorific)
                tb++;
            char *t = dt_text_tokens_string(doc->text, tb, m->te);
            if (shouted(doc, t, tb, m->te, e->label)) {
                g_free(t);
                t = g_strdup(e->label); /* the full name, in its own case */
            }
            uint32_t len = (uint32_t)g_utf8_strlen(t, -1);
            if (len > best_len) {
                g_free(best);
                best = t;
                best_len = len;
            } else {
                g_free(t);
            }
        }
        /* a person named only by surname keeps the full canonical name */
        if (best && (e->kind == DT_ENT_ORG || strchr(best, ' '))) {
            e->pref_label = e->label;
            e->label = best;
        } else {
            g_free(best);
        }
    }
}

/* "the Iranian Foreign Ministry", "U.S. Congress": a body whose written
 * name opens with a country's name or demonym names that country too. */
static void countries_inside_names(dt_doc *doc)
{
    guint n = doc->mentions->len;
    for (guint i = 0; i < n; i++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (m->entity < 0 || m->te - m->tb < 2 || dt_doc_entity(doc, m->entity)->kind != DT_ENT_ORG)
            continue;
        const dt_sense *s = dt_lexicon_find(doc->lex, dt_doc_tok(doc, m->tb)->fold, DT_LEX_COUNTRY, -1);
        if (s && (dt_doc_tok(doc, m->tb)->flags & DT_TOK_UPPER))
            dt_entities_listed(doc, s->entry);
    }
}

guint dt_entities_add_mention(dt_doc *doc, uint32_t tb, uint32_t te, dt_mention_kind kind, int entity)
{
    dt_mention m = {0};
    m.tb = tb;
    m.te = te;
    m.kind = kind;
    m.entity = entity;
    m.guess = dt_doc_entity(doc, entity)->kind;
    m.in_quote = doc->tokinfo[tb].quote >= 0;
    g_array_append_val(doc->mentions, m);
    guint idx = doc->mentions->len - 1;
    g_array_append_val(dt_doc_entity(doc, entity)->mentions, idx);
    return idx;
}

/* "the Commission", "the Council": a capitalised head word of a body after
 * "the", with no name around it, is the body the article named before in
 * full with that last word ("the European Commission").  Only when one
 * body fits: "the Council" after both the European Council and the
 * Security Council names neither. */
static int body_named_before(const dt_doc *doc, uint32_t i)
{
    const char *head = dt_doc_tok(doc, i)->fold;
    int found = -1;
    for (guint k = 0; k < doc->mentions->len; k++) {
        const dt_mention *m = &g_array_index(doc->mentions, dt_mention, k);
        if (m->entity < 0 || m->te > i || m->te - m->tb < 2 || m->kind != DT_MEN_NAME ||
            dt_doc_entity(doc, m->entity)->kind != DT_ENT_ORG || strcmp(dt_doc_tok(doc, m->te - 1)->fold, head) != 0)
            continue;
        if (found >= 0 && found != m->entity)
            return -1;
        found = m->entity;
    }
    return found;
}

static void body_head_references(dt_doc *doc)
{
    uint32_t n = dt_doc_ntok(doc);
    for (uint32_t i = 1; i < n; i++) {
        const dt_token *t = dt_doc_tok(doc, i);
        if (!doc->tokinfo[i].org_head || !(t->flags & DT_TOK_UPPER) || doc->tokinfo[i].mention >= 0 ||
            !dt_doc_tok_is(doc, i - 1, "the") || dt_doc_tok(doc, i - 1)->sentence != t->sentence)
            continue;
        if (i + 1 < n && (dt_doc_tok(doc, i + 1)->flags & DT_TOK_UPPER) && dt_doc_tok(doc, i + 1)->sentence == t->sentence)
            continue; /* "the Commission President": part of something longer */
        int e = body_named_before(doc, i);
        if (e < 0)
            continue;
        doc->tokinfo[i].mention = (int)dt_entities_add_mention(doc, i, i + 1, DT_MEN_REFERENCE, e);
    }
}

void dt_entities_resolve(dt_doc *doc)
{
    guint n = doc->mentions->len;
    for (guint i = 0; i < n; i++) {
        dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (m->lex)
            resolve_listed(doc, i);
    }
    name_cache *nc = name_cache_new();
    for (guint i = 0; i < n; i++) {
        dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (!m->lex && m->guess == DT_ENT_PERSON)
            resolve_unlisted_person(doc, nc, i, FALSE);
    }
    for (guint i = 0; i < n; i++) {
        dt_mention *m = &g_array_index(doc->mentions, dt_mention, i);
        if (!m->lex && m->guess == DT_ENT_PERSON)
            resolve_unlisted_person(doc, nc, i, TRUE);
        else if (!m->lex)
            resolve_unlisted_other(doc, i);
    }
    name_cache_free(nc);
    countries_inside_names(doc);
    label_as_written(doc);
    body_head_references(doc);
    /* mentions left without an entity are dropped from the token view */
    for (uint32_t t = 0; t < dt_doc_ntok(doc); t++) {
        int mi = doc->tokinfo[t].mention;
        if (mi >= 0 && g_array_index(doc->mentions, dt_mention, mi).entity < 0)
            doc->tokinfo[t].mention = -1;
    }
}

int dt_person_subject_before(const dt_doc *doc, uint32_t tok)
{
    /* the person acting in the nearest sentence before tok: a person mention
     * outside quotes followed by a verb-like word, else the first person */
    uint32_t s = dt_doc_tok(doc, tok)->sentence;
    for (int si = (int)s; si >= 0 && si + 3 >= (int)s; si--) {
        const dt_sentence *sen = dt_text_sentence(doc->text, (uint32_t)si);
        uint32_t end = (uint32_t)si == s ? tok : sen->tok_end;
        int first = -1, acting = -1;
        for (uint32_t k = sen->tok_begin; k < end; k++) {
            int mi = doc->tokinfo[k].mention;
            if (mi < 0 || doc->tokinfo[k].quote >= 0)
                continue;
            const dt_mention *m = &g_array_index(doc->mentions, dt_mention, mi);
            if (m->tb != k || m->entity < 0 || dt_doc_entity(doc, m->entity)->kind != DT_ENT_PERSON)
                continue;
            if (first < 0)
                first = m->entity;
            if (m->te < end) {
                const dt_token *nt = dt_doc_tok(doc, m->te);
                gboolean verbish = (nt->flags & DT_TOK_WORD) && !(nt->flags & DT_TOK_UPPER) &&
                                   !(nt->flags & DT_TOK_POSS) &&
                                   (!doc->tokinfo[m->te].function_word ||
                                    doc->tokinfo[m->te].reporting);
                if (verbish && acting < 0)
                    acting = m->entity;
            }
        }
        if (acting >= 0)
            return acting;
        if (first >= 0)
            return first;
    }
    return -1;
}
