/* detente extract: articles in, graph out.  Turtle and the other model
 * syntaxes build one graph and write it at the end; N-Triples and N-Quads
 * stream, article by article, with -j worker threads.
 *
 * Built twice: into detente-rdf, which does all of it, and with DT_LEAN
 * into the lean detente, which streams only, reads the lexicon only from
 * its compiled cache, and relays everything else to detente-rdf. */
#include <config.h>

#include "cli.h"
#include "../dt_extract.h"
#include "../graph/dt_graph.h"
#ifndef DT_LEAN
#include "../graph/dt_graph_model.h"
#endif
#include "../input/dt_input.h"

#include <string.h>
#include <unistd.h>

#define MAX_ARTICLE_BYTES (64u * 1024u * 1024u)

typedef struct {
    char *date, *id, *base, *format, *output;
    int jobs;
    gboolean quiet, stdin_jsonl;
} extract_opts;

/* ---- progress on standard error ------------------------------------------ */

typedef struct {
    gboolean on;
    gint64 start, last;
    guint64 articles, bytes, total;
} progress;

static void progress_update(progress *p, gboolean final)
{
    if (!p->on)
        return;
    gint64 now = g_get_monotonic_time();
    if (!final && now - p->last < 250000)
        return;
    p->last = now;
    double secs = (double)(now - p->start) / 1e6;
    double mbs = secs > 0 ? (double)p->bytes / 1e6 / secs : 0;
    char eta[32] = "";
    if (p->total > p->bytes && mbs > 0)
        g_snprintf(eta, sizeof eta, ", ETA %.0f s", (double)(p->total - p->bytes) / 1e6 / mbs);
    fprintf(stderr, "\r%llu articles, %.1f MB, %.1f MB/s%s   ", (unsigned long long)p->articles,
            (double)p->bytes / 1e6, mbs, eta);
    if (final)
        fputc('\n', stderr);
}

/* ---- one article ----------------------------------------------------------- */

/* Stream graphs are reused: the writer hands back those it has written to
 * the worker that filled them, which refills one, freeing its last
 * article's statements (see dt_graph_flush).  So memory is freed by the
 * thread that allocated it and a chunk is rewritten where it is cached,
 * rather than the writer freeing everything (malloc's tcache and GSlice
 * magazines then trade memory between threads) and a worker writing into
 * memory last held by another core. */
typedef struct {
    GMutex lock;
    GPtrArray *spare; /* dt_graph*, written */
    /* the writer's set of entities described, and the lock it adds to it
     * under (NULL with one thread): new graphs skip what is in it */
    GHashTable *described;
    GMutex *described_lock;
} graph_stock;

static void stock_init(graph_stock *s, GHashTable *described, GMutex *described_lock)
{
    g_mutex_init(&s->lock);
    s->spare = g_ptr_array_new_with_free_func((GDestroyNotify)dt_graph_free);
    s->described = described;
    s->described_lock = described_lock;
}

static void stock_clear(graph_stock *s)
{
    g_ptr_array_free(s->spare, TRUE);
    g_mutex_clear(&s->lock);
}

static dt_graph *stock_take(graph_stock *s, const char *base, gboolean quads)
{
    dt_graph *g = NULL;
    g_mutex_lock(&s->lock);
    if (s->spare->len > 0)
        g = g_ptr_array_steal_index_fast(s->spare, s->spare->len - 1);
    g_mutex_unlock(&s->lock);
    if (g == NULL) {
        g = dt_graph_new_stream(base, quads);
        dt_graph_set_described(g, s->described, s->described_lock);
    }
    return g;
}

static void stock_give(graph_stock *s, dt_graph *g)
{
    /* a graph that wrote a long article keeps its buffer for whatever job
     * takes it next; with -j N up to 16 N graphs circulate, so those are
     * let go (peak RSS of -j 2 on 1 GB: ~57-74 MiB with them kept) */
    if (dt_graph_held_bytes(g) > ((size_t)1 << 20)) {
        dt_graph_free(g);
        return;
    }
    g_mutex_lock(&s->lock);
    g_ptr_array_add(s->spare, g);
    g_mutex_unlock(&s->lock);
}

