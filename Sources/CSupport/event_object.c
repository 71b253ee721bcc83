// The common case of one `events[]` element, read in one pass: an object of the five keys
// `filter-log-events` / `get-log-events` write, with plain values. Anything else (another key, an
// escape in the stream name, a number with a fraction, an object cut by the end of the buffer,
// invalid JSON) is declined, and the caller reads the same bytes with its general JSON reader,
// which also words the errors. So this only ever speeds up input the general reader accepts, and
// it must produce the same values as that reader for everything it accepts.
#include "CSupport.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static size_t skip_space(const uint8_t *p, size_t i, size_t n) {
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
    return i;
}

/// Index of the first '"' or '\\' at or after i (n when none); ORs every byte into *high.
static size_t find_quote_or_escape(const uint8_t *p, size_t i, size_t n, unsigned *high) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(p + i));
        unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
        unsigned highs = (unsigned)_mm_movemask_epi8(chunk);
        if (stop) {
            unsigned at = (unsigned)__builtin_ctz(stop);
            // Only the bytes before the stop count.
            *high |= highs & ((1u << at) - 1u);
            return i + at;
        }
        *high |= highs;
        i += 16;
    }
#endif
    while (i < n && p[i] != '"' && p[i] != '\\') {
        *high |= p[i] & 0x80;
        i++;
    }
    return i;
}

static int hex4(const uint8_t *p, unsigned *value) {
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        uint8_t c = p[k];
        unsigned d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        v = v << 4 | d;
    }
    *value = v;
    return 1;
}

/// Decodes the string whose opening quote is at p[i-1] into out; returns the index after the
/// closing quote, or 0 to decline.
static size_t decode_string(const uint8_t *p, size_t i, size_t n, uint8_t *out, size_t cap, size_t *length, unsigned *high) {
    size_t o = 0;
    for (;;) {
        size_t stop = find_quote_or_escape(p, i, n, high);
        if (stop >= n) return 0;
        size_t run = stop - i;
        if (o + run + 4 > cap) return 0;
        memcpy(out + o, p + i, run);
        o += run;
        if (p[stop] == '"') { *length = o; return stop + 1; }
        // An escape, exactly as the general reader decodes it.
        if (stop + 1 >= n) return 0;
        uint8_t kind = p[stop + 1];
        i = stop + 2;
        switch (kind) {
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        case 'r': out[o++] = '\r'; break;
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case '/': out[o++] = '/'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'u': {
            unsigned unit, low, scalar;
            if (stop + 6 > n || !hex4(p + stop + 2, &unit)) return 0;
            scalar = unit;
            i = stop + 6;
            if (unit >= 0xD800 && unit < 0xDC00) {
                if (stop + 12 <= n && p[stop + 6] == '\\' && p[stop + 7] == 'u' && hex4(p + stop + 8, &low)
                    && low >= 0xDC00 && low < 0xE000) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    i = stop + 12;
                } else {
                    // A lone high surrogate near the end of the buffer may have its pair beyond it.
                    if (stop + 12 > n) return 0;
                    scalar = 0xFFFD;
                }
            } else if (unit >= 0xDC00 && unit < 0xE000) {
                scalar = 0xFFFD;
            }
            if (scalar < 0x80) {
                out[o++] = (uint8_t)scalar;
            } else if (scalar < 0x800) {
                out[o++] = (uint8_t)(0xC0 | (scalar >> 6));
                out[o++] = (uint8_t)(0x80 | (scalar & 0x3F));
            } else if (scalar < 0x10000) {
                out[o++] = (uint8_t)(0xE0 | (scalar >> 12));
                out[o++] = (uint8_t)(0x80 | ((scalar >> 6) & 0x3F));
                out[o++] = (uint8_t)(0x80 | (scalar & 0x3F));
            } else {
                out[o++] = (uint8_t)(0xF0 | (scalar >> 18));
                out[o++] = (uint8_t)(0x80 | ((scalar >> 12) & 0x3F));
                out[o++] = (uint8_t)(0x80 | ((scalar >> 6) & 0x3F));
                out[o++] = (uint8_t)(0x80 | (scalar & 0x3F));
            }
            *high |= scalar >= 0x80 ? 0x80 : 0;
            break;
        }
        default:
            return 0;
        }
    }
}

