#include "dt_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", NULL};
static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december", NULL};
static const char *const seasons[] = {"spring", "summer", "autumn", "fall", "winter", NULL};
static const char *const month_abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                         "aug", "sep", "oct", "nov", "dec", NULL};

static int index_of(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (dt_fold_eq(list[i], s))
            return i;
    return -1;
}

static int month_of(const char *fold)
{
    int m = index_of(months, fold);
    if (m < 0)
        m = index_of(month_abbr, fold);
    if (m < 0 && dt_fold_eq(fold, "sept"))
        m = 8;
    return m;
}

int dt_time_year(const char *text)
{
    for (const char *p = text; p && *p; p++) {
        if (!g_ascii_isdigit(*p) || (p > text && g_ascii_isdigit(p[-1])))
            continue;
        int n = 0;
        while (g_ascii_isdigit(p[n]))
            n++;
        int y = n == 4 ? atoi(p) : 0;
        if (y >= 1900 && y <= 2100)
            return y;
    }
    return 0;
}

int dt_time_month(const char *text)
{
    if (text == NULL)
        return 0;
    /* "February", "March 2023", "last November": the first month word */
    char *low = g_ascii_strdown(text, -1);
    char **words = g_strsplit(low, " ", -1);
    int m = -1;
    for (int i = 0; words[i] && m < 0; i++)
        m = index_of(months, words[i]);
    g_strfreev(words);
    g_free(low);
    return m + 1;
}

static GDate *pub_date(const dt_doc *doc)
{
    if (doc->date == NULL)
        return NULL;
    GDate *d = g_date_new();
    int y, mo, da;
    if (sscanf(doc->date, "%d-%d-%d", &y, &mo, &da) == 3 && g_date_valid_dmy(da, mo, y))
        g_date_set_dmy(d, da, mo, y);
    if (!g_date_valid(d)) {
        g_date_free(d);
        return NULL;
    }
    return d;
}

static char *iso(const GDate *d)
{
    return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(d), g_date_get_month(d),
                           g_date_get_day(d));
}

/* The date of weekday wd (0 = Monday) nearest the publication date, in the
 * future or the past; `away` moves today's own weekday a week ("last
 * Friday" written on a Friday). */
static char *resolve_weekday(const dt_doc *doc, int wd, gboolean future, gboolean away)
{
    GDate *d = pub_date(doc);
    if (d == NULL)
        return NULL;
    int today = g_date_get_weekday(d) - 1; /* 0 = Monday */
    int delta = future ? (wd - today + 7) % 7 : -((today - wd + 7) % 7);
    if (away && delta == 0)
        delta = future ? 7 : -7;
    if (delta > 0)
        g_date_add_days(d, (guint)delta);
    else if (delta < 0)
        g_date_subtract_days(d, (guint)-delta);
    char *s = iso(d);
    g_date_free(d);
    return s;
}

/* "August 15, 2025" / "August 15" / "15 August" / "Jan. 19" */
/* The day a token at i writes (1-31), or 0. */
/* A day of the month at i: "15", "15th", "1st", or the first of a range
 * ("12-13 December"). */
static int day_at(const dt_doc *doc, uint32_t i, uint32_t e)
{
    if (i >= e || !(dt_doc_tok(doc, i)->flags & DT_TOK_DIGIT))
        return 0;
    const char *f = dt_doc_tok(doc, i)->fold;
    size_t digits = strspn(f, "0123456789");
    const char *rest = f + digits;
    gboolean ordinal = !strcmp(rest, "st") || !strcmp(rest, "nd") || !strcmp(rest, "rd") || !strcmp(rest, "th");
    gboolean range = rest[0] == '-' && strspn(rest + 1, "0123456789") == strlen(rest + 1) && rest[1];
    if (digits == 0 || digits > 2 || !(rest[0] == '\0' || ordinal || range))
        return 0;
    int day = atoi(f);
    return day >= 1 && day <= 31 ? day : 0;
}

