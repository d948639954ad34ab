/* Shared between the event files: dt_events.c (mentions, merging),
 * dt_event_refs.c (which event a mention tells), dt_event_places.c
 * (venues) and dt_event_people.c (participants). */
#ifndef DT_EVENTS_INTERNAL_H
#define DT_EVENTS_INTERNAL_H

#include "../dt_doc.h"

/* "talks" for meetings and talks alike, else the type's label: mentions
 * of one group may tell one event. */
const char *dt_ev_type_group(const dt_lex_entry *t);
gboolean dt_ev_same_group(const dt_lex_entry *a, const dt_lex_entry *b);
/* Whether an event's time can be that of a mention (date, words). */
gboolean dt_ev_times_compatible(const dt_event *ev, const char *date, const char *time_text);
/* True when event ev is of another year than the story and a mention with
 * time_text (NULL: none) cannot be it, or the other way round. */
gboolean dt_ev_years_apart(const dt_doc *doc, const dt_event *ev, const char *time_text);

/* Which event a mention tells (dt_event_refs.c). */
/* "offers of talks": an event noun after a proposal noun and "of"/"for". */
gboolean dt_ev_proposed(const dt_doc *doc, uint32_t start);
gboolean dt_ev_asked_for(const dt_doc *doc, uint32_t v);
gboolean dt_ev_asked_phrase(const dt_doc *doc, uint32_t start);
/* "the summit": a definite phrase [start, t) without a name refers back. */
gboolean dt_ev_anaphoric(const dt_doc *doc, uint32_t start, uint32_t t);
/* The event the mention [start, te) with trigger t continues, or -1; may
 * set *ana when it refers back by a name ("the Oman talks"). */
int dt_ev_continued(dt_doc *doc, const dt_lex_entry *type, int place, const char *date, const char *time_text,
                    uint32_t start, uint32_t t, uint32_t te, gboolean verbal, gboolean indefinite, gboolean *ana);

/* A hyphen or dash written without spaces between two words at p. */
gboolean dt_ev_tight_dash(const dt_doc *doc, uint32_t p, uint32_t sb);

/* The venue named in tokens [b, e), or -1. */
int dt_ev_place_in(const dt_doc *doc, uint32_t b, uint32_t e);
/* The first place named after in/at in [b, e), or -1. */
int dt_ev_locative_place(const dt_doc *doc, uint32_t b, uint32_t e);
/* The place named after in/at in [b, e) nearest before token t, else the
 * first after it, or -1. */
int dt_ev_locative_place_near(const dt_doc *doc, uint32_t b, uint32_t e, uint32_t t);

/* True when a person mention starts at token k (outside quotes). */
gboolean dt_ev_person_mention_at(const dt_doc *doc, uint32_t k, const dt_mention **out);
/* Adds the participants of the event mention [start, te) with trigger t in
 * the clause [cb, ce). */
void dt_ev_add_participants(dt_doc *doc, dt_event *ev, uint32_t start, uint32_t t, uint32_t te, uint32_t cb,
                            uint32_t ce);
/* True when [b, e) says someone takes part ("attended", "co-chaired"). */
gboolean dt_ev_participation_cue(const dt_doc *doc, uint32_t b, uint32_t e);

/* Adds the persons of [cb, t) who speak at the event told at t. */
void dt_ev_add_speakers_at(dt_doc *doc, dt_event *ev, uint32_t t, uint32_t cb, uint32_t ce);
/* Persons of a sentence that only says they took part join the event the
 * text keeps telling. */
void dt_ev_follow_up_participants(dt_doc *doc);

#endif
