import Testing
@testable import ProxyLens

/// `OtherClients`: every shape is in its own example, each example (another service's timeout or
/// reset) stays unclassified, and a database cause printed with it still decides.
@Suite("Other clients' error shapes stay unclassified")
struct OtherClientsTests {
    @Test("each shape occurs in its own example, folded")
    func shapesInExamples() {
        let missing = OtherClients.all.filter { !SignatureRule.fold($0.example).contains($0.needle) }
        #expect(missing.isEmpty, "\(missing.map { "\($0.client): \($0.needle)" })")
        #expect(OtherClients.all.allSatisfy { $0.needle == SignatureRule.fold($0.needle) && $0.source.contains("https://") })
    }

    @Test("each example is another service's failure: no layer names a cause")
    func examplesUnclassified() {
        let classifier = ErrorClassifier()
        let classified = OtherClients.all.compactMap { shape in classifier.classify(shape.example).map { "\(shape.client): \($0.rule)" } }
        #expect(classified.isEmpty, "\(classified)")
    }

    @Test("a database driver's own failure printed with the shape still decides")
    func databaseCauseDecides() {
        let classifier = ErrorClassifier()
        let cause = "\nCaused by: org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend."
        let unread = OtherClients.all.filter { classifier.classify($0.example + cause) == nil }
        #expect(unread.isEmpty, "\(unread.map(\.client))")
    }
}