/* The year (1900-2100) at k, after an optional comma; sets *end past it. */
static int year_at(const dt_doc *doc, uint32_t k, uint32_t e, uint32_t *end)
{
    uint32_t y = k < e && dt_doc_tok_is(doc, k, ",") ? k + 1 : k;
    if (y >= e || !(dt_doc_tok(doc, y)->flags & DT_TOK_DIGIT) || strlen(dt_doc_tok(doc, y)->fold) != 4)
        return 0;
    int year = atoi(dt_doc_tok(doc, y)->fold);
    if (year < 1900 || year > 2100)
        return 0;
    *end = y + 1;
    return year;
}

/* "August 15", "Aug. 15, 2025", and the day first: "15 August", "15
 * August 2025". */
static gboolean month_day(const dt_doc *doc, uint32_t i, uint32_t e, uint32_t *end, char **date)
{
    /* a month first needs its capital: asked for every token, the
     * capital settles most before the month lists are scanned */
    const gboolean upper = (dt_doc_tok(doc, i)->flags & DT_TOK_UPPER) != 0;
    /* and the lists' word starts, before month_of scans them */
    int mo = upper && (dt_doc_tok_in(doc, i, months) || dt_doc_tok_in(doc, i, month_abbr) ||
                       dt_doc_tok_is(doc, i, "sept"))
                 ? month_of(dt_doc_tok(doc, i)->fold)
                 : -1;
    uint32_t k;
    int day;
    if (mo >= 0) {
        k = i + 1;
        if (k < e && dt_doc_tok_is(doc, k, "."))
            k++;
        day = day_at(doc, k, e);
        if (day == 0)
            return FALSE;
        k++;
    } else if ((day = day_at(doc, i, e)) && i + 1 < e && (dt_doc_tok(doc, i + 1)->flags & DT_TOK_UPPER) &&
               index_of(months, dt_doc_tok(doc, i + 1)->fold) >= 0) {
        mo = index_of(months, dt_doc_tok(doc, i + 1)->fold);
        k = i + 2;
    } else if (day && i + 2 < e && dt_doc_tok_is(doc, i + 1, "of") && (dt_doc_tok(doc, i + 2)->flags & DT_TOK_UPPER) &&
               index_of(months, dt_doc_tok(doc, i + 2)->fold) >= 0) {
        /* "the 15th of August" */
        mo = index_of(months, dt_doc_tok(doc, i + 2)->fold);
        k = i + 3;
    } else {
        return FALSE;
    }
    int year = year_at(doc, k, e, &k);
    GDate *pd = pub_date(doc);
    if (year == 0 && pd)
        year = g_date_get_year(pd);
    if (pd)
        g_date_free(pd);
    *end = k;
    *date = (year && g_date_valid_dmy((GDateDay)day, (GDateMonth)(mo + 1), (GDateYear)year))
                ? g_strdup_printf("%04d-%02d-%02d", year, mo + 1, day)
                : NULL;
    return TRUE;
}

/* "a day earlier", "two weeks later", "the previous day", "the day
 * before": a time told against another event's, kept as written.  Returns
 * the end of the phrase at i, or i. */
static uint32_t relative_offset(const dt_doc *doc, uint32_t i, uint32_t e)
{
    static const char *const counts[] = {"a", "an", "one", "two", "three", "four", "five", "six", "seven",
                                         "several", "few", NULL};
    static const char *const units[] = {"day", "days", "week", "weeks", "month", "months", "hours", NULL};
    static const char *const sides[] = {"earlier", "later", "before", NULL};
    static const char *const ordinals[] = {"previous", "next", "following", NULL};
    if (i + 2 < e && (dt_doc_tok_in(doc, i, counts) || (dt_doc_tok(doc, i)->flags & DT_TOK_DIGIT)) &&
        dt_doc_tok_in(doc, i + 1, units) && dt_doc_tok_in(doc, i + 2, sides))
        return i + 3;
    if (i + 2 < e && dt_doc_tok_is(doc, i, "the") && dt_doc_tok_in(doc, i + 1, ordinals) &&
        dt_doc_tok_is(doc, i + 2, "day"))
        return i + 3;
    if (i + 2 < e && dt_doc_tok_is(doc, i, "the") && dt_doc_tok_is(doc, i + 1, "day") &&
        dt_doc_tok_is(doc, i + 2, "before"))
        return i + 3;
    return i;
}

