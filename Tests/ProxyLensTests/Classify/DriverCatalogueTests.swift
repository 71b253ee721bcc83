import Foundation
import Testing
@testable import ProxyLens

/// The driver catalogue (`Classify/Rules/Catalogue/*.ndjson`): every entry carries its source and
/// a real example, and the catalogue layer reads each example as its own entry says (its own
/// driver and category, or, where drivers share a text, the same cause).
@Suite("Driver catalogue: each example read by its own entry")
struct DriverCatalogueTests {
    @Test("every entry names its source file and has an example")
    func sourcesAndExamples() {
        let entries = DriverCatalogue.entries
        #expect(entries.count >= 715)
        #expect(entries.allSatisfy { !$0.source.isEmpty && !$0.example.isEmpty })
        #expect(entries.allSatisfy { ["dead-connection", "statement-timeout", "connect-timeout", "login-timeout", "pool-acquire-timeout"].contains($0.category) })
    }

    @Test("each text entry's example is read by the catalogue layer as that entry says")
    func examplesMatchTheirEntries() {
        // Signatures off, so that the catalogue itself is what is checked.
        let classifier = ErrorClassifier(rules: RuleSet(signatures: []))
        var wrong: [String] = []
        // Texts the catalogue lists under more than one cause (the phase in the text decides).
        var labelsByText: [String: Set<String>] = [:]
        for entry in DriverCatalogue.textEntries { labelsByText[SignatureRule.fold(entry.text), default: []].insert(entry.label) }
        for entry in DriverCatalogue.textEntries where entry.needles.reduce(0, { $0 + $1.count }) >= ErrorClassifier.minimumNeedleLength {
            // A short network phrase counts only in a text about a database: the driver's name says so.
            let verdict = classifier.classify(entry.example, context: "database driver \(entry.driver)")
            let own = verdict?.rule.hasPrefix("catalogue:\(entry.driver)/\(entry.category)") == true
            let cause = verdict.map { RealWorldErrorTests.cause($0, text: entry.example) }
            let sameCause = cause == entry.label
            let shared = (labelsByText[SignatureRule.fold(entry.text)]?.count ?? 0) > 1
                && (verdict?.signal == .ambiguousTimeout || labelsByText[SignatureRule.fold(entry.text)]?.contains(cause ?? "") == true)
            if !(own || sameCause || shared) {
                wrong.append("\(entry.driver) \(entry.category) \"\(entry.text.prefix(50))\" → \(verdict?.rule ?? "nothing")")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) examples:\n\(wrong.joined(separator: "\n"))")
    }

    @Test("each code entry's example is read as a code of its kind, or by a text entry of the same cause")
    func codeExamples() {
        let classifier = ErrorClassifier(rules: RuleSet(signatures: []))
        var wrong: [String] = []
        var labelsByCode: [String: Set<String>] = [:]
        for entry in DriverCatalogue.codeEntries { labelsByCode[entry.driver + entry.text, default: []].insert(entry.label) }
        for entry in DriverCatalogue.codeEntries {
            // errno names count only in a text about a database.
            let verdict = classifier.classify(entry.example, context: entry.driver == "codes:errno" ? "database" : "")
            let cause = verdict.map { RealWorldErrorTests.cause($0, text: entry.example) }
            let shared = (labelsByCode[entry.driver + entry.text]?.count ?? 0) > 1 && labelsByCode[entry.driver + entry.text]?.contains(cause ?? "") == true
            if cause != entry.label && !shared && verdict?.signal != .ambiguousTimeout {
                wrong.append("\(entry.driver) \(entry.text) \"\(entry.example.prefix(60))\" → \(verdict?.rule ?? "nothing")")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) examples:\n\(wrong.joined(separator: "\n"))")
    }
}
