/* SPARQL 1.1 Graph Store HTTP Protocol client: raptor parses the file,
 * statements are grouped by graph and written as N-Triples, libcurl sends
 * one request per graph. */
#include <config.h>

#include "dt_push.h"

#include <string.h>
#include <curl/curl.h>
#include <raptor2.h>

#define DEFAULT_TIMEOUT_S 300L
#define CONNECT_TIMEOUT_S 30L
#define BODY_KEEP 4096u /* bytes of a response body kept for messages */
#define BODY_SHOW 200u  /* bytes of it shown in an error message */

/* ---- HTTP ----------------------------------------------------------------- */

static gpointer curl_init_once(gpointer unused)
{
    (void)unused;
    return GINT_TO_POINTER(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK);
}

static gboolean curl_ready(void)
{
    static GOnce once = G_ONCE_INIT;
    return GPOINTER_TO_INT(g_once(&once, curl_init_once, NULL));
}

static size_t keep_body(char *ptr, size_t size, size_t nmemb, void *user)
{
    GString *body = user;
    size_t n = size * nmemb;
    if (body->len < BODY_KEEP)
        g_string_append_len(body, ptr, (gssize)MIN(n, BODY_KEEP - body->len));
    return n;
}

/* The first BODY_SHOW bytes of a response body on one line, valid UTF-8. */
static char *body_excerpt(const GString *body)
{
    size_t n = MIN(body->len, BODY_SHOW);
    char *valid = g_utf8_make_valid(body->str, (gssize)n);
    GString *line = g_string_new(NULL);
    gboolean space = TRUE; /* drops leading blanks, collapses runs */
    for (const char *p = valid; *p; p++) {
        if ((unsigned char)*p <= 0x20 || *p == 0x7f) {
            if (!space)
                g_string_append_c(line, ' ');
            space = TRUE;
        } else {
            g_string_append_c(line, *p);
            space = FALSE;
        }
    }
    g_free(valid);
    if (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate(line, line->len - 1);
    if (line->len == 0)
        g_string_assign(line, "(empty body)");
    return g_string_free(line, FALSE);
}

gboolean dt_push_graph_iri_valid(const char *iri)
{
    if (iri == NULL || g_uri_peek_scheme(iri) == NULL)
        return FALSE;
    for (const unsigned char *p = (const unsigned char *)iri; *p; p++)
        if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p))
            return FALSE;
    return TRUE;
}

/* One libcurl handle used for every graph of a file, so that the
 * connection and the digest nonce are reused. */
typedef struct {
    const dt_push_opts *o;
    CURL *curl;
    struct curl_slist *headers;
    GString *body;
    char errbuf[CURL_ERROR_SIZE];
    gboolean auth_known; /* the scheme has been chosen (or none is needed) */
} session;

static void session_free(session *s)
{
    if (s == NULL)
        return;
    if (s->curl)
        curl_easy_cleanup(s->curl);
    curl_slist_free_all(s->headers);
    if (s->body)
        g_string_free(s->body, TRUE);
    g_free(s);
}

static session *session_new(const dt_push_opts *o, const char *content_type, GError **err)
{
    if (!curl_ready()) {
        dt_fail(err, DT_ERR_IO, "cannot initialise libcurl");
        return NULL;
    }
    session *s = g_new0(session, 1);
    s->o = o;
    s->curl = curl_easy_init();
    if (s->curl == NULL) {
        session_free(s);
        dt_fail(err, DT_ERR_IO, "cannot initialise libcurl");
        return NULL;
    }
    char *ctype = g_strdup_printf("Content-Type: %s", content_type);
    s->headers = curl_slist_append(NULL, ctype);
    s->headers = curl_slist_append(s->headers, "Expect:"); /* no 100-continue round trip */
    g_free(ctype);
    s->body = g_string_new(NULL);
    s->auth_known = o->user == NULL && !o->use_netrc;
    long timeout = o->timeout_s > 0 ? o->timeout_s : DEFAULT_TIMEOUT_S;
    CURL *c = s->curl;
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, s->body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, s->errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, MIN(timeout, CONNECT_TIMEOUT_S));
    return s;
}

static char *graph_url(const dt_push_opts *o, CURL *c, const char *graph_iri)
{
    const char *param = o->graph_param && *o->graph_param ? o->graph_param : "graph";
    char *escaped = curl_easy_escape(c, graph_iri, 0);
    char *url = g_strdup_printf("%s%c%s=%s", o->endpoint, strchr(o->endpoint, '?') ? '&' : '?',
                                param, escaped);
    curl_free(escaped);
    return url;
}

