import Foundation

/// A folder of named `.sql` files bundled with the build: SQL kept as a source a person reads and
/// runs by hand with sqlite3 (parameters as `:name`), not as strings inside Swift. Each file is
/// read once per run.
public struct SQLFolder: Sendable {
    /// The folder's resource name in the bundle.
    public let resource: String

    /// The write, derive and classify statements (`Store/statements/`).
    public static let statements = SQLFolder(resource: "statements")
    /// The report's queries (`Report/queries/`).
    public static let queries = SQLFolder(resource: "queries")

    private static let cache = SQLFileCache()

    /// The text of `name.sql`.
    public func sql(_ name: String) throws -> String {
        try Self.cache.text(resource, name) {
            guard let url = Bundle.module.url(forResource: resource, withExtension: nil)?.appendingPathComponent("\(name).sql"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ProxyLensError(.database, "\(resource)/\(name).sql", "missing from this build")
            }
            return text
        }
    }

    /// Every file's name, without `.sql`, in name order.
    public var names: [String] {
        guard let url = Bundle.module.url(forResource: resource, withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return files.filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
    }
}
