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
