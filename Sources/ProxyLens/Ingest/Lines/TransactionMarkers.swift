import CSupport

/// Log lines that say a database transaction began or ended, as ORMs, drivers, frameworks and
/// applications write them. A timeout while the invocation's own log shows a transaction begun
/// and not finished is what tells a pinning leak from a timeout in a downstream call.
public enum TransactionMarkers {
    /// Ordered: every begin before every end, because a line holding both began a transaction
    /// last or says it is about to ("Switching JDBC Connection [...] to manual commit", "Rolled
    /// back; BEGIN TRAN retry"); among the begins, an entry before any shorter one it contains
    /// ("begin transaction" before "begin tran"), and the statement `BEGIN` last, after the
    /// wordings that hold "begin". A line's effect is its first matching entry's.
    public static let all: [TransactionMarker] = [
        // Begins.
        TransactionMarker("begin (implicit)", effect: 1, library: "SQLAlchemy",
                          source: "sqlalchemy/sqlalchemy lib/sqlalchemy/engine/base.py: self._log_info(\"BEGIN (implicit)\") (engine echo / sqlalchemy.engine logger at INFO)",
                          examples: ["2026-03-14 11:02:07,114 INFO sqlalchemy.engine.Engine BEGIN (implicit)\n",
                                     "[INFO]\t2026-03-14T11:02:07.114Z\t9f0c33e4-5b7d-4a5e-8d6f-3f1c2b7a9e10\tBEGIN (implicit)\n"]),
        TransactionMarker("starting top level transaction", effect: 1, library: "knex",
                          source: "knex/knex lib/execution/transaction.js: debug('%s: Starting %s transaction', txid, outerTx ? 'nested' : 'top level') (DEBUG=knex:tx)",
                          examples: ["2026-03-14T11:02:07.114Z knex:tx trx3: Starting top level transaction\n"]),
        TransactionMarker("starting nested transaction", effect: 1, library: "knex",
                          source: "knex/knex lib/execution/transaction.js: debug('%s: Starting %s transaction', txid, outerTx ? 'nested' : 'top level') (DEBUG=knex:tx)",
                          examples: ["2026-03-14T11:02:07.121Z knex:tx trx4: Starting nested transaction\n"]),
        TransactionMarker("began transaction with isolation level", effect: 1, library: "EF Core",
                          source: "dotnet/efcore src/EFCore.Relational/Properties/RelationalStrings.resx: LogBeganTransaction (RelationalEventId.TransactionStarted, 20200)",
                          examples: ["dbug: 03/14/2026 11:02:07.114 RelationalEventId.TransactionStarted[20200] (Microsoft.EntityFrameworkCore.Database.Transaction) \n      Began transaction with isolation level 'ReadCommitted'.\n"]),
        TransactionMarker("creating new transaction with name", effect: 1, library: "Spring",
                          source: "spring-projects/spring-framework spring-tx/src/main/java/org/springframework/transaction/support/AbstractPlatformTransactionManager.java: logger.debug(\"Creating new transaction with name [\" + def.getName() + \"]: \" + def)",
                          examples: ["2026-03-14 11:02:07 5c0b2a0e-7d1f-4f3e-9a61-0b8e2d4c6f17 DEBUG JpaTransactionManager - Creating new transaction with name [com.example.orders.OrderService.reserve]: PROPAGATION_REQUIRED,ISOLATION_DEFAULT\n"]),
        TransactionMarker("to manual commit", effect: 1, library: "Spring JDBC",
                          source: "spring-projects/spring-framework spring-jdbc/src/main/java/org/springframework/jdbc/datasource/DataSourceTransactionManager.java: logger.debug(\"Switching JDBC Connection [\" + con + \"] to manual commit\")",
                          examples: ["2026-03-14 11:02:07 5c0b2a0e-7d1f-4f3e-9a61-0b8e2d4c6f17 DEBUG DataSourceTransactionManager - Switching JDBC Connection [HikariProxyConnection@1623009085 wrapping org.postgresql.jdbc.PgConnection@6b4a4e40] to manual commit\n"]),
        TransactionMarker("setautocommit = false", effect: 1, library: "PgJDBC",
                          source: "pgjdbc/pgjdbc pgjdbc/src/main/java/org/postgresql/jdbc/PgConnection.java: LOGGER.log(Level.FINE, \"  setAutoCommit = {0}\", autoCommit)",
                          examples: ["FINE:   setAutoCommit = false\n"]),
        TransactionMarker("transaction begun", effect: 1, library: "Hibernate ORM",
                          source: "hibernate/hibernate-orm hibernate-core/src/main/java/org/hibernate/resource/jdbc/internal/AbstractLogicalConnectionImplementation.java: log.trace(\"Transaction begun via JDBC Connection.setAutoCommit(false)\")",
                          examples: ["2026-03-14 11:02:07 5c0b2a0e-7d1f-4f3e-9a61-0b8e2d4c6f17 TRACE AbstractLogicalConnectionImplementation - Transaction begun via JDBC Connection.setAutoCommit(false)\n"]),
        TransactionMarker("begin transaction", effect: 1, library: "application; SQLite/SQL Server dialects",
                          source: "sequelize/sequelize (v6) src/dialects/mssql/query-generator.js and db2/query-generator.js: return 'BEGIN TRANSACTION;'; also the words applications log",
                          examples: ["db: begin transaction (reserve stock for ord_n42LkVLZfep5)",
                                     "Executing (3d0c6a52-8a77-4f0e-b0b1-6f0a9c2e1d44): BEGIN TRANSACTION;\n"]),
        TransactionMarker("beginning transaction", effect: 1, library: "EF Core; application",
                          source: "dotnet/efcore src/EFCore.Relational/Properties/RelationalStrings.resx: LogBeginningTransaction (RelationalEventId.TransactionStarting, 20209)",
                          examples: ["Beginning transaction for batch 213799 (IsolationLevel=ReadCommitted)",
                                     "dbug: 03/14/2026 11:02:07.112 RelationalEventId.TransactionStarting[20209] (Microsoft.EntityFrameworkCore.Database.Transaction) \n      Beginning transaction with isolation level 'ReadCommitted'.\n"]),
        TransactionMarker("begintransaction", effect: 1, library: "application (ADO.NET)",
                          source: "System.Data.Common.DbConnection.BeginTransaction(), as applications name it in their logs",
                          examples: ["calling connection.BeginTransaction()"]),
        TransactionMarker("start transaction", effect: 1, library: "Sequelize; TypeORM",
                          source: "sequelize/sequelize (v6) src/dialects/abstract/query-generator/transaction.js: return 'START TRANSACTION;' logged by src/dialects/abstract/query.js as `Executing (${id}): ${sql}`; typeorm/typeorm src/driver/postgres/PostgresQueryRunner.ts: this.query(\"START TRANSACTION\") logged by src/logger/AbstractLogger.ts with prefix \"query\"",
                          examples: ["Executing (a8f5c3e1-2b4d-4c6e-8f0a-1b3d5e7f9a2c): START TRANSACTION;\n",
                                     "query: START TRANSACTION\n"]),
        TransactionMarker("starting transaction", effect: 1, library: "application",
                          source: "words applications log",
                          examples: ["starting transaction for order ord_3ba710c721"]),
        TransactionMarker("transaction started", effect: 1, library: "application",
                          source: "words applications log",
                          examples: ["transaction started (isolation=repeatable read)"]),
        TransactionMarker("opened transaction", effect: 1, library: "application",
                          source: "words applications log",
                          examples: ["opened transaction tx-41 on pool primary"]),
        TransactionMarker("begin tran", effect: 1, library: "Prisma (SQL Server); T-SQL",
                          source: "prisma/quaint, SQL Server connector (now in prisma/prisma-engines quaint/): fn begin_statement(&self) -> &'static str { \"BEGIN TRAN\" }",
                          examples: ["prisma:query BEGIN TRAN\n"]),
        TransactionMarker("BEGIN", effect: 1, match: .statement, library: "ActiveRecord; Prisma",
                          source: "rails/rails activerecord/lib/active_record/connection_adapters/postgresql/database_statements.rb: query_command(\"BEGIN\", \"TRANSACTION\") logged by activerecord/lib/active_record/log_subscriber.rb as \"  #{name} (#{ms}ms)  #{sql}\"; prisma/prisma-engines quaint/src/connector/queryable.rs: fn begin_statement(&self) -> &'static str { \"BEGIN\" } logged as prisma:query",
                          examples: ["D, [2026-03-14T11:02:07.114302 #8] DEBUG -- :   TRANSACTION (0.2ms)  BEGIN\n",
                                     "prisma:query BEGIN\n"]),
        // Ends.
        TransactionMarker("commit", effect: -1, library: "SQLAlchemy; ActiveRecord; Sequelize; TypeORM; Prisma; EF Core; Spring; application",
                          source: "sqlalchemy lib/sqlalchemy/engine/base.py: self._log_info(\"COMMIT\"); rails postgresql/database_statements.rb: query_command(\"COMMIT\", \"TRANSACTION\"); sequelize transaction.js: 'COMMIT;'; efcore RelationalStrings.resx LogCommittedTransaction; spring AbstractPlatformTransactionManager.java \"Initiating transaction commit\"",
                          examples: ["db: commit", "COMMIT", "2026-03-14 11:02:07,311 INFO sqlalchemy.engine.Engine COMMIT\n",
                                     "D, [2026-03-14T11:02:07.311207 #8] DEBUG -- :   TRANSACTION (0.4ms)  COMMIT\n", "Committed transaction.",
                                     "Initiating transaction commit"]),
        TransactionMarker("rollback", effect: -1, library: "SQLAlchemy; ActiveRecord; application",
                          source: "sqlalchemy lib/sqlalchemy/engine/base.py: self._log_info(\"ROLLBACK\"); rails postgresql/database_statements.rb: query_command(\"ROLLBACK\", \"TRANSACTION\")",
                          examples: ["2026-03-14 11:02:07,311 INFO sqlalchemy.engine.Engine ROLLBACK\n", "Initiating transaction rollback"]),
        TransactionMarker("rolled back", effect: -1, library: "EF Core; application",
                          source: "dotnet/efcore RelationalStrings.resx: LogRolledBackTransaction \"Rolled back transaction.\"",
                          examples: ["Rolled back transaction."]),
        TransactionMarker("rolling back", effect: -1, library: "EF Core; Spring",
                          source: "dotnet/efcore RelationalStrings.resx: LogRollingBackTransaction \"Rolling back transaction.\"; spring DataSourceTransactionManager.java \"Rolling back JDBC transaction on Connection [\"",
                          examples: ["Rolling back transaction.", "Rolling back JDBC transaction on Connection [HikariProxyConnection@1623009085 wrapping org.postgresql.jdbc.PgConnection@6b4a4e40]"]),
        TransactionMarker("transaction complete", effect: -1, library: "application", source: "words applications log",
                          examples: ["transaction complete for order ord_3ba710c721"]),
        TransactionMarker("transaction finished", effect: -1, library: "application", source: "words applications log",
                          examples: ["transaction finished in 41 ms"]),
        TransactionMarker("end transaction", effect: -1, library: "application", source: "words applications log",
                          examples: ["end transaction"]),
    ]

