import Foundation

// Every escaping of text that comes from the data (log lines, stream, function and proxy
// names, file names), one type per destination, all in this file: a renderer or the CLI calls
// the one for where its text goes and escapes nothing itself.

/// Characters that steer how text is shown rather than being text.
enum ControlCharacters {
    /// C0, DEL and C1.
    @inline(__always)
    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (value >= 0x7f && value < 0xa0) }

    /// Every bidirectional formatting character: ALM, LRM, RLM, the embeddings and overrides
    /// (U+202A–U+202E) and the isolates (U+2066–U+2069); and the two Unicode line breaks.
    @inline(__always)
    static func isLayoutControl(_ value: UInt32) -> Bool {
        value == 0x061c || value == 0x200e || value == 0x200f || (value >= 0x202a && value <= 0x202e)
            || (value >= 0x2066 && value <= 0x2069) || value == 0x2028 || value == 0x2029
    }
}

/// Text for a terminal.
public enum Terminal {
    /// For report cells: escape sequences removed whole, tab and line breaks made spaces, and
    /// every other C0/C1 control and bidi control removed.
    public static func clean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var skippingEscape = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if skippingEscape {
                if value >= 0x40 && value <= 0x7e && scalar != "[" { skippingEscape = false }
                continue
            }
            if value == 0x1b { skippingEscape = true; continue }
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { out.append(" "); continue }
            if ControlCharacters.isControl(value) || ControlCharacters.isLayoutControl(value) { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// For standard error, where a message must say exactly what a name or line held: every
    /// control and bidi control is shown escaped (`\n`, `\x1b`, `\u{202e}`), so a file name can
    /// neither move the cursor, write the clipboard (OSC 52) nor forge a line of its own.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ControlCharacters.isControl(value) {
                    out += "\\x" + (value < 0x10 ? "0" : "") + String(value, radix: 16)
                } else if ControlCharacters.isLayoutControl(value) {
                    out += "\\u{" + String(value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Text for HTML and XML (the HTML report, JUnit).
public enum HTMLText {
    /// Markup characters as references; characters XML 1.0 forbids (C0 controls but tab,
    /// line feed and carriage return; U+FFFE, U+FFFF) dropped, so the document always parses.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let value = ch.value
                if value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { continue }
                if value == 0xfffe || value == 0xffff { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// Text for Markdown (GitHub's step summary): data never becomes markup.
public enum MarkdownText {
    /// Prose: cleaned as for a terminal, then every ASCII punctuation character
    /// backslash-escaped (CommonMark allows it for all of them), so no emphasis, link, image,
    /// HTML, autolink, entity or table cell border can come from the data.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in Terminal.clean(text).unicodeScalars {
            let value = scalar.value
            let isLetterOrDigit = (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5a) || (value >= 0x61 && value <= 0x7a)
            if value > 0x20 && value < 0x7f && !isLetterOrDigit { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A code span that holds `text` whatever it contains: fenced by one more backtick than
    /// the longest run inside, padded when it starts or ends with one. In a table (`inTable`)
    /// `|` is escaped, as GFM reads it before the span.
    public static func code(_ text: String, inTable: Bool) -> String {
        var content = Terminal.clean(text)
        if content.isEmpty { return "" }
        var longest = 0, run = 0
        for ch in content.utf8 {
            if ch == UInt8(ascii: "`") { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        if inTable { content = content.replacingOccurrences(of: "|", with: "\\|") }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") || content.hasSuffix("\\|") ? " " : ""
        return fence + pad + content + pad + fence
    }
}

/// Text for CSV cells (RFC 4180), safe to open in a spreadsheet.
public enum CSVText {
    /// Quoted when needed; a text cell starting with `=`, `+`, `-`, `@`, tab or carriage
    /// return is prefixed with `'` (OWASP's rule against formula injection).
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// A database value: numbers as they are (a negative number is a number), text as `field`.
    public static func value(_ value: SQLValue) -> String {
        switch value {
        case .integer, .real: return value.string ?? ""
        default: return field(value.string ?? "")
        }
    }
}

/// JSON text without Foundation's escaping of `/`, keeping integer types.
public enum JSONText {
    /// Embeddable: the HTML page carries JSON in a `<script>`.
    public static func string(_ text: String) -> String { JSONQuoting.quoted(text, embeddable: true) }

    public static func value(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let v): return String(v)
        case .real(let v): return v.isFinite ? String(v) : "null"
        case .text(let s): return string(s)
        case .blob(let b): return string(String(decoding: b, as: UTF8.self))
        }
    }

    public static func object(_ columns: [String], _ values: [SQLValue]) -> String {
        "{" + zip(columns, values).map { string($0) + ":" + (($0 == "evidence" || $0 == "caused_by") ? rawArray($1) : value($1)) }.joined(separator: ",") + "}"
    }

    /// Columns holding JSON arrays are emitted as arrays, not strings.
    static func rawArray(_ value: SQLValue) -> String {
        guard case .text(let text) = value, text.hasPrefix("[") else { return JSONText.value(value) }
        return text
    }
}
