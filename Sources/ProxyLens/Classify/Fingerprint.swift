/// Masks the parts of an error message that vary between occurrences (ids, numbers, addresses,
/// durations, quoted values) so the unclassified remainder groups by kind of error. Masks are
/// data, applied in order; words are never merged, so "query timeout" and "connection timeout"
/// stay apart.
public enum Fingerprint {
    /// The first meaningful line of an error, masked, at most 160 characters.
    public static func of(_ message: String) -> String {
        var text = ErrorText.body(ofAppLine: message)
        if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) }
        return String(mask(firstLine(of: text)).prefix(160))
    }

    /// The first non-empty line. A line ends at "\n" or "\r" but not inside "\r\n", which is
    /// one Character (the way `split` on Characters sees it).
    static func firstLine(of text: String) -> String {
        let bytes = Array(text.utf8)
        func isBreak(_ i: Int) -> Bool {
            (bytes[i] == 0x0a && (i == 0 || bytes[i - 1] != 0x0d)) || (bytes[i] == 0x0d && (i + 1 == bytes.count || bytes[i + 1] != 0x0a))
        }
        var start = 0
        while start < bytes.count, isBreak(start) { start += 1 }
        guard start < bytes.count else { return text }
        var end = start
        while end < bytes.count, !isBreak(end) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func mask(_ text: String) -> String {
        var copy = text
        return copy.withUTF8({ maskASCII($0) }) ?? maskCharacters(text)
    }

    /// `mask` by Characters: the definition, which `maskASCII` must agree with (a test checks).
    static func maskCharacters(_ text: String) -> String {
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

    /// `mask` of ASCII text on bytes (in ASCII a Character is a byte, but for "\r\n", which is
    /// not a token character either way); nil for other text.
    static func maskASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out = ""
        var tokenStart = -1
        func flush(_ end: Int) {
            guard tokenStart >= 0 else { return }
            out += classifyASCII(UnsafeBufferPointer(rebasing: bytes[tokenStart..<end]))
            tokenStart = -1
        }
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte >= 0x80 { return nil }
            let lower = byte | 0x20
            if (lower >= 0x61 && lower <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5f || byte == 0x2d || byte == 0x2e
                || byte == 0x3a || byte == 0x2f || byte == 0x24 {
                if tokenStart < 0 { tokenStart = i }
            } else {
                flush(i)
                out.unicodeScalars.append(Unicode.Scalar(byte == 0x09 ? 0x20 : byte))
            }
        }
        flush(bytes.count)
        return out
    }

    /// `classify` of an ASCII token, on its bytes: the same answers (a test holds them to it),
    /// without a walk over Characters for each test (about 40 µs a message that way).
    static func classifyASCII(_ token: UnsafeBufferPointer<UInt8>) -> String {
        let (dot, colon, comma, dash, underscore) = (UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "_"))
        var end = token.count
        while end > 0, token[end - 1] == dot || token[end - 1] == colon || token[end - 1] == comma { end -= 1 }
        let t = UnsafeBufferPointer(rebasing: token[..<end])
        if t.isEmpty { return String(decoding: token, as: UTF8.self) }
        let trailing = String(decoding: UnsafeBufferPointer(rebasing: token[end...]), as: UTF8.self)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }
        let count = t.count
        var digits = 0
        for byte in t where isDigit(byte) { digits += 1 }
        // String.isUUID: 8-4-4-4-12 hex digits.
        if count == 36, t.indices.allSatisfy({ [8, 13, 18, 23].contains($0) ? t[$0] == dash : isHexDigit(t[$0]) }) {
            return "<ID>" + trailing
        }
        // Four pieces between dots, and the first piece between colons only digits and dots.
        var pieces = 0
        var inPiece = false
        for byte in t {
            if byte == dot { inPiece = false } else if !inPiece { inPiece = true; pieces += 1 }
        }
        if pieces == 4 {
            let start = t.firstIndex(where: { $0 != colon }) ?? count
            let stop = t[start...].firstIndex(of: colon) ?? count
            if start < count, t[start..<stop].allSatisfy({ isDigit($0) || $0 == dot }) { return "<IP>" + trailing }
        }
        if count > 2, t[0] == UInt8(ascii: "0"), t[1] == UInt8(ascii: "x") { return "<HEX>" + trailing }
        if digits == count { return "<NUM>" + trailing }
        if digits > 0, t.allSatisfy({ isDigit($0) || $0 == dot || $0 == dash || $0 == colon }) { return "<NUM>" + trailing }
        if count >= 8, digits >= 2, t.allSatisfy({ isHexDigit($0) || $0 == dash }) { return "<HEX>" + trailing }
        if let at = t.firstIndex(of: underscore), at <= 4, count - at - 1 >= 5 {
            return String(decoding: UnsafeBufferPointer(rebasing: t[...at]), as: UTF8.self) + "<ID>" + trailing
        }
        if digits >= 3 && digits * 3 >= count { return "<NUM>" + trailing }
        return String(decoding: token, as: UTF8.self)
    }

    /// One token: kept when it is a word, masked when it carries an identity.
    static func classify(_ token: String) -> String {
        var trailing = ""
        var core = Substring(token)
        while let last = core.last, last == "." || last == ":" || last == "," { trailing = String(last) + trailing; core = core.dropLast() }
        let t = String(core)
        if t.isEmpty { return token }
        let digits = t.filter(\.isNumber).count
        if t.isUUID { return "<ID>" + trailing }
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