/// A string value without escapes, left where it is; returns the index after the closing quote.
static size_t plain_string(const uint8_t *p, size_t i, size_t n, size_t *start, size_t *length, unsigned *high) {
    size_t stop = find_quote_or_escape(p, i, n, high);
    if (stop >= n || p[stop] != '"') return 0;
    *start = i;
    *length = stop - i;
    return stop + 1;
}

/// A string value of ASCII without escapes, its opening quote at p[i]; returns the index after
/// the closing quote, or 0 to decline.
static size_t plain_ascii_value(const uint8_t *p, size_t i, size_t n, size_t *start, size_t *length) {
    if (p[i] != '"') return 0;
    unsigned high = 0;
    i = plain_string(p, i + 1, n, start, length, &high);
    return high ? 0 : i;
}

/// Plain non-negative digits that fit in 63 bits, followed by a delimiter.
static size_t plain_integer(const uint8_t *p, size_t i, size_t n, int64_t *value) {
    size_t start = i;
    uint64_t v = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9') {
        if (i - start >= 18) return 0;
        v = v * 10 + (uint64_t)(p[i] - '0');
        i++;
    }
    if (i == start || i >= n) return 0;
    uint8_t next = p[i];
    if (!(next == ',' || next == '}' || next == ' ' || next == '\n' || next == '\r' || next == '\t')) return 0;
    *value = (int64_t)v;
    return i;
}

static int key_is(const uint8_t *p, size_t start, size_t length, const char *name, size_t name_length) {
    return length == name_length && memcmp(p + start, name, name_length) == 0;
}

int proxylens_read_event_object(const uint8_t *p, size_t n, uint8_t *message, size_t message_capacity,
                                proxylens_event_fields *fields) {
    memset(fields, 0, sizeof *fields);
    unsigned seen = 0;
    unsigned high = 0;
    size_t i = skip_space(p, 0, n);
    if (i < n && p[i] == '}') return 0;  // an empty object has no timestamp: the general path says so
    for (;;) {
        if (i >= n || p[i] != '"') return 0;
        size_t key_start, key_length;
        unsigned key_high = 0;
        i = plain_string(p, i + 1, n, &key_start, &key_length, &key_high);
        if (!i || key_high) return 0;
        i = skip_space(p, i, n);
        if (i >= n || p[i] != ':') return 0;
        i = skip_space(p, i + 1, n);
        if (i >= n) return 0;
        unsigned bit;
        if (key_is(p, key_start, key_length, "logStreamName", 13)) {
            bit = 1;
            i = plain_ascii_value(p, i, n, &fields->stream_start, &fields->stream_length);
            if (!i) return 0;
        } else if (key_is(p, key_start, key_length, "timestamp", 9)) {
            bit = 2;
            i = plain_integer(p, i, n, &fields->timestamp);
            if (!i) return 0;
        } else if (key_is(p, key_start, key_length, "message", 7)) {
            bit = 4;
            if (p[i] != '"') return 0;
            i = decode_string(p, i + 1, n, message, message_capacity, &fields->message_length, &high);
            if (!i) return 0;
        } else if (key_is(p, key_start, key_length, "ingestionTime", 13)) {
            bit = 8;
            i = plain_integer(p, i, n, &fields->ingestion_time);
            if (!i) return 0;
            fields->has_ingestion_time = 1;
        } else if (key_is(p, key_start, key_length, "eventId", 7)) {
            bit = 16;
            i = plain_ascii_value(p, i, n, &fields->event_id_start, &fields->event_id_length);
            if (!i) return 0;
        } else {
            return 0;
        }
        if (seen & bit) return 0;
        seen |= bit;
        i = skip_space(p, i, n);
        if (i >= n) return 0;
        if (p[i] == ',') {
            i = skip_space(p, i + 1, n);
            continue;
        }
        if (p[i] != '}') return 0;
        // Without a timestamp the general path notes the event as skipped.
        if (!(seen & 2)) return 0;
        fields->has_stream = (seen & 1) != 0;
        fields->message_high = high != 0;
        fields->consumed = i + 1;
        return 1;
    }
}
