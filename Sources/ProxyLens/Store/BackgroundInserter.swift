import Foundation

/// One event ready to insert: every value computed by the reading thread, so the inserting
/// thread only binds and steps.
struct PreparedEvent {
    var sourceId: Int64
    var logGroup: String?
    var logStream: String
    var timestamp: Int64
    var ingestionTime: Int64?
    var eventId: String?
    var message: [UInt8]
    var line: Int64?
    var offset: Int64?
    var hash: Int64
    var parsed: ParsedLine
    var transactionEffect: Int64
}

/// Inserts batches of events on a second thread while the first one parses the next batch.
/// The two threads never use the connection at the same time: the reader hands batches over
/// through a small bounded queue and calls `drain()` before it touches the database itself.
final class BackgroundInserter: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[PreparedEvent]] = []
    private var busy = false
    private var stopped = false
    private var failure: Error?
    private let insert: Statement
    private let database: Database
    private static let maximumQueued = 4

    /// Updated by the inserting thread; read only after `drain()`.
    private(set) var eventsAdded = 0

    init(database: Database, insert: Statement) {
        self.database = database
        self.insert = insert
        // The thread keeps the inserter alive until `stop()` lets it finish.
        let thread = Thread { self.loop() }
        thread.name = "proxylens-insert"
        thread.start()
    }

    func resetCounts() {
        eventsAdded = 0
    }

    func submit(_ batch: [PreparedEvent]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.maximumQueued && failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits until every submitted batch is in the database; rethrows an insert failure.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while (!queue.isEmpty || busy) && failure == nil { condition.wait() }
        if let failure {
            self.failure = nil
            queue.removeAll()
            throw failure
        }
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopped { condition.wait() }
            if queue.isEmpty && stopped { condition.unlock(); return }
            let batch = queue.removeFirst()
            busy = true
            condition.unlock()
            var error: Error?
            do { try write(batch) } catch let caught { error = caught }
            condition.lock()
            busy = false
            if let error { failure = error }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func write(_ batch: [PreparedEvent]) throws {
        let statement = insert
        for event in batch {
            statement.reset()
            statement.bind(event.logGroup, at: 1)
            statement.bind(event.logStream, at: 2)
            statement.bind(event.timestamp, at: 3)
            statement.bind(event.ingestionTime, at: 4)
            statement.bind(event.eventId, at: 5)
            event.message.withUnsafeBufferPointer { statement.bindText($0, at: 6) }
            statement.bind(event.line, at: 7)
            statement.bind(event.offset, at: 8)
            statement.bind(event.hash, at: 9)
            statement.bind(event.parsed.kind.rawValue, at: 10)
            statement.bind(event.parsed.requestId, at: 11)
            statement.bind(event.parsed.level, at: 12)
            statement.bind(event.parsed.proxyTimestamp, at: 13)
            statement.bind(event.parsed.clientConnection, at: 14)
            statement.bind(event.parsed.dbConnection, at: 15)
            statement.bind(event.transactionEffect, at: 16)
            statement.bind(event.sourceId, at: 17)
            try statement.step()
            if database.changes > 0 { eventsAdded += 1 }
        }
    }
}
