#include "dt_text.h"

#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct dt_text {
    char *orig;             /* original bytes, NUL-terminated */
    size_t orig_len;
    uint32_t orig_ncp;
    uint32_t *orig_cp_byte; /* code point index -> byte offset, ncp+1 entries */
    GString *norm;          /* normalized text */
    GArray *map;            /* uint32: normalized byte -> original code point */
    dt_token *toks;         /* the tokens, ntoks of them (room for cap) */
    uint32_t ntoks, cap;
    GArray *sentences;      /* dt_sentence */
    GStringChunk *folds;    /* storage of dt_token.fold (non-ASCII tokens) */
    char *ascii_folds;      /* storage of ASCII tokens' folds: tokens are */
    size_t ascii_used, ascii_cap; /* disjoint, so 2 bytes of text each hold */
};

/* ---- validation --------------------------------------------------------- */

/* Length of the leading run of bytes that are ASCII and not NUL, read
 * eight at a time. */
static size_t ascii_prefix(const char *bytes, size_t len)
{
    const guint64 ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        guint64 w;
        memcpy(&w, bytes + i, 8);
        /* a byte >= 0x80, or a zero byte (w - ones borrows into its high bit) */
        if ((w & highs) || ((w - ones) & ~w & highs))
            break;
    }
    return i;
}

/* ASCII runs are skipped eight bytes at a time and only the other
 * characters are handed to GLib, one each.  Every step ends on a
 * character boundary, so once a character fails, GLib validating from it
 * stops at the same byte as over the whole text. */
gboolean dt_utf8_validate(const char *bytes, size_t len, const char **end)
{
    size_t i = 0;
    while (i < len) {
        i += ascii_prefix(bytes + i, len - i);
        if (i >= len)
            break;
        unsigned char c = (unsigned char)bytes[i];
        if (c != 0 && c < 0x80) {
            i++;
            continue;
        }
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (c == 0 || n > len - i || !g_utf8_validate_len(bytes + i, n, NULL))
            return g_utf8_validate_len(bytes + i, len - i, end);
        i += n;
    }
    return TRUE;
}

static dt_status validate_utf8(const char *bytes, size_t len, GError **err)
{
    const char *end = NULL;
    if (dt_utf8_validate(bytes, len, &end))
        return DT_OK;
    size_t off = (size_t)(end - bytes);
    size_t line = 1, col = 1;
    for (size_t i = 0; i < off; i++) {
        if (bytes[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)bytes[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    if (bytes[off] == '\0')
        return dt_fail(err, DT_ERR_ENCODING,
                       "NUL byte at byte offset %zu (line %zu, column %zu)", off, line, col);
    return dt_fail(err, DT_ERR_ENCODING,
                   "invalid UTF-8 at byte offset %zu (line %zu, column %zu): byte 0x%02X",
                   off, line, col, (unsigned)(unsigned char)bytes[off]);
}

/* ---- normalization ------------------------------------------------------ */

static void emit(dt_text *t, const char *s, size_t n, uint32_t cp)
{
    g_string_append_len(t->norm, s, (gssize)n);
    for (size_t i = 0; i < n; i++)
        g_array_append_val(t->map, cp);
}

/* Appends the normalized form of one (already NFC) character. */
static void emit_char(dt_text *t, gunichar c, gunichar next, uint32_t cp)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        emit(t, "'", 1, cp);
        return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033:
        emit(t, "\"", 1, cp);
        return;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        emit(t, " - ", 3, cp);
        return;
    case 0x2212: case 0x2010: case 0x2011:
        emit(t, "-", 1, cp);
        return;
    case 0x2026:
        emit(t, "...", 3, cp);
        return;
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return;
    case 0x2028: case 0x2029:
        emit(t, "\n", 1, cp);
        return;
    case '\r':
        if (next != '\n')
            emit(t, "\n", 1, cp);
        return;
    case '\n':
        emit(t, "\n", 1, cp);
        return;
    default:
        break;
    }
    if (c < 0x20 || c == 0x7F || g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR) {
        emit(t, " ", 1, cp);
        return;
    }
    char buf[8];
    int n = g_unichar_to_utf8(c, buf);
    emit(t, buf, (size_t)n, cp);
}

/* Printable ASCII and newlines stand for themselves: emit_char() would
 * copy them one by one, with no NFC and no mapping to do. */
static gboolean ascii_as_is(unsigned char b)
{
    return (b >= 0x20 && b < 0x7F) || b == '\n';
}

/* Length of the leading run of printable ASCII (0x20-0x7E) at p, in
 * whole eight-byte words: the byte loop after it takes the rest, up to a
 * newline (see ascii_run_end).  A word has no byte below 0x20 when w - 0x20 in each byte
 * borrows nowhere, and none above 0x7E when w + 0x01 in each byte does
 * not reach 0x80 (the usual bit tricks, exact for these bounds). */
static size_t printable_prefix(const char *p, size_t n)
{
    const guint64 ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        guint64 w;
        memcpy(&w, p + i, 8);
        if (((w - ones * 0x20) & ~w & highs) || (((w + ones * 0x01) | w) & highs))
            break;
    }
    return i;
}

/* a[i] = x + i and b[i] = y + i for i < n: an ASCII run's byte offsets
 * and code points, four of each a store with SSE2 (which every x86-64
 * has), one by one elsewhere and for the rest. */
