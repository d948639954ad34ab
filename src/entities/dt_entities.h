/* Helpers of the entities stage used by later stages. */
#ifndef DT_ENTITIES_H
#define DT_ENTITIES_H

#include "../dt_doc.h"

/* ASCII slug for IRIs: diacritics stripped, other letters percent-encoded,
 * runs of anything else -> "-" (caller frees). */
char *dt_slug(const char *s);

/* Entity of a listed country, organization, place or person, created when
 * the article has not mentioned it yet (for facts inferred from context). */
int dt_entities_listed(dt_doc *doc, const dt_lex_entry *e);
/* Adds a mention of `entity` over tokens [tb, te) found after the entities
 * stage (a reference, a pronoun); returns its index in doc->mentions. */
guint dt_entities_add_mention(dt_doc *doc, uint32_t tb, uint32_t te, dt_mention_kind kind, int entity);

/* Person a pronoun at `tok` most likely refers to, or -1. */
int dt_person_subject_before(const dt_doc *doc, uint32_t tok);

#endif
