import CSupport
import Foundation

/// The one owner of a SQLite connection. It opens, migrates, and hands out prepared statements;
/// nothing else in proxylens talks to SQLite directly.
public final class Database {
    private(set) var handle: OpaquePointer?
    public let path: String
    public let readOnly: Bool
    /// The page size of a database this creates.
    static let newPageSize = 8192
    private var statementCache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// `":memory:"` gives an in-memory database. `checkSchema: false` opens a read-only database
    /// whatever its schema, for a caller that reads the version itself (`merge` accepts older
    /// ones). `attaching` lets `attach(readOnly:as:)` be used (it needs SQLite's URI names,
    /// which are off otherwise so that a `--db` named `file:…` stays a plain file name).
    public init(path: String, readOnly: Bool = false, create: Bool = true, migrate: Bool = true, checkSchema: Bool = true, attaching: Bool = false,
                busyTimeoutMs: Int32 = 30_000) throws {
        self.path = path
        self.readOnly = readOnly
        // `create: false`: a command that works on a database made before (a mistyped --db must
        // not become a new, empty one that "has no failures").
        if readOnly || !create, path != ":memory:", !FileManager.default.fileExists(atPath: path) {
            throw ProxyLensError(.database, path, "no such database (run `proxylens ingest` or `analyze` first)")
        }
        _ = Database.configured
        handle = try Self.open(path, readOnly: readOnly, create: create, uri: attaching)
        Self.waitWhileBusy(handle, milliseconds: busyTimeoutMs)
        if readOnly && path != ":memory:" {
            // A run that crashed mid-transaction leaves a hot journal, which only a writable
            // connection may roll back: do that briefly, then read as asked.
            if sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nil, nil, nil) == SQLITE_READONLY | (3 << 8) {  // SQLITE_READONLY_ROLLBACK
                sqlite3_close_v2(handle)
                handle = nil
                try Self.rollBackHotJournal(path, busyTimeoutMs: busyTimeoutMs)
                handle = try Self.open(path, readOnly: true)
                Self.waitWhileBusy(handle, milliseconds: busyTimeoutMs)
            }
        }
        if !readOnly {
            try execute("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768;")
            // Set only while the file holds nothing: pages of 8 KiB halve the pages a bulk load
            // writes one by one and the B-tree cells per row of the derived tables (ingest of
            // the benchmark corpus 5-10 % faster than with 4 KiB; 16 KiB was no faster again).
            if try scalar("SELECT count(*) FROM sqlite_master").int == 0 {
                try execute("PRAGMA page_size = \(Self.newPageSize)")
            }
        }
        if migrate {
            try Migrator(database: self).migrate()
        } else if readOnly && checkSchema {
            try Migrator(database: self).checkReadable()
        }
    }

    private static func open(_ path: String, readOnly: Bool, create: Bool = true, uri: Bool = false) throws -> OpaquePointer? {
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))) | (uri ? SQLITE_OPEN_URI : 0)
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        if status != SQLITE_OK {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw ProxyLensError(.database, path, "cannot open database: \(message)")
        }
        sqlite3_extended_result_codes(db, 1)
        return db
    }

    /// Opens `path` writable just long enough for SQLite to roll back the hot journal a crashed
    /// run left; says what to do when that is not allowed.
    private static func rollBackHotJournal(_ path: String, busyTimeoutMs: Int32) throws {
        let advice = "\(path)-journal was left by a run that stopped mid-write; open the database writable once to roll it back: run `proxylens classify --db \(path)` as a user who may write \(path) and its folder"
        guard let writable = try? open(path, readOnly: false, create: false) else {
            throw ProxyLensError(.database, path, advice)
        }
        defer { sqlite3_close_v2(writable) }
        waitWhileBusy(writable, milliseconds: busyTimeoutMs)
        if sqlite3_exec(writable, "SELECT count(*) FROM sqlite_master", nil, nil, nil) != SQLITE_OK {
            throw ProxyLensError(.database, path, advice + " (\(String(cString: sqlite3_errmsg(writable))))")
        }
    }

    /// Waits up to `milliseconds` for another connection's lock, in 10 ms steps, giving up at
    /// once on Ctrl-C (SQLite's own busy timeout sleeps through it).
    private static func waitWhileBusy(_ handle: OpaquePointer?, milliseconds: Int32) {
        let context = UnsafeMutableRawPointer(bitPattern: Int(milliseconds) + 1)
        sqlite3_busy_handler(handle, { context, attempts in
            let limit = Int(bitPattern: context) - 1
            if Interruption.requested || Int(attempts) * 10 >= limit { return 0 }
            usleep(10_000)
            return 1
        }, context)
    }

    /// Runs once, before the first connection opens.
    private static let configured: Void = proxylens_sqlite_configure()

    deinit {
        statementCache.removeAll()
        if let handle { sqlite3_close_v2(handle) }
    }

    var lastError: String {
        guard let handle else { return "database closed" }
        return Self.inWords(sqlite3_extended_errcode(handle), path: path) ?? String(cString: sqlite3_errmsg(handle))
    }

    /// SQLite's words for what is wrong with the file or its folder, said of them instead: a
    /// folder it cannot write its journal in (SQLITE_READONLY_DIRECTORY reads "attempt to write a
    /// readonly database"), a --db that names some other file (an input, by a slip of the
    /// arguments: "file is not a database"). Nil for any other error.
    static func inWords(_ extendedCode: Int32, path: String) -> String? {
        if extendedCode == SQLITE_READONLY | (6 << 8) {  // SQLITE_READONLY_DIRECTORY
            let folder = (path as NSString).deletingLastPathComponent
            return "the folder \(folder.isEmpty ? "." : folder) cannot be written (SQLite writes its journal beside the database)"
        }
        if extendedCode & 0xff == SQLITE_NOTADB { return "not an SQLite database (is --db naming an input file?); it is left as it was" }
        return nil
    }

    func error(_ what: String) -> ProxyLensError {
        let code = handle.map { sqlite3_extended_errcode($0) } ?? 0
        if code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED {
            return ProxyLensError(.database, path, "\(what): the database is locked by another proxylens process (waited 30 s); try again when it finishes")
        }
        return ProxyLensError(.database, path, "\(what): \(lastError)")
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let code = handle.map { sqlite3_extended_errcode($0) } ?? 0
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            if code & 0xff == SQLITE_BUSY {
                throw ProxyLensError(.database, path, "the database is locked by another proxylens process (waited 30 s); try again when it finishes")
            }
            if let words = Self.inWords(code, path: path) { throw ProxyLensError(.database, path, words) }
            throw ProxyLensError(.database, path, "\(text) (in: \(sql.prefix(80).replacingOccurrences(of: "\n", with: " "))…)")
        }
    }

    /// A prepared statement, cached by its text.
    public func statement(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql] {
            cached.reset()
            return cached
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// A prepared statement that is not cached (for one-off, user-supplied SQL).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Every statement in `sql`, prepared in order (comments and blank space between them skipped).
    public func statements(_ sql: String) throws -> [Statement] {
        var result: [Statement] = []
        var bytes = Array(sql.utf8) + [0]
        try bytes.withUnsafeMutableBufferPointer { buffer in
            let start = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var rest: UnsafePointer<CChar>? = start
            while let current = rest, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                if sqlite3_prepare_v2(handle, current, -1, &statement, &tail) != SQLITE_OK {
                    sqlite3_finalize(statement)
                    throw error("cannot prepare statement \(result.count + 1)")
                }
                let text = String(decoding: UnsafeRawBufferPointer(start: current, count: (tail ?? current) - current), as: UTF8.self)
                if let statement { result.append(Statement(database: self, prepared: statement, sql: text)) }
                if tail == current { break }
                rest = tail
            }
        }
        return result
    }

    /// Attaches the database file at `path` read-only under `schema` (`mode=ro`: nothing this
    /// connection does can write to it, nor roll back a journal beside it). Needs `attaching`.
    public func attach(readOnly path: String, as schema: String) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        do {
            try statement("ATTACH DATABASE ? AS \(schema)").run([.text("file:\(escaped)?mode=ro")])
        } catch {
            throw ProxyLensError(.database, path, "cannot open it read-only: \(lastError)")
        }
    }

    public func detach(_ schema: String) throws {
        statementCache.removeAll()
        try execute("DETACH DATABASE \(schema)")
    }

    /// Runs `body` in one transaction; rolls back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows of a query as arrays of values.
    public func rows(_ sql: String, _ arguments: [SQLValue] = []) throws -> [[SQLValue]] {
        let statement = try self.statement(sql)
        try statement.bind(arguments)
        var rows: [[SQLValue]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.value($0) })
        }
        return rows
    }

    /// The first column of the first row.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLValue {
        try rows(sql, arguments).first?.first ?? .null
    }

    public func interrupt() { if let handle { sqlite3_interrupt(handle) } }
}
