import Foundation
import Testing
@testable import ProxyLens

/// `samples/errors/real-world.ndjson`: real error lines copied from public bug reports, docs and
/// driver test suites, never used to write a rule. Each is read as the error of a failed
/// invocation on a warm instance idle for 40 minutes, with no proxy evidence: what the error
/// text alone (all layers of `ErrorClassifier`) makes of it.
@Suite("Real-world error lines (never seen by the rules)")
struct RealWorldErrorTests {
    struct Line: Decodable {
        var message: String
        var label: String
        var family: String
        var language: String
        var source: String
    }

    static let lines: [Line] = read("errors/real-world.ndjson")
    /// `samples/errors/real-world-fresh.ndjson`: a second set, collected after the rules were
    /// written by someone who did not read them, disjoint from the first: only ever seen as numbers.
    static let fresh: [Line] = read("errors/real-world-fresh.ndjson")

    static func read(_ sample: String) -> [Line] {
        guard let text = try? String(contentsOfFile: Fixture.samples(sample), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    /// The cause a verdict on `text` gives on a warm instance after an idle gap, as
    /// `CorrelationContext.labelError` gives it (its phase rule for an ambiguous timeout included).
    static func cause(_ verdict: ErrorClassifier.Verdict?, text: String) -> String {
        guard let verdict else { return "unclassified" }
        switch verdict.signal {
        case .staleConnection, .transactionState: return "stale-connection"
        case .queryTimeout: return "query-timeout"
        case .connectionTimeout, .borrowTimeout, .connectionRejected: return "connection-timeout"
        case .ambiguousTimeout:
            switch CorrelationContext.phase(ofAmbiguous: verdict, text: text) {
            case .connect: return "connection-timeout"
            // Warm and not the first invocation: the connection was open, so a query ran.
            case .query, .unknown: return "query-timeout"
            }
        case .outOfMemory: return "unclassified"
        }
    }

    /// Real-world family → the catalogue and signature drivers that are that family's own
    /// entries (removed together in the leave-one-family-out run). Server messages (PostgreSQL,
    /// MySQL, SQL Server) and codes belong to no client family and stay.
    static let ownEntries: [String: Set<String>] = [
        "psycopg2": ["psycopg2", "libpq/psycopg"], "psycopg3": ["psycopg", "psycopg_pool", "libpq/psycopg"],
        "asyncpg": ["asyncpg"], "pg8000": ["pg8000"], "pymysql": ["PyMySQL", "PyMySQL/mysqlclient"],
        "mysqlclient": ["mysqlclient", "PyMySQL/mysqlclient"], "mysql-connector-python": ["mysql-connector-python"],
        "aiomysql": ["aiomysql"], "pyodbc": ["pyodbc", "pyodbc/ODBC"], "pymssql": ["pymssql", "pymssql/FreeTDS", "SQLAlchemy/pymssql"],
        "sqlalchemy": ["SQLAlchemy", "SQLAlchemy/pymssql"], "django": ["Django"],
        "node-postgres": ["pg", "node-postgres"], "pg-pool": ["pg-pool"], "postgres.js": ["postgres.js"],
        "mysqljs": ["mysql", "mysqljs", "mysqljs/mysql2"], "mysql2": ["mysql2", "mysqljs/mysql2"], "serverless-mysql": ["serverless-mysql"],
        "tedious": ["tedious"], "mssql-node": ["mssql"], "knex": ["knex", "tarn"], "sequelize": ["Sequelize"], "typeorm": ["TypeORM"],
        "prisma": ["Prisma"], "drizzle": ["Drizzle"],
        "pgjdbc": ["PgJDBC", "PgJDBC/HikariCP", "PgJDBC/PostgreSQL"], "mysql-connector-j": ["Connector/J"],
        "mariadb-connector-j": ["MariaDB Connector/J"], "mssql-jdbc": ["mssql-jdbc"], "hikaricp": ["HikariCP", "PgJDBC/HikariCP"],
        "c3p0": ["c3p0"], "dbcp": ["DBCP"], "hibernate": ["Hibernate"], "spring": ["Spring"],
        "go-database-sql": ["database/sql", "Go database/sql"], "lib-pq": ["lib/pq"], "pgx": ["pgx", "pgxpool"],
        "go-sql-driver-mysql": ["go-sql-driver/mysql"], "go-mssqldb": ["go-mssqldb"], "gorm": ["GORM"],
        "sqlclient": ["Microsoft.Data.SqlClient", "System.Data.SqlClient", ".NET SqlClient"], "npgsql": ["Npgsql"],
        "mysqlconnector-net": ["MySqlConnector"], "mysql-data": ["MySql.Data"], "efcore": ["EF Core"],
        "ruby-pg": ["pg (ruby)"], "ruby-mysql2": ["mysql2 (ruby)"], "activerecord": ["ActiveRecord"], "sequel": ["Sequel"],
        "pdo-mysql": ["PDO mysql"], "pdo-pgsql": ["PDO pgsql"], "pdo-sqlsrv": ["PDO sqlsrv"], "laravel": ["Laravel"],
        "doctrine-dbal": ["Doctrine DBAL"], "sqlx": ["sqlx"], "tokio-postgres": ["tokio-postgres"], "diesel": ["diesel", "r2d2"],
    ]

    static func classifier(without family: String?) -> ErrorClassifier {
        var classifier = ErrorClassifier()
        guard let family, let own = ownEntries[family] else { return classifier }
        classifier.catalogue.removeAll { own.contains($0.driver) }
        var rules = RuleSet.current
        rules.signatures.removeAll { rule in rule.driver.split(separator: "/").contains { own.contains(String($0)) } || own.contains(rule.driver) }
        var without = ErrorClassifier(rules: rules)
        without.catalogue = classifier.catalogue
        classifier = without
        return classifier
    }

    struct Score { var right = 0, total = 0; var accuracy: Double { total == 0 ? 1 : Double(right) / Double(total) } }

    static func scores(_ lines: [Line], by key: (Line) -> String, classifier: ErrorClassifier) -> [String: Score] {
        var scores: [String: Score] = [:]
        for line in lines {
            let right = cause(classifier.classify(line.message), text: line.message) == line.label
            scores[key(line), default: Score()].total += 1
            if right { scores[key(line), default: Score()].right += 1 }
        }
        return scores
    }

    @Test("the set is what it claims: at least 300 lines, 40 families, 8 languages, 60 look-alikes, each with a source")
    func shape() {
        #expect(Self.lines.count >= 300)
        #expect(Set(Self.lines.filter { $0.label != "unclassified" }.map(\.family)).count >= 40)
        #expect(Set(Self.lines.map(\.language)).count >= 8)
        #expect(Self.lines.filter { $0.label == "unclassified" }.count >= 60)
        #expect(Self.lines.allSatisfy { $0.source.hasPrefix("https://") })
    }

    /// The half whose lines an engineer may read when a mechanism misfires (by a hash of the
    /// source URL); the other half is only ever seen as numbers.
    static func isDevelopmentHalf(_ line: Line) -> Bool { MessageHash.fnv(line.source.utf8) % 2 == 0 }

    @Test("the held-out half scores as the whole does (no tuning to the half that was read)")
    func heldOutHalf() throws {
        let all = ErrorClassifier()
        let development = Self.lines.filter(Self.isDevelopmentHalf)
        let heldOut = Self.lines.filter { !Self.isDevelopmentHalf($0) }
        let dev = Self.scores(development, by: { _ in "all" }, classifier: all)["all"] ?? Score()
        let held = Self.scores(heldOut, by: { _ in "all" }, classifier: all)["all"] ?? Score()
        let signaturesOnly: ErrorClassifier = {
            var classifier = ErrorClassifier()
            classifier.catalogue = []
            classifier.codes = []
            classifier.genericEnabled = false
            return classifier
        }()
        let before = Self.scores(Self.lines, by: { _ in "all" }, classifier: signaturesOnly)["all"] ?? Score()
        let summary = String(format: "development half %.3f (%d/%d), held-out half %.3f (%d/%d); signatures alone on all lines %.3f",
                             dev.accuracy, dev.right, dev.total, held.accuracy, held.right, held.total, before.accuracy)
        print("real-world errors: " + summary)
        if let path = ProcessInfo.processInfo.environment["PROXYLENS_REAL_WORLD_DUMP"] {
            var dump = summary + "\n"
            for line in development {
                let verdict = all.classify(line.message)
                let got = Self.cause(verdict, text: line.message)
                if got != line.label {
                    dump += "\(line.family)\t\(line.label)\tgot \(got) by \(verdict?.rule ?? "-")\t\(line.message.prefix(300).replacingOccurrences(of: "\n", with: "⏎"))\n"
                }
            }
            // The held-out half only as numbers: which label became which cause, by which rule,
            // and which of the generic layer's gates its text passes (never the text itself).
            var misses: [String: Int] = [:]
            for line in heldOut {
                let verdict = all.classify(line.message)
                let got = Self.cause(verdict, text: line.message)
                guard got != line.label else { continue }
                misses["\(line.family): \(line.label) -> \(got) by \(verdict?.rule ?? "-") [\(Self.gates(line.message))]", default: 0] += 1
            }
            // Every line of both sets whose text names neither a database nor another service: the
            // shape text alone cannot tell from a look-alike.
            var namesNothing: [String: Int] = [:]
            for line in Self.lines + Self.fresh {
                let folded = SignatureRule.fold(line.message)
                if GenericVocabulary.isAboutDatabase(folded) || GenericVocabulary.namesAnotherService(folded)
                    || GenericVocabulary.givesAnotherReason(folded) { continue }
                let words = GenericVocabulary.containsAny(folded, GenericVocabulary.timeout) ? "timeout words"
                    : GenericVocabulary.containsAny(folded, GenericVocabulary.deadConnection) ? "dead-connection words" : "neither"
                let right = Self.cause(all.classify(line.message), text: line.message) == line.label
                namesNothing["\(words), label \(line.label), \(right ? "right" : "wrong")", default: 0] += 1
            }
            dump += "lines naming neither a database nor another service (both sets), counted:\n"
                + namesNothing.sorted { $0.key < $1.key }.map { "\($0.value)\t\($0.key)\n" }.joined()
            dump += "held-out misses, counted:\n" + misses.sorted { $0.key < $1.key }.map { "\($0.value)\t\($0.key)\n" }.joined()
            try dump.write(toFile: path, atomically: true, encoding: .utf8)
        }
        // Floors at what this build measures (issue 14 asks 0.95; see the README): a change that
        // loses accuracy on lines nobody read fails here.
        // Session 15 added 25 lines collected blind for five small families (dbcp, spring, pg8000,
        // Go's database/sql; none found for mymysql): they scored 16 of 25 as collected, and the
        // held-out half went from 0.906 to 0.890, then 0.901 with two rules from Go's source.
        #expect(held.accuracy >= 0.90, "\(summary)")
    }

    /// Which of the generic layer's gates a text passes, as words a miss can be counted by.
    static func gates(_ message: String) -> String {
        let folded = SignatureRule.fold(message)
        let passed = [
            ("names another service", GenericVocabulary.namesAnotherService(folded)),
            ("gives another reason", GenericVocabulary.givesAnotherReason(folded)),
            ("about a database", GenericVocabulary.isAboutDatabase(folded)),
            ("timeout words", GenericVocabulary.containsAny(folded, GenericVocabulary.timeout)),
            ("dead-connection words", GenericVocabulary.containsAny(folded, GenericVocabulary.deadConnection)),
        ].filter(\.1).map(\.0)
        return (passed.isEmpty ? "none" : passed.joined(separator: ", ")) + "; \(message.split(separator: "\n").count) lines"
    }

    @Test("accuracy overall, per family and on look-alikes; leave-one-family-out")
    func accuracy() throws {
        let all = ErrorClassifier()
        let overall = Self.scores(Self.lines, by: { _ in "all" }, classifier: all)["all"]!
        let database = Self.lines.filter { $0.label != "unclassified" }
        let lookalikes = Self.scores(Self.lines.filter { $0.label == "unclassified" }, by: { _ in "all" }, classifier: all)["all"]!
        let families = Self.scores(database, by: \.family, classifier: all)
        var table = "family | lines | accuracy | leave-one-family-out\n"
        var leaveOneOut: [Double] = []
        for (family, score) in families.sorted(by: { $0.key < $1.key }) {
            var cell = "-"
            if Self.ownEntries[family] != nil {
                let without = Self.scores(database.filter { $0.family == family }, by: \.family, classifier: Self.classifier(without: family))[family]!
                leaveOneOut.append(without.accuracy)
                cell = String(format: "%.2f", without.accuracy)
            }
            table += "\(family) | \(score.total) | \(String(format: "%.2f", score.accuracy)) | \(cell)\n"
        }
        let meanLeaveOneOut = leaveOneOut.reduce(0, +) / Double(max(leaveOneOut.count, 1))
        let summary = String(format: "overall %.3f (%d/%d); look-alikes held unclassified %.3f (%d/%d); leave-one-family-out mean %.3f over %d families",
                             overall.accuracy, overall.right, overall.total, lookalikes.accuracy, lookalikes.right, lookalikes.total,
                             meanLeaveOneOut, leaveOneOut.count)
        print("real-world errors: " + summary + "\n" + table)
        if let path = ProcessInfo.processInfo.environment["PROXYLENS_REAL_WORLD_REPORT"] {
            try (summary + "\n\n" + table).write(toFile: path, atomically: true, encoding: .utf8)
        }
        // Floors at what this build measures; issue 14's targets (overall 0.95, no family below
        // 0.8, look-alikes 0.95) are not met, and the families below 0.8 are printed above. The
        // look-alikes met 0.95 (106/111) until session 15's blind lines for small families added 15
        // more, 10 of them held (0.921, then 0.929 with Go's closed handle as another reason).
        // Session 16: EF Core's retry wrappers carry no cause of their own (its transient detectors
        // retry deadlocks, throttling and unavailable databases too), 0.938 → 0.940, look-alikes
        // 0.929 → 0.937; the held-out half's miss counts named the entry, EF Core's source decided.
        #expect(overall.accuracy >= 0.939, "\(summary)")
        #expect(lookalikes.accuracy >= 0.935, "\(summary)")
        // Session 18: the generic layer reads error identifiers spelled out (postgres.js's
        // `write CONNECTION_CLOSED`), 0.800 → 0.811; nothing else moved.
        #expect(meanLeaveOneOut >= 0.805, "\(summary)")
    }

    @Test("the fresh set (never seen by anyone writing rules): accuracy overall, on look-alikes, per label")
    func freshSet() throws {
        #expect(Self.fresh.count >= 200)
        #expect(Set(Self.fresh.map(\.source)).isDisjoint(with: Set(Self.lines.map(\.source))))
        let all = ErrorClassifier()
        let overall = Self.scores(Self.fresh, by: { _ in "all" }, classifier: all)["all"] ?? Score()
        let byLabel = Self.scores(Self.fresh, by: \.label, classifier: all)
        let lookalikes = byLabel["unclassified"] ?? Score()
        let database = Self.fresh.filter { $0.label != "unclassified" }
        let families = Self.scores(database, by: \.family, classifier: all)
        let summary = String(format: "fresh set overall %.3f (%d/%d); look-alikes held unclassified %.3f (%d/%d); ", overall.accuracy, overall.right,
                             overall.total, lookalikes.accuracy, lookalikes.right, lookalikes.total)
            + byLabel.sorted { $0.key < $1.key }.map { String(format: "%@ %.3f (%d/%d)", $0.key, $0.value.accuracy, $0.value.right, $0.value.total) }
                .joined(separator: ", ")
            + String(format: "; %d of %d database families at 0.8 or more", families.values.filter { $0.accuracy >= 0.8 }.count, families.count)
        print("real-world errors: " + summary)
        if let path = ProcessInfo.processInfo.environment["PROXYLENS_REAL_WORLD_FRESH"] {
            try summary.write(toFile: path, atomically: true, encoding: .utf8)
        }
        // A floor just under what this build measures: a change that loses accuracy on lines no
        // rule author read fails here.
        #expect(overall.accuracy >= Self.freshFloor, "\(summary)")
    }

    /// The fresh set measured 0.862 (181/210) when it was added, with the rules of that day;
    /// 0.890 (187/210) after issue 14's rules from the drivers' and other clients' sources, and
    /// still after its third and fourth passes.
    static let freshFloor = 0.885
}
