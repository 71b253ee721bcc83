import Foundation

/// Applies `migrations/NNNN_verb_noun.sql` in name order, each once, each in its own transaction,
/// recording it in `schema_migration`. Shipped migrations are never edited; changes are new files.
struct Migrator {
    let database: Database

    struct Migration {
        var version: Int
        var name: String
        var sql: String
    }

    /// Every migration bundled with this build, in order.
    static func bundled() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "migrations", withExtension: nil) else {
            throw ProxyLensError(.database, "migrations", "the bundled schema migrations are missing from this build")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try names.map { name in
            guard let version = Int(name.prefix { $0.isNumber }) else {
                throw ProxyLensError(.database, name, "migration file names must start with a number")
            }
            let sql = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return Migration(version: version, name: String(name.dropLast(4)), sql: sql)
        }
    }

    static var latestVersion: Int { (try? bundled().last?.version) ?? 0 }

    func currentVersion() throws -> Int {
        let exists = try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'")
        guard exists.int == 1 else { return 0 }
        return Int(try database.scalar("SELECT max(version) FROM schema_migration").int ?? 0)
    }

    func migrate() throws {
        let migrations = try Migrator.bundled()
        let latest = migrations.last?.version ?? 0
        let current = try currentVersion()
        if current > latest {
            throw ProxyLensError(.database, database.path, "this database was made by a newer proxylens (schema version \(current), this build knows \(latest)); upgrade proxylens or use another --db")
        }
        if current == latest { return }
        if current == 0 { try refuseForeign() }
        try database.execute("""
            CREATE TABLE IF NOT EXISTS schema_migration (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at INTEGER NOT NULL
            )
            """)
        for migration in migrations where migration.version > current {
            try database.transaction {
                // Another process may have applied it while we waited for the lock.
                let applied = try database.scalar("SELECT count(*) FROM schema_migration WHERE version = ?", [.integer(Int64(migration.version))])
                if applied.int == 1 { return }
                try database.execute(migration.sql)
                try database.statement("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)")
                    .run([.integer(Int64(migration.version)), .text(migration.name), .integer(Int64(Date().timeIntervalSince1970 * 1000))])
            }
        }
    }

    /// A SQLite file with tables of its own and no proxylens schema is someone else's: it is
    /// never changed (not even a `schema_migration` table added).
    func refuseForeign() throws {
        let names = try database.rows("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 4").compactMap { $0.first?.string }
        // Another proxylens may be creating the schema at this moment: its `schema_migration`
        // table comes first (looked up by name: in a list of a few names sorted, it is not).
        let ours = try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").int == 1
        guard !names.isEmpty, !ours else { return }
        throw ProxyLensError(.database, database.path, "not a proxylens database (it holds \(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : "")); left unchanged, use another --db")
    }

    /// For read-only opens: the schema must exist and not be newer than this build.
    func checkReadable() throws {
        let current = try currentVersion()
        let latest = Migrator.latestVersion
        if current == 0 {
            try refuseForeign()
            throw ProxyLensError(.database, database.path, "not a proxylens database (no schema); run `proxylens ingest` first")
        }
        if current > latest {
            throw ProxyLensError(.database, database.path, "this database was made by a newer proxylens (schema version \(current), this build knows \(latest))")
        }
        if current < latest {
            throw ProxyLensError(.database, database.path, "this database was made by an older proxylens (schema version \(current)); run `proxylens classify --db \(database.path)` to upgrade it (it opens the database writable, as ingest and analyze do)")
        }
    }
}
