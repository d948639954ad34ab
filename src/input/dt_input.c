#include "dt_input.h"
#include "../text/dt_text.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *path;   /* file to read, or "-" */
    char *id;     /* article id for a text file */
    gboolean jsonl;
} source;

struct dt_input {
    GArray *sources; /* source */
    guint next;
    char *default_date;
    size_t max_bytes;
    guint64 total;
    /* the JSON Lines file being read */
    FILE *jf;
    char *jpath;             /* a GRefString, shared with its records */
    guint64 jline;
    char *linebuf;
    size_t linecap;
};

void dt_article_free(dt_article *a)
{
    if (a == NULL)
        return;
    g_free(a->id);
    g_free(a->date);
    g_free(a->url);
    g_free(a->title);
    g_free(a->source);
    g_free(a->text);
    g_free(a->origin);
    g_free(a);
}

static char *strip_ext(const char *name)
{
    char *s = g_strdup(name);
    char *dot = strrchr(s, '.');
    char *slash = strrchr(s, '/');
    if (dot && dot != s && (slash == NULL || dot > slash + 1))
        *dot = '\0';
    return s;
}

static void add_source(dt_input *in, const char *path, const char *id, gboolean jsonl)
{
    source s = {g_strdup(path), id ? g_strdup(id) : NULL, jsonl};
    g_array_append_val(in->sources, s);
    struct stat st;
    if (strcmp(path, "-") != 0 && g_stat(path, &st) == 0)
        in->total += (guint64)st.st_size;
}

/* For g_ptr_array_sort, which passes pointers to the elements. */
static gint cmp_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Folders: every *.txt and *.jsonl below, sorted; a text file's id is its
 * path below the folder without the extension. */
static void add_folder(dt_input *in, const char *root, const char *rel)
{
    char *dir = rel ? g_build_filename(root, rel, NULL) : g_strdup(root);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL) {
        g_free(dir);
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *n;
    while ((n = g_dir_read_name(d)))
        g_ptr_array_add(names, g_strdup(n));
    g_dir_close(d);
    g_ptr_array_sort(names, cmp_names);
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        char *sub = rel ? g_build_filename(rel, name, NULL) : g_strdup(name);
        char *full = g_build_filename(root, sub, NULL);
        if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
            add_folder(in, root, sub);
        } else if (g_str_has_suffix(name, ".txt")) {
            char *id = strip_ext(sub);
            add_source(in, full, id, FALSE);
            g_free(id);
        } else if (g_str_has_suffix(name, ".jsonl")) {
            add_source(in, full, NULL, TRUE);
        }
        g_free(full);
        g_free(sub);
    }
    g_ptr_array_free(names, TRUE);
    g_free(dir);
}

dt_input *dt_input_new(char **paths, int npaths, const char *default_date, const char *id_override,
                       gboolean stdin_jsonl, size_t max_bytes)
{
    dt_input *in = g_new0(dt_input, 1);
    in->sources = g_array_new(FALSE, FALSE, sizeof(source));
    in->default_date = g_strdup(default_date);
    in->max_bytes = max_bytes;
    for (int i = 0; i < npaths; i++) {
        const char *p = paths[i];
        if (strcmp(p, "-") == 0) {
            add_source(in, p, id_override ? id_override : "stdin", stdin_jsonl);
        } else if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
            add_folder(in, p, NULL);
        } else if (g_str_has_suffix(p, ".jsonl")) {
            add_source(in, p, NULL, TRUE);
        } else {
            char *base = g_path_get_basename(p);
            char *id = id_override ? g_strdup(id_override) : strip_ext(base);
            add_source(in, p, id, FALSE);
            g_free(id);
            g_free(base);
        }
    }
    return in;
}

void dt_input_free(dt_input *in)
{
    if (in == NULL)
        return;
    for (guint i = 0; i < in->sources->len; i++) {
        source *s = &g_array_index(in->sources, source, i);
        g_free(s->path);
        g_free(s->id);
    }
    g_array_free(in->sources, TRUE);
    if (in->jf && in->jf != stdin)
        fclose(in->jf);
    if (in->jpath)
        g_ref_string_release(in->jpath);
    free(in->linebuf);
    g_free(in->default_date);
    g_free(in);
}

guint64 dt_input_total_bytes(const dt_input *in) { return in->total; }

