/* Stage 0: input.  Turns the command line's inputs into a stream of
 * articles: plain-text files, folders (recursively, *.txt and *.jsonl),
 * JSON Lines files (one article per line: {"id", "text", optional "date",
 * "url", "title", "source"}) and standard input.  A bad article (invalid
 * JSON, missing id or text, too large) is reported with its file and line
 * and skipped; reading goes on.  Memory holds one article at a time. */
#ifndef DT_INPUT_H
#define DT_INPUT_H

#include <glib.h>
#include "../dt_status.h"

typedef struct {
    char *id, *date, *url, *title, *source;
    char *text;
    size_t len;
    char *origin; /* "FILE" or "FILE:LINE", for messages */
} dt_article;

void dt_article_free(dt_article *a);

/* True for a calendar date written YYYY-MM-DD. */
gboolean dt_input_valid_date(const char *s);

typedef struct dt_input dt_input;

typedef enum { DT_INPUT_ARTICLE, DT_INPUT_ERROR, DT_INPUT_END } dt_input_event;

/* paths: as given on the command line ("-" = standard input, read as text
 * or, with stdin_jsonl, as JSON Lines).  default_date applies to articles
 * without their own date; id_override names a single plain-text input. */
dt_input *dt_input_new(char **paths, int npaths, const char *default_date, const char *id_override,
                       gboolean stdin_jsonl, size_t max_bytes);
void dt_input_free(dt_input *in);

/* Next article (*out, caller frees) or an error for one input (*err set;
 * call again to go on), or the end. */
dt_input_event dt_input_next(dt_input *in, dt_article **out, GError **err);

/* The same in two steps, so that worker threads can do the parsing: a
 * record is an article as read (a JSON Lines line, not yet parsed; a text
 * file, whole) and dt_record_parse makes the article or the error of that
 * line, on any thread.  dt_input_next's errors are those of the two. */
typedef struct dt_record dt_record;
dt_input_event dt_input_next_record(dt_input *in, dt_record **out, GError **err);
dt_status dt_record_parse(dt_record *r, dt_article **out, GError **err);
void dt_record_free(dt_record *r);

/* Bytes of input files known so far (for progress); 0 when unknown. */
guint64 dt_input_total_bytes(const dt_input *in);

#endif
