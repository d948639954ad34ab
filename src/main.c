/* detente command line: a thin layer over the library.
 *   detente extract [--date D] [--id ID] [--base IRI] [-f FORMAT] [-o FILE] FILE...
 * Exit status: 0 success, 1 some input failed, 2 misuse. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dt_extract.h"
#include "graph/dt_graph.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

#define MAX_ARTICLE_BYTES (64u * 1024u * 1024u)

static const char *data_dir(void)
{
    const char *env = g_getenv("DETENTE_DATADIR");
    if (env && *env)
        return env;
    if (g_file_test(DT_SRC_DATADIR "/lexicon", G_FILE_TEST_IS_DIR))
        return DT_SRC_DATADIR;
    return DT_DATADIR;
}

static void usage_error(const char *msg)
{
    fprintf(stderr, "detente: %s\nTry 'detente --help'.\n", msg);
}

static void print_help(void)
{
    printf("Usage: detente COMMAND [OPTION...] ARGS\n"
           "\n"
           "Builds an RDF knowledge graph of diplomacy news: people and their offices,\n"
           "countries, organizations, places, events, proposals, stances and quotes,\n"
           "each with its provenance (article, sentence, code-point offsets).\n"
           "\n"
           "Commands:\n"
           "  extract [OPTION...] FILE...   read plain-text articles ('-' = stdin),\n"
           "                                write the graph (Turtle by default)\n"
           "\n"
           "Options of extract:\n"
           "  -d, --date=YYYY-MM-DD   publication date (resolves 'Monday', 'yesterday')\n"
           "  -i, --id=ID             article id (default: file name without .txt);\n"
           "                          with several files, ID-1, ID-2, ...\n"
           "  -b, --base=IRI          base of minted IRIs (default https://w3id.org/detente/)\n"
           "  -f, --format=FORMAT     turtle, ntriples, nquads, rdfxml, dot (default turtle)\n"
           "  -o, --output=FILE       write to FILE atomically instead of stdout\n"
           "  -q, --quiet             no warnings on standard error\n"
           "\n"
           "  -h, --help              this help\n"
           "  -V, --version           version\n"
           "\n"
           "Examples:\n"
           "  detente extract --date 2025-08-17 tests/data/articles/alaska-summit.txt\n"
           "  detente extract -o output/alaska.ttl article.txt\n"
           "  cat article.txt | detente extract -f ntriples -\n"
           "\n"
           "Exit status: 0 on success, 1 when an input could not be processed (the\n"
           "others still are), 2 on misuse.  Environment: DETENTE_DATADIR overrides\n"
           "the folder holding lexicon/ (default %s).\n",
           DT_DATADIR);
}

typedef struct {
    char *date, *id, *base, *format, *output;
    gboolean quiet;
} extract_opts;

static gboolean valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return s && strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
           g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

static char *read_input(const char *path, size_t *len, GError **err)
{
    char *bytes = NULL;
    gsize n = 0;
    if (strcmp(path, "-") == 0) {
        GString *buf = g_string_new(NULL);
        char chunk[65536];
        size_t r;
        while ((r = fread(chunk, 1, sizeof chunk, stdin)) > 0)
            g_string_append_len(buf, chunk, (gssize)r);
        if (ferror(stdin)) {
            g_string_free(buf, TRUE);
            dt_fail(err, DT_ERR_IO, "cannot read standard input: %s", g_strerror(errno));
            return NULL;
        }
        *len = buf->len;
        return g_string_free(buf, FALSE);
    }
    GError *e = NULL;
    if (!g_file_get_contents(path, &bytes, &n, &e)) {
        dt_fail(err, DT_ERR_IO, "%s", e->message);
        g_error_free(e);
        return NULL;
    }
    *len = n;
    return bytes;
}

static char *default_id(const char *path)
{
    if (strcmp(path, "-") == 0)
        return g_strdup("stdin");
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    return base;
}

/* Writes the graph to opts->output via a temporary file and rename, or to
 * stdout; stdout errors (a full disk) are reported too. */
static int write_output(dt_graph *graph, const extract_opts *o)
{
    GError *err = NULL;
    if (o->output == NULL) {
        dt_status st = dt_graph_serialize(graph, o->format, stdout, &err);
        if (st == DT_OK && (fflush(stdout) != 0 || ferror(stdout)))
            st = dt_fail(&err, DT_ERR_IO, "standard output: %s", g_strerror(errno));
        if (st != DT_OK) {
            fprintf(stderr, "detente: %s\n", err->message);
            g_error_free(err);
            return st == DT_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
        }
        return EXIT_OK;
    }
    char *tmp = g_strdup_printf("%s.tmp-XXXXXX", o->output);
    int fd = g_mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "detente: %s: cannot create output file: %s\n", o->output, g_strerror(errno));
        g_free(tmp);
        return EXIT_INPUT;
    }
    FILE *fh = fdopen(fd, "w");
    dt_status st = dt_graph_serialize(graph, o->format, fh, &err);
    int close_rc = fclose(fh);
    if (st == DT_OK && close_rc != 0)
        st = dt_fail(&err, DT_ERR_IO, "%s: %s", o->output, g_strerror(errno));
    if (st == DT_OK && rename(tmp, o->output) != 0)
        st = dt_fail(&err, DT_ERR_IO, "%s: cannot rename into place: %s", o->output, g_strerror(errno));
    if (st != DT_OK) {
        unlink(tmp);
        fprintf(stderr, "detente: %s\n", err->message);
        g_error_free(err);
        g_free(tmp);
        return st == DT_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    }
    g_free(tmp);
    return EXIT_OK;
}

