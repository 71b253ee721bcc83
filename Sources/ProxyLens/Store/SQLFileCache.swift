import Foundation

/// The `.sql` files read so far, by folder and name, shared by every thread of a run.
final class SQLFileCache: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String: String] = [:]

    func text(_ folder: String, _ name: String, read: () throws -> String) throws -> String {
        let key = folder + "/" + name
        if let known = lock.withLock({ texts[key] }) { return known }
        let text = try read()
        lock.withLock { texts[key] = text }
        return text
    }
}
