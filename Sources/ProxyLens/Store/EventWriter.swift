import CSupport

/// Writes log events into `event`, parsing each message's line kind on the way and skipping
/// events already in the database (overlapping pages, the same events from two exports).
final class EventWriter: EventSink {
    private let database: Database
    private let insert: Statement
    var sourceId: Int64 = 0
    var onIssue: (IngestIssue) -> Void = { _ in }
    private(set) var eventsRead = 0
    private(set) var eventsAdded = 0
    private(set) var sawLambda = false
    private(set) var sawProxy = false
    private(set) var eventsWithoutGroup = 0
    private(set) var firstRowId: Int64?
    private(set) var lastRowId: Int64?
    private var cleaned: [UInt8] = []

    init(database: Database) throws {
        self.database = database
        insert = try database.statement("""
            INSERT OR IGNORE INTO event (source_id, log_group, log_stream, ts, ingestion_ts, event_id, message,
                source_line, source_offset, msg_hash, kind, request_id, level, proxy_ts, client_connection, db_connection)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Starts counting for a new source.
    func begin(sourceId: Int64) {
        self.sourceId = sourceId
        eventsRead = 0
        eventsAdded = 0
        sawLambda = false
        sawProxy = false
        eventsWithoutGroup = 0
        firstRowId = nil
        lastRowId = nil
    }

    func note(_ issue: IngestIssue) { onIssue(issue) }

    func accept(_ event: inout RawEvent) throws {
        eventsRead += 1
        if !Self.isCleanText(event.message) {
            cleaned = Self.cleanText(event.message)
            onIssue(IngestIssue(line: event.line, offset: event.offset,
                                reason: "invalid UTF-8 or NUL bytes in a message; kept with U+FFFD in their place",
                                excerpt: Excerpt.of(event.message)))
            swap(&cleaned, &event.message)
        }
        let statement = insert
        statement.reset()
        statement.bind(sourceId, at: 1)
        statement.bind(event.logGroup, at: 2)
        if event.logGroup == nil { eventsWithoutGroup += 1 }
        statement.bind(event.logStream, at: 3)
        statement.bind(event.timestamp, at: 4)
        statement.bind(event.ingestionTime, at: 5)
        statement.bind(event.eventId, at: 6)
        try event.message.withUnsafeBufferPointer { message in
            statement.bindText(message, at: 7)
            statement.bind(event.line.map(Int64.init), at: 8)
            statement.bind(event.offset, at: 9)
            statement.bind(Int64(bitPattern: MessageHash.of(message)), at: 10)
            let (parsed, _) = LineFormat.parse(message)
            statement.bind(parsed.kind.rawValue, at: 11)
            statement.bind(parsed.requestId, at: 12)
            statement.bind(parsed.level, at: 13)
            statement.bind(parsed.proxyTimestamp, at: 14)
            statement.bind(parsed.clientConnection, at: 15)
            statement.bind(parsed.dbConnection, at: 16)
            switch parsed.kind {
            case .proxy: sawProxy = true
            case .start, .report, .platformStart, .platformReport, .initStart: sawLambda = true
            default: break
            }
            try statement.step()
        }
        if database.changes > 0 {
            eventsAdded += 1
            let id = database.lastInsertRowID
            if firstRowId == nil { firstRowId = id }
            lastRowId = id
        }
    }

    /// True when the bytes are valid UTF-8 with no NUL.
    static func isCleanText(_ bytes: [UInt8]) -> Bool {
        var ascii = true
        for byte in bytes {
            if byte == 0 { return false }
            if byte >= 0x80 { ascii = false }
        }
        return ascii || JSONReader.isValidUTF8(bytes)
    }

    static func cleanText(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        return Array(text.utf8)
    }
}

/// FNV-1a over the message without trailing white space, so that `aws logs tail` (which strips
/// it) and the other exports of the same event agree.
enum MessageHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0a || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0d { end -= 1 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<end {
            hash ^= UInt64(bytes[i])
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

import Foundation
