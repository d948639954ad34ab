#include "dt_status.h"

#include <stdarg.h>

G_DEFINE_QUARK(detente-error-quark, dt_error)

const char *dt_status_string(dt_status status)
{
    switch (status) {
    case DT_OK: return "success";
    case DT_ERR_IO: return "input/output error";
    case DT_ERR_ENCODING: return "invalid encoding";
    case DT_ERR_TOO_LARGE: return "input too large";
    case DT_ERR_EMPTY: return "empty input";
    case DT_ERR_SYNTAX: return "syntax error";
    case DT_ERR_RDF: return "RDF library error";
    case DT_ERR_USAGE: return "usage error";
    }
    return "unknown error";
}

dt_status dt_fail(GError **err, dt_status status, const char *fmt, ...)
{
    if (err != NULL && *err == NULL) {
        va_list ap;
        va_start(ap, fmt);
        char *msg = g_strdup_vprintf(fmt, ap);
        va_end(ap);
        g_set_error_literal(err, DT_ERROR, (int)status, msg);
        g_free(msg);
    }
    return status;
}
