/* Time expressions: weekdays and dates, resolved against the publication
 * date when that is safe. */
#ifndef DT_TIME_H
#define DT_TIME_H

#include "../dt_doc.h"

/* Looks for a time expression in tokens [b, e).  On success returns TRUE,
 * sets *text (as written; caller frees) and *date (YYYY-MM-DD or NULL;
 * caller frees).  `future` says whether the clause speaks of what is to
 * come ("upcoming", "will"), which decides which Monday is meant. */
gboolean dt_time_find(const dt_doc *doc, uint32_t b, uint32_t e, gboolean future, char **text,
                      char **date);

/* The month (1-12) a time written as "February" or "March 2023" names, or
 * 0 for any other text. */
int dt_time_month(const char *text);
/* The first year (1900-2100) a time text writes ("the spring of 2022"), or 0. */
int dt_time_year(const char *text);
/* True when a time text is told against another event's ("a day
 * earlier", "the next day"): it names no date of its own. */
gboolean dt_time_is_relative(const char *time_text);
/* True when an event's time is the story's own days: none told, or a date
 * within a week of publication ("last month", "in July" are not). */
gboolean dt_time_recent(const dt_doc *doc, const char *time_text, const char *date);
/* True when the time is plainly gone by when written ("last week",
 * "yesterday", "two days ago", "a day earlier"). */
gboolean dt_time_behind(const char *time_text);
/* True when the time is plainly after the article's date ("next year",
 * "later this month", a date more than a week after publication). */
gboolean dt_time_ahead(const dt_doc *doc, const char *time_text, const char *date);

#endif
