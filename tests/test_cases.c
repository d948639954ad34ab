/* Data-driven extraction tests: every tests/data/cases/ *.case file holds a
 * text and the facts the competency queries must (or, with '!', must not)
 * return for it.  Format:
 *
 *   # what the case checks
 *   date: 2025-08-17
 *   text:
 *   ... article text ...
 *   expect:
 *   office-holders | Friedrich Merz | Chancellor | Germany
 *   !office-holders | Friedrich Merz | * | France
 *   count persons = 2        (number of distinct rows)
 *
 * Columns follow the query's variables (see test_support.c); "*" matches
 * anything, an empty column matches only an unbound variable, quote text is
 * matched as a prefix; comparison ignores case; IRIs compare by local name. */
#include "test_support.h"

#include <string.h>

typedef struct {
    char *path;
    char *name;
} case_file;

static char *trim(char *s)
{
    return g_strstrip(s);
}

static gboolean cell_matches(const char *query, const char *var, const char *want, const char *got)
{
    if (!strcmp(want, "*"))
        return TRUE;
    char *w = ts_norm(want);
    gboolean ok = !strcmp(query, "quotes") && !strcmp(var, "text") ? g_str_has_prefix(got, w)
                                                                   : !strcmp(w, got);
    g_free(w);
    return ok;
}

static gboolean row_matches(const char *query, const char *const *vars, char **row, char **want,
                            guint nwant)
{
    for (guint i = 0; i < nwant && vars[i]; i++)
        if (!cell_matches(query, vars[i], want[i], row[i]))
            return FALSE;
    return TRUE;
}

static void dump_rows(const char *query, GPtrArray *rows)
{
    fprintf(stderr, "    %s returned %u rows:\n", query, rows->len);
    for (guint i = 0; i < rows->len; i++) {
        char *joined = g_strjoinv(" | ", g_ptr_array_index(rows, i));
        fprintf(stderr, "      %s\n", joined);
        g_free(joined);
    }
}

static void run_case(void **state)
{
    const case_file *cf = *state;
    char *data = NULL;
    g_file_get_contents(cf->path, &data, NULL, NULL);
    assert_non_null(data);
    char *date = NULL;
    GString *text = g_string_new(NULL);
    GPtrArray *expects = g_ptr_array_new_with_free_func(g_free);
    char **lines = g_strsplit(data, "\n", -1);
    int mode = 0; /* 0 header, 1 text, 2 expect */
    for (char **l = lines; *l; l++) {
        if (mode == 0 && g_str_has_prefix(*l, "date:"))
            date = g_strdup(trim(*l + 5));
        else if (mode != 1 && !strcmp(*l, "text:"))
            mode = 1;
        else if (!strcmp(*l, "expect:"))
            mode = 2;
        else if (mode == 1)
            g_string_append_printf(text, "%s\n", *l);
        else if (mode == 2 && **l && **l != '#')
            g_ptr_array_add(expects, g_strdup(*l));
    }
    ts_graph *g = ts_graph_of(text->str, date);
    GHashTable *cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)ts_rows_free);
    int failures = 0;
    for (guint i = 0; i < expects->len; i++) {
        char *line = g_ptr_array_index(expects, i);
        gboolean negate = line[0] == '!';
        gboolean count = g_str_has_prefix(line, "count ");
        char *spec = g_strdup(line + (negate ? 1 : count ? 6 : 0));
        char **cols = g_strsplit(spec, count ? "=" : "|", -1);
        for (char **c = cols; *c; c++)
            trim(*c);
        const char *query = cols[0];
        const char *const *vars = ts_query_vars(query);
        if (vars == NULL) {
            fprintf(stderr, "  %s: unknown query '%s'\n", cf->name, query);
            failures++;
            goto next;
        }
        GPtrArray *rows = g_hash_table_lookup(cache, query);
        if (rows == NULL) {
            rows = ts_query(g->world, dt_graph_model(g->graph), query, vars);
            g_hash_table_insert(cache, g_strdup(query), rows);
        }
        if (count) {
            /* distinct rows */
            GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            for (guint r = 0; r < rows->len; r++)
                g_hash_table_add(seen, g_strjoinv("|", g_ptr_array_index(rows, r)));
            guint want = (guint)atoi(cols[1]), got = g_hash_table_size(seen);
            g_hash_table_destroy(seen);
            if (want != got) {
                fprintf(stderr, "  %s: expected %u distinct %s, got %u\n", cf->name, want, query, got);
                dump_rows(query, rows);
                failures++;
            }
            goto next;
        }
        gboolean found = FALSE;
        for (guint r = 0; r < rows->len && !found; r++)
            found = row_matches(query, vars, g_ptr_array_index(rows, r), cols + 1,
                                g_strv_length(cols) - 1);
        if (found == negate) {
            fprintf(stderr, "  %s: %s: %s\n", cf->name, negate ? "unexpected row" : "missing row", line);
            dump_rows(query, rows);
            failures++;
        }
    next:
        g_strfreev(cols);
        g_free(spec);
    }
    g_hash_table_destroy(cache);
    ts_graph_free(g);
    g_strfreev(lines);
    g_ptr_array_free(expects, TRUE);
    g_string_free(text, TRUE);
    g_free(date);
    g_free(data);
    if (failures)
        fail_msg("%s: %d expectation(s) failed", cf->name, failures);
}

int main(void)
{
    const char *top = g_getenv("DT_TOP_SRCDIR");
    char *dir = g_build_filename(top ? top : ".", "tests", "data", "cases", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL) {
        fprintf(stderr, "no case folder %s\n", dir);
        return 1;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *n;
    while ((n = g_dir_read_name(d)))
        if (g_str_has_suffix(n, ".case"))
            g_ptr_array_add(names, g_strdup(n));
    g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    guint count = names->len;
    if (count == 0) {
        fprintf(stderr, "no .case files in %s\n", dir);
        return 1;
    }
    case_file *cases = g_new0(case_file, count);
    struct CMUnitTest *tests = g_new0(struct CMUnitTest, count);
    for (guint i = 0; i < count; i++) {
        cases[i].name = g_strdup(g_ptr_array_index(names, i));
        cases[i].path = g_build_filename(dir, cases[i].name, NULL);
        tests[i].name = cases[i].name;
        tests[i].test_func = run_case;
        tests[i].initial_state = &cases[i];
    }
    int rc = _cmocka_run_group_tests("extraction cases", tests, count, NULL, NULL);
    for (guint i = 0; i < count; i++) {
        g_free(cases[i].name);
        g_free(cases[i].path);
    }
    g_free(cases);
    g_free(tests);
    g_ptr_array_free(names, TRUE);
    g_free(dir);
    return rc;
}
