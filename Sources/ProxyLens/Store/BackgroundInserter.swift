import CSupport
import Foundation

/// Inserts batches of events on a second thread while the first one parses the next batch.
/// The two threads never use the connection at the same time: the reader hands batches over
/// through a small bounded queue and calls `drain()` before it touches the database itself.
final class BackgroundInserter: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [EventBatch] = []
    private var busy = false
    private var stopped = false
    private var failure: Error?
    private let insert: Statement
    private let database: Database
    private static let maximumQueued = 4
    /// Written batches, emptied, for the reading thread to fill again.
    private var spare: [EventBatch] = []

    /// Updated by the inserting thread; read only after `drain()`.
    private(set) var eventsAdded = 0
    /// CPU seconds the inserting thread spent writing (for PROXYLENS_TIMING).
    private(set) var cpuSeconds = 0.0

    init(database: Database, insert: Statement) {
        self.database = database
        self.insert = insert
        // The thread keeps the inserter alive until `stop()` lets it finish.
        let thread = Thread { self.loop() }
        thread.name = "proxylens-insert"
        thread.start()
    }

    /// An empty batch to fill: a written one when there is one.
    func emptyBatch() -> EventBatch {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast() ?? EventBatch()
    }

    func resetCounts() {
        eventsAdded = 0
    }

    func submit(_ batch: EventBatch) throws {
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
            var batch = queue.removeFirst()
            busy = true
            condition.unlock()
            var error: Error?
            let started = ThreadClock.cpuSeconds()
            do { try write(batch) } catch let caught { error = caught }
            cpuSeconds += ThreadClock.cpuSeconds() - started
            batch.removeAll()
            condition.lock()
            if spare.count < Self.maximumQueued + 2 { spare.append(batch) }
            busy = false
            if let error { failure = error }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func write(_ batch: EventBatch) throws {
        let statement = insert
        let pointer = statement.pointer
        try batch.bytes.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for row in batch.rows {
                sqlite3_reset(pointer)
                statement.bind(row.logGroup, in: base, at: 1)
                statement.bind(row.logStream, in: base, at: 2)
                sqlite3_bind_int64(pointer, 3, row.timestamp)
                statement.bind(row.ingestionTime, present: row.present & EventBatch.Present.ingestionTime != 0, at: 4)
                statement.bind(row.eventId, in: base, at: 5)
                statement.bind(row.message, in: base, at: 6)
                statement.bind(row.line, present: row.present & EventBatch.Present.line != 0, at: 7)
                statement.bind(row.offset, present: row.present & EventBatch.Present.offset != 0, at: 8)
                sqlite3_bind_int64(pointer, 9, row.hash)
                statement.bind(row.kind, at: 10)
                statement.bind(row.requestId, in: base, at: 11)
                statement.bind(row.level, in: base, at: 12)
                statement.bind(row.proxyTimestamp, present: row.present & EventBatch.Present.proxyTimestamp != 0, at: 13)
                statement.bind(row.clientConnection, present: row.present & EventBatch.Present.clientConnection != 0, at: 14)
                statement.bind(row.dbConnection, present: row.present & EventBatch.Present.dbConnection != 0, at: 15)
                sqlite3_bind_int64(pointer, 16, row.transactionEffect)
                sqlite3_bind_int64(pointer, 17, row.sourceId)
                try statement.step()
                if database.changes > 0 { eventsAdded += 1 }
            }
        }
    }
}


/// CPU time of the calling thread.
enum ThreadClock {
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
