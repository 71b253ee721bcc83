#ifndef PROXYLENS_CSUPPORT_H
#define PROXYLENS_CSUPPORT_H

#include <sqlite3.h>
#include <zlib.h>
#include <stdint.h>
#include <stddef.h>

/// inflateInit2 is a macro; windowBits 15+32 accepts gzip and zlib headers.
int proxylens_inflate_init(z_stream *stream);

/// Process-wide SQLite settings (sqlite3_config is variadic); call before the first open.
void proxylens_sqlite_configure(void);

/// SQLITE_TRANSIENT is a macro built from a cast Swift cannot import.
sqlite3_destructor_type proxylens_sqlite_transient(void);

/// Incremental SHA-256 (libcrypto, uses SHA-NI where the CPU has it).
typedef struct proxylens_sha256 proxylens_sha256;
proxylens_sha256 *proxylens_sha256_new(void);
void proxylens_sha256_update(proxylens_sha256 *ctx, const void *data, size_t length);
void proxylens_sha256_final(proxylens_sha256 *ctx, uint8_t digest[32]);

/// memmem without _GNU_SOURCE in Swift's view of glibc.
void *proxylens_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Asks the CPU to start loading the cache line at `address`.
void proxylens_prefetch(const void *address);

/// 1 when every byte is ASCII and none is NUL (the common case of a log message).
int proxylens_is_clean_ascii(const uint8_t *bytes, size_t length);

/// The first position at or after `from` where "tran", "comm", "roll" or "begi" begins, in any
/// ASCII case, or -1: every transaction marker holds one of them, so only the words just before
/// one need a closer look.
long proxylens_next_transaction_anchor(const uint8_t *bytes, size_t length, size_t from);

/// XXH64 of `n` bytes (the 64-bit xxHash; little-endian reads, as on every machine Swift runs on here).
uint64_t proxylens_xxh64(const uint8_t *p, size_t n, uint64_t seed);

/// Fixes glibc's mmap threshold at `bytes` (elsewhere a no-op): see MemoryTuning.swift.
void proxylens_fix_mmap_threshold(int bytes);

/// One `events[]` element read in one pass (see event_object.c); offsets are into the input.
typedef struct {
    size_t consumed;            // bytes up to and including the closing brace
    size_t stream_start, stream_length;
    size_t event_id_start, event_id_length;
    size_t message_length;      // decoded into the caller's buffer
    int64_t timestamp;
    int64_t ingestion_time;
    int has_stream, has_ingestion_time, message_high;
} proxylens_event_fields;

/// `p` starts just after an event object's opening brace. Returns 1 when the whole object was
/// read, 0 when the caller must read it with the general JSON reader instead.
int proxylens_read_event_object(const uint8_t *p, size_t n, uint8_t *message, size_t message_capacity,
                                proxylens_event_fields *fields);

#endif