static const char *display(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static dt_input_event read_text(dt_input *in, const source *s, dt_article **out, GError **err)
{
    char *bytes = NULL;
    gsize n = 0;
    if (strcmp(s->path, "-") == 0) {
        GString *buf = g_string_new(NULL);
        char chunk[65536];
        size_t r;
        while ((r = fread(chunk, 1, sizeof chunk, stdin)) > 0 && buf->len <= in->max_bytes)
            g_string_append_len(buf, chunk, (gssize)r);
        n = buf->len;
        bytes = g_string_free(buf, FALSE);
    } else {
        struct stat st;
        if (g_stat(s->path, &st) == 0 && (guint64)st.st_size > in->max_bytes) {
            dt_fail(err, DT_ERR_TOO_LARGE, "%s: %llu bytes is over the %zu-byte article limit",
                    s->path, (unsigned long long)st.st_size, in->max_bytes);
            return DT_INPUT_ERROR;
        }
        GError *e = NULL;
        if (!g_file_get_contents(s->path, &bytes, &n, &e)) {
            dt_fail(err, DT_ERR_IO, "%s", e->message);
            g_error_free(e);
            return DT_INPUT_ERROR;
        }
    }
    if (n > in->max_bytes) {
        g_free(bytes);
        dt_fail(err, DT_ERR_TOO_LARGE, "%s: over the %zu-byte article limit", display(s->path), in->max_bytes);
        return DT_INPUT_ERROR;
    }
    dt_article *a = g_new0(dt_article, 1);
    a->id = g_strdup(s->id);
    a->date = g_strdup(in->default_date);
    a->text = bytes;
    a->len = n;
    a->origin = g_strdup(display(s->path));
    *out = a;
    return DT_INPUT_ARTICLE;
}

static char *member_string(JsonObject *o, const char *name)
{
    if (!json_object_has_member(o, name))
        return NULL;
    JsonNode *n = json_object_get_member(o, name);
    if (!JSON_NODE_HOLDS_VALUE(n) || json_node_get_value_type(n) != G_TYPE_STRING)
        return NULL;
    return g_strdup(json_node_get_string(n));
}

gboolean dt_input_valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
           g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

struct dt_record {
    dt_article *article;   /* a text file's article, already whole */
    /* or a JSON Lines line, parsed by dt_record_parse */
    char *line;
    size_t len;
    char *jpath;           /* a GRefString shared by the file's records */
    guint64 jline;
    const char *default_date; /* the dt_input's, which outlives its records */
    size_t max_bytes;
};

void dt_record_free(dt_record *r)
{
    if (r == NULL)
        return;
    dt_article_free(r->article);
    g_free(r->line);
    if (r->jpath)
        g_ref_string_release(r->jpath);
    g_free(r);
}

/* One JSON Lines line as read, not yet parsed; blank lines are skipped. */
static dt_input_event read_jsonl(dt_input *in, dt_record **out, GError **err)
{
    for (;;) {
        ssize_t len = getline(&in->linebuf, &in->linecap, in->jf);
        if (len < 0) {
            gboolean failed = ferror(in->jf);
            if (in->jf != stdin)
                fclose(in->jf);
            in->jf = NULL;
            if (failed) {
                dt_fail(err, DT_ERR_IO, "%s: read error: %s", in->jpath, g_strerror(errno));
                return DT_INPUT_ERROR;
            }
            return DT_INPUT_END;
        }
        in->jline++;
        char *line = in->linebuf;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        dt_record *r = g_new0(dt_record, 1);
        r->line = g_memdup2(line, (gsize)len + 1);
        r->len = (size_t)len;
        r->jpath = g_ref_string_acquire(in->jpath);
        r->jline = in->jline;
        r->default_date = in->default_date;
        r->max_bytes = in->max_bytes;
        *out = r;
        return DT_INPUT_ARTICLE;
    }
}

/* Each thread's JSON parser, kept from line to line: making a JsonParser
 * (a GObject) and disposing of it cost as much as a tenth of parsing a
 * short article.  A load replaces what the parser held. */
static GPrivate line_parser = G_PRIVATE_INIT(g_object_unref);

static JsonParser *thread_parser(void)
{
    JsonParser *parser = g_private_get(&line_parser);
    if (parser == NULL) {
        parser = json_parser_new();
        g_private_set(&line_parser, parser);
    }
    return parser;
}

/* A JSON Lines line to an article.  Thread-safe: a parser of its own. */
static dt_status parse_line(const dt_record *r, dt_article **out, GError **err)
{
    const char *line = r->line;
    size_t len = r->len;
    const char *jpath = r->jpath;
    unsigned long long jline = r->jline;
    if (len > r->max_bytes * 2)
        return dt_fail(err, DT_ERR_TOO_LARGE, "%s:%llu: line of %zd bytes is over the article limit",
                       jpath, jline, (ssize_t)len);
    /* dt_utf8_validate rejects NUL bytes as g_utf8_validate does with a length */
    if (!dt_utf8_validate(line, len, NULL))
        return dt_fail(err, DT_ERR_ENCODING, "%s:%llu: not valid UTF-8 (or holds a NUL byte)", jpath,
                       jline);
    JsonParser *parser = thread_parser();
    GError *je = NULL;
    if (!json_parser_load_from_data(parser, line, (gssize)len, &je)) {
        dt_status st = dt_fail(err, DT_ERR_SYNTAX, "%s:%llu: invalid JSON: %s", jpath, jline,
                               je->message);
        g_error_free(je);
        return st;
    }
    JsonNode *root = json_parser_get_root(parser);
    if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root))
        return dt_fail(err, DT_ERR_SYNTAX, "%s:%llu: a line must hold a JSON object", jpath, jline);
    JsonObject *o = json_node_get_object(root);
    dt_article *a = g_new0(dt_article, 1);
    a->id = member_string(o, "id");
    a->text = member_string(o, "text");
    a->date = member_string(o, "date");
    a->url = member_string(o, "url");
    a->title = member_string(o, "title");
    a->source = member_string(o, "source");
    a->origin = g_strdup_printf("%s:%llu", jpath, jline);
    const char *problem = a->id == NULL || *a->id == '\0' ? "no \"id\" string"
                          : a->text == NULL                 ? "no \"text\" string"
                          : (a->date && !dt_input_valid_date(a->date)) ? "\"date\" is not YYYY-MM-DD"
                          : strlen(a->text) > r->max_bytes  ? "\"text\" is over the article limit"
                                                              : NULL;
    if (problem) {
        dt_status st = dt_fail(err, DT_ERR_SYNTAX, "%s: %s", a->origin, problem);
        dt_article_free(a);
        return st;
    }
    if (a->date == NULL)
        a->date = g_strdup(r->default_date);
    a->len = strlen(a->text);
    *out = a;
    return DT_OK;
}

