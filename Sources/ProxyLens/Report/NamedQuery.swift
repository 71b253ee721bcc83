import Foundation

/// Named SQL from `Report/queries/*.sql`, the same files a person can run with sqlite3.
/// The report's queries, `Report/queries/*.sql`.
public enum NamedQuery {
    public static func sql(_ name: String) throws -> String { try SQLFolder.queries.sql(name) }
    public static var names: [String] { SQLFolder.queries.names }
}
