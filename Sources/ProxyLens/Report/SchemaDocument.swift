import Foundation

/// The documented schema: the migrations (whose comments document every table and column) and
/// the names of the report queries.
public enum SchemaDocument {
    public static func text() throws -> String {
        var out = "-- proxylens schema, version \(Migrator.latestVersion). Times are integer milliseconds UTC; *_iso views show ISO-8601.\n\n"
        for migration in try Migrator.bundled() {
            out += "-- ==== \(migration.name).sql ====\n" + migration.sql + "\n"
        }
        out += "-- ==== report queries (Report/queries/*.sql; run them with sqlite3 after .param set) ====\n"
        for name in SQLFolder.queries.names { out += "--   \(name)\n" }
        return out
    }
}