static int run_extract(int argc, char **argv)
{
    extract_opts o = {0};
    gboolean help = FALSE;
    GOptionEntry entries[] = {
        {"date", 'd', 0, G_OPTION_ARG_STRING, &o.date, "publication date", "YYYY-MM-DD"},
        {"id", 'i', 0, G_OPTION_ARG_STRING, &o.id, "article id", "ID"},
        {"base", 'b', 0, G_OPTION_ARG_STRING, &o.base, "base IRI", "IRI"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format, "output syntax", "FORMAT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "output file", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "no warnings", NULL},
        {"help", 'h', 0, G_OPTION_ARG_NONE, &help, "help", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new("FILE...");
    g_option_context_set_help_enabled(ctx, FALSE);
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *err = NULL;
    int rc = EXIT_OK;
    dt_lexicon *lex = NULL;
    librdf_world *world = NULL;
    dt_graph *graph = NULL;
    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        usage_error(err->message);
        g_error_free(err);
        rc = EXIT_USAGE;
        goto out;
    }
    if (help) {
        print_help();
        goto out;
    }
    if (argc < 2) {
        usage_error("extract needs at least one FILE ('-' for standard input)");
        rc = EXIT_USAGE;
        goto out;
    }
    if (o.date && !valid_date(o.date)) {
        usage_error("--date must be a calendar date as YYYY-MM-DD");
        rc = EXIT_USAGE;
        goto out;
    }
    if (o.format == NULL)
        o.format = g_strdup("turtle");
    if (o.base == NULL)
        o.base = g_strdup("https://w3id.org/detente/");
    if (!g_str_has_suffix(o.base, "/") && !g_str_has_suffix(o.base, "#")) {
        char *b = g_strconcat(o.base, "/", NULL);
        g_free(o.base);
        o.base = b;
    }
    char *lexdir = g_build_filename(data_dir(), "lexicon", NULL);
    dt_status st = dt_lexicon_load(lexdir, &lex, &err);
    g_free(lexdir);
    if (st != DT_OK) {
        fprintf(stderr, "detente: %s\n", err->message);
        g_error_free(err);
        rc = EXIT_INPUT;
        goto out;
    }
    world = librdf_new_world();
    librdf_world_open(world);
    librdf_serializer *probe = librdf_new_serializer(world, o.format, NULL, NULL);
    if (probe == NULL) {
        usage_error("unknown --format (turtle, ntriples, nquads, rdfxml, dot, ...)");
        rc = EXIT_USAGE;
        goto out;
    }
    librdf_free_serializer(probe);
    if (dt_graph_new(world, o.base, &graph, &err) != DT_OK) {
        fprintf(stderr, "detente: %s\n", err->message);
        g_clear_error(&err);
        rc = EXIT_INPUT;
        goto out;
    }
    for (int i = 1; i < argc; i++) {
        const char *path = argv[i];
        size_t len = 0;
        char *bytes = read_input(path, &len, &err);
        if (bytes && len > MAX_ARTICLE_BYTES) {
            dt_fail(&err, DT_ERR_TOO_LARGE, "%zu bytes is over the %u-byte article limit", len,
                    MAX_ARTICLE_BYTES);
            g_free(bytes);
            bytes = NULL;
        }
        char *id = o.id ? (argc > 2 ? g_strdup_printf("%s-%d", o.id, i) : g_strdup(o.id))
                        : default_id(path);
        dt_doc *doc = NULL;
        if (bytes)
            dt_extract(lex, id, o.date, bytes, len, &doc, &err);
        if (doc)
            dt_graph_add_doc(graph, doc, &err);
        if (err) {
            fprintf(stderr, "detente: %s: %s\n", strcmp(path, "-") ? path : "<stdin>", err->message);
            g_clear_error(&err);
            rc = EXIT_INPUT;
        }
        dt_doc_free(doc);
        g_free(bytes);
        g_free(id);
    }
    int wrc = write_output(graph, &o);
    if (wrc != EXIT_OK)
        rc = wrc;
out:
    dt_graph_free(graph);
    if (world)
        librdf_free_world(world);
    dt_lexicon_free(lex);
    g_option_context_free(ctx);
    g_free(o.date);
    g_free(o.id);
    g_free(o.base);
    g_free(o.format);
    g_free(o.output);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_error("missing command");
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        print_help();
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("%s\n", PACKAGE_STRING);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "extract"))
        return run_extract(argc - 1, argv + 1);
    char *msg = g_strdup_printf("unknown command '%s'", argv[1]);
    usage_error(msg);
    g_free(msg);
    return EXIT_USAGE;
}