typedef struct {
    dt_record *record; /* as read; parsed into article by run_job */
    dt_article *article; /* kept only when there is an error to report */
    gboolean parsed;   /* it was an article (for progress) */
    size_t len;        /* of its text */
    dt_graph *graph;   /* stream mode: the article's own chunk */
    GError *err;
    const dt_lexicon *lex;
    const char *base;
    gboolean quads;
    graph_stock *stock; /* of the thread that runs it */
    gboolean done;     /* with -j: run, to be written (under pipeline.lock) */
} job;

static void run_job(job *j)
{
    /* JSON Lines parsing is done here, by the worker, not by the reader */
    if (j->record) {
        dt_record_parse(j->record, &j->article, &j->err);
        dt_record_free(j->record);
        j->record = NULL;
    }
    if (j->err)
        return;
    j->parsed = TRUE;
    j->len = j->article->len;
    dt_doc *doc = NULL;
    if (dt_extract(j->lex, j->article->id, j->article->date, j->article->text, j->article->len,
                   &doc, &j->err) != DT_OK)
        return;
    dt_doc_set_meta(doc, j->article->url, j->article->title, j->article->source);
    j->graph = stock_take(j->stock, j->base, j->quads);
    dt_graph_add_doc(j->graph, doc, &j->err);
    dt_graph_seal(j->graph);
    dt_doc_free(doc);
    /* the writer needs the article only to name it in an error */
    if (j->err == NULL) {
        dt_article_free(j->article);
        j->article = NULL;
    }
}

static void report(const dt_article *a, const GError *err)
{
    if (a)
        fprintf(stderr, "detente: %s: %s\n", a->origin, err->message);
    else
        fprintf(stderr, "detente: %s\n", err->message);
}

/* ---- the two ways to write ------------------------------------------------- */

static gboolean is_stream_format(const char *f)
{
    return !strcmp(f, "ntriples") || !strcmp(f, "nquads");
}

/* The next input as a job (unparsed: run_job parses it); NULL at the end
 * of the input.  An input that cannot be read is a job too, holding only
 * its error, so that every message comes in input order. */
static job *read_job(dt_input *in, const dt_lexicon *lex, const extract_opts *o)
{
    dt_record *r = NULL;
    GError *err = NULL;
    if (dt_input_next_record(in, &r, &err) == DT_INPUT_END)
        return NULL;
    job *j = g_new0(job, 1);
    j->record = r;
    j->err = err;
    j->lex = lex;
    j->base = o->base;
    j->quads = !strcmp(o->format, "nquads");
    return j;
}

/* What writing needs; with -j it passes from worker to worker with the
 * turn to write (pipeline.writing), so one thread at a time uses it. */
typedef struct {
    FILE *fh;
    GHashTable *done; /* entity IRIs described */
    progress *pr;
    int rc;
    GError *werr;
} writer;

/* Writes a job's article (or reports its error) and frees the job. */
static void write_job(job *j, writer *w)
{
    if (j->err) {
        report(j->article, j->err);
        g_error_free(j->err);
        w->rc = DT_EXIT_INPUT;
        dt_graph_free(j->graph);
    } else if (w->werr == NULL) {
        dt_graph_flush(j->graph, w->fh, w->done, &w->werr);
        stock_give(j->stock, j->graph);
    } else {
        dt_graph_free(j->graph); /* not written: not to be reused */
    }
    if (j->parsed) {
        w->pr->articles++;
        w->pr->bytes += j->len;
    }
    dt_article_free(j->article);
    g_free(j);
    progress_update(w->pr, FALSE);
}