    /// The begin markers' texts (for the rules' fingerprint and readers of the list).
    public static var begin: [String] { all.filter { $0.effect == 1 }.map(\.text) }
    /// The end markers' texts.
    public static var end: [String] { all.filter { $0.effect == -1 }.map(\.text) }

    /// The entry that decides a line: the first in `all` that matches it (the plain walk).
    public static func entry(for line: String) -> TransactionMarker? {
        all.first { $0.matches(line) }
    }

    /// +1 when the line begins a transaction, -1 when it ends one, 0 otherwise: the effect of
    /// `entry(for:)`, found faster. Runs on every application line at ingest, so it works on
    /// bytes: every marker holds an anchor ("tran", "comm", "roll" or "begi") a fixed number of
    /// bytes from its start, so the line is searched for anchors (most lines have none) and only
    /// the markers that would put that anchor there are compared, at that word start.
    public static func effect(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var result = 0
        var from = 0
        markerText.withUnsafeBufferPointer { text in
            while true {
                let found = proxylens_next_transaction_anchor(base, bytes.count, from)
                guard found >= 0 else { return }
                let anchor = Int(found)
                let word: Int = switch bytes[anchor] | 0x20 {
                case UInt8(ascii: "t"): 0
                case UInt8(ascii: "c"): 1
                case UInt8(ascii: "r"): 2
                default: 3
                }
                for marker in markersByAnchor[word] where marker.effect == 1 || result == 0 {
                    let start = anchor - marker.anchorOffset
                    guard start >= 0, start == 0 || !isLetter(bytes[start - 1]),
                          matches(bytes, at: start, UnsafeBufferPointer(rebasing: text[marker.start..<(marker.start + marker.count)]), exactCase: marker.statement),
                          !marker.statement || TransactionMarker.statementEnds(bytes, at: start + marker.count) else { continue }
                    result = marker.effect
                    if result == 1 { return }
                }
                from = anchor + 1
            }
        }
        return result
    }

