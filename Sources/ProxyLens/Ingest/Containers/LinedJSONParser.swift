import Foundation

/// Parses one or more concatenated JSON documents (as `cat page1.json page2.json` writes them),
/// keeping each value's line. Errors name the line.
struct LinedJSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var depth = 0
    let path: String

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func documents() throws -> [LinedJSON] {
        var out: [LinedJSON] = []
        skipSpace()
        while i < bytes.count {
            out.append(try value())
            skipSpace()
        }
        return out
    }

    private func fail(_ reason: String) -> ProxyLensError { ProxyLensError(.input, path, line: line, reason) }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x0a: line += 1; i += 1
            case 0x20, 0x09, 0x0d: i += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> LinedJSON {
        skipSpace()
        guard i < bytes.count else { throw fail("the input ends where a JSON value was expected (truncated?)") }
        let start = line
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            if depth > 64 { throw fail("JSON nested deeper than 64 levels") }
            i += 1
            var fields: [(String, LinedJSON)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object([], line: start) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key in a JSON object") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key.prefix(40))\"") }
                i += 1
                fields.append((key, try value()))
                skipSpace()
                guard i < bytes.count else { throw fail("the input ends inside a JSON object (truncated?)") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                throw fail("expected ',' or '}' in a JSON object")
            }
            depth -= 1
            return .object(fields, line: start)
        case UInt8(ascii: "["):
            depth += 1
            if depth > 64 { throw fail("JSON nested deeper than 64 levels") }
            i += 1
            var items: [LinedJSON] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array([], line: start) }
            while true {
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw fail("the input ends inside a JSON array (truncated?)") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw fail("expected ',' or ']' in a JSON array")
            }
            depth -= 1
            return .array(items, line: start)
        case UInt8(ascii: "\""):
            return .string(try string(), line: start)
        case UInt8(ascii: "t"): try word("true"); return .bool(true, line: start)
        case UInt8(ascii: "f"): try word("false"); return .bool(false, line: start)
        case UInt8(ascii: "n"): try word("null"); return .null(line: start)
        default:
            let from = i
            while i < bytes.count, "0123456789+-.eE".utf8.contains(bytes[i]) { i += 1 }
            guard i > from, let number = Double(String(decoding: bytes[from..<i], as: UTF8.self)), number.isFinite else {
                throw fail("not a JSON value: \(String(decoding: bytes[from..<min(bytes.count, from + 20)], as: UTF8.self).debugDescription)")
            }
            return .number(number, line: start)
        }
    }

    private mutating func word(_ text: String) throws {
        let w = Array(text.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw fail("not a JSON value") }
        i += w.count
    }

    private mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == 0x0a { throw fail("a line break inside a JSON string") }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                        throw fail("a bad \\u escape in a JSON string")
                    }
                    i += 4
                    out.append(contentsOf: Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        throw fail("the input ends inside a string (truncated?)")
    }
}
