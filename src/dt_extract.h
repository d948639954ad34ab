/* The pipeline over one article: text -> mentions -> entities -> facts. */
#ifndef DT_EXTRACT_H
#define DT_EXTRACT_H

#include "dt_doc.h"

/* Analyses bytes (copied) as article `id` published on `date` (may be NULL).
 * On success *out owns everything (free with dt_doc_free). */
dt_status dt_extract(const dt_lexicon *lex, const char *id, const char *date, const char *bytes,
                     size_t len, dt_doc **out, GError **err);

#endif