static void count_up(uint32_t *a, uint32_t x, uint32_t *b, uint32_t y, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i four = _mm_set1_epi32(4);
    __m128i va = _mm_setr_epi32((int)x, (int)(x + 1), (int)(x + 2), (int)(x + 3));
    __m128i vb = _mm_setr_epi32((int)y, (int)(y + 1), (int)(y + 2), (int)(y + 3));
    for (; i + 4 <= n; i += 4) {
        _mm_storeu_si128((__m128i *)(a + i), va);
        _mm_storeu_si128((__m128i *)(b + i), vb);
        va = _mm_add_epi32(va, four);
        vb = _mm_add_epi32(vb, four);
    }
#endif
    for (; i < n; i++) {
        a[i] = x + (uint32_t)i;
        b[i] = y + (uint32_t)i;
    }
}

/* Copies n such bytes at p in one go (most of an English article). */
static void emit_ascii_run(dt_text *t, const char *p, size_t n, uint32_t *cp)
{
    g_string_append_len(t->norm, p, (gssize)n);
    guint old = t->map->len;
    g_array_set_size(t->map, old + (guint)n);
    uint32_t *map = &g_array_index(t->map, uint32_t, old);
    uint32_t byte = (uint32_t)(p - t->orig);
    /* the code point counter in a local: *cp could alias the arrays
     * written, and would be reloaded and stored at every byte */
    uint32_t c = *cp;
    count_up(t->orig_cp_byte + c, byte, map, c, n);
    *cp = c + (uint32_t)n;
}

/* True when NFC leaves the character c, alone, as it is: its canonical
 * decomposition composes back, step by step, into c ("é" is e and an
 * acute; curly quotes and dashes have none).  Not so for singletons
 * (the Ohm sign is Omega) and excluded composites, whose steps GLib does
 * not compose: those, and anything else this does not settle, go through
 * g_utf8_normalize.  (Checked against g_utf8_normalize for every code
 * point: it answers TRUE exactly when NFC keeps c.)  Table searches,
 * where g_utf8_normalize allocated and converted: accented letters, in
 * names, are frequent. */
static gboolean nfc_stable(gunichar c)
{
    /* the most frequent non-ASCII of news text, Latin-1 signs (no-break
     * space, guillemets) and General Punctuation (curly quotes, dashes),
     * has no canonical decomposition at all (canonical decompositions
     * never change: Unicode's stability policy) */
    if ((c >= 0x80 && c <= 0xBF) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E))
        return TRUE;
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(c, FALSE, d, G_N_ELEMENTS(d));
    gunichar composed = d[0];
    for (gsize k = 1; k < n; k++)
        if (!g_unichar_compose(composed, d[k], &composed))
            return FALSE;
    return composed == c;
}

/* End of the run of printable ASCII and newlines at p (before end).
 * Whole words while they are printable; the byte loop only up to the
 * next newline, after which whole words again: a paragraph break no
 * longer leaves the rest of the run to the byte loop. */
static const char *ascii_run_end(const char *p, const char *end)
{
    const char *q = p;
    for (;;) {
        q += printable_prefix(q, (size_t)(end - q));
        while (q < end && *q != '\n' && ascii_as_is((unsigned char)*q))
            q++;
        if (q == end || *q != '\n')
            return q;
        q++;
    }
}

static void normalize(dt_text *t)
{
    const char *p = t->orig;
    const char *end = t->orig + t->orig_len;
    uint32_t cp = 0;
    t->orig_cp_byte = g_new(uint32_t, t->orig_len + 2);
    while (p < end) {
        const char *q = ascii_run_end(p, end);
        /* the run's last character may carry combining marks that follow
         * it: the general path below takes that one */
        if (q < end && (unsigned char)*q >= 0x80 && q > p)
            q--;
        if (q > p) {
            emit_ascii_run(t, p, (size_t)(q - p), &cp);
            p = q;
            continue;
        }
        /* a chunk: one base character and the combining marks after it */
        const char *chunk = p;
        uint32_t chunk_cp = cp;
        t->orig_cp_byte[cp++] = (uint32_t)(p - t->orig);
        gunichar c = g_utf8_get_char(p);
        p = g_utf8_next_char(p);
        gboolean plain = c < 0x80, marks = FALSE;
        while (p < end) {
            gunichar m = g_utf8_get_char(p);
            if (g_unichar_combining_class(m) == 0)
                break;
            plain = FALSE;
            marks = TRUE;
            t->orig_cp_byte[cp++] = (uint32_t)(p - t->orig);
            p = g_utf8_next_char(p);
        }
        gunichar next = p < end ? g_utf8_get_char(p) : 0;
        if (plain || (!marks && nfc_stable(c))) {
            emit_char(t, c, next, chunk_cp);
            continue;
        }
        char *nfc = g_utf8_normalize(chunk, p - chunk, G_NORMALIZE_NFC);
        for (const char *r = nfc; r && *r; r = g_utf8_next_char(r))
            emit_char(t, g_utf8_get_char(r), next, chunk_cp);
        g_free(nfc);
    }
    t->orig_cp_byte[cp] = (uint32_t)t->orig_len;
    t->orig_ncp = cp;
    g_array_append_val(t->map, cp); /* sentinel for the end offset */
}

/* ---- tokenization ------------------------------------------------------- */

/* The character classes below answer ASCII themselves (the same answers
 * as GLib's Unicode tables, which cost a call and a table walk each) and
 * ask GLib for everything else. */