/* -j N: the main thread reads lines into a window of jobs and queues
 * them; N workers parse, extract and write them.  The article next in
 * input order is written by the worker that finishes it, and after it
 * those finished already, so that an article's N-Quads (~65 times its
 * text, ~150 KB) wait for about one other article, not for a batch.
 * Written at once, a graph goes back to its worker's stock while its
 * chunk is still in that core's cache, and is refilled there: when the
 * main thread wrote batches of 8 articles a worker, 16 or more graphs
 * a worker were in flight, every article was written into memory that
 * had left the cache (a cache-simulated run had 10 times the misses of
 * -j 1), and -j 2 spent ~10% more CPU than -j 1. */
typedef struct {
    GAsyncQueue *queue; /* job*, to be run; &stop ends a worker */
    GMutex lock;
    GCond room;         /* the main thread waits for the window to empty */
    job **window;       /* jobs read and not written, by input position */
    guint cap;
    guint64 read, written;
    guint64 low;        /* the main thread waits for read - written <= low */
    gboolean main_waits;
    gboolean writing;   /* a worker has the turn to write */
    gboolean failed;    /* a write failed: read no more */
    writer w;
} pipeline;

typedef struct {
    GThread *thread;
    pipeline *p;
    graph_stock stock;
} worker;

static job stop;

/* Called with p->lock held, by a worker that has just finished a job:
 * unless another worker is writing, writes the jobs next in input order
 * as long as they are finished (a job another worker finishes meanwhile
 * is seen here, when the lock is taken again). */
static void write_ready(pipeline *p)
{
    if (p->writing)
        return;
    p->writing = TRUE;
    while (p->written < p->read) {
        job *j = p->window[p->written % p->cap];
        if (!j->done)
            break;
        g_mutex_unlock(&p->lock);
        write_job(j, &p->w);
        gboolean failed = p->w.werr != NULL;
        g_mutex_lock(&p->lock);
        p->written++;
        p->failed = failed;
        if (p->main_waits && (p->read - p->written <= p->low || failed))
            g_cond_signal(&p->room);
    }
    p->writing = FALSE;
}

static gpointer worker_main(gpointer data)
{
    worker *w = data;
    pipeline *p = w->p;
    for (;;) {
        job *j = g_async_queue_pop(p->queue);
        if (j == &stop)
            break;
        j->stock = &w->stock;
        run_job(j);
        g_mutex_lock(&p->lock);
        j->done = TRUE;
        write_ready(p);
        g_mutex_unlock(&p->lock);
    }
    return NULL;
}

/* Main thread: waits until at most low jobs are read and not written,
 * and returns the room in the window then.  low 0 waits for every job to
 * be written; otherwise a failed write ends the wait (and the reading:
 * the room is 0). */
static guint64 window_wait(pipeline *p, guint64 low)
{
    g_mutex_lock(&p->lock);
    p->low = low;
    while (p->read - p->written > low && !(p->failed && low > 0)) {
        p->main_waits = TRUE;
        g_cond_wait(&p->room, &p->lock);
    }
    p->main_waits = FALSE;
    guint64 room = p->failed ? 0 : p->cap - (p->read - p->written);
    g_mutex_unlock(&p->lock);
    return room;
}

/* Output and messages stay in input order, as with one thread: jobs are
 * written by position, and errors reported as their article's turn
 * comes.  The main thread reads while the workers extract, half a window
 * at a time, so that it wakes seldom. */
