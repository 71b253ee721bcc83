import Foundation

/// A streaming pull parser for JSON that decodes only what the caller asks for.
///
/// CloudWatch exports are a few known shapes whose bulk is message strings, so the reader hands
/// out tokens one at a time, decodes strings into a reusable buffer, and never builds a tree.
/// Memory is bounded by the largest string, not by the document.
struct JSONReader {
    enum Token: Equatable {
        case objectStart, objectEnd, arrayStart, arrayEnd
        /// An object key; its bytes are in `string`.
        case key
        /// A string value; its bytes are in `string`.
        case string
        /// A number; its text is in `string`.
        case number
        case bool(Bool)
        case null
        /// The end of the input, between top-level values.
        case end
    }

    struct SyntaxError: Error {
        var offset: Int64
        var reason: String
    }

    /// Deeper nesting than this is refused: no real export nests more than a few levels.
    static let maximumDepth = 512

    let window: ByteWindow
    /// The decoded bytes of the last key, string or number.
    var string: [UInt8] = []
    /// Per open container: true for an object expecting a key next.
    private var expectingKey: [Bool] = []
    private var inObject: [Bool] = []

    init(_ window: ByteWindow) {
        self.window = window
        string.reserveCapacity(4096)
    }

    var depth: Int { inObject.count }
    var offset: Int64 { window.offset }

    private func fail(_ reason: String) -> SyntaxError {
        SyntaxError(offset: window.offset, reason: reason)
    }

    /// Skips white space, commas and colons; returns the next significant byte without consuming it.
    private mutating func peekSignificant() throws -> UInt8? {
        while true {
            while window.position < window.end {
                let byte = window.pointer[window.position]
                switch byte {
                case 0x20, 0x0a, 0x0d, 0x09, UInt8(ascii: ","), UInt8(ascii: ":"):
                    window.position += 1
                default:
                    return byte
                }
            }
            if try !window.fill() { return nil }
        }
    }

    private mutating func valueCompleted() {
        if let last = inObject.last, last { expectingKey[expectingKey.count - 1] = true }
    }

    mutating func next() throws -> Token {
        guard let byte = try peekSignificant() else {
            if let open = inObject.last { throw fail("the input ends inside \(open ? "an object" : "an array") (truncated?)") }
            return .end
        }
        switch byte {
        case UInt8(ascii: "{"):
            window.position += 1
            if inObject.count >= JSONReader.maximumDepth { throw fail("JSON nested deeper than \(JSONReader.maximumDepth) levels") }
            inObject.append(true)
            expectingKey.append(true)
            return .objectStart
        case UInt8(ascii: "["):
            window.position += 1
            if inObject.count >= JSONReader.maximumDepth { throw fail("JSON nested deeper than \(JSONReader.maximumDepth) levels") }
            inObject.append(false)
            expectingKey.append(false)
            return .arrayStart
        case UInt8(ascii: "}"):
            window.position += 1
            guard inObject.last == true else { throw fail("unexpected '}'") }
            inObject.removeLast()
            expectingKey.removeLast()
            valueCompleted()
            return .objectEnd
        case UInt8(ascii: "]"):
            window.position += 1
            guard inObject.last == false else { throw fail("unexpected ']'") }
            inObject.removeLast()
            expectingKey.removeLast()
            valueCompleted()
            return .arrayEnd
        case UInt8(ascii: "\""):
            window.position += 1
            try readString()
            if let last = expectingKey.last, last, inObject.last == true {
                expectingKey[expectingKey.count - 1] = false
                return .key
            }
            valueCompleted()
            return .string
        case UInt8(ascii: "t"):
            try literal("true"); valueCompleted(); return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false"); valueCompleted(); return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null"); valueCompleted(); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumber(); valueCompleted(); return .number
        default:
            throw fail(byte < 0x20 || byte >= 0x80 ? "unexpected byte 0x\(String(byte, radix: 16)) (binary data?)" : "unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard try window.ensure(count) else { throw fail("the input ends inside a literal (truncated?)") }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for i in 0..<count where window.pointer[window.position + i] != expected[i] {
            throw fail("invalid literal")
        }
        window.position += count
    }

