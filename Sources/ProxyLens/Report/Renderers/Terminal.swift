import Foundation

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
