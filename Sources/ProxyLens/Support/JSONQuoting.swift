import Foundation

/// A string as a JSON string literal, written the one way proxylens writes JSON by hand (the
/// canonical dimensions of a metric, a structured message kept as text, the report's records):
/// quotes, backslashes and control characters escaped, the short forms where JSON has them.
enum JSONQuoting {
    /// `embeddable` also escapes `<`, `>`, `&`, U+2028 and U+2029, so that the literal can sit
    /// inside an HTML page's `<script>` or be read as JavaScript.
    static func quoted(_ text: String, embeddable: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where embeddable: out += "\\u003c"
            case ">" where embeddable: out += "\\u003e"
            case "&" where embeddable: out += "\\u0026"
            case "\u{2028}" where embeddable, "\u{2029}" where embeddable: out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
