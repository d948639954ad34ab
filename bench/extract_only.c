/* bench/extract_only.c: "extraction alone" for bench/run.sh.
 *
 * `detente extract` always writes a graph, so this small driver links
 * src/libdetente.a and runs the same stages as `detente extract -f nquads
 * -j 1` minus the writing:
 *
 *   facts  lexicon load, dt_input (JSON Lines parsing), dt_extract
 *          (text -> facts in memory), dt_doc_free;
 *   graph  the same plus what a worker does in stream mode
 *          (dt_graph_new_stream + dt_graph_add_doc + dt_graph_seal):
 *          everything but dt_graph_flush and the write to the file.
 *
 * Usage: extract_only facts|graph LEXICON_DIR INPUT...
 * Prints one JSON line: articles, text bytes, seconds spent inside the
 * measured calls (in-process) and for the whole loop.  Not part of the
 * product; it uses only the library's public headers and modifies nothing.
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "../src/dt_extract.h"
#include "../src/graph/dt_graph.h"
#include "../src/input/dt_input.h"

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "facts") && strcmp(argv[1], "graph"))) {
        fprintf(stderr, "usage: %s facts|graph LEXICON_DIR INPUT...\n", argv[0]);
        return 2;
    }
    gboolean graph = !strcmp(argv[1], "graph");
#if defined(__GLIBC__)
    /* the allocator settings of src/main.c, so that this is detente's run */
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
#endif
    gint64 t_start = g_get_monotonic_time();
    GError *err = NULL;
    dt_lexicon *lex = NULL;
    /* through the compiled cache as detente does, when DETENTE_CACHE_DIR
     * names a folder (bench/run.sh sets it) */
    const char *cache_dir = g_getenv("DETENTE_CACHE_DIR");
    char *cache = cache_dir && *cache_dir ? dt_lexicon_cache_path(cache_dir, argv[2]) : NULL;
    dt_status st = dt_lexicon_load_cached(argv[2], cache, &lex, &err);
    g_free(cache);
    if (st != DT_OK) {
        fprintf(stderr, "extract_only: %s\n", err->message);
        return 1;
    }
    gint64 t_lex = g_get_monotonic_time();
    dt_input *in = dt_input_new(argv + 3, argc - 3, NULL, NULL, FALSE, 64u * 1024u * 1024u);
    guint64 articles = 0, bytes = 0, failed = 0;
    gint64 inside = 0;
    for (;;) {
        dt_article *a = NULL;
        dt_input_event ev = dt_input_next(in, &a, &err);
        if (ev == DT_INPUT_END)
            break;
        if (ev == DT_INPUT_ERROR) {
            g_clear_error(&err);
            failed++;
            continue;
        }
        gint64 t0 = g_get_monotonic_time();
        dt_doc *doc = NULL;
        if (dt_extract(lex, a->id, a->date, a->text, a->len, &doc, &err) == DT_OK) {
            if (graph) {
                dt_graph *g = dt_graph_new_stream("https://w3id.org/detente/", TRUE);
                dt_graph_add_doc(g, doc, &err);
                dt_graph_seal(g);
                dt_graph_free(g);
            }
            dt_doc_free(doc);
        }
        inside += g_get_monotonic_time() - t0;
        if (err) {
            g_clear_error(&err);
            failed++;
        }
        articles++;
        bytes += a->len;
        dt_article_free(a);
    }
    gint64 t_end = g_get_monotonic_time();
    dt_input_free(in);
    dt_lexicon_free(lex);
    printf("{\"mode\":\"%s\",\"articles\":%llu,\"text_bytes\":%llu,\"failed\":%llu,"
           "\"lexicon_s\":%.6f,\"inside_s\":%.6f,\"loop_s\":%.6f,\"MBps_inside\":%.3f}\n",
           argv[1], (unsigned long long)articles, (unsigned long long)bytes,
           (unsigned long long)failed, (double)(t_lex - t_start) / 1e6, (double)inside / 1e6,
           (double)(t_end - t_lex) / 1e6, inside > 0 ? (double)bytes / (double)inside : 0.0);
    return failed ? 1 : 0;
}
