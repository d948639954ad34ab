/* Helpers of the entities stage used by later stages. */
#ifndef DT_ENTITIES_H
#define DT_ENTITIES_H

#include "../dt_doc.h"

/* ASCII slug for IRIs: diacritics stripped, other letters percent-encoded,
 * runs of anything else -> "-" (caller frees). */
char *dt_slug(const char *s);

/* Person a pronoun at `tok` most likely refers to, or -1. */
int dt_person_subject_before(const dt_doc *doc, uint32_t tok);

#endif