gboolean dt_time_is_relative(const char *time_text)
{
    return time_text && (g_str_has_suffix(time_text, "earlier") || g_str_has_suffix(time_text, "later") ||
                         g_str_has_suffix(time_text, "before") || g_str_has_suffix(time_text, " day"));
}

gboolean dt_time_behind(const char *time_text)
{
    return time_text && (g_str_has_prefix(time_text, "last ") || !strcmp(time_text, "yesterday") ||
                         g_str_has_suffix(time_text, " ago") || g_str_has_suffix(time_text, "earlier"));
}

gboolean dt_time_ahead(const dt_doc *doc, const char *time_text, const char *date)
{
    if (time_text == NULL)
        return FALSE;
    if (g_str_has_prefix(time_text, "next ") || g_str_has_prefix(time_text, "later ") ||
        strstr(time_text, "coming") != NULL)
        return TRUE;
    GDate *pd = pub_date(doc);
    int y, mo, da;
    gboolean ahead = FALSE;
    if (pd && date && sscanf(date, "%d-%d-%d", &y, &mo, &da) == 3 && g_date_valid_dmy(da, mo, y)) {
        GDate *d = g_date_new_dmy(da, mo, y);
        ahead = g_date_days_between(pd, d) > 7; /* a weekday may be read either way */
        g_date_free(d);
    }
    if (pd)
        g_date_free(pd);
    return ahead;
}

gboolean dt_time_recent(const dt_doc *doc, const char *time_text, const char *date)
{
    if (time_text == NULL)
        return TRUE;
    GDate *pd = pub_date(doc);
    gboolean recent = FALSE;
    int y, mo, da;
    if (pd && date && sscanf(date, "%d-%d-%d", &y, &mo, &da) == 3 && g_date_valid_dmy(da, mo, y)) {
        GDate *d = g_date_new_dmy(da, mo, y);
        int apart = g_date_days_between(pd, d);
        recent = apart >= -7 && apart <= 7;
        g_date_free(d);
    }
    if (pd)
        g_date_free(pd);
    return recent || (pd == NULL && date != NULL);
}

/* The words that can open a time in dt_time_find without a capital or a
 * digit (kept in step with its tests): the weekdays, "next/last/this/
 * coming", relative_offset's counts and "the", "today/yesterday/tomorrow". */
static const char *const plain_openers[] = {
    /* the commonest words first: a scan stops at its word */
    "the", "a", "this", "an", "one", "two", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "coming", "three", "four", "five", "six", "seven", "several", "few",
    "today", "yesterday", "tomorrow", NULL};

/* Whether a time can start at token i of [b, e): each test of
 * dt_time_find needs a capital (a month) or a digit (a day), "in" before
 * (a year) or one of plain_openers.  Asked first: most tokens have none. */
static gboolean may_open_time(const dt_doc *doc, uint32_t i, uint32_t b)
{
    return (dt_doc_tok(doc, i)->flags & (DT_TOK_UPPER | DT_TOK_DIGIT)) ||
           (i > b && dt_doc_tok_is(doc, i - 1, "in")) || dt_doc_tok_in(doc, i, plain_openers);
}

