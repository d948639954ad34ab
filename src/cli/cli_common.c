#include <config.h>

#include "cli.h"
#include "../dt_status.h"

#include <errno.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

void dt_cli_usage_error(const char *msg)
{
    fprintf(stderr, "detente: %s\nTry 'detente --help'.\n", msg);
}

GOptionContext *dt_cli_parse(GOptionEntry *entries, int *argc, char ***argv)
{
    GOptionContext *octx = g_option_context_new(NULL);
    g_option_context_set_help_enabled(octx, FALSE);
    g_option_context_add_main_entries(octx, entries, NULL);
    GError *err = NULL;
    if (!g_option_context_parse(octx, argc, argv, &err)) {
        dt_cli_usage_error(err->message);
        g_error_free(err);
        g_option_context_free(octx);
        return NULL;
    }
    return octx;
}

const char *dt_cli_data_dir(void)
{
    const char *env = g_getenv("DETENTE_DATADIR");
    if (env && *env)
        return env;
    if (g_file_test(DT_SRC_DATADIR "/lexicon", G_FILE_TEST_IS_DIR))
        return DT_SRC_DATADIR;
    return DT_DATADIR;
}

char *dt_cli_cache_dir(void)
{
    const char *env = g_getenv("DETENTE_CACHE_DIR");
    if (env)
        return *env ? g_strdup(env) : NULL;
    return g_build_filename(g_get_user_cache_dir(), "detente", NULL);
}

struct dt_output {
    char *path, *tmp;
    FILE *fh;
    gboolean direct; /* a device or pipe: no temporary file */
};

dt_output *dt_output_open(const char *path, GError **err)
{
    dt_output *o = g_new0(dt_output, 1);
    if (path == NULL) {
        o->fh = stdout;
        return o;
    }
    /* devices and pipes (/dev/null, /dev/stdout, a fifo) are written to
     * directly: a temporary file renamed over them would replace them */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        o->fh = fopen(path, "w");
        if (o->fh == NULL) {
            dt_fail(err, DT_ERR_IO, "%s: cannot open for writing: %s", path, g_strerror(errno));
            g_free(o);
            return NULL;
        }
        o->direct = TRUE;
        o->path = g_strdup(path);
        return o;
    }
    gboolean exists = stat(path, &st) == 0;
    o->path = g_strdup(path);
    o->tmp = g_strdup_printf("%s.tmp-XXXXXX", path);
    int fd = g_mkstemp(o->tmp);
    if (fd < 0) {
        dt_fail(err, DT_ERR_IO, "%s: cannot create output file: %s", path, g_strerror(errno));
        g_free(o->path);
        g_free(o->tmp);
        g_free(o);
        return NULL;
    }
    /* mkstemp makes the file private (0600); the output gets the mode a
     * plain create would give it: the old file's, else 0666 less umask */
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(022);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0) /* not fatal: only the mode is stricter */
        g_debug("%s: cannot set the file mode: %s", o->tmp, g_strerror(errno));
    o->fh = fdopen(fd, "w");
    return o;
}

FILE *dt_output_file(dt_output *o) { return o->fh; }

gboolean dt_output_close(dt_output *o, gboolean commit, GError **err)
{
    gboolean ok = TRUE;
    if (o->path == NULL) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            dt_fail(err, DT_ERR_IO, "standard output: %s", g_strerror(errno));
            ok = FALSE;
        }
    } else {
        if (fclose(o->fh) != 0) {
            dt_fail(err, DT_ERR_IO, "%s: %s", o->path, g_strerror(errno));
            ok = FALSE;
        }
        if (o->direct) {
            g_free(o->path);
            g_free(o);
            return ok;
        }
        if (ok && commit && rename(o->tmp, o->path) != 0) {
            dt_fail(err, DT_ERR_IO, "%s: cannot rename into place: %s", o->path, g_strerror(errno));
            ok = FALSE;
        }
        if (!ok || !commit)
            unlink(o->tmp);
    }
    g_free(o->path);
    g_free(o->tmp);
    g_free(o);
    return ok;
}
