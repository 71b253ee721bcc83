/// What labels are made from besides the data: the signatures, the confidences, the line
/// formats and the transaction markers. Labels are current when the fingerprint they were made
/// with equals this build's (with the derived tables' version): editing any rule's needles,
/// signal, order or confidence re-labels at the next `analyze`, never a count of rules.
struct RuleSet: Sendable {
    var signatures: [SignatureRule]
    var confidences: [(String, Double)] = Confidence.all

    /// This build's rules.
    static let current = RuleSet(signatures: SignatureRule.all)

    /// Bumped by hand when the correlation code (not its data) changes what a label would be.
    static let correlationRevision = 2

    /// A hash of everything above, as hex.
    var fingerprint: String {
        var text = "correlation \(Self.correlationRevision)\n"
        for rule in signatures {
            text += "rule \(rule.name)|\(rule.driver)|\(rule.signal.rawValue)|\(rule.tolerant)|\(rule.needles.joined(separator: "\u{1f}"))\n"
        }
        for (name, value) in confidences { text += "confidence \(name)=\(value)\n" }
        for format in LineFormat.all { text += "format \(format.name)|\(format.startsWith)|\(format.examples.joined(separator: "\u{1f}"))\n" }
        for entry in DriverCatalogue.entries { text += "catalogue \(entry.driver)|\(entry.category)|\(entry.text)|\(entry.pattern)\n" }
        text += "vocabulary \([GenericVocabulary.deadConnection, GenericVocabulary.timeout, GenericVocabulary.poolExhausted, GenericVocabulary.notACause, GenericVocabulary.acquirePhase, GenericVocabulary.connectPhase, GenericVocabulary.queryPhase, GenericVocabulary.databaseContext, GenericVocabulary.otherServices, GenericVocabulary.databaseDrivers, GenericVocabulary.refusedConnection, GenericVocabulary.readOfEstablishedConnection, GenericVocabulary.establishingConnection, GenericVocabulary.unresolvedName, GenericVocabulary.serverNamesOtherReason, GenericVocabulary.applicationBudget, GenericVocabulary.runtimeErrorTexts, GenericVocabulary.poolRefusesWithoutWaiting, ErrorClassifier.pythonSocketTimeout].map { $0.joined(separator: "\u{1f}") }.joined(separator: "|"))\n"
        text += "markers \(TransactionMarkers.all.map { "\($0.text)|\($0.effect)|\($0.match)" }.joined(separator: "\u{1f}"))\n"
        return String(MessageHash.fnv(text.utf8), radix: 16)
    }

    /// The first signature matching `text`.
    func match(_ text: String) -> SignatureRule? {
        let folded = SignatureRule.fold(text)
        return signatures.first { $0.matches(text, folded: folded) }
    }
}