static void extract_parallel(dt_input *in, const dt_lexicon *lex, const extract_opts *o,
                             writer *wr)
{
    pipeline p = {0};
    p.queue = g_async_queue_new();
    g_mutex_init(&p.lock);
    g_cond_init(&p.room);
    /* 16 articles a worker read ahead, as many as the two batches of 8
     * a worker that the main thread once wrote; it wakes when 8 a worker
     * are left */
    p.cap = 16u * (guint)o->jobs;
    p.window = g_new0(job *, p.cap);
    p.w = *wr;
    /* the workers read the described set while the one writing adds to it */
    GMutex described_lock;
    g_mutex_init(&described_lock);
    worker *workers = g_new0(worker, o->jobs);
    for (int i = 0; i < o->jobs; i++) {
        workers[i].p = &p;
        stock_init(&workers[i].stock, wr->done, &described_lock);
        workers[i].thread = g_thread_new("extract", worker_main, &workers[i]);
    }
    job **fresh = g_new(job *, p.cap);
    gboolean more = TRUE;
    guint64 room;
    while (more && (room = window_wait(&p, p.cap / 2)) > 0) {
        guint n = 0;
        while (n < room && (fresh[n] = read_job(in, lex, o)) != NULL)
            n++;
        more = n == room;
        g_mutex_lock(&p.lock);
        for (guint i = 0; i < n; i++)
            p.window[(p.read + i) % p.cap] = fresh[i];
        p.read += n;
        g_mutex_unlock(&p.lock);
        for (guint i = 0; i < n; i++)
            g_async_queue_push(p.queue, fresh[i]);
    }
    /* all written (or, after a failed write, freed) */
    window_wait(&p, 0);
    for (int i = 0; i < o->jobs; i++)
        g_async_queue_push(p.queue, &stop);
    for (int i = 0; i < o->jobs; i++) {
        g_thread_join(workers[i].thread);
        stock_clear(&workers[i].stock);
    }
    *wr = p.w;
    g_mutex_clear(&described_lock);
    g_free(fresh);
    g_free(workers);
    g_free(p.window);
    g_cond_clear(&p.room);
    g_mutex_clear(&p.lock);
    g_async_queue_unref(p.queue);
}

/* N-Triples and N-Quads, article by article: with -j N, N workers. */
static int extract_stream(dt_input *in, const dt_lexicon *lex, const extract_opts *o, FILE *fh,
                          progress *pr, GError **werr)
{
    writer wr = {fh, g_hash_table_new_full(dt_str_hash, g_str_equal, g_free, NULL), pr,
                 DT_EXIT_OK, NULL};
    if (o->jobs > 1) {
        extract_parallel(in, lex, o, &wr);
    } else {
        graph_stock stock;
        stock_init(&stock, wr.done, NULL);
        job *j;
        while (wr.werr == NULL && (j = read_job(in, lex, o)) != NULL) {
            j->stock = &stock;
            run_job(j);
            write_job(j, &wr);
        }
        stock_clear(&stock);
    }
    g_hash_table_destroy(wr.done);
    *werr = wr.werr;
    return wr.rc;
}

#ifndef DT_LEAN
static int extract_model(dt_input *in, const dt_lexicon *lex, const extract_opts *o, FILE *fh,
                         progress *pr, GError **werr)
{
    int rc = DT_EXIT_OK;
    librdf_world *world = librdf_new_world();
    librdf_world_open(world);
    dt_graph *graph = NULL;
    if (dt_graph_new(world, o->base, &graph, werr) != DT_OK) {
        librdf_free_world(world);
        return DT_EXIT_INPUT;
    }
    for (;;) {
        dt_article *a = NULL;
        GError *err = NULL;
        dt_input_event ev = dt_input_next(in, &a, &err);
        if (ev == DT_INPUT_END)
            break;
        dt_doc *doc = NULL;
        if (ev == DT_INPUT_ARTICLE && dt_extract(lex, a->id, a->date, a->text, a->len, &doc, &err) == DT_OK) {
            dt_doc_set_meta(doc, a->url, a->title, a->source);
            dt_graph_add_doc(graph, doc, &err);
        }
        if (err) {
            report(a, err);
            g_error_free(err);
            rc = DT_EXIT_INPUT;
        }
        if (a) {
            pr->articles++;
            pr->bytes += a->len;
        }
        dt_doc_free(doc);
        dt_article_free(a);
        progress_update(pr, FALSE);
    }
    dt_graph_serialize(graph, o->format, fh, werr);
    dt_graph_free(graph);
    librdf_free_world(world);
    return rc;
}
#endif

