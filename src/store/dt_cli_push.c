/* detente push: sends RDF files to a SPARQL 1.1 Graph Store HTTP Protocol
 * endpoint, one named graph per article.
 *   detente push --endpoint URL [--graph IRI] [--user U --password P | --netrc]
 *                [--graph-param NAME] [--timeout S] [--append] [--quiet] FILE...
 * Exit status: 0 success, 1 some file failed (the others are still sent),
 * 2 misuse. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dt_push.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

static void push_usage_error(const char *msg)
{
    fprintf(stderr, "detente: push: %s\nTry 'detente push --help'.\n", msg);
}

static void print_push_help(void)
{
    printf("Usage: detente push --endpoint URL [OPTION...] FILE...\n"
           "\n"
           "Sends RDF files to a triple store over the SPARQL 1.1 Graph Store HTTP\n"
           "Protocol (Virtuoso, Fuseki, Oxigraph server, GraphDB, RDF4J).  Each named\n"
           "graph of an N-Quads file (.nq, .nquads; one per article as 'detente extract\n"
           "-f nquads' writes them) replaces the graph of that name in the store, so\n"
           "sending an article again does not duplicate it.  Turtle (.ttl) and\n"
           "N-Triples (.nt) files, and statements in the default graph, go to --graph.\n"
           "\n"
           "Options:\n"
           "  -e, --endpoint=URL       Graph Store endpoint (required)\n"
           "  -g, --graph=IRI          graph for Turtle/N-Triples files and for\n"
           "                           default-graph statements\n"
           "  -u, --user=USER          HTTP user (digest or basic, as the server asks)\n"
           "  -p, --password=PASSWORD  HTTP password\n"
           "  -n, --netrc              take the credentials from ~/.netrc\n"
           "      --graph-param=NAME   query parameter naming the graph (default graph;\n"
           "                           Virtuoso also takes graph-uri)\n"
           "  -t, --timeout=SECONDS    per request (default 300)\n"
           "  -a, --append            add to the graphs (POST) instead of replacing them\n"
           "  -q, --quiet              no per-file summary on standard output\n"
           "  -h, --help               this help\n"
           "\n"
           "Endpoints: Virtuoso http://HOST:8890/sparql-graph-crud-auth (digest auth),\n"
           "Fuseki http://HOST:3030/DATASET/data, Oxigraph http://HOST:7878/store.\n"
           "\n"
           "Examples:\n"
           "  detente extract -f nquads -o corpus.nq articles/*.txt\n"
           "  detente push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth \\\n"
           "      --user dba --password dba corpus.nq\n"
           "  detente push --endpoint http://localhost:3030/ds/data \\\n"
           "      --graph https://example.org/g article.ttl\n"
           "\n"
           "Prints 'FILE: N graphs' per file sent.  Exit status: 0 on success, 1 when a\n"
           "file could not be read or sent (the others still are), 2 on misuse.\n");
}

static gboolean http_url(const char *s)
{
    return s && (g_str_has_prefix(s, "http://") || g_str_has_prefix(s, "https://")) &&
           strlen(s) > strlen("https://");
}

int dt_cli_push(int argc, char **argv)
{
    char *endpoint = NULL, *graph = NULL, *user = NULL, *password = NULL, *graph_param = NULL;
    gboolean netrc = FALSE, append = FALSE, quiet = FALSE, help = FALSE;
    int timeout = 0;
    GOptionEntry entries[] = {
        {"endpoint", 'e', 0, G_OPTION_ARG_STRING, &endpoint, "Graph Store endpoint", "URL"},
        {"graph", 'g', 0, G_OPTION_ARG_STRING, &graph, "graph for triples", "IRI"},
        {"user", 'u', 0, G_OPTION_ARG_STRING, &user, "HTTP user", "USER"},
        {"password", 'p', 0, G_OPTION_ARG_STRING, &password, "HTTP password", "PASSWORD"},
        {"netrc", 'n', 0, G_OPTION_ARG_NONE, &netrc, "credentials from ~/.netrc", NULL},
        {"graph-param", 0, 0, G_OPTION_ARG_STRING, &graph_param, "graph parameter", "NAME"},
        {"timeout", 't', 0, G_OPTION_ARG_INT, &timeout, "timeout", "SECONDS"},
        {"append", 'a', 0, G_OPTION_ARG_NONE, &append, "POST instead of PUT", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "no summary", NULL},
        {"help", 'h', 0, G_OPTION_ARG_NONE, &help, "help", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new("FILE...");
    g_option_context_set_help_enabled(ctx, FALSE);
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *err = NULL;
    int rc = EXIT_OK;
    const char *misuse = NULL;

    if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
        push_usage_error(err->message);
        g_clear_error(&err);
        rc = EXIT_USAGE;
        goto out;
    }
    if (help) {
        print_push_help();
        if (fflush(stdout) != 0 || ferror(stdout))
            rc = EXIT_INPUT;
        goto out;
    }
    if (endpoint == NULL)
        misuse = "--endpoint URL is required";
    else if (!http_url(endpoint))
        misuse = "--endpoint must be an http:// or https:// URL";
    else if (argc < 2)
        misuse = "push needs at least one FILE";
    else if (netrc && user)
        misuse = "give either --user/--password or --netrc, not both";
    else if (password && !user)
        misuse = "--password needs --user";
    else if (timeout < 0)
        misuse = "--timeout must be a number of seconds";
    else if (graph_param && (*graph_param == '\0' || strpbrk(graph_param, "&=?# ")))
        misuse = "--graph-param must be a plain parameter name";
    else if (graph && !dt_push_graph_iri_valid(graph))
        misuse = "--graph must be an absolute IRI";
    if (misuse) {
        push_usage_error(misuse);
        rc = EXIT_USAGE;
        goto out;
    }
    /* Names the syntax of every file before sending anything. */
    for (int i = 1; i < argc; i++) {
        const char *syntax = dt_push_syntax_for_path(argv[i]);
        if (syntax == NULL) {
            fprintf(stderr, "detente: push: %s: cannot tell the syntax from the name "
                            "(.nq, .nquads, .ttl, .nt)\n", argv[i]);
            rc = EXIT_USAGE;
        } else if (!graph && !dt_push_syntax_has_graphs(syntax)) {
            fprintf(stderr, "detente: push: %s: a %s file holds no graph names: "
                            "give --graph IRI\n", argv[i], syntax);
            rc = EXIT_USAGE;
        }
    }
    if (rc != EXIT_OK)
        goto out;

    dt_push_opts o = {.endpoint = endpoint,
                      .user = user,
                      .password = password,
                      .use_netrc = netrc,
                      .timeout_s = timeout,
                      .graph_param = graph_param,
                      .append = append};
    for (int i = 1; i < argc; i++) {
        unsigned sent = 0;
        dt_status st = dt_push_file(&o, argv[i], graph, &sent, &err);
        if (st != DT_OK) {
            /* the library's messages already name the file */
            fprintf(stderr, "detente: push: %s\n", err->message);
            if (sent > 0)
                fprintf(stderr, "detente: push: %s: %u graphs were sent before the failure\n",
                        argv[i], sent);
            g_clear_error(&err);
            rc = EXIT_INPUT;
            continue;
        }
        if (!quiet)
            printf("%s: %u graph%s\n", argv[i], sent, sent == 1 ? "" : "s");
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "detente: push: standard output: %s\n", g_strerror(errno));
        rc = EXIT_INPUT;
    }
out:
    g_option_context_free(ctx);
    g_free(endpoint);
    g_free(graph);
    g_free(user);
    if (password) {
        memset(password, 0, strlen(password));
        g_free(password);
    }
    g_free(graph_param);
    return rc;
}
