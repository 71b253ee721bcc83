import Foundation
import Testing

/// The stages of `Sources/ProxyLens` name each other one way only (ARCHITECTURE.md): a file may
/// name the types of its own folder and of the folders listed for it, nothing else. Read from
/// the sources themselves, so a new wrong-way reference fails here, naming file and type.
@Suite struct ArchitectureTests {
    /// Top folder → the folders whose types it may name besides its own.
    static let allowed: [String: Set<String>] = [
        "Support": [],
        "Model": ["Support"],
        // Bytes → events; it hands events to a sink declared in Model and knows no database.
        "Ingest": ["Model", "Support"],
        // The SQLite owner: it stores what Model describes and knows no stage.
        "Store": ["Model", "Support"],
        "Derive": ["Model", "Support", "Store", "Ingest"],
        "Classify": ["Model", "Support", "Store", "Ingest", "Derive"],
        "Report": ["Model", "Support", "Store", "Ingest", "Derive", "Classify"],
        // The library-level commands (ingest then derive, analyze) wire the stages together.
        "Pipeline": ["Model", "Support", "Store", "Ingest", "Derive", "Classify", "Report"],
    ]

    static let sources = Fixture.root.appendingPathComponent("Sources/ProxyLens")

    /// Every Swift file under a top folder, as (folder, relative path, text).
    static func files() throws -> [(folder: String, path: String, text: String)] {
        var result: [(String, String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let folder = String(relative.split(separator: "/").first ?? "")
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            result.append((folder, relative, text))
        }
        return result.sorted { $0.1 < $1.1 }
    }

    /// The text without comments and string literals (roughly: enough for type names).
    static func code(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(line)
            if let comment = line.range(of: "//") { line = line[..<comment.lowerBound] }
            var inString = false
            var previous: Character = " "
            for character in line {
                if character == "\"" && previous != "\\" { inString.toggle(); previous = character; continue }
                if !inString { out.append(character) }
                previous = character
            }
            out.append("\n")
        }
        return out
    }

    static func identifiers(_ code: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        for character in code {
            if character.isLetter || character.isNumber || character == "_" { current.append(character) } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
        }
        return names
    }

    /// Top-level types each folder declares.
    static func declaredTypes(_ files: [(folder: String, path: String, text: String)]) -> [String: String] {
        var owner: [String: String] = [:]
        let keywords: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "actor"]
        for file in files {
            for line in file.text.split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("\t") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "(" || $0 == "=" })
                guard let index = words.firstIndex(where: { keywords.contains(String($0)) }), index + 1 < words.count else { continue }
                owner[String(words[index + 1])] = file.folder
            }
        }
        return owner
    }

    @Test func stagesNameEachOtherOneWayOnly() throws {
        let files = try Self.files()
        let owner = Self.declaredTypes(files)
        var wrong: [String] = []
        for file in files {
            guard let allowed = Self.allowed[file.folder] else {
                wrong.append("\(file.path): folder \(file.folder) is not in ArchitectureTests.allowed")
                continue
            }
            for name in Self.identifiers(Self.code(file.text)).sorted() {
                guard let folder = owner[name], folder != file.folder, !allowed.contains(folder) else { continue }
                wrong.append("\(file.path) names \(folder)'s \(name)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    /// The checker itself finds a wrong-way reference (so the test above can fail).
    @Test func theCheckerSeesAWrongWayReference() {
        let owner = ["Database": "Store", "LineFormat": "Ingest"]
        let names = Self.identifiers(Self.code("let x = Database.open() // LineFormat\nlet s = \"LineFormat\""))
        #expect(names.contains("Database"))
        #expect(!names.contains("LineFormat"))
        #expect(owner["Database"] == "Store")
    }
}
