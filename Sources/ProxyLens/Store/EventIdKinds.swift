import CSupport

/// The two kinds of stored event for dedupe: with a CloudWatch eventId and without one. The bits
/// are `meta.event_id_kinds`; the slot is the fourth column of the dedupe key (migration 0008).
enum EventIdKinds {
    static let withoutId: UInt8 = 1
    static let withId: UInt8 = 2

    /// `event.dedupe_slot` of an event with this id: 47 bits of its XXH64, never 0 (0 is the slot
    /// of events without an id). Six bytes in a record, where a full 64-bit value would take eight;
    /// two distinct ids of one stream, millisecond and message agree in 47 bits once in 10^14.
    static func slot(ofEventId id: UnsafeBufferPointer<UInt8>) -> Int64 {
        Int64(bitPattern: (proxylens_xxh64(id.baseAddress, id.count, 0) >> 17) | 1)
    }

    static func slot(ofEventId id: String) -> Int64 {
        var copy = id
        return copy.withUTF8 { slot(ofEventId: $0) }
    }

    /// What `meta.event_id_kinds` says `database` holds.
    static func stored(in database: Database) throws -> UInt8 {
        UInt8(clamping: try database.scalar("SELECT value FROM meta WHERE key = 'event_id_kinds'").int ?? 0)
    }

    static func save(_ kinds: UInt8, in database: Database) throws {
        try database.statement("INSERT INTO meta (key, value) VALUES ('event_id_kinds', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .run([.integer(Int64(kinds))])
    }
}
