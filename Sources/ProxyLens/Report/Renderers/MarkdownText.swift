import Foundation

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
