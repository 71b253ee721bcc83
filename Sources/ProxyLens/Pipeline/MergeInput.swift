import Foundation

/// One database given to `merge`: checked before anything is written, and never changed. One
/// made by an older proxylens, or hashing messages with another function than the output, is
/// merged from a temporary copy brought up to date (migrated, messages hashed again), so that
/// its events meet the output's under one dedupe key.
struct MergeInput {
    let path: String
    /// Its schema version (at most this build's).
    let version: Int
    let messageHash: MessageHash

    /// Checks that `path` is a proxylens database this build can read, without writing to it:
    /// a journal left beside it by a run that stopped mid-write is refused (rolling it back
    /// would change the file).
    static func check(_ path: String) throws -> MergeInput {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ProxyLensError(.input, path, "no such database")
        }
        if isFolder.boolValue { throw ProxyLensError(.input, path, "is a folder, not a proxylens database") }
        for suffix in ["-journal", "-wal"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.intValue ?? 0
            if size > 0 {
                throw ProxyLensError(.input, path, "\(path)\(suffix) was left by a run that stopped mid-write (or one is writing now); merge leaves its inputs unchanged, so open it writable once first: `proxylens classify --db \(path)`")
            }
        }
        let database: Database
        let version: Int
        do {
            database = try Database(path: path, readOnly: true, migrate: false, checkSchema: false)
            version = try Migrator(database: database).currentVersion()
        } catch let error as ProxyLensError {
            throw ProxyLensError(.input, path, "not a proxylens database (\(error.reason))")
        }
        let latest = Migrator.latestVersion
        if version == 0 {
            try Migrator(database: database).refuseForeign()
            throw ProxyLensError(.input, path, "not a proxylens database (it is empty)")
        }
        if version > latest {
            throw ProxyLensError(.input, path, "this database was made by a newer proxylens (schema version \(version), this build knows \(latest)); merge with that proxylens")
        }
        return MergeInput(path: path, version: version, messageHash: try MessageHash.used(by: database))
    }

    /// Whether it can be attached as it is to an output hashing messages with `hash`.
    func isReady(for hash: MessageHash) -> Bool {
        version == Migrator.latestVersion && messageHash == hash
    }

    /// Copies it to `copy`, migrates the copy and hashes its messages with `hash`.
    func prepare(at copy: String, hash: MessageHash) throws {
        do {
            try FileManager.default.copyItem(atPath: path, toPath: copy)
        } catch {
            throw ProxyLensError(.database, path, "cannot copy it to bring it up to date (\(copy)): \(error.localizedDescription)")
        }
        let database = try Database(path: copy)
        try database.execute("PRAGMA synchronous = OFF")
        guard try MessageHash.used(by: database) != hash else { return }
        try database.transaction {
            // The output builds its own index; this one would only be kept up to date for nothing.
            try database.execute("DROP INDEX IF EXISTS event_dedupe")
            let rows = try database.prepare("SELECT id, message FROM event")
            let update = try database.statement("UPDATE event SET msg_hash = ? WHERE id = ?")
            while try rows.step() {
                let value = rows.textBytes(1).map { hash.of($0) } ?? hash.of(UnsafeBufferPointer(start: nil, count: 0))
                try update.run([.integer(Int64(bitPattern: value)), .integer(rows.int(0) ?? 0)])
            }
            try database.statement("INSERT INTO meta (key, value) VALUES ('msg_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .run([.text(hash.rawValue)])
        }
    }
}
