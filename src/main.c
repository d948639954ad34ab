/* detente command line: dispatches to the subcommands in cli/.
 * Exit status: 0 success, 1 some input failed, 2 misuse.
 *
 * Built twice (docs/startup.md): detente-rdf runs every command; the lean
 * detente (DT_LEAN) runs `extract` to N-Triples/N-Quads itself and relays
 * the other commands to detente-rdf. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* Articles are analysed one after another, each with the same pattern of
 * allocations and frees.  glibc's defaults hand the top of the heap back
 * to the kernel after an article and map large buffers afresh for the
 * next (brk and munmap were ~6% of extraction time); keeping up to 8 MiB
 * of freed memory, and mapping only buffers over 8 MiB, avoids that. */
static void tune_malloc(void)
{
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
#endif
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
           "  extract [OPTION...] INPUT...   articles (text files, folders, JSON Lines,\n"
           "                                 '-') to a graph (Turtle, N-Quads, ...)\n"
           "  query (-e SPARQL | Q.rq) [-f table|csv|tsv|json] [--store DIR] [DATA...]\n"
           "                                 SPARQL over graph files or a store\n"
           "  load --store DIR FILE...       add graphs to a persistent store\n"
           "  push --endpoint URL FILE...    send graphs to a SPARQL 1.1 Graph Store\n"
           "                                 (Virtuoso, Fuseki, Oxigraph, GraphDB)\n"
           "  COMMAND --help                 options of a command, with examples\n"
           "\n"
           "  -h, --help                     this help\n"
           "  -V, --version                  version\n"
           "\n"
           "Examples:\n"
           "  detente extract --date 2025-08-17 tests/data/articles/alaska-summit.txt\n"
           "  detente extract -f nquads -j 2 -o corpus.nq articles/\n"
           "  detente query ontology/queries/quotes.rq corpus.nq\n"
           "\n"
           "Exit status: 0 on success, 1 when an input could not be processed (the\n"
           "others still are), 2 on misuse.  DETENTE_DATADIR overrides the folder\n"
           "holding lexicon/ (default %s); DETENTE_CACHE_DIR the folder of\n"
           "the compiled lexicon cache (default ~/.cache/detente; empty: none).\n",
           DT_DATADIR);
}

int main(int argc, char **argv)
{
    tune_malloc();
#ifdef DT_LEAN
    dt_cli_relay_init(argv);
#endif
    if (argc < 2) {
        dt_cli_usage_error("missing command");
        return DT_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        print_help();
        return DT_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("%s\n", PACKAGE_STRING);
        return DT_EXIT_OK;
    }
    if (!strcmp(argv[1], "extract"))
        return dt_cli_extract(argc - 1, argv + 1);
#ifdef DT_LEAN
    if (!strcmp(argv[1], "query") || !strcmp(argv[1], "load") || !strcmp(argv[1], "push"))
        dt_cli_relay();
#else
    if (!strcmp(argv[1], "query"))
        return dt_cli_query(argc - 1, argv + 1);
    if (!strcmp(argv[1], "load"))
        return dt_cli_load(argc - 1, argv + 1);
    if (!strcmp(argv[1], "push"))
        return dt_cli_push(argc - 1, argv + 1);
#endif
    char *msg = g_strdup_printf("unknown command '%s'", argv[1]);
    dt_cli_usage_error(msg);
    g_free(msg);
    return DT_EXIT_USAGE;
}
