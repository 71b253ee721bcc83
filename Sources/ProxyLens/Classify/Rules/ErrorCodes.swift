/// The codes layer: SQLSTATEs, MySQL client and server errors, SQL Server numbers, Oracle and
/// Prisma codes and errno names, wherever a line carries one, in any wrapper. Which code means
/// what comes from the catalogue's `codes:*` entries (each with its source); this type only
/// knows how each kind of code is written, so that a port, a year or a count is not read as one.
enum ErrorCodes {
    struct Found {
        var code: String
        var entries: [CatalogueEntry]
    }

    /// How codes of each kind appear around the code itself, in folded text: (before, after).
    /// SQLSTATEs are five characters in brackets, parentheses or after "sqlstate"; MySQL and SQL
    /// Server numbers need a word like "error" or "errno" (a bare 2013 could be a year).
    static let contexts: [String: [(String, String)]] = [
        "codes:sqlstate": [("sqlstate[", "]"), ("sqlstate ", ""), ("sqlstate: ", ""), ("sqlstate=", ""), ("state:\"", "\""),
                           ("state: ", ""), ("state=", ""), ("[", "]"), ("('", "'"),
                           ("code: '", "'"), ("code=", ""), ("(", ")"), ("", ": ")],
        "codes:mysql": [("error ", " "), ("error ", ":"), ("error ", ")"), ("errno ", ""), ("errno: ", ""), ("(", ","), ("#", ""),
                        ("[", "]"), ("code: '", "'"), ("code: ", ""), ("sqlstate[hy000] [", "]"), ("", "")],
        "codes:sqlserver": [("error number:", ","), ("error number: ", ","), ("number=", ""), ("error: ", " -"), ("error ", ""),
                            ("sqlerror ", ""), ("(", ")")],
        "codes:errno": [("", "")],
        "codes:oracle": [("", "")],
        "codes:prisma": [("", ":"), ("code: '", "'"), ("code: \"", "\""), ("error code ", "")],
    ]

    /// Codes whose text is a bare number are read only in a context; names (ER_*, ORA-*, errno
    /// names) stand alone wherever they occur as a whole word.
    static func find(in folded: String, entries: [CatalogueEntry] = DriverCatalogue.codeEntries) -> [Found] {
        var byCode: [String: [CatalogueEntry]] = [:]
        for entry in entries { byCode[entry.driver + "\u{1f}" + entry.text, default: []].append(entry) }
        var found: [Found] = []
        for (key, group) in byCode.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\u{1f}", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (kind, code) = (parts[0], SignatureRule.fold(parts[1]))
            let numeric = code.allSatisfy { $0.isNumber || $0 == "-" }
            let shapes: [(String, String)] = numeric || kind == "codes:sqlstate" ? (contexts[kind] ?? []) : [("", "")]
            if shapes.contains(where: { Self.occurs(code, before: $0.0, after: $0.1, in: folded, requireContext: numeric || kind == "codes:sqlstate") }) {
                found.append(Found(code: parts[1], entries: group))
            }
        }
        return found
    }

    /// Whether `before + code + after` occurs with word boundaries where the context is empty.
    static func occurs(_ code: String, before: String, after: String, in text: String, requireContext: Bool) -> Bool {
        if requireContext && before.isEmpty && after.isEmpty { return false }
        let needle = before + code + after
        var from = text.startIndex
        while let range = text.range(of: needle, range: from..<text.endIndex) {
            let startOK = !before.isEmpty || range.lowerBound == text.startIndex || !isWordCharacter(text[text.index(before: range.lowerBound)])
            let endOK = !after.isEmpty || range.upperBound == text.endIndex || !isWordCharacter(text[range.upperBound])
            if startOK && endOK { return true }
            from = range.upperBound
        }
        return false
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
}
