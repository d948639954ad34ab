/* The lean detente hands what needs the RDF libraries over to detente-rdf
 * (see docs/startup.md): the same command line, exec'd in the same
 * process, so standard input, output, exit status and signals are those
 * of the command the user ran. */
#include <config.h>

#include "cli.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define RDF_PROGRAM "detente-rdf"

static char **saved_argv;

/* A copy: option parsing rearranges argv in place.  Kept until exit. */
void dt_cli_relay_init(char **argv)
{
    saved_argv = g_strdupv(argv);
}

/* Next to this binary first (a build tree, or a copy of both binaries),
 * then where `make install` puts it. */
static char *find_rdf_program(char **self)
{
    *self = g_file_read_link("/proc/self/exe", NULL);
    if (*self) {
        char *dir = g_path_get_dirname(*self);
        char *here = g_build_filename(dir, RDF_PROGRAM, NULL);
        g_free(dir);
        if (g_file_test(here, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test(here, G_FILE_TEST_IS_DIR))
            return here;
        g_free(here);
    }
    return g_build_filename(DT_PKGLIBEXECDIR, RDF_PROGRAM, NULL);
}

void dt_cli_relay(void)
{
    char *self = NULL;
    char *prog = find_rdf_program(&self);
    /* detente-rdf keeps the lexicon cache under this binary's identity, so
     * that a cache it writes on a miss serves the lean runs that follow */
    if (self)
        g_setenv(DT_FRONT_ENV, self, TRUE);
    fflush(stdout);
    execv(prog, saved_argv);
    fprintf(stderr, "detente: cannot run %s: %s\n", prog, g_strerror(errno));
    exit(DT_EXIT_INPUT);
}