gboolean dt_time_find(const dt_doc *doc, uint32_t b, uint32_t e, gboolean future, char **text,
                      char **date)
{
    for (uint32_t i = b; i < e; i++) {
        /* '"Today it was not possible," Borrell told a news conference
         * afterwards': a quote's words date what the speaker speaks of */
        if (doc->tokinfo[i].quote >= 0 || !may_open_time(doc, i, b))
            continue;
        const char *f = dt_doc_tok(doc, i)->fold;
        uint32_t end = i + 1;
        char *d = NULL;
        int wd = dt_doc_tok_in(doc, i, weekdays) ? index_of(weekdays, f) : -1;
        if (wd >= 0) {
            /* "Friday, August 8" keeps the precise date */
            if (i + 2 < e && dt_doc_tok_is(doc, i + 1, ",") && month_day(doc, i + 2, e, &end, &d)) {
                *text = dt_text_tokens_string(doc->text, i, end);
                *date = d;
                return TRUE;
            }
            /* "last Sunday" is past, "next Tuesday" to come, whatever the
             * tense; each is a week away on the same weekday */
            gboolean last = i > b && dt_doc_tok_is(doc, i - 1, "last");
            gboolean next = i > b && dt_doc_tok_is(doc, i - 1, "next");
            *text = dt_text_tokens_string(doc->text, last || next ? i - 1 : i, i + 1);
            *date = resolve_weekday(doc, wd, next || (future && !last), last || next);
            return TRUE;
        }
        if (month_day(doc, i, e, &end, &d)) {
            *text = dt_text_tokens_string(doc->text, i, end);
            *date = d;
            return TRUE;
        }
        /* "in February", "in March 2023", "last November": a month, kept as
         * written (no single day to resolve to); "may" needs its capital */
        static const char *const month_words[] = {"in", "last", "next", "this", "early", "late", "mid", NULL};
        if (i > b && (dt_doc_tok(doc, i)->flags & DT_TOK_UPPER) && dt_doc_tok_in(doc, i - 1, month_words) &&
            index_of(months, f) >= 0) {
            end = i + 1;
            if (!dt_doc_tok_is(doc, i - 1, "in"))
                i--; /* the word is part of the time */
            if (end < e && (dt_doc_tok(doc, end)->flags & DT_TOK_DIGIT) && strlen(dt_doc_tok(doc, end)->fold) == 4)
                end++;
            *text = dt_text_tokens_string(doc->text, i, end);
            *date = NULL;
            return TRUE;
        }
        /* "in 2022", "in the spring of 2022", "in late 2023": a year, kept
         * as written ("since 2022" dates nothing) */
        if (i > b && dt_doc_tok_is(doc, i - 1, "in")) {
            uint32_t k = i, ye;
            if (dt_doc_tok_is(doc, k, "the") && k + 2 < e && dt_doc_tok_in(doc, k + 1, seasons) &&
                dt_doc_tok_is(doc, k + 2, "of"))
                k += 3;
            else if (dt_doc_tok_in(doc, k, seasons) || dt_doc_tok_is(doc, k, "early") ||
                     dt_doc_tok_is(doc, k, "late") || dt_doc_tok_is(doc, k, "mid"))
                k++;
            if (year_at(doc, k, e, &ye) && !dt_doc_tok_is(doc, k, ",")) {
                *text = dt_text_tokens_string(doc->text, i, ye);
                *date = NULL;
                return TRUE;
            }
        }
        /* "next week", "last month", "later this year", "in the coming
         * days": kept as written; no single day to resolve to */
        if ((dt_fold_eq(f, "next") || dt_fold_eq(f, "last") || dt_fold_eq(f, "this") || dt_fold_eq(f, "coming")) &&
            i + 1 < e &&
            (dt_doc_tok_is(doc, i + 1, "week") || dt_doc_tok_is(doc, i + 1, "month") ||
             dt_doc_tok_is(doc, i + 1, "year") || dt_doc_tok_is(doc, i + 1, "days") ||
             dt_doc_tok_is(doc, i + 1, "weeks") || dt_doc_tok_is(doc, i + 1, "months"))) {
            *text = dt_text_tokens_string(doc->text, i > b && dt_doc_tok_is(doc, i - 1, "the") ? i - 1 : i, i + 2);
            *date = NULL;
            return TRUE;
        }
        uint32_t rel = relative_offset(doc, i, e);
        if (rel > i) {
            *text = dt_text_tokens_string(doc->text, i, rel);
            *date = NULL;
            return TRUE;
        }
        if (dt_fold_eq(f, "today") || dt_fold_eq(f, "yesterday") || dt_fold_eq(f, "tomorrow")) {
            GDate *pd = pub_date(doc);
            *text = dt_text_tokens_string(doc->text, i, i + 1);
            *date = NULL;
            if (pd) {
                if (!strcmp(f, "yesterday"))
                    g_date_subtract_days(pd, 1);
                else if (!strcmp(f, "tomorrow"))
                    g_date_add_days(pd, 1);
                *date = iso(pd);
                g_date_free(pd);
            }
            return TRUE;
        }
    }
    return FALSE;
}