    private mutating func readNumber() throws {
        string.removeAll(keepingCapacity: true)
        while true {
            while window.position < window.end {
                let byte = window.pointer[window.position]
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    string.append(byte)
                    window.position += 1
                    if string.count > 64 { throw fail("number too long") }
                default:
                    return
                }
            }
            if try !window.fill() { return }
        }
    }

    /// Decodes a string body (the opening quote already consumed) into `string`.
    private mutating func readString() throws {
        string.removeAll(keepingCapacity: true)
        // Too-long strings are refused at their start, the same wherever reads happen to stop.
        let start = window.offset
        var tooLong: SyntaxError { SyntaxError(offset: start, reason: "a string longer than \(window.maximumWindow >> 20) MiB") }
        while true {
            let base = window.pointer
            var i = window.position
            let end = window.end
            let runStart = i
            var atEscape = false
            while i < end {
                let byte = base[i]
                if byte == UInt8(ascii: "\"") {
                    string.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                    window.position = i + 1
                    if string.count > window.maximumWindow { throw tooLong }
                    return
                }
                if byte == UInt8(ascii: "\\") { atEscape = true; break }
                i += 1
            }
            string.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
            window.position = i
            if string.count > window.maximumWindow { throw tooLong }
            if atEscape { try readEscape(); continue }
            if try !window.fill() { throw fail("the input ends inside a string (truncated?)") }
        }
    }

    /// Decodes one escape at `position` (which points at the backslash).
    private mutating func readEscape() throws {
        guard try window.ensure(2) else { throw fail("the input ends inside a string (truncated?)") }
        let kind = window.pointer[window.position + 1]
        switch kind {
        case UInt8(ascii: "n"): string.append(0x0a)
        case UInt8(ascii: "t"): string.append(0x09)
        case UInt8(ascii: "r"): string.append(0x0d)
        case UInt8(ascii: "\""): string.append(0x22)
        case UInt8(ascii: "\\"): string.append(0x5c)
        case UInt8(ascii: "/"): string.append(0x2f)
        case UInt8(ascii: "b"): string.append(0x08)
        case UInt8(ascii: "f"): string.append(0x0c)
        case UInt8(ascii: "u"):
            guard try window.ensure(6), let unit = hex4(at: window.position + 2) else {
                throw fail("invalid \\u escape")
            }
            var scalar = UInt32(unit)
            var consumed = 6
            if unit >= 0xD800 && unit < 0xDC00 {
                if try window.ensure(12), window.pointer[window.position + 6] == UInt8(ascii: "\\"),
                   window.pointer[window.position + 7] == UInt8(ascii: "u"),
                   let low = hex4(at: window.position + 8), low >= 0xDC00 && low < 0xE000 {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    consumed = 12
                } else {
                    scalar = 0xFFFD
                }
            } else if unit >= 0xDC00 && unit < 0xE000 {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
            window.position += consumed
            return
        default:
            throw fail("invalid escape '\\\(Character(Unicode.Scalar(kind)))'")
        }
        window.position += 2
    }

    private func hex4(at index: Int) -> UInt16? {
        var value: UInt16 = 0
        for i in 0..<4 {
            let c = window.pointer[index + i]
            let digit: UInt16
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt16(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt16(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt16(c - 55)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            string.append(UInt8(scalar))
        case 0x80..<0x800:
            string.append(UInt8(0xC0 | (scalar >> 6)))
            string.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            string.append(UInt8(0xE0 | (scalar >> 12)))
            string.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            string.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            string.append(UInt8(0xF0 | (scalar >> 18)))
            string.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            string.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            string.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Closes the object whose opening brace `next()` returned, after someone else read its
    /// remaining `count` bytes (the closing brace included) straight from the window.
    mutating func endObject(consumedElsewhere count: Int) {
        window.position += count
        inObject.removeLast()
        expectingKey.removeLast()
        valueCompleted()
    }

    /// Skips the value that starts with `token` (already read).
    /// The next element of an array whose `[` was read, nil at its `]`; throws when the input
    /// ends inside the array.
    mutating func nextElement() throws -> Token? {
        let token = try next()
        if token == .arrayEnd { return nil }
        if token == .end { throw fail("the input ends inside an array (truncated?)") }
        return token
    }

    /// Reads the next key of an object whose `{` was read (`stringValue`, `keyIs`), false at its `}`.
    mutating func nextKey() throws -> Bool {
        let token = try next()
        if token == .objectEnd { return false }
        guard token == .key else { throw fail("expected a key") }
        return true
    }

    mutating func skipValue(after token: Token) throws {
        guard token == .objectStart || token == .arrayStart else { return }
        let target = depth - 1
        while depth > target {
            if try next() == .end { throw fail("the input ends inside a value (truncated?)") }
        }
    }

    /// Skips the next value.
    mutating func skipValue() throws {
        try skipValue(after: try next())
    }

    // MARK: Typed access to the current token

    var stringValue: String { String(decoding: string, as: UTF8.self) }

    func keyIs(_ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard string.count == count else { return false }
        return string.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress!, name.utf8Start, count) == 0
        }
    }

    /// The current number token as an integer (fractions truncated).
    var integerValue: Int64? {
        var value: Int64 = 0
        var negative = false
        for (i, c) in string.enumerated() {
            if i == 0 && c == UInt8(ascii: "-") { negative = true; continue }
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                // Through Double, and only when it fits: a timestamp of 1e300 is not a time.
                guard let value = doubleValue, value > -9.2e18, value < 9.2e18 else { return nil }
                return Int64(value)
            }
            guard c >= 48 && c <= 57 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - 48))
            if o1 || o2 { return nil }
            value = a
        }
        return negative ? -value : value
    }

    var doubleValue: Double? { Double(String(decoding: string, as: UTF8.self)) }

    /// Reads a scalar value as text (strings as they are, numbers and booleans as written).
    /// The value that starts with `token` (already read) as compact JSON text: what a log event
    /// whose `message` is an object or array (a subscription from a structured logger) holds.
    mutating func jsonText(after token: Token) throws -> [UInt8] {
        var out: [UInt8] = []
        func quoted(_ bytes: [UInt8]) { out += Array(JSONQuoting.quoted(String(decoding: bytes, as: UTF8.self)).utf8) }
        var depth = 0
        var token = token
        // A comma goes before a value or key that follows another in the same container.
        var needsComma: [Bool] = []
        while true {
            switch token {
            case .objectEnd, .arrayEnd:
                out.append(token == .objectEnd ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                depth -= 1
                needsComma.removeLast()
            case .end:
                throw fail("the input ends inside a value (truncated?)")
            default:
                if needsComma.last == true { out.append(UInt8(ascii: ",")) }
                if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
                switch token {
                case .objectStart: out.append(UInt8(ascii: "{")); depth += 1; needsComma.append(false)
                case .arrayStart: out.append(UInt8(ascii: "[")); depth += 1; needsComma.append(false)
                case .key:
                    quoted(string)
                    out.append(UInt8(ascii: ":"))
                    // The key's value follows without a comma.
                    needsComma[needsComma.count - 1] = false
                case .string: quoted(string)
                case .number: out += string
                case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
                case .null: out += Array("null".utf8)
                default: break
                }
            }
            if depth == 0 { return out }
            token = try next()
        }
    }

    mutating func scalarText(_ token: Token) throws -> String? {
        switch token {
        case .string, .number: return stringValue
        case .bool(let b): return b ? "true" : "false"
        case .null: return nil
        default:
            try skipValue(after: token)
            return nil
        }
    }
}