static gboolean is_wordchar(gunichar c)
{
    if (c < 0x80)
        return g_ascii_isalnum((char)c);
    return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

static gboolean is_alpha(gunichar c)
{
    return c < 0x80 ? g_ascii_isalpha((char)c) : g_unichar_isalpha(c);
}

static gboolean is_digit(gunichar c)
{
    return c < 0x80 ? g_ascii_isdigit((char)c) : g_unichar_isdigit(c);
}

static gboolean is_space(gunichar c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    return g_unichar_isspace(c);
}

static gunichar char_at(const GString *s, size_t i)
{
    if (i >= s->len)
        return 0;
    unsigned char b = (unsigned char)s->str[i];
    return b < 0x80 ? b : g_utf8_get_char(s->str + i);
}

static size_t next_at(const GString *s, size_t i)
{
    if (i >= s->len)
        return s->len;
    if ((unsigned char)s->str[i] < 0x80)
        return i + 1;
    return (size_t)(g_utf8_next_char(s->str + i) - s->str);
}

/* For each ASCII byte: its lowercase form (low 8 bits), and whether it
 * is a letter (bit 8), a capital (bit 9) and a digit (bit 10) --
 * g_ascii_tolower's, g_ascii_isalpha's, g_ascii_isupper's and
 * g_ascii_isdigit's answers, as constants. */
#define ASCII_UP(b) ((b) >= 'A' && (b) <= 'Z')
#define ASCII_FOLD(b)                                                                  \
    (guint16)((ASCII_UP(b) ? (b) + ('a' - 'A') : (b)) |                              \
              ((ASCII_UP(b) || ((b) >= 'a' && (b) <= 'z')) << 8) | (ASCII_UP(b) << 9) | \
              (((b) >= '0' && (b) <= '9') << 10))
#define ASCII_ALNUM_BITS (1u << 8 | 1u << 10)
#define ASCII_FOLD4(b) ASCII_FOLD(b), ASCII_FOLD(b + 1), ASCII_FOLD(b + 2), ASCII_FOLD(b + 3)
#define ASCII_FOLD16(b) ASCII_FOLD4(b), ASCII_FOLD4(b + 4), ASCII_FOLD4(b + 8), ASCII_FOLD4(b + 12)
static const guint16 ascii_fold[128] = {
    ASCII_FOLD16(0),  ASCII_FOLD16(16), ASCII_FOLD16(32), ASCII_FOLD16(48),
    ASCII_FOLD16(64), ASCII_FOLD16(80), ASCII_FOLD16(96), ASCII_FOLD16(112)};

#ifdef __SSE2__
/* 0xFF in each byte of x that lies in [lo, hi] (unsigned) */
static inline __m128i bytes_in(__m128i x, char lo, char hi)
{
    return _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(lo)), x),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(hi)), x));
}

/* 0xFF in each byte of x that is an ASCII letter or digit: (b | 0x20) is
 * in a..z exactly when b is in A..Z or a..z */
