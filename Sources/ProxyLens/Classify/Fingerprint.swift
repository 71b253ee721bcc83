/// Masks the parts of an error message that vary between occurrences (ids, numbers, addresses,
/// durations, quoted values) so the unclassified remainder groups by kind of error. Masks are
/// data, applied in order; words are never merged, so "query timeout" and "connection timeout"
/// stay apart.
public enum Fingerprint {
    /// The first meaningful line of an error, masked, at most 160 characters.
    public static func of(_ message: String) -> String {
        var text = ErrorText.body(ofAppLine: message)
        if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) }
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? text
        return String(mask(firstLine).prefix(160))
    }

    static func mask(_ text: String) -> String {
        var out = ""
        var token = ""
        func flush() {
            guard !token.isEmpty else { return }
            out += classify(token)
            token = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" || ch == "." || ch == ":" || ch == "/" || ch == "$" {
                token.append(ch)
            } else {
                flush()
                if ch == "\t" { out.append(" ") } else { out.append(ch) }
            }
        }
        flush()
        return out
    }

    /// One token: kept when it is a word, masked when it carries an identity.
    static func classify(_ token: String) -> String {
        var trailing = ""
        var core = Substring(token)
        while let last = core.last, last == "." || last == ":" || last == "," { trailing = String(last) + trailing; core = core.dropLast() }
        let t = String(core)
        if t.isEmpty { return token }
        let digits = t.filter(\.isNumber).count
        if InputPaths.isUUID(t) { return "<ID>" + trailing }
        if t.split(separator: ".").count == 4, t.split(separator: ":").first.map({ $0.split(separator: ".").allSatisfy { $0.allSatisfy(\.isNumber) } }) == true {
            return "<IP>" + trailing
        }
        if t.hasPrefix("0x"), t.count > 2 { return "<HEX>" + trailing }
        if digits == t.count { return "<NUM>" + trailing }
        if digits > 0, t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" }) { return "<NUM>" + trailing }
        if t.count >= 8, digits >= 2, t.allSatisfy({ $0.isHexDigit || $0 == "-" }) { return "<HEX>" + trailing }
        // ids like ord_TmBHcFEN67c5, in_KGcF…, cus_… : a short prefix, an underscore, a random tail.
        if let underscore = t.firstIndex(of: "_"), t.distance(from: t.startIndex, to: underscore) <= 4,
           t[t.index(after: underscore)...].count >= 5 {
            return String(t[...underscore]) + "<ID>" + trailing
        }
        if digits >= 3 && digits * 3 >= t.count { return "<NUM>" + trailing }
        return token
    }
}
