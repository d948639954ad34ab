/* Status codes and error reporting shared by every stage.
 *
 * Ownership rule for the whole library: a function that returns a pointer
 * from a *_new or *_dup call gives the caller ownership; everything else is
 * borrowed and lives as long as the object it came from.  Every *_free
 * accepts NULL.  Library code never prints and never exits: it returns a
 * dt_status and, when an error message is wanted, fills a GError. */
#ifndef DT_STATUS_H
#define DT_STATUS_H

#include <glib.h>

typedef enum {
    DT_OK = 0,
    DT_ERR_IO,        /* cannot open, read or write a file */
    DT_ERR_ENCODING,  /* input is not valid UTF-8 or holds NUL bytes */
    DT_ERR_TOO_LARGE, /* input over the configured size limit */
    DT_ERR_EMPTY,     /* input holds no text */
    DT_ERR_SYNTAX,    /* malformed RDF, JSON or SPARQL */
    DT_ERR_RDF,       /* librdf / raptor refused an operation */
    DT_ERR_USAGE      /* caller passed something meaningless */
} dt_status;

#define DT_ERROR (dt_error_quark())
GQuark dt_error_quark(void);

const char *dt_status_string(dt_status status);

/* Sets *err (when err is not NULL) and returns status, so that callers can
 * write `return dt_fail(err, DT_ERR_IO, "cannot open %s", path);`. */
dt_status dt_fail(GError **err, dt_status status, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

#endif
