import Foundation
import Testing
@testable import ProxyLens

@Suite("Signature rules")
struct SignatureRuleTests {
    @Test("every example is matched by its own rule (no rule shadows another)")
    func examplesMatchTheirOwnRule() {
        var names = Set<String>()
        for rule in SignatureRule.all {
            #expect(names.insert(rule.name).inserted, "duplicate rule name \(rule.name)")
            #expect(!rule.examples.isEmpty, "\(rule.name) has no examples")
            for example in rule.examples {
                #expect(SignatureRule.match(example)?.name == rule.name,
                        "example of \(rule.name) matched \(SignatureRule.match(example)?.name ?? "nothing"): \(example.prefix(90))")
            }
        }
    }

    @Test("the same SQLSTATE means different things: HYT00 query vs login timeout")
    func hyt00() {
        #expect(SignatureRule.match("('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Query timeout expired (0) (SQLExecDirectW)')")?.signal == .queryTimeout)
        #expect(SignatureRule.match("('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')")?.signal == .connectionTimeout)
    }

    @Test("fingerprints mask ids and numbers but keep the words that matter")
    func fingerprints() {
        let a = Fingerprint.of("[ERROR] ValueError: invalid order id: 'ord_XZ0Er8!'\nTraceback (most recent call last):")
        let b = Fingerprint.of("[ERROR] ValueError: invalid order id: 'ord_Ab9Qz7!'\nTraceback (most recent call last):")
        #expect(a == b)
        #expect(Fingerprint.of("query timeout after 30 s") != Fingerprint.of("connection timeout after 30 s"))
        #expect(Fingerprint.of("connected from 10.0.12.27:64557 in 1234 ms").contains("<IP>"))
    }

    @Test("the byte-level shortcuts of fold, mask and error bodies give what the Character versions give")
    func byteShortcutsAgree() throws {
        var texts = SignatureRule.all.flatMap(\.examples)
        for folder in ["lines", "errors"] {
            let directory = Fixture.samples(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".ndjson") {
                for record in try String(contentsOfFile: directory + "/" + name, encoding: .utf8).split(separator: "\n") {
                    let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any]
                    if let message = object?["message"] as? String { texts.append(message) }
                }
            }
        }
        // White space and breaks Characters see differently from bytes.
        texts += ["a\r\nb", "  \u{A0}\u{A0}File \"x\"  ", "tab\t\u{301}x", "\u{85}NEL\u{85}", "Ünïcode ID_ab12cd34 at 10.0.0.1:5432",
                  "2024-01-01T00:00:00.000Z\tid\tERROR\t  body \u{A0}", "x\t\u{301}y\tz\tw", "", "\r\n"]
        #expect(texts.count > 200)
        for text in texts {
            #expect(SignatureRule.fold(text) == SignatureRule.foldCharacters(text), "\(text.prefix(60))")
            #expect(Fingerprint.mask(text) == Fingerprint.maskCharacters(text), "\(text.prefix(60))")
            let parts = text.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            let byCharacters = (parts.count == 4 ? String(parts[3]) : text).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.hasPrefix("{") { #expect(ErrorText.body(ofAppLine: text) == byCharacters, "\(text.prefix(60))") }
        }
    }

    @Test("transaction markers: begin, and commit only as a word")
    func transactionMarkers() {
        #expect(TransactionMarkers.effect(of: "Beginning transaction for batch 213799 (IsolationLevel=ReadCommitted)") == 1)
        #expect(TransactionMarkers.effect(of: "db: begin transaction (reserve stock for ord_n42LkVLZfep5)") == 1)
        #expect(TransactionMarkers.effect(of: "db: commit") == -1)
        #expect(TransactionMarkers.effect(of: "calling https://payments.internal.example/charge") == 0)
        #expect(TransactionMarkers.effect(of: "COMMIT") == -1)
        #expect(TransactionMarkers.effect(of: "Rolled Back after error; BEGIN TRAN retry") == 1, "a begin wins wherever it is")
        #expect(TransactionMarkers.effect(of: "transaction committed") == -1)
        #expect(TransactionMarkers.effect(of: "uncommitted read; no rollback") == -1)
        #expect(TransactionMarkers.effect(of: "precommit hook ran; transactional outbox") == 0)
        #expect(TransactionMarkers.effect(of: "end transaction") == -1)
        #expect(TransactionMarkers.effect(of: "trans") == 0)
    }
}