/* ---- command ----------------------------------------------------------------- */

static void print_extract_help(void)
{
    printf("Usage: detente extract [OPTION...] INPUT...\n"
           "\n"
           "INPUT is a plain-text article (UTF-8), a folder (every *.txt and *.jsonl\n"
           "below it), a JSON Lines file (*.jsonl: one article per line, {\"id\", \"text\",\n"
           "\"date\", \"url\", \"title\", \"source\"}; id and text required) or '-' for\n"
           "standard input.\n"
           "\n"
           "  -d, --date=YYYY-MM-DD   publication date of articles without their own\n"
           "  -i, --id=ID             id of a single plain-text article (default: its\n"
           "                          file name without .txt; in folders, the path below)\n"
           "  -b, --base=IRI          base of minted IRIs (default https://w3id.org/detente/)\n"
           "  -f, --format=FORMAT     turtle (default), ntriples, nquads (one named graph\n"
           "                          per article + one for shared entities; streamed),\n"
           "                          rdfxml, rdfxml-abbrev, json, dot\n"
           "  -o, --output=FILE       write FILE atomically instead of standard output\n"
           "  -j, --jobs=N            worker threads for ntriples/nquads (default 1)\n"
           "      --stdin-jsonl       read standard input as JSON Lines\n"
           "  -q, --quiet             no progress line\n"
           "\n"
           "Examples:\n"
           "  detente extract --date 2025-08-17 tests/data/articles/alaska-summit.txt\n"
           "  detente extract -f nquads -j 2 -o corpus.nq wire-copy/ news.jsonl\n"
           "  cat article.txt | detente extract -f ntriples -\n");
}

static gboolean valid_base(const char *b)
{
    if (!(g_str_has_prefix(b, "http://") || g_str_has_prefix(b, "https://") ||
          g_str_has_prefix(b, "urn:")))
        return FALSE;
    for (const char *p = b; *p; p++)
        if ((unsigned char)*p <= 0x20 || strchr("<>\"{}|\\^`", *p))
            return FALSE;
    return TRUE;
}

