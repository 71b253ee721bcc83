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

int proxylens_mentions_transaction(const uint8_t *bytes, size_t length) {
    // "tran", "comm" and "roll" as little-endian words, compared after folding ASCII case.
    const uint32_t tran = 0x6e617274u, comm = 0x6d6d6f63u, roll = 0x6c6c6f72u;
    for (size_t i = 0; i + 4 <= length; i++) {
        uint32_t word;
        memcpy(&word, bytes + i, 4);
        word |= 0x20202020u;
        if (word == tran || word == comm || word == roll) return 1;
    }
    return 0;
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