/* Chooses the authentication scheme once per session.  With CURLAUTH_ANY
 * libcurl sends the whole body unauthenticated first, and Virtuoso answers
 * that 401 with "Connection: close" before reading it: large graphs then
 * fail with "Connection reset by peer".  So an anonymous HEAD asks which
 * schemes the server offers, and the PUT names one: with digest alone
 * libcurl negotiates with an empty body; basic is sent at once. */
static void session_choose_auth(session *s, const char *url)
{
    CURL *c = s->curl;
    long avail = 0, code = 0;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    if (curl_easy_perform(c) == CURLE_OK &&
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK && code == 401)
        curl_easy_getinfo(c, CURLINFO_HTTPAUTH_AVAIL, &avail);
    curl_easy_setopt(c, CURLOPT_NOBODY, 0L);
    g_string_truncate(s->body, 0);
    s->errbuf[0] = '\0';

    long scheme = CURLAUTH_ANY; /* no challenge to HEAD: let libcurl find out */
    if (avail & CURLAUTH_DIGEST)
        scheme = CURLAUTH_DIGEST;
    else if (avail & CURLAUTH_BASIC)
        scheme = CURLAUTH_BASIC;
    else if (avail & CURLAUTH_ANY)
        scheme = avail & CURLAUTH_ANY;
    if (s->o->user) {
        curl_easy_setopt(c, CURLOPT_USERNAME, s->o->user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, s->o->password ? s->o->password : "");
    }
    if (s->o->use_netrc)
        curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, scheme);
    s->auth_known = TRUE;
}

static dt_status session_send(session *s, const char *graph_iri, const char *data, size_t len,
                              long *http_status, GError **err)
{
    const dt_push_opts *o = s->o;
    CURL *c = s->curl;
    char *url = graph_url(o, c, graph_iri);
    if (!s->auth_known)
        session_choose_auth(s, url);
    g_string_truncate(s->body, 0);
    s->errbuf[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, s->headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, data);
    /* the shared entity graph is written by every file of a corpus: add to
     * it (POST) rather than replace it (PUT), which would keep only the
     * last file's entities */
    gboolean shared = g_str_has_suffix(graph_iri, "/graph/entities");
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, o->append || shared ? "POST" : "PUT");

    dt_status st = DT_OK;
    CURLcode rc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (http_status)
        *http_status = code;
    if (rc != CURLE_OK) {
        st = dt_fail(err, DT_ERR_IO, "%s: %s", o->endpoint,
                     s->errbuf[0] ? s->errbuf : curl_easy_strerror(rc));
    } else if (code < 200 || code > 299) {
        char *excerpt = body_excerpt(s->body);
        st = dt_fail(err, DT_ERR_IO, "%s: HTTP %ld for graph <%s>%s: %s", o->endpoint, code,
                     graph_iri,
                     code == 401 || code == 403 ? " (credentials missing or refused)" : "",
                     excerpt);
        g_free(excerpt);
    }
    /* the data is borrowed: never leave it set on the handle */
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
    g_free(url);
    return st;
}

static dt_status check_request(const dt_push_opts *o, const char *graph_iri, GError **err)
{
    if (o == NULL || o->endpoint == NULL || *o->endpoint == '\0')
        return dt_fail(err, DT_ERR_USAGE, "no Graph Store endpoint given");
    if (!dt_push_graph_iri_valid(graph_iri))
        return dt_fail(err, DT_ERR_USAGE, "graph name '%s' is not an absolute IRI",
                       graph_iri ? graph_iri : "(null)");
    return DT_OK;
}

dt_status dt_push_graph(const dt_push_opts *o, const char *graph_iri, const char *content_type,
                        const char *data, size_t len, long *http_status, GError **err)
{
    if (http_status)
        *http_status = 0;
    dt_status st = check_request(o, graph_iri, err);
    if (st != DT_OK)
        return st;
    if (content_type == NULL || data == NULL)
        return dt_fail(err, DT_ERR_USAGE, "no content type or no data to send");
    session *s = session_new(o, content_type, err);
    if (s == NULL)
        return DT_ERR_IO;
    st = session_send(s, graph_iri, data, len, http_status, err);
    session_free(s);
    return st;
}

/* ---- files -------------------------------------------------------------- */

static const struct {
    const char *ext, *syntax;
} syntaxes[] = {
    {".nq", "nquads"},    {".nquads", "nquads"}, {".ttl", "turtle"},
    {".turtle", "turtle"}, {".nt", "ntriples"},   {".ntriples", "ntriples"},
};

