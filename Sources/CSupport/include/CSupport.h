#ifndef PROXYLENS_CSUPPORT_H
#define PROXYLENS_CSUPPORT_H

#include <sqlite3.h>
#include <zlib.h>
#include <stdint.h>
#include <stddef.h>

/// inflateInit2 is a macro; windowBits 15+32 accepts gzip and zlib headers.
int proxylens_inflate_init(z_stream *stream);

/// SQLITE_TRANSIENT is a macro built from a cast Swift cannot import.
sqlite3_destructor_type proxylens_sqlite_transient(void);

/// Incremental SHA-256 (libcrypto, uses SHA-NI where the CPU has it).
typedef struct proxylens_sha256 proxylens_sha256;
proxylens_sha256 *proxylens_sha256_new(void);
void proxylens_sha256_update(proxylens_sha256 *ctx, const void *data, size_t length);
void proxylens_sha256_final(proxylens_sha256 *ctx, uint8_t digest[32]);

/// memmem without _GNU_SOURCE in Swift's view of glibc.
void *proxylens_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
