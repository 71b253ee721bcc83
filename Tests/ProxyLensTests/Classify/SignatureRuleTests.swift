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

    @Test("a token masked on bytes is masked as by Characters: words, numbers, ids, addresses, hex and random tokens")
    func tokenClassesAgree() {
        var tokens = ["timeout", "10.0.12.27:64557", "10.0.12.27", "1.2.3.4.", "1..2.3.4", ":1.2.3.4", "::1.2.3", "a.b.c.d", "1.2.3.4:x",
                      "0x", "0x1f", "0xzz", "12345", "12.5", "-3", "12:30:01.", "deadbeef42", "dead-beef-0042", "ord_TmBHcFEN67c5",
                      "in_KGcF", "abcde_fghij", "_abcdef", "v2.3.1", "a1b2c3", "2026/03/14/[", "$LATEST", "..", ".", ":", ",",
                      "8f5a1c2e-0000-4000-8000-000000000001", "8F5A1C2E-ABCD-4000-8000-00000000000G", "abcdefab-abcd-abcd-abcd-abcdefabcdef.",
                      "8f5a1c2e-0000-4000-8000-0000000000011", "8f5a1c2e0000-4000-8000-0000000000011", "", "a", "7"]
        // Random tokens over the characters a token may hold, weighted towards the ones the tests look at.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789abcdefxyzABCDEF_.:-/$,".utf8)
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...40, using: &generator)
            tokens.append(String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self))
        }
        for token in tokens {
            var copy = token
            let byBytes = copy.withUTF8 { Fingerprint.classifyASCII($0) }
            #expect(byBytes == Fingerprint.classify(token), "\(token)")
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

    /// The markers read the plain way: every entry at every word start, the first that matches.
    static func referenceEffect(_ line: String) -> Int {
        TransactionMarkers.entry(for: line)?.effect ?? 0
    }

    @Test("transaction markers: every example is matched by its own entry and no earlier one, with that entry's effect, on both paths")
    func transactionMarkerExamples() {
        var seen = Set<String>()
        for (index, marker) in TransactionMarkers.all.enumerated() {
            #expect(!marker.examples.isEmpty && !marker.source.isEmpty, "\(marker.text)")
            #expect(seen.insert("\(marker.text)|\(marker.match)").inserted, "\(marker.text) twice")
            for example in marker.examples {
                let first = TransactionMarkers.all.firstIndex { $0.matches(example) }
                #expect(first == index, "\(example.debugDescription) is matched by \(first.map { TransactionMarkers.all[$0].text } ?? "nothing"), not \(marker.text)")
                #expect(TransactionMarkers.effect(of: example) == marker.effect, "\(example.debugDescription)")
            }
        }
        // Every begin comes before every end: a line holding both began a transaction.
        let lastBegin = TransactionMarkers.all.lastIndex { $0.effect == 1 } ?? 0
        let firstEnd = TransactionMarkers.all.firstIndex { $0.effect == -1 } ?? 0
        #expect(lastBegin < firstEnd)
    }

    @Test("transaction markers: a statement BEGIN stands alone and in upper case; prose and certificates are not transactions")
    func statementBegin() {
        #expect(TransactionMarkers.effect(of: "prisma:query BEGIN") == 1)
        #expect(TransactionMarkers.effect(of: "(0.000) BEGIN; args=None; alias=default") == 1)
        #expect(TransactionMarkers.effect(of: "-----BEGIN CERTIFICATE-----") == 0)
        #expect(TransactionMarkers.effect(of: "begin processing batch 7") == 0)
        #expect(TransactionMarkers.effect(of: "Begin") == 0)
        #expect(TransactionMarkers.effect(of: "BEGINNING") == 0)
        #expect(TransactionMarkers.effect(of: "SUBEGIN") == 0)
        #expect(TransactionMarkers.effect(of: "prisma:query BEGIN\nprisma:query COMMIT") == 1, "a begin wins wherever it is")
    }

    @Test("transaction markers: the anchored search agrees with trying every marker at every word start")
    func transactionMarkersAgree() throws {
        #expect(TransactionMarkers.markersByAnchor.map(\.count).reduce(0, +) == TransactionMarkers.all.count)
        // Every message of the sample incident, then marker pieces, near misses and separators.
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident")], into: database)
        var lines = try database.rows("SELECT message FROM event").map { $0[0].string ?? "" }
        #expect(lines.count > 2900)
        // Joined at random, with a fixed seed.
        let pieces = ["begin", "Begin", "BEGIN ", "transaction", "TRANSACTION", " tran", "tran", "commit", "COMMIT", "Committed",
                      "roll", "rollback", "Rolled back", "rolled  back", "start", "starting ", "opened", "end", "complete", "finished",
                      "begun", "started", " ", "  ", "_", "-", ".", ":", "\t", "\n", "x", "pre", "un", "é", "ü", "0", "BeginTransaction()",
                      "end transaction", "transaction complete", "begin tran", "trans", "comm", "rol",
                      "BEGIN", "BEGIN;", " BEGIN", "begi", "BEG", "(implicit)", "begin (implicit)", ";", "\r", "setAutoCommit = false",
                      "to manual commit", "Starting top level transaction", "Began transaction with isolation level", "Creating new transaction with name",
                      "Rolling back", "-----BEGIN CERTIFICATE-----"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<8_000 {
            var line = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(1 + Int(state >> 60)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                line += pieces[Int(state >> 33) % pieces.count]
            }
            lines.append(line)
        }
        var disagreements: [String] = []
        for line in lines where TransactionMarkers.effect(of: line) != Self.referenceEffect(line) { disagreements.append(line) }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(lines.filter { Self.referenceEffect($0) == 1 }.count > 500 && lines.filter { Self.referenceEffect($0) == -1 }.count > 500)
    }
}
