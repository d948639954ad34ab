#include "dt_extract.h"

dt_status dt_extract(const dt_lexicon *lex, const char *id, const char *date, const char *bytes,
                     size_t len, dt_doc **out, GError **err)
{
    *out = NULL;
    dt_text *text = NULL;
    dt_status st = dt_text_new(bytes, len, &text, err);
    if (st != DT_OK)
        return st;
    dt_doc *doc = dt_doc_new(id, date, lex, text);
    dt_mentions_find(doc);
    dt_entities_resolve(doc);
    dt_quotes_find(doc);
    dt_offices_find(doc);
    dt_coref_find(doc);
    dt_events_find(doc);
    dt_proposals_find(doc);
    *out = doc;
    return DT_OK;
}
