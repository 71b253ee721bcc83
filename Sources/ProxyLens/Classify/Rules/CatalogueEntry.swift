import Foundation

/// One entry of the driver catalogue (`Rules/Catalogue/<language>.ndjson`): what a driver, ORM
/// or pool raises or prints for one failure, read from its own source. Entries whose driver is
/// `codes:<kind>` are error codes (`ErrorCodes`); the rest are matched as text.
struct CatalogueEntry: Decodable, Sendable {
    var driver: String
    var language: String
    /// dead-connection, statement-timeout, connect-timeout, login-timeout, pool-acquire-timeout.
    var category: String
    var label: String
    /// The literal text the driver prints.
    var text: String
    /// The same with `*` where the driver formats a value ("" when `text` is whole).
    var pattern: String
    var exception: String
    /// The source file (and URL) the text comes from.
    var source: String
    var example: String

    var isCode: Bool { driver.hasPrefix("codes:") }

    /// What the category signals.
    var signal: ErrorSignal {
        switch category {
        case "dead-connection": return .staleConnection
        case "statement-timeout": return .queryTimeout
        default: return .connectionTimeout
        }
    }

    /// The folded pieces that must all occur, in order.
    var needles: [String] {
        let pieces = (pattern.isEmpty ? text : pattern).split(separator: "*").map { SignatureRule.fold(String($0)).trimmingCharacters(in: .whitespaces) }
        return pieces.filter { !$0.isEmpty }
    }
}

/// The catalogue, as shipped in the bundle.
enum DriverCatalogue {
    static let entries: [CatalogueEntry] = {
        guard let folder = Bundle.module.url(forResource: "Catalogue", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var entries: [CatalogueEntry] = []
        let decoder = JSONDecoder()
        for file in files.sorted() where file.hasSuffix(".ndjson") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where !line.isEmpty {
                if let entry = try? decoder.decode(CatalogueEntry.self, from: Data(line.utf8)) { entries.append(entry) }
            }
        }
        return entries
    }()

    static let textEntries: [CatalogueEntry] = entries.filter { !$0.isCode }
    static let codeEntries: [CatalogueEntry] = entries.filter(\.isCode)
}