int dt_cli_extract(int argc, char **argv)
{
    extract_opts o = {0};
    o.jobs = 1;
    gboolean help = FALSE;
    GOptionEntry entries[] = {
        {"date", 'd', 0, G_OPTION_ARG_STRING, &o.date, NULL, NULL},
        {"id", 'i', 0, G_OPTION_ARG_STRING, &o.id, NULL, NULL},
        {"base", 'b', 0, G_OPTION_ARG_STRING, &o.base, NULL, NULL},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format, NULL, NULL},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, NULL, NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, NULL, NULL},
        {"stdin-jsonl", 0, 0, G_OPTION_ARG_NONE, &o.stdin_jsonl, NULL, NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, NULL, NULL},
        {"help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GError *err = NULL;
    int rc = DT_EXIT_OK;
    dt_lexicon *lex = NULL;
    dt_input *in = NULL;
    GOptionContext *octx = dt_cli_parse(entries, &argc, &argv);
    if (octx == NULL) {
        rc = DT_EXIT_USAGE;
        goto out;
    }
    if (help) {
        print_extract_help();
        goto out;
    }
    const char *problem = argc < 2 ? "extract needs at least one INPUT ('-' for standard input)"
                          : (o.date && !dt_input_valid_date(o.date)) ? "--date must be a calendar date as YYYY-MM-DD"
                          : o.jobs < 1 || o.jobs > 64 ? "--jobs must be between 1 and 64"
                          : (o.id && argc > 2) ? "--id names a single input"
                          : (o.base && !valid_base(o.base)) ? "--base must be an absolute http(s) or urn IRI without spaces or <>\"{}|\\^`"
                                                             : NULL;
    if (problem) {
        dt_cli_usage_error(problem);
        rc = DT_EXIT_USAGE;
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
#ifdef DT_LEAN
    /* model syntaxes need librdf */
    if (!is_stream_format(o.format))
        dt_cli_relay();
    /* the lexicon from its compiled cache; parsing the Turtle needs raptor,
     * so on a miss detente-rdf does the whole run (and writes the cache) */
    char *lexdir = g_build_filename(dt_cli_data_dir(), "lexicon", NULL);
    char *cache_dir = dt_cli_cache_dir();
    char *cache = cache_dir ? dt_lexicon_cache_path(cache_dir, lexdir) : NULL;
    dt_status st = dt_lexicon_open_cache(lexdir, cache, NULL, &lex, NULL);
    g_free(cache);
    g_free(cache_dir);
    g_free(lexdir);
    if (st != DT_OK)
        dt_cli_relay();
#else
    if (!is_stream_format(o.format)) {
        librdf_world *w = librdf_new_world();
        librdf_world_open(w);
        librdf_serializer *probe = librdf_new_serializer(w, o.format, NULL, NULL);
        gboolean known = probe != NULL;
        if (probe)
            librdf_free_serializer(probe);
        librdf_free_world(w);
        if (!known) {
            dt_cli_usage_error("unknown --format (turtle, ntriples, nquads, rdfxml, json, dot)");
            rc = DT_EXIT_USAGE;
            goto out;
        }
    }
    /* the lexicon through its compiled cache: parsing the Turtle is most
     * of the start-up otherwise.  Relayed by the lean detente, the cache
     * is that binary's, so that the one written here serves its next runs. */
    const char *front = g_getenv(DT_FRONT_ENV);
    if (front && !*front)
        front = NULL;
    char *lexdir = g_build_filename(dt_cli_data_dir(), "lexicon", NULL);
    char *cache_dir = dt_cli_cache_dir();
    char *cache = cache_dir ? dt_lexicon_cache_path_for(cache_dir, lexdir, front) : NULL;
    dt_status st = dt_lexicon_load_cached_for(lexdir, cache, front, &lex, &err);
    g_free(cache);
    g_free(cache_dir);
    g_free(lexdir);
    if (st != DT_OK) {
        fprintf(stderr, "detente: %s\n", err->message);
        g_clear_error(&err);
        rc = DT_EXIT_INPUT;
        goto out;
    }
#endif
    dt_output *out = dt_output_open(o.output, &err);
    if (out == NULL) {
        fprintf(stderr, "detente: %s\n", err->message);
        g_clear_error(&err);
        rc = DT_EXIT_INPUT;
        goto out;
    }
    in = dt_input_new(argv + 1, argc - 1, o.date, o.id, o.stdin_jsonl, MAX_ARTICLE_BYTES);
    progress pr = {0};
    pr.on = !o.quiet && isatty(2);
    pr.start = pr.last = g_get_monotonic_time();
    pr.total = dt_input_total_bytes(in);
    GError *werr = NULL;
#ifdef DT_LEAN
    rc = extract_stream(in, lex, &o, dt_output_file(out), &pr, &werr);
#else
    rc = is_stream_format(o.format) ? extract_stream(in, lex, &o, dt_output_file(out), &pr, &werr)
                                    : extract_model(in, lex, &o, dt_output_file(out), &pr, &werr);
#endif
    progress_update(&pr, TRUE);
    if (!dt_output_close(out, werr == NULL, werr ? NULL : &werr) || werr) {
        fprintf(stderr, "detente: %s\n", werr ? werr->message : "write error");
        g_clear_error(&werr);
        rc = DT_EXIT_INPUT;
    }
out:
    dt_input_free(in);
    dt_lexicon_free(lex);
    if (octx)
        g_option_context_free(octx);
    g_free(o.date);
    g_free(o.id);
    g_free(o.base);
    g_free(o.format);
    g_free(o.output);
    return rc;
}
