import CSupport

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

    /// One code (all its catalogue entries), with the byte patterns it is read in.
    struct Prepared {
        var code: String
        var entries: [CatalogueEntry]
        /// (before, code, after) as folded bytes; a side that is empty needs a word boundary.
        var shapes: [(before: [UInt8], needle: [UInt8], after: [UInt8])]
        /// For a number whose entries qualify it with a pattern (`[2002] *timed out*`: mysqlnd's
        /// CR_CONNECTION_ERROR is a timeout only when the OS error says so): the folded needles
        /// of each entry, one of which must occur in order. Empty: the code alone counts.
        var qualifiers: [[[UInt8]]] = []
    }

    static let defaultPrepared = prepare(DriverCatalogue.codeEntries)

    /// Codes whose text is a bare number are read only in a context; names (ER_*, ORA-*, errno
    /// names) stand alone wherever they occur as a whole word.
    static func prepare(_ entries: [CatalogueEntry]) -> [Prepared] {
        var byCode: [String: [CatalogueEntry]] = [:]
        for entry in entries { byCode[entry.driver + "\u{1f}" + entry.text, default: []].append(entry) }
        var prepared: [Prepared] = []
        for (key, group) in byCode.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\u{1f}", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (kind, code) = (parts[0], SignatureRule.fold(parts[1]))
            let numeric = code.allSatisfy { $0.isNumber || $0 == "-" }
            let needsContext = numeric || kind == "codes:sqlstate"
            let shapes = (needsContext ? (contexts[kind] ?? []) : [("", "")]).filter { !needsContext || !($0.0.isEmpty && $0.1.isEmpty) }
            // A bare number says too little for its entries' qualifiers to be dropped; names
            // (errno names, ER_*) are whole words and stand alone.
            let qualifiers = numeric && group.allSatisfy({ !$0.pattern.isEmpty }) ? group.map { $0.needles.map { Array($0.utf8) } } : []
            prepared.append(Prepared(code: parts[1], entries: group,
                                     shapes: shapes.map { (Array($0.0.utf8), Array((($0.0) + code + ($0.1)).utf8), Array($0.1.utf8)) },
                                     qualifiers: qualifiers))
        }
        return prepared
    }

    static func find(in folded: String, prepared: [Prepared] = defaultPrepared) -> [Found] {
        let bytes = Array(folded.utf8)
        let found = prepared.filter { code in
            code.shapes.contains { occurs($0.needle, before: $0.before, after: $0.after, in: bytes) }
                && (code.qualifiers.isEmpty || code.qualifiers.contains { ErrorClassifier.containsInOrder(bytes, $0) })
        }
        // A code inside a longer one found in the same place says less: `read ETIMEDOUT` (an
        // open connection's read, dead) is what the text says, not the bare `ETIMEDOUT`.
        let codes = found.map { SignatureRule.fold($0.code) }
        return found.enumerated().filter { index, _ in
            !codes.enumerated().contains { other, code in other != index && code.count > codes[index].count && code.contains(codes[index]) }
        }.map { Found(code: $0.element.code, entries: $0.element.entries) }
    }

    /// Whether the needle occurs with word boundaries on the sides whose context is empty.
    static func occurs(_ needle: [UInt8], before: [UInt8], after: [UInt8], in text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, !needle.isEmpty else { return false }
            var from = 0
            while from <= haystack.count,
                  let hit = needle.withUnsafeBufferPointer({ proxylens_memmem(base + from, haystack.count - from, $0.baseAddress, $0.count) }) {
                let start = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                let end = start + needle.count
                let startOK = !before.isEmpty || start == 0 || !isWordByte(haystack[start - 1])
                let endOK = !after.isEmpty || end == haystack.count || !isWordByte(haystack[end])
                if startOK && endOK { return true }
                from = start + 1
            }
            return false
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte == 0x5f || byte >= 0x80
    }

}