    /// The anchors, in the order `effect` numbers them: "tran" (0), "comm" (1), "roll" (2), "begi" (3).
    static let anchors = ["tran", "comm", "roll", "begi"]

    /// A marker's place in `markerText`, its effect, where its first anchor begins, and whether
    /// it is a statement (exact case, nothing after it).
    struct Marker {
        let start: Int
        let count: Int
        let effect: Int
        let anchorOffset: Int
        let statement: Bool
    }

    /// All markers' texts, one after another.
    private static let markerText: [UInt8] = all.flatMap { Array($0.text.utf8) }
    /// For each anchor, the markers whose first anchor it is.
    static let markersByAnchor: [[Marker]] = {
        var start = 0
        var byAnchor: [[Marker]] = anchors.map { _ in [] }
        for marker in all {
            let bytes = Array(marker.text.utf8)
            let folded = bytes.map { $0 >= 0x41 && $0 <= 0x5a ? $0 | 0x20 : $0 }
            let firstAnchor = (0..<max(0, bytes.count - 3)).lazy.compactMap { offset in
                anchors.firstIndex { Array($0.utf8) == Array(folded[offset..<(offset + 4)]) }.map { (offset, $0) }
            }.first
            guard let (offset, anchor) = firstAnchor else { preconditionFailure("transaction marker without an anchor: \(marker.text)") }
            byAnchor[anchor].append(Marker(start: start, count: bytes.count, effect: marker.effect, anchorOffset: offset, statement: marker.match == .statement))
            start += bytes.count
        }
        return byAnchor
    }()

    public static func effect(of line: String) -> Int {
        var copy = line
        return copy.withUTF8 { effect(bytes: $0) }
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// `needle` at `start` of `text`: in any case (`needle` lower case), or exactly.
    @inline(__always)
    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: UnsafeBufferPointer<UInt8>, exactCase: Bool) -> Bool {
        guard start + needle.count <= text.count else { return false }
        if exactCase {
            for k in 0..<needle.count where text[start + k] != needle[k] { return false }
            return true
        }
        for k in 0..<needle.count where !matches(text[start + k], needle[k]) { return false }
        return true
    }

    /// True when `byte` is `lower` (a lower-case ASCII letter or another ASCII byte) in either case.
    @inline(__always)
    private static func matches(_ byte: UInt8, _ lower: UInt8) -> Bool {
        byte == lower || (lower >= 0x61 && lower <= 0x7a && byte | 0x20 == lower)
    }
}