const char *dt_push_syntax_for_path(const char *path)
{
    if (path == NULL)
        return NULL;
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash && dot < slash))
        return NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(syntaxes); i++)
        if (g_ascii_strcasecmp(dot, syntaxes[i].ext) == 0)
            return syntaxes[i].syntax;
    return NULL;
}

gboolean dt_push_syntax_has_graphs(const char *syntax)
{
    return syntax != NULL && strcmp(syntax, "nquads") == 0;
}

typedef struct {
    char *iri; /* NULL: the default graph */
    raptor_iostream *out;
    unsigned char *text; /* filled when out is freed */
    size_t len;
    size_t statements;
} group;

typedef struct {
    const char *path;
    const char *override; /* graph for default-graph statements, or NULL */
    GError **err;
    gboolean failed;
    GHashTable *by_iri; /* iri ("" for the default graph) -> group* (borrowed) */
    GPtrArray *groups;  /* group*, owned, in order of first appearance */
    raptor_world *world;
} parse_ctx;

static void group_free(gpointer p)
{
    group *g = p;
    if (g == NULL)
        return;
    if (g->out)
        raptor_free_iostream(g->out);
    if (g->text)
        raptor_free_memory(g->text);
    g_free(g->iri);
    g_free(g);
}

static void on_statement(void *user, raptor_statement *st)
{
    parse_ctx *ctx = user;
    if (ctx->failed)
        return;
    const char *key = ctx->override ? ctx->override : "";
    if (st->graph) {
        if (st->graph->type != RAPTOR_TERM_TYPE_URI) {
            ctx->failed = TRUE;
            dt_fail(ctx->err, DT_ERR_SYNTAX,
                    "%s: a statement's graph is a blank node; a Graph Store needs graph IRIs",
                    ctx->path);
            return;
        }
        key = (const char *)raptor_uri_as_string(st->graph->value.uri);
    }
    group *g = g_hash_table_lookup(ctx->by_iri, key);
    if (g == NULL) {
        g = g_new0(group, 1);
        g->iri = *key ? g_strdup(key) : NULL;
        g->out = raptor_new_iostream_to_string(ctx->world, (void **)&g->text, &g->len, NULL);
        g_ptr_array_add(ctx->groups, g);
        g_hash_table_insert(ctx->by_iri, g->iri ? g->iri : (char *)"", g);
        if (g->out == NULL) {
            ctx->failed = TRUE;
            dt_fail(ctx->err, DT_ERR_RDF, "%s: cannot allocate an output stream", ctx->path);
            return;
        }
    }
    if (raptor_statement_ntriples_write(st, g->out, 0) != 0) {
        ctx->failed = TRUE;
        dt_fail(ctx->err, DT_ERR_RDF, "%s: cannot write a statement as N-Triples", ctx->path);
        return;
    }
    g->statements++;
}

static void on_log(void *user, raptor_log_message *msg)
{
    parse_ctx *ctx = user;
    if (msg->level < RAPTOR_LOG_LEVEL_ERROR || ctx->failed)
        return;
    ctx->failed = TRUE;
    int line = msg->locator ? msg->locator->line : -1;
    if (line > 0)
        dt_fail(ctx->err, DT_ERR_SYNTAX, "%s:%d: %s", ctx->path, line, msg->text);
    else
        dt_fail(ctx->err, DT_ERR_SYNTAX, "%s: %s", ctx->path, msg->text);
}

/* Parses data (len bytes of syntax) into ctx->groups, each closed so that
 * its text holds its N-Triples. */
static dt_status parse_groups(parse_ctx *ctx, const char *syntax, const char *data, size_t len)
{
    raptor_world_set_log_handler(ctx->world, ctx, on_log);
    if (raptor_world_open(ctx->world) != 0)
        return dt_fail(ctx->err, DT_ERR_RDF, "cannot initialise raptor");
    raptor_parser *parser = raptor_new_parser(ctx->world, syntax);
    if (parser == NULL)
        return dt_fail(ctx->err, DT_ERR_RDF, "raptor has no %s parser", syntax);
    raptor_parser_set_statement_handler(parser, ctx, on_statement);
    unsigned char *uri_str = raptor_uri_filename_to_uri_string(ctx->path);
    raptor_uri *base = uri_str ? raptor_new_uri(ctx->world, uri_str) : NULL;
    int rc = base ? raptor_parser_parse_start(parser, base) : -1;
    if (rc == 0)
        rc = raptor_parser_parse_chunk(parser, (const unsigned char *)data, len, 1);
    raptor_free_parser(parser);
    if (base)
        raptor_free_uri(base);
    if (uri_str)
        raptor_free_memory(uri_str);
    for (guint i = 0; i < ctx->groups->len; i++) {
        group *g = g_ptr_array_index(ctx->groups, i);
        if (g->out) {
            raptor_free_iostream(g->out); /* fills g->text and g->len */
            g->out = NULL;
        }
    }
    if (ctx->failed)
        return DT_ERR_SYNTAX;
    if (rc != 0)
        return dt_fail(ctx->err, DT_ERR_SYNTAX, "%s: cannot parse as %s", ctx->path, syntax);
    return DT_OK;
}

