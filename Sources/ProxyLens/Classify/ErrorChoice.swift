import Foundation

/// Which of a failed invocation's lines carries its error (`invocation_error_line`): the most
/// specific database error it logged, whichever line carried it. A line a layer of
/// `ErrorClassifier` names as a database failure beats any other, then a line about a database;
/// among equals the last (nearest the failure) wins. When no line is about a database, the
/// runtime's own account stands (what deriving found), else the runtime's error records, else
/// the errors the application logged.
struct ErrorChoice {
    struct Line {
        var eventId: Int64
        var kind: String
        var message: String
    }

    /// How specific a line is; higher wins.
    enum Specificity: Int, Comparable {
        case none = 0
        /// An error the application logged at an error level, or a line with no layout.
        case logged = 1
        /// The runtime's own error record (unhandled error, exit, timeout line).
        case runtimeRecord = 2
        /// About a database, though no layer names a cause (`sql: transaction has already been
        /// committed or rolled back`).
        case databaseRelated = 3
        /// A layer of `ErrorClassifier` names it as a database (or proxy) failure.
        case databaseSignature = 4

        static func < (a: Specificity, b: Specificity) -> Bool { a.rawValue < b.rawValue }
    }

    let rules: RuleSet
    let classifier: ErrorClassifier

    init(rules: RuleSet) {
        self.rules = rules
        classifier = ErrorClassifier(rules: rules)
    }

    /// The text of a line as error text: a JSON record's message and error as `JSONErrorRecord`
    /// reads them (after a Go `log` prefix, if any); an application line's message (the Node
    /// runtime's error JSON in it read the same way); else the line.
    static func readable(_ message: String) -> String {
        var text = message.trimmingWhitespaceAndNewlines()
        // Go's log package: `2026/03/14 10:20:19 {…}`. Looked for on the bytes, in the prefix
        // only: this runs for every line a failed invocation may carry its error on.
        let bytes = text.utf8
        if bytes.count > 20, let first = bytes.first, first >= 0x30, first <= 0x39,
           let brace = bytes.prefix(28).firstIndex(of: UInt8(ascii: "{")) {
            text = String(text[brace...])
        }
        if text.hasPrefix("{"), let record = JSONErrorRecord.standard.text(of: text) { return record }
        // awslambdaric writes an error's lines joined by `\r` when it logs to stdout
        // (bootstrap.py StandardLogSink.log_error, ERROR_LOG_LINE_TERMINATE), so the Python
        // runtime's JSON error record can follow a line of its own in one event (the managed
        // runtime's `LAMBDA_WARNING: Unhandled exception…` banner).
        if let json = Self.recordAfterCarriageReturn(text), let record = JSONErrorRecord.standard.text(of: String(json)) {
            return record
        }
        // A runtime's tab-separated layout (`<ts>\t<id>\t<level>\t…`, `[LEVEL]\t<ts>\t<id>\t…`) has
        // its three tabs on the first line; other tabs are a stack trace's indentation. Its body
        // may be the Node runtime's `Invoke Error \t{…}` or a JSON logger's record.
        let firstLine = text.utf8.prefix { $0 != 0x0a }
        guard firstLine.filter({ $0 == 0x09 }).count >= 3 else { return text }
        let body = ErrorText.body(ofAppLine: message)
        return JSONErrorRecord.standard.text(of: body) ?? body
    }

    /// What follows the first `\r{` of the text, found on the bytes (Foundation's search of a
    /// String cost a twentieth of classifying).
    static func recordAfterCarriageReturn(_ text: String) -> Substring? {
        let bytes = text.utf8
        var from = bytes.startIndex
        while let carriageReturn = bytes[from...].firstIndex(of: 0x0d) {
            let next = bytes.index(after: carriageReturn)
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "{") { return text[next...] }
            from = next
        }
        return nil
    }

    func specificity(_ line: Line, text: String, foldedContext: String) -> Specificity {
        if let verdict = classifier.classify(text, foldedContext: foldedContext), verdict.signal != .outOfMemory { return .databaseSignature }
        if GenericVocabulary.isAboutDatabase(SignatureRule.fold(text)) { return .databaseRelated }
        switch line.kind {
        case LineKind.appError.rawValue, LineKind.runtimeExit.rawValue, LineKind.timeout.rawValue: return .runtimeRecord
        default: return .logged
        }
    }

    /// The line to classify by, with its readable text; nil when the invocation's own error
    /// (from deriving) should stand.
    /// `texts`: each line's `readable` text, in the order of `lines`.
    func choose(_ lines: [Line], texts: [String], hasOwnError: Bool) -> (line: Line, text: String)? {
        var best: (line: Line, text: String, specificity: Specificity)?
        // Folded once: every line is read against all of them.
        let foldedContext = SignatureRule.fold(texts.joined(separator: "\n"))
        for (line, text) in zip(lines, texts) {
            let specificity = specificity(line, text: text, foldedContext: foldedContext)
            if best == nil || specificity >= best!.specificity { best = (line, text, specificity) }
        }
        guard let best else { return nil }
        if hasOwnError && best.specificity < .databaseRelated { return nil }
        return (best.line, best.text)
    }
}
