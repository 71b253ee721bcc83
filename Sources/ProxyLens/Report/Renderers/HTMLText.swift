import Foundation

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
