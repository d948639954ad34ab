/* The subcommands of the detente command line; each returns an exit status
 * (0 success, 1 some input failed, 2 misuse). */
#ifndef DT_CLI_H
#define DT_CLI_H

#include <stdio.h>
#include <glib.h>

enum { DT_EXIT_OK = 0, DT_EXIT_INPUT = 1, DT_EXIT_USAGE = 2 };

int dt_cli_extract(int argc, char **argv);
int dt_cli_query(int argc, char **argv);
int dt_cli_load(int argc, char **argv);
int dt_cli_push(int argc, char **argv); /* src/store/dt_cli_push.c */

/* shared helpers */

/* Parses a command's options (no GLib help: each command prints its own).
 * Returns a GOptionContext to free with g_option_context_free, or NULL
 * after printing the misuse (the command then exits DT_EXIT_USAGE). */
GOptionContext *dt_cli_parse(GOptionEntry *entries, int *argc, char ***argv);
void dt_cli_usage_error(const char *msg);
const char *dt_cli_data_dir(void);
/* Folder for the compiled lexicon cache: $DETENTE_CACHE_DIR, else
 * detente/ in the user's cache folder; NULL when DETENTE_CACHE_DIR is set
 * but empty (no cache).  Caller frees. */
char *dt_cli_cache_dir(void);

/* The lean detente (built with DT_LEAN: glib and json-glib only) relays
 * what needs raptor/librdf to detente-rdf: dt_cli_relay_init keeps main's
 * argv (before any option parsing), dt_cli_relay execs detente-rdf with it
 * and does not return (exit status 1 when it cannot).  detente-rdf finds
 * the relaying binary's path in the environment variable DT_FRONT_ENV. */
#define DT_FRONT_ENV "DETENTE_FRONT"
void dt_cli_relay_init(char **argv);
G_NORETURN void dt_cli_relay(void);

/* An output that is stdout or a file written atomically (temp + rename). */
typedef struct dt_output dt_output;
dt_output *dt_output_open(const char *path, GError **err);
FILE *dt_output_file(dt_output *o);
/* Closes; on success renames into place, on failure (or commit == FALSE)
 * removes the temporary file.  Returns FALSE with *err on any write error. */
gboolean dt_output_close(dt_output *o, gboolean commit, GError **err);

#endif