static inline __m128i ascii_alnum_bytes(__m128i x)
{
    return _mm_or_si128(bytes_in(x, '0', '9'), bytes_in(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z'));
}
#endif

/* Length of the run of ASCII letters and digits at p (before end): with
 * SSE2 sixteen bytes are classed at once while sixteen are left -- a word
 * in one step --, a table load a byte after that. */
static size_t alnum_run(const unsigned char *p, const unsigned char *end)
{
    size_t i = 0;
    /* most calls past a word's first run stop at once: no block for them */
    if (p == end || p[0] >= 0x80 || !(ascii_fold[p[0]] & ASCII_ALNUM_BITS))
        return 0;
#ifdef __SSE2__
    while (end - p - (ptrdiff_t)i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(p + i));
        unsigned other = ~(unsigned)_mm_movemask_epi8(ascii_alnum_bytes(x)) & 0xFFFFu;
        if (other)
            return i + (size_t)__builtin_ctz(other);
        i += 16;
    }
#endif
    while (p + i < end && p[i] < 0x80 && (ascii_fold[p[i]] & ASCII_ALNUM_BITS))
        i++;
    return i;
}

/* Scans a word starting at i; returns its end and sets DOTTED when an
 * abbreviation's dots belong to it ("U.S.", "p.m.", "S."). */
static size_t scan_word(const GString *s, size_t i, uint32_t *flags)
{
    size_t start = i;
    size_t nchars = 0;
    const unsigned char *str = (const unsigned char *)s->str;
    while (i < s->len) {
        /* a run of ASCII letters and digits, most of any word, a table
         * load a byte: what is_wordchar(char_at()) answers for them */
        size_t r = i + alnum_run(str + i, str + s->len);
        if (r > i) {
            nchars += r - i;
            i = r;
            continue;
        }
        /* past a run, an ASCII byte other than . - & ' , : ends the word
         * (no test below takes it): the space after most words */
        if (str[i] < 0x80 && str[i] != '.' && str[i] != '-' && str[i] != '&' && str[i] != '\'' && str[i] != ',' &&
            str[i] != ':')
            break;
        gunichar c = char_at(s, i);
        size_t j = next_at(s, i);
        if (is_wordchar(c)) {
            i = j;
            nchars++;
            continue;
        }
        gunichar n = char_at(s, j);
        if (c == '.' && nchars == 1 && is_alpha(char_at(s, start)) &&
            is_alpha(n) && char_at(s, next_at(s, j)) == '.') {
            /* letters with dots: U.S., U.K., a.m. (a lone initial "S." keeps
             * its dot apart; the sentence splitter knows initials) */
            i = j;
            *flags |= DT_TOK_DOTTED;
            while (is_alpha(char_at(s, i)) && char_at(s, next_at(s, i)) == '.')
                i = next_at(s, next_at(s, i));
            return i;
        }
        if ((c == '-' || c == '&') && is_wordchar(n)) {
            i = j;
            nchars = 0;
            continue;
        }
        if (c == '\'' && is_alpha(n)) {
            /* 's possessive is split off; other apostrophes stay (don't, O'Brien) */
            if ((n == 's' || n == 'S') && !is_wordchar(char_at(s, next_at(s, j))))
                return i;
            i = j;
            continue;
        }
        if ((c == ',' || c == '.' || c == ':') && is_digit(n) && i > start &&
            is_digit(g_utf8_get_char(g_utf8_prev_char(s->str + i)))) {
            i = j;
            continue;
        }
        break;
    }
    return i;
}

/* Appends a token: a plain store while there is room (g_array_append_val
 * was a call and a memcpy for each of the ~200 tokens per KiB of text). */
static void push_token(dt_text *t, const dt_token *tok)
{
    if (t->ntoks == t->cap) {
        t->cap *= 2;
        t->toks = g_renew(dt_token, t->toks, t->cap);
    }
    t->toks[t->ntoks++] = *tok;
}

/* Lowercases the n bytes at s into fold while counting letters and
 * capitals; FALSE (fold half written) at the first non-ASCII byte.
 * One table load answers the three questions for a byte (GLib's answers
 * were a load through the GOT and a branch each). */
static gboolean fold_ascii(const char *s, size_t n, char *fold, int *letters, int *upper)
{
    int nl = 0, nu = 0; /* locals: fold's stores could alias *letters */
    for (size_t i = 0; i < n; i++) {
        unsigned b = (unsigned char)s[i];
        if (b >= 0x80)
            return FALSE;
        unsigned v = ascii_fold[b];
        fold[i] = (char)v;
        nl += (int)((v >> 8) & 1u);
        nu += (int)((v >> 9) & 1u);
    }
    fold[n] = '\0';
    *letters = nl;
    *upper = nu;
    return TRUE;
}

/* An ASCII token: case folding is lowercasing, NFD changes nothing and
 * there are no marks to drop, so add_token's result comes without the
 * three conversions and their allocations.  The fold is made straight in
 * the arena, in the pass that finds the token ASCII; FALSE, with tok and
 * the arena as they were, when it is not. */
static gboolean add_ascii_token(dt_text *t, dt_token *tok)
{
    const char *s = t->norm->str + tok->start;
    size_t n = tok->end - tok->start;
    int letters = 0, upper = 0;
    char *fold;
#ifdef __SSE2__
    /* a token shorter than sixteen bytes, with sixteen to read at s and to
     * write at the arena's end, is folded and classed in one block: the
     * bytes past it are read and written over, never used */
    if (n < 16 && tok->start + 16 <= t->norm->len && t->ascii_used + 16 <= t->ascii_cap) {
        __m128i x = _mm_loadu_si128((const __m128i *)s);
        unsigned lane = (1u << n) - 1;
        if ((unsigned)_mm_movemask_epi8(x) & lane)
            return FALSE;
        __m128i up = bytes_in(x, 'A', 'Z');
        unsigned alpha_bits = (unsigned)_mm_movemask_epi8(
                                  bytes_in(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z')) & lane;
        unsigned upper_bits = (unsigned)_mm_movemask_epi8(up) & lane;
        fold = t->ascii_folds + t->ascii_used;
        _mm_storeu_si128((__m128i *)fold, _mm_or_si128(x, _mm_and_si128(up, _mm_set1_epi8(0x20))));
        fold[n] = '\0';
        t->ascii_used += n + 1;
        /* the counts' test below, as masks: two letters or more, no
         * lowercase one */
        letters = (alpha_bits & (alpha_bits - 1)) ? 2 : alpha_bits ? 1 : 0;
        upper = alpha_bits == upper_bits ? letters : -1;
    } else
#endif
    if (t->ascii_used + n + 1 <= t->ascii_cap) {
        fold = t->ascii_folds + t->ascii_used;
        if (!fold_ascii(s, n, fold, &letters, &upper))
            return FALSE;
        t->ascii_used += n + 1;
    } else {
        char *tmp = g_malloc(n + 1);
        gboolean ascii = fold_ascii(s, n, tmp, &letters, &upper);
        fold = ascii ? g_string_chunk_insert_len(t->folds, tmp, (gssize)n) : NULL;
        g_free(tmp);
        if (!ascii)
            return FALSE;
    }
    if (g_ascii_isupper(s[0]))
        tok->flags |= DT_TOK_UPPER;
    if (g_ascii_isdigit(s[0]))
        tok->flags |= DT_TOK_DIGIT;
    if ((tok->flags & DT_TOK_WORD) && letters >= 2 && letters == upper)
        tok->flags |= DT_TOK_ALLCAPS;
    tok->fold = fold;
    return TRUE;
}

/* The general case of add_token: a token with non-ASCII characters. */
static void fold_unicode_token(dt_text *t, dt_token *out)
{
    dt_token tok = *out;
    size_t start = tok.start, end = tok.end;
    uint32_t flags = tok.flags;
    const char *s = t->norm->str + start;
    gunichar c = g_utf8_get_char(s);
    if (g_unichar_isupper(c) || g_unichar_istitle(c))
        tok.flags |= DT_TOK_UPPER;
    if (g_unichar_isdigit(c))
        tok.flags |= DT_TOK_DIGIT;
    if (flags & DT_TOK_WORD) {
        int letters = 0, upper = 0;
        for (const char *q = s; q < t->norm->str + end; q = g_utf8_next_char(q)) {
            gunichar d = g_utf8_get_char(q);
            if (g_unichar_isalpha(d)) {
                letters++;
                upper += g_unichar_isupper(d) ? 1 : 0;
            }
        }
        if (letters >= 2 && letters == upper)
            tok.flags |= DT_TOK_ALLCAPS;
    }
    char *fold = g_utf8_casefold(s, (gssize)(end - start));
    char *nfd = g_utf8_normalize(fold, -1, G_NORMALIZE_NFD);
    GString *bare = g_string_sized_new(strlen(nfd));
    for (const char *q = nfd; *q; q = g_utf8_next_char(q)) {
        gunichar d = g_utf8_get_char(q);
        if (!g_unichar_ismark(d))
            g_string_append_unichar(bare, d);
    }
    tok.fold = g_string_chunk_insert_len(t->folds, bare->str, (gssize)bare->len);
    g_string_free(bare, TRUE);
    g_free(nfd);
    g_free(fold);
    *out = tok;
}

/* fold_unicode_token's answers, per thread: names with accents come back
 * article after article, and each cost a case fold, an NFD, allocations
 * and a walk.  Keyed by the token's bytes after a byte for its WORD flag
 * (the answer depends on nothing else); emptied past UFOLD_MEMO_MAX. */
#define UFOLD_MEMO_MAX 4096

typedef struct {
    uint32_t flags; /* the flags fold_unicode_token added */
    char fold[];
} ufold;

typedef struct {
    GHashTable *answers; /* key -> ufold */
    GString *key;        /* scratch for the key looked up */
} ufold_memo;

static void free_ufold_memo(gpointer p)
{
    ufold_memo *m = p;
    g_hash_table_destroy(m->answers);
    g_string_free(m->key, TRUE);
    g_free(m);
}

static GPrivate ufold_memo_key = G_PRIVATE_INIT(free_ufold_memo);

/* (kept out of line, so that add_token's ASCII path stays small) */
static G_GNUC_NO_INLINE void fill_unicode_token(dt_text *t, dt_token *tok)
{
    ufold_memo *m = g_private_get(&ufold_memo_key);
    if (m == NULL) {
        m = g_new0(ufold_memo, 1);
        m->answers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        m->key = g_string_new(NULL);
        g_private_set(&ufold_memo_key, m);
    }
    g_string_truncate(m->key, 0);
    g_string_append_c(m->key, (tok->flags & DT_TOK_WORD) ? 'w' : 'p');
    g_string_append_len(m->key, t->norm->str + tok->start, (gssize)(tok->end - tok->start));
    const ufold *known = g_hash_table_lookup(m->answers, m->key->str);
    if (known) {
        tok->flags |= known->flags;
        tok->fold = g_string_chunk_insert(t->folds, known->fold);
        return;
    }
    uint32_t before = tok->flags;
    fold_unicode_token(t, tok);
    size_t n = strlen(tok->fold);
    ufold *answer = g_malloc(sizeof *answer + n + 1);
    answer->flags = tok->flags & ~before;
    memcpy(answer->fold, tok->fold, n + 1);
    if (g_hash_table_size(m->answers) >= UFOLD_MEMO_MAX)
        g_hash_table_remove_all(m->answers);
    g_hash_table_insert(m->answers, g_strdup(m->key->str), answer);
}

static void add_token(dt_text *t, size_t start, size_t end, uint32_t flags)
{
    dt_token tok = {(uint32_t)start, (uint32_t)end, 0, flags, NULL};
    if (!add_ascii_token(t, &tok))
        fill_unicode_token(t, &tok);
    push_token(t, &tok);
}

/* Direction of a double quote: the original curly form says it; for a
 * straight quote the neighbours do. */
static uint32_t quote_direction(const dt_text *t, size_t i)
{
    uint32_t cp = g_array_index(t->map, uint32_t, i);
    gunichar orig = g_utf8_get_char(t->orig + t->orig_cp_byte[cp]);
    if (orig == 0x201C || orig == 0x201E || orig == 0x00AB)
        return DT_TOK_QOPEN;
    if (orig == 0x201D || orig == 0x00BB)
        return DT_TOK_QCLOSE;
    gunichar prev = i > 0 ? g_utf8_get_char(g_utf8_prev_char(t->norm->str + i)) : ' ';
    gunichar next = char_at(t->norm, i + 1);
    if (g_unichar_isspace(prev) || prev == '(' || prev == '[' || prev == '-' || i == 0)
        return (next == 0 || g_unichar_isspace(next)) ? DT_TOK_QCLOSE : DT_TOK_QOPEN;
    return DT_TOK_QCLOSE;
}

static void tokenize(dt_text *t)
{
    const GString *s = t->norm;
    size_t i = 0;
    gboolean para = TRUE;
    while (i < s->len) {
        if (s->str[i] == ' ') { /* most of what lies between tokens */
            i++;
            continue;
        }
        gunichar c = char_at(s, i);
        size_t j = next_at(s, i);
        if (c == '\n') {
            para = TRUE;
            i = j;
            continue;
        }
        if (is_space(c)) {
            i = j;
            continue;
        }
        uint32_t flags = para ? DT_TOK_PARA : 0;
        para = FALSE;
        if (is_wordchar(c)) {
            size_t e = scan_word(s, i, &flags);
            add_token(t, i, e, flags | DT_TOK_WORD);
            i = e;
            continue;
        }
        if (c == '\'' && t->ntoks > 0) {
            const dt_token *prev = &t->toks[t->ntoks - 1];
            gunichar n = char_at(s, j);
            if (prev->end == i && (prev->flags & DT_TOK_WORD)) {
                if ((n == 's' || n == 'S') && !is_wordchar(char_at(s, next_at(s, j)))) {
                    size_t e = next_at(s, j);
                    add_token(t, i, e, flags | DT_TOK_POSS | DT_TOK_WORD);
                    i = e;
                    continue;
                }
                gunichar last = g_utf8_get_char(g_utf8_prev_char(s->str + i));
                if ((last == 's' || last == 'S') && !is_wordchar(n)) {
                    add_token(t, i, j, flags | DT_TOK_POSS | DT_TOK_PUNCT);
                    i = j;
                    continue;
                }
            }
        }
        if (c == '"')
            flags |= quote_direction(t, i);
        add_token(t, i, j, flags | DT_TOK_PUNCT);
        i = j;
    }
}

/* ---- sentences ---------------------------------------------------------- */

/* Words after which a full stop does not end a sentence. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
    "sen", "rep", "gov", "pres", "amb", "st", "jr", "sr", "no", "vs", "etc", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "sat", "sun", "approx", "est", "fig", "hon", "rev", "dept", "govt", "min", NULL};

G_STATIC_ASSERT(G_N_ELEMENTS(abbreviations) <= 65); /* all in the set's buckets */

/* The abbreviations as a set (dt_word_set), made on first use (g_once:
 * extraction threads may get here together) and kept: every word before
 * a full stop is asked about, and a scan of the 58 words cost some 230
 * instructions a word. */
static gboolean is_abbreviation(const char *fold)
{
    static dt_word_set *set;
    if (g_once_init_enter(&set))
        g_once_init_leave(&set, dt_word_set_new(abbreviations));
    return dt_word_set_has(set, fold);
}

static gboolean tok_char_is(const dt_text *t, const dt_token *tok, char c)
{
    return tok->end - tok->start == 1 && t->norm->str[tok->start] == c;
}

/* A single capital letter before a dot inside a name: "S. Jaishankar",
 * "John F. Kennedy" -- but not "posted on X. Then". */
static gboolean is_initial(const dt_text *t, uint32_t i)
{
    const dt_token *tok = &t->toks[i];
    if (!(tok->flags & DT_TOK_UPPER) || g_utf8_strlen(t->norm->str + tok->start, tok->end - tok->start) != 1)
        return FALSE;
    if (i + 2 >= t->ntoks)
        return FALSE;
    const dt_token *next = &t->toks[i + 2];
    if (!(next->flags & DT_TOK_UPPER) || (next->flags & DT_TOK_PARA))
        return FALSE;
    if (i == 0 || (tok->flags & DT_TOK_PARA))
        return TRUE;
    /* "talks with N. Korea", "S. Korea's": a compass letter abbreviates a
     * name's first word */
    char c = t->norm->str[tok->start];
    if (c == 'N' || c == 'S' || c == 'E' || c == 'W')
        return TRUE;
    const dt_token *prev = &t->toks[i - 1];
    /* after a name part, a title or the start of a sentence it is an initial */
    return (prev->flags & DT_TOK_UPPER) || !(prev->flags & DT_TOK_WORD);
}

static gboolean ends_sentence(const dt_text *t, uint32_t i)
{
    const dt_token *tok = &t->toks[i];
    if (!(tok_char_is(t, tok, '.') || tok_char_is(t, tok, '!') || tok_char_is(t, tok, '?')))
        return FALSE;
    if (tok_char_is(t, tok, '.') && i > 0) {
        const dt_token *prev = &t->toks[i - 1];
        if (prev->end == tok->start && (prev->flags & DT_TOK_WORD) && is_abbreviation(prev->fold))
            return FALSE;
        if (is_initial(t, i - 1))
            return FALSE;
    }
    return TRUE;
}

static void split_sentences(dt_text *t)
{
    uint32_t n = t->ntoks;
    uint32_t begin = 0, paragraph = 0;
    for (uint32_t i = 0; i < n; i++) {
        dt_token *tok = &t->toks[i];
        if ((tok->flags & DT_TOK_PARA) && i > begin) {
            dt_sentence s = {begin, i, paragraph};
            g_array_append_val(t->sentences, s);
            begin = i;
        }
        if ((tok->flags & DT_TOK_PARA) && i > 0)
            paragraph++;
        if (!ends_sentence(t, i))
            continue;
        uint32_t e = i + 1;
        while (e < n) {
            const dt_token *c = &t->toks[e];
            if ((c->flags & DT_TOK_PARA) ||
                !((c->flags & DT_TOK_QCLOSE) || tok_char_is(t, c, ')') || tok_char_is(t, c, '\'')))
                break;
            e++;
        }
        if (e < n) {
            const dt_token *next = &t->toks[e];
            if (!(next->flags & (DT_TOK_UPPER | DT_TOK_DIGIT | DT_TOK_QOPEN | DT_TOK_PARA)))
                continue;
        }
        dt_sentence s = {begin, e, paragraph};
        g_array_append_val(t->sentences, s);
        begin = e;
        i = e - 1;
    }
    if (begin < n) {
        dt_sentence s = {begin, n, paragraph};
        g_array_append_val(t->sentences, s);
    }
    for (uint32_t si = 0; si < t->sentences->len; si++) {
        const dt_sentence *s = &g_array_index(t->sentences, dt_sentence, si);
        for (uint32_t k = s->tok_begin; k < s->tok_end; k++)
            t->toks[k].sentence = si;
    }
}

/* ---- public API --------------------------------------------------------- */

/* Validates, normalizes and tokenizes; splits sentences when asked (fold
 * keys, made for every name compared, need none). */
static dt_status text_build(const char *bytes, size_t len, gboolean sentences, dt_text **out,
                            GError **err)
{
    *out = NULL;
    if (len > UINT32_MAX / 4)
        return dt_fail(err, DT_ERR_TOO_LARGE, "text of %zu bytes is over the 1 GiB limit", len);
    dt_status st = validate_utf8(bytes, len, err);
    if (st != DT_OK)
        return st;
    dt_text *t = g_new0(dt_text, 1);
    t->orig = g_strndup(bytes, len);
    t->orig_len = len;
    t->norm = g_string_sized_new(len + 16);
    t->map = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), (guint)len + 16);
    /* English news runs to about one token per five bytes */
    t->cap = (uint32_t)(len / 5 + 8);
    t->toks = g_new(dt_token, t->cap);
    /* room for most articles' sentences (news runs to one in about a
     * hundred bytes), where growing from nothing reallocated several times */
    t->sentences = g_array_sized_new(FALSE, FALSE, sizeof(dt_sentence), sentences ? (guint)(len / 64 + 8) : 0);
    t->folds = g_string_chunk_new(sentences ? 4096 : 2 * len + 16);
    normalize(t);
    /* a token's fold and NUL in one block: at most two bytes per byte of
     * normalized text (GStringChunk's insert was a call per token) */
    t->ascii_cap = 2 * t->norm->len + 2;
    t->ascii_folds = g_malloc(t->ascii_cap);
    tokenize(t);
    if (t->ntoks == 0) {
        dt_text_free(t);
        return dt_fail(err, DT_ERR_EMPTY, "no text (empty or only white space)");
    }
    if (sentences)
        split_sentences(t);
    *out = t;
    return DT_OK;
}

dt_status dt_text_new(const char *bytes, size_t len, dt_text **out, GError **err)
{
    return text_build(bytes, len, TRUE, out, err);
}

void dt_text_free(dt_text *t)
{
    if (t == NULL)
        return;
    g_free(t->orig);
    g_free(t->orig_cp_byte);
    g_string_free(t->norm, TRUE);
    g_array_free(t->map, TRUE);
    g_free(t->toks);
    g_array_free(t->sentences, TRUE);
    g_string_chunk_free(t->folds);
    g_free(t->ascii_folds);
    g_free(t);
}

const char *dt_text_normalized(const dt_text *t) { return t->norm->str; }
size_t dt_text_normalized_len(const dt_text *t) { return t->norm->len; }
const char *dt_text_original(const dt_text *t) { return t->orig; }
uint32_t dt_text_original_cps(const dt_text *t) { return t->orig_ncp; }
uint32_t dt_text_ntokens(const dt_text *t) { return t->ntoks; }
uint32_t dt_text_nsentences(const dt_text *t) { return t->sentences->len; }

const dt_token *dt_text_token(const dt_text *t, uint32_t i)
{
    return &t->toks[i];
}

const dt_sentence *dt_text_sentence(const dt_text *t, uint32_t i)
{
    return &g_array_index(t->sentences, dt_sentence, i);
}

uint32_t dt_text_orig_cp(const dt_text *t, uint32_t byte)
{
    if (byte >= t->norm->len)
        return t->orig_ncp;
    return g_array_index(t->map, uint32_t, byte);
}

const char *dt_text_orig_range(const dt_text *t, uint32_t b, uint32_t e, size_t *len)
{
    if (e > t->orig_ncp)
        e = t->orig_ncp;
    if (b > e)
        b = e;
    *len = t->orig_cp_byte[e] - t->orig_cp_byte[b];
    return t->orig + t->orig_cp_byte[b];
}

char *dt_text_orig_substring(const dt_text *t, uint32_t b, uint32_t e)
{
    size_t len;
    const char *s = dt_text_orig_range(t, b, e, &len);
    return g_strndup(s, len);
}

void dt_text_span_cps(const dt_text *t, uint32_t tb, uint32_t te, uint32_t *cb, uint32_t *ce)
{
    uint32_t b = dt_text_orig_cp(t, dt_text_token(t, tb)->start);
    uint32_t e = dt_text_orig_cp(t, dt_text_token(t, te - 1)->end);
    /* a token that ends inside a multi-character replacement ends with it */
    if (e <= b)
        e = b + 1;
    *cb = b;
    *ce = e;
}

char *dt_text_span(const dt_text *t, uint32_t tb, uint32_t te, uint32_t *cb, uint32_t *ce)
{
    uint32_t b, e;
    dt_text_span_cps(t, tb, te, &b, &e);
    if (cb)
        *cb = b;
    if (ce)
        *ce = e;
    return dt_text_orig_substring(t, b, e);
}

char *dt_text_tokens_string(const dt_text *t, uint32_t tb, uint32_t te)
{
    if (tb >= te)
        return g_strdup("");
    uint32_t b = dt_text_token(t, tb)->start, e = dt_text_token(t, te - 1)->end;
    return g_strndup(t->norm->str + b, e - b);
}

gboolean dt_token_is(const dt_text *t, uint32_t i, const char *s)
{
    const dt_token *tok = dt_text_token(t, i);
    size_t n = strlen(s);
    return tok->end - tok->start == n && memcmp(t->norm->str + tok->start, s, n) == 0;
}

/* Words are put in one of 256 buckets by their first two bytes (the
 * second is the NUL of a one-byte word); a bucket is a bit mask of the
 * first 64 words, and words past those are scanned as before. */
struct dt_word_set {
    const char *const *words;
    guint n;
    guint64 bucket[256];
};

static guint word_bucket(const char *w)
{
    unsigned char b0 = (unsigned char)w[0];
    unsigned char b1 = b0 ? (unsigned char)w[1] : 0;
    return (b0 * 31u + b1) & 255u;
}

dt_word_set *dt_word_set_new(const char *const *words)
{
    dt_word_set *set = g_new0(dt_word_set, 1);
    set->words = words;
    while (words[set->n])
        set->n++;
    for (guint k = 0; k < set->n && k < 64; k++)
        set->bucket[word_bucket(words[k])] |= (guint64)1 << k;
    return set;
}

gboolean dt_word_set_has(const dt_word_set *set, const char *fold)
{
    for (guint64 m = set->bucket[word_bucket(fold)]; m; m &= m - 1)
        if (dt_fold_eq(fold, set->words[__builtin_ctzll(m)]))
            return TRUE;
    for (guint k = 64; k < set->n; k++)
        if (dt_fold_eq(fold, set->words[k]))
            return TRUE;
    return FALSE;
}

void dt_word_set_free(dt_word_set *set)
{
    g_free(set);
}

static char *fold_key(const char *label)
{
    dt_text *t = NULL;
    if (text_build(label, strlen(label), FALSE, &t, NULL) != DT_OK)
        return NULL;
    GString *key = g_string_new(NULL);
    for (uint32_t i = 0; i < t->ntoks; i++) {
        if (i)
            g_string_append_c(key, ' ');
        g_string_append(key, t->toks[i].fold);
    }
    dt_text_free(t);
    return g_string_free(key, FALSE);
}

/* Fold keys of person names are asked for again and again, in article
 * after article (entity resolution compares each unlisted mention with
 * every person), and each costs a run of the tokenizer over the name.
 * The key depends on the label alone, so a thread keeps the keys it made;
 * the memo is emptied when it grows past FOLD_MEMO_MAX labels. */
#define FOLD_MEMO_MAX 4096
#define FOLD_NONE ((char *)"") /* memo value for "no token" */

static void free_key(gpointer p)
{
    if (p != FOLD_NONE)
        g_free(p);
}

static void free_memo(gpointer p) { g_hash_table_destroy(p); }

static GPrivate fold_memo = G_PRIVATE_INIT(free_memo);

/* For a label of ASCII letters in words parted by single spaces ("Keir
 * Starmer"), the key the tokenizer would give: each word is one token
 * (nothing in it but letters, and hyphens between two letters, which
 * scan_word takes whole: "Menon-Nair") whose fold is its lowercase, joined
 * by single spaces -- the label lowercased.  NULL for any other label.
 * Most person names are such labels, and answering them here saves the
 * memo's hashing and string compares. */
static char *simple_fold_key(const char *label)
{
    size_t n = 0;
    for (; label[n]; n++) {
        char c = label[n];
        if (g_ascii_isalpha(c))
            continue;
        /* a space or a hyphen only between two letters */
        if ((c != ' ' && c != '-') || n == 0 || !g_ascii_isalpha(label[n - 1]) || !g_ascii_isalpha(label[n + 1]))
            return NULL;
    }
    if (n == 0)
        return NULL;
    char *key = g_malloc(n + 1);
    for (size_t i = 0; i <= n; i++)
        key[i] = g_ascii_isupper(label[i]) ? (char)(label[i] - 'A' + 'a') : label[i];
    return key;
}

char *dt_text_fold_key(const char *label)
{
    char *simple = simple_fold_key(label);
    if (simple)
        return simple;
    GHashTable *memo = g_private_get(&fold_memo);
    if (memo == NULL) {
        memo = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_key);
        g_private_set(&fold_memo, memo);
    }
    const char *known = g_hash_table_lookup(memo, label);
    if (known)
        return known == FOLD_NONE ? NULL : g_strdup(known);
    char *key = fold_key(label);
    if (g_hash_table_size(memo) >= FOLD_MEMO_MAX)
        g_hash_table_remove_all(memo);
    g_hash_table_insert(memo, g_strdup(label), key ? g_strdup(key) : FOLD_NONE);
    return key;
}
