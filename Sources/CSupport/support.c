#define _GNU_SOURCE
#include <string.h>
#include "CSupport.h"
#include <openssl/evp.h>
#include <stdlib.h>

int proxylens_inflate_init(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}

void proxylens_sqlite_configure(void) {
    // No global memory statistics: they take a mutex on every allocation.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

sqlite3_destructor_type proxylens_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

struct proxylens_sha256 { EVP_MD_CTX *md; };

proxylens_sha256 *proxylens_sha256_new(void) {
    proxylens_sha256 *ctx = malloc(sizeof *ctx);
    if (!ctx) return NULL;
    ctx->md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx->md, EVP_sha256(), NULL);
    return ctx;
}

void proxylens_sha256_update(proxylens_sha256 *ctx, const void *data, size_t length) {
    EVP_DigestUpdate(ctx->md, data, length);
}

/// Writes the digest and frees the context.
void proxylens_sha256_final(proxylens_sha256 *ctx, uint8_t digest[32]) {
    unsigned int n = 32;
    EVP_DigestFinal_ex(ctx->md, digest, &n);
    EVP_MD_CTX_free(ctx->md);
    free(ctx);
}

void *proxylens_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

int proxylens_is_clean_ascii(const uint8_t *bytes, size_t length) {
    size_t i = 0;
    uint64_t high = 0, zero = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        high |= word;
        // A zero byte in the word (the classic haszero test).
        zero |= (word - 0x0101010101010101ull) & ~word;
    }
    if ((high | zero) & 0x8080808080808080ull) return 0;
    for (; i < length; i++) {
        if (bytes[i] == 0 || bytes[i] >= 0x80) return 0;
    }
    return 1;
}

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

long proxylens_next_transaction_anchor(const uint8_t *bytes, size_t length, size_t from) {
    // "tran", "comm", "roll" and "begi" as little-endian words, compared after folding ASCII case.
    const uint32_t tran = 0x6e617274u, comm = 0x6d6d6f63u, roll = 0x6c6c6f72u, begi = 0x69676562u;
    size_t i = from;
#if defined(__SSE2__)
    // Sixteen positions at a time: a position is a candidate when its first byte and the byte
    // three further on are those of one anchor (t..n, c..m, r..l, b..i, after folding case);
    // only candidates, rare in log text, are compared whole.
    const __m128i fold = _mm_set1_epi8(0x20);
    const __m128i t = _mm_set1_epi8('t'), n = _mm_set1_epi8('n');
    const __m128i c = _mm_set1_epi8('c'), m = _mm_set1_epi8('m');
    const __m128i r = _mm_set1_epi8('r'), l = _mm_set1_epi8('l');
    const __m128i b = _mm_set1_epi8('b'), k = _mm_set1_epi8('i');
    for (; i + 19 <= length; i += 16) {
        __m128i first = _mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i)), fold);
        __m128i last = _mm_or_si128(_mm_loadu_si128((const __m128i *)(bytes + i + 3)), fold);
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(first, t), _mm_cmpeq_epi8(last, n)),
                                                 _mm_and_si128(_mm_cmpeq_epi8(first, c), _mm_cmpeq_epi8(last, m))),
                                    _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(first, r), _mm_cmpeq_epi8(last, l)),
                                                 _mm_and_si128(_mm_cmpeq_epi8(first, b), _mm_cmpeq_epi8(last, k))));
        unsigned mask = (unsigned)_mm_movemask_epi8(hits);
        while (mask != 0) {
            size_t at = i + (size_t)__builtin_ctz(mask);
            uint32_t word;
            memcpy(&word, bytes + at, 4);
            word |= 0x20202020u;
            if (word == tran || word == comm || word == roll || word == begi) return (long)at;
            mask &= mask - 1;
        }
    }
#endif
    for (; i + 4 <= length; i++) {
        uint32_t word;
        memcpy(&word, bytes + i, 4);
        word |= 0x20202020u;
        if (word == tran || word == comm || word == roll || word == begi) return (long)i;
    }
    return -1;
}

void proxylens_prefetch(const void *address) {
    __builtin_prefetch(address);
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void proxylens_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
#endif
}

// XXH64 (Yann Collet's xxHash, 64-bit), written from its specification:
// https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md
static const uint64_t XXH_P1 = 0x9E3779B185EBCA87ULL;
static const uint64_t XXH_P2 = 0xC2B2AE3D27D4EB4FULL;
static const uint64_t XXH_P3 = 0x165667B19E3779F9ULL;
static const uint64_t XXH_P4 = 0x85EBCA77C2B2AE63ULL;
static const uint64_t XXH_P5 = 0x27D4EB2F165667C5ULL;

static inline uint64_t xxh_rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t xxh_read64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline uint32_t xxh_read32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t xxh_round(uint64_t acc, uint64_t input) {
    acc += input * XXH_P2;
    acc = xxh_rotl(acc, 31);
    return acc * XXH_P1;
}
static inline uint64_t xxh_merge(uint64_t acc, uint64_t value) {
    acc ^= xxh_round(0, value);
    return acc * XXH_P1 + XXH_P4;
}

uint64_t proxylens_xxh64(const uint8_t *p, size_t n, uint64_t seed) {
    const uint8_t *end = p + n;
    uint64_t h;
    if (n >= 32) {
        const uint8_t *limit = end - 32;
        uint64_t v1 = seed + XXH_P1 + XXH_P2, v2 = seed + XXH_P2, v3 = seed, v4 = seed - XXH_P1;
        do {
            v1 = xxh_round(v1, xxh_read64(p));
            v2 = xxh_round(v2, xxh_read64(p + 8));
            v3 = xxh_round(v3, xxh_read64(p + 16));
            v4 = xxh_round(v4, xxh_read64(p + 24));
            p += 32;
        } while (p <= limit);
        h = xxh_rotl(v1, 1) + xxh_rotl(v2, 7) + xxh_rotl(v3, 12) + xxh_rotl(v4, 18);
        h = xxh_merge(h, v1);
        h = xxh_merge(h, v2);
        h = xxh_merge(h, v3);
        h = xxh_merge(h, v4);
    } else {
        h = seed + XXH_P5;
    }
    h += (uint64_t)n;
    while (p + 8 <= end) {
        h ^= xxh_round(0, xxh_read64(p));
        h = xxh_rotl(h, 27) * XXH_P1 + XXH_P4;
        p += 8;
    }
    if (p + 4 <= end) {
        h ^= (uint64_t)xxh_read32(p) * XXH_P1;
        h = xxh_rotl(h, 23) * XXH_P2 + XXH_P3;
        p += 4;
    }
    while (p < end) {
        h ^= (uint64_t)(*p) * XXH_P5;
        h = xxh_rotl(h, 11) * XXH_P1;
        p++;
    }
    h ^= h >> 33;
    h *= XXH_P2;
    h ^= h >> 29;
    h *= XXH_P3;
    h ^= h >> 32;
    return h;
}