dt_status dt_record_parse(dt_record *r, dt_article **out, GError **err)
{
    *out = NULL;
    if (r->article) {
        *out = r->article;
        r->article = NULL;
        return DT_OK;
    }
    return parse_line(r, out, err);
}

dt_input_event dt_input_next_record(dt_input *in, dt_record **out, GError **err)
{
    *out = NULL;
    for (;;) {
        if (in->jf) {
            dt_input_event ev = read_jsonl(in, out, err);
            if (ev != DT_INPUT_END)
                return ev;
        }
        if (in->next >= in->sources->len)
            return DT_INPUT_END;
        const source *s = &g_array_index(in->sources, source, in->next++);
        if (!s->jsonl) {
            dt_article *a = NULL;
            dt_input_event ev = read_text(in, s, &a, err);
            if (ev == DT_INPUT_ARTICLE) {
                *out = g_new0(dt_record, 1);
                (*out)->article = a;
            }
            return ev;
        }
        if (in->jpath)
            g_ref_string_release(in->jpath);
        in->jpath = g_ref_string_new(display(s->path));
        in->jline = 0;
        in->jf = strcmp(s->path, "-") == 0 ? stdin : fopen(s->path, "r");
        if (in->jf == NULL) {
            dt_fail(err, DT_ERR_IO, "%s: %s", s->path, g_strerror(errno));
            return DT_INPUT_ERROR;
        }
    }
}

dt_input_event dt_input_next(dt_input *in, dt_article **out, GError **err)
{
    *out = NULL;
    dt_record *r = NULL;
    dt_input_event ev = dt_input_next_record(in, &r, err);
    if (ev != DT_INPUT_ARTICLE)
        return ev;
    dt_status st = dt_record_parse(r, out, err);
    dt_record_free(r);
    return st == DT_OK ? DT_INPUT_ARTICLE : DT_INPUT_ERROR;
}