dt_status dt_push_file(const dt_push_opts *o, const char *path, const char *graph_override,
                       unsigned *graphs_sent, GError **err)
{
    if (graphs_sent)
        *graphs_sent = 0;
    if (path == NULL)
        return dt_fail(err, DT_ERR_USAGE, "no file given");
    if (o == NULL || o->endpoint == NULL || *o->endpoint == '\0')
        return dt_fail(err, DT_ERR_USAGE, "no Graph Store endpoint given");
    const char *syntax = dt_push_syntax_for_path(path);
    if (syntax == NULL)
        return dt_fail(err, DT_ERR_USAGE,
                       "%s: cannot tell the syntax from the name (.nq, .nquads, .ttl, .nt)", path);
    if (graph_override && !dt_push_graph_iri_valid(graph_override))
        return dt_fail(err, DT_ERR_USAGE, "graph name '%s' is not an absolute IRI",
                       graph_override);
    if (graph_override == NULL && !dt_push_syntax_has_graphs(syntax))
        return dt_fail(err, DT_ERR_USAGE,
                       "%s: a %s file holds no graph names: give the graph IRI to load it into",
                       path, syntax);

    char *data = NULL;
    gsize len = 0;
    GError *e = NULL;
    if (!g_file_get_contents(path, &data, &len, &e)) {
        dt_status st = dt_fail(err, DT_ERR_IO, "%s", e->message);
        g_error_free(e);
        return st;
    }
    const char *end = NULL;
    if (!g_utf8_validate(data, (gssize)len, &end)) {
        dt_status st = dt_fail(err, DT_ERR_ENCODING, "%s: invalid UTF-8 at byte offset %zu",
                               path, (size_t)(end - data));
        g_free(data);
        return st;
    }

    parse_ctx ctx = {path, graph_override, err, FALSE, g_hash_table_new(g_str_hash, g_str_equal),
                     g_ptr_array_new_with_free_func(group_free), raptor_new_world()};
    dt_status st = ctx.world ? parse_groups(&ctx, syntax, data, len)
                             : dt_fail(err, DT_ERR_RDF, "cannot initialise raptor");
    g_free(data);

    /* Refuse the file before sending anything when some statements have
     * nowhere to go. */
    group *dflt = st == DT_OK ? g_hash_table_lookup(ctx.by_iri, "") : NULL;
    if (dflt)
        st = dt_fail(err, DT_ERR_USAGE,
                     "%s: %zu statement%s in the default graph: give the graph IRI to "
                     "load %s into",
                     path, dflt->statements, dflt->statements == 1 ? " is" : "s are",
                     dflt->statements == 1 ? "it" : "them");

    unsigned sent = 0;
    session *s = NULL;
    if (st == DT_OK && ctx.groups->len > 0) {
        s = session_new(o, "application/n-triples", err);
        if (s == NULL)
            st = DT_ERR_IO;
    }
    for (guint i = 0; st == DT_OK && i < ctx.groups->len; i++) {
        group *g = g_ptr_array_index(ctx.groups, i);
        GError *pe = NULL;
        st = check_request(o, g->iri, &pe);
        if (st == DT_OK)
            st = session_send(s, g->iri, g->text ? (const char *)g->text : "", g->len, NULL, &pe);
        if (st == DT_OK) {
            sent++;
        } else {
            dt_fail(err, st, "%s: graph %u of %u: %s", path, i + 1, ctx.groups->len, pe->message);
            g_error_free(pe);
        }
    }
    session_free(s);
    if (graphs_sent)
        *graphs_sent = sent;
    g_hash_table_destroy(ctx.by_iri);
    g_ptr_array_free(ctx.groups, TRUE);
    if (ctx.world)
        raptor_free_world(ctx.world);
    return st;
}
